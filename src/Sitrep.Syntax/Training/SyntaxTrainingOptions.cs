using System.Globalization;

namespace Sitrep.Syntax.Training;

/// <summary>Settings of <see cref="SyntaxTrainer"/>; the defaults are those of the shipped model, chosen on EWT dev.</summary>
public sealed record SyntaxTrainingOptions
{
    /// <summary>Passes of the tagger over the training data.</summary>
    public int TaggerEpochs { get; init; } = 6;

    /// <summary>Passes of the parser over the training data.</summary>
    public int ParserEpochs { get; init; } = 12;

    /// <summary>Folds for the jackknifed tags the parser trains on (0: train on gold tags).</summary>
    public int JackknifeFolds { get; init; } = 5;

    /// <summary>From this parser epoch (1-based) on, training follows the model's own wrong moves with probability <see cref="ExploreProbability"/>.</summary>
    public int ExploreFromEpoch { get; init; } = 2;

    /// <summary>Probability of following the model's own move after a mistake (dynamic oracle exploration).</summary>
    public double ExploreProbability { get; init; } = 0.9;

    /// <summary>Averaged weights smaller than this are dropped from the tagger.</summary>
    public float TaggerPrune { get; init; } = 0.5f;

    /// <summary>Averaged weights smaller than this are dropped from the parser.</summary>
    public float ParserPrune { get; init; } = 1.0f;

    /// <summary>
    /// After quantisation, weights of fewer than this many 16-bit steps are dropped from both the tagger and the parser
    /// (0: none): a smaller table stays in cache better, which is most of the parser's speed.
    /// </summary>
    public int PruneSteps { get; init; } = 700;

    /// <summary>Whether the tagger and parser read the shipped word clusters (<c>Models/word-clusters.tsv.gz</c>).</summary>
    public bool WordClusters { get; init; } = true;

    /// <summary>Seed of the shuffles and of exploration.</summary>
    public int Seed { get; init; } = 13;

    /// <summary>The model description for these settings and a training file (what <c>sitrep train ud</c> stores).</summary>
    public string Describe(string trainingFile) => string.Create(
        CultureInfo.InvariantCulture,
        $"{SyntaxModel.ComponentName}; trained on {Path.GetFileName(trainingFile)}; tagger {TaggerEpochs} epochs, parser {ParserEpochs} epochs, {JackknifeFolds} jackknife folds, prune {ParserPrune}, prune steps {PruneSteps}, word clusters {(WordClusters ? "yes" : "no")}, seed {Seed}");
}
