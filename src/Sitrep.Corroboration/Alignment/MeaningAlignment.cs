using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Claims.Frames;
using Sitrep.Corroboration.Propositions;
using Sitrep.Time.Timeline;

namespace Sitrep.Corroboration.Alignment;

/// <summary>
/// Joins claims of different sources that tell one event in different words ("Lukashenko brokered a deal" and
/// "negotiations between Lukashenko, Prigozhin and Putin"), which shared words alone never group. Two claims join only
/// when every check holds: their frames name one event class (not a bare statement), they name a resolved entity in
/// common, their documents may tell one story (<see cref="StoryAlignment"/>), their sentence vectors are close and the
/// same-event model reads one happening, with a high floor on each. Claims that pass every check but one asserts
/// and the other denies are not joined: when the sentence-pair model reads a clash they are reported as a contradiction.
/// </summary>
/// <remarks>
/// Bounded whatever the corpus: pairs come only from claims that share an entity named in fewer than
/// <see cref="MaxPosting"/> claims, at most <see cref="MaxPairs"/> pairs are scored, and a joined proposition stops
/// growing at <see cref="MaxJoined"/> claims, so one loose pair never chains a story into a single proposition.
/// </remarks>
internal static partial class MeaningAlignment
{
    /// <summary>Cosine of the two sentence vectors under which claims are not the same event.</summary>
    public const double CosineFloor = 0.6;

    /// <summary>The same-event model's probability under which claims are not the same event.</summary>
    public const float SameEventFloor = 0.75f;

    /// <summary>Claims naming an entity more often than this are not paired on that entity.</summary>
    public const int MaxPosting = 250;

    /// <summary>Most pairs scored in one run.</summary>
    public const int MaxPairs = 20_000;

    /// <summary>Most claims a proposition grows to by meaning.</summary>
    public const int MaxJoined = 16;

    private const int MinWords = 4;
    private const int MaxWords = 60;

    /// <summary>A claim as the joiner sees it.</summary>
    /// <param name="DocumentId">Its document.</param>
    /// <param name="SourceKey">Its independent source: claims of one source never corroborate each other.</param>
    /// <param name="Text">Its text.</param>
    /// <param name="EventClass">Its frame's event class, or null.</param>
    /// <param name="Polarity">The polarity it asserts, or null when it takes no position (a question, a speculation).</param>
    /// <param name="Entities">The resolved entities it names (id and name).</param>
    internal sealed record Item(string DocumentId, string SourceKey, string Text, string? EventClass, bool? Polarity, IReadOnlyList<(string Id, string Name)> Entities)
    {
        /// <summary>
        /// The text before the claim's main predicate, where a plan is told ("was to move", "will be dropped"); the
        /// whole text when the predicate is unknown. A "would" after the predicate ("brokered a deal whereby he would
        /// leave") tells the terms of what happened, not a plan.
        /// </summary>
        public string Lead { get; init; } = Text;
    }

    /// <summary>Two claims the checks read as one event.</summary>
    /// <param name="A">First claim index.</param>
    /// <param name="B">Second claim index.</param>
    /// <param name="Cosine">Cosine of their vectors.</param>
    /// <param name="SameEvent">The same-event model's probability.</param>
    /// <param name="Shared">Names of the entities both name.</param>
    internal sealed record Pair(int A, int B, double Cosine, float SameEvent, IReadOnlyList<string> Shared);

    /// <summary>The joined groups, why each was joined (by group index in the result), and the same-event pairs of opposite polarity.</summary>
    internal sealed record Result(List<PropositionGrouper.Group> Groups, Dictionary<int, string> Reasons, List<Pair> Opposed);

    /// <summary>
    /// Joins <paramref name="groups"/> whose claims tell one event. <paramref name="mayAlign"/> says whether two claims
    /// by index may be about one event at all (one story, compatible dates).
    /// </summary>
    public static Result Join(IReadOnlyList<PropositionGrouper.Group> groups, IReadOnlyList<Item> items, IEventMeaning meaning, Func<int, int, bool> mayAlign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(meaning);
        var groupOf = new Dictionary<int, int>();
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var m in groups[g].Members)
            {
                groupOf[m] = g;
            }
        }

        // A pair of one polarity can only ever merge its two groups, and groups only grow: when the two already hold more
        // than MaxJoined claims the merge below would refuse it whatever its scores, so it is not scored and its claims
        // are not encoded for it. Pairs of opposite polarity are all scored (they may become contradictions).
        var candidates = Candidates(items, groupOf, mayAlign)
            .Where(p => items[p.A].Polarity != items[p.B].Polarity || groups[groupOf[p.A]].Members.Count + groups[groupOf[p.B]].Members.Count <= MaxJoined)
            .ToList();
        var accepted = new List<Pair>();
        var opposed = new List<Pair>();
        if (candidates.Count > 0)
        {
            var involved = candidates.SelectMany(p => new[] { p.A, p.B }).Distinct().Order().ToArray();
            var vectors = meaning.Encode([.. involved.Select(i => items[i].Text)], cancellationToken);
            var vectorOf = new Dictionary<int, float[]>();
            for (var k = 0; k < involved.Length; k++)
            {
                vectorOf[involved[k]] = vectors[k];
            }

            foreach (var (a, b, shared, posting) in candidates)
            {
                cancellationToken.ThrowIfCancellationRequested();
                AlignmentTally.Count(posting, "pairs");
                var cosine = Math.Round(Cosine(vectorOf[a], vectorOf[b]), 4);
                if (cosine < CosineFloor)
                {
                    AlignmentTally.Keep(() => new(items[a].Text, items[b].Text, posting, items[a].Polarity == items[b].Polarity, cosine, float.NaN));
                    continue;
                }

                AlignmentTally.Count(posting, "cosine");
                AlignmentTally.Read(a, b, "claims with a pair over the cosine floor");
                var sameEvent = MathF.Round(meaning.SameEvent(items[a].Text, vectorOf[a], items[b].Text, vectorOf[b]), 4);
                AlignmentTally.Keep(() => new(items[a].Text, items[b].Text, posting, items[a].Polarity == items[b].Polarity, cosine, sameEvent));
                if (sameEvent < SameEventFloor)
                {
                    continue;
                }

                AlignmentTally.Count(posting, items[a].Polarity == items[b].Polarity ? "same event" : "opposed");
                AlignmentTally.Read(a, b, "claims with a pair over both floors");
                var pair = new Pair(a, b, cosine, sameEvent, shared);
                (items[a].Polarity == items[b].Polarity ? accepted : opposed).Add(pair);
            }

            if (AlignmentTally.Enabled)
            {
                foreach (var claim in involved)
                {
                    AlignmentTally.Count(candidates.Where(p => p.A == claim || p.B == claim).Min(p => p.Posting), "claims (smallest posting)");
                }
            }
        }

        // Strongest pairs first, each merge bounded, so the result does not depend on the order claims were read in.
        var parent = Enumerable.Range(0, groups.Count).ToArray();
        var size = groups.Select(g => g.Members.Count).ToArray();
        var why = new Dictionary<int, List<Pair>>();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        foreach (var pair in accepted.OrderByDescending(p => p.SameEvent).ThenByDescending(p => p.Cosine).ThenBy(p => p.A).ThenBy(p => p.B))
        {
            var ra = Find(groupOf[pair.A]);
            var rb = Find(groupOf[pair.B]);
            if (ra == rb || size[ra] + size[rb] > MaxJoined)
            {
                continue;
            }

            AlignmentTally.Count(0, "merges");
            var (keep, gone) = ra < rb ? (ra, rb) : (rb, ra);
            parent[gone] = keep;
            size[keep] += size[gone];
            var list = why.TryGetValue(keep, out var l) ? l : why[keep] = [];
            list.AddRange(why.GetValueOrDefault(gone) ?? []);
            why.Remove(gone);
            list.Add(pair);
        }

        // Each group's root, read once: asking every root for its parts among all groups was quadratic in the groups.
        var partsOf = new List<int>?[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            (partsOf[Find(g)] ??= []).Add(g);
        }

        var result = new List<PropositionGrouper.Group>();
        var reasons = new Dictionary<int, string>();
        for (var root = 0; root < groups.Count; root++)
        {
            if (partsOf[root] is not { } parts)
            {
                continue;
            }

            if (parts.Count == 1)
            {
                result.Add(groups[root]);
                continue;
            }

            var members = parts.SelectMany(g => groups[g].Members).ToList();
            var medoid = groups[parts.MaxBy(g => groups[g].Members.Count)].Medoid;
            if (why.TryGetValue(root, out var joins))
            {
                reasons[result.Count] = Reason(joins, items);
            }

            result.Add(new PropositionGrouper.Group(members, medoid, groups[root].Centrality));
        }

        return new Result(result, reasons, opposed);
    }

    /// <summary>Why two claims were read as one event, in words.</summary>
    public static string Describe(Pair pair, IReadOnlyList<Item> items)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(items);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"“{Excerpt(items[pair.A].Text)}” and “{Excerpt(items[pair.B].Text)}” tell one {items[pair.A].EventClass} event about {string.Join(", ", pair.Shared)} (same event {pair.SameEvent:0.00}, meaning {pair.Cosine:0.00})");
    }

    private static string Reason(List<Pair> joins, IReadOnlyList<Item> items) =>
        "joined by meaning: " + string.Join("; ", joins.OrderByDescending(p => p.SameEvent).Take(3).Select(p => Describe(p, items)));

    private static string Excerpt(string text)
    {
        var t = text.Trim();
        if (t.Length <= 80)
        {
            return t;
        }

        var cut = t.LastIndexOf(' ', 77);
        return t[..(cut > 40 ? cut : 77)] + " …";
    }

    /// <summary>Pairs of eligible claims of different sources and groups that name an entity in common.</summary>
    private static List<(int A, int B, IReadOnlyList<string> Shared, int Posting)> Candidates(IReadOnlyList<Item> items, Dictionary<int, int> groupOf, Func<int, int, bool> mayAlign)
    {
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (!Eligible(items[i]) || !groupOf.ContainsKey(i))
            {
                continue;
            }

            foreach (var id in items[i].Entities.Select(e => e.Id).Distinct(StringComparer.Ordinal))
            {
                (postings.TryGetValue(id, out var list) ? list : postings[id] = []).Add(i);
            }
        }

        var seen = new HashSet<(int, int)>();
        var pairs = new List<(int, int, IReadOnlyList<string>, int)>();
        foreach (var (_, list) in postings.OrderBy(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            if (list.Count > MaxPosting)
            {
                continue;
            }

            for (var x = 0; x < list.Count; x++)
            {
                for (var y = x + 1; y < list.Count; y++)
                {
                    var (a, b) = (list[x], list[y]);
                    if (pairs.Count >= MaxPairs)
                    {
                        return pairs;
                    }

                    if (groupOf[a] == groupOf[b] || !seen.Add((a, b)))
                    {
                        continue;
                    }

                    var ia = items[a];
                    var ib = items[b];
                    if (ia.DocumentId == ib.DocumentId || ia.SourceKey == ib.SourceKey || !EventClasses.AreCompatible(ia.EventClass, ib.EventClass)
                        || IsPlan(ia.Lead) != IsPlan(ib.Lead) || !mayAlign(a, b))
                    {
                        continue;
                    }

                    var shared = ia.Entities.Where(e => ib.Entities.Any(f => f.Id == e.Id)).Select(e => e.Name).Distinct(StringComparer.Ordinal).ToList();
                    pairs.Add((a, b, shared, list.Count));
                }
            }
        }

        return pairs;
    }

    /// <summary>
    /// A claim that takes a position on an event its frame names: not a bare statement ("state" fits every event), with
    /// an entity to check against the other claim, and long enough to say something.
    /// </summary>
    private static bool Eligible(Item item)
    {
        if (item.Polarity is null || item.EventClass is null || item.EventClass == EventClasses.State || item.Entities.Count == 0 || item.Text.TrimEnd().EndsWith('?'))
        {
            return false;
        }

        var words = item.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words is >= MinWords and <= MaxWords;
    }

    /// <summary>
    /// True when a claim tells what is to happen ("Prigozhin was to move to Belarus", "the case will be dropped"): a plan
    /// and what later happened are two events, however alike their words ("he had moved between Belarus and Africa").
    /// </summary>
    internal static bool IsPlan(string text) => PlanCue().IsMatch(text);

    [GeneratedRegex(@"\b(?:will|would|shall|(?:was|were|is|are)\s+(?:expected\s+|due\s+|set\s+|going\s+)?to|plans?\s+to|planned\s+to|agreed\s+to|promised\s+to)\b|'ll\b|’ll\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlanCue();

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var k = 0; k < Math.Min(a.Length, b.Length); k++)
        {
            dot += a[k] * b[k];
            na += a[k] * a[k];
            nb += b[k] * b[k];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
