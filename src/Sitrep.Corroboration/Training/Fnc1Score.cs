using System.Globalization;
using System.Text;
using Sitrep.Corroboration.Stance;

namespace Sitrep.Corroboration.Training;

/// <summary>
/// The FNC-1 weighted score, as the official scorer computes it: 0.25 for a correct related/unrelated decision, 0.75
/// more for the correct label among agree/disagree/discuss; reported as a percentage of the best possible score.
/// </summary>
public sealed class Fnc1Score
{
    private readonly int[,] _confusion = new int[4, 4];

    /// <summary>The raw score.</summary>
    public double Score { get; private set; }

    /// <summary>The best possible raw score for the gold labels seen.</summary>
    public double MaxScore { get; private set; }

    /// <summary>Score as a percentage of <see cref="MaxScore"/>.</summary>
    public double Percent => MaxScore > 0 ? 100 * Score / MaxScore : 0;

    /// <summary>Pairs scored.</summary>
    public int Count { get; private set; }

    /// <summary>Share of exactly right labels.</summary>
    public double Accuracy
    {
        get
        {
            var right = 0;
            for (var i = 0; i < 4; i++)
            {
                right += _confusion[i, i];
            }

            return Count > 0 ? right / (double)Count : 0;
        }
    }

    /// <summary>Cell of the confusion matrix: gold row, predicted column, in <see cref="StanceSchemes.Fnc1"/> order.</summary>
    public int this[int gold, int predicted] => _confusion[gold, predicted];

    /// <summary>Adds one decision.</summary>
    public void Add(string gold, string predicted)
    {
        var g = Index(gold);
        var p = Index(predicted);
        _confusion[g, p]++;
        Count++;
        const int unrelated = 3;
        MaxScore += g == unrelated ? 0.25 : 1.0;
        if (g == p)
        {
            Score += 0.25;
            if (g != unrelated)
            {
                Score += 0.75;
            }
        }
        else if (g != unrelated && p != unrelated)
        {
            Score += 0.25;
        }
    }

    /// <summary>The confusion matrix as the official scorer prints it, then the score lines.</summary>
    public string Report()
    {
        var labels = StanceSchemes.Fnc1;
        var text = new StringBuilder();
        var line = new string('-', 77);
        text.AppendLine(line);
        text.AppendLine(CultureInfo.InvariantCulture, $"|{"",10}  |{labels[0],10}  |{labels[1],10}  |{labels[2],10}  |{labels[3],10}  |");
        text.AppendLine(line);
        for (var g = 0; g < 4; g++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"|{labels[g],10}  |{_confusion[g, 0],10}  |{_confusion[g, 1],10}  |{_confusion[g, 2],10}  |{_confusion[g, 3],10}  |");
            text.AppendLine(line);
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"pairs: {Count}");
        text.AppendLine(CultureInfo.InvariantCulture, $"accuracy: {Accuracy:0.0000}");
        text.AppendLine(CultureInfo.InvariantCulture, $"raw score: {Score:0.##} of {MaxScore:0.##}");
        text.Append(CultureInfo.InvariantCulture, $"score: {Percent:0.00}");
        return text.ToString();
    }

    private static int Index(string label)
    {
        for (var i = 0; i < StanceSchemes.Fnc1.Count; i++)
        {
            if (string.Equals(StanceSchemes.Fnc1[i], label, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"'{label}' is not an FNC-1 label ({string.Join(", ", StanceSchemes.Fnc1)}).", nameof(label));
    }
}
