using System.Collections.Frozen;
using System.Globalization;
using Sitrep.Claims.Text;

namespace Sitrep.Claims.Quantities;

/// <summary>
/// Finds quantities in a claim: digits and number words with their scale ("1.5 million", "fifty thousand"), the hedge
/// before them and the noun they count. Vague amounts follow the ACLED convention (dozens = 12, hundreds = 100,
/// thousands = 1000). Years, days of a month, clock times, ordinals, hyphenated forms (31-year-old, F-16s),
/// durations before "ago"/"later", "several" and "one" are not quantities.
/// </summary>
internal static class QuantityExtractor
{
    private static readonly FrozenDictionary<string, double> Units = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["zero"] = 0,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["seventy"] = 70,
        ["eighty"] = 80,
        ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, double> Scales = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["hundred"] = 100,
        ["thousand"] = 1_000,
        ["million"] = 1_000_000,
        ["billion"] = 1_000_000_000,
        ["m"] = 1_000_000,
        ["bn"] = 1_000_000_000,
        ["k"] = 1_000,
        ["mln"] = 1_000_000,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly PhraseTable<string> Hedges = new(
    [
        ("at least", "at least"), ("at most", "at most"), ("more than", "more than"), ("over", "over"), ("under", "under"),
        ("less than", "less than"), ("fewer than", "fewer than"), ("about", "about"), ("around", "around"), ("approximately", "approximately"),
        ("roughly", "roughly"), ("nearly", "nearly"), ("almost", "almost"), ("some", "some"), ("up to", "up to"), ("an estimated", "an estimated"),
        ("as many as", "as many as"), ("as few as", "as few as"), ("as little as", "as little as"), ("close to", "close to"),
        ("upwards of", "upwards of"), ("just over", "just over"), ("just under", "just under"), ("no fewer than", "no fewer than"),
        ("no more than", "no more than"), ("no less than", "no less than"), ("estimated", "an estimated"), ("approx", "approximately"),
        ("almost exactly", "almost"), ("well over", "more than"), ("a further", null!), ("another", null!),
    ]);

    private static readonly PhraseTable<double> Vague = new(
    [
        ("tens of thousands", 10_000), ("hundreds of thousands", 100_000), ("tens of millions", 10_000_000), ("hundreds of millions", 100_000_000), ("dozens", 12), ("a dozen", 12), ("dozen", 12), ("hundreds", 100),
        ("thousands", 1_000), ("millions", 1_000_000),
    ]);

    private static readonly FrozenSet<string> TimeUnits = Words.Set(
        "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "second", "minute", "hour", "day", "week", "month", "year");

    private static readonly FrozenSet<string> Currency = Words.Set("$", "£", "€", "¥", "₽", "us$");

    /// <summary>The value of a number written as one word ("two" … "twelve", the teens and the tens), or null.</summary>
    public static double? NumberWord(string w) => Units.TryGetValue(w, out var value) ? value : null;

    /// <summary>The quantities of tokens <paramref name="first"/>..<paramref name="last"/>.</summary>
    public static IReadOnlyList<Quantity> Extract(SentenceWords words, int first, int last)
    {
        List<Quantity>? found = null;

        // The Cyrillic rules read a quantity only where a word of the sentence is Cyrillic: an English sentence skips
        // them (they split their phrase tables and run a regular expression at every word).
        var cyrillic = false;
        for (var w = 0; w < words.Count && !cyrillic; w++)
        {
            cyrillic = CyrillicQuantities.IsCyrillic(words[w]);
        }

        for (var i = first; i <= last; i++)
        {
            if (cyrillic && CyrillicQuantities.TryRead(words, i, last, out var cyrillicValue, out var cyrillicUnit, out var cyrillicHedge, out var cyrillicEnd))
            {
                (found ??= []).Add(Make(words, i, cyrillicEnd, cyrillicValue, cyrillicUnit, cyrillicHedge));
                i = cyrillicEnd;
                continue;
            }

            if (cyrillic && CyrillicQuantities.BeforeCyrillic(words, i))
            {
                continue; // "24 июня", "2023 года": what the Cyrillic rules leave is not an English amount either
            }

            string? hedge = null;
            var start = i;
            var j = i;
            if (Hedges.Match(words, i) is { } h && i + h.Length <= last)
            {
                hedge = h.Value;
                j = i + h.Length;
            }

            string? currency = null;
            if (Currency.Contains(words[j]) && j + 1 <= last)
            {
                currency = words[j];
                j++;
            }

            if (Vague.Match(words, j) is { } v && hedge is null && currency is null)
            {
                var end = j + v.Length - 1;
                if (words[end + 1] == "of")
                {
                    end++;
                }

                var unit = UnitAfter(words, end + 1, last, out var unitEnd);
                (found ??= []).Add(Make(words, start, Math.Max(end, unitEnd), v.Value, unit, "vague"));
                i = Math.Max(end, unitEnd);
                continue;
            }

            if (!TryNumber(words, j, last, out var value, out var numberEnd) || IsExcluded(words, j, numberEnd, hedge, currency))
            {
                continue;
            }

            var after = numberEnd + 1;
            string? unitWord;
            var quantityEnd = numberEnd;
            if (currency is not null)
            {
                unitWord = currency;
            }
            else if (words[after] is "%" or "percent" or "per")
            {
                if (words[after + 1] is "certain" or "sure" or "confident")
                {
                    i = after + 1;
                    continue; // "100% certain" is a likelihood, not a quantity
                }

                unitWord = words[after] == "per" && words[after + 1] == "cent" ? "percent" : words[after];
                quantityEnd = words[after] == "per" ? after + 1 : after;
            }
            else
            {
                unitWord = UnitAfter(words, after, last, out var unitEnd);
                if (unitWord is not null)
                {
                    quantityEnd = unitEnd;
                }

                // "1 World Trade Center": a number inside a proper name counts nothing.
                if (unitWord is not null && words.IsCapitalized(after) && words.IsCapitalized(unitEnd) && !IsPlural(unitWord))
                {
                    i = quantityEnd;
                    continue;
                }
            }

            if (unitWord is not null && TimeUnits.Contains(unitWord) && words[quantityEnd + 1] is "ago" or "later" or "earlier" or "before" or "after")
            {
                i = quantityEnd;
                continue;
            }

            (found ??= []).Add(Make(words, start, quantityEnd, value, unitWord, hedge));
            i = quantityEnd;
        }

        return found ?? (IReadOnlyList<Quantity>)[];
    }

    private static Quantity Make(SentenceWords words, int start, int end, double value, string? unit, string? hedge) =>
        new(value, unit, hedge, words.TextOf(start, end), words.RangeOf(start, end));

    private static bool IsExcluded(SentenceWords words, int first, int last, string? hedge, string? currency)
    {
        if (hedge is not null || currency is not null || first != last)
        {
            return false;
        }

        var w = words[first];
        if (first > 1 && words[first - 1] == "," && words[first + 1] == "," && words.IsCapitalized(first - 2))
        {
            return true; // an age after a name: "Taylor Chandler, 41, told …"
        }

        if (w.Length == 4 && w.All(char.IsDigit) && w[0] is '1' or '2')
        {
            return true; // a year
        }

        // A day of a month: "16 July", "July 16".
        return w.Length <= 2 && (Words.Months.Contains(words[first + 1]) || (first > 0 && Words.Months.Contains(words[first - 1])));
    }

    private static bool TryNumber(SentenceWords words, int i, int last, out double value, out int end)
    {
        value = 0;
        end = i;
        if (i > last)
        {
            return false;
        }

        var w = words[i];
        if (w.Length > 0 && char.IsDigit(w[0]))
        {
            if (!IsPlainNumber(w) || !double.TryParse(w.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                return false;
            }
        }
        else if (Units.TryGetValue(w, out var unitValue))
        {
            value = unitValue;
        }
        else if (w.Contains('-', StringComparison.Ordinal) && Units.TryGetValue(w[..w.IndexOf('-', StringComparison.Ordinal)], out var tens)
                 && Units.TryGetValue(w[(w.IndexOf('-', StringComparison.Ordinal) + 1)..], out var ones) && tens >= 20 && ones < 10)
        {
            value = tens + ones; // twenty-five
        }
        else
        {
            return false;
        }

        // Scales multiply: "fifty thousand", "1.5 million", "two hundred thousand".
        while (end + 1 <= last && Scales.TryGetValue(words[end + 1], out var scale))
        {
            if (scale == 100 && value >= 100)
            {
                break;
            }

            value = scale == 100 ? value * 100 : value * scale;
            end++;
        }

        return true;
    }

    private static bool IsPlainNumber(string w)
    {
        foreach (var c in w)
        {
            if (!char.IsDigit(c) && c != ',' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The noun counted: among up to three following words (stopping at function words, adverbs and verbs), the first
    /// plural noun, else the last word.
    /// </summary>
    private static string? UnitAfter(SentenceWords words, int from, int last, out int end)
    {
        end = from - 1;
        string? unit = null;
        for (var k = from; k <= Math.Min(last, from + 2); k++)
        {
            var w = words[k];
            if (!words.IsWord(k) || Words.Function.Contains(w) || Words.Auxiliaries.Contains(w) || (k > from && Words.IsVerbLike(w))
                || (w.Length >= 5 && w.EndsWith("ed", StringComparison.Ordinal) && !(k + 1 <= last && IsPlural(words[k + 1]))) || (w.Length > 4 && w.EndsWith("ly", StringComparison.Ordinal)))
            {
                break;
            }

            unit = w;
            end = k;
            if (IsPlural(w))
            {
                break;
            }
        }

        return unit;
    }

    private static readonly FrozenSet<string> IrregularPlurals = Words.Set(
        "people", "men", "women", "children", "police", "personnel", "staff", "feet", "cattle", "militia", "troops", "aircraft", "infantry");

    private static bool IsPlural(string w) =>
        IrregularPlurals.Contains(w) || (w.Length > 3 && w[^1] == 's' && w[^2] != 's' && w[^2] != 'u' && w[^2] != 'i');
}
