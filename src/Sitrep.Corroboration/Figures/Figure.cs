using Sitrep.Claims.Frames;
using Sitrep.Documents;

namespace Sitrep.Corroboration.Figures;

/// <summary>One source's value for a figure.</summary>
/// <param name="ClaimKey">The claim that gives it (<c>{doc}-{claim}</c>).</param>
/// <param name="DocumentId">Its document.</param>
/// <param name="Source">Who gives it, for display.</param>
/// <param name="SourceKey">Its independent-source key.</param>
/// <param name="Measure">The value with its bounds.</param>
/// <param name="ReportTime">When it was reported, if known.</param>
/// <param name="Cite">The claim's span.</param>
/// <param name="Likelihood">The claim's ICD 203 likelihood word, when it is hedged.</param>
public sealed record FigureValue(string ClaimKey, string DocumentId, string Source, string SourceKey, Measure Measure, DateTimeOffset? ReportTime, Span Cite, string? Likelihood)
{
    /// <summary>True when the value is read from the document's headline (<see cref="Sitrep.Claims.ClaimLayer.Headline"/>), not from its text.</summary>
    public bool IsHeadline { get; init; }
}

/// <summary>How the values of one figure relate.</summary>
public enum FigureVerdict
{
    /// <summary>The values can all hold at once (overlapping ranges, the same number in other units).</summary>
    Consistent,

    /// <summary>A later report revises an earlier value (a toll that rises, a correction).</summary>
    Update,

    /// <summary>Sources give values that cannot both hold.</summary>
    Dispute,
}

/// <summary>Two values of a figure that cannot both hold, or one that revises the other.</summary>
/// <param name="Earlier">The earlier (or first) value.</param>
/// <param name="Later">The later (or second) value.</param>
/// <param name="IsUpdate">True when the later value revises the earlier one.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record FigureConflict(FigureValue Earlier, FigureValue Later, bool IsUpdate, string Reason);

/// <summary>
/// One quantity of one event as the sources give it: "killed (airmen)" with each source's value, labelled consistent,
/// update or dispute, with the reason.
/// </summary>
/// <param name="Id">Figure id (<c>f1</c>, …).</param>
/// <param name="Role">What is measured (<see cref="MeasureRoles"/>).</param>
/// <param name="Counted">Who or what is counted, or the place a distance is from.</param>
/// <param name="Label">The figure in words ("killed", "force size", "distance from moscow").</param>
/// <param name="Values">Each source's value, in report-time order.</param>
/// <param name="Verdict">How the values relate.</param>
/// <param name="Reason">The verdict's reason in words.</param>
/// <param name="Conflicts">The pairs behind a dispute or update.</param>
public sealed record Figure(string Id, string Role, string? Counted, string Label, IReadOnlyList<FigureValue> Values, FigureVerdict Verdict, string Reason, IReadOnlyList<FigureConflict> Conflicts);

/// <summary>The corpus layer of figures, disputes first.</summary>
/// <param name="Figures">The figures.</param>
public sealed record FigureLayer(IReadOnlyList<Figure> Figures);

/// <summary>Wire names of the figure verdicts, as brief.json writes them.</summary>
public static class FigureNames
{
    /// <summary>The wire name of a verdict.</summary>
    public static string Of(FigureVerdict verdict) => verdict switch
    {
        FigureVerdict.Dispute => "dispute",
        FigureVerdict.Update => "update",
        _ => "consistent",
    };
}
