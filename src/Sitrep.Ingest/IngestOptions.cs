namespace Sitrep.Ingest;

/// <summary>Limits that keep untrusted input from exhausting the machine.</summary>
public sealed record IngestOptions
{
    /// <summary>The default size limit: 64 MiB per file.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    /// <summary>Files larger than this are refused with an error entry, without being read.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>A compressed file (<c>.gz</c>) may expand to at most this many bytes; more is a gzip bomb.</summary>
    public long MaxDecompressedBytes { get; init; } = DefaultMaxBytes;

    /// <summary>
    /// All compressed inputs of one run together may expand to at most this many bytes (one budget per run, shared by
    /// the files); a file that would go over it is refused with <c>SR1014</c>.
    /// </summary>
    public long MaxDecompressedBytesPerRun { get; init; } = 4 * DefaultMaxBytes;

    /// <summary>Bytes sniffed at the head of a file to tell binaries and formats apart.</summary>
    public int SniffBytes { get; init; } = 8192;

    /// <summary>Markup nesting beyond this depth is not parsed into a tree; the page is read as flat text.</summary>
    public int MaxNestingDepth { get; init; } = 1024;

    /// <summary>Most characters kept in one document's text (a JSON field, a feed item, extracted page text).</summary>
    public int MaxDocumentChars { get; init; } = 16 * 1024 * 1024;

    /// <summary>Most items read from one feed, export or JSON Lines file.</summary>
    public int MaxItems { get; init; } = 100_000;

    /// <summary>Most pages read from one PDF; later pages are counted and reported, not read.</summary>
    public int MaxPages { get; init; } = 2_000;

    /// <summary>Most messages nested inside one another in a MIME tree (multiparts, attached messages).</summary>
    public int MaxMimeDepth { get; init; } = 32;

    /// <summary>Default options.</summary>
    public static IngestOptions Default { get; } = new();
}
