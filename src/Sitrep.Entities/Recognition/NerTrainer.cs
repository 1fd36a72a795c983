using System.Diagnostics;
using System.Globalization;
using Sitrep.Entities.Gazetteers;

namespace Sitrep.Entities.Recognition;

/// <summary>How to train the tagger.</summary>
public sealed record NerTrainingOptions
{
    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Seed of the shuffling.</summary>
    public int Seed { get; init; } = 13;

    /// <summary>Share of training documents also added in lowercase, for informal text (0 to 1).</summary>
    public double LowercaseShare { get; init; } = 0.15;

    /// <summary>
    /// Folds of the training documents for the names-from-training-data gazetteer: each document is trained with the
    /// names of the other folds only (0: no such gazetteer).
    /// </summary>
    public int EntityFolds { get; init; } = 10;

    /// <summary>
    /// Folds of the training documents for the second pass: the first pass's labels on each fold come from a first-pass
    /// model trained on the other folds (jackknifing), so the second pass learns from labels as noisy as at run time
    /// (0: one pass only).
    /// </summary>
    public int SecondPassFolds { get; init; }

    /// <summary>
    /// Second-pass models trained with shuffling seeds <see cref="Seed"/>, <see cref="Seed"/> + 1, … whose weights are
    /// averaged into the shipped second pass.
    /// </summary>
    public int SecondPassSeeds { get; init; } = 1;

    /// <summary>Passes of the second-pass training over the data (0: <see cref="Epochs"/>).</summary>
    public int SecondPassEpochs { get; init; }

    /// <summary>
    /// Feature dropout while training (0 to 1): each feature but the bias is left out of a decision, its score and its
    /// update with this probability, so that no single strong feature (the word itself, a name seen in training)
    /// carries a decision alone and the weights of the weaker ones that generalise are learnt too.
    /// </summary>
    public double Dropout { get; init; }

    /// <summary>
    /// First-pass models trained with shuffling seeds <see cref="Seed"/>, <see cref="Seed"/> + 1, … whose weights are
    /// averaged into the shipped model.
    /// </summary>
    public int Seeds { get; init; } = 1;
}

/// <summary>
/// Trains the averaged perceptron of <see cref="PerceptronTagger"/>: greedy decoding with the model's own previous
/// predictions as history, an update on every wrong decision, weights averaged over all steps (Collins 2002).
/// </summary>
public static class NerTrainer
{
    /// <summary>Trains; reports progress lines (epoch, errors, dev F1) to <paramref name="log"/>.</summary>
    public static PerceptronTagger Train(IReadOnlyList<TaggedDocument> training, IReadOnlyList<TaggedDocument>? dev, NerLexicon lexicon, NerTrainingOptions options, string description, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(options);
        if (options.SecondPassFolds > 0)
        {
            return SecondPassTrainer.Train(training, dev, lexicon, options, description, log);
        }

        if (options.Seeds <= 1)
        {
            return Train(training, dev, lexicon, options, description, log, firstPass: null, firstModel: null);
        }

        var models = new List<PerceptronTagger>();
        for (var seed = 0; seed < options.Seeds; seed++)
        {
            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"seed {options.Seed + seed}:"));
            models.Add(Train(training, dev, lexicon, options with { Seed = options.Seed + seed }, description, log, firstPass: null, firstModel: null));
        }

        var mean = new PerceptronTagger(PerceptronModel.Mean([.. models.Select(m => m.Model)], description), models[0].Lexicon);
        if (dev is not null)
        {
            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"mean of {models.Count} models: dev F1 {Evaluate(mean, dev).F1:0.0000}"));
        }

        return mean;
    }

    /// <summary>
    /// Trains one pass. With <paramref name="firstPass"/> (the first pass's BILOU tags of training document d, in
    /// lowercase or not) it trains the second pass of <paramref name="firstModel"/>.
    /// </summary>
    internal static PerceptronTagger Train(IReadOnlyList<TaggedDocument> training, IReadOnlyList<TaggedDocument>? dev, NerLexicon lexicon, NerTrainingOptions options, string description, Action<string>? log, Func<int, bool, int[][]>? firstPass, PerceptronModel? firstModel)
    {
        var random = new Random(options.Seed);
        var folds = Math.Max(0, options.EntityFolds);
        var docs = new List<(TaggedDocument Doc, int Fold, int Index, bool Lowercase)>();
        for (var d = 0; d < training.Count; d++)
        {
            docs.Add((training[d], folds == 0 ? 0 : d % folds, d, false));
        }

        foreach (var (doc, fold, index, _) in docs.ToList())
        {
            if (random.NextDouble() < options.LowercaseShare)
            {
                docs.Add((Lowercased(doc), fold, index, true));
            }
        }

        // Names seen in the training data, from all of it for the shipped lexicon and, while training, from the other
        // folds only, so that the weights learn how far a name seen elsewhere can be trusted.
        EntityGazetteer[] foldEntities;
        if (folds == 0)
        {
            lexicon = lexicon.WithEntities(EntityGazetteer.Empty);
            foldEntities = [EntityGazetteer.Empty];
        }
        else
        {
            lexicon = lexicon.WithEntities(EntityGazetteer.FromDocuments(training));
            foldEntities = [.. Enumerable.Range(0, folds).Select(f => EntityGazetteer.FromDocuments(training.Where((_, d) => d % folds != f)))];
        }

        var weights = new Weights();
        var tagger = new PerceptronTagger(new PerceptronModel([], [], description), lexicon);
        PerceptronTagger Snapshot(PerceptronModel weights) => firstModel is null ? new PerceptronTagger(weights, lexicon) : new PerceptronTagger(firstModel, lexicon, weights);
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            Shuffle(docs, random);
            var errors = 0;
            var tokens = 0;
            foreach (var (doc, fold, index, lowercase) in docs)
            {
                var sentences = doc.Sentences.Select(s => s.Words).ToList();
                var gold = doc.Sentences.Select(s => Bilou.FromBio(s.Tags)).ToArray();
                var output = new int[sentences.Count][];
                tagger.Decode(sentences, weights.Score, output, gold, (features, goldTag, guess) =>
                {
                    errors++;
                    weights.Update(features, goldTag, guess);
                }, foldEntities[fold], firstPass: firstPass?.Invoke(index, lowercase), dropout: options.Dropout > 0 ? random : null, dropoutRate: options.Dropout);
                foreach (var s in output)
                {
                    tokens += s.Length;
                    weights.Tick(s.Length);
                }
            }

            var line = string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: {errors} errors over {tokens} tokens, {weights.Rows} features, {clock.Elapsed.TotalSeconds:0.0} s");
            if (dev is not null)
            {
                var snapshot = Snapshot(weights.Average(description));
                line += string.Create(CultureInfo.InvariantCulture, $", dev F1 {Evaluate(snapshot, dev).F1:0.0000}");
            }

            log?.Invoke(line);
        }

        return Snapshot(weights.Average(description));
    }

    /// <summary>The document with every word in lowercase (the informal-text copies).</summary>
    internal static TaggedDocument Lowercased(TaggedDocument doc) =>
        new([.. doc.Sentences.Select(s => s with { Words = [.. s.Words.Select(w => w.ToLowerInvariant())] })], []);

    /// <summary>Tags every document and scores it against the gold tags.</summary>
    public static ConllEvaluator Evaluate(PerceptronTagger tagger, IReadOnlyList<TaggedDocument> documents, Action<TaggedDocument, int[][]>? onTagged = null)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(documents);
        var evaluator = new ConllEvaluator();
        foreach (var doc in documents)
        {
            var tags = tagger.Tag([.. doc.Sentences.Select(s => s.Words)]);
            for (var s = 0; s < tags.Length; s++)
            {
                evaluator.Add(doc.Sentences[s].Tags, tags[s]);
            }

            onTagged?.Invoke(doc, tags);
        }

        return evaluator;
    }

    private static void Shuffle<T>(List<T> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Weights with the running sums that averaging needs (w − u / c).</summary>
    private sealed class Weights
    {
        private readonly Dictionary<ulong, int> _rows = [];
        private float[] _w = new float[1 << 20];
        private double[] _u = new double[1 << 20];
        private double _clock = 1;

        public int Rows => _rows.Count;

        public void Tick(int steps) => _clock += steps;

        public void Score(ulong feature, Span<float> scores)
        {
            if (_rows.TryGetValue(feature, out var row))
            {
                var w = _w.AsSpan(row * PerceptronModel.Classes, PerceptronModel.Classes);
                for (var t = 0; t < PerceptronModel.Classes; t++)
                {
                    scores[t] += w[t];
                }
            }
        }

        public void Update(ReadOnlySpan<ulong> features, int gold, int guess)
        {
            var c = _clock;
            foreach (var feature in features)
            {
                if (!_rows.TryGetValue(feature, out var row))
                {
                    row = _rows.Count;
                    _rows[feature] = row;
                    if ((row + 1) * PerceptronModel.Classes > _w.Length)
                    {
                        Array.Resize(ref _w, _w.Length * 2);
                        Array.Resize(ref _u, _u.Length * 2);
                    }
                }

                var b = row * PerceptronModel.Classes;
                _w[b + gold] += 1;
                _u[b + gold] += c;
                _w[b + guess] -= 1;
                _u[b + guess] -= c;
            }
        }

        public PerceptronModel Average(string description)
        {
            var averaged = new float[_rows.Count * PerceptronModel.Classes];
            var c = (float)_clock;
            for (var i = 0; i < averaged.Length; i++)
            {
                averaged[i] = (float)(_w[i] - (_u[i] / c));
            }

            return new PerceptronModel(new Dictionary<ulong, int>(_rows), averaged, description);
        }
    }
}
