using Sitrep.Meaning.Encoding;
using Sitrep.Meaning.Lexicon;

namespace Sitrep.Meaning.Pairs;

/// <summary>
/// Judges whether a premise entails, contradicts or is neutral to a hypothesis: a small network over the two
/// sentence vectors and word-level cues, trained on SICK (and optionally other NLI sets) by <c>sitrep train nli</c>,
/// with a softmax temperature fitted on held-out training pairs so its probabilities are calibrated.
/// </summary>
/// <remarks>Thread-safe and immutable; <see cref="Default"/> loads the shipped model and the shared encoder once.</remarks>
public sealed class NliPairClassifier
{
    /// <summary>The shipped model's file name under <c>src/Sitrep.Meaning/Models/</c>.</summary>
    public const string ShippedFileName = "nli-minilm.bin.gz";

    private const string Magic = "SITREP-NLI";
    private static readonly StackedModelFile.Format FileFormat = new(Magic, FormatVersion, PairFeaturizer.LayoutVersion, "NLI", "sitrep train nli", HasFlag: true, MinNetworks: 1);

    private const int FormatVersion = 2;

    // Class order inside the network.
    internal static readonly PairRelation[] Classes = [PairRelation.Entails, PairRelation.Contradicts, PairRelation.Neutral];

    private static readonly Lazy<NliPairClassifier> Shipped = new(() => LoadShipped(MiniLmSentenceEncoder.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly DenseMlp[] _networks;
    private readonly BoostedTrees? _stacker;
    private readonly CachingSentenceEncoder _words;

    internal NliPairClassifier(string name, ISentenceEncoder encoder, IReadOnlyList<DenseMlp> networks, float temperature, bool usesWordNet, BoostedTrees? stacker = null)
    {
        _stacker = stacker;
        Name = name;
        UsesWordNet = usesWordNet;
        WordNet = usesWordNet ? WordNet.Shared : null;
        Encoder = encoder;
        _networks = [.. networks];
        _words = new CachingSentenceEncoder(encoder, new MemoryEmbeddingCache(50_000));
        Temperature = temperature;
        if (_networks.Length == 0 || !(temperature > 0) || _networks.Any(n => n.Inputs != PairFeaturizer.Length(encoder.Dimensions) || n.Classes != Classes.Length)
            || (stacker is not null && (stacker.Inputs != StackLength(encoder.Dimensions) || stacker.Classes != Classes.Length)))
        {
            throw new InvalidDataException($"The model's networks do not fit encoder '{encoder.Name}' ({PairFeaturizer.Length(encoder.Dimensions)} inputs, {Classes.Length} classes) or its temperature {temperature} is not positive.");
        }
    }

    /// <summary>The shipped model over <see cref="MiniLmSentenceEncoder.Default"/>, loaded on first use.</summary>
    public static NliPairClassifier Default => Shipped.Value;

    /// <summary>Versioned component name for stored results, e.g. <c>nli.minilm-mlp.v1</c>.</summary>
    public string Name { get; }

    /// <summary>The encoder whose vectors the model was trained on; <see cref="Judge(IReadOnlyList{EncodedPair})"/> needs vectors from it.</summary>
    public ISentenceEncoder Encoder { get; }

    /// <summary>
    /// Whether the model was trained with the WordNet features. Such a model still runs where WordNet is missing
    /// (those features are then 0), but is less accurate; see <see cref="WordNet"/>.
    /// </summary>
    public bool UsesWordNet { get; }

    /// <summary>The WordNet database the features are computed from (null when the model does not use it or it is not installed).</summary>
    public WordNet? WordNet { get; }

    /// <summary>The softmax temperature fitted at training time.</summary>
    public float Temperature { get; }

    /// <summary>Networks whose logits are averaged.</summary>
    public int EnsembleSize => _networks.Length;

    /// <summary>Whether boosted trees combine the networks' mean logits with the word-level features (stacking).</summary>
    public bool IsStacked => _stacker is not null;

    /// <summary>Judges one pair, encoding both sentences.</summary>
    public PairJudgment Judge(string premise, string hypothesis)
    {
        ArgumentNullException.ThrowIfNull(premise);
        ArgumentNullException.ThrowIfNull(hypothesis);
        var vectors = Encoder.Encode([premise, hypothesis]);
        return Judge(new EncodedPair(premise, vectors[0], hypothesis, vectors[1]));
    }

    /// <summary>Judges many pairs, encoding every distinct sentence once.</summary>
    public PairJudgment[] Judge(IReadOnlyList<(string Premise, string Hypothesis)> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var sentences = pairs.SelectMany(p => new[] { p.Premise ?? string.Empty, p.Hypothesis ?? string.Empty }).Distinct(StringComparer.Ordinal).ToArray();
        var vectors = Encoder.Encode(sentences, cancellationToken);
        var index = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < sentences.Length; i++)
        {
            index[sentences[i]] = vectors[i];
        }

        return Judge(pairs.Select(p => new EncodedPair(p.Premise ?? string.Empty, index[p.Premise ?? string.Empty], p.Hypothesis ?? string.Empty, index[p.Hypothesis ?? string.Empty])).ToArray());
    }

    /// <summary>Judges pairs whose vectors were computed already (by <see cref="Encoder"/>, or a cache of it).</summary>
    public PairJudgment[] Judge(IReadOnlyList<EncodedPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var words = WordVectors(pairs.SelectMany(p => WordAlignment.ContentWords(p.Premise).Concat(WordAlignment.ContentWords(p.Hypothesis))));
        return pairs.Select(p => Judge(p, words)).ToArray();
    }

    /// <summary>Judges one pair whose vectors were computed already.</summary>
    public PairJudgment Judge(EncodedPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return Judge(pair, WordVectors(WordAlignment.ContentWords(pair.Premise).Concat(WordAlignment.ContentWords(pair.Hypothesis))));
    }

    /// <summary>The single-word vectors of <paramref name="words"/> (from the bounded word cache where possible).</summary>
    internal Dictionary<string, float[]> WordVectors(IEnumerable<string> words)
    {
        var distinct = words.Distinct(StringComparer.Ordinal).ToArray();
        var vectors = _words.Encode(distinct);
        var map = new Dictionary<string, float[]>(distinct.Length, StringComparer.Ordinal);
        for (var i = 0; i < distinct.Length; i++)
        {
            map[distinct[i]] = vectors[i];
        }

        return map;
    }

    internal PairJudgment Judge(EncodedPair pair, Dictionary<string, float[]> words)
    {
        var x = PairFeaturizer.Features(pair.Premise, pair.PremiseVector, pair.Hypothesis, pair.HypothesisVector, w => words[w], WordNet);
        var p = Logits(_networks, x);
        if (_stacker is not null)
        {
            p = _stacker.Logits(StackInputs(p, x, Encoder.Dimensions));
        }

        DenseMlp.Softmax(p, Temperature);
        return new PairJudgment(p[0], p[1], p[2]);
    }

    /// <summary>The mean of the networks' logits.</summary>
    internal static float[] Logits(IReadOnlyList<DenseMlp> networks, float[] features)
    {
        var sum = new float[networks[0].Classes];
        foreach (var network in networks)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(sum, network.Logits(features), sum);
        }

        System.Numerics.Tensors.TensorPrimitives.Divide(sum, networks.Count, sum);
        return sum;
    }

    /// <summary>Inputs of the stacking trees: the networks' mean logits, then every feature after the four vector blocks (cosine, lexical, alignment, WordNet).</summary>
    internal static int StackLength(int dimensions) => Classes.Length + PairFeaturizer.Length(dimensions) - (4 * dimensions);

    internal static float[] StackInputs(float[] logits, float[] features, int dimensions)
    {
        var stack = new float[StackLength(dimensions)];
        logits.CopyTo(stack, 0);
        features.AsSpan(4 * dimensions).CopyTo(stack.AsSpan(logits.Length));
        return stack;
    }

    /// <summary>The temperature (0.5 to 10) that minimises the log-loss of <paramref name="logits"/> against <paramref name="labels"/>.</summary>
    internal static float FitTemperature(IReadOnlyList<float[]> logits, IReadOnlyList<int> labels)
    {
        var best = 1f;
        var bestLoss = double.MaxValue;
        for (var step = 0; step <= 190; step++)
        {
            var t = 0.5f + (step * 0.05f);
            double loss = 0;
            for (var i = 0; i < logits.Count; i++)
            {
                var p = (float[])logits[i].Clone();
                DenseMlp.Softmax(p, t);
                loss -= Math.Log(Math.Max(p[labels[i]], 1e-7f));
            }

            if (loss < bestLoss)
            {
                bestLoss = loss;
                best = t;
            }
        }

        return best;
    }

    /// <summary>The same model over another encoder of the same name (e.g. a <see cref="CachingSentenceEncoder"/> around it).</summary>
    public NliPairClassifier WithEncoder(ISentenceEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        StackedModelFile.RequireSameEncoder(Name, Encoder.Name, encoder.Name);
        return new NliPairClassifier(Name, encoder, _networks, Temperature, UsesWordNet, _stacker);
    }

    /// <summary>Loads a model written by <c>sitrep train nli</c>, to run over <paramref name="encoder"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not an NLI model, or was trained for another encoder.</exception>
    public static NliPairClassifier Load(string path, ISentenceEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        return From(StackedModelFile.Load(path, FileFormat, encoder.Name), encoder);
    }

    /// <summary>Writes the model.</summary>
    public void Save(string path) => StackedModelFile.Save(path, FileFormat, new(Name, Encoder.Name, UsesWordNet, Temperature, _networks, _stacker));

    private static NliPairClassifier LoadShipped(ISentenceEncoder encoder) =>
        From(StackedModelFile.LoadShipped(ShippedFileName, FileFormat, encoder.Name), encoder);

    private static NliPairClassifier From(StackedModelFile.Contents c, ISentenceEncoder encoder) =>
        new NliPairClassifier(c.Name, encoder, c.Networks, c.Temperature, c.Flag, c.Trees);

    /// <summary>The SICK label of <paramref name="relation"/> (ENTAILMENT, CONTRADICTION, NEUTRAL).</summary>
    public static string SickLabel(PairRelation relation) => relation switch
    {
        PairRelation.Entails => "ENTAILMENT",
        PairRelation.Contradicts => "CONTRADICTION",
        _ => "NEUTRAL",
    };
}
