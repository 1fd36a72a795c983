using Sitrep.Documents;

namespace Sitrep.Claims.Modality;

/// <summary>The seven likelihood bands of ICD 203 (Analytic Standards), lowest to highest.</summary>
public enum LikelihoodBand
{
    /// <summary>Almost no chance / remote: 1–5 %.</summary>
    AlmostNoChance,

    /// <summary>Very unlikely / highly improbable: 5–20 %.</summary>
    VeryUnlikely,

    /// <summary>Unlikely / improbable: 20–45 %.</summary>
    Unlikely,

    /// <summary>Roughly even chance / roughly even odds: 45–55 %.</summary>
    RoughlyEvenChance,

    /// <summary>Likely / probable: 55–80 %.</summary>
    Likely,

    /// <summary>Very likely / highly probable: 80–95 %.</summary>
    VeryLikely,

    /// <summary>Almost certain / nearly certain: 95–99 %.</summary>
    AlmostCertain,
}

/// <summary>The probability range and names of each <see cref="LikelihoodBand"/>.</summary>
public static class LikelihoodBands
{
    /// <summary>Lower probability of a band.</summary>
    public static double Low(LikelihoodBand band) => band switch
    {
        LikelihoodBand.AlmostNoChance => 0.01,
        LikelihoodBand.VeryUnlikely => 0.05,
        LikelihoodBand.Unlikely => 0.20,
        LikelihoodBand.RoughlyEvenChance => 0.45,
        LikelihoodBand.Likely => 0.55,
        LikelihoodBand.VeryLikely => 0.80,
        _ => 0.95,
    };

    /// <summary>Upper probability of a band.</summary>
    public static double High(LikelihoodBand band) => band switch
    {
        LikelihoodBand.AlmostNoChance => 0.05,
        LikelihoodBand.VeryUnlikely => 0.20,
        LikelihoodBand.Unlikely => 0.45,
        LikelihoodBand.RoughlyEvenChance => 0.55,
        LikelihoodBand.Likely => 0.80,
        LikelihoodBand.VeryLikely => 0.95,
        _ => 0.99,
    };

    /// <summary>The wire name (<c>almost_no_chance</c> … <c>almost_certain</c>).</summary>
    public static string Name(LikelihoodBand band) => band switch
    {
        LikelihoodBand.AlmostNoChance => "almost_no_chance",
        LikelihoodBand.VeryUnlikely => "very_unlikely",
        LikelihoodBand.Unlikely => "unlikely",
        LikelihoodBand.RoughlyEvenChance => "even",
        LikelihoodBand.Likely => "likely",
        LikelihoodBand.VeryLikely => "very_likely",
        _ => "almost_certain",
    };

    /// <summary>Parses a wire name; null when unknown.</summary>
    public static LikelihoodBand? Parse(string? name) => name switch
    {
        "almost_no_chance" => LikelihoodBand.AlmostNoChance,
        "very_unlikely" => LikelihoodBand.VeryUnlikely,
        "unlikely" => LikelihoodBand.Unlikely,
        "even" => LikelihoodBand.RoughlyEvenChance,
        "likely" => LikelihoodBand.Likely,
        "very_likely" => LikelihoodBand.VeryLikely,
        "almost_certain" => LikelihoodBand.AlmostCertain,
        _ => null,
    };
}

/// <summary>How an estimative phrase expresses likelihood; decides the claim's kind.</summary>
public enum EstimativeStyle
{
    /// <summary>Analytic estimative language: likely, very likely, almost certain, probably, it seems.</summary>
    Analytic,

    /// <summary>Possibility modals: may, might, could, perhaps, maybe, possibly.</summary>
    Possibility,

    /// <summary>First-person stance: I think, I believe, I'd argue.</summary>
    Stance,

    /// <summary>
    /// A casual or narrative hedge ("seems" in a comment, "seemed to" in narration): it softens the statement but is
    /// no analytic judgment, so it maps to no ICD 203 band where a likelihood is reported (the brief).
    /// </summary>
    Hedge,
}

/// <summary>The estimative phrase of a claim and the band it maps to.</summary>
/// <param name="Band">ICD 203 band.</param>
/// <param name="Term">The phrase as written.</param>
/// <param name="Range">Where it is written.</param>
/// <param name="Style">Analytic, possibility or first-person stance.</param>
public sealed record Likelihood(LikelihoodBand Band, string Term, TextRange Range, EstimativeStyle Style)
{
    /// <summary>Lower probability.</summary>
    public double Low => LikelihoodBands.Low(Band);

    /// <summary>Upper probability.</summary>
    public double High => LikelihoodBands.High(Band);

    /// <summary>True when the phrase is an analytic estimate, possibility or stance that maps to an ICD 203 band; false for a casual hedge.</summary>
    public bool IsEstimative => Style != EstimativeStyle.Hedge;
}

/// <summary>A hearsay marker ("reportedly", "allegedly"): the writer passes the claim on without vouching for it.</summary>
/// <param name="Term">The marker as written.</param>
/// <param name="Range">Where it is written.</param>
public sealed record Hearsay(string Term, TextRange Range);
