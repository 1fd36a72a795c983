using System.Text.RegularExpressions;
using Sitrep.Claims.Frames;

namespace Sitrep.Corroboration.Figures;

/// <summary>
/// The narrower scope a count is given right after it: a place inside the event's ("killed three in the courtroom", "two
/// died at the scene"), a span of time ("so far", "to date") or a group ("of them", right after the count). Such a count is a different quantity
/// from the event's whole count, not a rival value of it: a report that counts four dead in all and three in the
/// courtroom gives two figures, and one report's "three killed in the courtroom" does not dispute another's four dead.
/// </summary>
internal static partial class FigureScope
{
    /// <summary>How far after the figure a qualifier may stand (characters).</summary>
    private const int Reach = 60;

    /// <summary>The scope a count is qualified by ("in the courtroom", "so far"), lower case, or null when it has none.</summary>
    /// <param name="text">The document's text.</param>
    /// <param name="measure">The figure, with its range in <paramref name="text"/>.</param>
    public static string? Of(string text, Measure measure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        if (measure.Role is not (MeasureRoles.Killed or MeasureRoles.Injured or MeasureRoles.Casualties or MeasureRoles.Arrested or MeasureRoles.Missing))
        {
            return null;
        }

        var start = Math.Clamp(measure.Range.End, 0, text.Length);
        var end = Math.Min(text.Length, start + Reach);
        var after = text.AsSpan(start, end - start);

        // The clause the figure belongs to ends at a sentence or clause break.
        var stop = after.IndexOfAny(".;:!?\n");
        var clause = (stop < 0 ? after : after[..stop]).ToString();
        var m = Qualifier().Match(clause);

        // "of them" / "among them" narrow the count only when they follow it at once ("three of them died"); further
        // on they tell what the count is made of ("15 soldiers were killed, most of them aircrew"), not a subset.
        if (m.Success && m.Value.EndsWith("them", StringComparison.OrdinalIgnoreCase) && clause.AsSpan(0, m.Index).Trim().Length > 0)
        {
            return null;
        }

        return m.Success ? string.Join(' ', m.Value.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : null;
    }

    [GeneratedRegex(@"\b((in|inside|within)\s+the\s+(court\s*room|courthouse|building|house|car|vehicle|room|chamber|hospital|school)|in\s+hospital|at\s+the\s+scene|on\s+the\s+spot|so\s+far|to\s+date|thus\s+far|of\s+them|among\s+them)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Qualifier();
}
