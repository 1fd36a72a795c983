using System.Globalization;

namespace Sitrep.Time.Normalisation;

/// <summary>
/// A reference time that relative expressions are resolved against: a calendar day, with a time of day and a UTC
/// offset when known, and where it came from.
/// </summary>
/// <param name="Date">The calendar day, in the reference's own zone.</param>
/// <param name="TimeOfDay">The time of day when known.</param>
/// <param name="OffsetMinutes">UTC offset in minutes when known.</param>
/// <param name="Kind">Where the reference came from.</param>
/// <param name="EndsAt">For a date taken from the text, the offset just after it; null otherwise.</param>
public readonly record struct ReferenceTime(DateOnly Date, TimeOnly? TimeOfDay, int? OffsetMinutes, AnchorKind Kind, int? EndsAt = null)
{
    /// <summary>A reference from a timestamp with its offset (a manifest <c>published</c> value).</summary>
    public static ReferenceTime From(DateTimeOffset time, AnchorKind kind) =>
        new(DateOnly.FromDateTime(time.DateTime), TimeOnly.FromDateTime(time.DateTime), (int)time.Offset.TotalMinutes, kind);

    /// <summary>
    /// Reads a TIMEX3 or ISO 8601 value that names at least a calendar day (<c>1998-01-08</c>,
    /// <c>2023-06-24T10:00+03:00</c>, <c>1998-01-08T18:30:00</c>); null for anything less precise.
    /// </summary>
    public static ReferenceTime? TryParse(string? value, AnchorKind kind)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 10)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        TimeOnly? time = null;
        int? offset = null;
        if (value.Length >= 16 && value[10] == 'T' && char.IsAsciiDigit(value[11]))
        {
            var rest = value.AsSpan(11);
            var zoneAt = rest.IndexOfAny('+', '-', 'Z');
            var clock = zoneAt < 0 ? rest : rest[..zoneAt];
            if (TimeOnly.TryParseExact(clock, ["HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            {
                time = t;
            }

            if (zoneAt >= 0)
            {
                offset = ParseOffset(rest[zoneAt..]);
            }
        }

        return new ReferenceTime(date, time, offset, kind);
    }

    /// <summary>The reference as a TIMEX3 value (<c>2023-06-24T10:00+03:00</c>, or the day alone).</summary>
    public string ToValue()
    {
        var day = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (TimeOfDay is not { } time)
        {
            return day;
        }

        return day + "T" + time.ToString("HH:mm", CultureInfo.InvariantCulture) + TimexFormat.Offset(OffsetMinutes);
    }

    private static int? ParseOffset(ReadOnlySpan<char> zone)
    {
        if (zone.Length == 1 && zone[0] == 'Z')
        {
            return 0;
        }

        if (zone.Length >= 3 && int.TryParse(zone[1..3], NumberStyles.None, CultureInfo.InvariantCulture, out var hours))
        {
            var minutes = 0;
            var rest = zone[3..].TrimStart(':');
            if (rest.Length >= 2)
            {
                _ = int.TryParse(rest[..2], NumberStyles.None, CultureInfo.InvariantCulture, out minutes);
            }

            var total = (hours * 60) + minutes;
            return zone[0] == '-' ? -total : total;
        }

        return null;
    }
}
