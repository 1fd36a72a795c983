using Sitrep.Claims.Frames;

namespace Sitrep.Corroboration.Figures;

/// <summary>
/// Two reports that give the same exact value for two different quantities of an event ("killed 10" and "magnitude 5.9",
/// "23 arrested" and "4 injured") tell one event, whatever their entity profiles say: one report names the
/// governor and the Red Crescent, the other the seismological centre and the villages, and their profiles fall under the
/// story threshold although both count the same dead of the same quake.
/// </summary>
/// <remarks>
/// Only quantities of the event itself take part (tolls, the injured, the missing, arrests, the displaced, a magnitude):
/// a place's population, a person's age or a distance from a town are the same whichever event a report tells. A value
/// must be exact (no bound, no "about") and, for counts of people, three or more: one dead and two hurt are shared by
/// chance by many events. Two such quantities are needed, as one coincidence is easy to come by and two rarely are.
/// </remarks>
internal sealed class SharedFigures
{
    /// <summary>How many different quantities two reports must give the same value for.</summary>
    internal const int QuantitiesForStory = 2;

    /// <summary>The smallest count of people that ties two reports (one or two are shared by chance).</summary>
    internal const double SmallestCount = 3;

    private readonly Dictionary<string, HashSet<(string Role, string? Counted, double Value)>> _byDocument;

    private SharedFigures(Dictionary<string, HashSet<(string Role, string? Counted, double Value)>> byDocument) => _byDocument = byDocument;

    /// <summary>The exact event quantities each document gives.</summary>
    public static SharedFigures Of(IEnumerable<FigureValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var byDocument = new Dictionary<string, HashSet<(string, string?, double)>>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var m = value.Measure;
            if (!IsEventQuantity(m.Role) || m.IsZero || Exact(m) is not { } exact || (m.Role != MeasureRoles.Magnitude && exact < SmallestCount))
            {
                continue;
            }

            if (!byDocument.TryGetValue(value.DocumentId, out var set))
            {
                byDocument[value.DocumentId] = set = [];
            }

            set.Add((m.Role, m.Counted, exact));
        }

        return new SharedFigures(byDocument);
    }

    /// <summary>True when the two documents give the same exact value for at least two different event quantities.</summary>
    public bool TieStory(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal) || !_byDocument.TryGetValue(a, out var fa) || !_byDocument.TryGetValue(b, out var fb))
        {
            return false;
        }

        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in fa.Count <= fb.Count ? fa : fb)
        {
            if ((fa.Count <= fb.Count ? fb : fa).Contains(key))
            {
                roles.Add(key.Role);
            }
        }

        return roles.Count >= QuantitiesForStory;
    }

    /// <summary>
    /// The value as written, when it is exact: a count with no bound, or a magnitude given to a tenth (read as the tenth's
    /// half-width interval, 5.85–5.95 for "5.9").
    /// </summary>
    private static double? Exact(Measure m) =>
        m.Min is not { } min || m.Max is not { } max ? null
        : Math.Abs(max - min) < 1e-9 ? min
        : m.Role == MeasureRoles.Magnitude && max - min <= 0.1 + 1e-9 ? Math.Round((min + max) / 2, 1)
        : null;

    private static bool IsEventQuantity(string role) =>
        role is MeasureRoles.Killed or MeasureRoles.Injured or MeasureRoles.Casualties or MeasureRoles.Missing
            or MeasureRoles.Arrested or MeasureRoles.Displaced or MeasureRoles.Magnitude;
}
