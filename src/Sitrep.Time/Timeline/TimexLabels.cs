using System.Globalization;
using Sitrep.Time.Normalisation;

namespace Sitrep.Time.Timeline;

/// <summary>
/// Writes a TIMEX3 value as a reader would say it: "Sat 24 Jun 2023, 10:00 UTC+3 (07:00 UTC)", "June 2023",
/// "a Friday night (date unknown)". The brief shows these; the raw value stays in its JSON.
/// </summary>
public static class TimexLabels
{
    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>The value in words; the value itself when it is not a TIMEX3 date or time this knows.</summary>
    public static string Human(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "date unknown";
        }

        switch (value)
        {
            case "PRESENT_REF":
                return "now";
            case "PAST_REF":
                return "in the past";
            case "FUTURE_REF":
                return "in the future";
        }

        if (Offset(value) is { } shift)
        {
            return shift;
        }

        var c = CultureInfo.InvariantCulture;
        var part = PartOfDay(value);
        if (value.StartsWith("XXXX", StringComparison.Ordinal))
        {
            return Unknown(value, part);
        }

        if (ReferenceTime.TryParse(value, AnchorKind.Absolute) is { } day)
        {
            var date = day.Date.ToString("ddd d MMM yyyy", c);
            if (day.TimeOfDay is { } clock)
            {
                var at = date + ", " + clock.ToString("HH:mm", c);
                if (day.OffsetMinutes is not { } offset)
                {
                    return at;
                }

                if (offset == 0)
                {
                    return at + " UTC";
                }

                var utc = day.Date.ToDateTime(clock).AddMinutes(-offset);
                var zone = offset % 60 == 0 ? (offset / 60).ToString("+0;-0", c) : TimexFormat.Offset(offset);
                return at + " UTC" + zone + " (" + utc.ToString(utc.Date == day.Date.ToDateTime(TimeOnly.MinValue) ? "HH:mm" : "d MMM HH:mm", c) + " UTC)";
            }

            return part is null ? date : date + ", " + part;
        }

        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, c, out var year))
        {
            return year.ToString(c);
        }

        if (value.Length == 4 && value[3] == 'X' && int.TryParse(value.AsSpan(0, 3), NumberStyles.None, c, out var decade))
        {
            return "the " + (decade * 10).ToString(c) + "s";
        }

        if (value.Length >= 7 && value[4] == '-' && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, c, out var y))
        {
            var rest = value[5..];
            if (rest.Length == 2 && int.TryParse(rest, NumberStyles.None, c, out var month) && month is >= 1 and <= 12)
            {
                return new DateTime(y, month, 1, 0, 0, 0, DateTimeKind.Unspecified).ToString("MMMM yyyy", c);
            }

            if (rest.StartsWith('W') && rest.Length >= 3 && int.TryParse(rest.AsSpan(1, 2), NumberStyles.None, c, out var week) && week is >= 1 and <= 53 && week <= ISOWeek.GetWeeksInYear(y))
            {
                // An ISO week is said by its days, as a calendar shows them: "the weekend of 24–25 Jun 2023".
                var weekend = rest.EndsWith("-WE", StringComparison.Ordinal);
                var from = ISOWeek.ToDateTime(y, week, weekend ? DayOfWeek.Saturday : DayOfWeek.Monday);
                var to = ISOWeek.ToDateTime(y, week, DayOfWeek.Sunday);
                return (weekend ? "the weekend of " : "the week of ") + Days(from, to);
            }

            if (rest.Length == 2 && rest[0] is 'Q' or 'H')
            {
                return rest + " " + y.ToString(c);
            }

            var season = rest switch { "SP" => "spring", "SU" => "summer", "FA" => "autumn", "WI" => "winter", _ => null };
            if (season is not null)
            {
                return season + " " + y.ToString(c);
            }
        }

        return value;
    }

    /// <summary>
    /// A relative value (a shift from an anchor the text does not give: "-P1Y" for "1 year ago", "-PT2H" for "2 hours
    /// ago", "+P1D" for "in a day") as a reader would say it, or null when the value is not such a shift. The shift is relative to when the
    /// page was read or saved, which the text does not state, so no calendar date is made of it.
    /// </summary>
    public static string? Offset(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        // Only a signed value is a shift: a bare "P3D" is a duration ("for three days"), not a time.
        var past = value[0] == '-';
        var body = value.AsSpan(1);
        if ((!past && value[0] != '+') || body.Length < 3 || body[0] != 'P')
        {
            return null;
        }

        var parts = new List<string>();
        var time = false;
        var number = 0;
        var digits = 0;
        foreach (var ch in body[1..])
        {
            if (ch == 'T' && !time && digits == 0)
            {
                time = true;
                continue;
            }

            if (char.IsAsciiDigit(ch) && digits < 6)
            {
                number = (number * 10) + (ch - '0');
                digits++;
                continue;
            }

            var unit = (time, ch) switch
            {
                (false, 'Y') => "year",
                (false, 'M') => "month",
                (false, 'W') => "week",
                (false, 'D') => "day",
                (true, 'H') => "hour",
                (true, 'M') => "minute",
                (true, 'S') => "second",
                _ => null,
            };
            if (unit is null || digits == 0)
            {
                return null; // "PXY" (some years), a decimal, a unit out of place: not a shift this can say
            }

            parts.Add(number.ToString(CultureInfo.InvariantCulture) + " " + unit + (number == 1 ? string.Empty : "s"));
            number = 0;
            digits = 0;
        }

        if (parts.Count == 0 || digits > 0)
        {
            return null;
        }

        var span = string.Join(" ", parts);
        return past ? span + " ago" : "in " + span;
    }

    /// <summary>A short form for narrow columns: a clock time with a zone in UTC ("24 Jun 07:00 UTC"), a day as "24 Jun 2023".</summary>
    public static string Short(string? value)
    {
        var c = CultureInfo.InvariantCulture;
        if (ReferenceTime.TryParse(value, AnchorKind.Absolute) is { } day && !value!.StartsWith("XXXX", StringComparison.Ordinal))
        {
            if (day.TimeOfDay is { } clock)
            {
                var at = day.Date.ToDateTime(clock).AddMinutes(-(day.OffsetMinutes ?? 0));
                return at.ToString("d MMM HH:mm", c) + (day.OffsetMinutes is null ? string.Empty : " UTC");
            }

            return day.Date.ToString("d MMM yyyy", c) + (PartOfDay(value) is { } part ? " " + part : string.Empty);
        }

        var human = Human(value);
        return human.Length <= 24 ? human : string.Concat(human.AsSpan(0, 23), "…");
    }

    private static string Days(DateTime from, DateTime to)
    {
        var c = CultureInfo.InvariantCulture;
        return from.Month == to.Month
            ? from.Day.ToString(c) + "–" + to.ToString("d MMM yyyy", c)
            : from.Year == to.Year
                ? from.ToString("d MMM", c) + "–" + to.ToString("d MMM yyyy", c)
                : from.ToString("d MMM yyyy", c) + "–" + to.ToString("d MMM yyyy", c);
    }

    private static string Unknown(string value, string? part)
    {
        // XXXX-WXX-5TNI: a weekday of an unknown week.
        if (value.Length >= 10 && value.AsSpan(4).StartsWith("-WXX-") && value[9] is >= '1' and <= '7')
        {
            return "a " + Weekdays[value[9] - '1'] + (part is null ? string.Empty : " " + part) + " (date unknown)";
        }

        var c = CultureInfo.InvariantCulture;
        var t = value.IndexOf('T', StringComparison.Ordinal);
        if (t > 0 && value.Length >= t + 6 && char.IsAsciiDigit(value[t + 1]))
        {
            var clock = value.Substring(t + 1, 5);
            var zone = value[(t + 6)..];
            return clock + (zone.Length == 0 ? string.Empty : zone == "Z" ? " UTC" : " UTC" + zone) + " (day unknown)";
        }

        if (value.Length >= 7 && int.TryParse(value.AsSpan(5, 2), NumberStyles.None, c, out var month) && month is >= 1 and <= 12)
        {
            var name = new DateTime(2000, month, 1, 0, 0, 0, DateTimeKind.Unspecified).ToString("MMMM", c);
            return value.Length >= 10 && int.TryParse(value.AsSpan(8, 2), NumberStyles.None, c, out var d)
                ? d.ToString(c) + " " + name + " (year unknown)"
                : name + " (year unknown)";
        }

        return "date unknown";
    }

    private static string? PartOfDay(string value)
    {
        var t = value.LastIndexOf('T');
        return t < 0 || t + 3 > value.Length ? null : value.Substring(t + 1, 2) switch
        {
            "MO" => "morning",
            "AF" => "afternoon",
            "EV" => "evening",
            "NI" => "night",
            "DT" => "daytime",
            _ => null,
        };
    }
}
