using System.Globalization;
using Sitrep.Claims.Text;

namespace Sitrep.Claims;

/// <summary>
/// Explicit calendar dates written in a claim ("16 July 2018", "July 16, 2018", "June 2023", "2023-06-24"), as TIMEX3
/// values. Relative expressions ("yesterday") are left to the time stage.
/// </summary>
internal static class ExplicitDates
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public static string? Find(SentenceWords words, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            var w = words[i];
            if (w.Length == 10 && w[4] == '-' && w[7] == '-' && DateOnly.TryParseExact(w, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return w;
            }

            var month = Array.IndexOf(MonthNames, w) + 1;
            if (month == 0 || (w == "may" && !words.IsCapitalized(i)) || (w == "march" && !words.IsCapitalized(i)))
            {
                continue;
            }

            int? day = null;
            int? year = null;
            if (i > first && Day(words[i - 1]) is { } before)
            {
                day = before;
                year = Year(words[i + 1]);
            }
            else if (Day(words[i + 1]) is { } after)
            {
                day = after;
                year = Year(words[i + 2] == "," ? words[i + 3] : words[i + 2]);
            }
            else
            {
                year = Year(words[i + 1]);
            }

            if (year is null && day is null)
            {
                continue;
            }

            var y = year?.ToString("0000", CultureInfo.InvariantCulture) ?? "XXXX";
            var m = month.ToString("00", CultureInfo.InvariantCulture);
            return day is { } d ? $"{y}-{m}-{d.ToString("00", CultureInfo.InvariantCulture)}" : $"{y}-{m}";
        }

        return null;
    }

    private static int? Day(string w) =>
        w.Length is 1 or 2 && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31 ? d : null;

    private static int? Year(string w) =>
        w.Length == 4 && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1800 and <= 2200 ? y : null;
}
