using Sitrep.Claims.Text;

using static Sitrep.Claims.Modality.EstimativeShorthand;

namespace Sitrep.Claims.Modality;

/// <summary>
/// Estimative phrases and their ICD 203 band: the standard terms and the non-standard phrasings analysts, bloggers and
/// forum posters use. Possibility modals (may, might, could, perhaps) map to roughly even chance by this project's
/// convention (docs in tests/gold/claims/README.md); first-person stance ("I think") maps to likely.
/// </summary>
internal static class EstimativeLexicon
{
    /// <summary>Phrase → band and style.</summary>
    public static PhraseTable<(LikelihoodBand Band, EstimativeStyle Style)> Phrases { get; } = new(
    [
        ("almost no chance", (NoChance, A)), ("virtually no chance", (NoChance, A)), ("no chance", (NoChance, A)),
        ("remote chance", (NoChance, A)), ("remote possibility", (NoChance, A)), ("remotely", (NoChance, A)), ("impossible", (NoChance, A)),
        ("no way", (NoChance, A)), ("not possible", (NoChance, A)),
        ("very unlikely", (VeryUnlikely, A)), ("highly unlikely", (VeryUnlikely, A)), ("extremely unlikely", (VeryUnlikely, A)),
        ("highly improbable", (VeryUnlikely, A)), ("very improbable", (VeryUnlikely, A)), ("very doubtful", (VeryUnlikely, A)),
        ("highly doubtful", (VeryUnlikely, A)), ("extremely doubtful", (VeryUnlikely, A)),
        ("unlikely", (Unlikely, A)), ("improbable", (Unlikely, A)), ("improbably", (Unlikely, A)), ("probably not", (Unlikely, A)),
        ("probably won't", (Unlikely, A)), ("doubtful", (Unlikely, A)), ("not likely", (Unlikely, A)), ("i doubt", (Unlikely, S)),
        ("roughly even chance", (Even, A)), ("roughly even odds", (Even, A)), ("roughly even", (Even, A)), ("even chance", (Even, A)),
        ("even odds", (Even, A)), ("50/50", (Even, A)), ("fifty-fifty", (Even, A)), ("toss-up", (Even, A)), ("coin flip", (Even, A)),
        ("may", (Even, P)), ("might", (Even, P)), ("could", (Even, P)), ("possibly", (Even, P)), ("possible", (Even, P)), ("perhaps", (Even, P)),
        ("maybe", (Even, P)), ("one possibility", (Even, P)), ("could be", (Even, P)),
        ("likely", (Likely, A)), ("probably", (Likely, A)), ("probable", (Likely, A)), ("apparently", (Likely, A)), ("seemingly", (Likely, A)),
        ("it seems", (Likely, A)), ("seems", (Likely, A)), ("seem", (Likely, A)), ("seemed", (Likely, A)), ("appears", (Likely, A)),
        ("appear", (Likely, A)), ("appeared to", (Likely, A)), ("i think", (Likely, S)), ("i believe", (Likely, S)), ("i suspect", (Likely, S)),
        ("i'd argue", (Likely, S)), ("i would argue", (Likely, S)), ("i guess", (Likely, S)), ("my guess", (Likely, S)), ("i reckon", (Likely, S)),
        ("very likely", (VeryLikely, A)), ("highly likely", (VeryLikely, A)), ("most likely", (VeryLikely, A)), ("highly probable", (VeryLikely, A)),
        ("very probably", (VeryLikely, A)), ("very probable", (VeryLikely, A)), ("pretty certain", (VeryLikely, A)), ("fairly certain", (VeryLikely, A)),
        ("quite certain", (VeryLikely, A)), ("reasonably certain", (VeryLikely, A)), ("pretty sure", (VeryLikely, A)), ("fairly sure", (VeryLikely, A)),
        ("must have", (VeryLikely, A)), ("must've", (VeryLikely, A)),
        ("almost certain", (Certain, A)), ("almost certainly", (Certain, A)), ("nearly certain", (Certain, A)), ("nearly certainly", (Certain, A)),
        ("virtually certain", (Certain, A)), ("100 % certain", (Certain, A)), ("100% certain", (Certain, A)), ("100 percent certain", (Certain, A)),
        ("certainly", (Certain, A)), ("definitely", (Certain, A)), ("undoubtedly", (Certain, A)), ("no doubt", (Certain, A)),
        ("without doubt", (Certain, A)), ("without a doubt", (Certain, A)), ("can be sure", (Certain, A)), ("can be certain", (Certain, A)),
        ("be certain", (Certain, A)), ("is certain", (Certain, A)), ("are certain", (Certain, A)), ("am certain", (Certain, A)),
        ("'m certain", (Certain, A)), ("'re certain", (Certain, A)), ("was certain", (Certain, A)), ("were certain", (Certain, A)),
        .. CyrillicEstimative.Phrases,
    ]);

    /// <summary>Hearsay markers.</summary>
    public static PhraseTable<bool> Hearsay { get; } = new(
    [
        ("reportedly", true), ("allegedly", true), ("purportedly", true), ("supposedly", true), ("reputedly", true), ("rumoured", true),
        ("rumored", true), ("is said to", true), ("are said to", true), ("was said to", true), ("were said to", true),
        ("is rumoured to", true), ("is rumored to", true), ("are already said to", true), ("is already said to", true),
        ("are widely said to", true), ("is widely said to", true), ("are also said to", true), ("is also said to", true),
        .. CyrillicEstimative.Hearsay,
    ]);
}
