using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Time.Timeline;

/// <summary>
/// Builds the corpus timeline from the timex layers: one entry per dated sentence, the same event and time reported by
/// several documents merged into one entry. Entries whose value has a known calendar position are ordered by it; the
/// underspecified ones ("XXXX-XX-XXT05:37+01:00", "XXXX-WXX-5") cannot be placed against them, so they follow in the
/// order of their report times: a partial order, stated as such rather than forced.
/// </summary>
public sealed class TimelineStage : ICorpusStage
{
    private const int LabelLength = 200;
    private readonly int _maxEntries;

    /// <summary>Creates the stage.</summary>
    /// <param name="maxEntries">Most entries kept (placed ones first).</param>
    public TimelineStage(int maxEntries = 300)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        _maxEntries = maxEntries;
    }

    /// <inheritdoc />
    public string Name => "time.timeline.v1";

    /// <inheritdoc />
    public IReadOnlyList<string> Requires { get; } = [Capabilities.Sentences, Capabilities.Timexes];

    /// <inheritdoc />
    public IReadOnlyList<string> Assigns { get; } = [Capabilities.Timeline];

    /// <inheritdoc />
    public void Process(Corpus corpus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var merged = new Dictionary<(string When, string Label), Builder>();
        var order = new List<Builder>();
        foreach (var doc in corpus.Documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (doc.Layers.Find<TimexLayer>() is not { } layer)
            {
                continue;
            }

            var s = 0;
            foreach (var timex in layer.Items)
            {
                if (!EventTimes.CanDate(timex))
                {
                    continue;
                }

                while (s < doc.Sentences.Count && doc.Sentences[s].Range.End <= timex.Range.Start)
                {
                    s++;
                }

                var sentence = s < doc.Sentences.Count && doc.Sentences[s].Range.Contains(timex.Range.Start) ? doc.Sentences[s].Range : LineOf(doc.Text, timex.Range);
                var label = Label(doc.Text, sentence);
                if (label.Length <= timex.Range.Length + 12 && s + 1 < doc.Sentences.Count && EventTimes.IsMarker(layer, timex))
                {
                    // A stamp on a line of its own ("24.06.2023 02:19") dates the post below it.
                    sentence = doc.Sentences[s + 1].Range;
                    label = Label(doc.Text, sentence);
                }

                if (label.Length == 0)
                {
                    continue;
                }

                var key = (timex.Value, label);
                if (!merged.TryGetValue(key, out var entry))
                {
                    entry = new Builder(timex, doc.Document.Slice(timex.Range), label, layer.ReportTimeAt(sentence.Start).Value, order.Count);
                    merged[key] = entry;
                    order.Add(entry);
                }

                var span = doc.SpanOf(sentence);
                if (!entry.Cites.Contains(span))
                {
                    entry.Cites.Add(span);
                }

                if (!entry.Docs.Contains(doc.Document.Id))
                {
                    entry.Docs.Add(doc.Document.Id);
                }
            }
        }

        var placed = order.Where(e => e.Interval is not null)
            .OrderBy(e => e.Interval!.Value.Start)
            .ThenBy(e => e.Interval!.Value.End)
            .ThenBy(e => e.Index);
        var unplaced = order.Where(e => e.Interval is null)
            .OrderBy(e => TimexInterval.Of(e.Reported)?.Start ?? DateTime.MaxValue)
            .ThenBy(e => e.Index);
        var entries = placed.Concat(unplaced)
            .Take(_maxEntries)
            .Select(e => new TimelineEntry(e.When, e.Reported, e.Label, e.Expression, e.Anchor, [.. e.Cites], [.. e.Docs], [], e.Interval, e.AnchorNote))
            .ToList();
        corpus.Layers.Set(new TimelineLayer(entries));
    }

    private static TextRange LineOf(string text, TextRange range)
    {
        // Bounded both ways: a timex outside any sentence (a post header) is labelled by at most 300 characters around it.
        var from = Math.Max(0, range.Start - 300);
        var start = text.LastIndexOf('\n', Math.Max(0, range.Start - 1), range.Start - from) + 1;
        start = Math.Max(start, from);
        var to = Math.Min(text.Length, range.End + 300);
        var end = text.IndexOf('\n', range.End, to - range.End);
        return new TextRange(start, end < 0 ? to : end);
    }

    private static string Label(string text, TextRange range)
    {
        // Only the head of a sentence can reach its label: flattening the whole of a megabyte-long sentence once for
        // each of its timexes was quadratic in the sentence's length.
        var take = Math.Min(range.Length, LabelLength * 4);
        var flat = Sitrep.Text.WhiteSpace.OneLine(text.Substring(range.Start, take));
        return take == range.Length && flat.Length <= LabelLength ? flat : string.Concat(flat.AsSpan(0, Math.Min(flat.Length, LabelLength - 1)), "…");
    }

    private sealed class Builder(Timex timex, string expression, string label, string? reported, int index)
    {
        public string When { get; } = timex.Value;

        public string Expression { get; } = expression;

        public AnchorKind Anchor { get; } = timex.Anchor;

        public string? AnchorNote { get; } = timex.AnchorNote;

        public string Label { get; } = label;

        public string? Reported { get; } = reported;

        public int Index { get; } = index;

        public TimeInterval? Interval { get; } = TimexInterval.Of(timex.Value);

        public List<Span> Cites { get; } = [];

        public List<string> Docs { get; } = [];
    }
}
