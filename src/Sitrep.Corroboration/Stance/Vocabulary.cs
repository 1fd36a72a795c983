namespace Sitrep.Corroboration.Stance;

/// <summary>A fixed word list with inverse document frequencies, built from training texts only.</summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, int> _index;
    private readonly float[] _idf;

    private Vocabulary(string[] words, float[] idf)
    {
        Words = words;
        _idf = idf;
        _index = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            _index[words[i]] = i;
        }
    }

    /// <summary>The words, by index.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Number of words.</summary>
    public int Count => Words.Count;

    /// <summary>The index of <paramref name="word"/>, or -1.</summary>
    public int IndexOf(string word) => _index.TryGetValue(word, out var i) ? i : -1;

    /// <summary>The inverse document frequency of the word at <paramref name="index"/>.</summary>
    public float Idf(int index) => _idf[index];

    /// <summary>
    /// Keeps the <paramref name="size"/> terms with the highest document frequency (at least <paramref name="minCount"/>),
    /// ties broken by ordinal order so the result is deterministic.
    /// </summary>
    /// <param name="documents">Each document's terms (repeats allowed).</param>
    /// <param name="size">Most terms kept.</param>
    /// <param name="minCount">Fewest documents a term must occur in.</param>
    public static Vocabulary Build(IEnumerable<IEnumerable<string>> documents, int size, int minCount)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = 0;
        foreach (var document in documents)
        {
            n++;
            foreach (var term in document.Distinct(StringComparer.Ordinal))
            {
                df[term] = df.GetValueOrDefault(term) + 1;
            }
        }

        var kept = df.Where(p => p.Value >= minCount)
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(size)
            .ToArray();
        var words = kept.Select(p => p.Key).ToArray();
        var idf = kept.Select(p => (float)(Math.Log((1.0 + n) / (1.0 + p.Value)) + 1.0)).ToArray();
        return new Vocabulary(words, idf);
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(Words.Count);
        for (var i = 0; i < Words.Count; i++)
        {
            writer.Write(Words[i]);
            writer.Write(_idf[i]);
        }
    }

    internal static Vocabulary Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count is < 0 or > 10_000_000)
        {
            throw new InvalidDataException($"Implausible vocabulary size {count}.");
        }

        var words = new string[count];
        var idf = new float[count];
        for (var i = 0; i < count; i++)
        {
            words[i] = reader.ReadString();
            idf[i] = reader.ReadSingle();
        }

        return new Vocabulary(words, idf);
    }
}
