namespace Sitrep.Meaning.Pairs;

/// <summary>How a hypothesis stands to a premise.</summary>
public enum PairRelation
{
    /// <summary>The premise makes the hypothesis true.</summary>
    Entails,

    /// <summary>Both cannot be true of the same event.</summary>
    Contradicts,

    /// <summary>Neither follows from nor rules out the other (or they are unrelated).</summary>
    Neutral,
}

/// <summary>The classifier's calibrated probabilities that a premise entails, contradicts or is neutral to a hypothesis.</summary>
/// <param name="Entails">P(entails).</param>
/// <param name="Contradicts">P(contradicts).</param>
/// <param name="Neutral">P(neutral).</param>
public readonly record struct PairJudgment(float Entails, float Contradicts, float Neutral)
{
    /// <summary>The most probable relation.</summary>
    public PairRelation Relation =>
        Contradicts > Entails && Contradicts >= Neutral ? PairRelation.Contradicts
        : Entails >= Neutral ? PairRelation.Entails
        : PairRelation.Neutral;

    /// <summary>The probability of <see cref="Relation"/>.</summary>
    public float Confidence => Math.Max(Entails, Math.Max(Contradicts, Neutral));

    /// <summary>The probability of <paramref name="relation"/>.</summary>
    public float Probability(PairRelation relation) => relation switch
    {
        PairRelation.Entails => Entails,
        PairRelation.Contradicts => Contradicts,
        _ => Neutral,
    };
}

/// <summary>A premise and a hypothesis with their sentence vectors already computed (for batch judging).</summary>
/// <param name="Premise">The premise text.</param>
/// <param name="PremiseVector">Its vector from the classifier's encoder.</param>
/// <param name="Hypothesis">The hypothesis text.</param>
/// <param name="HypothesisVector">Its vector from the classifier's encoder.</param>
public sealed record EncodedPair(string Premise, float[] PremiseVector, string Hypothesis, float[] HypothesisVector);
