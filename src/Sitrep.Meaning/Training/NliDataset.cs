using System.Globalization;
using CsvHelper;
using Sitrep.Meaning.Pairs;

namespace Sitrep.Meaning.Training;

/// <summary>One labelled premise–hypothesis pair.</summary>
/// <param name="Id">The pair's id in its file (SICK pair_ID, or the line number).</param>
/// <param name="Premise">The premise (SICK sentence_A).</param>
/// <param name="Hypothesis">The hypothesis (SICK sentence_B).</param>
/// <param name="Label">The gold relation.</param>
public sealed record NliPair(string Id, string Premise, string Hypothesis, PairRelation Label);

/// <summary>Readers of the NLI files in <c>../shared/datasets</c>: SICK (tab-separated) and premise,hypothesis,label CSV.</summary>
public static class NliDataset
{
    /// <summary>Reads a SICK file (pair_ID, sentence_A, sentence_B, entailment_label, …; header line first).</summary>
    /// <exception cref="InvalidDataException">The header lacks a needed column or a label is unknown.</exception>
    public static List<NliPair> ReadSick(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0)
        {
            throw new InvalidDataException($"'{path}' is empty; expected a SICK file with a header line.");
        }

        var header = lines[0].TrimEnd('\r').Split('\t');
        var id = Column(header, "pair_ID", path);
        var a = Column(header, "sentence_A", path);
        var b = Column(header, "sentence_B", path);
        var label = Column(header, "entailment_label", path);
        var pairs = new List<NliPair>();
        for (var n = 1; n < lines.Length; n++)
        {
            var line = lines[n].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length <= Math.Max(Math.Max(id, a), Math.Max(b, label)))
            {
                throw new InvalidDataException($"'{path}' line {n + 1} has {fields.Length} columns, fewer than the header.");
            }

            pairs.Add(new NliPair(fields[id], fields[a], fields[b], ParseLabel(fields[label], path, n + 1)));
        }

        return pairs;
    }

    /// <summary>Reads a premise,hypothesis,label CSV (SNLI, MultiNLI, MPE, JOCI as in <c>datasets/nli</c>); pairs of
    /// any other label (e.g. SciTail's not_entailment) are skipped, since they do not tell neutral from contradiction.</summary>
    public static List<NliPair> ReadCsv(string path)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { Separator = ',' });
        var headers = csv.Headers.ToArray();
        var premiseColumn = Column(headers, "premise", path);
        var hypothesisColumn = Column(headers, "hypothesis", path);
        var labelColumn = Column(headers, "label", path);
        var pairs = new List<NliPair>();
        var row = 1;
        while (csv.Read())
        {
            row++;
            var premise = csv.GetString(premiseColumn);
            var hypothesis = csv.GetString(hypothesisColumn);
            if (TryParseLabel(csv.GetString(labelColumn).Trim(), out var relation) && premise.Length > 0 && hypothesis.Length > 0)
            {
                pairs.Add(new NliPair(row.ToString(CultureInfo.InvariantCulture), premise, hypothesis, relation));
            }
        }

        return pairs;
    }

    /// <summary>
    /// The pairs of a SICK file read the other way round: sentence_B as premise, sentence_A as hypothesis, labelled
    /// with the annotators' entailment_BA judgment (SICK annotated both directions; only A→B is the official task).
    /// </summary>
    public static List<NliPair> ReadSickReversed(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines.Length == 0 ? [] : lines[0].TrimEnd('\r').Split('\t');
        var id = Column(header, "pair_ID", path);
        var a = Column(header, "sentence_A", path);
        var b = Column(header, "sentence_B", path);
        var reverse = Column(header, "entailment_BA", path);
        var pairs = new List<NliPair>();
        for (var n = 1; n < lines.Length; n++)
        {
            var fields = lines[n].TrimEnd('\r').Split('\t');
            if (fields.Length <= Math.Max(Math.Max(id, a), Math.Max(b, reverse)))
            {
                continue;
            }

            var relation = fields[reverse] switch
            {
                "B_entails_A" => PairRelation.Entails,
                "B_contradicts_A" => PairRelation.Contradicts,
                "B_neutral_A" => PairRelation.Neutral,
                _ => (PairRelation?)null,
            };
            if (relation is { } r)
            {
                pairs.Add(new NliPair(fields[id] + "-BA", fields[b], fields[a], r));
            }
        }

        return pairs;
    }

    /// <summary>Reads <paramref name="path"/> as SICK when it is tab-separated with a pair_ID column, else as CSV.</summary>
    public static List<NliPair> Read(string path)
    {
        using (var reader = new StreamReader(path))
        {
            var first = reader.ReadLine() ?? string.Empty;
            if (first.StartsWith("pair_ID\t", StringComparison.Ordinal))
            {
                return ReadSick(path);
            }
        }

        return ReadCsv(path);
    }

    private static int Column(string[] header, string name, string path)
    {
        var index = Array.IndexOf(header, name);
        return index >= 0 ? index : throw new InvalidDataException($"'{path}' has no '{name}' column. Columns found: {string.Join(", ", header)}.");
    }

    private static PairRelation ParseLabel(string label, string path, int line) =>
        TryParseLabel(label, out var relation) ? relation : throw new InvalidDataException($"'{path}' line {line}: label '{label}' is not ENTAILMENT, CONTRADICTION or NEUTRAL.");

    private static bool TryParseLabel(string label, out PairRelation relation)
    {
        switch (label.ToUpperInvariant())
        {
            case "ENTAILMENT":
                relation = PairRelation.Entails;
                return true;
            case "CONTRADICTION":
                relation = PairRelation.Contradicts;
                return true;
            case "NEUTRAL":
                relation = PairRelation.Neutral;
                return true;
            default:
                relation = PairRelation.Neutral;
                return false;
        }
    }
}
