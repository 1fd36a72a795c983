namespace Sitrep.Ingest.Evaluation;

/// <summary>
/// The metric of the public article-extraction benchmark: each text becomes a bag of word 4-gram shingles (tokens
/// are runs of word characters), and a page's precision and recall count shingles with multiplicity.
/// </summary>
public static class ShingleMetric
{
    /// <summary>Shingle size.</summary>
    public const int N = 4;

    /// <summary>Precision and recall of one page.</summary>
    /// <remarks>
    /// Both texts without shingles score 1 and 1; an empty extraction of a non-empty body scores 0 and 0. A text of
    /// fewer than four tokens is one shingle of all its tokens.
    /// </remarks>
    public static (double Precision, double Recall) Score(string truth, string predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        var expected = Shingles(truth);
        var actual = Shingles(predicted);
        var totalExpected = expected.Values.Sum();
        var totalActual = actual.Values.Sum();
        if (totalExpected == 0 && totalActual == 0)
        {
            return (1, 1);
        }

        var tp = 0;
        foreach (var (shingle, count) in actual)
        {
            if (expected.TryGetValue(shingle, out var e))
            {
                tp += Math.Min(count, e);
            }
        }

        var precision = totalActual == 0 ? 0 : (double)tp / totalActual;
        var recall = totalExpected == 0 ? 0 : (double)tp / totalExpected;
        return (precision, recall);
    }

    /// <summary>The bag of word 4-gram shingles of a text.</summary>
    public static Dictionary<string, int> Shingles(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokens(text);
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0)
        {
            return bag;
        }

        if (tokens.Count < N)
        {
            bag[string.Join('\u0001', tokens)] = 1;
            return bag;
        }

        for (var i = 0; i + N <= tokens.Count; i++)
        {
            var key = string.Join('\u0001', tokens.GetRange(i, N));
            bag[key] = bag.GetValueOrDefault(key) + 1;
        }

        return bag;
    }

    /// <summary>Runs of word characters (letters, digits, marks, connector punctuation such as '_').</summary>
    public static List<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWord(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && IsWord(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.ConnectorPunctuation;
}
