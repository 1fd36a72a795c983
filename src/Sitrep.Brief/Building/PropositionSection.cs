using Sitrep.Brief.Model;
using Sitrep.Corroboration.Propositions;
using Sitrep.Pipeline;

namespace Sitrep.Brief.Building;

/// <summary>Maps the propositions layer into the brief's propositions[] and contradictions[].</summary>
internal static class PropositionSection
{
    public static List<BriefProposition> Propositions(Corpus corpus) =>
        [.. (corpus.Layers.Find<PropositionLayer>()?.Propositions ?? []).Select(p => new BriefProposition(
            p.Id,
            p.Label,
            [.. p.Claims.Select(c => c.Key)],
            [.. p.Stances.Select(s => new BriefStance(s.DocumentId, s.PostId, Name(s.Stance)))],
            p.IndependentSources,
            Name(p.Status),
            p.Credibility)
        {
            Cite = BriefBuilder.ToBrief(p.Cite),
            Support = p.Support,
            Denial = p.Denial,
            Alignment = p.JoinedBy,
        })];

    public static List<BriefContradiction> Contradictions(Corpus corpus) =>
        [.. (corpus.Layers.Find<PropositionLayer>()?.Contradictions ?? []).Select(c => new BriefContradiction(c.A, c.B, c.IsUpdate ? "update" : "contradiction", c.Reason)
        {
            Proposition = c.PropositionId,
        })];

    public static string Name(StanceKind stance) => stance switch
    {
        StanceKind.Support => "support",
        StanceKind.Deny => "deny",
        StanceKind.Query => "query",
        _ => "comment",
    };

    public static string Name(CorroborationStatus status) => status switch
    {
        CorroborationStatus.Corroborated => "corroborated",
        CorroborationStatus.Contested => "contested",
        CorroborationStatus.SingleSource => "single-source",
        _ => "unverified",
    };
}
