using System.Collections.Frozen;
using AnyAscii;

namespace Sitrep.Entities.Gazetteers;

/// <summary>
/// Latin forms of Russian and Ukrainian names, so that "Пригожин", "Пригожина" and "Prigozhin" are one person and
/// "Шойгу" is "Shoigu": a small gazetteer of exonyms that transliteration would get wrong ("Москва" is "Moscow",
/// "Вагнер" is "Wagner", "Киев" and "Київ" are "Kyiv"), else the AnyAscii transliteration of the word after the case
/// ending of a surname or place in -ин, -ов, -ев, -ын is removed ("Пригожину" → "Пригожин" → "Prigozhin").
/// </summary>
/// <remarks>
/// Only the surname and place endings are undone: a general stemmer would turn ordinary words into false names. The
/// spelling variants transliteration leaves (Evgenii / Yevgeny, Lukashenko / Lukashenka) are folded by
/// <c>NameForms.Fold</c> as for English texts.
/// </remarks>
public static class CyrillicNames
{
    /// <summary>Versioned name of the transliteration rules.</summary>
    public const string Name = "names.cyrillic.anyascii.v1";

    private static readonly FrozenDictionary<string, string> Exonyms = BuildExonyms();

    private static readonly string[] SurnameStems = ["ин", "ын", "ов", "ев", "ёв"];

    private static readonly string[] CaseEndings = ["ыми", "ими", "ым", "им", "ом", "ем", "ой", "ою", "а", "у", "е", "і"];

    /// <summary>True when the word holds a Cyrillic letter.</summary>
    public static bool IsCyrillic(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The Latin form of one word; a word without Cyrillic letters is returned as it is.</summary>
    public static string ToLatin(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (!IsCyrillic(word))
        {
            return word;
        }

        // Ukrainian є and ґ spell the sounds Russian writes е and г: "Пєсков" is "Песков", transliterated Peskov.
        word = word.Replace('є', 'е').Replace('Є', 'Е').Replace('ґ', 'г').Replace('Ґ', 'Г');
        var lower = word.ToLowerInvariant();
        if (Exonyms.TryGetValue(lower, out var exonym))
        {
            return exonym;
        }

        var stem = Nominative(word);
        if (Exonyms.TryGetValue(stem.ToLowerInvariant(), out exonym))
        {
            return exonym;
        }

        return stem.Transliterate();
    }

    /// <summary>True when the word (in any listed case) is in the exonym gazetteer: "Москве", "Кремль", "ЧВК".</summary>
    public static bool IsExonym(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Exonyms.ContainsKey(word.ToLowerInvariant());
    }

    /// <summary>Every word of a phrase in its Latin form, separated by single spaces.</summary>
    public static string PhraseToLatin(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        return IsCyrillic(phrase) ? string.Join(' ', phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ToLatin)) : phrase;
    }

    /// <summary>A capitalised surname or place in -ин, -ов, -ев with its case ending removed ("Пригожиным" → "Пригожин").</summary>
    public static string Nominative(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 5 || !char.IsUpper(word[0]))
        {
            return word;
        }

        foreach (var ending in CaseEndings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal) && word.Length - ending.Length >= 4)
            {
                var stem = word[..^ending.Length];
                if (SurnameStems.Any(s => stem.EndsWith(s, StringComparison.Ordinal)))
                {
                    return stem;
                }
            }
        }

        return word;
    }

    private static FrozenDictionary<string, string> BuildExonyms()
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (forms, latin) in new (string, string)[]
                 {
                     ("вагнер вагнера вагнеру вагнером вагнере вагнері", "Wagner"),
                     ("москва москвы москве москву москвой москві москвою москви", "Moscow"),
                     ("киев киева киеве киеву київ києва києві києву", "Kyiv"),
                     ("россия россии россию россией росія росії росію", "Russia"),
                     ("украина украины украине украину україна україни україні україну", "Ukraine"),
                     ("беларусь беларуси белоруссия белоруссии білорусь білорусі", "Belarus"),
                     ("минск минска минске мінськ мінська", "Minsk"),
                     ("кремль кремля кремле кремлі", "Kremlin"),
                     ("зеленский зеленского зеленський зеленського", "Zelensky"),
                     ("чвк пвк", "PMC"),
                     ("ростов-на-дону ростова-на-дону ростове-на-дону ростову-на-дону ростові-на-дону", "Rostov-on-Don"),
                     ("воронеж воронежа воронеже воронежем воронежу воронежская воронежской воронежскую воронезька воронезької воронезьку воронезькій", "Voronezh"),
                 })
        {
            foreach (var form in forms.Split(' '))
            {
                d[form] = latin;
            }
        }

        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
