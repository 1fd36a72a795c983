using System.Globalization;

namespace Sitrep.Time.Timeline;

/// <summary>Reads the calendar span of a TIMEX3 value: years, months, days, ISO weeks, quarters, halves, seasons, clock times.</summary>
public static class TimexInterval
{
    /// <summary>The span a value covers, or null when its year is unknown or the value is not a calendar position.</summary>
    /// <remarks>Values the calendar cannot hold ("9999" ends after the last representable year) have no span either.</remarks>
    public static TimeInterval? Of(string? value)
    {
        try
        {
            return Read(value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static TimeInterval? Read(string? value)
    {
        if (value is { Length: 4 } && value[3] == 'X' && int.TryParse(value.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var decade))
        {
            var d0 = new DateTime(Math.Max(1, decade * 10), 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
            return new TimeInterval(d0, d0.AddYears(10));
        }

        if (string.IsNullOrEmpty(value) || value.Length < 4 || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1)
        {
            return null;
        }

        var rest = value.AsSpan(4);
        var y = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        if (rest.IsEmpty)
        {
            return new TimeInterval(y, y.AddYears(1));
        }

        if (rest[0] != '-' || rest.Length < 3)
        {
            return null;
        }

        rest = rest[1..];
        if (rest[0] == 'W' && int.TryParse(rest.Slice(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week))
        {
            var monday = ISOWeek.ToDateTime(year, Math.Clamp(week, 1, ISOWeek.GetWeeksInYear(year)), DayOfWeek.Monday);
            return rest.EndsWith("-WE") ? new TimeInterval(monday.AddDays(5), monday.AddDays(7)) : new TimeInterval(monday, monday.AddDays(7));
        }

        if (rest[0] is 'Q' or 'H' && rest.Length >= 2 && char.IsAsciiDigit(rest[1]))
        {
            var months = rest[0] == 'Q' ? 3 : 6;
            var start = y.AddMonths((rest[1] - '1') * months);
            return new TimeInterval(start, start.AddMonths(months));
        }

        if (rest.Length == 2 && char.IsAsciiLetter(rest[0]))
        {
            var startMonth = rest switch { "SP" => 3, "SU" => 6, "FA" => 9, "WI" => 12, _ => 0 };
            if (startMonth == 0)
            {
                return null;
            }

            var start = y.AddMonths(startMonth - 1);
            return new TimeInterval(start, start.AddMonths(3));
        }

        if (!int.TryParse(rest[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
        {
            return null;
        }

        var m = y.AddMonths(month - 1);
        rest = rest[2..];
        if (rest.IsEmpty)
        {
            return new TimeInterval(m, m.AddMonths(1));
        }

        if (rest.Length < 3 || !int.TryParse(rest.Slice(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var d = m.AddDays(day - 1);
        rest = rest[3..];
        if (rest.Length < 3 || rest[0] != 'T')
        {
            return new TimeInterval(d, d.AddDays(1));
        }

        var partOfDay = rest[1..3] switch { "MO" => (6, 12), "AF" => (12, 18), "EV" => (18, 22), "NI" => (20, 30), "DT" => (8, 18), _ => (-1, -1) };
        if (partOfDay.Item1 >= 0)
        {
            return new TimeInterval(d.AddHours(partOfDay.Item1), d.AddHours(partOfDay.Item2));
        }

        var reference = Normalisation.ReferenceTime.TryParse(value[..10] + rest.ToString(), AnchorKind.Absolute);
        if (reference is not { TimeOfDay: { } clock } r)
        {
            return new TimeInterval(d, d.AddDays(1));
        }

        var at = d.Add(clock.ToTimeSpan());
        if (r.OffsetMinutes is { } offset)
        {
            at = at.AddMinutes(-offset);
        }

        return new TimeInterval(at, at.AddMinutes(1));
    }
}
