using System.Globalization;
using Sitrep.Meaning.Encoding;
using Sitrep.Meaning.Lexicon;
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

    /// <summary>
    /// Networks trained with consecutive seeds whose logits are averaged (per fold when
    /// <see cref="ShipFoldNetworks"/> is set: the shipped model then holds <see cref="StackFolds"/> times as many).
    /// </summary>
    public int EnsembleSize { get; init; } = 1;

    /// <summary>The model's versioned component name.</summary>
    public string Name { get; init; } = "nli.minilm-mlp.v2";

    /// <summary>
    /// Compute the WordNet features (from <see cref="WordNet.Shared"/>). Training refuses to start when this is set
    /// and WordNet is not installed, so a shipped model never learns from all-zero WordNet columns.
    /// </summary>
    public bool UseWordNet { get; init; } = true;

    /// <summary>
    /// Boosted trees over the networks' out-of-fold logits and the word-level features (stacking); null to use the
    /// networks alone.
    /// </summary>
    public BoostedTreesOptions? Stacker { get; init; } = new();

    /// <summary>Folds used to give every training pair network logits from networks that did not see it (for the stacker).</summary>
    public int StackFolds { get; init; } = 5;

    /// <summary>
    /// With a stacker: ship the networks trained for the folds (each saw all pairs but one fold) instead of networks
    /// trained again on every pair, so the trees see logits at run time distributed as the out-of-fold logits they
    /// learned from (networks trained on all pairs are more confident on their own training pairs).
    /// </summary>
    public bool ShipFoldNetworks { get; init; } = true;
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
        var wordNet = WordNetFor(options);
        var all = check is null ? training : training.Concat(check).ToList();
        var vectors = EncodeAll(all, encoder, log, cancellationToken);
        var words = EncodeWords(all, encoder, log, cancellationToken);
        var features = training.Select(p => Features(p, vectors, words, wordNet)).ToArray();
        var labels = training.Select(p => Array.IndexOf(NliPairClassifier.Classes, p.Label)).ToArray();
        if (options.Stacker is { } stackerOptions)
        {
            return TrainStacked(features, labels, encoder, options, stackerOptions, log, check?.Select(p => (Features(p, vectors, words, wordNet), Array.IndexOf(NliPairClassifier.Classes, p.Label))).ToArray());
        }

        var order = Enumerable.Range(0, training.Count).ToArray();
        new Random(options.Network.Seed).Shuffle(order);
        var held = (int)Math.Round(training.Count * options.CalibrationShare);
        var calibration = order.Take(held).ToArray();
        var fit = order.Skip(held).Order().ToArray();
        log?.Invoke($"training on {fit.Length} pairs, calibrating on {calibration.Length}");

        var checkFeatures = check?.Select(p => Features(p, vectors, words, wordNet)).ToArray();
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

        return new NliPairClassifier(options.Name, encoder, networks, temperature, options.UseWordNet);
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

    /// <summary>
    /// K-fold cross-validation on <paramref name="training"/> with <paramref name="options"/>: the pairs are dealt
    /// into <paramref name="folds"/> folds (seeded shuffle), an ensemble is trained on the other folds and judges each
    /// fold. Returns the judgment of every pair, in input order (for choosing settings without a held-out file).
    /// </summary>
    public static PairJudgment[] CrossValidate(IReadOnlyList<NliPair> training, ISentenceEncoder encoder, NliTrainingOptions options, int folds, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var wordNet = WordNetFor(options);
        var vectors = EncodeAll(training, encoder, log, cancellationToken);
        var words = EncodeWords(training, encoder, log, cancellationToken);
        var features = training.Select(p => Features(p, vectors, words, wordNet)).ToArray();
        var labels = training.Select(p => Array.IndexOf(NliPairClassifier.Classes, p.Label)).ToArray();
        var fold = Folds(training.Count, folds, options.Network.Seed);
        if (options.Stacker is { } stackerOptions)
        {
            // The networks' logits of every pair come from networks that did not see it; the trees are then
            // cross-validated on those logits with the same folds.
            var oof = OutOfFoldLogits(features, labels, options, fold, folds, log);
            var stack = features.Select((x, i) => NliPairClassifier.StackInputs(oof[i], x, encoder.Dimensions)).ToArray();
            var treeLogits = OutOfFoldTreeLogits(stack, labels, stackerOptions, fold, folds);
            var networkRight = 0;
            var judgments = new PairJudgment[training.Count];
            for (var i = 0; i < training.Count; i++)
            {
                networkRight += ArgMax(oof[i]) == labels[i] ? 1 : 0;
                var p = (float[])treeLogits[i].Clone();
                DenseMlp.Softmax(p, 1f);
                judgments[i] = new PairJudgment(p[0], p[1], p[2]);
            }

            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"networks alone, out of fold: accuracy {networkRight / (double)training.Count:0.0000}"));
            return judgments;
        }

        var judged = new PairJudgment[training.Count];
        for (var f = 0; f < folds; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fit = Enumerable.Range(0, training.Count).Where(i => fold[i] != f).ToArray();
            var networks = new List<DenseMlp>();
            for (var member = 0; member < Math.Max(1, options.EnsembleSize); member++)
            {
                networks.Add(DenseMlp.Train(fit.Select(i => features[i]).ToArray(), fit.Select(i => labels[i]).ToArray(), NliPairClassifier.Classes.Length, options.Network with { Seed = options.Network.Seed + member }));
            }

            var right = 0;
            var count = 0;
            for (var i = 0; i < training.Count; i++)
            {
                if (fold[i] == f)
                {
                    var p = NliPairClassifier.Logits(networks, features[i]);
                    DenseMlp.Softmax(p, 1f);
                    judged[i] = new PairJudgment(p[0], p[1], p[2]);
                    right += judged[i].Relation == training[i].Label ? 1 : 0;
                    count++;
                }
            }

            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"fold {f + 1} of {folds}: accuracy {right / (double)count:0.0000} ({count} pairs)"));
        }

        return judged;
    }

    private static int[] Folds(int count, int folds, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed ^ 0x5eed).Shuffle(order);
        var fold = new int[count];
        for (var k = 0; k < order.Length; k++)
        {
            fold[order[k]] = k % folds;
        }

        return fold;
    }

    private static List<DenseMlp> TrainEnsemble(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, NliTrainingOptions options, Action<string>? log = null)
    {
        var networks = new List<DenseMlp>();
        for (var member = 0; member < Math.Max(1, options.EnsembleSize); member++)
        {
            networks.Add(DenseMlp.Train(features, labels, NliPairClassifier.Classes.Length, options.Network with { Seed = options.Network.Seed + member }, log));
        }

        return networks;
    }

    private static float[][] OutOfFoldLogits(float[][] features, int[] labels, NliTrainingOptions options, int[] fold, int folds, Action<string>? log, List<DenseMlp>? foldNetworks = null)
    {
        var logits = new float[features.Length][];
        for (var f = 0; f < folds; f++)
        {
            var fit = Enumerable.Range(0, features.Length).Where(i => fold[i] != f).ToArray();
            var networks = TrainEnsemble(fit.Select(i => features[i]).ToArray(), fit.Select(i => labels[i]).ToArray(), options.ShipFoldNetworks ? options with { Network = options.Network with { Seed = options.Network.Seed + (100 * f) } } : options);
            foldNetworks?.AddRange(networks);
            var right = 0;
            var count = 0;
            for (var i = 0; i < features.Length; i++)
            {
                if (fold[i] == f)
                {
                    logits[i] = NliPairClassifier.Logits(networks, features[i]);
                    right += ArgMax(logits[i]) == labels[i] ? 1 : 0;
                    count++;
                }
            }

            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"networks, fold {f + 1} of {folds}: accuracy {right / (double)count:0.0000} ({count} pairs)"));
        }

        return logits;
    }

    private static float[][] OutOfFoldTreeLogits(float[][] stack, int[] labels, BoostedTreesOptions options, int[] fold, int folds)
    {
        var logits = new float[stack.Length][];
        for (var f = 0; f < folds; f++)
        {
            var fit = Enumerable.Range(0, stack.Length).Where(i => fold[i] != f).ToArray();
            var trees = BoostedTrees.Train(fit.Select(i => stack[i]).ToArray(), fit.Select(i => labels[i]).ToArray(), NliPairClassifier.Classes.Length, options);
            for (var i = 0; i < stack.Length; i++)
            {
                if (fold[i] == f)
                {
                    logits[i] = trees.Logits(stack[i]);
                }
            }
        }

        return logits;
    }

    /// <summary>
    /// Stacking: networks trained on all but one fold give each pair of that fold its logits; boosted trees learn from
    /// those logits and the word-level features; the temperature is fitted on the trees' own out-of-fold logits; the
    /// shipped networks are then trained on every pair.
    /// </summary>
    private static NliPairClassifier TrainStacked(float[][] features, int[] labels, ISentenceEncoder encoder, NliTrainingOptions options, BoostedTreesOptions stackerOptions, Action<string>? log, (float[] Features, int Label)[]? check)
    {
        var folds = Math.Max(2, options.StackFolds);
        var fold = Folds(features.Length, folds, options.Network.Seed);
        var foldNetworks = new List<DenseMlp>();
        var oof = OutOfFoldLogits(features, labels, options, fold, folds, log, foldNetworks);
        var stack = features.Select((x, i) => NliPairClassifier.StackInputs(oof[i], x, encoder.Dimensions)).ToArray();
        var treeLogits = OutOfFoldTreeLogits(stack, labels, stackerOptions, fold, folds);
        var temperature = NliPairClassifier.FitTemperature(treeLogits, labels);
        var right = treeLogits.Where((z, i) => ArgMax(z) == labels[i]).Count();
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"stacked, out of fold: accuracy {right / (double)labels.Length:0.0000}; temperature {temperature:0.00}"));
        var trees = BoostedTrees.Train(stack, labels, NliPairClassifier.Classes.Length, stackerOptions, log);
        List<DenseMlp> networks;
        if (options.ShipFoldNetworks)
        {
            log?.Invoke($"keeping the {foldNetworks.Count} fold networks");
            networks = foldNetworks;
        }
        else
        {
            log?.Invoke($"training the {Math.Max(1, options.EnsembleSize)} networks on all {features.Length} pairs");
            networks = TrainEnsemble(features, labels, options);
        }

        if (check is not null)
        {
            var networkRight = check.Count(c => ArgMax(NliPairClassifier.Logits(networks, c.Features)) == c.Label);
            var stackedRight = check.Count(c => ArgMax(trees.Logits(NliPairClassifier.StackInputs(NliPairClassifier.Logits(networks, c.Features), c.Features, encoder.Dimensions))) == c.Label);
            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"check: networks alone {networkRight / (double)check.Length:0.0000}, stacked {stackedRight / (double)check.Length:0.0000}"));
        }

        return new NliPairClassifier(options.Name, encoder, networks, temperature, options.UseWordNet, trees);
    }

    private static WordNet? WordNetFor(NliTrainingOptions options) =>
        !options.UseWordNet ? null
        : WordNet.Shared ?? throw new InvalidDataException($"Training with WordNet features needs the WordNet database (Debian package wordnet-base, or ${WordNet.DirectoryVariable}); none was found. Install it or train without WordNet.");

    private static float[] Features(NliPair pair, Dictionary<string, float[]> vectors, Dictionary<string, float[]> words, WordNet? wordNet) =>
        PairFeaturizer.Features(pair.Premise, vectors[pair.Premise], pair.Hypothesis, vectors[pair.Hypothesis], w => words[w], wordNet);

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
