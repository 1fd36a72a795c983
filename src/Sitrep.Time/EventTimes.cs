using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Time;

/// <summary>When something happened, as the text says, apart from when it was reported.</summary>
/// <param name="EventTime">TIMEX3 value of the event time, or null when the text gives none.</param>
/// <param name="EventTimex">The expression the event time comes from, or null.</param>
/// <param name="EventAnchor">What the event time was resolved against.</param>
/// <param name="ReportTime">TIMEX3 value of the report time (post, live update or publication), or null when unknown.</param>
/// <param name="ReportSource">Where the report time comes from.</param>
public sealed record EventReportTime(string? EventTime, TextRange? EventTimex, AnchorKind EventAnchor, string? ReportTime, AnchorKind ReportSource);

/// <summary>
/// Separates event time from report time for any range of an analysed document (a claim, a sentence). Other stages
/// (claims) call it after <see cref="TimexStage"/> has run.
/// </summary>
public static class EventTimes
{
    /// <summary>
    /// The event and report time of <paramref name="range"/>. The event time is the first DATE or TIME expression inside
    /// the range, else inside the sentence that holds the range's start; reference words ("now") and live-blog markers
    /// (which are report times) do not count. The report time is that of the innermost post or live update holding the
    /// range, else the document's publication time.
    /// </summary>
    public static EventReportTime For(AnalyzedDocument document, TextRange range)
    {
        ArgumentNullException.ThrowIfNull(document);
        var layer = document.Layers.Find<TimexLayer>();
        if (layer is null)
        {
            return new EventReportTime(null, null, AnchorKind.None, null, AnchorKind.None);
        }

        var (report, source) = layer.ReportTimeAt(range.Start);
        var timex = FirstEventTimex(layer, range) ?? (SentenceOf(document, range.Start) is { } sentence ? FirstEventTimex(layer, sentence) : null);
        return new EventReportTime(timex?.Value, timex?.Range, timex?.Anchor ?? AnchorKind.None, report, source);
    }

    /// <summary>
    /// The DATE or TIME expression of the sentence holding <paramref name="range"/> that is nearest to it, or null: the
    /// date of a figure is the one written next to it ("crashed on 23 August, killing all ten"), not the sentence's first
    /// ("the founder, whose men marched in June, …").
    /// </summary>
    public static Timex? Nearest(AnalyzedDocument document, TextRange range)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Layers.Find<TimexLayer>() is not { } layer || SentenceOf(document, range.Start) is not { } sentence)
        {
            return null;
        }

        Timex? best = null;
        var bestDistance = int.MaxValue;
        foreach (var t in layer.Items)
        {
            if (t.Range.Start >= sentence.End)
            {
                break;
            }

            if (!sentence.Contains(t.Range) || !CanDate(t) || IsMarker(layer, t))
            {
                continue;
            }

            var distance = t.Range.End <= range.Start ? range.Start - t.Range.End : Math.Max(0, t.Range.Start - range.End);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (t, distance);
            }
        }

        return best;
    }

    /// <summary>True when a timex can stand for when something happened (a DATE or TIME with some digit known).</summary>
    public static bool CanDate(Timex timex)
    {
        ArgumentNullException.ThrowIfNull(timex);
        return timex.Type is TimexType.Date or TimexType.Time && timex.Value.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && !timex.Value.EndsWith("_REF", StringComparison.Ordinal);
    }

    private static Timex? FirstEventTimex(TimexLayer layer, TextRange range)
    {
        // Items are in text order: start at the first one that can lie inside the range. Walking from the document's
        // first timex for every claim was quadratic in the document's length.
        var items = layer.Items;
        int lo = 0, hi = items.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (items[mid].Range.Start < range.Start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < items.Count; i++)
        {
            var t = items[i];
            if (t.Range.Start >= range.End)
            {
                break;
            }

            if (range.Contains(t.Range) && CanDate(t) && !IsMarker(layer, t))
            {
                return t;
            }
        }

        return null;
    }

    internal static bool IsMarker(TimexLayer layer, Timex timex) =>
        layer.ReportTimes.Any(r => r.Source == AnchorKind.Post && r.Range.Start == timex.Range.Start);

    private static TextRange? SentenceOf(AnalyzedDocument document, int offset) =>
        document.SentenceIndexAt(offset) is var i and >= 0 ? document.Sentences[i].Range : null;
}
