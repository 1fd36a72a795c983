using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Claims.Text;
using Sitrep.Documents;

namespace Sitrep.Claims.Frames;

/// <summary>
/// Reads an election's turnout as a share of the voters, in percent: "turnout reached 93.87 percent", "a turnout of
/// almost 90%", "61 per cent turnout". A figure written to its last digit stands for half a unit either side (93.9 is
/// 93.85 to 93.95; 90 is 89.5 to 90.5), so a rounder report of the same count still agrees. Two kinds of sentence give
/// no figure: a count part-way through the voting ("as of 4 p.m.", "by noon", "so far"), which the final figure updates
/// rather than disputes, and a threshold the law sets ("valid only with a turnout of more than 50 percent").
/// </summary>
internal static partial class TurnoutReader
{
    /// <summary>The turnouts of tokens <paramref name="first"/>..<paramref name="last"/>.</summary>
    public static IEnumerable<Measure> Read(SentenceWords words, int first, int last)
    {
        var start = words.Tokens[first].Start;
        var text = words.Text[start..words.Tokens[last].End];
        if (!text.Contains("turnout", StringComparison.OrdinalIgnoreCase) || PartWayOrThreshold().IsMatch(text))
        {
            yield break;
        }

        foreach (Match m in TurnoutThenShare().Matches(text).Concat(ShareThenTurnout().Matches(text)))
        {
            var n = m.Groups["n"];
            if (!double.TryParse(n.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) || v is <= 0 or > 100)
            {
                continue;
            }

            var dot = n.Value.IndexOf('.', StringComparison.Ordinal);
            var half = 0.5 * Math.Pow(10, dot < 0 ? 0 : -(n.Value.Length - dot - 1));
            var (min, max, minExclusive, maxExclusive) = m.Groups["hedge"].Value.ToLowerInvariant() switch
            {
                "almost" or "nearly" or "just under" or "close to" => (v * 0.85, v, false, true),
                "about" or "around" or "some" or "roughly" or "approximately" or "an estimated" => (v - 5, v + 5, false, false),
                "more than" or "over" or "just over" or "above" => (v, 100.0, true, false),
                "at least" => (v, 100.0, false, false),
                "less than" or "under" or "below" => (0.0, v, false, true),
                _ => (v - half, v + half, false, false),
            };
            var from = m.Groups["hedge"].Success ? m.Groups["hedge"].Index : n.Index;
            var unit = m.Groups["unit"];
            var range = new TextRange(start + from, start + unit.Index + unit.Length);
            yield return new Measure(MeasureRoles.Turnout, null, min, Math.Min(100, max), "percent", text[from..(unit.Index + unit.Length)], range)
            {
                MinExclusive = minExclusive,
                MaxExclusive = maxExclusive,
            };
        }
    }

    /// <summary>
    /// "turnout reached 93.87 percent", "turnout was almost 90%", "a turnout of 61 per cent", "turnout in the council
    /// election stood at about 70%" (a short phrase saying which vote, then a verb).
    /// </summary>
    [GeneratedRegex(@"\bturnout\s+(?:(?:in|for|at|across)\s+(?:[\w'’-]+\s+){1,6}?(?=(?:was|is|had|has|reached|hit|stood|stands|rose|fell)\s))?(?:(?:was|is|had|has|been|reached|hit|stood|stands|rose|fell|to|at|of|put|officially|finally|final)\s+){0,3}(?:(?<hedge>almost|nearly|just under|close to|about|around|some|roughly|approximately|an estimated|more than|just over|over|above|at least|less than|under|below)\s+)?(?<n>\d{1,3}(?:\.\d{1,2})?)\s*(?<unit>%|percent|per\s*cent)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TurnoutThenShare();

    /// <summary>"a 61 percent turnout", "almost 90% turnout".</summary>
    [GeneratedRegex(@"(?:\b(?<hedge>almost|nearly|just under|close to|about|around|some|roughly|approximately|an estimated|more than|just over|over|above|at least|less than|under|below)\s+)?\b(?<n>\d{1,3}(?:\.\d{1,2})?)\s*(?<unit>%|percent|per\s*cent)\s+(?:voter\s+)?turnout\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShareThenTurnout();

    /// <summary>A count part-way through the voting, or a threshold the law sets for a valid vote.</summary>
    [GeneratedRegex(@"\b(?:as of|so far|by (?:noon|midday|mid-day|\d)|at (?:noon|midday|\d{1,2}(?::\d\d)?\s*(?:a\.?m|p\.?m))|valid|threshold|required|needed|minimum|must)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartWayOrThreshold();
}
