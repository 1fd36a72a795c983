using Sitrep.Documents;

namespace Sitrep.Hypotheses.Matrix;

/// <summary>A hypothesis: an explanation the evidence is weighed against.</summary>
/// <param name="Id">Id (<c>H1</c>, …).</param>
/// <param name="Text">The hypothesis as a statement.</param>
/// <param name="Origin">Given by the analyst or suggested from the sources.</param>
/// <param name="Sources">Where in the sources it was found (empty for the analyst's own).</param>
public sealed record Hypothesis(string Id, string Text, HypothesisOrigin Origin, IReadOnlyList<Span> Sources)
{
    /// <summary>Other phrasings of the same hypothesis found in the sources; evidence is judged against each.</summary>
    public IReadOnlyList<string> Phrasings { get; init; } = [];
}

/// <summary>Where a hypothesis comes from.</summary>
public enum HypothesisOrigin
{
    /// <summary>The analyst's hypotheses file.</summary>
    User,

    /// <summary>Suggested from the corpus.</summary>
    Suggested,
}

/// <summary>Heuer's consistency ratings of one piece of evidence against one hypothesis.</summary>
public enum Rating
{
    /// <summary>Not applicable: the evidence says nothing about the hypothesis.</summary>
    NotApplicable,

    /// <summary>Very inconsistent.</summary>
    VeryInconsistent,

    /// <summary>Inconsistent.</summary>
    Inconsistent,

    /// <summary>Neutral.</summary>
    Neutral,

    /// <summary>Consistent.</summary>
    Consistent,

    /// <summary>Very consistent.</summary>
    VeryConsistent,
}

/// <summary>An evidence row: a proposition with its grading, dates and citations.</summary>
/// <param name="Id">The proposition id.</param>
/// <param name="Label">What it says.</param>
/// <param name="Credibility">Admiralty credibility 1–6.</param>
/// <param name="Status">Corroboration status name.</param>
/// <param name="Reliabilities">Reliability grades of its sources (A–F, F for ungraded).</param>
/// <param name="EventTime">When it happened (TIMEX3), if known.</param>
/// <param name="ReportTime">When it was first reported (ISO 8601), if known.</param>
/// <param name="Cites">All its citations.</param>
/// <param name="Words">Its content words, for relevance.</param>
/// <param name="Denied">Content words of the claims that deny it.</param>
public sealed record Evidence(
    string Id,
    string Label,
    int Credibility,
    string Status,
    IReadOnlyList<string> Reliabilities,
    string? EventTime,
    string? ReportTime,
    IReadOnlyList<Span> Cites,
    IReadOnlyList<string> Words,
    IReadOnlyList<string> Denied)
{
    /// <summary>What the evidence asserts, in the form the meaning rater reads; empty when not known.</summary>
    public EvidenceFrame Frame { get; init; } = EvidenceFrame.Empty;

    /// <summary>Warnings an analyst must see beside this row: single source, contested, possible deception.</summary>
    public IReadOnlyList<string> Flags
    {
        get
        {
            var flags = new List<string>();
            if (Status == "single-source")
            {
                flags.Add("single-source");
            }

            if (Status == "contested")
            {
                flags.Add("contested");
            }

            if (Reliabilities.Any(r => r is "E" or "F"))
            {
                flags.Add("source graded E/F: possible deception");
            }

            return flags;
        }
    }
}

/// <summary>A rating with its one-line reason and whether the analyst set it.</summary>
/// <param name="Rating">The rating.</param>
/// <param name="Reason">Why.</param>
/// <param name="Overridden">True when it comes from the analyst's ratings file.</param>
public sealed record Cell(Rating Rating, string Reason, bool Overridden = false);

/// <summary>The ACH matrix: hypotheses as columns, evidence as rows, a rating per cell.</summary>
/// <param name="Hypotheses">Columns.</param>
/// <param name="Evidence">Rows.</param>
/// <param name="Cells">Ratings keyed by (evidence id, hypothesis id).</param>
public sealed record AchMatrix(IReadOnlyList<Hypothesis> Hypotheses, IReadOnlyList<Evidence> Evidence, IReadOnlyDictionary<(string Evidence, string Hypothesis), Cell> Cells)
{
    /// <summary>
    /// Evidence that seems to bear on a hypothesis but that the rating rule left unrated (the pair model was unsure or
    /// the frames disagree): offered to the analyst, who may rate it in the ratings file.
    /// </summary>
    public IReadOnlyList<Candidate> Candidates { get; init; } = [];

    /// <summary>The cell of a row and column (not applicable when absent).</summary>
    public Cell CellAt(string evidence, string hypothesis) =>
        Cells.TryGetValue((evidence, hypothesis), out var cell) ? cell : new Cell(Rating.NotApplicable, "not rated");
}

/// <summary>Evidence offered to the analyst for a hypothesis, with why it was not rated automatically.</summary>
/// <param name="Evidence">The evidence row.</param>
/// <param name="Hypothesis">The hypothesis id it seems to bear on.</param>
/// <param name="Reason">Why it stayed unrated.</param>
public sealed record Candidate(Evidence Evidence, string Hypothesis, string Reason);

/// <summary>
/// What a piece of evidence asserts, as the meaning rater reads it: its statement with the estimative frame taken out
/// ("It is unlikely that the episode was staged" → "the episode was staged", band <c>unlikely</c>), its polarity, the
/// event class of its predicate and the smallest number of people it says were killed or injured.
/// </summary>
/// <param name="Statement">The proposition without its estimative wording, or null when unknown.</param>
/// <param name="Likelihood">ICD 203 band wire name (<c>unlikely</c>, <c>very_likely</c>…), or null when unhedged.</param>
/// <param name="Possibility">True when the hedge is a mere possibility ("may", "could", "perhaps").</param>
/// <param name="Negated">True when the claim is negated.</param>
/// <param name="EventClass">Event class of the predicate, or null.</param>
/// <param name="Trigger">The trigger word, or null.</param>
/// <param name="Harmed">The lower bound of people it says were killed or injured, or null when it gives none.</param>
public sealed record EvidenceFrame(string? Statement, string? Likelihood, bool Possibility, bool Negated, string? EventClass, string? Trigger, double? Harmed)
{
    /// <summary>Nothing known.</summary>
    public static EvidenceFrame Empty { get; } = new(null, null, false, false, null, null, null);
}
