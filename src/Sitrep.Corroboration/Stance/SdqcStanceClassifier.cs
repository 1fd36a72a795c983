namespace Sitrep.Corroboration.Stance;

/// <summary>
/// RumourEval (SDQC) stance of a post toward the claim it answers: support, deny, query or comment.
/// <see cref="SdqcFeaturizer"/> features into a one-hidden-layer <see cref="SparseMlp"/>; the shipped model is trained
/// by <c>sitrep train stance</c> on the RumourEval 2017 train split.
/// </summary>
/// <remarks>
/// Deny is rare (8% of the training tweets) and the networks almost never make it the most probable label, so a reply
/// that rejects what it answers in so many words (<see cref="SdqcFeaturizer.HasDenialCue"/>) is labelled deny as soon
/// as its deny probability reaches <see cref="DenyThreshold"/>, a threshold chosen by leave-one-event-out
/// cross-validation on the training split (<see cref="Training.SdqcTrainer"/>).
/// </remarks>
public sealed class SdqcStanceClassifier : IStanceClassifier
{
    /// <summary>The component name stored with results.</summary>
    public const string ComponentName = "stance.sdqc.mlp.v3";

    /// <summary>File name of the shipped model (an embedded resource of this assembly).</summary>
    public const string ShippedFileName = "stance-sdqc.bin.gz";

    private static readonly Lazy<SdqcStanceClassifier> Shipped = new(() => Load(ModelFile.OpenEmbedded(ShippedFileName)));

    internal SdqcStanceClassifier(SdqcFeaturizer featurizer, IReadOnlyList<SparseMlp> networks, float denyThreshold)
    {
        Featurizer = featurizer;
        Networks = networks;
        DenyThreshold = denyThreshold;
    }

    /// <summary>
    /// The deny probability from which a reply with an explicit denial cue is labelled deny (positive infinity: never).
    /// </summary>
    public float DenyThreshold { get; }

    /// <inheritdoc/>
    public string Name => ComponentName;

    /// <inheritdoc/>
    public IReadOnlyList<string> Labels => StanceSchemes.Sdqc;

    /// <summary>The featurizer.</summary>
    public SdqcFeaturizer Featurizer { get; }

    /// <summary>Networks trained from different seeds; their probabilities are averaged (the data is small and single runs vary).</summary>
    internal IReadOnlyList<SparseMlp> Networks { get; }

    /// <summary>The model shipped inside this assembly (loaded once, then shared: the classifier is immutable).</summary>
    public static SdqcStanceClassifier Default => Shipped.Value;

    /// <summary>Classifies <paramref name="text"/> as a direct reply to <paramref name="target"/> (depth 1).</summary>
    public StancePrediction Classify(string target, string text)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(text);
        return Classify(new SdqcContext(text, target, target, 1));
    }

    /// <summary>Classifies a post in its thread (source, parent, depth).</summary>
    public StancePrediction Classify(SdqcContext post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var x = Featurizer.Featurize(post);
        var mean = new float[Labels.Count];
        foreach (var network in Networks)
        {
            var p = network.Predict(x);
            for (var i = 0; i < mean.Length; i++)
            {
                mean[i] += p[i] / Networks.Count;
            }
        }

        var prediction = StancePrediction.FromProbabilities(Labels, mean);
        return !post.IsSource && prediction.Label != Deny && mean[DenyIndex] >= DenyThreshold && SdqcFeaturizer.HasDenialCue(post.Text)
            ? prediction with { Label = Deny }
            : prediction;
    }

    /// <summary>The same networks with another <see cref="DenyThreshold"/>.</summary>
    internal SdqcStanceClassifier WithDenyThreshold(float threshold) => new(Featurizer, Networks, threshold);

    private const string Deny = "deny";
    private const int DenyIndex = 1;

    /// <summary>Writes the model to <paramref name="path"/>.</summary>
    public void Save(string path) => ModelFile.Save(path, ComponentName, writer =>
    {
        Featurizer.Vocabulary.Write(writer);
        writer.Write((int)Featurizer.Embedding);
        if (Featurizer.Vectors is { } vectors)
        {
            writer.Write(Featurizer.EmbeddingScale);
            vectors.Write(writer);
        }

        writer.Write(Networks.Count);
        foreach (var network in Networks)
        {
            network.Write(writer);
        }

        writer.Write(DenyThreshold);
    });

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static SdqcStanceClassifier Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static SdqcStanceClassifier Load(Stream stream) => ModelFile.Load(stream, ComponentName, reader =>
    {
        var vocabulary = Vocabulary.Read(reader);
        var embedding = (SdqcOptionalFeatures)reader.ReadInt32();
        if (((int)embedding & ~0x3F) != 0)
        {
            throw new InvalidDataException($"Unknown embedding features {(int)embedding}.");
        }

        var scale = 1f;
        WordVectors? vectors = null;
        if (SdqcFeaturizer.NeedsVectors(embedding))
        {
            scale = reader.ReadSingle();
            if (!float.IsFinite(scale) || scale <= 0 || scale > 1000)
            {
                throw new InvalidDataException($"Implausible embedding scale {scale}.");
            }

            vectors = WordVectors.Read(reader);
        }

        var featurizer = new SdqcFeaturizer(vocabulary, vectors, embedding, scale);
        var count = reader.ReadInt32();
        if (count is < 1 or > 64)
        {
            throw new InvalidDataException($"Implausible ensemble size {count}.");
        }

        var networks = new SparseMlp[count];
        for (var i = 0; i < count; i++)
        {
            var network = SparseMlp.Read(reader);
            if (network.Inputs != featurizer.Dimension || network.Classes != StanceSchemes.Sdqc.Count)
            {
                throw new InvalidDataException($"The network ({network.Inputs} inputs, {network.Classes} classes) does not fit the features ({featurizer.Dimension}).");
            }

            networks[i] = network;
        }

        var denyThreshold = reader.ReadSingle();
        if (float.IsNaN(denyThreshold) || denyThreshold < 0)
        {
            throw new InvalidDataException($"Implausible deny threshold {denyThreshold}.");
        }

        return new SdqcStanceClassifier(featurizer, networks, denyThreshold);
    });
}
