using Sitrep.Syntax.Lemmas;

namespace Sitrep.Syntax.Features;

/// <summary>Binary layout of weight tables and the lemmatiser inside a model file.</summary>
internal static class ModelIO
{
    /// <summary>Rows as (key, count of non-zero classes, (class, 16-bit weight)...), with one scale for the table.</summary>
    public static void WriteWeights(BinaryWriter writer, WeightTable table)
    {
        var max = 0f;
        foreach (var w in table.Weights.AsSpan(0, table.Count * table.Stride))
        {
            max = Math.Max(max, Math.Abs(w));
        }

        var scale = max > 0 ? max / short.MaxValue : 1f;
        writer.Write(table.Classes);
        writer.Write(scale);
        var rows = new List<(ulong Key, int Row)>();
        foreach (var (key, row) in table.Entries())
        {
            var at = row * table.Stride;
            for (var c = 0; c < table.Classes; c++)
            {
                if ((short)Math.Round(table.Weights[at + c] / scale) != 0)
                {
                    rows.Add((key, row));
                    break;
                }
            }
        }

        // Sorted by key so that the same model always gives the same bytes.
        rows.Sort((a, b) => a.Key.CompareTo(b.Key));
        writer.Write(rows.Count);
        Span<short> values = stackalloc short[table.Classes];
        foreach (var (key, row) in rows)
        {
            writer.Write(key);
            var at = row * table.Stride;
            var nonZero = 0;
            for (var c = 0; c < table.Classes; c++)
            {
                values[c] = (short)Math.Round(table.Weights[at + c] / scale);
                if (values[c] != 0)
                {
                    nonZero++;
                }
            }

            writer.Write((byte)nonZero);
            for (var c = 0; c < table.Classes; c++)
            {
                if (values[c] != 0)
                {
                    writer.Write((byte)c);
                    writer.Write(values[c]);
                }
            }
        }
    }

    public static WeightTable ReadWeights(BinaryReader reader)
    {
        var classes = reader.ReadInt32();
        var scale = reader.ReadSingle();
        var count = reader.ReadInt32();
        if (classes is <= 0 or > 255 || count < 0)
        {
            throw new InvalidDataException($"Bad weight table header: {classes} classes, {count} rows.");
        }

        var table = new WeightTable(classes, Math.Max(16, count));
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadUInt64();
            var at = table.FindOrAdd(key) * table.Stride;
            var nonZero = reader.ReadByte();
            for (var j = 0; j < nonZero; j++)
            {
                var c = reader.ReadByte();
                var v = reader.ReadInt16();
                if (c < classes)
                {
                    table.Weights[at + c] = v * scale;
                }
            }
        }

        return table;
    }

    public static void WriteLemmatizer(BinaryWriter writer, Lemmatizer lemmatizer)
    {
        writer.Write(lemmatizer.Lexicon.Count);
        foreach (var (key, lemma) in lemmatizer.Lexicon.OrderBy(p => p.Key))
        {
            writer.Write(key);
            writer.Write(lemma);
        }

        writer.Write(lemmatizer.Rules.Count);
        foreach (var (key, rule) in lemmatizer.Rules.OrderBy(p => p.Key))
        {
            writer.Write(key);
            writer.Write((byte)rule.Strip);
            writer.Write(rule.Append);
        }
    }

    public static Lemmatizer ReadLemmatizer(BinaryReader reader)
    {
        var lexicon = new Dictionary<ulong, string>();
        var lemmas = new Dictionary<string, string>(StringComparer.Ordinal);
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadUInt64();
            var lemma = reader.ReadString();
            if (!lemmas.TryGetValue(lemma, out var shared))
            {
                lemmas[lemma] = shared = lemma;
            }

            lexicon[key] = shared;
        }

        var rules = new Dictionary<ulong, Lemmatizer.Rule>();
        count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadUInt64();
            rules[key] = new Lemmatizer.Rule(reader.ReadByte(), reader.ReadString());
        }

        return new Lemmatizer(lexicon, rules);
    }
}
