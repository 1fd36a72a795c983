using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Claims.Text;
using Sitrep.Documents;

namespace Sitrep.Claims.Frames;

/// <summary>
/// Reads figures that belong to a named holder rather than to an event: a person's age ("Robert Buckley, 32," or
/// "31-year-old Robert Buckley"), a parent's number of children ("a mother of 12"), and a place's population ("Qeshm
/// island, home to 120,000 people"). The holder is the counted thing, so two sources' figures meet only when they
/// speak of the same full name; a surname alone, or a holder the sentence does not name, gives no figure.
/// </summary>
internal static partial class AttributeReader
{
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady", "Officer", "Deputy", "Sheriff",
        "Police", "President", "Governor", "Gov", "Judge", "Captain", "Sergeant", "Detective", "Brooklyn", "Video", "Mother",
        "Father", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };

    private static readonly string[] NumberWords =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen"];

    /// <summary>The attribute figures of tokens <paramref name="first"/>..<paramref name="last"/>.</summary>
    public static IEnumerable<Measure> Read(SentenceWords words, int first, int last)
    {
        var start = words.Tokens[first].Start;
        var text = words.Text[start..words.Tokens[last].End];
        if (!text.Any(char.IsDigit) && !text.Contains("of ", StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (Match m in AgeAfterName().Matches(text))
        {
            if (Holder(m.Groups["name"].Value) is { } name && Number(m.Groups["n"].Value) is { } age and > 0 and < 120)
            {
                yield return Make(MeasureRoles.Age, name, age, "years", m.Groups["n"], start);
            }
        }

        foreach (Match m in AgeBeforeName().Matches(text))
        {
            if (Holder(m.Groups["name"].Value) is { } name && Number(m.Groups["n"].Value) is { } age and > 0 and < 120)
            {
                yield return Make(MeasureRoles.Age, name, age, "years", m.Groups["n"], start);
            }
        }

        foreach (Match m in ParentOf().Matches(text))
        {
            var name = m.Groups["before"].Success ? Holder(m.Groups["before"].Value) : Holder(m.Groups["after"].Value);
            if (name is not null && Number(m.Groups["n"].Value) is { } children and > 0 and < 40)
            {
                yield return Make(MeasureRoles.Children, name, children, "children", m.Groups["n"], start);
            }
        }

        foreach (Match m in Population().Matches(text))
        {
            if (Number(m.Groups["n"].Value) is { } people and >= 10)
            {
                var place = PlaceSuffix().Replace(m.Groups["place"].Value.ToLowerInvariant(), string.Empty);
                var hedged = m.Groups["hedge"].Success;
                var measure = Make(MeasureRoles.Population, place, people, "people", m.Groups["n"], start);
                yield return hedged ? measure with { Min = people * 0.85, Max = people * 1.15 } : measure;
            }
        }
    }

    private static Measure Make(string role, string holder, double value, string unit, Group number, int start) =>
        new(role, holder, value, value, unit, number.Value, new TextRange(start + number.Index, start + number.Index + number.Length));

    /// <summary>A full name (two words or more once titles are dropped), lower-cased; null for a surname alone.</summary>
    private static string? Holder(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(NotNames.Contains).ToList();
        // The last two words: "Englishman Robert Buckley" and "Robert Buckley" are one holder.
        return parts.Count >= 2 && !parts.Exists(NotNames.Contains) ? string.Join(' ', parts.TakeLast(2)).ToLowerInvariant() : null;
    }

    private static double? Number(string text)
    {
        var i = Array.IndexOf(NumberWords, text.ToLowerInvariant());
        if (i >= 0)
        {
            return i;
        }

        return double.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    /// <summary>"Robert Buckley, 32, died…".</summary>
    [GeneratedRegex(@"(?<name>\b[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3}),\s+(?<n>\d{1,3}),(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex AgeAfterName();

    /// <summary>"31-year-old Robert Buckley".</summary>
    [GeneratedRegex(@"\b(?<n>\d{1,3})\s*[- ]\s*year\s*[- ]\s*old\s+(?<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3})\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgeBeforeName();

    /// <summary>"Zurana Horton, 34, a mother of 12", "Mother of 13 Zurana Horton".</summary>
    [GeneratedRegex(@"(?:(?<before>\b[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3}),(?:\s+\d{1,3},)?\s+(?:a|the)\s+(?:mother|father|parent)\s+of\s+(?<n>\d{1,2}|[a-z]+)\b|\b[Mm]other\s+of\s+(?<n>\d{1,2})\s+(?<after>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3}))", RegexOptions.CultureInvariant)]
    private static partial Regex ParentOf();

    /// <summary>" island", " city": dropped so that "Qeshm Island" and "Qeshm" are one holder.</summary>
    [GeneratedRegex(@"\s+(?:island|city|town|province|village)$", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceSuffix();

    /// <summary>"Qeshm island, home to 120,000 people", "Zarand, a town of about 15,000 people".</summary>
    [GeneratedRegex(@"\b(?<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:\s+(?:[Ii]sland|[Cc]ity|[Tt]own|[Pp]rovince|[Vv]illage))?,\s+(?:which\s+has\s+|(?:a|the)\s+(?:island|city|town|village|province|port)\s+of\s+|home\s+to\s+|with\s+a\s+population\s+of\s+)(?<hedge>about\s+|around\s+|some\s+|roughly\s+|approximately\s+|nearly\s+|almost\s+)?(?<n>\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?:people|residents|inhabitants))?", RegexOptions.CultureInvariant)]
    private static partial Regex Population();
}
