using System.Globalization;
using Sitrep.Claims.Quantities;
using Sitrep.Claims.Text;
using Sitrep.Syntax;

namespace Sitrep.Claims.Frames;

/// <summary>
/// Reads from the parse how many times a named holder did one thing: "Lena Ortiz married twice", "Ortiz was married three
/// times", "Ortiz has chaired the panel four times", "Ortiz retained the title for the fifth time". The count hangs from a
/// verb ("twice" as its adverb, "N times" as its nominal modifier, "for the Nth time" as its oblique); the holder is that
/// verb's subject (active or passive; a conjunct's shared subject), and must be a name: a pronoun or a common noun gives no
/// holder. What is counted is the holder's last name word, the verb's lemma and its object's lemma, so two counts meet
/// only when the parse says they are one holder doing one thing ("married" and "divorced" are two counts). A rate
/// ("twice a week"), a multiplier ("three times the size", "twice as many"), an addition ("two more times"), a vague
/// count ("several times") and "once" (also "formerly") give nothing; "at least", "more than", "nearly" are kept as bounds.
/// </summary>
internal static class OccasionReader
{
    /// <summary>The unit occasion counts are read in.</summary>
    public const string OccasionUnit = "times";

    private static readonly Dictionary<string, int> Adverbs = new(StringComparer.Ordinal) { ["twice"] = 2, ["thrice"] = 3 };

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["second"] = 2,
        ["third"] = 3,
        ["fourth"] = 4,
        ["fifth"] = 5,
        ["sixth"] = 6,
        ["seventh"] = 7,
        ["eighth"] = 8,
        ["ninth"] = 9,
        ["tenth"] = 10,
        ["eleventh"] = 11,
        ["twelfth"] = 12,
    };

    /// <summary>Words after a count that make it a rate, a multiplier or a comparison, not a number of occasions.</summary>
    private static readonly HashSet<string> NotAfter = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "as", "per", "each", "every", "more", "less", "that", "this", "over", "higher", "lower", "larger", "bigger",
        "smaller", "greater", "faster", "what", "its", "his", "her", "their", "daily", "weekly", "monthly", "yearly", "annually",
    };

    /// <summary>Day and month names, which the parser may take for a subject ("Sunday, for the second time, a player was …").</summary>
    private static readonly HashSet<string> TimeWords = new(StringComparer.Ordinal)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december", "today", "yesterday", "tonight",
    };

    /// <summary>The occasion counts of tokens <paramref name="first"/>..<paramref name="last"/> of a parsed sentence.</summary>
    public static IEnumerable<Measure> Read(ParsedSentence parse, SentenceWords words, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (Count(parse, words, first, i) is not var (n, from, to, verb) || verb < 0 || NotAfter.Contains(words[to + 1]) || char.IsDigit(words[to + 1].FirstOrDefault()))
            {
                continue;
            }

            if (parse[verb].Upos is not "VERB" || VerbNegation.Negated(parse, verb) || Holder(parse, words, verb) is not { } holder)
            {
                continue;
            }

            var obj = parse.DependentsOf(verb).FirstOrDefault(d => parse[d].Relation == "obj", -1);
            var counted = holder + " " + parse[verb].Lemma.ToLowerInvariant() + (obj >= 0 ? " " + parse[obj].Lemma.ToLowerInvariant() : string.Empty);
            var hedge = from > first ? words[from - 1] : string.Empty;
            var hedge2 = from - 1 > first ? words[from - 2] + " " + hedge : string.Empty;
            var (min, max, minEx, maxEx, start) = (hedge2, hedge) switch
            {
                ("at least", _) => (n, (double?)null, false, false, from - 2),
                ("more than", _) or ("over", _) => (n, null, true, false, from - 2),
                ("at most", _) or ("up to", _) => (0, n, false, false, from - 2),
                ("fewer than", _) or ("less than", _) => (0, n, false, true, from - 2),
                (_, "nearly" or "almost") => (n - 1, n, false, true, from - 1),
                (_, "about" or "around" or "some" or "roughly") => (n - 1, n + 1, false, false, from - 1),
                _ => (n, n, false, false, from),
            };
            var range = words.RangeOf(start, to);
            yield return new Measure(MeasureRoles.Occasions, counted, min, max, OccasionUnit, words.TextOf(start, to), range)
            {
                MinExclusive = minEx,
                MaxExclusive = maxEx,
            };
        }
    }

    /// <summary>
    /// The count written at word <paramref name="i"/>, the words it spans and the verb it hangs from: "twice" (its head),
    /// "three times" at "times" (the head of "times"), "for the fifth time" at "time".
    /// </summary>
    private static (int N, int From, int To, int Verb)? Count(ParsedSentence parse, SentenceWords words, int first, int i)
    {
        var w = words[i];
        if (Adverbs.TryGetValue(w, out var adverb))
        {
            return (adverb, i, i, parse[i].Head);
        }

        if (w == "times" && i > first && Number(words[i - 1]) is { } n)
        {
            return (n, i - 1, i, parse[i].Head);
        }

        // "for the fifth time": the ordinal is how many times, counting this one.
        if (w == "time" && i - 3 >= first && words[i - 3] == "for" && words[i - 2] == "the" && Ordinal(words[i - 1]) is { } nth)
        {
            return (nth, i - 3, i, parse[i].Head);
        }

        return null;
    }

    private static int? Number(string w) =>
        QuantityExtractor.NumberWord(w) is { } n && n >= 2 ? (int)n
        : int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 2 and < 1000 ? d
        : null;

    /// <summary>The value of an ordinal from "second" up ("fifth", "81st"); null for "first" and any other word.</summary>
    public static int? Ordinal(string w)
    {
        if (Ordinals.TryGetValue(w, out var n))
        {
            return n;
        }

        var digits = w.TakeWhile(char.IsDigit).Count();
        return digits > 0 && w[digits..] is "st" or "nd" or "rd" or "th"
            && int.TryParse(w.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 2 and < 1000 ? d : null;
    }

    /// <summary>
    /// True when the subject is a name: a proper noun, or a capitalised singular noun with no determiner or possessor, which
    /// English allows only of a name (the tagger reads a surname that is also a word, "Page", "Hunt", as a common noun).
    /// </summary>
    public static bool IsName(ParsedSentence parse, SentenceWords words, int subject) =>
        words.IsCapitalized(subject) && !TimeWords.Contains(words[subject])
        && (parse[subject].Upos == "PROPN"
            || (parse[subject].Upos == "NOUN" && parse[subject].Xpos == "NN"
                && !parse.DependentsOf(subject).Any(d => parse[d].Relation is "det" or "nmod:poss" or "det:poss" or "amod" or "nummod")));

    /// <summary>
    /// The last word of the name that is the verb's subject (or, for a conjunct without one, its first conjunct's), lower
    /// case; null when the subject is no name.
    /// </summary>
    private static string? Holder(ParsedSentence parse, SentenceWords words, int verb)
    {
        var subject = Subject.Of(parse, verb);
        if (subject < 0 || !IsName(parse, words, subject))
        {
            return null;
        }

        var end = Subject.NameEnd(parse, subject);
        return words.IsCapitalized(end) && words[end].Length > 1 ? words[end] : null;
    }
}
