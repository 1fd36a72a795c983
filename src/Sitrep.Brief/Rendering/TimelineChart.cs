using System.Globalization;
using System.Net;
using System.Text;
using Sitrep.Brief.Model;

namespace Sitrep.Brief.Rendering;

/// <summary>
/// Draws the timeline as an inline SVG (no script, no external reference) in lanes: one lane per main actor (the
/// brief's actors that matter) and one for the rest, each headed by a band that shows all its entries on the time
/// axis; below it one row per entry, a dot on the axis for entries whose date is known and a hollow marker before the
/// axis for the rest. Dates are written as a reader writes them. All source text is escaped.
/// </summary>
internal static class TimelineChart
{
    private const int Width = 1000;
    private const int AxisLeft = 150;
    private const int AxisRight = 560;
    private const int Row = 18;
    private const int Top = 34;
    private const int LabelChars = 62;

    /// <summary>Characters of a row's date that fit before the axis (and the hollow marker of an unplaced entry).</summary>
    private const int DateChars = 20;

    /// <summary>Most lanes: the main actors; every other entry goes to the "other" lane.</summary>
    public const int MaxLanes = 5;

    /// <summary>The lane of entries that name none of the main actors.</summary>
    public const string OtherLane = "other";

    /// <summary>
    /// The candidate lanes: the brief's actors that matter, in the brief's order, each with the names it is written by
    /// (its aliases, and a person's surname). The chart keeps the <see cref="MaxLanes"/> with most entries.
    /// </summary>
    public static List<(string Lane, List<string> Names)> Lanes(BriefReport report)
    {
        var entities = report.Entities.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return
        [
            .. report.ActorsThatMatter.Select(a =>
            {
                var names = new List<string> { a.Name };
                if (entities.GetValueOrDefault(a.Entity) is { } e)
                {
                    names.AddRange(e.Aliases.Where(x => x.Length >= 3 && char.IsUpper(x[0])));
                }

                if (a.Type == "PERSON" && a.Name.Contains(' ', StringComparison.Ordinal))
                {
                    names.Add(a.Name.Split(' ')[^1]);
                }

                return (a.Name, names.Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length).ToList());
            }),
        ];
    }

    /// <summary>
    /// The lane of an entry: the main actor its label names first (the one the sentence is about, as a rule), else
    /// <see cref="OtherLane"/>.
    /// </summary>
    public static string LaneOf(BriefTimelineEntry entry, IReadOnlyList<(string Lane, List<string> Names)> lanes)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(lanes);
        var best = OtherLane;
        var first = int.MaxValue;
        foreach (var (lane, names) in lanes)
        {
            foreach (var name in names)
            {
                var at = WholeWord(entry.Label, name);
                if (at >= 0 && at < first)
                {
                    first = at;
                    best = lane;
                }
            }
        }

        return best;
    }

    public static string Svg(IReadOnlyList<BriefTimelineEntry> entries, IReadOnlyList<(string Lane, List<string> Names)>? lanes = null, int maxRows = 60)
    {
        lanes ??= [];

        // Too many rows to read: keep those reported by most documents, then the most precise, in timeline order.
        var kept = entries.Count <= maxRows
            ? [.. entries]
            : entries.Select((e, i) => (Entry: e, Index: i))
                .OrderByDescending(x => x.Entry.Docs.Count)
                .ThenByDescending(x => x.Entry.When.Length)
                .ThenBy(x => x.Index)
                .Take(maxRows)
                .OrderBy(x => x.Index)
                .Select(x => x.Entry)
                .ToList();

        // The main actors are those with most entries (in the brief's order of actors), then "other"; within a lane,
        // the timeline's order.
        var candidates = lanes;
        var counts = kept.GroupBy(e => LaneOf(e, candidates), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        lanes = [.. lanes.Select((l, i) => (Lane: l, Index: i))
            .Where(x => counts.ContainsKey(x.Lane.Lane))
            .OrderByDescending(x => counts[x.Lane.Lane])
            .ThenBy(x => x.Index)
            .Take(MaxLanes)
            .OrderBy(x => x.Index)
            .Select(x => x.Lane)];
        var order = lanes.Select(l => l.Lane).Append(OtherLane).ToList();
        var grouped = kept.Select((e, i) => (Entry: e, Index: i, Lane: LaneOf(e, lanes)))
            .GroupBy(x => x.Lane, StringComparer.Ordinal)
            .OrderBy(g => order.IndexOf(g.Key))
            .Select(g => (Lane: g.Key, Rows: g.OrderBy(x => x.Index).Select(x => x.Entry).ToList()))
            .ToList();
        var rows = grouped.SelectMany(g => g.Rows).ToList();
        var spans = rows.Select(e => e.Placed ? Parse(e.When) : null).ToList();
        var known = spans.Where(s => s is not null).Select(s => s!.Value).ToList();

        // The axis covers the bulk of the entries (10th to 90th percentile); the few far outside it (a war a century
        // back) are drawn as arrows at its ends rather than squashing everything else into one pixel.
        var starts = known.Select(s => s.Start).Order().ToList();
        var min = starts.Count > 0 ? starts[(int)(starts.Count * 0.1)] : DateTime.MinValue;
        var max = starts.Count > 0 ? starts[Math.Min(starts.Count - 1, (int)(starts.Count * 0.9))] : DateTime.MinValue;
        if (starts.Count > 0)
        {
            var pad = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerHour, (max - min).Ticks / 10));
            min = min > DateTime.MinValue + pad ? min - pad : min;
            max = max < DateTime.MaxValue - pad ? max + pad : max;
        }

        var range = Math.Max(1.0, (max - min).TotalMinutes);
        var height = Top + ((rows.Count + grouped.Count) * Row) + 20;
        var sb = new StringBuilder();
        sb.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Timeline by actor\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" style=\"max-width:{Width}px;font:12px system-ui,sans-serif\">"));
        sb.Append(Invariant($"<line x1=\"{AxisLeft}\" y1=\"{Top - 12}\" x2=\"{AxisRight}\" y2=\"{Top - 12}\" stroke=\"#5b6470\"/>"));
        if (known.Count > 0)
        {
            sb.Append(Invariant($"<text x=\"{AxisLeft}\" y=\"{Top - 18}\" fill=\"#5b6470\">{E(Tick(min))}</text>"));
            sb.Append(Invariant($"<text x=\"{AxisRight}\" y=\"{Top - 18}\" fill=\"#5b6470\" text-anchor=\"end\">{E(Tick(max))}</text>"));
        }

        sb.Append(Invariant($"<text x=\"{AxisRight + 20}\" y=\"{Top - 18}\" fill=\"#5b6470\">event (as the text dates it), by actor</text>"));
        var y = Top;
        var stripe = 0;
        var i = 0;
        foreach (var (lane, laneRows) in grouped)
        {
            // The lane's band: its name, and every one of its dated entries on the axis at a glance.
            sb.Append(Invariant($"<g class=\"lane\"><rect x=\"0\" y=\"{y - 12}\" width=\"{Width}\" height=\"{Row}\" fill=\"#dde6f0\"/>"));
            sb.Append(Invariant($"<text x=\"4\" y=\"{y + 1}\" fill=\"#1b1f24\" font-weight=\"bold\">{E(Clip(lane, 22))}</text>"));
            sb.Append(Invariant($"<text x=\"{AxisRight + 20}\" y=\"{y + 1}\" fill=\"#3d4650\">{E(lane == OtherLane ? "other actors and events" : lane)}: {laneRows.Count} {(laneRows.Count == 1 ? "entry" : "entries")}</text>"));
            for (var k = 0; k < laneRows.Count; k++)
            {
                if (spans[i + k] is { } s && s.End >= min && s.Start <= max)
                {
                    sb.Append(Invariant($"<circle cx=\"{X(s.Start, s.End):0.#}\" cy=\"{y - 2}\" r=\"3\" fill=\"#0b5cad\" fill-opacity=\"0.6\"/>"));
                }
            }

            sb.Append("</g>");
            y += Row;
            foreach (var entry in laneRows)
            {
                if (stripe++ % 2 == 1)
                {
                    sb.Append(Invariant($"<rect x=\"0\" y=\"{y - 12}\" width=\"{Width}\" height=\"{Row}\" fill=\"#f1f3f5\"/>"));
                }

                sb.Append(Invariant($"<text x=\"14\" y=\"{y + 1}\" fill=\"#1b1f24\"><title>{E(Time.Timeline.TimexLabels.Short(entry.When))}</title>{E(Clip(Time.Timeline.TimexLabels.Short(entry.When), DateChars))}</text>"));
                if (spans[i] is { } outside && (outside.End < min || outside.Start > max))
                {
                    var left = outside.End < min;
                    var x = left ? AxisLeft - 2 : AxisRight + 2;
                    var dx = left ? 7 : -7;
                    sb.Append(Invariant($"<path d=\"M{x} {y - 2} l{dx} -5 v10 z\" fill=\"#0b5cad\"><title>outside the axis ({(left ? "earlier" : "later")})</title></path>"));
                }
                else if (spans[i] is { } span)
                {
                    var x1 = AxisLeft + (Math.Max(0, (span.Start - min).TotalMinutes) / range * (AxisRight - AxisLeft));
                    var x2 = AxisLeft + (Math.Min(range, (span.End - min).TotalMinutes) / range * (AxisRight - AxisLeft));
                    if (x2 - x1 >= 6)
                    {
                        sb.Append(Invariant($"<rect x=\"{x1:0.#}\" y=\"{y - 6}\" width=\"{x2 - x1:0.#}\" height=\"8\" rx=\"3\" fill=\"#0b5cad\" fill-opacity=\"0.35\"/>"));
                    }
                    else
                    {
                        sb.Append(Invariant($"<circle cx=\"{(x1 + x2) / 2:0.#}\" cy=\"{y - 2}\" r=\"4\" fill=\"#0b5cad\"/>"));
                    }
                }
                else
                {
                    sb.Append(Invariant($"<circle cx=\"{AxisLeft - 8}\" cy=\"{y - 2}\" r=\"4\" fill=\"none\" stroke=\"#7a5b00\"><title>date unknown: not placed on the axis</title></circle>"));
                }

                sb.Append(Invariant($"<text x=\"{AxisRight + 20}\" y=\"{y + 1}\" fill=\"#1b1f24\"><title>{E(entry.Label)}</title>{E(Clip(entry.Label, LabelChars))}</text>"));
                y += Row;
                i++;
            }
        }

        sb.Append("</svg>");
        return sb.ToString();

        double X(DateTime start, DateTime end)
        {
            var a = Math.Max(0, (start - min).TotalMinutes);
            var b = Math.Min(range, (end - min).TotalMinutes);
            return AxisLeft + ((a + b) / 2 / range * (AxisRight - AxisLeft));
        }
    }

    private static string Clip(string text, int chars) => text.Length > chars ? string.Concat(text.AsSpan(0, chars - 1), "…") : text;

    /// <summary>Where <paramref name="word"/> stands as a whole word in <paramref name="text"/>, or -1.</summary>
    private static int WholeWord(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.Ordinal);
        while (at >= 0)
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var after = at + word.Length >= text.Length || !char.IsLetterOrDigit(text[at + word.Length]);
            if (before && after)
            {
                return at;
            }

            at = text.IndexOf(word, at + 1, StringComparison.Ordinal);
        }

        return -1;
    }

    private static (DateTime Start, DateTime End)? Parse(string value)
    {
        // The brief carries values only; read the calendar span back from the ISO form.
        return Time.Timeline.TimexInterval.Of(value) is { } interval ? (interval.Start, interval.End) : null;
    }

    /// <summary>An axis end in words a reader uses ("24 Jun 2023", "24 Jun 2023 10:00 UTC").</summary>
    private static string Tick(DateTime at) => at.ToString(at.TimeOfDay == TimeSpan.Zero ? "d MMM yyyy" : "d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
