using System.Globalization;
using System.Net;
using System.Text;
using Sitrep.Brief.Model;

namespace Sitrep.Brief.Rendering;

/// <summary>
/// Draws the timeline as an inline SVG (no script, no external reference): one row per entry, a dot on a time axis
/// for entries whose date is known, and a hollow marker in a separate "date unknown" band for the rest. All source text
/// is escaped.
/// </summary>
internal static class TimelineChart
{
    private const int Width = 1000;
    private const int AxisLeft = 150;
    private const int AxisRight = 560;
    private const int Row = 18;
    private const int Top = 34;
    private const int LabelChars = 62;

    public static string Svg(IReadOnlyList<BriefTimelineEntry> entries, int maxRows = 60)
    {
        // Too many rows to read: keep those reported by most documents, then the most precise, in timeline order.
        var rows = entries.Count <= maxRows
            ? [.. entries]
            : entries.Select((e, i) => (Entry: e, Index: i))
                .OrderByDescending(x => x.Entry.Docs.Count)
                .ThenByDescending(x => x.Entry.When.Length)
                .ThenBy(x => x.Index)
                .Take(maxRows)
                .OrderBy(x => x.Index)
                .Select(x => x.Entry)
                .ToList();
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
        var height = Top + (rows.Count * Row) + 20;
        var sb = new StringBuilder();
        sb.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Timeline\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" style=\"max-width:{Width}px;font:12px system-ui,sans-serif\">"));
        sb.Append(Invariant($"<line x1=\"{AxisLeft}\" y1=\"{Top - 12}\" x2=\"{AxisRight}\" y2=\"{Top - 12}\" stroke=\"#5b6470\"/>"));
        if (known.Count > 0)
        {
            sb.Append(Invariant($"<text x=\"{AxisLeft}\" y=\"{Top - 18}\" fill=\"#5b6470\">{E(Tick(min))}</text>"));
            sb.Append(Invariant($"<text x=\"{AxisRight}\" y=\"{Top - 18}\" fill=\"#5b6470\" text-anchor=\"end\">{E(Tick(max))}</text>"));
        }

        sb.Append(Invariant($"<text x=\"{AxisRight + 20}\" y=\"{Top - 18}\" fill=\"#5b6470\">event (as the text dates it)</text>"));
        for (var i = 0; i < rows.Count; i++)
        {
            var y = Top + (i * Row);
            var entry = rows[i];
            if (i % 2 == 0)
            {
                sb.Append(Invariant($"<rect x=\"0\" y=\"{y - 12}\" width=\"{Width}\" height=\"{Row}\" fill=\"#f1f3f5\"/>"));
            }

            sb.Append(Invariant($"<text x=\"4\" y=\"{y + 1}\" fill=\"#1b1f24\">{E(Time.Timeline.TimexLabels.Short(entry.When))}</text>"));
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

            var label = entry.Label.Length > LabelChars ? string.Concat(entry.Label.AsSpan(0, LabelChars - 1), "…") : entry.Label;
            sb.Append(Invariant($"<text x=\"{AxisRight + 20}\" y=\"{y + 1}\" fill=\"#1b1f24\"><title>{E(entry.Label)}</title>{E(label)}</text>"));
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static (DateTime Start, DateTime End)? Parse(string value)
    {
        // The brief carries values only; read the calendar span back from the ISO form.
        return Time.Timeline.TimexInterval.Of(value) is { } interval ? (interval.Start, interval.End) : null;
    }

    private static string Tick(DateTime at) => at.ToString(at.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
