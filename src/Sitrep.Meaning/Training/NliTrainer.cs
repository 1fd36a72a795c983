using System.Globalization;
using Sitrep.Meaning.Encoding;
using Sitrep.Meaning.Pairs;

namespace Sitrep.Meaning.Training;

/// <summary>Settings of <see cref="NliTrainer.Train"/>.</summary>
public sealed record NliTrainingOptions
{
    /// <summary>The network's hyper-parameters.</summary>
    public DenseMlpOptions Network { get; init; } = new();

    /// <summary>Share of the training pairs held out to fit the softmax temperature (calibration).</summary>
    public double CalibrationShare { get; init; } = 0.1;

    /// <summary>
    /// After fitting the temperature on the held-out share, train the networks again (same seeds) on every training
    /// pair and keep that temperature: no pair is lost to calibration, at twice the training time.
    /// </summary>
    public bool RetrainOnAll { get; init; } = true;

    /// <summary>Networks trained with consecutive seeds whose logits are averaged.</summary>
    public int EnsembleSize { get; init; } = 5;

    /// <summary>The model's versioned component name.</summary>
    public string Name { get; init; } = "nli.minilm-mlp.v1";
}

/// <summary>Trains and scores the <see cref="NliPairClassifier"/>.</summary>
public static class NliTrainer
{
    private const int EncodeChunk = 2048;

    /// <summary>
    /// Trains on <paramref name="training"/>: encodes every distinct sentence once with <paramref name="encoder"/>
    /// (wrap it in a <see cref="CachingSentenceEncoder"/> to make retraining fast), holds out
    /// <see cref="NliTrainingOptions.CalibrationShare"/> of the pairs (seeded) to fit the temperature, and trains on
    /// the rest. When <paramref name="check"/> is given its accuracy is printed after every epoch (for choosing settings).
    /// </summary>
    public static NliPairClassifier Train(IReadOnlyList<NliPair> training, ISentenceEncoder encoder, NliTrainingOptions options, Action<string>? log = null, IReadOnlyList<NliPair>? check = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(options);
        var all = check is null ? training : training.Concat(check).ToList();
        var vectors = EncodeAll(all, encoder, log, cancellationToken);
        var words = EncodeWords(all, encoder, log, cancellationToken);
        var features = training.Select(p => Features(p, vectors, words)).ToArray();
        var labels = training.Select(p => Array.IndexOf(NliPairClassifier.Classes, p.Label)).ToArray();

        var order = Enumerable.Range(0, training.Count).ToArray();
        new Random(options.Network.Seed).Shuffle(order);
        var held = (int)Math.Round(training.Count * options.CalibrationShare);
        var calibration = order.Take(held).ToArray();
        var fit = order.Skip(held).Order().ToArray();
        log?.Invoke($"training on {fit.Length} pairs, calibrating on {calibration.Length}");

        var checkFeatures = check?.Select(p => Features(p, vectors, words)).ToArray();
        Action<int, DenseMlp>? afterEpoch = check is null ? null : (epoch, net) =>
        {
            var right = 0;
            for (var i = 0; i < check.Count; i++)
            {
                var p = net.Logits(checkFeatures![i]);
                right += NliPairClassifier.Classes[ArgMax(p)] == check[i].Label ? 1 : 0;
            }

            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"  epoch {epoch}: check accuracy {right / (double)check.Count:0.0000}"));
        };

        var fitFeatures = fit.Select(i => features[i]).ToArray();
        var fitLabels = fit.Select(i => labels[i]).ToArray();
        var networks = new List<DenseMlp>();
        for (var member = 0; member < Math.Max(1, options.EnsembleSize); member++)
        {
            log?.Invoke($"network {member + 1} of {options.EnsembleSize}");
            networks.Add(DenseMlp.Train(fitFeatures, fitLabels, NliPairClassifier.Classes.Length, options.Network with { Seed = options.Network.Seed + member }, log, afterEpoch));
        }

        var temperature = 1f;
        if (calibration.Length > 0)
        {
            temperature = NliPairClassifier.FitTemperature(calibration.Select(i => NliPairClassifier.Logits(networks, features[i])).ToArray(), calibration.Select(i => labels[i]).ToArray());
            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"temperature {temperature:0.00} (fitted on the {calibration.Length} held-out training pairs)"));
        }

        if (options.RetrainOnAll && calibration.Length > 0)
        {
            log?.Invoke($"training again on all {training.Count} pairs");
            networks.Clear();
            for (var member = 0; member < Math.Max(1, options.EnsembleSize); member++)
            {
                networks.Add(DenseMlp.Train(features, labels, NliPairClassifier.Classes.Length, options.Network with { Seed = options.Network.Seed + member }, log, afterEpoch));
            }
        }

        return new NliPairClassifier(options.Name, encoder, networks, temperature);
    }

    /// <summary>The classifier's judgment of every pair (sentences encoded once each, in chunks).</summary>
    public static PairJudgment[] Predict(NliPairClassifier classifier, IReadOnlyList<NliPair> pairs, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(pairs);
        var vectors = EncodeAll(pairs, classifier.Encoder, log, cancellationToken);
        var words = EncodeWords(pairs, classifier.Encoder, log, cancellationToken);
        return pairs.Select(p => classifier.Judge(new EncodedPair(p.Premise, vectors[p.Premise], p.Hypothesis, vectors[p.Hypothesis]), words)).ToArray();
    }

    private static float[] Features(NliPair pair, Dictionary<string, float[]> vectors, Dictionary<string, float[]> words) =>
        PairFeaturizer.Features(pair.Premise, vectors[pair.Premise], pair.Hypothesis, vectors[pair.Hypothesis], w => words[w]);

    private static Dictionary<string, float[]> EncodeWords(IReadOnlyList<NliPair> pairs, ISentenceEncoder encoder, Action<string>? log, CancellationToken cancellationToken)
    {
        var words = pairs.SelectMany(p => WordAlignment.ContentWords(p.Premise).Concat(WordAlignment.ContentWords(p.Hypothesis))).Distinct(StringComparer.Ordinal).ToArray();
        log?.Invoke($"{words.Length} distinct content words");
        var pseudo = words.Select(w => new NliPair(w, w, w, PairRelation.Neutral)).ToArray();
        return EncodeAll(pseudo, encoder, null, cancellationToken);
    }

    private static Dictionary<string, float[]> EncodeAll(IReadOnlyList<NliPair> pairs, ISentenceEncoder encoder, Action<string>? log, CancellationToken cancellationToken)
    {
        var sentences = pairs.SelectMany(p => new[] { p.Premise, p.Hypothesis }).Distinct(StringComparer.Ordinal).ToArray();
        var vectors = new Dictionary<string, float[]>(sentences.Length, StringComparer.Ordinal);
        for (var start = 0; start < sentences.Length; start += EncodeChunk)
        {
            var chunk = sentences.AsSpan(start, Math.Min(EncodeChunk, sentences.Length - start)).ToArray();
            var encoded = encoder.Encode(chunk, cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
            {
                // Rounded to float16, as an embedding cache stores them, so that a run from the cache and a run from
                // scratch train the same model (the rounding moves a cosine by less than 1e-3).
                vectors[chunk[i]] = encoded[i].Select(x => (float)(Half)x).ToArray();
            }

            if (sentences.Length > EncodeChunk)
            {
                log?.Invoke($"encoded {start + chunk.Length}/{sentences.Length} sentences");
            }
        }

        return vectors;
    }

    internal static int ArgMax(float[] p)
    {
        var best = 0;
        for (var i = 1; i < p.Length; i++)
        {
            if (p[i] > p[best])
            {
                best = i;
            }
        }

        return best;
    }
}
