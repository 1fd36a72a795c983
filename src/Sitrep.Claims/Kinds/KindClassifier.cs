using System.Collections.Frozen;
using Sitrep.Claims.Modality;
using Sitrep.Claims.Text;

namespace Sitrep.Claims.Kinds;

/// <summary>
/// Decides a claim's kind, first rule that fires: a direct quotation is a quote; a wh-question is a question; a yes/no
/// or fragment question is speculation (a rhetorical hypothesis); a possibility modal or a conditional is
/// speculation; first-person stance, evaluation, obligation or an exclamation is opinion; estimative language is a
/// judgment; anything else reports an event.
/// </summary>
internal static class KindClassifier
{
    private static readonly FrozenSet<string> Evaluative = Words.Set(
        "absurd", "idiotic", "ridiculous", "stupid", "humiliating", "great", "excellent", "terrible", "awful", "disgraceful", "shameful",
        "outrageous", "incompetent", "incoherent", "pathetic", "brilliant", "impressive", "preferable", "good", "bad", "worst",
        "best", "wonderful", "horrible", "insane", "crazy", "foolish", "hilarious", "disgusting", "laughable", "naive", "silly",
        "shocking", "sad", "tragic", "appalling", "amazing", "interesting", "embarrassing", "pointless", "useless", "hapless", "juicy",
        "cannon", "idiot", "fool", "incompetence", "disaster", "farce", "joke", "nonsense", "petty", "arrogant", "fucking", "bitch");

    private static readonly PhraseTable<bool> StanceMarkers = new(
    [
        ("i think", true), ("i believe", true), ("i suspect", true), ("i'd argue", true), ("i would argue", true), ("i guess", true),
        ("my guess", true), ("my theory", true), ("in my view", true), ("in my opinion", true), ("i find", true), ("i'm surprised", true),
        ("i feel", true), ("i doubt", true), ("i reckon", true), ("imo", true), ("imho", true), ("i am surprised", true),
        ("i can't imagine", true), ("i cannot imagine", true), ("i'm not sure", true), ("to be honest", true), ("it's hard to say", true),
        ("i'm not convinced", true), ("i wonder", true), ("i'd say", true), ("i would say", true),
    ]);

    private static readonly FrozenSet<string> Deontic = Words.Set("should", "must", "ought", "deserves", "deserve", "needs");

    private static readonly FrozenSet<string> Analytic = Words.Set("assess", "assesses", "assessed", "judge", "judges", "estimate");

    private static readonly FrozenSet<string> GenuineAskers = Words.Set("anyone", "anybody", "you", "somebody", "someone");

    public static ClaimKind Classify(SentenceWords words, int first, int last, Likelihood? likelihood, bool quote, bool isQuestion)
    {
        if (quote)
        {
            return ClaimKind.Quote;
        }

        if (isQuestion)
        {
            return IsOpenQuestion(words, first, last) ? ClaimKind.Question : ClaimKind.Speculation;
        }

        if (HasStance(words, first, last) || likelihood?.Style == EstimativeStyle.Stance)
        {
            return ClaimKind.Opinion; // first-person stance outranks the hedges inside it ("My theory is that he could …")
        }

        if (likelihood?.Style == EstimativeStyle.Possibility || IsConditional(words, first, last))
        {
            return ClaimKind.Speculation;
        }

        if (IsOpinion(words, first, last))
        {
            return ClaimKind.Opinion;
        }

        if (likelihood is { IsEstimative: true })
        {
            return ClaimKind.Judgment;
        }

        for (var i = first; i <= last; i++)
        {
            if (Analytic.Contains(words[i]))
            {
                return ClaimKind.Judgment;
            }
        }

        return ClaimKind.Event;
    }

    /// <summary>A wh-question, or a yes/no question addressed to the reader for information ("Does anyone know …?").</summary>
    public static bool IsOpenQuestion(SentenceWords words, int first, int last)
    {
        var i = first;
        while (i <= last && (!words.IsWord(i) || words[i] is "so" or "and" or "but" or "then" or "ok" or "well"))
        {
            i++;
        }

        if (i > last)
        {
            return true;
        }

        if (Words.WhWords.Contains(words[i]))
        {
            return true;
        }

        // "Does anyone know …?", "Did you see …?" ask for information; "Could you imagine …?" does not.
        return Words.Auxiliaries.Contains(words[i]) && GenuineAskers.Contains(words[i + 1]) && words[i] is not "could" and not "would" and not "can";
    }

    private static bool IsConditional(SentenceWords words, int first, int last)
    {
        var hasIf = false;
        for (var i = first; i <= last; i++)
        {
            if (words[i] is "if" or "unless")
            {
                hasIf = true;
            }

            if (hasIf && words[i] is "would" or "'d" or "could" or "might")
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasStance(SentenceWords words, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (StanceMarkers.Match(words, i) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOpinion(SentenceWords words, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {

            var w = words[i];
            if (Evaluative.Contains(w) && !words.IsCapitalized(i))
            {
                return true;
            }

            if (Deontic.Contains(w) && words[i + 1] is not "have" and not "'ve")
            {
                return true;
            }

            if (w is "has" or "have" && words[i + 1] == "to" && i > first)
            {
                return true;
            }
        }

        var end = last + 1 < words.Count && words[last + 1] == "!" ? last + 1 : last;
        return words[end] == "!";
    }
}
