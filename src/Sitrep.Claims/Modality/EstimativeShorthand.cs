namespace Sitrep.Claims.Modality;

/// <summary>
/// Short names for the ICD 203 bands and the styles of an estimative phrase, so the phrase tables
/// (<see cref="EstimativeLexicon"/>, <see cref="CyrillicEstimative"/>) read one entry a phrase. Imported with
/// <c>using static</c>.
/// </summary>
internal static class EstimativeShorthand
{
    internal const LikelihoodBand NoChance = LikelihoodBand.AlmostNoChance;
    internal const LikelihoodBand VeryUnlikely = LikelihoodBand.VeryUnlikely;
    internal const LikelihoodBand Unlikely = LikelihoodBand.Unlikely;
    internal const LikelihoodBand Even = LikelihoodBand.RoughlyEvenChance;
    internal const LikelihoodBand Likely = LikelihoodBand.Likely;
    internal const LikelihoodBand VeryLikely = LikelihoodBand.VeryLikely;
    internal const LikelihoodBand Certain = LikelihoodBand.AlmostCertain;
    internal const EstimativeStyle A = EstimativeStyle.Analytic;
    internal const EstimativeStyle P = EstimativeStyle.Possibility;
    internal const EstimativeStyle S = EstimativeStyle.Stance;
}
