using System.Collections.Frozen;
using Sitrep.Claims.Text;

namespace Sitrep.Claims.Attribution;

/// <summary>Reporting verbs that attribute a proposition to the noun phrase before (or after) them.</summary>
internal static class ReportingCues
{
    /// <summary>Verbs that report speech or belief whatever follows them.</summary>
    private static readonly FrozenSet<string> Always = Words.Set(
        "said", "says", "say", "told", "tells", "tell", "claimed", "claims", "claim", "denied", "denies", "deny", "reported", "reports",
        "report", "believes", "believe", "believed", "thinks", "think", "explains", "explained", "observes", "observed", "postures",
        "speculate", "speculates", "speculated", "bragged", "brags", "insisted", "insists", "alleged", "alleges", "wrote", "writes",
        "tweeted", "indicate", "indicates", "indicated", "stated", "states", "argued", "argues", "added", "adds", "warned", "warns",
        "suggested", "suggests", "confirmed", "confirms", "noted", "notes", "acknowledged", "admitted", "admits", "asserted", "asserts",
        "maintained", "maintains", "cautioned", "assured", "estimated", "estimates", "predicted", "predicts", "fears", "feared",
        "circulating", "flooded", "revealed", "reveals", "announced", "announces", "declared", "declares", "suspect", "suspects");

    /// <summary>Verbs that report only when a clause follows ("declared that …", not "declared war").</summary>
    private static readonly FrozenSet<string> NeedClause = Words.Set(
        "announced", "announces", "declared", "declares", "revealed", "reveals", "confirmed", "confirms", "added", "adds", "noted", "notes",
        "warned", "warns", "stated", "states", "acknowledged", "admitted", "admits", "estimated", "estimates", "predicted", "predicts",
        "suggested", "suggests", "indicated", "indicates", "indicate", "fears", "feared", "suspect", "suspects", "believed");

    /// <summary>Cues used after the content ("…, the minister said").</summary>
    public static readonly FrozenSet<string> Postposed = Words.Set(
        "said", "says", "told", "added", "wrote", "claimed", "explained", "warned", "noted", "insisted", "stated", "reported", "cautioned",
        "tweeted", "writes", "adds", "claims", "reports", "explains", "recalled", "confirmed", "announced");

    public static bool IsCue(string lower) => Always.Contains(lower);

    /// <summary>True when the cue at <paramref name="c"/> reports a proposition (for verbs that need a clause after them).</summary>
    public static bool Reports(SentenceWords words, int c, int last)
    {
        var w = words[c];
        if (!Always.Contains(w) || words.IsCapitalized(c))
        {
            return false; // "United States", "Reports indicate …": a capitalised cue word is a name or a noun
        }

        if (c > 0 && words[c - 1] is "was" or "were" or "been" or "being" or "is" or "are" && w is not "flooded" && !w.EndsWith("ing", StringComparison.Ordinal))
        {
            return false; // passive: "the picture was reported"
        }

        // "conflicting reports and developments", "claims of …": a plural noun, not a verb.
        if (w is "reports" or "claims" or "report" or "claim" or "estimates" or "notes" or "states" or "fears" or "suspects"
            && (words[c + 1] is "and" or "or" or "of" or "," or "." or "about" or "from" or "on" or "in" or "were" or "was" or "are" or "is" || (c > 0 && words[c - 1] is "the" or "a" or "an" or "this" or "that" or "these" or "those" or "its" or "his" or "her" or "their" or "our" or "such" or "conflicting" or "unconfirmed" or "some" or "many" or "media" or "news" or "earlier" or "original" or "latest" or "first")))
        {
            return false;
        }

        if (!NeedClause.Contains(w))
        {
            return true;
        }

        // "announced that …", "announced on Saturday that …", "confirmed, in a statement, …"; not "announced the
        // agreement that halted the column", where the verb has an object and "that" opens a relative clause on it.
        var hasObject = words[c + 1] is "the" or "a" or "an" or "his" or "her" or "its" or "their" or "our" or "this" or "these" or "those";
        for (var k = c + 1; k <= Math.Min(last, c + 4); k++)
        {
            if (words[k] is "that" or ":" or "\"" or "“" or ",")
            {
                return k == c + 1 || !hasObject;
            }
        }

        if (!IsSubjectStart(words, c + 1))
        {
            return false;
        }

        for (var k = c + 2; k <= Math.Min(last, c + 6); k++)
        {
            if (Words.Relatives.Contains(words[k]))
            {
                return false; // "announced the deal which ended …": a relative clause on the object, not a reported clause
            }

            if (Words.Auxiliaries.Contains(words[k]) || (Words.IsVerbLike(words[k]) && k > c + 2))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSubjectStart(SentenceWords words, int i) =>
        words[i] is "the" or "his" or "her" or "its" or "their" or "our" or "he" or "she" or "it" or "they" or "we" or "i" or "there" or "this"
            or "these" or "those" or "some" or "all" or "most" or "many" || words.IsCapitalized(i);
}
