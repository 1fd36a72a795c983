using System.Collections.Frozen;
using Sitrep.Text;

namespace Sitrep.Corroboration.Propositions;

/// <summary>
/// Turns a claim's text into the content words that decide whether two claims state the same thing: lower case,
/// light stemming, function words, negators, hedges and numbers removed (a denial and an assertion of the same
/// proposition must share their words), and a small lexicon of news predicates folded to one form ("killed", "died",
/// "deaths" → <c>die</c>).
/// </summary>
public static class ClaimWords
{
    private static readonly FrozenSet<string> Ignored = FrozenSet.ToFrozenSet(
        [
            "a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
            "is", "are", "was", "were", "be", "been", "being", "am", "it", "its", "this", "that", "these", "those", "he", "she", "they",
            "them", "his", "her", "their", "we", "our", "you", "your", "i", "me", "my", "do", "does", "did", "has", "have", "had",
            "will", "would", "shall", "can", "could", "may", "might", "should", "must", "there", "here", "what", "which", "who",
            "whom", "when", "where", "why", "how", "all", "any", "some", "more", "most", "other", "than", "too", "very", "just",
            "also", "about", "into", "over", "after", "before", "up", "out", "off", "again", "only", "own", "same", "such", "s",
            "said", "says", "say", "saying", "told", "according", "reported", "reportedly", "allegedly", "claimed", "claims",
            "stated", "added", "now", "even", "while", "because", "until", "against", "between", "not", "no", "never", "n't",
            "nor", "none", "nothing", "neither", "likely", "unlikely", "probably", "possibly", "perhaps", "maybe", "almost",
            "certainly", "least", "approximately", "around", "nearly", "roughly", "mysteriously", "yet", "still", "already",
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands",
            "mr", "ms", "mrs", "'s", "’s", "within", "without", "during", "under", "through", "per", "via",
        ],
        StringComparer.Ordinal);

    // Predicates and nouns that news reports use interchangeably for the same event.
    private static readonly FrozenDictionary<string, string> Folds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["kill"] = "die",
        ["killed"] = "die",
        ["died"] = "die",
        ["dead"] = "die",
        ["death"] = "die",
        ["deaths"] = "die",
        ["dying"] = "die",
        ["casualty"] = "die",
        ["casualties"] = "die",
        ["fatalities"] = "die",
        ["fatality"] = "die",
        ["lost"] = "die",
        ["soldier"] = "soldier",
        ["soldiers"] = "soldier",
        ["troops"] = "soldier",
        ["troop"] = "soldier",
        ["servicemen"] = "soldier",
        ["airmen"] = "soldier",
        ["airman"] = "soldier",
        ["pilots"] = "soldier",
        ["pilot"] = "soldier",
        ["fighters"] = "fighter",
        ["mercenaries"] = "fighter",
        ["charges"] = "charge",
        ["charged"] = "charge",
        ["case"] = "charge",
        ["prosecution"] = "charge",
        ["indictment"] = "charge",
        ["dropped"] = "drop",
        ["drop"] = "drop",
        ["dropping"] = "drop",
        ["closed"] = "drop",
        ["close"] = "drop",
        ["lifted"] = "drop",
        ["withdrawn"] = "drop",
        ["fled"] = "flee",
        ["flee"] = "flee",
        ["fleeing"] = "flee",
        ["left"] = "flee",
        ["leave"] = "flee",
        ["flew"] = "flee",
        ["seized"] = "seize",
        ["captured"] = "seize",
        ["took"] = "seize",
        ["taken"] = "seize",
        ["control"] = "seize",
        ["halted"] = "stop",
        ["stopped"] = "stop",
        ["turned"] = "stop",
        ["turn"] = "stop",
        ["retreat"] = "stop",
        ["withdrew"] = "stop",
        ["deal"] = "deal",
        ["agreement"] = "deal",
        ["brokered"] = "deal",
        ["negotiated"] = "deal",
        ["shot"] = "shoot",
        ["downed"] = "shoot",
        ["kilometres"] = "km",
        ["kilometers"] = "km",
        ["miles"] = "km",
        ["defence"] = "defense",
        ["moscow"] = "moscow",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The content words of <paramref name="text"/>, de-duplicated, in order of first appearance.</summary>
    public static List<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        foreach (var token in Tokenizer.Tokenize(text))
        {
            var span = token.In(text);
            if (span.Length < 2 || !char.IsLetter(span[0]))
            {
                continue;
            }

            var lower = span.ToString().ToLowerInvariant().Replace('’', '\'');
            if (Ignored.Contains(lower))
            {
                continue;
            }

            var word = Folds.TryGetValue(lower, out var folded) ? folded : Stem(lower);
            if (!Ignored.Contains(word) && !words.Contains(word))
            {
                words.Add(word);
            }
        }

        return words;
    }

    /// <summary>A light stemmer: plural and past forms to a shared stem, enough to match "charge"/"charges".</summary>
    public static string Stem(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 4 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        if (word.Length > 5 && word.EndsWith("ed", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.Length > 6 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return word[..^3];
        }

        return word;
    }
}
