using System.Collections.Frozen;
using System.Globalization;
using Sitrep.Claims.Quantities;
using Sitrep.Corroboration.Propositions;

namespace Sitrep.Corroboration.Contradictions;

/// <summary>
/// Finds pairs of claims in one proposition that cannot both hold: one asserts what the other denies, their numbers
/// for the same thing do not overlap, or their predicates are antonyms. A later report that revises an earlier one
/// (same outlet, or explicit revision language, judged by report times) is an update, not a contradiction.
/// </summary>
internal static class ContradictionFinder
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

    private static readonly FrozenSet<string> ApproximateHedges = FrozenSet.ToFrozenSet(
        ["about", "around", "approximately", "roughly", "some", "nearly", "almost", "an estimated", "estimated", "close to", "circa", "~"],
        StringComparer.Ordinal);

    /// <summary>Contradictions within one proposition.</summary>
    /// <param name="proposition">The proposition.</param>
    /// <param name="members">Its claims with their stance, text, source key, outlet and report time.</param>
    /// <param name="similarity">Similarity of two members by index: a negation only contradicts a near-paraphrase.</param>
    public static IEnumerable<Contradiction> Find(string proposition, IReadOnlyList<Member> members, Func<int, int, double> similarity)
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
                var reason = Reason(a, b, () => similarity(x, y), WordsOf);
                if (reason is null || !seenPairs.Add((a.Claim.DocumentId, b.Claim.DocumentId)))
                {
                    continue;
                }

                var update = IsUpdate(a, b);
                found++;
                yield return new Contradiction(a.Claim.Key, b.Claim.Key, update, update ? "later report revises the earlier one: " + reason : reason, proposition);
            }
        }
    }

    private static (Member Earlier, Member Later) Order(Member x, Member y) =>
        x.ReportTime is { } tx && y.ReportTime is { } ty && ty < tx ? (y, x) : (x, y);

    private static string? Reason(Member a, Member b, Func<double> similarity, Func<Member, HashSet<string>> words)
    {
        if (a.Stance is StanceKind.Support or StanceKind.Deny && b.Stance is StanceKind.Support or StanceKind.Deny && a.Stance != b.Stance && similarity() >= NegationSimilarity)
        {
            var (yes, no) = a.Stance == StanceKind.Support ? (a, b) : (b, a);
            return $"negation: {Holder(yes)} asserts “{Short(yes.Text)}” while {Holder(no)} says “{Short(no.Text)}”";
        }

        if (a.Stance == StanceKind.Support && b.Stance == StanceKind.Support)
        {
            var numbers = NumberConflict(a, b);
            if (numbers is not null)
            {
                return numbers;
            }

            // The similarity is the costly part of the test, so it is asked for only when the words already conflict.
            var antonym = AntonymConflict(words(a), words(b));
            if (antonym is not null && similarity() >= NegationSimilarity)
            {
                return $"antonyms: “{antonym.Value.A}” in {Holder(a)} against “{antonym.Value.B}” in {Holder(b)}";
            }
        }

        return null;
    }

    private static string? NumberConflict(Member a, Member b)
    {
        foreach (var qa in a.Claim.Claim.Quantities)
        {
            foreach (var qb in b.Claim.Claim.Quantities)
            {
                if (!SameUnit(qa, qb))
                {
                    continue;
                }

                var (loA, hiA) = Interval(qa);
                var (loB, hiB) = Interval(qb);
                if (hiA < loB || hiB < loA)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"numbers: {Holder(a)} gives “{qa.Text}” while {Holder(b)} gives “{qb.Text}”");
                }
            }
        }

        return null;
    }

    private static bool SameUnit(Quantity a, Quantity b)
    {
        if (a.Unit is null || b.Unit is null)
        {
            return false;
        }

        var ua = ClaimWords.Of(a.Unit);
        var ub = ClaimWords.Of(b.Unit);
        return ua.Count > 0 && ub.Count > 0 && ua[^1] == ub[^1];
    }

    /// <summary>The range a hedged number allows: "at least 13" → [13, ∞); "about 5,000" → [4,000, 6,000]; "dozens" → [12, 99].</summary>
    internal static (double Low, double High) Interval(Quantity q)
    {
        if (q.Hedge == "vague")
        {
            return (q.Value, q.Value * 8.25);
        }

        if (q.Hedge is { } hedge && ApproximateHedges.Contains(hedge))
        {
            return (q.Value * 0.8, q.Value * 1.2);
        }

        return (q.Min ?? 0, q.Max ?? double.PositiveInfinity);
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
