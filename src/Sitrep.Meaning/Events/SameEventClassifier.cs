using Sitrep.Meaning.Encoding;
using Sitrep.Meaning.Pairs;

namespace Sitrep.Meaning.Events;

/// <summary>
/// Judges whether two sentences tell the same happening or two different happenings of one kind (two earthquakes,
/// two arrests): a small network over their MiniLM vectors and cheap cues (numbers, dates, names shared or clashing),
/// trained on ECB+ event coreference by <c>sitrep train events</c>.
/// </summary>
/// <remarks>
/// Symmetric: <c>Judge(a, b) == Judge(b, a)</c>. Thread-safe and immutable; <see cref="Default"/> loads the shipped
/// model and the shared encoder once. Trained on news sentences of one topic that both mention an event; pairs of
/// unrelated topics were never shown to it, so callers should first make sure the sentences are about the same kind of event.
/// </remarks>
public sealed class SameEventClassifier
{
    /// <summary>The shipped model's file name under <c>src/Sitrep.Meaning/Models/</c>.</summary>
    public const string ShippedFileName = "same-event-minilm.bin.gz";

    private const string Magic = "SITREP-SAME-EVENT";
    private static readonly StackedModelFile.Format FileFormat = new(Magic, FormatVersion, SameEventFeatures.LayoutVersion, "same-event", "sitrep train events", HasFlag: false, MinNetworks: 0);

    private const int FormatVersion = 1;

    private static readonly Lazy<SameEventClassifier> Shipped = new(() => LoadShipped(MiniLmSentenceEncoder.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly DenseMlp[] _networks;
    private readonly BoostedTrees? _trees;

    internal SameEventClassifier(string name, ISentenceEncoder encoder, IReadOnlyList<DenseMlp> networks, BoostedTrees? trees, float temperature)
    {
        Name = name;
        Encoder = encoder;
        _networks = [.. networks];
        _trees = trees;
        Temperature = temperature;
        if ((_networks.Length == 0 && trees is null) || !(temperature > 0) || _networks.Any(n => n.Inputs != SameEventFeatures.Length(encoder.Dimensions) || n.Classes != 2)
            || (trees is not null && (trees.Inputs != TreeInputs(encoder.Dimensions, _networks.Length > 0) || trees.Classes != 2)))
        {
            throw new InvalidDataException($"The model's networks do not fit encoder '{encoder.Name}' ({SameEventFeatures.Length(encoder.Dimensions)} inputs, 2 classes) or its temperature {temperature} is not positive.");
        }
    }

    /// <summary>The shipped model over <see cref="MiniLmSentenceEncoder.Default"/>, loaded on first use.</summary>
    public static SameEventClassifier Default => Shipped.Value;

    /// <summary>Versioned component name for stored results, e.g. <c>events.same.minilm-mlp.v1</c>.</summary>
    public string Name { get; }

    /// <summary>The encoder whose vectors the model was trained on; the vector overloads need vectors from it.</summary>
    public ISentenceEncoder Encoder { get; }

    /// <summary>The softmax temperature fitted at training time.</summary>
    public float Temperature { get; }

    /// <summary>P(same event) for two sentences, encoding both.</summary>
    public float Judge(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var vectors = Encoder.Encode([a, b]);
        return Judge(a, vectors[0], b, vectors[1]);
    }

    /// <summary>P(same event) for many pairs, encoding every distinct sentence once.</summary>
    public float[] Judge(IReadOnlyList<(string A, string B)> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var sentences = pairs.SelectMany(p => new[] { p.A ?? string.Empty, p.B ?? string.Empty }).Distinct(StringComparer.Ordinal).ToArray();
        var vectors = Encoder.Encode(sentences, cancellationToken);
        var index = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < sentences.Length; i++)
        {
            index[sentences[i]] = vectors[i];
        }

        return pairs.Select(p => Judge(p.A ?? string.Empty, index[p.A ?? string.Empty], p.B ?? string.Empty, index[p.B ?? string.Empty])).ToArray();
    }

    /// <summary>P(same event) for two sentences whose vectors (from <see cref="Encoder"/>, or a cache of it) are known already.</summary>
    public float Judge(string a, ReadOnlySpan<float> aVector, string b, ReadOnlySpan<float> bVector)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var logits = Logits(SameEventFeatures.Features(a, aVector, b, bVector));
        DenseMlp.Softmax(logits, Temperature);
        return logits[1];
    }

    /// <summary>Inputs of the trees: the networks' mean logits when there are networks, then the cosine and the cues.</summary>
    internal static int TreeInputs(int dimensions, bool withNetworks) => (withNetworks ? 2 : 0) + 1 + SameEventFeatures.Names.Length;

    internal static float[] TreeFeatures(float[]? networkLogits, float[] features, int dimensions)
    {
        var tail = features.AsSpan(2 * dimensions);
        var x = new float[(networkLogits?.Length ?? 0) + tail.Length];
        networkLogits?.CopyTo(x, 0);
        tail.CopyTo(x.AsSpan(networkLogits?.Length ?? 0));
        return x;
    }

    internal float[] Logits(float[] features)
    {
        var logits = _networks.Length > 0 ? NliPairClassifier.Logits(_networks, features) : null;
        return _trees is null ? logits! : _trees.Logits(TreeFeatures(logits, features, Encoder.Dimensions));
    }

    /// <summary>P(same event) for each pair of sentences whose vectors are known already.</summary>
    public float[] Judge(IReadOnlyList<(string A, float[] AVector, string B, float[] BVector)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return pairs.Select(p => Judge(p.A, p.AVector, p.B, p.BVector)).ToArray();
    }

    /// <summary>The same model over another encoder of the same name (e.g. a <see cref="CachingSentenceEncoder"/> around it).</summary>
    public SameEventClassifier WithEncoder(ISentenceEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        StackedModelFile.RequireSameEncoder(Name, Encoder.Name, encoder.Name);
        return new SameEventClassifier(Name, encoder, _networks, _trees, Temperature);
    }

    /// <summary>Loads a model written by <c>sitrep train events</c>, to run over <paramref name="encoder"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a same-event model, or was trained for another encoder.</exception>
    public static SameEventClassifier Load(string path, ISentenceEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        return From(StackedModelFile.Load(path, FileFormat, encoder.Name), encoder);
    }

    /// <summary>Writes the model.</summary>
    public void Save(string path) => StackedModelFile.Save(path, FileFormat, new(Name, Encoder.Name, false, Temperature, _networks, _trees));

    private static SameEventClassifier LoadShipped(ISentenceEncoder encoder) =>
        From(StackedModelFile.LoadShipped(ShippedFileName, FileFormat, encoder.Name), encoder);

    private static SameEventClassifier From(StackedModelFile.Contents c, ISentenceEncoder encoder) =>
        new SameEventClassifier(c.Name, encoder, c.Networks, c.Trees, c.Temperature);
}
