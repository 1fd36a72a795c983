namespace Sitrep.Corroboration.Stance;

/// <summary>
/// FNC-1 stance of an article body toward a headline (agree, disagree, discuss, unrelated): <see cref="Fnc1Featurizer"/>
/// features into a one-hidden-layer <see cref="SparseMlp"/>. The shipped model is trained by <c>sitrep train stance</c>.
/// </summary>
public sealed class Fnc1StanceClassifier : IStanceClassifier
{
    /// <summary>The component name stored with results.</summary>
    public const string ComponentName = "stance.fnc1.mlp.v1";

    /// <summary>File name of the shipped model (an embedded resource of this assembly).</summary>
    public const string ShippedFileName = "stance-fnc1.bin.gz";

    private static readonly Lazy<Fnc1StanceClassifier> Shipped = new(() => Load(ModelFile.OpenEmbedded(ShippedFileName)));

    internal Fnc1StanceClassifier(Fnc1Featurizer featurizer, SparseMlp network)
    {
        Featurizer = featurizer;
        Network = network;
    }

    /// <inheritdoc/>
    public string Name => ComponentName;

    /// <inheritdoc/>
    public IReadOnlyList<string> Labels => StanceSchemes.Fnc1;

    /// <summary>The featurizer (use <see cref="Fnc1Featurizer.Prepare"/> to analyse a body once for many headlines).</summary>
    public Fnc1Featurizer Featurizer { get; }

    internal SparseMlp Network { get; }

    /// <summary>The model shipped inside this assembly (loaded once, then shared: the classifier is immutable).</summary>
    public static Fnc1StanceClassifier Default => Shipped.Value;

    /// <inheritdoc/>
    public StancePrediction Classify(string target, string text)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(text);
        return Classify(Featurizer.Prepare(target), Featurizer.Prepare(text));
    }

    /// <summary>Classifies texts already prepared by <see cref="Featurizer"/>.</summary>
    public StancePrediction Classify(PreparedText headline, PreparedText body) =>
        StancePrediction.FromProbabilities(Labels, Network.Predict(Featurizer.Featurize(headline, body)));

    /// <summary>Writes the model to <paramref name="path"/>.</summary>
    public void Save(string path) => ModelFile.Save(path, ComponentName, writer =>
    {
        Featurizer.Vocabulary.Write(writer);
        Network.Write(writer);
    });

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static Fnc1StanceClassifier Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static Fnc1StanceClassifier Load(Stream stream) => ModelFile.Load(stream, ComponentName, reader =>
    {
        var featurizer = new Fnc1Featurizer(Vocabulary.Read(reader));
        var network = SparseMlp.Read(reader);
        if (network.Inputs != featurizer.Dimension || network.Classes != StanceSchemes.Fnc1.Count)
        {
            throw new InvalidDataException($"The network ({network.Inputs} inputs, {network.Classes} classes) does not fit the features ({featurizer.Dimension}).");
        }

        return new Fnc1StanceClassifier(featurizer, network);
    });
}
