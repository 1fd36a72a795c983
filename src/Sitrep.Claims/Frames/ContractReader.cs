using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Claims.Text;
using Sitrep.Documents;

namespace Sitrep.Claims.Frames;

/// <summary>
/// Reads the value of a contract a named person signed, in millions of dollars: "signed Dana Brook to a five-year deal
/// worth nearly $80 million", "signed free agent Dana Brook to an $82 million deal", "Dana Brook signed a four-year,
/// $60 million contract". The holder is the signer's full name (a surname alone gives nothing), so two amounts meet
/// only when they are one person's contract; an offer, a bid, a contract someone is seeking or expected to sign, and
/// amounts in other currencies give no figure. A round amount stands for a rounding of the exact one: half a unit of
/// its last non-zero digit either side, at most 5 % ("$80 million" is 76 to 84 million, "$82 million" 81.5 to 82.5);
/// "nearly" and "almost" put it below the amount.
/// </summary>
internal static partial class ContractReader
{
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "They", "He", "She", "It", "We", "Free", "Agent", "Forward", "Guard", "Center", "Centre", "Pitcher",
        "Coach", "Manager", "Striker", "Midfielder", "Defender", "Quarterback", "Receiver", "Star", "Veteran", "Rookie",
    };

    /// <summary>The contract values of tokens <paramref name="first"/>..<paramref name="last"/>.</summary>
    public static IEnumerable<Measure> Read(SentenceWords words, int first, int last)
    {
        var start = words.Tokens[first].Start;
        var text = words.Text[start..words.Tokens[last].End];
        if (!text.Contains('$', StringComparison.Ordinal) || !text.Contains("signed", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        foreach (Match m in SignedTo().Matches(text).Concat(SignedA().Matches(text)))
        {
            if (!m.Groups["what"].Success && !m.Groups["after"].Success)
            {
                continue; // "signed Dana Brook to a $5 million bonus": no deal or contract named
            }

            if (Holder(m.Groups["name"].Value) is not { } holder
                || !double.TryParse(m.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) || v <= 0)
            {
                continue;
            }

            var written = m.Groups["n"].Value;
            if (m.Groups["mult"].Value.StartsWith('b'))
            {
                v *= 1000;
            }

            var (min, max, maxExclusive) = m.Groups["hedge"].Value.ToLowerInvariant() switch
            {
                "nearly" or "almost" or "just under" => (v * 0.85, v, true),
                "about" or "around" or "roughly" or "some" or "approximately" => (v * 0.85, v * 1.15, false),
                _ => (v - Rounding(written, v), v + Rounding(written, v), false),
            };
            var from = m.Groups["hedge"].Success ? m.Groups["hedge"].Index : m.Groups["dollar"].Index;
            var to = m.Groups["mult"].Index + m.Groups["mult"].Length;
            yield return new Measure(MeasureRoles.Contract, holder, min, max, ContractUnit, text[from..to], new TextRange(start + from, start + to))
            {
                MaxExclusive = maxExclusive,
            };
        }
    }

    /// <summary>The unit contract values are read in.</summary>
    public const string ContractUnit = "million dollars";

    /// <summary>
    /// Half a unit of the last non-zero digit of <paramref name="written"/> (in millions, or the unit the amount is in after
    /// "billion" was read), at most 5 % of the amount: "80" is ±4, "82" ±0.5, "1.25" ±0.005.
    /// </summary>
    private static double Rounding(string written, double value)
    {
        var dot = written.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? written : written.Replace(".", string.Empty, StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : written.Length - dot - 1;
        var trailingZeros = digits.Length - digits.TrimEnd('0').Length;
        var half = 0.5 * Math.Pow(10, trailingZeros - decimals);
        // The amount was scaled (billions to millions) after being written: scale the rounding alike.
        var number = double.Parse(written, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        half *= value / number;
        return Math.Min(half, value * 0.05);
    }

    /// <summary>A full name (two words or more once titles and roles are dropped), lower-cased; null for a surname alone.</summary>
    private static string? Holder(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(NotNames.Contains).ToList();
        return parts.Count >= 2 && !parts.Exists(NotNames.Contains) ? string.Join(' ', parts.TakeLast(2)).ToLowerInvariant() : null;
    }

    /// <summary>
    /// "signed (free agent) Dana Brook to a five-year deal worth nearly $80 million", "signed Dana Brook to an $82 million
    /// deal", "signed Dana Brook to a five-year, $80 million contract".
    /// </summary>
    [GeneratedRegex(@"\bsigned\s+(?:(?:free[\s-]+agent|[a-z][a-z-]*)\s+){0,3}(?<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\s+to\s+(?:a|an)\s+(?:(?:\w+\s*-\s*year|\w+)\s*,?\s+){0,2}?(?:(?<what>deal|contract|extension|pact)\s+(?:worth|valued\s+at)\s+)?(?<hedge>nearly|almost|just\s+under|about|around|roughly|some|approximately)?\s*(?<dollar>\$)\s*(?<n>\d{1,3}(?:\.\d{1,3})?)\s*-?\s*(?<mult>million|billion)\b(?:\s+(?<after>deal|contract|extension|pact)\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex SignedTo();

    /// <summary>"Dana Brook signed a four-year, $60 million contract", "Dana Brook signed a deal worth $60 million".</summary>
    [GeneratedRegex(@"(?<name>\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\s+(?:has\s+|had\s+)?signed\s+(?:a|an)\s+(?:(?:\w+\s*-\s*year|\w+)\s*,?\s+){0,2}?(?:(?<what>deal|contract|extension|pact)\s+(?:worth|valued\s+at)\s+)?(?<hedge>nearly|almost|just\s+under|about|around|roughly|some|approximately)?\s*(?<dollar>\$)\s*(?<n>\d{1,3}(?:\.\d{1,3})?)\s*-?\s*(?<mult>million|billion)\b(?:\s+(?<after>deal|contract|extension|pact)\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex SignedA();
}
