using Sitrep.Syntax.Features;

namespace Sitrep.Syntax.Lemmas;

/// <summary>
/// Lemmas from a lexicon learned in training (lowercase form and tag to the most frequent lemma), falling back on
/// suffix rules learned from the same data: for the tag and the longest known ending of the word, the most frequent
/// "strip k letters, append s" edit (<c>studies/NNS</c> → strip 3, append <c>y</c>). Proper nouns keep their form.
/// </summary>
internal sealed class Lemmatizer
{
    public const int MaxSuffix = 5;

    private readonly Dictionary<ulong, string> _lexicon;
    private readonly Dictionary<ulong, Rule> _rules;

    private readonly HashSet<string> _lemmas;

    public Lemmatizer(Dictionary<ulong, string> lexicon, Dictionary<ulong, Rule> rules)
    {
        _lexicon = lexicon;
        _rules = rules;
        _lemmas = new HashSet<string>(lexicon.Values, StringComparer.Ordinal);
    }

    public int LexiconSize => _lexicon.Count;

    public int RuleCount => _rules.Count;

    public IReadOnlyDictionary<ulong, string> Lexicon => _lexicon;

    public IReadOnlyDictionary<ulong, Rule> Rules => _rules;

    public string Lemma(string form, int tag, string upos)
    {
        if (form.Length == 0)
        {
            return form;
        }

        Span<char> lower = stackalloc char[Math.Min(form.Length, 256)];
        var n = Lower(form, lower);
        lower = lower[..n];
        if (_lexicon.TryGetValue(Key(lower, tag), out var known))
        {
            return known;
        }

        if (string.Equals(upos, "PROPN", StringComparison.Ordinal) || form.Length > 256)
        {
            return form;
        }

        // The longest known ending decides, unless a shorter one gives a lemma seen in training and it does not
        // ("shelled": the ending "elled" says strip "led", as in "controlled"; "lled" gives "shell", a known lemma).
        string? first = null;
        for (var k = Math.Min(MaxSuffix, n); k >= 0; k--)
        {
            if (_rules.TryGetValue(RuleKey(lower[(n - k)..], tag), out var rule) && rule.Strip <= n)
            {
                var candidate = string.Concat(lower[..(n - rule.Strip)], rule.Append);
                if (_lemmas.Contains(candidate))
                {
                    return candidate;
                }

                first ??= candidate;
            }
        }

        return first ?? lower.ToString();
    }

    public static int Lower(ReadOnlySpan<char> form, Span<char> into)
    {
        var n = Math.Min(form.Length, into.Length);
        for (var i = 0; i < n; i++)
        {
            into[i] = form[i] switch
            {
                '\u2019' or '\u2018' => '\'',
                var c => char.ToLowerInvariant(c),
            };
        }

        return n;
    }

    public static ulong Key(ReadOnlySpan<char> lower, int tag) => FeatureHash.Of(1000, FeatureHash.Chars(lower), (ulong)tag);

    public static ulong RuleKey(ReadOnlySpan<char> suffix, int tag) => FeatureHash.Of(1001, FeatureHash.Chars(suffix), (ulong)tag);

    /// <summary>Learns the lexicon and rules from (form, tag, lemma) triples.</summary>
    public static Lemmatizer Learn(IEnumerable<(string Form, int Tag, string Lemma)> words, int minRuleCount = 2)
    {
        var lexiconCounts = new Dictionary<ulong, Dictionary<string, int>>();
        var ruleCounts = new Dictionary<ulong, Dictionary<Rule, int>>();
        Span<char> lower = stackalloc char[256];
        foreach (var (form, tag, lemma) in words)
        {
            if (form.Length == 0 || form.Length > 256 || lemma == "_")
            {
                continue;
            }

            var n = Lower(form, lower);
            var word = lower[..n];
            Count(lexiconCounts, Key(word, tag), lemma);
            var lemmaLower = lemma.ToLowerInvariant();
            var common = 0;
            while (common < n && common < lemmaLower.Length && word[common] == lemmaLower[common])
            {
                common++;
            }

            var rule = new Rule(n - common, lemmaLower[common..]);
            for (var k = Math.Max(rule.Strip, 0); k <= Math.Min(MaxSuffix, n); k++)
            {
                Count(ruleCounts, RuleKey(word[(n - k)..], tag), rule);
            }
        }

        var lexicon = lexiconCounts.ToDictionary(p => p.Key, p => string.Intern(Most(p.Value)));
        var rules = new Dictionary<ulong, Rule>();
        foreach (var (key, counts) in ruleCounts)
        {
            var best = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Strip).ThenBy(c => c.Key.Append, StringComparer.Ordinal).First();
            if (best.Value >= minRuleCount)
            {
                rules[key] = best.Key;
            }
        }

        return new Lemmatizer(lexicon, rules);
    }

    private static string Most(Dictionary<string, int> counts) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key;

    private static void Count<T>(Dictionary<ulong, Dictionary<T, int>> counts, ulong key, T value)
        where T : notnull
    {
        if (!counts.TryGetValue(key, out var inner))
        {
            inner = [];
            counts[key] = inner;
        }

        inner[value] = inner.GetValueOrDefault(value) + 1;
    }

    /// <summary>Strip <see cref="Strip"/> letters, then append <see cref="Append"/>.</summary>
    internal readonly record struct Rule(int Strip, string Append);
}
