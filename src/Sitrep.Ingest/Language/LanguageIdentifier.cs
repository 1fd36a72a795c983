using System.Collections.Frozen;

namespace Sitrep.Ingest.Language;

/// <summary>
/// Identifies the language of a text from its script and its most frequent function words, over a bounded sample.
/// </summary>
/// <remarks>
/// Function words separate the languages analysts meet most in open sources well from a few hundred words on, with
/// no model file: a Latin-script text is scored against stop-word lists of English, German, French, Spanish, Italian,
/// Dutch, Portuguese, Polish and Turkish; Cyrillic texts against Russian and Ukrainian (Ukrainian letters і, ї, є, ґ
/// decide); other scripts are named by script (Arabic, Hebrew, Greek, Chinese, Japanese, Korean). Returns null when
/// the text gives too little evidence.
/// </remarks>
public static class LanguageIdentifier
{
    /// <summary>Versioned name.</summary>
    public const string Name = "lang.stopwords.v1";

    private const int SampleChars = 20_000;
    private const int MinHits = 3;

    private static readonly (string Code, FrozenSet<string> Words)[] Latin =
    [
        ("en", Set("the of and to in is that for it was on with as by at from his her are this be have has not but they which were an or said would their been will who")),
        ("de", Set("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man")),
        ("fr", Set("le la les de des et en un une du est pour que qui dans par sur au pas plus ne se ce il elle sont avec ont été aux cette mais ou son sa ses nous vous leur")),
        ("es", Set("el la los las de del y en un una que es por con para se no su al lo como más pero sus le ya o fue este ha sí porque esta entre cuando muy sin sobre también")),
        ("it", Set("il lo la gli le di del della dei e è in un una che per con non si da al alla sono ha anche come più ma nel nella questo sua suo")),
        ("nl", Set("de het een en van in is dat op te voor met zijn niet aan er ook als bij door maar om dan nog wordt worden uit naar heeft hij zij")),
        ("pt", Set("o a os as de do da dos das e em um uma que é para com não por se na no mais como mas ao foi ele ela são seu sua ou quando muito também")),
        ("pl", Set("i w z na się nie do że to jest o jak po co ale od za przez dla tak są jego już który może było być")),
        ("tr", Set("ve bir bu da de için ile olarak çok daha gibi ne ama en kadar sonra olan var mı değil ise her")),
    ];

    // Each Latin-script function word with a bit per language whose list holds it, so one pass counts them all.
    private static readonly FrozenDictionary<string, int> LatinMasks = Latin
        .SelectMany((language, index) => language.Words.Select(w => (Word: w, Bit: 1 << index)))
        .GroupBy(p => p.Word, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.Aggregate(0, (mask, p) => mask | p.Bit), StringComparer.Ordinal);

    private static readonly FrozenSet<string> Russian = Set("и в не на что с по как это он а из к о у за от его то все так же для но был она было они бы ее мы вы");
    private static readonly FrozenSet<string> Ukrainian = Set("і в не на що з та як це він а із до про у за від його все так же для але був вона було вони б її ми ви");

    /// <summary>The ISO 639-1 code of the text's language, or null when it cannot be told.</summary>
    public static string? Identify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sample = text.AsSpan(0, Math.Min(text.Length, SampleChars));
        int latin = 0, cyrillic = 0, arabic = 0, hebrew = 0, greek = 0, cjk = 0, kana = 0, hangul = 0, ukrainianLetters = 0;
        foreach (var c in sample)
        {
            if (c < 'A')
            {
                continue;
            }

            if (c <= 'z' || (c >= '\u00C0' && c <= '\u024F'))
            {
                latin += char.IsLetter(c) ? 1 : 0;
            }
            else if (c >= '\u0400' && c <= '\u04FF')
            {
                cyrillic++;
                ukrainianLetters += c is 'і' or 'ї' or 'є' or 'ґ' or 'І' or 'Ї' or 'Є' or 'Ґ' ? 1 : 0;
            }
            else if (c >= '\u0600' && c <= '\u06FF')
            {
                arabic++;
            }
            else if (c >= '\u0590' && c <= '\u05FF')
            {
                hebrew++;
            }
            else if (c >= '\u0370' && c <= '\u03FF')
            {
                greek++;
            }
            else if (c >= '\u3040' && c <= '\u30FF')
            {
                kana++;
            }
            else if (c >= '\u4E00' && c <= '\u9FFF')
            {
                cjk++;
            }
            else if (c >= '\uAC00' && c <= '\uD7AF')
            {
                hangul++;
            }
        }

        var letters = latin + cyrillic + arabic + hebrew + greek + cjk + kana + hangul;
        if (letters < 20)
        {
            return null;
        }

        if (cyrillic * 2 > letters)
        {
            return ukrainianLetters * 200 > cyrillic || Count(sample, Ukrainian) > Count(sample, Russian) ? "uk" : "ru";
        }

        if (arabic * 2 > letters)
        {
            return "ar";
        }

        if (hebrew * 2 > letters)
        {
            return "he";
        }

        if (greek * 2 > letters)
        {
            return "el";
        }

        if (hangul * 2 > letters)
        {
            return "ko";
        }

        if (kana * 10 > letters)
        {
            return "ja";
        }

        if (cjk * 2 > letters)
        {
            return "zh";
        }

        Span<int> counts = stackalloc int[Latin.Length];
        CountLatin(sample, counts);
        string? best = null;
        int bestHits = 0, second = 0;
        for (var l = 0; l < Latin.Length; l++)
        {
            var hits = counts[l];
            if (hits > bestHits)
            {
                second = bestHits;
                bestHits = hits;
                best = Latin[l].Code;
            }
            else if (hits > second)
            {
                second = hits;
            }
        }

        return bestHits >= MinHits && bestHits > second ? best : null;
    }

    /// <summary>Counts, in one pass over the words, the hits of every Latin-script language's list.</summary>
    private static void CountLatin(ReadOnlySpan<char> text, Span<int> counts)
    {
        var lookup = LatinMasks.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[16];
        foreach (var word in Words(text))
        {
            var n = text.Slice(word.Start, word.Length).ToLowerInvariant(lower);
            if (n > 0 && lookup.TryGetValue(lower[..n], out var mask))
            {
                for (var l = 0; mask != 0; l++, mask >>= 1)
                {
                    counts[l] += mask & 1;
                }
            }
        }
    }

    /// <summary>The letter runs of <paramref name="text"/> of at most 16 characters, as (start, length).</summary>
    private static List<(int Start, int Length)> Words(ReadOnlySpan<char> text)
    {
        var words = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetter(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            if (i - start is > 0 and <= 16)
            {
                words.Add((start, i - start));
            }
        }

        return words;
    }

    private static int Count(ReadOnlySpan<char> text, FrozenSet<string> words)
    {
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[16];
        var hits = 0;
        foreach (var word in Words(text))
        {
            var n = text.Slice(word.Start, word.Length).ToLowerInvariant(lower);
            if (n > 0 && lookup.Contains(lower[..n]))
            {
                hits++;
            }
        }

        return hits;
    }

    private static FrozenSet<string> Set(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
