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
    public string PersistedLayerName => Capabilities.Sentences;

    /// <inheritdoc />
    /// <remarks>
    /// <c>{"sentences":[start, end, firstToken, tokenCount, …], "tokens":[start, end, …]}</c>: flat arrays, four numbers
    /// per sentence and two per token. (Stores written before held only <c>[[start, end], …]</c>; such a layer is not
    /// imported, and its document is analysed again.)
    /// </remarks>
    public PersistedLayer? Export(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var json = new System.Text.StringBuilder(document.Sentences.Count * 20 + document.Tokens.Count * 10 + 32).Append("{\"sentences\":[");
        for (var i = 0; i < document.Sentences.Count; i++)
        {
            var sentence = document.Sentences[i];
            json.Append(i == 0 ? string.Empty : ",").Append(sentence.Range.Start).Append(',').Append(sentence.Range.End)
                .Append(',').Append(sentence.FirstToken).Append(',').Append(sentence.TokenCount);
        }

        json.Append("],\"tokens\":[");
        for (var i = 0; i < document.Tokens.Count; i++)
        {
            var token = document.Tokens[i];
            json.Append(i == 0 ? string.Empty : ",").Append(token.Start).Append(',').Append(token.End);
        }

        return new PersistedLayer(Capabilities.Sentences, Name, json.Append("]}").ToString());
    }

    /// <inheritdoc />
    public bool Import(AnalyzedDocument document, PersistedLayer layer)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(layer);
        if (LayerJson.TryDeserialize<StoredSentences>(layer.Json) is not { Sentences: { } sentences, Tokens: { } tokens }
            || sentences.Length % 4 != 0 || tokens.Length % 2 != 0)
        {
            return false;
        }

        var length = document.Text.Length;
        var tokenCount = tokens.Length / 2;
        for (var i = 0; i < tokens.Length; i += 2)
        {
            if (tokens[i] < 0 || tokens[i + 1] < tokens[i] || tokens[i + 1] > length)
            {
                return false;
            }
        }

        for (var i = 0; i < sentences.Length; i += 4)
        {
            if (sentences[i] < 0 || sentences[i + 1] < sentences[i] || sentences[i + 1] > length
                || sentences[i + 2] < 0 || sentences[i + 3] < 0 || sentences[i + 2] + sentences[i + 3] > tokenCount)
            {
                return false;
            }
        }

        document.Tokens.Clear();
        document.Sentences.Clear();
        for (var i = 0; i < tokens.Length; i += 2)
        {
            document.Tokens.Add(new Token(tokens[i], tokens[i + 1]));
        }

        for (var i = 0; i < sentences.Length; i += 4)
        {
            document.Sentences.Add(new Sentence(new TextRange(sentences[i], sentences[i + 1]), sentences[i + 2], sentences[i + 3]));
        }

        return true;
    }

    private sealed record StoredSentences(int[]? Sentences, int[]? Tokens);

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
