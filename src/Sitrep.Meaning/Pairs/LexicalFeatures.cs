using System.Globalization;
using System.Text.RegularExpressions;

namespace Sitrep.Meaning.Pairs;

/// <summary>
/// Cheap word-level cues that sentence vectors blur: negation on one side only, antonyms facing each other, numbers
/// that differ, and how much of each sentence the other one covers.
/// </summary>
internal static partial class LexicalFeatures
{
    /// <summary>Names of the features, in the order <see cref="Compute"/> writes them.</summary>
    public static readonly string[] Names =
    [
        "negation.premise", "negation.hypothesis", "negation.mismatch", "negation.hypothesis-only", "negation.premise-only",
        "nobody.premise", "nobody.hypothesis",
        "overlap.hypothesis-in-premise", "overlap.premise-in-hypothesis", "overlap.jaccard",
        "unaligned.hypothesis", "unaligned.premise",
        "antonym.facing", "antonym.count",
        "number.premise", "number.hypothesis", "number.hypothesis-unmatched", "number.all-matched",
        "length.log-ratio", "identical", "hypothesis-inside-premise",
        "hypothesis-subsequence", "premise-subsequence", "same-words-reordered",
    ];

    private const int MaxWords = 400;

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "no", "not", "never", "none", "nobody", "nothing", "nowhere", "neither", "nor", "without", "n't", "cannot",
        "noone", "denied", "deny", "denies", "false", "refused", "refuses", "fails", "failed",
    };

    private static readonly HashSet<string> Nobody = new(StringComparer.Ordinal) { "nobody", "noone", "none", "nothing" };

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "am", "of", "in", "on", "at", "to", "by",
        "for", "with", "and", "or", "as", "that", "this", "these", "those", "it", "its", "there", "their", "his", "her",
        "he", "she", "they", "them", "which", "who", "whom", "from", "into", "onto", "has", "have", "had", "do", "does",
        "did", "some", "any", "one", "than", "then", "so", "such", "also", "very", "just", "about", "over", "up", "down",
        "out", "off", "said", "says", "say", "according", "while", "being", "being", "by", "s", "'s",
    };

    // Pairs of words (stemmed) that cannot both describe the same participant or event.
    private static readonly (string A, string B)[] AntonymPairs =
    [
        ("man", "woman"), ("men", "women"), ("boy", "girl"), ("male", "female"), ("husband", "wife"), ("father", "mother"),
        ("sit", "stand"), ("sitt", "stand"), ("up", "down"), ("in", "out"), ("inside", "outside"), ("indoor", "outdoor"),
        ("open", "clos"), ("open", "shut"), ("empty", "full"), ("alive", "dead"), ("live", "dead"), ("kill", "surviv"),
        ("kill", "unharm"), ("injur", "unharm"), ("win", "lose"), ("won", "lost"), ("victory", "defeat"),
        ("increas", "decreas"), ("rise", "fall"), ("rose", "fell"), ("ris", "fall"), ("gain", "loss"), ("more", "less"),
        ("more", "fewer"), ("confirm", "deny"), ("confirm", "deni"), ("accept", "reject"), ("approv", "reject"),
        ("arrest", "releas"), ("guilty", "innocent"), ("before", "after"), ("young", "old"), ("big", "small"),
        ("large", "small"), ("tall", "short"), ("long", "short"), ("black", "white"), ("day", "night"), ("wet", "dry"),
        ("hot", "cold"), ("fast", "slow"), ("quickly", "slowly"), ("happy", "sad"), ("asleep", "awake"), ("sleep", "awake"),
        ("start", "stop"), ("begin", "end"), ("enter", "leav"), ("arriv", "depart"), ("push", "pull"), ("give", "take"),
        ("buy", "sell"), ("first", "last"), ("north", "south"), ("east", "west"), ("left", "right"), ("same", "different"),
        ("all", "none"), ("everyone", "nobody"), ("always", "never"), ("civilian", "soldier"), ("peace", "war"),
        ("legal", "illegal"), ("true", "false"), ("success", "failure"), ("succeed", "fail"), ("attack", "defend"),
        ("ceasefire", "offensive"), ("withdraw", "advanc"), ("escalat", "de-escalat"), ("lower", "higher"), ("low", "high"),
        ("cheap", "expensive"), ("dog", "cat"), ("play", "work"),
    ];

    private static readonly Dictionary<string, HashSet<string>> Antonyms = BuildAntonyms();

    private static readonly Dictionary<string, double> NumberWords = new (string Word, double Value)[]
    {
        ("zero", 0), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
        ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14),
        ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20),
        ("thirty", 30), ("forty", 40), ("fifty", 50), ("hundred", 100), ("dozen", 12), ("dozens", 24),
        ("hundreds", 200), ("thousand", 1000), ("thousands", 2000), ("million", 1e6), ("millions", 2e6),
        ("single", 1), ("couple", 2), ("pair", 2), ("both", 2),
    }.ToDictionary(n => n.Word, n => n.Value, StringComparer.Ordinal);

    /// <summary>Writes the features of (premise, hypothesis) into <paramref name="output"/> (length <see cref="Names"/>).</summary>
    public static void Compute(string premise, string hypothesis, Span<float> output)
    {
        var p = Words(premise);
        var h = Words(hypothesis);
        var pStems = new HashSet<string>(p.Select(Stem), StringComparer.Ordinal);
        var hStems = new HashSet<string>(h.Select(Stem), StringComparer.Ordinal);
        var pContent = Content(p);
        var hContent = Content(h);

        var negP = p.Count(Negations.Contains);
        var negH = h.Count(Negations.Contains);
        var i = 0;
        output[i++] = Math.Min(negP, 2) / 2f;
        output[i++] = Math.Min(negH, 2) / 2f;
        output[i++] = (negP > 0) != (negH > 0) ? 1f : 0f;
        output[i++] = negH > 0 && negP == 0 ? 1f : 0f;
        output[i++] = negP > 0 && negH == 0 ? 1f : 0f;
        output[i++] = HasNobody(p) ? 1f : 0f;
        output[i++] = HasNobody(h) ? 1f : 0f;

        var hInP = hContent.Count == 0 ? 1f : hContent.Count(pContent.Contains) / (float)hContent.Count;
        var pInH = pContent.Count == 0 ? 1f : pContent.Count(hContent.Contains) / (float)pContent.Count;
        var union = new HashSet<string>(pContent, StringComparer.Ordinal);
        union.UnionWith(hContent);
        output[i++] = hInP;
        output[i++] = pInH;
        output[i++] = union.Count == 0 ? 1f : pContent.Intersect(hContent, StringComparer.Ordinal).Count() / (float)union.Count;
        output[i++] = Math.Min(hContent.Count(w => !pContent.Contains(w)), 5) / 5f;
        output[i++] = Math.Min(pContent.Count(w => !hContent.Contains(w)), 5) / 5f;

        var facing = 0;
        foreach (var word in pStems)
        {
            if (Antonyms.TryGetValue(word, out var opposites))
            {
                facing += opposites.Count(o => hStems.Contains(o) && !pStems.Contains(o) && !hStems.Contains(word));
            }
        }

        output[i++] = facing > 0 ? 1f : 0f;
        output[i++] = Math.Min(facing, 3) / 3f;

        var pNumbers = Numbers(p);
        var hNumbers = Numbers(h);
        output[i++] = pNumbers.Count > 0 ? 1f : 0f;
        output[i++] = hNumbers.Count > 0 ? 1f : 0f;
        output[i++] = pNumbers.Count > 0 && hNumbers.Any(n => !pNumbers.Contains(n)) ? 1f : 0f;
        output[i++] = hNumbers.Count > 0 && hNumbers.All(pNumbers.Contains) ? 1f : 0f;

        output[i++] = (float)(Math.Log(h.Count + 1) - Math.Log(p.Count + 1));
        output[i++] = string.Equals(premise.Trim(), hypothesis.Trim(), StringComparison.OrdinalIgnoreCase) ? 1f : 0f;
        output[i++] = h.Count > 0 && string.Join(' ', p).Contains(string.Join(' ', h), StringComparison.Ordinal) ? 1f : 0f;

        // Dropping modifiers keeps the rest in order ("climbing recklessly up a rope" → "climbing a rope"); swapping
        // roles keeps the words but not their order ("the dog chases the cat" / "the cat chases the dog").
        var pSequence = p.Where(IsContent).Select(Stem).ToList();
        var hSequence = h.Where(IsContent).Select(Stem).ToList();
        output[i++] = hSequence.Count > 0 && IsSubsequence(hSequence, pSequence) ? 1f : 0f;
        output[i++] = pSequence.Count > 0 && IsSubsequence(pSequence, hSequence) ? 1f : 0f;
        output[i++] = pSequence.Count > 1 && pStems.SetEquals(hStems) && !pSequence.SequenceEqual(hSequence) ? 1f : 0f;
    }

    private static bool IsSubsequence(List<string> part, List<string> whole)
    {
        var k = 0;
        foreach (var word in whole)
        {
            if (k < part.Count && string.Equals(part[k], word, StringComparison.Ordinal))
            {
                k++;
            }
        }

        return k == part.Count;
    }

    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var match in WordPattern().EnumerateMatches(text))
        {
            if (words.Count >= MaxWords)
            {
                break;
            }

            var word = text.Substring(match.Index, match.Length).ToLowerInvariant();
            if (word.EndsWith("n't", StringComparison.Ordinal))
            {
                if (word.Length > 3)
                {
                    words.Add(word[..^3]);
                }

                words.Add("n't");
            }
            else if (word is "no-one" or "no one")
            {
                words.Add("noone");
            }
            else
            {
                words.Add(word);
            }
        }

        // "no one" as two words is the same quantifier as "nobody".
        for (var k = 0; k + 1 < words.Count; k++)
        {
            if (words[k] == "no" && words[k + 1] == "one")
            {
                words[k] = "noone";
                words.RemoveAt(k + 1);
            }
        }

        return words;
    }

    internal static string Stem(string word)
    {
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return word[..^3];
        }

        if (word.Length > 4 && word.EndsWith("ied", StringComparison.Ordinal))
        {
            return word[..^3] + "i";
        }

        if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.Length > 4 && word.EndsWith("es", StringComparison.Ordinal) && !word.EndsWith("ses", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    /// <summary>Whether <paramref name="word"/> (lower case) carries content: not a stop word, negation or bare number.</summary>
    internal static bool IsContent(string word) => !StopWords.Contains(word) && !Negations.Contains(word) && !char.IsAsciiDigit(word[0]);

    private static HashSet<string> Content(List<string> words) =>
        new(words.Where(w => !StopWords.Contains(w) && !Negations.Contains(w)).Select(Stem), StringComparer.Ordinal);

    private static bool HasNobody(List<string> words)
    {
        for (var k = 0; k < words.Count; k++)
        {
            if (Nobody.Contains(words[k]) || (words[k] == "no" && k + 1 < words.Count && words[k + 1] is "people" or "person" or "man" or "woman" or "child" or "one" or "casualties" or "deaths"))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<double> Numbers(List<string> words)
    {
        var numbers = new HashSet<double>();
        foreach (var word in words)
        {
            if (NumberWords.TryGetValue(word, out var value))
            {
                numbers.Add(value);
            }
            else if (char.IsAsciiDigit(word[0]) && double.TryParse(word.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                numbers.Add(value);
            }
        }

        return numbers;
    }

    private static Dictionary<string, HashSet<string>> BuildAntonyms()
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (a, b) in AntonymPairs)
        {
            Add(Stem(a), Stem(b));
            Add(Stem(b), Stem(a));
        }

        return map;

        void Add(string from, string to)
        {
            if (!map.TryGetValue(from, out var set))
            {
                map[from] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(to);
        }
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’.,-]*[\p{L}\p{N}]|[\p{L}\p{N}]|n't", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
