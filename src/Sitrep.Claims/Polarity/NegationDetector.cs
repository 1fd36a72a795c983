using Sitrep.Claims.Modality;
using Sitrep.Claims.Text;

namespace Sitrep.Claims.Polarity;

/// <summary>A negation cue found in a claim.</summary>
/// <param name="Index">Token index of the cue's first word.</param>
/// <param name="Length">Tokens of the cue.</param>
/// <param name="Lexical">True for a lexical negation ("denied", "failed to") rather than a grammatical one.</param>
internal readonly record struct NegationCue(int Index, int Length, bool Lexical);

/// <summary>
/// Decides a claim's polarity from its negation cues: explicit (not, n't, never, no, nobody, nothing, none, neither,
/// nor, cannot), lexical (denied, failed to, stopped short of, refused to, has yet to, ruled out). Cues cancel in pairs
/// (double negation). Not counted: negations that belong to an estimative phrase ("not likely", "no chance"), a
/// contrastive "X, not Y", "no choice but", "not only", "not without" (a double negation in itself), and negations
/// inside a relative clause or an adverbial clause ("after he could not stop ...").
/// </summary>
internal static class NegationDetector
{
    private static readonly PhraseTable<bool> Lexical = new(
    [
        ("denied", true), ("deny", true), ("denies", true), ("denying", true), ("failed to", true), ("fail to", true), ("fails to", true),
        ("failing to", true), ("stopped short of", true), ("stop short of", true), ("stops short of", true), ("stopping short of", true),
        ("refused to", true), ("refuses to", true), ("refuse to", true), ("declined to", true), ("declines to", true), ("has yet to", true),
        ("have yet to", true), ("had yet to", true), ("ruled out", true), ("rules out", true), ("rule out", true),
    ]);

    private static readonly System.Collections.Frozen.FrozenSet<string> Explicit = Words.Set(
        "not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor", "cannot", "nowhere",

        // Typed without the apostrophe, as comments and quotes often are: "I cant speak for that".
        "cant", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "wont", "couldnt", "wouldnt", "shouldnt", "hasnt",
        "havent", "hadnt", "aint");

    /// <summary>What stands before the apostrophe of a negative contraction split in three ("hadn", "'", "t").</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> SplitStems = Words.Set(
        "don", "doesn", "didn", "isn", "wasn", "aren", "weren", "hasn", "haven", "hadn", "couldn", "wouldn", "shouldn", "won", "can",
        "mustn", "needn", "ain");

    private static readonly System.Collections.Frozen.FrozenSet<string> ComplementHeads = Words.Set(
        "true", "false", "clear", "likely", "unlikely", "certain", "possible", "doubtful", "evident", "obvious", "apparent", "sure",
        "case", "fact", "claim", "claims", "report", "reports", "news", "point", "said", "says", "say", "claimed", "denied", "reported",
        "believe", "believes", "think", "thinks", "argue", "argues", "explains", "explained", "insisted", "stated", "added", "told",
        "warned", "noted", "observes", "indicate", "indicates", "suggests", "so", "now", "such", "confirmed", "announced", "assured");

    /// <summary>The cues that count, in token order.</summary>
    public static List<NegationCue> Cues(SentenceWords words, int first, int last, in ModalityResult modality)
    {
        if (Attribution.CyrillicAttribution.Applies(words, first, last))
        {
            return CyrillicNegation.Cues(words, first, last, modality);
        }

        var cues = new List<NegationCue>();
        var skipUntilComma = false;
        var relativeVerbs = -1;
        for (var i = first; i <= last; i++)
        {
            var w = words[i];
            if (w is "," or ";" or "—" or "–" or ":" or "(" or ")")
            {
                skipUntilComma = false;
                relativeVerbs = -1;
                continue;
            }

            if (i > first && (Words.Relatives.Contains(w) || Words.Subordinators.Contains(w) || IsRelativeThat(words, i, first)))
            {
                skipUntilComma = true;
                relativeVerbs = Words.Relatives.Contains(w) ? 0 : -1;
                continue;
            }

            // "The woman who is teaching there has not commented": the relative clause has one finite verb; a second
            // auxiliary starts the main clause again.
            if (relativeVerbs >= 0 && Words.Auxiliaries.Contains(w) && ++relativeVerbs == 2)
            {
                skipUntilComma = false;
                relativeVerbs = -1;
            }

            if (skipUntilComma || modality.IsConsumed(i))
            {
                continue;
            }

            if (Lexical.Match(words, i) is { } lexical)
            {
                cues.Add(new NegationCue(i, lexical.Length, true));
                i += lexical.Length - 1;
                continue;
            }

            // "hadn ’ t", "didn ' t": a contraction a tokenizer or a corpus split at its apostrophe is one negation.
            if (i + 2 <= last && SplitStems.Contains(w) && words[i + 1] == "'" && words[i + 2] == "t")
            {
                cues.Add(new NegationCue(i, 3, false));
                i += 2;
                continue;
            }

            if (!Explicit.Contains(w) || IsExempt(words, i, first, last))
            {
                continue;
            }

            if (w == "neither" || w == "nor")
            {
                // "neither ... nor" is one negation.
                if (w == "nor" && cues.Count > 0 && words[cues[^1].Index] is "neither" or "not" or "n't" or "never" or "no")
                {
                    continue;
                }
            }

            cues.Add(new NegationCue(i, 1, false));
        }

        return cues;
    }

    /// <summary>Negative when the counted cues are odd in number.</summary>
    public static ClaimPolarity Decide(IReadOnlyList<NegationCue> cues) => cues.Count % 2 == 1 ? ClaimPolarity.Negative : ClaimPolarity.Positive;

    private static bool IsExempt(SentenceWords words, int i, int first, int last)
    {
        var w = words[i];
        var next = words[i + 1];
        if (w is "not" && (next is "only" or "just" or "least" or "without" || (i > first && words[i - 1] == "or" && words[i - 2] == "whether")))
        {
            return true; // "not only", "not least"; "not without" is a double negation of its own
        }

        if (w == "n't" && next == "without")
        {
            return true;
        }

        // Contrastive "X, not Y": the negation belongs to the rejected alternative, not to the claim.
        if (w == "not" && i > first && words[i - 1] is "," or "—" or "–" or "but" && i + 1 <= last && IsNounPhraseStart(words[i + 1]))
        {
            return true;
        }

        // "no choice but to", "nothing but", "no option but"
        if (w is "no" or "nothing")
        {
            for (var k = i + 1; k <= Math.Min(last, i + 3); k++)
            {
                if (words[k] == "but")
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsNounPhraseStart(string w) => w is "a" or "an" or "the" or "by" or "in" or "as" or "for" or "to" or "because" or "with";

    private static bool IsRelativeThat(SentenceWords words, int i, int first)
    {
        if (words[i] != "that" || i == first)
        {
            return false;
        }

        var previous = words[i - 1];
        if (ComplementHeads.Contains(previous) || Words.IsVerbLike(previous) || !words.IsWord(i - 1) || Words.Function.Contains(previous))
        {
            return false;
        }

        // "told PolitiFact Texas that …": a reporting verb shortly before makes "that" a complementizer.
        for (var k = i - 1; k >= Math.Max(first, i - 4); k--)
        {
            if (Attribution.ReportingCues.IsCue(words[k]))
            {
                return false;
            }
        }

        // "that" after a noun ("access that the press never disputed") opens a relative clause.
        return char.IsLetter(previous[0]);
    }
}
