using Sitrep.Claims.Text;
using Sitrep.Documents;

namespace Sitrep.Claims.Polarity;

/// <summary>
/// Restrictive statements: "Only X had any truth to it" after a list of reported items ("reported that A, that B and
/// that C") asserts that the items other than X are false. Finds the restriction and the items it negates.
/// </summary>
internal static class RestrictiveNegation
{
    /// <summary>True when the sentence is a restriction ("Only … had any truth to it", "Only … was true").</summary>
    public static bool IsRestriction(SentenceWords words, out int restrictedFirst, out int restrictedLast)
    {
        restrictedFirst = restrictedLast = -1;
        var start = 0;
        while (start < words.Count && !words.IsWord(start))
        {
            start++;
        }

        if (words[start] != "only")
        {
            return false;
        }

        for (var i = start + 1; i < words.Count; i++)
        {
            var w = words[i];
            var truthVerb = (w is "had" or "has" or "have" && words[i + 1] is "any" or "some" && words[i + 2] is "truth" or "basis" or "foundation")
                || (w is "was" or "were" or "is" or "are" or "proved" or "proven" or "turned" or "held" or "holds" && (words[i + 1] is "true" or "accurate" or "correct" or "right" or "out" or "up" || words[i + 2] is "true" or "accurate"));
            if (truthVerb)
            {
                restrictedFirst = start + 1;
                restrictedLast = i - 1;
                return restrictedLast >= restrictedFirst;
            }
        }

        return false;
    }

    /// <summary>The items of a "that"-list in a sentence ("that A, that B and that C"); empty when fewer than two.</summary>
    public static List<(int First, int Last)> ListItems(SentenceWords words)
    {
        var starts = new List<int>();
        for (var i = 1; i < words.Count; i++)
        {
            if (words[i] == "that" && (starts.Count > 0 || Attribution.ReportingCues.IsCue(words[i - 1]) || (i > 1 && Attribution.ReportingCues.IsCue(words[i - 2]))))
            {
                starts.Add(i + 1);
            }
        }

        var items = new List<(int, int)>();
        for (var k = 0; k < starts.Count; k++)
        {
            var last = k + 1 < starts.Count ? starts[k + 1] - 2 : words.Count - 1;
            while (last > starts[k] && words[last] is "," or "and" or "." or ";" or "or")
            {
                last--;
            }

            if (last >= starts[k])
            {
                items.Add((starts[k], last));
            }
        }

        return items.Count >= 2 ? items : [];
    }

    /// <summary>True when an item shares a content word (by a five-letter stem) with the restricted phrase.</summary>
    public static bool Shares(SentenceWords list, (int First, int Last) item, SentenceWords restriction, int first, int last)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        for (var i = first; i <= last; i++)
        {
            if (IsContent(restriction[i]))
            {
                stems.Add(Stem(restriction[i]));
            }
        }

        for (var i = item.First; i <= item.Last; i++)
        {
            if (IsContent(list[i]) && stems.Contains(Stem(list[i])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Characters of an item.</summary>
    public static TextRange RangeOf(SentenceWords words, (int First, int Last) item) => words.RangeOf(item.First, item.Last);

    private static bool IsContent(string w) => w.Length > 3 && char.IsLetter(w[0]) && !Words.Function.Contains(w) && !Words.Auxiliaries.Contains(w) && w is not "being" and not "that";

    private static string Stem(string w) => w.Length > 5 ? w[..5] : w;
}
