using System.Globalization;
using System.Text.RegularExpressions;

namespace Sitrep.Corroboration.Alignment;

/// <summary>
/// Finds the time cue that puts a sentence in the story's background: "In February, a quake hit Zarand", "in 2005",
/// "last year", "two years ago". News about one event dates it by day ("on Sunday", "on 24 June"); a month, a year or
/// a span of time ago set against it marks an earlier event told for context, whose figures are not the story's. A
/// month or year that is the report's own ("in June" in a report of June) is the story's, not background.
/// </summary>
internal static partial class BackgroundTime
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>
    /// The background cue of a sentence, normalised (for example "month:2", "year:2005", "ago"), or null when the
    /// sentence has none or its month and year are those of the report.
    /// </summary>
    /// <param name="sentence">The sentence of the claim.</param>
    /// <param name="reportTime">When the report was published, when known.</param>
    public static string? Of(string sentence, DateTimeOffset? reportTime)
    {
        if (AgoPattern().Match(sentence) is { Success: true })
        {
            return "ago";
        }

        if (EarlierOccasionPattern().IsMatch(sentence))
        {
            return "earlier-occasion";
        }

        if (LastPeriodPattern().Match(sentence) is { Success: true } last)
        {
            return "last:" + last.Groups["p"].Value.ToLowerInvariant();
        }

        foreach (Match m in MonthPattern().Matches(sentence))
        {
            var month = Array.IndexOf(Months, m.Groups["m"].Value.ToLowerInvariant()) + 1;
            int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
            if (reportTime is { } t && t.Month == month && (year is null || year == t.Year))
            {
                continue;
            }

            return year is { } y ? string.Create(CultureInfo.InvariantCulture, $"month:{y}-{month}") : string.Create(CultureInfo.InvariantCulture, $"month:{month}");
        }

        foreach (Match m in YearPattern().Matches(sentence))
        {
            var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (reportTime is { } t && t.Year == year)
            {
                continue;
            }

            return string.Create(CultureInfo.InvariantCulture, $"year:{year}");
        }

        return null;
    }

    /// <summary>"In February", "in early March", "since September", "In December 2008" — a month with no day.</summary>
    [GeneratedRegex(@"\b(?:in|since|during|until|last|early|late|mid)\s+(?:(?:early|late|mid)-?\s*)?(?<m>January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d{1,2}\b)(?:,?\s+(?<y>1[89]\d\d|20\d\d)\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthPattern();

    /// <summary>"in 2005", "since 1999", "in early 2010".</summary>
    [GeneratedRegex(@"\b(?:in|since|during|until)\s+(?:(?:early|late|mid)-?\s*)?(?<y>1[89]\d\d|20\d\d)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();

    /// <summary>"two years ago", "three months ago", "decades ago".</summary>
    [GeneratedRegex(@"\b(?:years|months|decades)\s+ago\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgoPattern();

    /// <summary>
    /// "the last time the pair met", "their previous meeting", "in their first fight": an earlier meeting of the same
    /// parties, told beside the one the story is about (a rematch, a second arrest); its figures are that meeting's.
    /// </summary>
    [GeneratedRegex(@"\b(?:(?:the\s+)?last\s+time\b|(?:their|his|her|the)\s+(?:previous|earlier|prior|last)\s+(?:meeting|fight|bout|match|game|encounter|contest|clash|arrest)s?\b|(?:their|his|her)\s+first\s+(?:meeting|fight|bout|match|encounter|contest|clash)\b(?!\s+(?:since|in|after)\b))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EarlierOccasionPattern();

    /// <summary>"last year", "earlier this year", "the previous month".</summary>
    [GeneratedRegex(@"\b(?:last|previous|earlier\s+this)\s+(?<p>year|month|summer|winter|spring|autumn|decade)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LastPeriodPattern();
}
