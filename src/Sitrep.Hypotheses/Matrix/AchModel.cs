using Sitrep.Documents;

namespace Sitrep.Hypotheses.Matrix;

/// <summary>A hypothesis: an explanation the evidence is weighed against.</summary>
/// <param name="Id">Id (<c>H1</c>, …).</param>
/// <param name="Text">The hypothesis as a statement.</param>
/// <param name="Origin">Given by the analyst or suggested from the sources.</param>
/// <param name="Sources">Where in the sources it was found (empty for the analyst's own).</param>
public sealed record Hypothesis(string Id, string Text, HypothesisOrigin Origin, IReadOnlyList<Span> Sources);

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
    /// <summary>The cell of a row and column (not applicable when absent).</summary>
    public Cell CellAt(string evidence, string hypothesis) =>
        Cells.TryGetValue((evidence, hypothesis), out var cell) ? cell : new Cell(Rating.NotApplicable, "not rated");
}
