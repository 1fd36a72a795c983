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
    public static SdqcStanceClassifier Train(RumourEvalDataset training, SdqcTrainingOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(options);
        var vocabulary = Vocabulary.Build(training.Labelled.Select(l => SdqcFeaturizer.Terms(l.Tweet.Text)), options.VocabularySize, options.MinCount);
        var featurizer = new SdqcFeaturizer(vocabulary);
        var examples = training.Labelled
            .Select(l => (featurizer.Featurize(l.Thread.ContextOf(l.Tweet)), StanceSchemes.Sdqc.ToList().IndexOf(l.Label)))
            .ToList();
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{examples.Count} tweets featurized ({featurizer.Dimension} inputs)"));
        var networks = new List<SparseMlp>();
        for (var k = 0; k < options.EnsembleSize; k++)
        {
            networks.Add(SparseMlp.Train(examples, featurizer.Dimension, StanceSchemes.Sdqc.Count, options.Network with { Seed = options.Network.Seed + k }, log));
        }

        return new SdqcStanceClassifier(featurizer, networks);
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
