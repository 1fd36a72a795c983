using static Sitrep.Claims.Modality.EstimativeShorthand;

namespace Sitrep.Claims.Modality;

/// <summary>
/// Russian and Ukrainian estimative phrases and hearsay markers, mapped to the ICD 203 bands the English ones use:
/// "почти наверняка" / "майже напевно" (almost certain), "скорее всего" / "швидше за все" (very likely), "вероятно" /
/// "ймовірно" (likely), "возможно" / "можливо" (roughly even chance), "вряд ли" / "навряд чи" (unlikely); hearsay:
/// "якобы" / "нібито", "по неподтверждённым данным" / "за непідтвердженими даними", "по слухам" / "за чутками".
/// A word list, not a model: no estimative corpus exists for these languages.
/// </summary>
internal static class CyrillicEstimative
{
    /// <summary>Phrase → band and style.</summary>
    public static IReadOnlyList<(string Phrase, (LikelihoodBand Band, EstimativeStyle Style) Value)> Phrases { get; } =
    [
        ("почти наверняка", (Certain, A)), ("практически наверняка", (Certain, A)), ("несомненно", (Certain, A)), ("безусловно", (Certain, A)),
        ("без сомнения", (Certain, A)), ("майже напевно", (Certain, A)), ("безсумнівно", (Certain, A)), ("без сумніву", (Certain, A)),
        ("наверняка", (VeryLikely, A)), ("скорее всего", (VeryLikely, A)), ("вероятнее всего", (VeryLikely, A)), ("весьма вероятно", (VeryLikely, A)),
        ("очень вероятно", (VeryLikely, A)), ("высоко вероятно", (VeryLikely, A)), ("швидше за все", (VeryLikely, A)), ("найімовірніше", (VeryLikely, A)),
        ("дуже ймовірно", (VeryLikely, A)), ("цілком імовірно", (VeryLikely, A)),
        ("вероятно", (Likely, A)), ("по всей видимости", (Likely, A)), ("по-видимому", (Likely, A)), ("видимо", (Likely, A)),
        ("судя по всему", (Likely, A)), ("похоже", (Likely, A)), ("кажется", (Likely, A)), ("наверное", (Likely, S)),
        ("ймовірно", (Likely, A)), ("імовірно", (Likely, A)), ("мабуть", (Likely, A)), ("напевно", (Likely, A)), ("схоже", (Likely, A)),
        ("здається", (Likely, A)), ("судячи з усього", (Likely, A)), ("я думаю", (Likely, S)), ("я считаю", (Likely, S)), ("я вважаю", (Likely, S)),
        ("возможно", (Even, P)), ("может быть", (Even, P)), ("не исключено", (Even, P)), ("вполне возможно", (Even, P)),
        ("можливо", (Even, P)), ("може бути", (Even, P)), ("не виключено", (Even, P)), ("цілком можливо", (Even, P)),
        ("маловероятно", (Unlikely, A)), ("вряд ли", (Unlikely, A)), ("едва ли", (Unlikely, A)), ("сомнительно", (Unlikely, A)),
        ("малоймовірно", (Unlikely, A)), ("навряд чи", (Unlikely, A)), ("сумнівно", (Unlikely, A)),
        ("крайне маловероятно", (VeryUnlikely, A)), ("очень маловероятно", (VeryUnlikely, A)), ("вкрай малоймовірно", (VeryUnlikely, A)),
        ("дуже малоймовірно", (VeryUnlikely, A)),
        ("исключено", (NoChance, A)), ("виключено", (NoChance, A)),
    ];

    /// <summary>Hearsay markers.</summary>
    public static IReadOnlyList<(string Phrase, bool Value)> Hearsay { get; } =
    [
        ("якобы", true), ("будто бы", true), ("по неподтверждённым данным", true), ("по неподтвержденным данным", true),
        ("по непроверенным данным", true), ("по слухам", true), ("предположительно", true), ("как сообщается", true), ("сообщается", true),
        ("говорят", true), ("дескать", true), ("нібито", true), ("начебто", true), ("буцімто", true), ("за неперевіреними даними", true),
        ("за непідтвердженими даними", true), ("за чутками", true), ("повідомляється", true), ("як повідомляється", true), ("кажуть", true),
    ];
}
