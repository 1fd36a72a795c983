using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Text;

/// <summary>
/// Tokenizes and splits sentences over the analysable text: everything except boilerplate and post headers.
/// Sentences never cross a post boundary.
/// </summary>
public sealed class SentenceStage : IPersistedStage
{
    /// <inheritdoc />
    public string Name => "text.rules.v1";

    /// <inheritdoc />
    public IReadOnlyList<string> Requires { get; } = [Capabilities.Text, Capabilities.Structure];

    /// <inheritdoc />
    public IReadOnlyList<string> Assigns { get; } = [Capabilities.Sentences];

    /// <inheritdoc />
    public void Process(AnalyzedDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Tokens.Clear();
        document.Sentences.Clear();
        SentenceSplitter.Split(document.Text, AnalysableRegions(document.Document), document.Tokens, document.Sentences);
    }

    /// <inheritdoc />
    /// <remarks>Sentences as <c>[[start, end], ...]</c>.</remarks>
    public PersistedLayer? Export(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var json = new System.Text.StringBuilder(document.Sentences.Count * 12 + 2).Append('[');
        for (var i = 0; i < document.Sentences.Count; i++)
        {
            var range = document.Sentences[i].Range;
            json.Append(i == 0 ? "[" : ",[").Append(range.Start).Append(',').Append(range.End).Append(']');
        }

        return new PersistedLayer(Capabilities.Sentences, Name, json.Append(']').ToString());
    }

    /// <summary>
    /// The text minus boilerplate and post headers, cut at post starts so that no sentence spans two posts.
    /// </summary>
    public static IReadOnlyList<TextRange> AnalysableRegions(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var excluded = new List<TextRange>(document.Boilerplate);
        var cuts = new SortedSet<int>();
        foreach (var post in document.Posts)
        {
            cuts.Add(post.Range.Start);
            cuts.Add(post.Range.End);
            if (post.Header is { } header)
            {
                excluded.Add(header);
            }
        }

        excluded.Sort((a, b) => a.Start.CompareTo(b.Start));
        var regions = new List<TextRange>();
        var position = 0;
        foreach (var range in excluded)
        {
            if (range.Start > position)
            {
                AddCut(regions, position, range.Start, cuts);
            }

            position = Math.Max(position, range.End);
        }

        if (position < document.Text.Length)
        {
            AddCut(regions, position, document.Text.Length, cuts);
        }

        return regions;
    }

    private static void AddCut(List<TextRange> regions, int start, int end, SortedSet<int> cuts)
    {
        var from = start;
        foreach (var cut in cuts.GetViewBetween(start + 1, Math.Max(start + 1, end - 1)))
        {
            regions.Add(new TextRange(from, cut));
            from = cut;
        }

        regions.Add(new TextRange(from, end));
    }
}
