using Sitrep.Corroboration.Propositions;

namespace Sitrep.Corroboration.Stance;

/// <summary>
/// The stance a Russian or Ukrainian reply states in its opening words: support ("Согласен", "Подтверждаю", "Так і є"),
/// denial ("Фейк", "Неправда", "Брехня", "Это не так") or a query ("Источник?", "Пруфы?", "Звідки інформація?"). Rules:
/// the shipped stance models were trained on English tweets and headlines and see Cyrillic words as unknown.
/// </summary>
internal static class CyrillicStanceCues
{
    private static readonly string[] Support =
    [
        "согласен", "согласна", "согласен.", "подтверждаю", "так и есть", "именно", "верно", "точно так", "да, это правда", "да, так",
        "правда.", "+1", "згоден", "згодна", "підтверджую", "так і є", "саме так", "вірно", "правда, ", "так, це правда",
    ];

    private static readonly string[] Deny =
    [
        "фейк", "неправда", "ложь", "враньё", "вранье", "брехня", "чушь", "бред", "это не так", "не верю", "не согласен", "не согласна",
        "нет,", "нет.", "опровергаю", "неправда.", "це не так", "не вірю", "не згоден", "не згодна", "ні,", "ні.", "маячня", "дурниці",
    ];

    private static readonly string[] DenyPhrases =
    [
        "это фейк", "это ложь", "это неправда", "не соответствует действительности", "такого не было", "ничего такого не было",
        "це фейк", "це брехня", "це неправда", "не відповідає дійсності", "такого не було",
    ];

    private static readonly string[] Query =
    [
        "источник?", "источник ", "пруфы", "пруф?", "откуда информация", "откуда инфа", "это правда?", "правда?", "серьёзно?", "серьезно?",
        "кто сказал", "джерело?", "джерело ", "пруфи", "звідки інформація", "звідки інфа", "це правда?", "серйозно?", "хто сказав",
    ];

    /// <summary>The stance the lower-case opening of a Cyrillic reply states, or null.</summary>
    public static StanceKind? Of(string lower)
    {
        if (Support.Any(c => StartsWith(lower, c)))
        {
            return StanceKind.Support;
        }

        if (Deny.Any(c => StartsWith(lower, c)) || DenyPhrases.Any(p => lower.Contains(p, StringComparison.Ordinal)))
        {
            return StanceKind.Deny;
        }

        return Query.Any(c => StartsWith(lower, c)) ? StanceKind.Query : null;
    }

    private static bool StartsWith(string text, string cue) =>
        text.StartsWith(cue, StringComparison.Ordinal) && (text.Length == cue.Length || !char.IsLetter(text[cue.Length]) || !char.IsLetter(cue[^1]));
}
