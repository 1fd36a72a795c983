using System.Collections.Frozen;
using Sitrep.Claims;
using Sitrep.Corroboration.Propositions;

namespace Sitrep.Corroboration.Contradictions;

/// <summary>
/// Finds pairs of claims in one proposition that cannot both hold: one asserts what the other denies, their numbers
/// for the same thing do not overlap, or their predicates are antonyms. A later report that revises an earlier one
/// (same outlet, or explicit revision language, judged by report times) is an update, not a contradiction; so is a
/// prospect ("in talks to direct") followed by a definite outcome ("will not direct"), and when their order is unknown
/// the pair is no contradiction at all (<see cref="Prospects"/>).
/// </summary>
internal static partial class ContradictionFinder
{
    private const int MaxPairsPerProposition = 24;
    private const double NegationSimilarity = 0.5;
    private const int MaxScanned = 64;

    private static readonly string[] RevisionCues =
    [
        "corrected", "correction", "earlier version", "previously reported", "has since", "now says", "now say", "later said",
        "revised", "updated", "no longer", "retracted", "clarified", "in fact",
    ];

    private static readonly (string A, string B)[] Antonyms =
    [
        ("dropped", "open"), ("dropped", "upheld"), ("dropped", "remains"), ("closed", "open"), ("closed", "remains"),
        ("fled", "stayed"), ("fled", "remained"), ("fled", "working"), ("left", "stayed"), ("left", "remained"),
        ("alive", "dead"), ("alive", "killed"), ("arrested", "released"), ("arrested", "freed"), ("won", "lost"),
        ("accepted", "rejected"), ("confirmed", "denied"), ("true", "false"), ("advanced", "retreated"), ("advanced", "withdrew"),
        ("increased", "decreased"), ("rose", "fell"), ("guilty", "innocent"), ("present", "absent"), ("success", "failure"),
    ];

    private static readonly FrozenSet<string> AntonymVocabulary = Antonyms.SelectMany(p => new[] { p.A, p.B }).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Contradictions within one proposition.</summary>
    /// <param name="proposition">The proposition.</param>
    /// <param name="members">Its claims with their stance, text, source key, outlet and report time.</param>
    /// <param name="similarity">Similarity of two members by index: a negation only contradicts a near-paraphrase.</param>
    /// <param name="mismatch">Why two members by index cannot be about the same event, or null when they may be.</param>
    public static IEnumerable<Contradiction> Find(string proposition, IReadOnlyList<Member> members, Func<int, int, double> similarity, Func<int, int, string?>? mismatch = null)
    {
        var found = 0;
        var seenPairs = new HashSet<(string, string)>();
        var antonymWords = new Dictionary<Member, HashSet<string>>(ReferenceEqualityComparer.Instance);
        HashSet<string> WordsOf(Member m)
        {
            if (!antonymWords.TryGetValue(m, out var words))
            {
                antonymWords[m] = words = AntonymWords(m.Text);
            }

            return words;
        }

        // Pairs grow with the square of a group; a group of copies says the same thing many times over, so only its
        // first members are compared (the contradictions worth showing are among them).
        var scanned = Math.Min(members.Count, MaxScanned);
        for (var i = 0; i < scanned && found < MaxPairsPerProposition; i++)
        {
            for (var j = i + 1; j < scanned && found < MaxPairsPerProposition; j++)
            {
                var (a, b) = Order(members[i], members[j]);
                if (string.Equals(a.SourceKey, b.SourceKey, StringComparison.Ordinal) && string.Equals(a.Claim.DocumentId, b.Claim.DocumentId, StringComparison.Ordinal))
                {
                    continue;
                }

                var (x, y) = (i, j);
                // A document that reports a claim in order to knock it down ("the West reported that Putin fled; he
                // did not") debunks it: that is its own framing, not a dispute between sources.
                if (!Comparable(a) || !Comparable(b) || string.Equals(a.Claim.DocumentId, b.Claim.DocumentId, StringComparison.Ordinal) || mismatch?.Invoke(x, y) is not null)
                {
                    continue;
                }

                var reason = Reason(a, b, () => similarity(x, y), WordsOf);
                if (reason is null || !seenPairs.Add((a.Claim.DocumentId, b.Claim.DocumentId)))
                {
                    continue;
                }

                // Talks to direct a film, then word that the director will not: the story moved, nobody is contradicted.
                // Which came first decides it; without report times the pair is left unresolved.
                if (Prospects.StoryMoved(a.Text, a.ReportTime, b.Text, b.ReportTime) is { } moved)
                {
                    if (moved)
                    {
                        found++;
                        yield return new Contradiction(a.Claim.Key, b.Claim.Key, true, $"the story moved: {Holder(a)} reported a prospect, “{Short(a.Text)}”, and {Holder(b)} later the outcome, “{Short(b.Text)}”", proposition);
                    }

                    continue;
                }

                var update = IsUpdate(a, b);
                found++;
                yield return new Contradiction(a.Claim.Key, b.Claim.Key, update, update ? "later report revises the earlier one: " + reason : reason, proposition);
            }
        }
    }

    /// <summary>
    /// Opinions, questions and speculation assert nothing checkable, so they contradict nothing; a claim and its own
    /// derived negation are one author's words.
    /// </summary>
    private static bool Comparable(Member m) => m.Claim.Claim.Kind is not (ClaimKind.Opinion or ClaimKind.Question or ClaimKind.Speculation);

    private static readonly FrozenSet<string> NegationWords = FrozenSet.ToFrozenSet(
        ["not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor", "without", "cannot", "no-one"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Skippable = FrozenSet.ToFrozenSet(
        ["be", "been", "being", "is", "are", "was", "were", "have", "has", "had", "do", "does", "did", "yet", "so", "far", "the", "a", "an", "to", "at", "all", "any", "one", "longer", "even", "also", "still", "ever"],
        StringComparer.Ordinal);

    /// <summary>
    /// True when what the negative claim negates is said by the other one: the first content word after its negation
    /// cue ("not <u>dropped</u>") is a word of the positive claim. "Heading back so that blood is not spilled" negates
    /// spilling, which the plain "heading back" never asserts, so the two do not contradict.
    /// </summary>
    private static bool NegatesShared((Member Negative, Member Positive) pair) => NegatesShared(pair.Negative.Text, pair.Positive.Text);

    /// <summary>
    /// True when the negation of <paramref name="negativeText"/> bears on words that <paramref name="positiveText"/>
    /// asserts (the first content word after a negation cue is one of its words), or when it has no negation word.
    /// </summary>
    /// <param name="negativeText">The negative claim.</param>
    /// <param name="positiveText">The positive claim.</param>
    /// <param name="requireNegation">True when a text without any negation word does not count as negating.</param>
    internal static bool NegatesShared(string negativeText, string positiveText, bool requireNegation = false)
    {
        var negative = Tokens(negativeText);
        var positive = Tokens(positiveText).Select(Stem).ToHashSet(StringComparer.Ordinal);
        var found = false;
        for (var i = 0; i < negative.Count; i++)
        {
            if (!NegationWords.Contains(negative[i]))
            {
                continue;
            }

            found = true;
            // "no general came out": a quantifier negates what its noun does, so the noun and the verb after it must
            // both be said by the other claim; "not dropped" needs only the word it negates.
            var needed = negative[i] == "no" ? 2 : 1;
            var shared = 0;
            for (var j = i + 1; j < Math.Min(negative.Count, i + 6) && shared < needed; j++)
            {
                if (Skippable.Contains(negative[j]) || NegationWords.Contains(negative[j]))
                {
                    continue;
                }

                if (!positive.Contains(Stem(negative[j])))
                {
                    break;
                }

                shared++;
            }

            if (shared == needed)
            {
                return true;
            }
        }

        // A negative claim without a negation word (a derived or "unlikely" claim) is judged by similarity alone.
        return !found && !requireNegation;
    }

    private static List<string> Tokens(string text) =>
        [.. SplitNegation().Replace(text, "$1 n't").Replace("n't", " n't", StringComparison.Ordinal).Split([' ', ',', '.', ';', ':', '"', '“', '”', '(', ')', '!', '?', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('\'', '’').ToLowerInvariant()).Where(w => w.Length > 0)];

    /// <summary>"hadn ’ t", "had n’t", "hadn’t": a negative contraction in any of the forms a tokenizer leaves it, made "had n't".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(\w)\s*n\s*['’]\s*t\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SplitNegation();

    /// <summary>The stems of the words of more than three letters in <paramref name="text"/>: what two texts share in content.</summary>
    internal static HashSet<string> ContentStems(string text) =>
        [.. text.Split([' ', ',', '.', ';', ':', '"', '“', '”', '(', ')', '!', '?', '*', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 3)
            .Select(w => Stem(w.ToLowerInvariant()))];

    /// <summary>A crude stem that makes the forms of one verb meet: seize, seized, seizes; drop, dropped; kill, killed.</summary>
    internal static string Stem(string word)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ing", "ed", "es", "s"])
        {
            if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                word = word[..^suffix.Length];
                break;
            }
        }

        if (word.Length > 3 && word[^1] == 'e')
        {
            word = word[..^1];
        }

        if (word.Length > 3 && word[^1] == word[^2] && !"aeiou".Contains(word[^1], StringComparison.Ordinal))
        {
            word = word[..^1];
        }

        return word;
    }

    private static (Member Earlier, Member Later) Order(Member x, Member y) =>
        x.ReportTime is { } tx && y.ReportTime is { } ty && ty < tx ? (y, x) : (x, y);

    private static string? Reason(Member a, Member b, Func<double> similarity, Func<Member, HashSet<string>> words)
    {
        if (a.Stance is StanceKind.Support or StanceKind.Deny && b.Stance is StanceKind.Support or StanceKind.Deny && a.Stance != b.Stance
            && NegatesShared(a.Claim.Claim.Polarity == ClaimPolarity.Negative ? (a, b) : (b, a)) && similarity() >= NegationSimilarity)
        {
            var (yes, no) = a.Stance == StanceKind.Support ? (a, b) : (b, a);
            return $"negation: {Holder(yes)} asserts “{Short(yes.Text)}” while {Holder(no)} says “{Short(no.Text)}”";
        }

        if (a.Stance == StanceKind.Support && b.Stance == StanceKind.Support)
        {
            // Figures are set against each other by the figure stage, which knows what each number counts.
            // The similarity is the costly part of the test, so it is asked for only when the words already conflict.
            var antonym = AntonymConflict(words(a), words(b));
            if (antonym is not null && similarity() >= NegationSimilarity)
            {
                return $"antonyms: “{antonym.Value.A}” in {Holder(a)} against “{antonym.Value.B}” in {Holder(b)}";
            }
        }

        return null;
    }

    private static (string A, string B)? AntonymConflict(HashSet<string> wa, HashSet<string> wb)
    {
        if (wa.Count == 0 || wb.Count == 0)
        {
            return null;
        }

        foreach (var (x, y) in Antonyms)
        {
            if ((wa.Contains(x) && wb.Contains(y) && !wa.Contains(y) && !wb.Contains(x)) ||
                (wa.Contains(y) && wb.Contains(x) && !wa.Contains(x) && !wb.Contains(y)))
            {
                return wa.Contains(x) ? (x, y) : (y, x);
            }
        }

        return null;
    }

    /// <summary>The words of <paramref name="text"/> that occur in an antonym pair, lowercase.</summary>
    private static HashSet<string> AntonymWords(string text) =>
        [.. text.Split([' ', ',', '.', ';', ':', '"', '“', '”', '\'', '(', ')', '!', '?', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToLowerInvariant()).Where(AntonymVocabulary.Contains)];

    private static bool IsUpdate(Member earlier, Member later)
    {
        if (earlier.ReportTime is not { } t1 || later.ReportTime is not { } t2 || t2 <= t1)
        {
            return false;
        }

        if (earlier.Outlet is not null && string.Equals(earlier.Outlet, later.Outlet, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return RevisionCues.Any(cue => later.Context.Contains(cue, StringComparison.OrdinalIgnoreCase));
    }

    private static string Holder(Member m) => m.HolderLabel;

    private static string Short(string text) => text.Length <= 90 ? text : text[..87].TrimEnd() + "…";

    /// <summary>A claim as the finder needs it.</summary>
    /// <param name="Claim">The claim.</param>
    /// <param name="Text">Its text.</param>
    /// <param name="Context">Its sentence and the document's surrounding text, for revision cues.</param>
    /// <param name="Stance">Its stance toward the proposition.</param>
    /// <param name="SourceKey">Its independent-source key.</param>
    /// <param name="Outlet">Its outlet, if known.</param>
    /// <param name="ReportTime">When it was reported, if known.</param>
    /// <param name="HolderLabel">Who holds it, for reasons ("Meridian Wire", "Peskov via Meridian Wire").</param>
    /// <param name="Weight">How much its source's word counts (Admiralty reliability).</param>
    internal sealed record Member(ClaimRef Claim, string Text, string Context, StanceKind Stance, string SourceKey, string? Outlet, DateTimeOffset? ReportTime, string HolderLabel, double Weight);
}
