namespace Sitrep.Brief.Model;

// The front part of the brief (issue 19): what a reader needs first, built from what the pipeline already computed.
// Every item cites the exact source characters it rests on; text between “ ” is quoted from the cited span.

/// <summary>A sentence of the brief and the source characters it rests on.</summary>
/// <param name="Text">The sentence; words between “ ” are quoted from the cited spans.</param>
/// <param name="Cites">Exact source spans; never empty.</param>
public sealed record BriefStatement(string Text, IReadOnlyList<BriefSpan> Cites)
{
    /// <summary>The proposition it states, when it states one.</summary>
    public string? Proposition { get; init; }
}

/// <summary>A key judgment: Sitrep's estimate of how likely a proposition is, kept apart from how sure it is of that estimate.</summary>
/// <param name="Text">The judgment in one sentence.</param>
/// <param name="Likelihood">ICD 203 likelihood word: <c>almost no chance|very unlikely|unlikely|roughly even chance|likely|very likely|almost certain</c>.</param>
/// <param name="Confidence"><c>high|moderate|low</c>, from the number of independent sources, their grades and their agreement.</param>
/// <param name="Basis">One line of basis ("3 independent sources, best B1; disputed by 1").</param>
/// <param name="Cites">Exact source spans.</param>
public sealed record BriefJudgment(string Text, string Likelihood, string Confidence, string Basis, IReadOnlyList<BriefSpan> Cites)
{
    /// <summary>The proposition judged, or null for a judgment on a figure.</summary>
    public string? Proposition { get; init; }

    /// <summary>The figure judged, or null.</summary>
    public string? Figure { get; init; }

    /// <summary>
    /// What the judgment hangs on: the sources without any one of which it would rest on one outlet or its confidence
    /// would fall a level ("Meridian Wire (B) and Continental Press Agency (B) (without either, it rests on one graded
    /// outlet)"), or "no single source". Null for older briefs.
    /// </summary>
    public string? Linchpin { get; init; }
}

/// <summary>A source's own analytic judgment, reported as theirs and never restated as Sitrep's.</summary>
/// <param name="Holder">Who judges (the outlet or the named holder), with the source's grade.</param>
/// <param name="Term">Their estimative phrase as written ("very likely").</param>
/// <param name="Band">Its ICD 203 band name (<c>likely</c>, <c>very_likely</c>, …).</param>
/// <param name="Text">The judgment, attributed.</param>
/// <param name="Claim">The claim id.</param>
/// <param name="Cites">The claim's span.</param>
public sealed record BriefSourceJudgment(string Holder, string Term, string? Band, string Text, string Claim, IReadOnlyList<BriefSpan> Cites);

/// <summary>One line of the story's status (confirmed, disputed, open or changed).</summary>
/// <param name="Text">What it says; words between “ ” are quoted.</param>
/// <param name="Basis">Why it is in this list ("3 independent sources, best B1").</param>
/// <param name="Cites">Exact source spans.</param>
public sealed record BriefStatusItem(string Text, string Basis, IReadOnlyList<BriefSpan> Cites)
{
    /// <summary>The proposition it refers to, or null.</summary>
    public string? Proposition { get; init; }

    /// <summary>The figure it refers to, or null.</summary>
    public string? Figure { get; init; }

    /// <summary>
    /// For a disputed figure, every figure its row shows, <see cref="Figure"/> first: one event's counts of the same
    /// role that share a source's value ("no casualties" against the airmen, the soldiers and the people killed) are
    /// one row. Empty for other items.
    /// </summary>
    public IReadOnlyList<string> Figures { get; init; } = [];

    /// <summary>The story-state topic it refers to, or null.</summary>
    public string? Topic { get; init; }

    /// <summary>A label the reader must see ("debunked", "single source"), or null.</summary>
    public string? Label { get; init; }

    /// <summary>
    /// The label of a Confirmed item in a story whose sources are all ungraded: several independent reports agree, but
    /// who they are is not known, so nothing is confirmed.
    /// </summary>
    public const string NotConfirmedLabel = "reported, not confirmed";

    /// <summary>
    /// The title of the Confirmed list: "Confirmed", or, when every item in it is only reported by ungraded sources,
    /// a title that says so (a list headed "Confirmed" must not hold items that are not).
    /// </summary>
    public static string ConfirmedTitle(IReadOnlyList<BriefStatusItem> items) =>
        IsReportedOnly(items) ? "Reported by several sources (none graded, not confirmed)" : "Confirmed";

    /// <summary>Whether the Confirmed list holds only items reported by ungraded sources (their label is then the title's).</summary>
    public static bool IsReportedOnly(IReadOnlyList<BriefStatusItem> items) =>
        items.Count > 0 && items.All(i => i.Label == NotConfirmedLabel);

    /// <summary>When it changed or was reported (ISO 8601), for changed items.</summary>
    public string? When { get; init; }
}

/// <summary>Where the story stands: confirmed, disputed, open and changed items.</summary>
/// <param name="Confirmed">What several independent, graded sources agree on.</param>
/// <param name="Disputed">What sources dispute, debunked items labelled (the figures are in <see cref="BriefReport.Figures"/>).</param>
/// <param name="Open">What is still unresolved.</param>
/// <param name="Changed">What changed and when (story states, updated figures, the latest development).</param>
public sealed record BriefStatus(
    IReadOnlyList<BriefStatusItem> Confirmed,
    IReadOnlyList<BriefStatusItem> Disputed,
    IReadOnlyList<BriefStatusItem> Open,
    IReadOnlyList<BriefStatusItem> Changed)
{
    /// <summary>The time <see cref="Changed"/> starts from when the brief was asked for changes since a time (ISO 8601), else null.</summary>
    public string? Since { get; init; }
}

/// <summary>An actor that matters to the story.</summary>
/// <param name="Entity">Entity id.</param>
/// <param name="Name">Canonical name.</param>
/// <param name="Type"><c>PERSON|ORG</c>.</param>
/// <param name="Role">Their role in the story, from how the sources describe them and what they say ("Defence Minister; speaks in 3 claims").</param>
/// <param name="Mentions">Mentions, aliases included.</param>
/// <param name="Documents">Documents that mention them.</param>
/// <param name="Claimed">What is claimed of them, most corroborated first.</param>
public sealed record BriefActor(string Entity, string Name, string Type, string Role, int Mentions, int Documents, IReadOnlyList<BriefStatement> Claimed);

/// <summary>Something to watch: an open question or a claim awaiting confirmation.</summary>
/// <param name="Text">What to watch.</param>
/// <param name="Reason">Why ("single source, B", "reversing it changes the leading hypothesis").</param>
/// <param name="Cites">Exact source spans.</param>
public sealed record BriefWatchItem(string Text, string Reason, IReadOnlyList<BriefSpan> Cites)
{
    /// <summary>The proposition it refers to, or null.</summary>
    public string? Proposition { get; init; }
}
