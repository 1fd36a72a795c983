using System.Globalization;
using System.Text;

namespace Sitrep.Corroboration.Training;

/// <summary>Accuracy, per-class precision/recall/F1, macro-F1 and the confusion matrix of a labelling.</summary>
public sealed class ClassificationReport
{
    private readonly IReadOnlyList<string> _labels;
    private readonly int[,] _confusion;

    /// <summary>Creates an empty report over <paramref name="labels"/>.</summary>
    public ClassificationReport(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _labels = labels;
        _confusion = new int[labels.Count, labels.Count];
    }

    /// <summary>Items counted.</summary>
    public int Count { get; private set; }

    /// <summary>Adds one decision.</summary>
    public void Add(string gold, string predicted)
    {
        _confusion[Index(gold), Index(predicted)]++;
        Count++;
    }

    /// <summary>Share of right decisions.</summary>
    public double Accuracy => Count == 0 ? 0 : Enumerable.Range(0, _labels.Count).Sum(i => _confusion[i, i]) / (double)Count;

    /// <summary>F1 of one label (0 when it is never gold nor predicted).</summary>
    public double F1(string label)
    {
        var i = Index(label);
        var tp = _confusion[i, i];
        var gold = Enumerable.Range(0, _labels.Count).Sum(j => _confusion[i, j]);
        var predicted = Enumerable.Range(0, _labels.Count).Sum(j => _confusion[j, i]);
        return gold + predicted == 0 ? 0 : 2.0 * tp / (gold + predicted);
    }

    /// <summary>Unweighted mean of the per-label F1.</summary>
    public double MacroF1 => _labels.Average(F1);

    /// <summary>Confusion matrix, per-class F1, macro-F1, then <c>accuracy: 0.xxxx</c> as the last line.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"gold \\ predicted",-18}");
        foreach (var label in _labels)
        {
            text.Append(CultureInfo.InvariantCulture, $"{label,9}");
        }

        text.AppendLine();
        for (var g = 0; g < _labels.Count; g++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{_labels[g],-18}");
            for (var p = 0; p < _labels.Count; p++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{_confusion[g, p],9}");
            }

            text.AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"items: {Count}");
        foreach (var label in _labels)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"F1 {label}: {F1(label):0.0000}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"macro-F1: {MacroF1:0.0000}");
        text.Append(CultureInfo.InvariantCulture, $"accuracy: {Accuracy:0.0000}");
        return text.ToString();
    }

    private int Index(string label)
    {
        for (var i = 0; i < _labels.Count; i++)
        {
            if (string.Equals(_labels[i], label, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"'{label}' is not one of {string.Join(", ", _labels)}.", nameof(label));
    }
}
