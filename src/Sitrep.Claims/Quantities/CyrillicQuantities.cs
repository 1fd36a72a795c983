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
        ("тысяч", 1_000), ("тысячи", 1_000), ("тысяча", 1_000), ("тыс", 1_000), ("тисяч", 1_000), ("тисячі", 1_000), ("тисяча", 1_000), ("тис", 1_000),
        ("миллионов", 1_000_000), ("миллиона", 1_000_000), ("миллион", 1_000_000), ("млн", 1_000_000), ("мільйонів", 1_000_000), ("мільйона", 1_000_000), ("мільйон", 1_000_000),
        ("миллиардов", 1_000_000_000), ("миллиарда", 1_000_000_000), ("млрд", 1_000_000_000), ("мільярдів", 1_000_000_000),
    ];

    private static readonly (string Phrase, string Hedge)[] Hedges =
    [
        ("не более", "at most"), ("не больше", "at most"), ("не більше", "at most"), ("по меньшей мере", "at least"), ("по крайней мере", "at least"),
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
        ("километр", "km"), ("кілометр", "km"), ("км", "km"),
    ];

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

        if (j > last || words[j].Length == 0 || !char.IsDigit(words[j][0]))
        {
            return false;
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
        var plain = System.Text.RegularExpressions.Regex.IsMatch(digits, @"^\d{1,3}(,\d{3})+$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))
            ? digits.Replace(",", string.Empty, StringComparison.Ordinal)
            : digits.Replace(',', '.');
        if (!double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
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
}
