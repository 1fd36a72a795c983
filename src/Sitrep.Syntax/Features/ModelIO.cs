using Sitrep.Syntax.Lemmas;

namespace Sitrep.Syntax.Features;

/// <summary>Binary layout of weight tables and the lemmatiser inside a model file.</summary>
internal static class ModelIO
{
    /// <summary>Rows as (key, count of non-zero classes, (class, 16-bit weight)...), with one scale for the table.</summary>
    public static void WriteWeights(BinaryWriter writer, SparseWeights table)
    {
        writer.Write(table.Classes);
        writer.Write(table.Scale);
        writer.Write(table.Rows);
        foreach (var (key, row) in table.Entries())
        {
            writer.Write(key);
            writer.Write((byte)row.Length);
            foreach (var e in row)
            {
                writer.Write((byte)e.Class);
                writer.Write(e.Value);
            }
        }
    }

    public static SparseWeights ReadWeights(BinaryReader reader)
    {
        var classes = reader.ReadInt32();
        var scale = reader.ReadSingle();
        var count = reader.ReadInt32();
        if (classes is <= 0 or > 255 || count < 0)
        {
            throw new InvalidDataException($"Bad weight table header: {classes} classes, {count} rows.");
        }

        var rows = new List<(ulong Key, SparseWeights.Entry[] Row)>(count);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadUInt64();
            var row = new SparseWeights.Entry[reader.ReadByte()];
            for (var j = 0; j < row.Length; j++)
            {
                var c = reader.ReadByte();
                var v = reader.ReadInt16();
                if (c >= classes)
                {
                    throw new InvalidDataException($"Weight for class {c} in a table of {classes} classes.");
                }

                row[j] = new SparseWeights.Entry(c, v);
            }

            rows.Add((key, row));
        }

        return SparseWeights.Build(classes, scale, rows);
    }

    public static void WriteAmbiguity(BinaryWriter writer, IReadOnlyDictionary<ulong, ulong> ambiguity)
    {
        writer.Write(ambiguity.Count);
        foreach (var (key, mask) in ambiguity.OrderBy(p => p.Key))
        {
            writer.Write(key);
            writer.Write(mask);
        }
    }

    public static Dictionary<ulong, ulong> ReadAmbiguity(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var result = new Dictionary<ulong, ulong>(Math.Max(0, count));
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadUInt64();
            result[key] = reader.ReadUInt64();
        }

        return result;
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
