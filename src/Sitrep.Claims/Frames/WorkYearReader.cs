using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Claims.Text;
using Sitrep.Documents;

namespace Sitrep.Claims.Frames;

/// <summary>
/// Reads the year of a named work: "the 2005 film The Long Shore", "the 2006 HBO movie, The Long Shore", "her 1999 album
/// Night Roads". The year is written before the kind of work (film, movie, book, album, play…) and the title, in capitals,
/// right after it; what is counted is the title, lower case without quotes, so two years meet only when they are given
/// to one title. A remake or a sequel is another work and gives nothing; a year with no title after its work gives nothing.
/// </summary>
internal static partial class WorkYearReader
{
    /// <summary>The unit a work's year is read in.</summary>
    public const string YearUnit = "year";

    private static readonly HashSet<string> Small = new(StringComparer.Ordinal) { "of", "the", "and", "a", "an", "in", "on", "at", "to", "for", "from", "with" };

    /// <summary>The years of named works in tokens <paramref name="first"/>..<paramref name="last"/>.</summary>
    public static IEnumerable<Measure> Read(SentenceWords words, int first, int last)
    {
        var start = words.Tokens[first].Start;
        var text = words.Text[start..words.Tokens[last].End];
        foreach (Match m in Work().Matches(text))
        {
            var title = m.Groups["title"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            while (title.Count > 0 && Small.Contains(title[^1]))
            {
                title.RemoveAt(title.Count - 1);
            }

            if (title.Count == 0 || !int.TryParse(m.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                continue;
            }

            var counted = string.Join(' ', title).ToLowerInvariant();
            var y = m.Groups["year"];
            yield return new Measure(MeasureRoles.WorkYear, counted, year, year, YearUnit, y.Value, new TextRange(start + y.Index, start + y.Index + y.Length));
        }
    }

    /// <summary>
    /// "the 2005 film The Long Shore", "the 2006 HBO movie, The Long Shore", "her 1999 album `` Night Roads": a determiner,
    /// the year, up to two capitalised words (a studio, a network), the kind of work, and a capitalised title.
    /// </summary>
    [GeneratedRegex(@"\b(?:the|a|an|his|her|their|its)\s+(?<year>(?:18|19|20)\d\d)\s+(?:[A-Z][\w'’-]*\s+){0,2}(?:film|movie|documentary|biopic|album|book|novel|play|musical|opera|ballet|song|single|comic|painting|memoir|series|miniseries)\s*,?\s+(?:``|''|[""“‘'])?\s*(?<title>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|the|and|a|an|in|on|at|to|for|from|with)){0,6})", RegexOptions.CultureInvariant)]
    private static partial Regex Work();
}
