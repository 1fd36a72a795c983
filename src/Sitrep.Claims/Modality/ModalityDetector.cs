using Sitrep.Claims.Text;

namespace Sitrep.Claims.Modality;

/// <summary>What the estimative scan of a claim found.</summary>
/// <param name="Likelihood">The first estimative phrase, or null.</param>
/// <param name="Hearsay">The first hearsay marker, or null.</param>
/// <param name="Consumed">Tokens that belong to an estimative phrase ("not" in "not likely"): not negations.</param>
internal readonly record struct ModalityResult(Likelihood? Likelihood, Hearsay? Hearsay, HashSet<int>? Consumed)
{
    public bool IsConsumed(int i) => Consumed?.Contains(i) == true;
}

/// <summary>
/// Finds the estimative phrase (first one wins) and the hearsay marker of a claim's tokens. Negated ability ("could
/// not", "cannot") is not likelihood; "May" as a month is not a modal. An evidential verb ("seems", "appears to",
/// "apparently") is an analytic hedge only in an author's present-tense assessment; in a comment or forum post, or
/// in past-tense narration ("he seemed to waver"), it says how things looked, not how probable they are, and is kept
/// as a <see cref="EstimativeStyle.Hedge"/>.
/// </summary>
internal static class ModalityDetector
{
    private static readonly HashSet<string> Evidential = new(StringComparer.Ordinal)
    {
        "seems", "seem", "seemed", "seemingly", "it seems", "apparently", "appears", "appear", "appeared", "appeared to",
    };

    /// <summary>Scans the tokens first..last.</summary>
    /// <param name="words">The sentence's words.</param>
    /// <param name="first">First token.</param>
    /// <param name="last">Last token.</param>
    /// <param name="conversational">True inside a comment, forum post or feed item, where "seems" is casual.</param>
    public static ModalityResult Detect(SentenceWords words, int first, int last, bool conversational = false)
    {
        Likelihood? likelihood = null;
        Hearsay? hearsay = null;
        HashSet<int>? consumed = null;
        for (var i = first; i <= last; i++)
        {
            if (hearsay is null && EstimativeLexicon.Hearsay.Match(words, i) is { } h)
            {
                hearsay = new Hearsay(words.TextOf(i, i + h.Length - 1), words.RangeOf(i, i + h.Length - 1));
            }

            if (likelihood is not null)
            {
                continue;
            }

            if (EstimativeLexicon.Phrases.Match(words, i) is not { } m || !Accept(words, i, m.Length))
            {
                continue;
            }

            var end = Math.Min(last, i + m.Length - 1);
            var style = m.Value.Style == EstimativeStyle.Analytic && IsCasualEvidential(words, i, m.Length, conversational) ? EstimativeStyle.Hedge : m.Value.Style;
            likelihood = new Likelihood(m.Value.Band, words.TextOf(i, end), words.RangeOf(i, end), style);
            for (var k = i; k <= end; k++)
            {
                if (words[k] is "not" or "n't" or "no" or "не")
                {
                    (consumed ??= []).Add(k);
                }
            }

            // "not likely", "not certain": a negation right before the phrase belongs to it.
            if (i > first && words[i - 1] is "not" or "n't" && m.Value.Band > LikelihoodBand.RoughlyEvenChance)
            {
                (consumed ??= []).Add(i - 1);
                var band = m.Value.Band >= LikelihoodBand.AlmostCertain ? LikelihoodBand.RoughlyEvenChance : LikelihoodBand.Unlikely;
                likelihood = likelihood with { Band = band, Term = words.TextOf(i - 1, end), Range = words.RangeOf(i - 1, end) };
            }
        }

        return new ModalityResult(likelihood, hearsay, consumed);
    }

    /// <summary>An evidential verb said casually (in a post) or in past-tense narration ("seemed", "appeared to").</summary>
    private static bool IsCasualEvidential(SentenceWords words, int i, int length, bool conversational)
    {
        var phrase = length == 1 ? words[i] : words.TextOf(i, i + length - 1).ToLowerInvariant();
        if (!Evidential.Contains(phrase))
        {
            return false;
        }

        return conversational || words[i] is "seemed" or "appeared";
    }

    /// <summary>Whether the phrase at <paramref name="i"/> follows "with" or "without", past "almost", "virtually", "any".</summary>
    private static bool AfterWith(SentenceWords words, int i)
    {
        var before = i - 1;
        while (before > 0 && words[before] is "almost" or "virtually" or "any")
        {
            before--;
        }

        return before >= 0 && words[before] is "with" or "without";
    }

    private static bool Accept(SentenceWords words, int i, int length)
    {
        var w = words[i];
        var next = words[i + length];
        switch (w)
        {
            case "could" or "can" when length == 1 && next is "not" or "n't":
                return false;
            case "may" when words.IsCapitalized(i) && i > 0:
                return false; // the month
            case "might" when i > 0 && words[i - 1] is "the" or "with" or "his" or "its":
                return false;
            case "possible" when words[i - 1] is "as" or "if" || next is "to":
                return false; // "as soon as possible", "if possible", "possible to"
            case "appears" or "appear" or "seems" or "seem" or "seemed" when words[i - 1] == "it" && i > 0 && words[i - 1] == "it":
                return true;
            case "appears" or "appear" when next != "to":
                return false; // "appeared on television"
            case "likely" when words[i - 1] is "more" or "less" && next == "than":
                return false;
            case "no" or "remote" or "almost" or "virtually" when words[i + length - 1] is "chance" or "possibility" && AfterWith(words, i):
                return false; // "sentences with (almost) no chance of parole": a property of a thing, not the writer's estimate
            default:
                return true;
        }
    }
}
