using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Claims.Text;
using Sitrep.Documents;

namespace Sitrep.Claims.Frames;

/// <summary>
/// Reads a named competitor's win-loss record: "Jonas Varga (31-2, 20 KOs)", "Varga, 31-2, 20 KOs,", "Varga improved his
/// record to 31-2", "took Varga's record to 31-2", "Lindqvist compiled a mark of 122-147", "Lindqvist is 122-147 in
/// three seasons". The holder is the name written before the record (its last word, lower case); a record said to be a
/// career's ("overall", "lifetime", "career", "combined") or a place's ("31-2 in Portland") is another record than the
/// plain one and is kept apart. A pronoun gives no holder, and a score ("won 28-21", "an 88-72 loss") is no record: the
/// forms read all tie the numbers to a name. The value is the wins, losses and draws as written, compared for equality
/// (encoded as one number, wins × 10⁶ + losses × 10³ + draws).
/// </summary>
internal static partial class RecordReader
{
    /// <summary>The unit records are read in.</summary>
    public const string RecordUnit = "record";

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "His", "Her", "Their", "We", "I", "You", "This", "That", "And", "But", "With", "In",
        "On", "At", "After", "Before", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
        "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    };

    /// <summary>The records of tokens <paramref name="first"/>..<paramref name="last"/>.</summary>
    public static IEnumerable<Measure> Read(SentenceWords words, int first, int last)
    {
        var start = words.Tokens[first].Start;
        var text = words.Text[start..words.Tokens[last].End];
        if (!text.Contains('-', StringComparison.Ordinal))
        {
            yield break;
        }

        var seen = new HashSet<int>();
        foreach (Match m in Bracketed().Matches(text).Concat(Commas().Matches(text)).Concat(MovedTo().Matches(text)).Concat(TookTo().Matches(text))
                     .Concat(CompiledMarkOf().Matches(text)).Concat(CompiledRecord().Matches(text)).Concat(IsRecord().Matches(text)))
        {
            var name = m.Groups["name"].Value.Trim();
            var holderWord = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            if (holderWord is null || NotNames.Contains(holderWord) || name.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(NotNames.Contains)
                || !int.TryParse(m.Groups["w"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var wins)
                || !int.TryParse(m.Groups["l"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var losses))
            {
                continue;
            }

            var draws = m.Groups["d"].Success && int.TryParse(m.Groups["d"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 0;
            var holder = holderWord.TrimEnd('\'', '’').ToLowerInvariant();
            var tail = text[(m.Groups["rec"].Index + m.Groups["rec"].Length)..];
            var around = text[Math.Max(0, m.Index - 30)..Math.Min(text.Length, m.Index + m.Length + 30)];
            if (Career().IsMatch(around))
            {
                holder += " (career)";
            }
            else if (PlaceAfter().Match(tail) is { Success: true } place)
            {
                holder += " (in " + place.Groups["place"].Value.ToLowerInvariant() + ")";
            }
            else if (Split().Match(tail) is { Success: true } split)
            {
                // "4-4 on the road", "8-1 in games decided by one score": a split of the season, another record than
                // the plain one; only the same split written the same way is compared.
                holder += " (" + string.Join(' ', split.Groups["split"].Value.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4)) + ")";
            }

            var value = (wins * 1_000_000.0) + (losses * 1_000.0) + draws;
            var rec = m.Groups["rec"];
            if (!seen.Add(rec.Index))
            {
                continue; // one record read by two forms
            }

            yield return new Measure(MeasureRoles.Record, holder, value, value, RecordUnit, rec.Value, new TextRange(start + rec.Index, start + rec.Index + rec.Length));
        }
    }

    private const string Name = @"(?<name>\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})";
    private const string Rec = @"(?<rec>(?<w>\d{1,3})\s*-\s*(?<l>\d{1,3})(?:\s*-\s*(?<d>\d{1,2}))?)(?![\d-])";

    /// <summary>"Jonas Varga (31-2, 20 KOs)", "the Rovers (9-14)".</summary>
    [GeneratedRegex(Name + @"\s*\(\s*" + Rec + @"\s*[,)]", RegexOptions.CultureInvariant)]
    private static partial Regex Bracketed();

    /// <summary>
    /// "Jonas Varga, 31-2, 20 KOs,", "Varga, 31-2 with 20 knockouts": a record set between commas must be followed by its
    /// knockouts, since "beat the Rovers, 23-17, on Sunday" is a score written the same way.
    /// </summary>
    [GeneratedRegex(Name + @"\s*,\s*" + Rec + @"\s*(?:,|with\b)\s*\d{1,3}\s*(?:KOs?\b|KO\s*['’]\s*s|knockouts\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Commas();

    /// <summary>"Varga improved his record to 31-2", "Varga improved to 31-2", "Varga fell to 30-3".</summary>
    [GeneratedRegex(Name + @"\s+(?:improved|moved|went|fell|dropped|slipped|rose|climbed)\s+(?:his\s+|her\s+|their\s+|its\s+)?(?:record\s+|mark\s+)?to\s+" + Rec, RegexOptions.CultureInvariant)]
    private static partial Regex MovedTo();

    /// <summary>"took Varga's record to 31-2".</summary>
    [GeneratedRegex(@"\b(?:took|takes|moved|pushed|lifted|improved)\s+" + Name + @"\s*['’]\s*s?\s+(?:record|mark)\s+to\s+" + Rec, RegexOptions.CultureInvariant)]
    private static partial Regex TookTo();

    /// <summary>"Lindqvist compiled a mark of 122-147", "Lindqvist has an overall record of 284-286".</summary>
    [GeneratedRegex(Name + Held + @"(?:record|mark)\s+of\s+" + Rec, RegexOptions.CultureInvariant)]
    private static partial Regex CompiledMarkOf();

    /// <summary>"Lindqvist compiled a 162-139 record".</summary>
    [GeneratedRegex(Name + Held + Rec + @"\s+(?:record|mark)\b", RegexOptions.CultureInvariant)]
    private static partial Regex CompiledRecord();

    private const string Held = @"\s+(?:compiled|posted|has|had|owns|owned|holds|held|finished\s+with|carries)\s+(?:a|an)\s+(?:(?:overall|career|lifetime|combined|all-time)\s+)?";

    /// <summary>"Lindqvist is 122-147 in three seasons", "Lindqvist is 284-286 lifetime", "the Rovers were 20-3,".</summary>
    [GeneratedRegex(Name + @"\s+(?:is|was|are|were|stands\s+at|stood\s+at)\s+" + Rec + @"(?=\s*(?:[,.;]|$|in\b|with\b|as\b|lifetime\b|overall\b|this\b|on\b|since\b|at\b|against\b))", RegexOptions.CultureInvariant)]
    private static partial Regex IsRecord();

    /// <summary>"career", "overall", "lifetime", "combined", "all-time": a career's record, not one spell's.</summary>
    [GeneratedRegex(@"\b(?:career|overall|lifetime|combined|all-time)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Career();

    /// <summary>"in Portland", "with Portland" right after the record: a spell with one club.</summary>
    [GeneratedRegex(@"^\s*(?:\([^)]*\)\s*)?(?:in|with|at)\s+(?<place>[A-Z][\w'’-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceAfter();

    /// <summary>
    /// "on the road", "at home", "away", "against the division", "in games decided by one score", "since the break" right
    /// after the record: a split of the season. A span of seasons or years ("in three seasons") leaves the record plain,
    /// and so does "with the club" (a spell with one club, read as a place above when the club is named).
    /// </summary>
    [GeneratedRegex(@"^\s*(?:\([^)]*\)\s*)?(?<split>(?:on|at|in|against|since|away|outside|inside|when)\b(?!\s+(?:(?:\w+|\d+)\s+)?(?:seasons?|years?|campaigns?)\b)[^,.;:()]{0,60})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Split();
}
