using System.Globalization;

namespace Sitrep.Time.Normalisation;

/// <summary>Writes the parts of TIMEX3 values.</summary>
public static class TimexFormat
{
    /// <summary>A UTC offset as <c>+01:00</c>, <c>-05:00</c> or <c>Z</c>; empty when unknown.</summary>
    public static string Offset(int? minutes)
    {
        if (minutes is not { } m)
        {
            return string.Empty;
        }

        if (m == 0)
        {
            return "Z";
        }

        var sign = m < 0 ? '-' : '+';
        var a = Math.Abs(m);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{a / 60:D2}:{a % 60:D2}");
    }

    /// <summary>A calendar day as <c>yyyy-MM-dd</c>.</summary>
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The ISO week of a day as <c>yyyy-Www</c>.</summary>
    public static string Week(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(dt):D4}-W{ISOWeek.GetWeekOfYear(dt):D2}");
    }
}
