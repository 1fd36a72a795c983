using System.Collections.Frozen;
using System.Globalization;
using Sitrep.Claims.Text;

namespace Sitrep.Claims.Quantities;

/// <summary>
/// Russian and Ukrainian quantities: "25 тысяч бойцов", "около 25 тыс. военных", "понад 8 000 бійців", "1,5 млн рублей".
/// The number keeps its original text and range; what it counts is given the English noun the measure rules know
/// ("бойцов" → "fighters"), so a Russian post's figure is compared with the English ones.
/// </summary>
internal static class CyrillicQuantities
{
    private static readonly (string Word, double Scale)[] Scales =
    [
        ("тысяч", 1_000), ("тысячи", 1_000), ("тысяча", 1_000), ("тысячу", 1_000), ("тысячах", 1_000), ("тысячами", 1_000), ("тыс", 1_000), ("тисяч", 1_000), ("тисячі", 1_000), ("тисяча", 1_000), ("тисячу", 1_000), ("тис", 1_000),
        ("миллионов", 1_000_000), ("миллиона", 1_000_000), ("миллион", 1_000_000), ("млн", 1_000_000), ("мільйонів", 1_000_000), ("мільйона", 1_000_000), ("мільйон", 1_000_000),
        ("миллиардов", 1_000_000_000), ("миллиарда", 1_000_000_000), ("млрд", 1_000_000_000), ("мільярдів", 1_000_000_000),
    ];

    private static readonly (string Phrase, string Hedge)[] Hedges =
    [
        ("более чем", "more than"), ("больше чем", "more than"), ("не меньше", "at least"), ("как максимум", "at most"), ("максимум", "at most"),
        ("не более чем", "at most"), ("не больше чем", "at most"), ("не более", "at most"), ("не больше", "at most"), ("не більше", "at most"), ("по меньшей мере", "at least"), ("по крайней мере", "at least"),
        ("не менее", "at least"), ("не менше", "at least"), ("как минимум", "at least"), ("щонайменше", "at least"), ("минимум", "at least"),
        ("более", "more than"), ("больше", "more than"), ("свыше", "more than"), ("понад", "more than"), ("більше", "more than"), ("більш ніж", "more than"),
        ("около", "about"), ("примерно", "about"), ("приблизно", "about"), ("близько", "about"), ("порядка", "about"),
        ("почти", "nearly"), ("майже", "nearly"), ("до", "up to"), ("менее", "less than"), ("менше", "less than"),
    ];

    // Stems of counted nouns, and the English noun the measure rules read them as.
    private static readonly (string Stem, string English)[] Nouns =
    [
        ("бойц", "fighters"), ("бійц", "fighters"), ("боевик", "militants"), ("бойовик", "militants"),
        ("наемник", "mercenaries"), ("найманц", "mercenaries"), ("найманц", "mercenaries"),
        ("солдат", "soldiers"), ("военнослужащ", "servicemen"), ("військовослужбовц", "servicemen"),
        ("военных", "troops"), ("военные", "troops"), ("військових", "troops"), ("військові", "troops"),
        ("человек", "people"), ("людей", "people"), ("осіб", "people"), ("особи", "people"), ("мирных", "civilians"), ("мирних", "civilians"),
        ("рубл", "rubles"), ("долл", "dollars"), ("гривен", "hryvnias"), ("гривн", "hryvnias"),
        ("километр", "km"), ("кілометр", "km"), ("км", "km"), ("лётчик", "airmen"), ("летчик", "airmen"), ("льотчик", "airmen"),
        ("пилот", "pilots"), ("пілот", "pilots"), ("погибш", "dead"), ("загибл", "dead"), ("убитых", "dead"), ("вбитих", "dead"),
        ("раненых", "wounded"), ("поранених", "wounded"), ("полицейск", "police"), ("поліцейськ", "police"),
    ];

    // Number words in the nominative and the genitive (the case after "около", "более", "до", "не менее").
    private static readonly FrozenDictionary<string, double> NumberWords = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["один"] = 1,
        ["одна"] = 1,
        ["одного"] = 1,
        ["одной"] = 1,
        ["одну"] = 1,
        ["однієї"] = 1,
        ["два"] = 2,
        ["две"] = 2,
        ["двух"] = 2,
        ["дві"] = 2,
        ["двох"] = 2,
        ["три"] = 3,
        ["трёх"] = 3,
        ["трех"] = 3,
        ["трьох"] = 3,
        ["четыре"] = 4,
        ["четырёх"] = 4,
        ["четырех"] = 4,
        ["чотири"] = 4,
        ["чотирьох"] = 4,
        ["пять"] = 5,
        ["пяти"] = 5,
        ["п'ять"] = 5,
        ["п'яти"] = 5,
        ["шесть"] = 6,
        ["шести"] = 6,
        ["шість"] = 6,
        ["семь"] = 7,
        ["семи"] = 7,
        ["сім"] = 7,
        ["восемь"] = 8,
        ["восьми"] = 8,
        ["вісім"] = 8,
        ["девять"] = 9,
        ["девяти"] = 9,
        ["дев'ять"] = 9,
        ["дев'яти"] = 9,
        ["десять"] = 10,
        ["десяти"] = 10,
        ["одиннадцать"] = 11,
        ["одиннадцати"] = 11,
        ["одинадцять"] = 11,
        ["одинадцяти"] = 11,
        ["двенадцать"] = 12,
        ["двенадцати"] = 12,
        ["дванадцять"] = 12,
        ["дванадцяти"] = 12,
        ["тринадцать"] = 13,
        ["тринадцати"] = 13,
        ["тринадцять"] = 13,
        ["тринадцяти"] = 13,
        ["четырнадцать"] = 14,
        ["четырнадцати"] = 14,
        ["чотирнадцять"] = 14,
        ["чотирнадцяти"] = 14,
        ["пятнадцать"] = 15,
        ["пятнадцати"] = 15,
        ["п'ятнадцять"] = 15,
        ["п'ятнадцяти"] = 15,
        ["шестнадцать"] = 16,
        ["шестнадцати"] = 16,
        ["шістнадцять"] = 16,
        ["шістнадцяти"] = 16,
        ["семнадцать"] = 17,
        ["семнадцати"] = 17,
        ["сімнадцять"] = 17,
        ["сімнадцяти"] = 17,
        ["восемнадцать"] = 18,
        ["восемнадцати"] = 18,
        ["вісімнадцять"] = 18,
        ["вісімнадцяти"] = 18,
        ["девятнадцать"] = 19,
        ["девятнадцати"] = 19,
        ["дев'ятнадцять"] = 19,
        ["дев'ятнадцяти"] = 19,
        ["двадцать"] = 20,
        ["двадцати"] = 20,
        ["двадцять"] = 20,
        ["двадцяти"] = 20,
        ["тридцать"] = 30,
        ["тридцати"] = 30,
        ["тридцять"] = 30,
        ["тридцяти"] = 30,
        ["сорок"] = 40,
        ["сорока"] = 40,
        ["пятьдесят"] = 50,
        ["пятидесяти"] = 50,
        ["п'ятдесят"] = 50,
        ["п'ятдесяти"] = 50,
        ["шестьдесят"] = 60,
        ["шестидесяти"] = 60,
        ["шістдесят"] = 60,
        ["шістдесяти"] = 60,
        ["семьдесят"] = 70,
        ["семидесяти"] = 70,
        ["сімдесят"] = 70,
        ["сімдесяти"] = 70,
        ["восемьдесят"] = 80,
        ["восьмидесяти"] = 80,
        ["вісімдесят"] = 80,
        ["вісімдесяти"] = 80,
        ["девяносто"] = 90,
        ["девяноста"] = 90,
        ["дев'яносто"] = 90,
        ["дев'яноста"] = 90,
        ["сто"] = 100,
        ["ста"] = 100,
        ["двести"] = 200,
        ["двухсот"] = 200,
        ["двісті"] = 200,
        ["двохсот"] = 200,
        ["триста"] = 300,
        ["трёхсот"] = 300,
        ["трехсот"] = 300,
        ["трьохсот"] = 300,
        ["четыреста"] = 400,
        ["четырёхсот"] = 400,
        ["четырехсот"] = 400,
        ["чотириста"] = 400,
        ["чотирьохсот"] = 400,
        ["пятьсот"] = 500,
        ["пятисот"] = 500,
        ["п'ятсот"] = 500,
        ["п'ятисот"] = 500,
        ["шестьсот"] = 600,
        ["шестисот"] = 600,
        ["шістсот"] = 600,
        ["семьсот"] = 700,
        ["семисот"] = 700,
        ["сімсот"] = 700,
        ["восемьсот"] = 800,
        ["восьмисот"] = 800,
        ["вісімсот"] = 800,
        ["девятьсот"] = 900,
        ["девятисот"] = 900,
        ["дев'ятсот"] = 900,

        // The prepositional case of the hundreds ("в двухстах километрах"); tens and units share the genitive's form.
        ["двухстах"] = 200,
        ["трёхстах"] = 300,
        ["трехстах"] = 300,
        ["четырёхстах"] = 400,
        ["четырехстах"] = 400,
        ["пятистах"] = 500,
        ["шестистах"] = 600,
        ["семистах"] = 700,
        ["восьмистах"] = 800,
        ["девятистах"] = 900,
        ["двохстах"] = 200,
        ["трьохстах"] = 300,
        ["чотирьохстах"] = 400,
        ["п'ятистах"] = 500,
        ["полтора"] = 1.5,
        ["полторы"] = 1.5,
        ["полутора"] = 1.5,
        ["півтора"] = 1.5,
        ["півтори"] = 1.5,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Vague amounts, read as the English ones are (ACLED: dozens = 12, hundreds = 100, thousands = 1000); after a hedge the
    // same word is a single hundred or thousand ("до сотни", "более тысячи").
    private static readonly (string Phrase, double Value)[] Vague =
    [
        ("десятки тысяч", 10_000), ("десятков тысяч", 10_000), ("сотни тысяч", 100_000), ("сотен тысяч", 100_000),
        ("десятки тисяч", 10_000), ("десятків тисяч", 10_000), ("сотні тисяч", 100_000), ("сотень тисяч", 100_000),
        ("десятки", 12), ("десятков", 12), ("десятків", 12), ("сотни", 100), ("сотен", 100), ("сотню", 100), ("сотні", 100), ("сотень", 100),
        ("тысячи", 1_000), ("тысяч", 1_000), ("тысячу", 1_000), ("тисячі", 1_000), ("тисяч", 1_000), ("тисячу", 1_000),
        ("миллионы", 1_000_000), ("миллионов", 1_000_000), ("мільйони", 1_000_000), ("мільйонів", 1_000_000),
    ];

    // A number before these is a date, not an amount: "до 24 июня", "в 2023 году".
    private static readonly string[] DateWords =
    [
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря",
        "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня",
        "года", "году", "год", "г", "року", "рік", "р", "числа", "часов", "часа", "часу", "годин", "години",
    ];

    /// <summary>True when the number at <paramref name="i"/> is followed by a Cyrillic word: the English rules do not read it.</summary>
    public static bool BeforeCyrillic(SentenceWords words, int i) => words[i].Length > 0 && char.IsDigit(words[i][0]) && IsCyrillic(words[i + 1]);

    /// <summary>True when the word is written in Cyrillic letters.</summary>
    public static bool IsCyrillic(string word) => word.Length > 0 && word[0] is >= '\u0400' and <= '\u04FF';

    /// <summary>True when most of the sentence's words are Cyrillic: the English check-worthiness model cannot judge it.</summary>
    public static bool MostlyCyrillic(SentenceWords words)
    {
        int cyrillic = 0, letters = 0;
        for (var k = 0; k < words.Count; k++)
        {
            if (words.IsWord(k))
            {
                letters++;
                cyrillic += IsCyrillic(words[k]) ? 1 : 0;
            }
        }

        return cyrillic * 2 > letters;
    }

    /// <summary>
    /// A quantity starting at word <paramref name="i"/> (its hedge, or its number), with its last word; false when none
    /// starts there or when nothing Cyrillic is around it (English text is left to the English rules).
    /// </summary>
    public static bool TryRead(SentenceWords words, int i, int last, out double value, out string? unit, out string? hedge, out int end)
    {
        value = 0;
        unit = null;
        hedge = null;
        end = i;
        var j = i;
        foreach (var (phrase, meaning) in Hedges)
        {
            var parts = phrase.Split(' ');
            if (j + parts.Length <= last && parts.Select((p, k) => words[j + k] == p).All(b => b))
            {
                hedge = meaning;
                j += parts.Length;
                break;
            }
        }

        if (j > last || words[j].Length == 0)
        {
            return false;
        }

        if (!char.IsDigit(words[j][0]))
        {
            return TryWords(words, i, j, last, ref hedge, out value, out unit, out end);
        }

        // "25 000": a group of three digits after a number is its thousands separator, as Russian writes it.
        var digits = words[j];
        var k = j;
        while (k + 1 <= last && words[k + 1].Length == 3 && words[k + 1].All(char.IsDigit) && words.Tokens[k + 1].Start - words.Tokens[k].End == 1
               && digits.Replace(",", string.Empty, StringComparison.Ordinal).Length <= 3)
        {
            digits += words[++k];
        }

        // "25,000" groups thousands; "1,5" is a decimal comma, as Russian and Ukrainian write it.
        var plain = GroupsThousands(digits)
            ? digits.Replace(",", string.Empty, StringComparison.Ordinal)
            : digits.Replace(',', '.');
        if (!double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        if (k + 1 <= last && Array.IndexOf(DateWords, words[k + 1]) >= 0)
        {
            return false;
        }

        var scaled = false;
        if (k + 1 <= last && Array.FindIndex(Scales, s => s.Word == words[k + 1]) is var scale and >= 0)
        {
            value *= Scales[scale].Scale;
            k++;
            scaled = true;
            if (k + 1 <= last && words[k + 1] == "." && words.Tokens[k + 1].Start == words.Tokens[k].End)
            {
                k++;
            }
        }

        return Finish(words, i, k, last, scaled, hedge, ref unit, out end);
    }

    /// <summary>The counted noun after word <paramref name="k"/>, and whether what was read is a quantity at all.</summary>
    private static bool Finish(SentenceWords words, int i, int k, int last, bool scaled, string? hedge, ref string? unit, out int end)
    {
        end = i;
        var nounAt = k + 1;
        if (nounAt <= last && IsCyrillic(words[nounAt]) && Nouns.FirstOrDefault(n => words[nounAt].StartsWith(n.Stem, StringComparison.Ordinal)).English is { } english)
        {
            unit = english;
            k = nounAt;
        }
        else if (!scaled && hedge is null)
        {
            return false;
        }
        else if (!Enumerable.Range(Math.Max(0, i - 3), Math.Min(words.Count, k + 4) - Math.Max(0, i - 3)).Any(w => IsCyrillic(words[w])))
        {
            return false;
        }

        end = k;
        return true;
    }

    /// <summary>
    /// A quantity written in words from word <paramref name="j"/> (after the hedge, if any): "двадцать пять тысяч бойцов",
    /// "около двухсот километров", "полторы тысячи человек", or a vague amount ("десятки погибших", "сотни тысяч").
    /// </summary>
    private static bool TryWords(SentenceWords words, int i, int j, int last, ref string? hedge, out double value, out string? unit, out int end)
    {
        value = 0;
        unit = null;
        end = i;
        foreach (var (phrase, amount) in Vague)
        {
            var parts = phrase.Split(' ');
            if (j + parts.Length - 1 <= last && parts.Select((p, n) => Fold(words[j + n]) == p).All(b => b) && (j == 0 || !NumberWords.ContainsKey(Fold(words[j - 1]))))
            {
                // "тысячи бойцов" are thousands; "более тысячи бойцов" is more than one thousand.
                value = amount;
                hedge ??= "vague";
                return Finish(words, i, j + parts.Length - 1, last, scaled: true, hedge, ref unit, out end);
            }
        }

        var at = j;
        var total = 0d;
        var group = 0d;
        var read = false;
        while (at <= last && NumberWords.TryGetValue(Fold(words[at]), out var n))
        {
            // Words compose from the largest part down ("двести двадцать пять"); a larger part after a smaller ends the number.
            if (read && n >= LastPart(group))
            {
                break;
            }

            group += n;
            read = true;
            at++;
            if (at <= last && Array.FindIndex(Scales, s => s.Word == words[at]) is var scale and >= 0)
            {
                total += (group == 0 ? 1 : group) * Scales[scale].Scale;
                group = 0;
                at++;
                if (at <= last && words[at] == "." && words.Tokens[at].Start == words.Tokens[at - 1].End)
                {
                    at++;
                }
            }
        }

        if (!read)
        {
            return false;
        }

        value = total + group;
        var k2 = at - 1;
        if (value == 1 && total == 0 && hedge is null)
        {
            return false; // "один из", "одна колонна": "one" counts nothing on its own
        }

        if (k2 + 1 <= last && Array.IndexOf(DateWords, words[k2 + 1]) >= 0)
        {
            return false;
        }

        return Finish(words, i, k2, last, total > 0, hedge, ref unit, out end);
    }

    private static double LastPart(double group) => group switch
    {
        >= 100 => group % 100 == 0 ? 100 : group % 10 == 0 ? 10 : 1,
        >= 20 => group % 10 == 0 ? 10 : 1,
        > 0 => 1,
        _ => double.MaxValue,
    };

    /// <summary>Ukrainian writes its apostrophe as ' or ’ or ʼ; the tables use '.</summary>
    private static string Fold(string word) => word.Contains('ʼ', StringComparison.Ordinal) ? word.Replace('ʼ', '\'') : word;

    /// <summary>
    /// Whether <paramref name="digits"/> is one to three digits followed by groups of a comma and three digits
    /// ("25,000", "1,250,000"), checked by hand: a pattern with a wall-clock time-out could fail on a loaded machine.
    /// </summary>
    private static bool GroupsThousands(string digits)
    {
        var first = digits.IndexOf(',', StringComparison.Ordinal);
        if (first < 1 || first > 3)
        {
            return false;
        }

        for (var i = 0; i < digits.Length; i++)
        {
            var fromFirst = i - first;
            var comma = fromFirst >= 0 && fromFirst % 4 == 0;
            if (comma ? digits[i] != ',' : !char.IsAsciiDigit(digits[i]))
            {
                return false;
            }
        }

        return (digits.Length - first) % 4 == 0;
    }
}
