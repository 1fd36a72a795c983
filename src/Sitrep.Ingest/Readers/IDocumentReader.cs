using Sitrep.Documents;
using Sitrep.Errors;
using Sitrep.Ingest.Files;

namespace Sitrep.Ingest.Readers;

/// <summary>Reads one input format. One file may hold several documents (a feed, an export).</summary>
public interface IDocumentReader
{
    /// <summary>Versioned reader name, e.g. <c>read.text.v1</c>.</summary>
    string Name { get; }

    /// <summary>How well the reader fits the input: 0 not at all; the registry picks the highest.</summary>
    /// <remarks>Decide from the extension and from sniffing the content's head: a saved page named <c>.txt</c> is still HTML.</remarks>
    int Score(RawInput input, ReadOnlySpan<char> head);

    /// <summary>Reads the input into documents; problems become error entries, never exceptions.</summary>
    ReadResult Read(RawInput input, string text);
}

/// <summary>What a reader produced.</summary>
/// <param name="Documents">Documents read.</param>
/// <param name="Errors">Error entries and warnings.</param>
public sealed record ReadResult(IReadOnlyList<Document> Documents, IReadOnlyList<SitrepError> Errors)
{
    /// <summary>
    /// Files found inside the input (e-mail attachments) that the ingestor reads as documents of their own, each with
    /// the reader that fits it; empty for most formats.
    /// </summary>
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>A result with one document.</summary>
    public static ReadResult Of(Document document) => new([document], []);

    /// <summary>A result with one error.</summary>
    public static ReadResult Failed(SitrepError error) => new([], [error]);
}

/// <summary>
/// Reads a format whose bytes are not text (PDF, Word) or carry their own charsets part by part (e-mail): it gets the
/// raw bytes, before binary sniffing and decoding. The ingestor offers an input to these readers first.
/// </summary>
public interface IBinaryDocumentReader
{
    /// <summary>Versioned reader name, e.g. <c>read.pdf.v1</c>.</summary>
    string Name { get; }

    /// <summary>How well the reader fits the input, from its magic bytes and extension: 0 not at all; the highest wins.</summary>
    int Score(RawInput input);

    /// <summary>Reads the input into documents; problems become error entries, never exceptions.</summary>
    ReadResult Read(RawInput input);
}

/// <summary>A file carried inside another input, read as a document of its own and linked to what carried it.</summary>
/// <param name="Input">Its bytes, with a path that names the carrier (<c>thread.mbox#m2/report.pdf</c>).</param>
/// <param name="Source">What the carrier says of its source (sender, date, a <c>mid:</c> link to the message); the
/// attachment's own metadata wins where it has any.</param>
public sealed record Attachment(RawInput Input, Source Source);
