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

            if (rest.StartsWith('W') && rest.Length >= 3)
            {
                var week = rest.Substring(1, 2);
                return rest.EndsWith("-WE", StringComparison.Ordinal) ? $"the weekend of week {week}, {y}" : $"week {week} of {y}";
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
