using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Claims.Text;
using Sitrep.Documents;

namespace Sitrep.Claims.Frames;

/// <summary>
/// Reads the length of a prison sentence handed down: "He was sentenced to 2 1/2 years", "served 9 months of a 2-1/2 year
/// sentence", "was sentenced to two years in prison", "a sentence of 12 years", in years. "Faces up to 25 years", "could get 10 years" and a life or
/// death sentence give no figure; a term "to life" ("25 years to life") has no ceiling.
/// </summary>
internal static partial class PrisonTermReader
{
    private static readonly string[] NumberWords =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ];

    /// <summary>The prison terms of tokens <paramref name="first"/>..<paramref name="last"/>.</summary>
    public static IEnumerable<Measure> Read(SentenceWords words, int first, int last)
    {
        var start = words.Tokens[first].Start;
        var text = words.Text[start..words.Tokens[last].End];
        if (!text.Contains("sentence", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        foreach (Match m in SentencedTo().Matches(text).Concat(YearSentence().Matches(text)).Concat(SentenceOf().Matches(text)))
        {
            if (Number(m.Groups["n"].Value) is not { } years || years <= 0)
            {
                continue;
            }

            if (m.Groups["half"].Success)
            {
                years += 0.5;
            }

            if (m.Groups["unit"].Value.StartsWith("month", StringComparison.OrdinalIgnoreCase))
            {
                years /= 12;
            }

            var toLife = m.Groups["life"].Success;
            var range = new TextRange(start + m.Groups["n"].Index, start + m.Groups["unit"].Index + m.Groups["unit"].Length);
            var written = text[m.Groups["n"].Index..(m.Groups["unit"].Index + m.Groups["unit"].Length)];
            yield return new Measure(MeasureRoles.Term, null, years, toLife ? null : years, "years", written, range);
        }
    }

    private static double? Number(string text)
    {
        var i = Array.IndexOf(NumberWords, text.ToLowerInvariant());
        if (i >= 0)
        {
            return i;
        }

        return double.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    /// <summary>"sentenced to 2 1/2 years", "sentenced to two years in prison", "sentenced to 25 years to life".</summary>
    [GeneratedRegex(@"\bsentenced\s+to\s+(?<n>\d{1,2}|[a-z]+)(?<half>(?:\s+|-)1\s*/\s*2|\s*½|\s+and\s+a\s+half)?\s*-?\s*(?<unit>years?|months?)\b(?<life>\s+to\s+life)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SentencedTo();

    /// <summary>"a 2-1/2 year sentence", "a two-year prison sentence", "his 18-month jail sentence".</summary>
    [GeneratedRegex(@"\b(?:a|an|his|her|the)\s+(?<n>\d{1,2}|[a-z]+)(?<half>(?:\s+|-)1\s*/\s*2|\s*½|\s+and\s+a\s+half)?\s*-?\s*(?<unit>year|month)\s+(?:prison\s+|jail\s+)?sentence\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearSentence();

    /// <summary>"imposing a sentence of 12 years", "a prison sentence of 18 months".</summary>
    [GeneratedRegex(@"\b(?:a|an|his|her|the)\s+(?:prison\s+|jail\s+)?sentence\s+of\s+(?<n>\d{1,2}|[a-z]+)(?<half>(?:\s+|-)1\s*/\s*2|\s*½|\s+and\s+a\s+half)?\s*-?\s*(?<unit>years?|months?)\b(?<life>\s+to\s+life)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SentenceOf();
}
