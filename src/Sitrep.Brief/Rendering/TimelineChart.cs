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

        // The axis covers the bulk of the entries (10th to 90th percentile of the entries dated to within a week; a month
        // or a year says little about where on the axis it falls); the few far outside it (a war a century back) are
        // drawn as arrows at its ends rather than squashing everything else into one pixel.
        var axis = Axis.Of(known);
        var (min, max) = (axis.Min, axis.Max);
        var height = Top + ((rows.Count + grouped.Count) * Row) + 20;
        var sb = new StringBuilder();
        sb.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Timeline by actor\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" style=\"max-width:{Width}px;font:12px system-ui,sans-serif\">"));
        sb.Append(Invariant($"<line x1=\"{AxisLeft}\" y1=\"{Top - 12}\" x2=\"{AxisRight}\" y2=\"{Top - 12}\" stroke=\"#5b6470\"/>"));
        if (known.Count > 0)
        {
            sb.Append(Invariant($"<text x=\"{AxisLeft}\" y=\"{Top - 18}\" fill=\"#5b6470\">{E(Tick(min))}</text>"));
            if (axis.Break is { } gap && axis.Edges is { } edges)
            {
                // A broken axis: the main weeks keep their width, and a lone later (or earlier) stretch gets its own
                // short segment after a break mark instead of stretching the scale across the empty weeks between.
                // The segments are labelled by day only: a short segment has no room for hours.
                var (bx1, bx2) = (axis.X(gap.Before), axis.X(gap.After));
                sb.Append(Invariant($"<rect x=\"{bx1 + 1:0.#}\" y=\"{Top - 16}\" width=\"{bx2 - bx1 - 2:0.#}\" height=\"8\" fill=\"#fff\"/>"));
                sb.Append(Invariant($"<path d=\"M{bx1 - 2:0.#} {Top - 8} l5 -8 M{bx2 - 3:0.#} {Top - 8} l5 -8\" stroke=\"#5b6470\"><title>axis broken: nothing is dated between {E(Day(edges.Before))} and {E(Day(edges.After))}</title></path>"));
                sb.Append(Invariant($"<text x=\"{bx1 - 6:0.#}\" y=\"{Top - 18}\" fill=\"#5b6470\" text-anchor=\"end\">{E(Day(edges.Before))}</text>"));
                var right = Day(edges.After) == Day(axis.Latest) ? Day(axis.Latest) : Day(edges.After) + " – " + Day(axis.Latest);
                sb.Append(Invariant($"<text x=\"{(bx2 + AxisRight) / 2:0.#}\" y=\"{Top - 18}\" fill=\"#5b6470\" text-anchor=\"middle\">{E(right)}</text>"));
            }
            else
            {
                sb.Append(Invariant($"<text x=\"{AxisRight}\" y=\"{Top - 18}\" fill=\"#5b6470\" text-anchor=\"end\">{E(Tick(max))}</text>"));
            }
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
                    var x1 = axis.X(span.Start);
                    var x2 = axis.X(span.End);
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

        double X(DateTime start, DateTime end) => (axis.X(start) + axis.X(end)) / 2;
    }

    /// <summary>
    /// The time axis: from <see cref="Min"/> to <see cref="Max"/>, broken once when the entries fall in two stretches
    /// far apart (the main days of a story and a lone development weeks later), so that the stretch with fewer entries
    /// gets a short segment of its own instead of squashing the main one.
    /// </summary>
    /// <param name="Min">The axis's start.</param>
    /// <param name="Max">The axis's end.</param>
    /// <param name="Break">The empty stretch left out of the axis, or null for a continuous axis.</param>
    /// <param name="BreakAt">Share of the axis width (0–1) where the break starts, when there is one.</param>
    internal sealed record Axis(DateTime Min, DateTime Max, (DateTime Before, DateTime After)? Break, double BreakAt)
    {
        /// <summary>For a broken axis, the last entry before the break and the first after it (the break itself is padded).</summary>
        public (DateTime Before, DateTime After)? Edges { get; init; }

        /// <summary>For a broken axis, the last entry on it (the axis end is padded).</summary>
        public DateTime Latest { get; init; }

        /// <summary>Pixels between the two segments of a broken axis.</summary>
        private const double Gap = 14;

        /// <summary>The axis for the dated entries' spans (percentiles of the precise ones; a break across a wide empty stretch).</summary>
        public static Axis Of(IReadOnlyList<(DateTime Start, DateTime End)> known)
        {
            if (known.Count == 0)
            {
                return new(DateTime.MinValue, DateTime.MinValue, null, 0);
            }

            // Entries dated to within a week set the scale; "June 2023" or "2012" does not say where in it they fall.
            var precise = known.Where(s => s.End - s.Start <= TimeSpan.FromDays(7)).ToList();
            var starts = (precise.Count >= 2 ? precise : known).Select(s => s.Start).Order().ToList();
            var min = starts[(int)(starts.Count * 0.1)];
            var max = starts[Math.Min(starts.Count - 1, (int)(starts.Count * 0.9))];
            var inside = starts.Where(s => s >= min && s <= max).ToList();

            // The widest empty stretch between two entries: when it is wider than twice everything else together, the
            // axis breaks there.
            (DateTime Before, DateTime After)? gap = null;
            var widest = TimeSpan.Zero;
            for (var k = 1; k < inside.Count; k++)
            {
                if (inside[k] - inside[k - 1] > widest)
                {
                    widest = inside[k] - inside[k - 1];
                    gap = (inside[k - 1], inside[k]);
                }
            }

            var rest = (max - min) - widest;
            if (gap is not { } g || widest < TimeSpan.FromDays(7) || widest <= 2 * rest)
            {
                var pad = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerHour, (max - min).Ticks / 10));
                return new(Safe(min, -pad), Safe(max, pad), null, 0);
            }

            // Each segment is padded by a tenth of the longer one's span (an hour at least), and gets a width by its
            // number of entries, between a fifth and four fifths of the axis.
            var before = inside.Count(s => s <= g.Before);
            var share = Math.Clamp(before / (double)inside.Count, 0.2, 0.8);
            var span = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerHour, Math.Max((g.Before - min).Ticks, (max - g.After).Ticks) / 10));
            return new(Safe(min, -span), Safe(max, span), (Safe(g.Before, span), Safe(g.After, -span)), share) { Edges = g, Latest = max };
        }

        /// <summary>The x position of a time, clamped to the axis; inside the break, the break's nearer edge.</summary>
        public double X(DateTime at)
        {
            var width = AxisRight - AxisLeft;
            if (Break is not { } b)
            {
                var range = Math.Max(1.0, (Max - Min).TotalMinutes);
                return AxisLeft + (Math.Clamp((at - Min).TotalMinutes, 0, range) / range * width);
            }

            var leftWidth = (width * BreakAt) - (Gap / 2);
            var rightStart = AxisLeft + (width * BreakAt) + (Gap / 2);
            var rightWidth = AxisRight - rightStart;
            if (at <= b.Before)
            {
                var range = Math.Max(1.0, (b.Before - Min).TotalMinutes);
                return AxisLeft + (Math.Clamp((at - Min).TotalMinutes, 0, range) / range * leftWidth);
            }

            if (at >= b.After)
            {
                var range = Math.Max(1.0, (Max - b.After).TotalMinutes);
                return rightStart + (Math.Clamp((at - b.After).TotalMinutes, 0, range) / range * rightWidth);
            }

            return (at - b.Before) < (b.After - at) ? AxisLeft + leftWidth : rightStart;
        }

        private static DateTime Safe(DateTime at, TimeSpan by) =>
            by < TimeSpan.Zero ? (at > DateTime.MinValue - by ? at + by : at) : (at < DateTime.MaxValue - by ? at + by : at);
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

    /// <summary>A day as a short axis label ("1 Jul", "23 Aug").</summary>
    private static string Day(DateTime at) => at.ToString("d MMM", CultureInfo.InvariantCulture);

    /// <summary>An axis end in words a reader uses ("24 Jun 2023", "24 Jun 2023 10:00 UTC").</summary>
    private static string Tick(DateTime at) => at.ToString(at.TimeOfDay == TimeSpan.Zero ? "d MMM yyyy" : "d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
