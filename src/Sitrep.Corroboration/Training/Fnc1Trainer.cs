using System.Diagnostics;
using System.Globalization;
using Sitrep.Corroboration.Stance;

namespace Sitrep.Corroboration.Training;

/// <summary>Options of <see cref="Fnc1Trainer"/>.</summary>
public sealed record Fnc1TrainingOptions
{
    /// <summary>Words in the TF vocabulary (headline and body blocks each).</summary>
    public int VocabularySize { get; init; } = 5000;

    /// <summary>The network's hyper-parameters.</summary>
    public SparseMlpOptions Network { get; init; } = new() { Hidden = 100, Epochs = 10, BatchSize = 200, LearningRate = 0.001f, Keep = 0.6f, L2 = 1e-5f };
}

/// <summary>Trains <see cref="Fnc1StanceClassifier"/> from labelled FNC-1 pairs.</summary>
public static class Fnc1Trainer
{
    /// <summary>Builds the vocabulary from the training texts only, featurizes every pair and trains the network.</summary>
    /// <param name="training">Labelled pairs to learn from.</param>
    /// <param name="options">Vocabulary size and network hyper-parameters.</param>
    /// <param name="log">Receives progress lines.</param>
    /// <param name="validation">When given, scored after every epoch (to choose the number of epochs without the hold-out).</param>
    public static Fnc1StanceClassifier Train(Fnc1Dataset training, Fnc1TrainingOptions options, Action<string>? log = null, Fnc1Dataset? validation = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var headlines = training.Pairs.Select(p => p.Headline).Distinct(StringComparer.Ordinal).ToList();
        var documents = headlines.Concat(training.Bodies.Values)
            .Select(t => StanceText.Words(t).Where(StanceText.IsContent));
        var vocabulary = Vocabulary.Build(documents, options.VocabularySize, minCount: 2);
        var featurizer = new Fnc1Featurizer(vocabulary);
        var examples = Featurize(featurizer, training);
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{examples.Count} pairs featurized ({featurizer.Dimension} inputs) in {clock.Elapsed.TotalSeconds:0.0} s"));
        Action<int, SparseMlp>? afterEpoch = validation is null ? null : (epoch, net) =>
        {
            var predicted = Predict(new Fnc1StanceClassifier(featurizer, net), validation);
            var score = new Fnc1Score();
            for (var i = 0; i < predicted.Count; i++)
            {
                score.Add(validation.Pairs[i].Stance!, predicted[i]);
            }

            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: validation score {score.Percent:0.00}, accuracy {score.Accuracy:0.0000}"));
        };
        var network = SparseMlp.Train(examples, featurizer.Dimension, StanceSchemes.Fnc1.Count, options.Network, log, afterEpoch);
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"trained in {clock.Elapsed.TotalSeconds:0.0} s"));
        return new Fnc1StanceClassifier(featurizer, network);
    }

    /// <summary>Predicts every pair of <paramref name="data"/>, preparing each body and headline once.</summary>
    public static List<string> Predict(Fnc1StanceClassifier classifier, Fnc1Dataset data)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(data);
        var bodies = new Dictionary<int, PreparedText>();
        var headlines = new Dictionary<string, PreparedText>(StringComparer.Ordinal);
        var results = new List<string>(data.Pairs.Count);
        foreach (var pair in data.Pairs)
        {
            var body = Prepared(bodies, pair.BodyId, () => classifier.Featurizer.Prepare(data.Bodies[pair.BodyId]));
            var headline = Prepared(headlines, pair.Headline, () => classifier.Featurizer.Prepare(pair.Headline));
            results.Add(classifier.Classify(headline, body).Label);
        }

        return results;
    }

    private static List<(SparseVector X, int Y)> Featurize(Fnc1Featurizer featurizer, Fnc1Dataset data)
    {
        var bodies = new Dictionary<int, PreparedText>();
        var headlines = new Dictionary<string, PreparedText>(StringComparer.Ordinal);
        var examples = new List<(SparseVector, int)>(data.Pairs.Count);
        foreach (var pair in data.Pairs)
        {
            var body = Prepared(bodies, pair.BodyId, () => featurizer.Prepare(data.Bodies[pair.BodyId]));
            var headline = Prepared(headlines, pair.Headline, () => featurizer.Prepare(pair.Headline));
            var label = StanceSchemes.Fnc1.ToList().IndexOf(pair.Stance ?? throw new InvalidOperationException("Training pairs need a stance."));
            examples.Add((featurizer.Featurize(headline, body), label));
        }

        return examples;
    }

    private static PreparedText Prepared<TKey>(Dictionary<TKey, PreparedText> cache, TKey key, Func<PreparedText> make)
        where TKey : notnull
    {
        if (!cache.TryGetValue(key, out var prepared))
        {
            prepared = make();
            cache[key] = prepared;
        }

        return prepared;
    }
}
