using Sitrep.Claims;
using Sitrep.Documents;

namespace Sitrep.Corroboration.Propositions;

/// <summary>A claim located in the corpus: the claim and the document it belongs to.</summary>
/// <param name="DocumentId">Document id.</param>
/// <param name="Claim">The claim.</param>
public sealed record ClaimRef(string DocumentId, Claim Claim)
{
    /// <summary>Corpus-unique id, as brief.json writes claim ids: <c>{doc}-{claim}</c>.</summary>
    public string Key => DocumentId + "-" + Claim.Id;
}

/// <summary>How a document or post relates to a proposition (the RumourEval scheme).</summary>
public enum StanceKind
{
    /// <summary>Asserts it.</summary>
    Support,

    /// <summary>Asserts its negation.</summary>
    Deny,

    /// <summary>Asks whether it is true.</summary>
    Query,

    /// <summary>Mentions it without taking a position.</summary>
    Comment,
}

/// <summary>Whether a proposition stands on several independent sources.</summary>
public enum CorroborationStatus
{
    /// <summary>Two or more independent sources support it and none denies it.</summary>
    Corroborated,

    /// <summary>Some sources support it and some deny it.</summary>
    Contested,

    /// <summary>Only one independent source states it.</summary>
    SingleSource,

    /// <summary>Nobody asserts it: it is only asked about or commented on.</summary>
    Unverified,
}

/// <summary>The stance of one document or post.</summary>
/// <param name="DocumentId">Document.</param>
/// <param name="PostId">Post, or null for the document as a whole.</param>
/// <param name="Stance">Stance.</param>
/// <param name="Claims">The claims that show the stance.</param>
public sealed record SourceStance(string DocumentId, string? PostId, StanceKind Stance, IReadOnlyList<string> Claims);

/// <summary>Claims from one or more documents that state the same thing.</summary>
/// <param name="Id">Proposition id (<c>p1</c>, …).</param>
/// <param name="Label">A readable statement of it: the text of its most central claim.</param>
/// <param name="Claims">Its claims.</param>
/// <param name="Stances">Stance of each document or post.</param>
/// <param name="IndependentSources">Independent sources that assert it or its negation (syndicated copies count once).</param>
/// <param name="Status">Corroboration status.</param>
/// <param name="Credibility">Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged).</param>
/// <param name="Support">Reliability-weighted support.</param>
/// <param name="Denial">Reliability-weighted denial.</param>
/// <param name="Cite">The span of the label claim.</param>
/// <param name="JoinedBy">
/// Why claims worded differently were joined into it (same event class, a participant in common, sentence meaning and
/// the same-event model), or null when shared words alone grouped its claims.
/// </param>
public sealed record Proposition(
    string Id,
    string Label,
    IReadOnlyList<ClaimRef> Claims,
    IReadOnlyList<SourceStance> Stances,
    int IndependentSources,
    CorroborationStatus Status,
    int Credibility,
    double Support,
    double Denial,
    Span Cite,
    string? JoinedBy = null);

/// <summary>Two claims that cannot both hold, or a later report revising an earlier one.</summary>
/// <param name="A">Earlier (or first) claim key.</param>
/// <param name="B">Later (or second) claim key.</param>
/// <param name="IsUpdate">True when B revises A (later report, same source or explicit revision), not a contradiction.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="PropositionId">The proposition both belong to.</param>
public sealed record Contradiction(string A, string B, bool IsUpdate, string Reason, string PropositionId);

/// <summary>The corpus layer of propositions and contradictions.</summary>
/// <param name="Propositions">Propositions, most sources first.</param>
/// <param name="Contradictions">Contradictions and updates.</param>
public sealed record PropositionLayer(IReadOnlyList<Proposition> Propositions, IReadOnlyList<Contradiction> Contradictions);
