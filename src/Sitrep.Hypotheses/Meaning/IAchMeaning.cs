namespace Sitrep.Hypotheses.Meaning;

/// <summary>
/// What ACH needs to read meaning: a sentence pair model (does the evidence entail or contradict the hypothesis?) and
/// sentence vectors (are two hypotheses the same idea?). The engine backs it with the MiniLM encoder and pair
/// classifier; tests use a fake, so no model is loaded in unit tests.
/// </summary>
public interface IAchMeaning
{
    /// <summary>The name of the pair model, written into every rating's reason.</summary>
    string Name { get; }

    /// <summary>For each (premise, hypothesis) pair, the probabilities that the premise entails and contradicts it.</summary>
    /// <remarks>Must be thread-safe and return one result per pair, in order.</remarks>
    IReadOnlyList<PairProbabilities> Judge(IReadOnlyList<(string Premise, string Hypothesis)> pairs, CancellationToken cancellationToken = default);

    /// <summary>L2-normalised vectors of the sentences (or single words), one per input, in order.</summary>
    IReadOnlyList<float[]> Encode(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default);
}

/// <summary>What the pair model says of one evidence × hypothesis pair.</summary>
/// <param name="Entails">P(the premise entails the hypothesis).</param>
/// <param name="Contradicts">P(the premise contradicts the hypothesis).</param>
public readonly record struct PairProbabilities(double Entails, double Contradicts);

/// <summary>Cosine of L2-normalised vectors.</summary>
public static class Vectors
{
    /// <summary>The dot product of two vectors of equal length (the cosine when both are L2-normalised).</summary>
    public static double Cosine(float[] a, float[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        double dot = 0;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            dot += a[i] * b[i];
        }

        return dot;
    }
}
