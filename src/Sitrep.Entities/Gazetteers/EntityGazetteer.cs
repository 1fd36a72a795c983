using Sitrep.Entities.Recognition;

namespace Sitrep.Entities.Gazetteers;

/// <summary>
/// Names seen as entities in tagged training data, with the types they were tagged with: a trie over lowercased
/// tokens. Built from training documents only; while training, each document sees a gazetteer built from the other
/// folds (jackknifing), so the feature is as reliable in training as on unseen text.
/// </summary>
public sealed class EntityGazetteer
{
    private readonly Dictionary<string, byte> _phrases = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, int> _trie = [];
    private readonly List<byte> _masks = [0];

    /// <summary>An empty gazetteer.</summary>
    public static EntityGazetteer Empty { get; } = new();

    /// <summary>Number of names.</summary>
    public int Count => _phrases.Count;

    /// <summary>The names (lowercased, tokens separated by single spaces) with their type bits (1 &lt;&lt; type).</summary>
    public IEnumerable<(byte Mask, string Phrase)> Entries => _phrases.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Value, p.Key));

    /// <summary>Collects every gold chunk of <paramref name="documents"/>.</summary>
    public static EntityGazetteer FromDocuments(IEnumerable<TaggedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var gazetteer = new EntityGazetteer();
        foreach (var doc in documents)
        {
            foreach (var sentence in doc.Sentences)
            {
                foreach (var (start, end, type) in ConllEvaluator.Chunks(sentence.Tags))
                {
                    if (end - start <= NerLexicon.MaxPhraseTokens)
                    {
                        gazetteer.Add(string.Join(' ', sentence.Words[start..end]).ToLowerInvariant(), (byte)(1 << (int)type));
                    }
                }
            }
        }

        return gazetteer;
    }

    /// <summary>Adds a name (lowercased tokens separated by single spaces) with type bits.</summary>
    public void Add(string phrase, byte mask)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var tokens = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0 || tokens.Length > NerLexicon.MaxPhraseTokens || mask == 0)
        {
            return;
        }

        var key = string.Join(' ', tokens);
        _phrases[key] = (byte)(_phrases.GetValueOrDefault(key) | mask);
        var node = 0;
        foreach (var token in tokens)
        {
            var edge = FeatureHash.Mix((ulong)node + 1, FeatureHash.OfLower(token));
            if (!_trie.TryGetValue(edge, out var next))
            {
                next = _masks.Count;
                _masks.Add(0);
                _trie[edge] = next;
            }

            node = next;
        }

        _masks[node] |= mask;
    }

    /// <summary>Follows the trie from <paramref name="node"/> by one token's lowercase hash; -1 when there is no edge.</summary>
    internal int Next(int node, ulong lowerTokenHash) => _trie.TryGetValue(FeatureHash.Mix((ulong)node + 1, lowerTokenHash), out var next) ? next : -1;

    /// <summary>The type bits of the name ending at <paramref name="node"/> (0 when none ends there).</summary>
    internal byte MaskOf(int node) => _masks[node];
}
