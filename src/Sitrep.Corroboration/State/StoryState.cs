using Sitrep.Documents;

namespace Sitrep.Corroboration.State;

/// <summary>The status a claim gives a matter at one point of the story.</summary>
/// <param name="Status">The status in words ("to be dropped", "open", "closed").</param>
/// <param name="ClaimKey">The claim that says so.</param>
/// <param name="Source">Who says so.</param>
/// <param name="ReportTime">When it was reported, if known.</param>
/// <param name="Cite">The claim's span.</param>
public sealed record StatusStep(string Status, string ClaimKey, string Source, DateTimeOffset? ReportTime, Span Cite);

/// <summary>
/// Where one matter of the story stands now and how it got there: "criminal case: to be dropped (Kremlin, 24 Jun) →
/// open (Russian media, 26 Jun) → closed (FSB, 27 Jun)".
/// </summary>
/// <param name="Topic">The matter ("criminal case").</param>
/// <param name="Steps">Each change of status, in report-time order (a status repeated by the next report is one step).</param>
/// <param name="Now">The latest status.</param>
/// <param name="Summary">The story in one line.</param>
/// <param name="Disputed">True when, after the latest change, a source still gives another status, or sources whose order is
/// unknown, or that speak of a fact, disagree.</param>
public sealed record StoryState(string Topic, IReadOnlyList<StatusStep> Steps, string Now, string Summary, bool Disputed)
{
    /// <summary>
    /// The readings that dispute the matter and cannot be placed in <see cref="Steps"/>: for a status, those with no
    /// report time that clash with where it stands; for a fact, one reading per source and side.
    /// </summary>
    public IReadOnlyList<StatusStep> Disputing { get; init; } = [];

    /// <summary>
    /// Every reading of a story that moved, each step's status as each source gives it (the steps show only the first);
    /// empty when only the steps were kept.
    /// </summary>
    public IReadOnlyList<StatusStep> Readings { get; init; } = [];
}

/// <summary>The corpus layer of story states.</summary>
/// <param name="States">The states.</param>
public sealed record StoryStateLayer(IReadOnlyList<StoryState> States);
