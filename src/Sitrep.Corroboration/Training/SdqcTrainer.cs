using System.Globalization;
using Sitrep.Corroboration.Stance;

namespace Sitrep.Corroboration.Training;

/// <summary>Options of <see cref="SdqcTrainer"/>.</summary>
public sealed record SdqcTrainingOptions
{
    /// <summary>Most unigrams and bigrams kept.</summary>
    public int VocabularySize { get; init; } = 1000;

    /// <summary>Fewest tweets a term must occur in.</summary>
    public int MinCount { get; init; } = 3;

    /// <summary>Networks trained with seeds Seed, Seed + 1, …, whose probabilities are averaged.</summary>
    public int EnsembleSize { get; init; } = 5;

    /// <summary>
    /// Candidate deny thresholds (see <see cref="SdqcStanceClassifier.DenyThreshold"/>); the one with the best macro-F1
    /// over leave-one-event-out cross-validation on the training tweets is kept. Empty: no threshold (deny only when
    /// most probable).
    /// </summary>
    public IReadOnlyList<float> DenyThresholds { get; init; } = [0f, 0.02f, 0.04f, 0.06f, 0.08f, 0.10f, 0.12f, 0.14f, 0.16f, 0.18f, 0.20f, 0.25f];

    /// <summary>
    /// GloVe vectors to read the embedding blocks from (null: none). Each model keeps the vectors of the
    /// <see cref="MostFrequentWords"/> most frequent words and of the words of its own training tweets.
    /// </summary>
    public WordVectors? Vectors { get; init; }

    /// <summary>Which optional blocks are inputs (those reading word vectors only when <see cref="Vectors"/> is given).</summary>
    public SdqcOptionalFeatures Embedding { get; init; } = SdqcOptionalFeatures.ReplyMean | SdqcOptionalFeatures.ReplyMax | SdqcOptionalFeatures.ParentMean | SdqcOptionalFeatures.Cosines;

    /// <summary>Factor applied to the pooled word vectors (see <see cref="SdqcFeaturizer.EmbeddingScale"/>).</summary>
    public float EmbeddingScale { get; init; } = 4.5f;

    /// <summary>Most frequent words whose vectors a model keeps besides those of its training tweets.</summary>
    public int MostFrequentWords { get; init; } = 10_000;

    /// <summary>The network's hyper-parameters (class weights, chosen on dev, lift support and query, the classes most often mistaken for comment).</summary>
    public SparseMlpOptions Network { get; init; } = new()
    {
        Hidden = 16,
        Epochs = 15,
        BatchSize = 32,
        LearningRate = 0.001f,
        Keep = 0.6f,
        L2 = 1e-4f,
        InitialFanIn = 30,
        ClassWeights = [2f, 1f, 2f, 1f],
    };
}

/// <summary>Trains <see cref="SdqcStanceClassifier"/> from labelled RumourEval tweets.</summary>
public static class SdqcTrainer
{
    /// <summary>Builds the vocabulary from the training tweets only and trains the network.</summary>
    /// <remarks>
    /// With <see cref="SdqcTrainingOptions.DenyThresholds"/> and tweets from two events or more, the networks are also
    /// trained once per event on the other events, and the deny threshold is chosen on the held-out events' tweets.
    /// </remarks>
    public static SdqcStanceClassifier Train(RumourEvalDataset training, SdqcTrainingOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(options);
        var model = TrainNetworks(training, options, log);
        var threshold = CrossValidate(training, options, log);
        return threshold is null ? model : model.WithDenyThreshold(threshold.Value);
    }

    /// <summary>
    /// Leave-one-event-out cross-validation on <paramref name="training"/>: one model per event trained on the other
    /// events, its held-out tweets scored with every candidate deny threshold (logged). Returns the threshold with the
    /// best pooled macro-F1, or null when there are no candidates or fewer than two events.
    /// </summary>
    public static float? CrossValidate(RumourEvalDataset training, SdqcTrainingOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(options);
        var events = training.Labelled.Select(l => l.Thread.Event).Distinct(StringComparer.Ordinal).ToList();
        if (options.DenyThresholds.Count == 0 || events.Count < 2 || events.Contains(null))
        {
            return null;
        }

        var outOfFold = new List<(SdqcStanceClassifier Model, ThreadTweet Tweet, RumourThread Thread, string Label)>();
        foreach (var held in events.Order(StringComparer.Ordinal))
        {
            var fold = training with { Labelled = training.Labelled.Where(l => l.Thread.Event != held).ToList() };
            var foldModel = TrainNetworks(fold, options, null);
            outOfFold.AddRange(training.Labelled.Where(l => l.Thread.Event == held).Select(l => (foldModel, l.Tweet, l.Thread, l.Label)));
            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"cross-validation: event {held} held out ({training.Labelled.Count - fold.Labelled.Count} tweets)"));
        }

        foreach (var held in events.Order(StringComparer.Ordinal))
        {
            var report = new ClassificationReport(StanceSchemes.Sdqc);
            foreach (var (foldModel, tweet, thread, label) in outOfFold.Where(o => o.Thread.Event == held))
            {
                report.Add(label, foldModel.WithDenyThreshold(float.PositiveInfinity).Classify(thread.ContextOf(tweet)).Label);
            }

            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"event {held} (no deny threshold): accuracy {report.Accuracy:0.0000}, macro-F1 {report.MacroF1:0.0000}"));
        }

        var best = (Threshold: float.PositiveInfinity, MacroF1: -1.0);
        foreach (var threshold in options.DenyThresholds.Prepend(float.PositiveInfinity))
        {
            var report = new ClassificationReport(StanceSchemes.Sdqc);
            foreach (var (foldModel, tweet, thread, label) in outOfFold)
            {
                report.Add(label, foldModel.WithDenyThreshold(threshold).Classify(thread.ContextOf(tweet)).Label);
            }

            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"deny threshold {threshold:0.00}: accuracy {report.Accuracy:0.0000}, macro-F1 {report.MacroF1:0.0000}, deny F1 {report.F1("deny"):0.000}"));
            if (float.IsFinite(threshold) && report.MacroF1 > best.MacroF1 + 1e-9)
            {
                best = (threshold, report.MacroF1);
            }
        }

        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"deny threshold chosen: {best.Threshold:0.00}"));
        return best.Threshold;
    }

    private static SdqcStanceClassifier TrainNetworks(RumourEvalDataset training, SdqcTrainingOptions options, Action<string>? log)
    {
        var vocabulary = Vocabulary.Build(training.Labelled.Select(l => SdqcFeaturizer.Terms(l.Tweet.Text)), options.VocabularySize, options.MinCount);
        WordVectors? vectors = null;
        if (options.Vectors is not null && SdqcFeaturizer.NeedsVectors(options.Embedding))
        {
            var seen = TrainingWords(training);
            vectors = options.Vectors.Subset(options.MostFrequentWords, seen.Contains);
            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{vectors.Count} word vectors kept ({seen.Count} words in the training threads)"));
        }

        var featurizer = new SdqcFeaturizer(vocabulary, vectors, options.Embedding, options.EmbeddingScale);
        var examples = training.Labelled
            .Select(l => (featurizer.Featurize(l.Thread.ContextOf(l.Tweet)), StanceSchemes.Sdqc.ToList().IndexOf(l.Label)))
            .ToList();
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{examples.Count} tweets featurized ({featurizer.Dimension} inputs)"));
        var networks = new List<SparseMlp>();
        for (var k = 0; k < options.EnsembleSize; k++)
        {
            networks.Add(SparseMlp.Train(examples, featurizer.Dimension, StanceSchemes.Sdqc.Count, options.Network with { Seed = options.Network.Seed + k }, log));
        }

        return new SdqcStanceClassifier(featurizer, networks, float.PositiveInfinity);
    }

    /// <summary>Every word of the labelled training tweets and of the posts they answer (parents and sources).</summary>
    public static HashSet<string> TrainingWords(RumourEvalDataset training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (tweet, thread, _) in training.Labelled)
        {
            var context = thread.ContextOf(tweet);
            words.UnionWith(StanceText.Words(context.Text));
            words.UnionWith(StanceText.Words(context.ParentText ?? string.Empty));
            words.UnionWith(StanceText.Words(context.SourceText ?? string.Empty));
        }

        return words;
    }

    /// <summary>Scores <paramref name="classifier"/> on the labelled tweets of <paramref name="data"/>.</summary>
    public static (ClassificationReport Report, List<(string Id, string Label)> Predictions) Evaluate(SdqcStanceClassifier classifier, RumourEvalDataset data)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(data);
        var report = new ClassificationReport(StanceSchemes.Sdqc);
        var predictions = new List<(string, string)>(data.Labelled.Count);
        foreach (var (tweet, thread, label) in data.Labelled)
        {
            var predicted = classifier.Classify(thread.ContextOf(tweet)).Label;
            report.Add(label, predicted);
            predictions.Add((tweet.Id, predicted));
        }

        return (report, predictions);
    }
}
