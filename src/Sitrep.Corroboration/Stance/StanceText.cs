using System.Collections.Frozen;
using System.Text;

namespace Sitrep.Corroboration.Stance;

/// <summary>
/// Text handling shared by the stance featurizers: lower-cased word tokens, stop words, refuting and hedging cues,
/// sentence splitting. Deliberately simpler than <c>Sitrep.Text.Tokenizer</c>: features need normalized words, not
/// offsets.
/// </summary>
internal static class StanceText
{
    /// <summary>A compact English stop-word list (function words, auxiliaries, pronouns).</summary>
    public static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
        "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
        "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is",
        "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "of", "off", "on", "once", "only", "or",
        "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such",
        "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
        "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where",
        "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
        "yourselves", "s", "t", "said", "says", "say", "one", "two", "new", "may", "might", "must", "us", "via",
    ], StringComparer.Ordinal);

    /// <summary>Words that refute or cast doubt (the FNC-1 baseline's list, plus a few kin).</summary>
    public static readonly string[] RefutingWords =
    [
        "fake", "fraud", "hoax", "false", "deny", "denies", "denied", "refute", "refutes", "not", "despite", "nope",
        "doubt", "doubts", "bogus", "debunk", "debunked", "pranks", "prank", "retract", "retracted", "no", "never",
        "untrue", "rumor", "rumour", "rumors", "rumours", "satire", "satirical", "myth", "misleading", "claim",
        "claims", "claimed", "allegedly", "unconfirmed", "unverified",
    ];

    /// <summary>Words that mark reported speech or hedging (typical of a body that discusses rather than asserts).</summary>
    public static readonly FrozenSet<string> HedgeWords = FrozenSet.ToFrozenSet(
    [
        "reportedly", "allegedly", "according", "reports", "reported", "report", "claims", "claimed", "claim",
        "apparently", "purportedly", "rumored", "rumoured", "unconfirmed", "unverified", "suggests", "suggest",
        "possibly", "perhaps", "could", "might", "may", "believed", "appears", "seems", "supposedly", "alleged",
    ], StringComparer.Ordinal);

    /// <summary>Negations.</summary>
    public static readonly FrozenSet<string> Negations = FrozenSet.ToFrozenSet(
    [
        "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "cannot", "n't", "dont", "doesnt",
        "isnt", "wasnt", "arent", "didnt", "wont", "cant",
    ], StringComparer.Ordinal);

    /// <summary>Splits <paramref name="text"/> into lower-cased word tokens (letters and digits; apostrophes dropped).</summary>
    public static List<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>(text.Length / 6 + 1);
        var builder = new StringBuilder(24);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if ((c == '\'' || c == '\u2019') && builder.Length > 0)
            {
                // "doesn't" -> "doesnt": keeps negated auxiliaries as one recognisable word.
                continue;
            }
            else if (builder.Length > 0)
            {
                words.Add(builder.ToString());
                builder.Clear();
            }
        }

        if (builder.Length > 0)
        {
            words.Add(builder.ToString());
        }

        return words;
    }

    /// <summary>Whether a word carries content (not a stop word, not a lone character).</summary>
    public static bool IsContent(string word) => word.Length > 1 && !StopWords.Contains(word);

    /// <summary>Splits a body into rough sentences (on . ! ? followed by space, and on line breaks).</summary>
    public static List<string> Sentences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = c == '\n'
                || ((c == '.' || c == '!' || c == '?') && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (end)
            {
                AddSentence(text, start, i + 1, sentences);
                start = i + 1;
            }
        }

        AddSentence(text, start, text.Length, sentences);
        return sentences;
    }

    private static void AddSentence(string text, int start, int end, List<string> sentences)
    {
        var piece = text[start..end].Trim();
        if (piece.Length > 1)
        {
            sentences.Add(piece);
        }
    }
}
