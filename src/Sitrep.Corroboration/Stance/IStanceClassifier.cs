namespace Sitrep.Corroboration.Stance;

/// <summary>
/// Classifies the stance of a text toward a target claim (a headline, a source tweet, a proposition's label).
/// </summary>
/// <remarks>
/// Implementations are immutable once loaded and safe to call from several threads at once. Each scheme has its own
/// label set (<see cref="StanceSchemes"/>); <see cref="StancePrediction.Probabilities"/> follows the order of
/// <see cref="Labels"/>.
/// </remarks>
public interface IStanceClassifier
{
    /// <summary>Versioned component name stored with results, e.g. <c>stance.fnc1.mlp.v1</c>.</summary>
    string Name { get; }

    /// <summary>The labels this classifier chooses from, in the order of the probabilities it returns.</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>Returns the stance of <paramref name="text"/> toward <paramref name="target"/>.</summary>
    /// <param name="target">The claim or headline the text is judged against.</param>
    /// <param name="text">The article body, post or reply.</param>
    StancePrediction Classify(string target, string text);
}

/// <summary>The label sets of the two stance schemes.</summary>
public static class StanceSchemes
{
    /// <summary>FNC-1: an article body against a headline.</summary>
    public static IReadOnlyList<string> Fnc1 { get; } = ["agree", "disagree", "discuss", "unrelated"];

    /// <summary>RumourEval (SDQC): a post or reply toward the claim it answers.</summary>
    public static IReadOnlyList<string> Sdqc { get; } = ["support", "deny", "query", "comment"];
}

/// <summary>One stance decision with the probability of every label.</summary>
/// <param name="Label">The most probable label.</param>
/// <param name="Labels">All labels of the scheme.</param>
/// <param name="Probabilities">One probability per label, in the order of <paramref name="Labels"/>, summing to 1.</param>
public sealed record StancePrediction(string Label, IReadOnlyList<string> Labels, IReadOnlyList<float> Probabilities)
{
    /// <summary>The probability of <paramref name="label"/> (0 when the scheme has no such label).</summary>
    public float ProbabilityOf(string label)
    {
        for (var i = 0; i < Labels.Count; i++)
        {
            if (string.Equals(Labels[i], label, StringComparison.Ordinal))
            {
                return Probabilities[i];
            }
        }

        return 0f;
    }

    /// <summary>The probability of the chosen label.</summary>
    public float Confidence => ProbabilityOf(Label);

    internal static StancePrediction FromProbabilities(IReadOnlyList<string> labels, float[] probabilities)
    {
        var best = 0;
        for (var i = 1; i < probabilities.Length; i++)
        {
            if (probabilities[i] > probabilities[best])
            {
                best = i;
            }
        }

        return new StancePrediction(labels[best], labels, probabilities);
    }
}
