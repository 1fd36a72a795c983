using System.Globalization;
using Sitrep.Claims.Text;

namespace Sitrep.Claims.Worthiness;

/// <summary>
/// The cheap lexical features of the check-worthiness model: lower-case words and word pairs, plus a few shape
/// features (a number, a per cent, a capitalised word inside the sentence, first and second person, length). No word
/// vectors: the whole judgment costs one pass over the tokens.
/// </summary>
internal static class WorthinessFeatures
{
    /// <summary>Feature names of tokens <paramref name="first"/>..<paramref name="last"/> of a sentence, each once.</summary>
    public static HashSet<string> Of(SentenceWords words, int first, int last, bool pairs)
    {
        var features = new HashSet<string>(StringComparer.Ordinal) { "$bias" };
        var previous = "<s>";
        var wordCount = 0;
        for (var i = first; i <= last; i++)
        {
            var w = words[i];
            if (w.Length == 0)
            {
                continue;
            }

            var isNumber = char.IsDigit(w[0]);
            var token = isNumber ? "<num>" : w;
            if (words.IsWord(i) || isNumber)
            {
                wordCount++;
                features.Add(token);
                if (pairs)
                {
                    features.Add(previous + " " + token);
                }

                previous = token;
            }

            if (isNumber)
            {
                features.Add("$number");
            }
            else if (w is "%" or "percent" or "per" && (w != "per" || words[i + 1] == "cent"))
            {
                features.Add("$percent");
            }
            else if (words.IsCapitalized(i) && i > first && words[i - 1] is not "." and not "\"" and not "“")
            {
                features.Add("$capital");
            }
            else if (w is "i" or "me" or "my" or "we" or "us" or "our")
            {
                features.Add("$first-person");
            }
            else if (w is "you" or "your")
            {
                features.Add("$second-person");
            }
        }

        if (pairs && wordCount > 0)
        {
            features.Add(previous + " </s>");
        }

        features.Add("$len:" + LengthBucket(wordCount).ToString(CultureInfo.InvariantCulture));
        return features;
    }

    private static int LengthBucket(int words) => words switch
    {
        <= 3 => 0,
        <= 6 => 1,
        <= 10 => 2,
        <= 20 => 3,
        <= 35 => 4,
        _ => 5,
    };
}
