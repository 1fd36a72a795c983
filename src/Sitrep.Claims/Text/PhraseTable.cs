using System.Collections.Frozen;

namespace Sitrep.Claims.Text;

/// <summary>
/// Multi-word phrases keyed by their first word, matched longest first against a sentence's lower-case tokens.
/// Phrases are written as plain lower-case text and tokenized the way the document is ("didn't" gives "did n't").
/// </summary>
/// <typeparam name="T">What a phrase maps to.</typeparam>
internal sealed class PhraseTable<T>
{
    private readonly FrozenDictionary<string, (string[] Words, T Value)[]> _byFirst;

    public PhraseTable(IEnumerable<(string Phrase, T Value)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _byFirst = entries
            .Select(e => (Words: Split(e.Phrase), e.Value))
            .GroupBy(e => e.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(e => e.Words.Length).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The longest phrase starting at token <paramref name="i"/>, or null.</summary>
    public (int Length, T Value)? Match(SentenceWords words, int i)
    {
        if (!_byFirst.TryGetValue(words.Lower[i], out var candidates))
        {
            return null;
        }

        foreach (var (phrase, value) in candidates)
        {
            if (i + phrase.Length > words.Count)
            {
                continue;
            }

            var ok = true;
            for (var k = 1; k < phrase.Length; k++)
            {
                if (!string.Equals(words.Lower[i + k], phrase[k], StringComparison.Ordinal))
                {
                    ok = false;
                    break;
                }
            }

            if (ok)
            {
                return (phrase.Length, value);
            }
        }

        return null;
    }

    private static string[] Split(string phrase)
    {
        var normalized = phrase.Replace('’', '\'');
        return [.. Sitrep.Text.Tokenizer.Tokenize(normalized).Select(t => normalized.Substring(t.Start, t.Length).ToLowerInvariant())];
    }
}
