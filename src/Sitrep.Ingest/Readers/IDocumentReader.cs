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
    /// <summary>A result with one document.</summary>
    public static ReadResult Of(Document document) => new([document], []);

    /// <summary>A result with one error.</summary>
    public static ReadResult Failed(SitrepError error) => new([], [error]);
}
