using System.Globalization;
using System.Text;

namespace Sitrep.Syntax.Training;

/// <summary>
/// One sentence of a CoNLL-U file: its syntactic words (multiword-token ranges and empty nodes skipped) with their
/// gold annotation, and the original lines so that predictions can be written back in place.
/// </summary>
public sealed class ConlluSentence
{
    internal ConlluSentence(IReadOnlyList<string> lines, string[] words, string[] lemmas, string[] upos, string[] xpos, int[] heads, string[] relations, int[] wordLines)
    {
        Lines = lines;
        Words = words;
        Lemmas = lemmas;
        Upos = upos;
        Xpos = xpos;
        Heads = heads;
        Relations = relations;
        WordLines = wordLines;
    }

    /// <summary>Every line of the sentence as read (comments, ranges, empty nodes and words), without the blank line.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The word forms (column 2).</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Gold lemmas (column 3).</summary>
    public IReadOnlyList<string> Lemmas { get; }

    /// <summary>Gold universal tags (column 4).</summary>
    public IReadOnlyList<string> Upos { get; }

    /// <summary>Gold treebank tags (column 5).</summary>
    public IReadOnlyList<string> Xpos { get; }

    /// <summary>Gold heads as word indexes, -1 for the root (column 7 minus one).</summary>
    public IReadOnlyList<int> Heads { get; }

    /// <summary>Gold relations (column 8).</summary>
    public IReadOnlyList<string> Relations { get; }

    /// <summary>For each word, the index of its line in <see cref="Lines"/>.</summary>
    internal int[] WordLines { get; }
}

/// <summary>Reads and writes CoNLL-U (Universal Dependencies) files.</summary>
public static class Conllu
{
    /// <summary>Reads every sentence of a CoNLL-U file.</summary>
    /// <exception cref="InvalidDataException">A word line does not have ten tab-separated columns or a valid head.</exception>
    public static IReadOnlyList<ConlluSentence> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader);
    }

    /// <summary>Reads every sentence from <paramref name="reader"/>.</summary>
    /// <exception cref="InvalidDataException">A word line does not have ten tab-separated columns or a valid head.</exception>
    public static IReadOnlyList<ConlluSentence> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sentences = new List<ConlluSentence>();
        var lines = new List<string>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                if (lines.Count > 0)
                {
                    sentences.Add(Build(lines, number));
                    lines = [];
                }

                continue;
            }

            lines.Add(line);
        }

        if (lines.Count > 0)
        {
            sentences.Add(Build(lines, number));
        }

        return sentences;
    }

    /// <summary>
    /// Writes <paramref name="sentence"/> with the predicted tag, lemma, head and relation of <paramref name="parse"/>
    /// in columns 3, 4, 5, 7 and 8; every other line and column is kept.
    /// </summary>
    public static void Write(TextWriter writer, ConlluSentence sentence, ParsedSentence parse)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(parse);
        var byLine = new Dictionary<int, int>();
        for (var i = 0; i < sentence.WordLines.Length; i++)
        {
            byLine[sentence.WordLines[i]] = i;
        }

        for (var l = 0; l < sentence.Lines.Count; l++)
        {
            if (!byLine.TryGetValue(l, out var w) || w >= parse.Count)
            {
                writer.Write(sentence.Lines[l]);
                writer.Write('\n');
                continue;
            }

            var cols = sentence.Lines[l].Split('\t');
            var word = parse[w];
            cols[2] = word.Lemma;
            cols[3] = word.Upos;
            cols[4] = word.Xpos;
            cols[6] = (word.Head + 1).ToString(CultureInfo.InvariantCulture);
            cols[7] = word.Relation;
            writer.Write(string.Join('\t', cols));
            writer.Write('\n');
        }

        writer.Write('\n');
    }

    private static ConlluSentence Build(List<string> lines, int lineNumber)
    {
        var words = new List<string>();
        var lemmas = new List<string>();
        var upos = new List<string>();
        var xpos = new List<string>();
        var heads = new List<int>();
        var relations = new List<string>();
        var wordLines = new List<int>();
        for (var l = 0; l < lines.Count; l++)
        {
            var line = lines[l];
            if (line.StartsWith('#'))
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 10)
            {
                throw new InvalidDataException($"CoNLL-U line near {lineNumber} has {cols.Length} columns, not 10: '{Shorten(line)}'.");
            }

            if (cols[0].Contains('-', StringComparison.Ordinal) || cols[0].Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            if (!int.TryParse(cols[6], NumberStyles.None, CultureInfo.InvariantCulture, out var head))
            {
                head = cols[6] == "_" ? 0 : throw new InvalidDataException($"CoNLL-U line near {lineNumber} has head '{cols[6]}', not a number: '{Shorten(line)}'.");
            }

            words.Add(cols[1]);
            lemmas.Add(cols[2]);
            upos.Add(cols[3]);
            xpos.Add(cols[4]);
            heads.Add(head - 1);
            relations.Add(cols[7]);
            wordLines.Add(l);
        }

        foreach (var h in heads)
        {
            if (h >= words.Count)
            {
                throw new InvalidDataException($"CoNLL-U sentence ending near line {lineNumber} has a head {h + 1} beyond its {words.Count} words.");
            }
        }

        return new ConlluSentence(lines.ToArray(), [.. words], [.. lemmas], [.. upos], [.. xpos], [.. heads], [.. relations], [.. wordLines]);
    }

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..80] + "…";
}
