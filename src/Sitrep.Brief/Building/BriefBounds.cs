using Sitrep.Brief.Model;

namespace Sitrep.Brief.Building;

/// <summary>How much evidence a bounded brief carries beside its front part (<see cref="BriefBounds"/>).</summary>
public sealed record BriefLimits
{
    /// <summary>The limits <c>sitrep analyze</c> and <c>sitrep brief</c> use without <c>--full</c>.</summary>
    public static BriefLimits Default { get; } = new();

    /// <summary>Most propositions kept (those the front part refers to first, then contested, then the best corroborated).</summary>
    public int Propositions { get; init; } = 100;

    /// <summary>Most figures kept (the front part's first, then disputes, then updates).</summary>
    public int Figures { get; init; } = 50;

    /// <summary>Most story states kept.</summary>
    public int States { get; init; } = 20;

    /// <summary>Most contradictions kept.</summary>
    public int Contradictions { get; init; } = 50;

    /// <summary>Most timeline entries kept (story before background, then those most documents report).</summary>
    public int Timeline { get; init; } = 100;

    /// <summary>Most entities kept besides those the kept claims and the front part name (most mentioned first).</summary>
    public int Entities { get; init; } = 60;

    /// <summary>Most takeaways kept.</summary>
    public int Takeaways { get; init; } = 40;

    /// <summary>Most error entries kept.</summary>
    public int Errors { get; init; } = 200;

    /// <summary>
    /// Most entries of a list inside one kept item: a proposition's claims and stances, an entity's mentions, a
    /// figure's values, a timeline entry's claims, documents and citations, a document's syndicated copies.
    /// </summary>
    public int PerItem { get; init; } = 20;
}

/// <summary>
/// Bounds a brief: the front part and everything it cites stay; every evidence section keeps its top entries (see
/// <see cref="BriefLimits"/>) and says how many it left out (<see cref="BriefReport.Omitted"/>), so the brief's size
/// follows the limits, not the size of the corpus. The claims and documents kept are those the kept items refer to.
/// The full evidence is the unbounded report (<c>--full</c>).
/// </summary>
public static class BriefBounds
{
    /// <summary>Returns <paramref name="report"/> bounded by <paramref name="limits"/> (the same report when nothing exceeds them).</summary>
    public static BriefReport Apply(BriefReport report, BriefLimits limits)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(limits);
        var per = limits.PerItem;
        var omitted = new Counter();
        var front = FrontReferences(report);

        // Propositions: the front part's, then contested, then corroborated, then by independent sources.
        var propositions = Top(
            report.Propositions,
            limits.Propositions,
            p => front.Propositions.Contains(p.Id) ? 0 : p.Status == "contested" ? 1 : p.Status == "corroborated" ? 2 : 3,
            p => -p.IndependentSources,
            out var leftPropositions);
        omitted.Propositions = leftPropositions;
        propositions = [.. propositions.Select(p =>
        {
            var claims = Cap(p.Claims, per, id => front.Claims.Contains(id) ? 0 : 1, out var leftClaims);
            // A denial or a query is rarer and says more than one more supporting copy.
            var stances = Cap(p.Stances, per, s => s.Stance == "support" ? 1 : 0, out var leftStances);
            omitted.PropositionClaims += leftClaims;
            omitted.Stances += leftStances;
            return leftClaims == 0 && leftStances == 0 ? p : p with { Claims = claims, Stances = stances };
        })];

        var figures = Top(
            report.Figures,
            limits.Figures,
            f => front.Figures.Contains(f.Id) ? 0 : f.Verdict == "dispute" ? 1 : f.Verdict == "update" ? 2 : 3,
            _ => 0,
            out var leftFigures);
        omitted.Figures = leftFigures;
        figures = [.. figures.Select(f =>
        {
            // Each distinct value keeps its first source before a second source of a value already shown.
            var firsts = f.Values.GroupBy(v => v.Value, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToHashSet();
            var values = Cap(f.Values, per, v => firsts.Contains(v) ? 0 : 1, out var leftValues);
            var conflicts = Cap(f.Conflicts, per, _ => 0, out var leftConflicts);
            omitted.FigureValues += leftValues + leftConflicts;
            return leftValues == 0 && leftConflicts == 0 ? f : f with { Values = values, Conflicts = conflicts };
        })];

        var states = Top(report.States, limits.States, s => front.Topics.Contains(s.Topic) ? 0 : s.Disputed ? 1 : 2, _ => 0, out var leftStates);
        omitted.States = leftStates;
        states = [.. states.Select(s =>
        {
            var steps = Cap(s.Steps, per, _ => 0, out var leftSteps);
            var disputing = Cap(s.Disputing, per, _ => 0, out var leftDisputing);
            omitted.StateReadings += leftSteps + leftDisputing;
            return leftSteps == 0 && leftDisputing == 0 ? s : s with { Steps = steps, Disputing = disputing };
        })];

        var contradictions = Top(report.Contradictions, limits.Contradictions, c => c.Proposition is { } p && front.Propositions.Contains(p) ? 0 : 1, _ => 0, out var leftContradictions);
        omitted.Contradictions = leftContradictions;

        var timeline = Top(report.Timeline, limits.Timeline, e => e.Role == "background" ? 1 : 0, e => -e.Docs.Count, out var leftTimeline);
        omitted.Timeline = leftTimeline;
        timeline = [.. timeline.Select(e =>
        {
            var claims = Cap(e.Claims, per, _ => 0, out var a);
            var docs = Cap(e.Docs, per, _ => 0, out var b);
            var cites = Cap(e.Cites ?? [], per, _ => 0, out var c);
            omitted.TimelineReferences += a + b + c;
            return a + b + c == 0 ? e : e with { Claims = claims, Docs = docs, Cites = e.Cites is null ? null : cites };
        })];

        var takeaways = Top(report.Takeaways, limits.Takeaways, _ => 0, _ => 0, out var leftTakeaways);
        omitted.Takeaways = leftTakeaways;
        var errors = Top(report.Errors, limits.Errors, e => e.Severity == "error" ? 0 : 1, _ => 0, out var leftErrors);
        omitted.Errors = leftErrors;

        // Claims: those a kept item refers to, by id or by the span it cites.
        var claimIds = new HashSet<string>(front.Claims, StringComparer.Ordinal);
        claimIds.UnionWith(report.KeyClaims);
        claimIds.UnionWith(propositions.SelectMany(p => p.Claims));
        claimIds.UnionWith(timeline.SelectMany(e => e.Claims));
        claimIds.UnionWith(figures.SelectMany(f => f.Values.Select(v => v.Claim)));
        claimIds.UnionWith(states.SelectMany(s => s.AllReadings.Select(r => r.Claim)));
        claimIds.UnionWith(contradictions.SelectMany(c => new[] { c.A, c.B }));
        var citedSpans = new HashSet<BriefSpan>(front.Cites);
        var claims = report.Claims.Where(c => claimIds.Contains(c.Id) || citedSpans.Contains(new BriefSpan(c.Doc, c.Start, c.End))).ToList();
        omitted.Claims = report.Claims.Count - claims.Count;

        // Entities: the front part's actors, those the kept claims name, then the most mentioned.
        var named = new HashSet<string>(report.ActorsThatMatter.Select(a => a.Entity), StringComparer.Ordinal);
        foreach (var c in claims)
        {
            named.Add(c.Attribution.Holder);
            foreach (var p in c.Frame?.Participants ?? [])
            {
                if (p.EntityId is { } id)
                {
                    named.Add(id);
                }
            }
        }

        // An entity the front part set aside (a source, a common noun, a code) is no actor: a bounded list leaves it out
        // whatever names it, and says how many for each reason.
        var actors = report.Entities.Where(e => e.SetAside is null).ToList();
        var entities = Top(actors, actors.Count(e => named.Contains(e.Id)) + limits.Entities, e => named.Contains(e.Id) ? 0 : 1, e => -e.Mentions.Count, out var leftEntities);
        omitted.Entities = leftEntities + (report.Entities.Count - actors.Count);
        omitted.SetAside = report.Entities.Where(e => e.SetAside is not null).GroupBy(e => e.SetAside!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        entities = [.. entities.Select(e =>
        {
            // One mention in each document first: the list shows where the entity is named, not one document's repeats.
            var documentsSeen = new HashSet<string>(StringComparer.Ordinal);
            var firstInDocument = e.Mentions.Where(m => documentsSeen.Add(m.Doc)).ToHashSet();
            var mentions = Cap(e.Mentions, per, m => firstInDocument.Contains(m) ? 0 : 1, out var left);
            omitted.Mentions += left;
            return left == 0 ? e : e with { Mentions = mentions, MentionCount = e.Mentions.Count };
        })];

        // Documents: those anything kept cites or refers to.
        var docIds = new HashSet<string>(StringComparer.Ordinal);
        docIds.UnionWith(citedSpans.Select(s => s.Doc));
        docIds.UnionWith(claims.Select(c => c.Doc));
        docIds.UnionWith(propositions.SelectMany(p => p.Stances.Select(s => s.Doc)));
        docIds.UnionWith(propositions.Where(p => p.Cite is not null).Select(p => p.Cite!.Doc));
        docIds.UnionWith(timeline.SelectMany(e => e.Docs.Concat((e.Cites ?? []).Select(c => c.Doc))));
        docIds.UnionWith(figures.SelectMany(f => f.Values.Select(v => v.Cite.Doc)));
        docIds.UnionWith(states.SelectMany(s => s.AllReadings.Select(r => r.Cite.Doc)));
        docIds.UnionWith(entities.SelectMany(e => e.Mentions.Select(m => m.Doc)));
        docIds.UnionWith(takeaways.SelectMany(t => t.Cites.Select(c => c.Doc)));
        docIds.UnionWith(report.Hypotheses.SelectMany(h => h.Sources.Select(s => s.Doc)));
        docIds.UnionWith(report.Ach?.Evidence.SelectMany(e => e.Cites.Select(c => c.Doc)) ?? []);
        var documents = report.Documents.Where(d => docIds.Contains(d.Id)).Select(d =>
        {
            var copies = Cap(d.SyndicatedWith, per, _ => 0, out var left);
            omitted.SyndicatedCopies += left;
            return left == 0 ? d : d with { SyndicatedWith = copies };
        }).ToList();
        omitted.Documents = report.Documents.Count - documents.Count;

        if (omitted.IsEmpty)
        {
            return report with { Omitted = new BriefOmitted { Top = limits.Propositions, PerItem = per } };
        }

        return report with
        {
            Documents = documents,
            Entities = entities,
            Claims = claims,
            Propositions = propositions,
            Contradictions = contradictions,
            Figures = figures,
            States = states,
            Timeline = timeline,
            Takeaways = takeaways,
            Errors = errors,
            Omitted = omitted.ToModel(limits),
        };
    }

    /// <summary>
    /// The <paramref name="limit"/> best items by (<paramref name="group"/>, <paramref name="rank"/>), stable, in
    /// their original order.
    /// </summary>
    private static List<T> Top<T>(IReadOnlyList<T> items, int limit, Func<T, int> group, Func<T, int> rank, out int left)
    {
        if (items.Count <= limit)
        {
            left = 0;
            return [.. items];
        }

        var keep = Enumerable.Range(0, items.Count)
            .OrderBy(i => group(items[i]))
            .ThenBy(i => rank(items[i]))
            .ThenBy(i => i)
            .Take(limit)
            .Order()
            .Select(i => items[i])
            .ToList();
        left = items.Count - keep.Count;
        return keep;
    }

    private static List<T> Cap<T>(IReadOnlyList<T> items, int limit, Func<T, int> group, out int left) =>
        Top(items, limit, group, _ => 0, out left);

    private static FrontReferenceSet FrontReferences(BriefReport report)
    {
        var set = new FrontReferenceSet();
        void Cites(IEnumerable<BriefSpan> cites) => set.Cites.UnionWith(cites);
        foreach (var b in report.BottomLine)
        {
            Cites(b.Cites);
            Add(set.Propositions, b.Proposition);
        }

        foreach (var j in report.KeyJudgments)
        {
            Cites(j.Cites);
            Add(set.Propositions, j.Proposition);
            Add(set.Figures, j.Figure);
        }

        foreach (var s in report.SourceJudgments)
        {
            Cites(s.Cites);
            set.Claims.Add(s.Claim);
        }

        var status = report.Status;
        foreach (var i in status.Confirmed.Concat(status.Disputed).Concat(status.Open).Concat(status.Changed))
        {
            Cites(i.Cites);
            Add(set.Propositions, i.Proposition);
            Add(set.Figures, i.Figure);
            Add(set.Topics, i.Topic);
        }

        foreach (var a in report.ActorsThatMatter)
        {
            foreach (var c in a.Claimed)
            {
                Cites(c.Cites);
                Add(set.Propositions, c.Proposition);
            }
        }

        foreach (var w in report.Watch)
        {
            Cites(w.Cites);
            Add(set.Propositions, w.Proposition);
        }

        return set;

        static void Add(HashSet<string> set, string? id)
        {
            if (id is not null)
            {
                set.Add(id);
            }
        }
    }

    private sealed class FrontReferenceSet
    {
        public HashSet<string> Propositions { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Figures { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Topics { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Claims { get; } = new(StringComparer.Ordinal);

        public HashSet<BriefSpan> Cites { get; } = [];
    }

    private sealed class Counter
    {
        public int Documents { get; set; }

        public int SyndicatedCopies { get; set; }

        public int Entities { get; set; }

        public Dictionary<string, int> SetAside { get; set; } = [];

        public int Mentions { get; set; }

        public int Claims { get; set; }

        public int Propositions { get; set; }

        public int PropositionClaims { get; set; }

        public int Stances { get; set; }

        public int Contradictions { get; set; }

        public int Figures { get; set; }

        public int FigureValues { get; set; }

        public int States { get; set; }

        public int StateReadings { get; set; }

        public int Timeline { get; set; }

        public int TimelineReferences { get; set; }

        public int Takeaways { get; set; }

        public int Errors { get; set; }

        public bool IsEmpty =>
            Documents + SyndicatedCopies + Entities + Mentions + Claims + Propositions + PropositionClaims + Stances + Contradictions
            + Figures + FigureValues + States + StateReadings + Timeline + TimelineReferences + Takeaways + Errors == 0;

        public BriefOmitted ToModel(BriefLimits limits) => new()
        {
            Top = limits.Propositions,
            PerItem = limits.PerItem,
            Documents = Documents,
            SyndicatedCopies = SyndicatedCopies,
            Entities = Entities,
            SetAside = SetAside.Count == 0 ? null : SetAside,
            Mentions = Mentions,
            Claims = Claims,
            Propositions = Propositions,
            PropositionClaims = PropositionClaims,
            Stances = Stances,
            Contradictions = Contradictions,
            Figures = Figures,
            FigureValues = FigureValues,
            States = States,
            StateReadings = StateReadings,
            Timeline = Timeline,
            TimelineReferences = TimelineReferences,
            Takeaways = Takeaways,
            Errors = Errors,
        };
    }
}
