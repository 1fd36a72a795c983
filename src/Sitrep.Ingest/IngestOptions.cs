namespace Sitrep.Ingest;

/// <summary>Limits that keep untrusted input from exhausting the machine.</summary>
public sealed record IngestOptions
{
    /// <summary>The default size limit: 64 MiB per file.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    /// <summary>Files larger than this are refused with an error entry, without being read.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>Bytes sniffed at the head of a file to tell binaries and formats apart.</summary>
    public int SniffBytes { get; init; } = 8192;

    /// <summary>Default options.</summary>
    public static IngestOptions Default { get; } = new();
}
