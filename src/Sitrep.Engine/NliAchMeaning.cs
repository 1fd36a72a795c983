using Sitrep.Hypotheses.Meaning;
using Sitrep.Meaning.Pairs;

namespace Sitrep.Engine;

/// <summary>
/// ACH's meaning model backed by the MiniLM encoder and the shipped pair classifier (<c>nli.minilm-mlp.v2</c>). The classifier is
/// created on first use, so a run without hypotheses never loads it.
/// </summary>
public sealed class NliAchMeaning : IAchMeaning
{
    private readonly Lazy<NliPairClassifier> _classifier;

    /// <summary>Creates the adapter over a classifier made on first use.</summary>
    public NliAchMeaning(Func<NliPairClassifier> classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        _classifier = new Lazy<NliPairClassifier>(classifier, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The shared instance over the default pipeline's cached classifier.</summary>
    public static NliAchMeaning Default { get; } = new(() => DefaultPipeline.Classifier);

    /// <inheritdoc />
    public string Name => _classifier.Value.Name;

    /// <inheritdoc />
    public IReadOnlyList<PairProbabilities> Judge(IReadOnlyList<(string Premise, string Hypothesis)> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return pairs.Count == 0 ? [] : [.. _classifier.Value.Judge(pairs, cancellationToken).Select(j => new PairProbabilities(j.Entails, j.Contradicts))];
    }

    /// <inheritdoc />
    public IReadOnlyList<float[]> Encode(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return sentences.Count == 0 ? [] : _classifier.Value.Encoder.Encode(sentences, cancellationToken);
    }
}
