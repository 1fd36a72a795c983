using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Documents;

namespace Sitrep.Ingest.Structure;

/// <summary>
/// Reads the relative ages forums print beside a post ("1 year ago", "3h", "2 days ago", "just now").
/// </summary>
/// <remarks>
/// An age is relative to the moment the page was captured, which the text does not give, so it is never resolved
/// against the machine clock. Its value is a negated ISO 8601 duration (<c>-P1Y</c>, <c>-PT3H</c>, <c>-P2D</c>),
/// meaning "that long before the unknown capture time", or the TIMEX3 token <c>PAST_REF</c> when the age gives no
/// amount ("a while ago").
/// </remarks>
public static partial class RelativeAge
{
    /// <summary>Parses a whole string as an age; null when it is not one.</summary>
    public static PostTime? Parse(ReadOnlySpan<char> text, TextRange? range = null)
    {
        if (text.Length is 0 or > 40)
        {
            return null;
        }

        try
        {
            return ParseShort(text, range);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static PostTime? ParseShort(ReadOnlySpan<char> text, TextRange? range)
    {
        var s = text.ToString();
        var match = WordAge().Match(s);
        if (match.Success)
        {
            var amount = match.Groups["n"].Value.ToLowerInvariant() switch
            {
                "a" or "an" or "one" => 1,
                var digits => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1,
            };
            return amount < 0 ? null : new PostTime(s, Duration(amount, match.Groups["u"].Value), range);
        }

        match = ShortAge().Match(s);
        if (match.Success)
        {
            var amount = int.Parse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            var unit = match.Groups["u"].Value.ToLowerInvariant() switch
            {
                "s" => "second",
                "m" or "min" or "mins" => "minute",
                "h" or "hr" or "hrs" => "hour",
                "d" => "day",
                "w" or "wk" => "week",
                "mo" => "month",
                _ => "year",
            };
            return new PostTime(s, Duration(amount, unit), range);
        }

        return VagueAge().IsMatch(s) ? new PostTime(s, "PAST_REF", range) : null;
    }

    private static string Duration(int amount, string unit) => unit.ToLowerInvariant().TrimEnd('s') switch
    {
        "second" or "sec" => string.Create(CultureInfo.InvariantCulture, $"-PT{amount}S"),
        "minute" or "min" => string.Create(CultureInfo.InvariantCulture, $"-PT{amount}M"),
        "hour" or "hr" => string.Create(CultureInfo.InvariantCulture, $"-PT{amount}H"),
        "day" => string.Create(CultureInfo.InvariantCulture, $"-P{amount}D"),
        "week" => string.Create(CultureInfo.InvariantCulture, $"-P{amount}W"),
        "month" => string.Create(CultureInfo.InvariantCulture, $"-P{amount}M"),
        _ => string.Create(CultureInfo.InvariantCulture, $"-P{amount}Y"),
    };

    [GeneratedRegex(@"^(?:edited\s+)?(?<n>\d{1,4}|an?|one)\s+(?<u>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WordAge();

    [GeneratedRegex(@"^(?<n>\d{1,4})\s?(?<u>s|m|min|mins|h|hr|hrs|d|w|wk|mo|y|yr)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ShortAge();

    [GeneratedRegex(@"^(?:just now|moments? ago|a (?:few|couple of) \w+ ago|a while ago|yesterday|recently)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex VagueAge();
}
