using System.Globalization;
using System.Text;
using Sitrep.Meaning.Pairs;

namespace Sitrep.Meaning.Training;

/// <summary>
/// 3-way accuracy, per-class precision/recall/F1, the confusion matrix, and how well the probabilities are
/// calibrated (expected calibration error; precision of the confident "contradicts" judgments).
/// </summary>
public sealed class NliReport
{
    private static readonly PairRelation[] Order = [PairRelation.Entails, PairRelation.Contradicts, PairRelation.Neutral];
    private readonly int[,] _confusion = new int[3, 3];
    private readonly List<(float Confidence, bool Right)> _confidences = [];
    private readonly List<(float Contradicts, bool IsContradiction)> _contradictions = [];

    /// <summary>Pairs counted.</summary>
    public int Count { get; private set; }

    /// <summary>Adds one judgment of a pair whose gold relation is <paramref name="gold"/>.</summary>
    public void Add(PairRelation gold, PairJudgment judgment)
    {
        var predicted = judgment.Relation;
        _confusion[(int)gold, (int)predicted]++;
        _confidences.Add((judgment.Confidence, gold == predicted));
        _contradictions.Add((judgment.Contradicts, gold == PairRelation.Contradicts));
        Count++;
    }

    /// <summary>Share of right judgments.</summary>
    public double Accuracy => Count == 0 ? 0 : (_confusion[0, 0] + _confusion[1, 1] + _confusion[2, 2]) / (double)Count;

    /// <summary>Precision of <paramref name="relation"/> (0 when never predicted).</summary>
    public double Precision(PairRelation relation)
    {
        var i = (int)relation;
        var predicted = _confusion[0, i] + _confusion[1, i] + _confusion[2, i];
        return predicted == 0 ? 0 : _confusion[i, i] / (double)predicted;
    }

    /// <summary>Recall of <paramref name="relation"/> (0 when never gold).</summary>
    public double Recall(PairRelation relation)
    {
        var i = (int)relation;
        var gold = _confusion[i, 0] + _confusion[i, 1] + _confusion[i, 2];
        return gold == 0 ? 0 : _confusion[i, i] / (double)gold;
    }

    /// <summary>F1 of <paramref name="relation"/>.</summary>
    public double F1(PairRelation relation)
    {
        var p = Precision(relation);
        var r = Recall(relation);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /// <summary>Expected calibration error of the top-class confidence over ten equal-width bins.</summary>
    public double ExpectedCalibrationError
    {
        get
        {
            double error = 0;
            for (var bin = 0; bin < 10; bin++)
            {
                var inBin = _confidences.Where(c => Math.Min((int)(c.Confidence * 10), 9) == bin).ToList();
                if (inBin.Count > 0)
                {
                    error += inBin.Count / (double)Count * Math.Abs(inBin.Average(c => c.Confidence) - inBin.Average(c => c.Right ? 1.0 : 0.0));
                }
            }

            return error;
        }
    }

    /// <summary>Precision and count of the pairs whose P(contradicts) is at least <paramref name="threshold"/>.</summary>
    public (double Precision, int Count) ContradictionsAbove(float threshold)
    {
        var above = _contradictions.Where(c => c.Contradicts >= threshold).ToList();
        return (above.Count == 0 ? 0 : above.Count(c => c.IsContradiction) / (double)above.Count, above.Count);
    }

    /// <summary>The figures as text, ending with <c>accuracy: 0.xxxx</c>.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"gold \\ predicted",-16}");
        foreach (var label in Order)
        {
            text.Append(CultureInfo.InvariantCulture, $"{NliPairClassifier.SickLabel(label),15}");
        }

        text.AppendLine();
        foreach (var gold in Order)
        {
            text.Append(CultureInfo.InvariantCulture, $"{NliPairClassifier.SickLabel(gold),-16}");
            foreach (var predicted in Order)
            {
                text.Append(CultureInfo.InvariantCulture, $"{_confusion[(int)gold, (int)predicted],15}");
            }

            text.AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"pairs: {Count}");
        foreach (var label in Order)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{NliPairClassifier.SickLabel(label),-14} P {Precision(label):0.0000}  R {Recall(label):0.0000}  F1 {F1(label):0.0000}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"calibration error (ECE, 10 bins): {ExpectedCalibrationError:0.0000}");
        foreach (var threshold in new[] { 0.5f, 0.8f, 0.9f })
        {
            var (precision, count) = ContradictionsAbove(threshold);
            text.AppendLine(CultureInfo.InvariantCulture, $"P(contradicts) >= {threshold:0.0}: {count} pairs, precision {precision:0.0000}");
        }

        text.Append(CultureInfo.InvariantCulture, $"accuracy: {Accuracy:0.0000}");
        return text.ToString();
    }
}
