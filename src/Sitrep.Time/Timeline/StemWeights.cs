using System.Collections.Frozen;
using Sitrep.Documents;

namespace Sitrep.Time.Timeline;

/// <summary>
/// Content-word stems of the timeline's candidate sentences, weighted by how rare they are among the candidates
/// (inverse document frequency), so that "Il-22" ties two reports together and "Prigozhin" hardly does.
/// </summary>
internal sealed class StemWeights
{
    private const int StemLength = 6;
    private const int MinShared = 2;

    private static readonly FrozenSet<string> Stop = FrozenSet.ToFrozenSet(
    [
        "the", "and", "for", "that", "with", "was", "were", "has", "have", "had", "his", "her", "its", "their", "they", "them",
        "this", "from", "said", "says", "say", "not", "but", "who", "which", "what", "when", "where", "will", "would", "could",
        "been", "being", "are", "into", "over", "after", "before", "about", "than", "then", "there", "here", "our", "out", "all",
        "any", "one", "two", "also", "more", "most", "some", "such", "only", "own", "very", "just", "like", "him", "she", "you",
        "your", "did", "does", "still", "since", "until", "while", "because", "even", "other", "those", "these", "how", "why",
        "can", "may", "might", "should", "shall", "upon", "off", "per", "via", "near", "toward", "towards", "against", "between",
        "through", "during", "without", "within", "across", "around", "among", "told", "according", "reported", "reports",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "june", "july", "august", "september", "october", "november", "december", "morning", "evening", "night",
        "afternoon", "today", "tonight", "yesterday", "tomorrow", "week", "weekend", "day", "days", "hour", "hours", "minutes",
        "time", "bst", "cest", "cet", "utc", "gmt", "msk", "update", "updated", "late", "early", "later", "earlier", "ago", "local",
        "now", "new",
    ], StringComparer.Ordinal);

    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);

    public StemWeights(IEnumerable<HashSet<string>> sets)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = 0;
        foreach (var set in sets)
        {
            n++;
            foreach (var w in set)
            {
                df[w] = df.GetValueOrDefault(w) + 1;
            }
        }

        foreach (var (w, count) in df)
        {
            _idf[w] = Math.Log(1 + ((double)n / count));
        }
    }

    /// <summary>The stems of the content words in <paramref name="range"/> (at most <paramref name="max"/> characters read).</summary>
    public static HashSet<string> Stems(string text, TextRange range, int max)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var end = Math.Min(range.End, range.Start + max);
        var i = range.Start;
        while (i < end)
        {
            while (i < end && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < end && (char.IsLetterOrDigit(text[i]) || text[i] == '-'))
            {
                i++;
            }

            if (i - start >= 3)
            {
                var word = text.Substring(start, i - start).ToLowerInvariant();
                if (!Stop.Contains(word) && !word.All(char.IsAsciiDigit))
                {
                    set.Add(Stem(word));
                }
            }
        }

        return set;
    }

    /// <summary>
    /// The weighted overlap of two stem sets: the weight of what they share over the weight of the smaller, so a short
    /// report ("Putin has spoken. Treason, betrayal…") can match a long one that contains it; 0 when they share fewer than
    /// two stems.
    /// </summary>
    public double Overlap(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        double shared = 0, wa = 0, wb = 0;
        var count = 0;
        foreach (var w in a)
        {
            var weight = _idf.GetValueOrDefault(w, 1);
            wa += weight;
            if (b.Contains(w))
            {
                shared += weight;
                count++;
            }
        }

        if (count < MinShared)
        {
            // One shared word ("people") is no evidence that two short sentences tell one event.
            return 0;
        }

        foreach (var w in b)
        {
            wb += _idf.GetValueOrDefault(w, 1);
        }

        return shared / Math.Min(wa, wb);
    }

    private static string Stem(string word)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ing", "ed", "es", "s"])
        {
            if (word.Length > suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                word = word[..^suffix.Length];
                break;
            }
        }

        return word.Length > StemLength ? word[..StemLength] : word;
    }
}
