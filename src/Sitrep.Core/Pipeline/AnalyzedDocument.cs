using Sitrep.Documents;
using Sitrep.Text;

namespace Sitrep.Pipeline;

/// <summary>
/// A document together with the annotations stages have assigned to it. Tokens and sentences are first-class because
/// nearly every stage reads them; every other result lives in a typed layer.
/// </summary>
public sealed class AnalyzedDocument
{
    /// <summary>Wraps a document for analysis.</summary>
    public AnalyzedDocument(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        Document = document;
    }

    /// <summary>The document; owns the text.</summary>
    public Document Document { get; }

    /// <summary>The document's text (shortcut).</summary>
    public string Text => Document.Text;

    /// <summary>Tokens over the analysable text (boilerplate and post headers excluded), in text order.</summary>
    public List<Token> Tokens { get; } = [];

    /// <summary>Sentences in text order.</summary>
    public List<Sentence> Sentences { get; } = [];

    /// <summary>Typed result layers.</summary>
    public LayerBag Layers { get; } = new();

    /// <summary>Names of the stages that ran, with their versions, in order.</summary>
    public List<string> StagesRun { get; } = [];

    /// <summary>The tokens of a sentence.</summary>
    public ReadOnlySpan<Token> TokensOf(Sentence sentence) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Tokens).Slice(sentence.FirstToken, sentence.TokenCount);

    /// <summary>The text of a sentence.</summary>
    public string TextOf(Sentence sentence) => Document.Slice(sentence.Range);

    /// <summary>A span of this document.</summary>
    public Span SpanOf(TextRange range) => new(Document.Id, range.Start, range.End);

    /// <summary>The index in <see cref="Sentences"/> of the sentence holding a character offset, or -1 (a binary search).</summary>
    public int SentenceIndexAt(int offset)
    {
        int lo = 0, hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var r = Sentences[mid].Range;
            if (offset < r.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= r.End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }
}
