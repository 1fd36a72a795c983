using System.Globalization;
using System.Text;
using Sitrep.Meaning.Encoding;
using Sitrep.Meaning.Events;
using Sitrep.Meaning.Pairs;

namespace Sitrep.Meaning.Training;

/// <summary>Settings of <see cref="SameEventTrainer.Train"/>.</summary>
public sealed record SameEventTrainingOptions
{
    /// <summary>The network's hyper-parameters.</summary>
    public DenseMlpOptions Network { get; init; } = new() { Hidden = 64, Epochs = 4, Keep = 0.5f, Seed = 20141210 };

    /// <summary>Networks trained with consecutive seeds whose logits are averaged; 0 for trees alone (the shipped model).</summary>
    public int EnsembleSize { get; init; }

    /// <summary>
    /// Share of the training topics (not pairs: pairs of one topic share sentences) held out to fit the softmax
    /// temperature; the networks are then trained again on every topic.
    /// </summary>
    public double CalibrationShare { get; init; } = 0.2;

    /// <summary>
    /// Boosted trees over the cosine and the cues (and the networks' out-of-fold logits when <see cref="EnsembleSize"/>
    /// is above 0); null for the networks alone.
    /// </summary>
    public BoostedTreesOptions? Trees { get; init; } = new() { Rounds = 200 };

    /// <summary>The model's versioned component name.</summary>
    public string Name { get; init; } = "events.same.minilm-mlp.v1";
}

/// <summary>Trains and scores the <see cref="SameEventClassifier"/> on ECB+ pairs.</summary>
public static class SameEventTrainer
{
    /// <summary>
    /// Trains on <paramref name="training"/> (deterministic for a seed): every distinct sentence is encoded once
    /// (float16-rounded, as a cache keeps it), a share of the topics is held out to fit the temperature, then the
    /// ensemble is trained on all pairs.
    /// </summary>
    public static SameEventClassifier Train(IReadOnlyList<EventPair> training, ISentenceEncoder encoder, SameEventTrainingOptions options, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(options);
        if (training.Count == 0)
        {
            throw new InvalidDataException("No training pairs: the chosen ECB+ topics hold no same-event or different-event pairs.");
        }

        var vectors = Encode(training, encoder, cancellationToken);
        var features = training.Select(p => SameEventFeatures.Features(p.A.Text, vectors[p.A.Text], p.B.Text, vectors[p.B.Text])).ToArray();
        var labels = training.Select(p => p.Same ? 1 : 0).ToArray();

        var topics = training.Select(p => p.A.Topic).Distinct().Order().ToArray();
        new Random(options.Network.Seed).Shuffle(topics);
        var held = topics.Take((int)Math.Round(topics.Length * options.CalibrationShare)).ToHashSet();
        var temperature = 1f;
        if (held.Count > 0 && held.Count < topics.Length)
        {
            var fit = Enumerable.Range(0, training.Count).Where(i => !held.Contains(training[i].A.Topic)).ToArray();
            var calibration = Enumerable.Range(0, training.Count).Where(i => held.Contains(training[i].A.Topic)).ToArray();
            log?.Invoke($"fitting the temperature: training on {fit.Length} pairs, calibrating on {calibration.Length} pairs of topics {string.Join(',', held.Order())}");
            var model = Fit(fit.Select(i => features[i]).ToArray(), fit.Select(i => labels[i]).ToArray(), fit.Select(i => training[i].A.Topic).ToArray(), encoder, options, null);
            var logits = calibration.Select(i => model.Logits(features[i])).ToArray();
            temperature = NliPairClassifier.FitTemperature(logits, calibration.Select(i => labels[i]).ToArray());
            var report = new SameEventReport();
            for (var k = 0; k < calibration.Length; k++)
            {
                var p = (float[])logits[k].Clone();
                DenseMlp.Softmax(p, temperature);
                report.Add(training[calibration[k]].Same, p[1]);
            }

            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"held-out training topics, temperature {temperature:0.00}: {report.Report().Split('\n')[^1]}"));
        }

        log?.Invoke($"training on all {training.Count} pairs ({labels.Count(l => l == 1)} same event, {labels.Count(l => l == 0)} different)");
        var all = Fit(features, labels, training.Select(p => p.A.Topic).ToArray(), encoder, options, log);
        return new SameEventClassifier(options.Name, encoder, all.Networks, all.Trees, temperature);
    }

    /// <summary>
    /// Networks, trees, or both: the trees then learn from the networks' logits on topics those networks did not see
    /// (two folds by topic), and the shipped networks are trained on every topic.
    /// </summary>
    private static (List<DenseMlp> Networks, BoostedTrees? Trees, Func<float[], float[]> Logits) Fit(float[][] features, int[] labels, int[] topics, ISentenceEncoder encoder, SameEventTrainingOptions options, Action<string>? log)
    {
        var d = encoder.Dimensions;
        var networks = options.EnsembleSize > 0 ? TrainEnsemble(features, labels, options, log) : [];
        if (options.Trees is not { } treeOptions)
        {
            return (networks, null, x => NliPairClassifier.Logits(networks, x));
        }

        float[]?[] networkLogits = new float[features.Length][];
        if (networks.Count > 0)
        {
            var odd = Enumerable.Range(0, features.Length).Where(i => topics[i] % 2 == 1).ToArray();
            var even = Enumerable.Range(0, features.Length).Where(i => topics[i] % 2 == 0).ToArray();
            foreach (var (fit, judge) in new[] { (odd, even), (even, odd) })
            {
                var half = TrainEnsemble(fit.Select(i => features[i]).ToArray(), fit.Select(i => labels[i]).ToArray(), options, null);
                foreach (var i in judge)
                {
                    networkLogits[i] = NliPairClassifier.Logits(half, features[i]);
                }
            }
        }
        else
        {
            Array.Fill(networkLogits, null);
        }

        var treeInputs = features.Select((x, i) => SameEventClassifier.TreeFeatures(networkLogits[i], x, d)).ToArray();
        var trees = BoostedTrees.Train(treeInputs, labels, 2, treeOptions, log);
        return (networks, trees, x => trees.Logits(SameEventClassifier.TreeFeatures(networks.Count > 0 ? NliPairClassifier.Logits(networks, x) : null, x, d)));
    }

    /// <summary>P(same event) for every pair (each distinct sentence encoded once).</summary>
    public static float[] Predict(SameEventClassifier classifier, IReadOnlyList<EventPair> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(pairs);
        var vectors = Encode(pairs, classifier.Encoder, cancellationToken);
        return pairs.Select(p => classifier.Judge(p.A.Text, vectors[p.A.Text], p.B.Text, vectors[p.B.Text])).ToArray();
    }

    private static List<DenseMlp> TrainEnsemble(float[][] features, int[] labels, SameEventTrainingOptions options, Action<string>? log)
    {
        var networks = new List<DenseMlp>();
        for (var member = 0; member < Math.Max(1, options.EnsembleSize); member++)
        {
            networks.Add(DenseMlp.Train(features, labels, 2, options.Network with { Seed = options.Network.Seed + member }, log));
        }

        return networks;
    }

    private static Dictionary<string, float[]> Encode(IReadOnlyList<EventPair> pairs, ISentenceEncoder encoder, CancellationToken cancellationToken)
    {
        var sentences = pairs.SelectMany(p => new[] { p.A.Text, p.B.Text }).Distinct(StringComparer.Ordinal).ToArray();
        var encoded = encoder.Encode(sentences, cancellationToken);
        var vectors = new Dictionary<string, float[]>(sentences.Length, StringComparer.Ordinal);
        for (var i = 0; i < sentences.Length; i++)
        {
            vectors[sentences[i]] = encoded[i].Select(x => (float)(Half)x).ToArray();
        }

        return vectors;
    }
}

/// <summary>Accuracy, per-class P/R/F1 and the precision of "different event" at several thresholds, for P(same event) judgments.</summary>
public sealed class SameEventReport
{
    private readonly List<(bool Same, float P)> _items = [];

    /// <summary>Adds one judged pair.</summary>
    public void Add(bool same, float probabilitySame) => _items.Add((same, probabilitySame));

    /// <summary>Pairs added.</summary>
    public int Count => _items.Count;

    /// <summary>Share of pairs on the right side of 0.5.</summary>
    public double Accuracy => _items.Count == 0 ? 0 : _items.Count(i => (i.P >= 0.5f) == i.Same) / (double)_items.Count;

    /// <summary>F1 of "same event" at 0.5.</summary>
    public double SameF1 => F1(same: true, 0.5f).F1;

    /// <summary>F1 of "different event" at 0.5.</summary>
    public double DifferentF1 => F1(same: false, 0.5f).F1;

    /// <summary>Area under the ROC curve of P(same event).</summary>
    public double Auc
    {
        get
        {
            var ranked = _items.OrderBy(i => i.P).ToList();
            double positives = ranked.Count(i => i.Same);
            double negatives = ranked.Count - positives;
            if (positives == 0 || negatives == 0)
            {
                return 0;
            }

            // Mann-Whitney U with average ranks for ties.
            double rankSum = 0;
            for (var k = 0; k < ranked.Count;)
            {
                var end = k;
                while (end + 1 < ranked.Count && ranked[end + 1].P == ranked[k].P)
                {
                    end++;
                }

                var rank = ((k + end) / 2.0) + 1;
                for (var m = k; m <= end; m++)
                {
                    rankSum += ranked[m].Same ? rank : 0;
                }

                k = end + 1;
            }

            return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
        }
    }

    /// <summary>
    /// The precision and recall of calling a pair "different event" when P(same event) is below <paramref name="threshold"/>.
    /// </summary>
    public (double Precision, double Recall, int Called) Different(float threshold)
    {
        var called = _items.Where(i => i.P < threshold).ToList();
        var different = _items.Count(i => !i.Same);
        var right = called.Count(i => !i.Same);
        return (called.Count == 0 ? 0 : right / (double)called.Count, different == 0 ? 0 : right / (double)different, called.Count);
    }

    /// <summary>The highest threshold (in steps of 0.01) at which "different event" below it has at least <paramref name="precision"/>; null if none.</summary>
    public float? ThresholdForDifferentPrecision(double precision)
    {
        for (var step = 99; step >= 1; step--)
        {
            var t = step / 100f;
            var (p, _, called) = Different(t);
            if (called > 0 && p >= precision)
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>The figures as text, ending with one summary line <c>same-event: accuracy 0.xxxx …</c>.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        var same = _items.Count(i => i.Same);
        text.Append(CultureInfo.InvariantCulture, $"pairs: {_items.Count} ({same} same event, {_items.Count - same} different event)\n");
        foreach (var side in new[] { true, false })
        {
            var (p, r, f) = F1(side, 0.5f);
            text.Append(CultureInfo.InvariantCulture, $"{(side ? "same event     " : "different event")}  P {p:0.0000}  R {r:0.0000}  F1 {f:0.0000}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"AUC of P(same event): {Auc:0.0000}\n");
        foreach (var t in new[] { 0.5f, 0.3f, 0.2f, 0.1f, 0.05f })
        {
            var (p, r, called) = Different(t);
            text.Append(CultureInfo.InvariantCulture, $"different event when P(same) < {t:0.00}: {called} pairs, precision {p:0.0000}, recall {r:0.0000}\n");
        }

        var at90 = ThresholdForDifferentPrecision(0.9);
        if (at90 is { } threshold)
        {
            var (p, r, called) = Different(threshold);
            text.Append(CultureInfo.InvariantCulture, $"highest threshold with different-event precision >= 0.90: P(same) < {threshold:0.00} ({called} pairs, precision {p:0.0000}, recall {r:0.0000})\n");
        }
        else
        {
            text.Append("no threshold reaches different-event precision 0.90\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"same-event: accuracy {Accuracy:0.0000}  F1(same) {SameF1:0.0000}  F1(different) {DifferentF1:0.0000}  AUC {Auc:0.0000}  pairs {_items.Count}");
        return text.ToString();
    }

    private (double Precision, double Recall, double F1) F1(bool same, float threshold)
    {
        var called = _items.Count(i => (i.P >= threshold) == same);
        var gold = _items.Count(i => i.Same == same);
        var right = _items.Count(i => (i.P >= threshold) == same && i.Same == same);
        var p = called == 0 ? 0 : right / (double)called;
        var r = gold == 0 ? 0 : right / (double)gold;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}
