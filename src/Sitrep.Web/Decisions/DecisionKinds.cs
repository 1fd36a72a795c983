namespace Sitrep.Web.Decisions;

/// <summary>The kinds of analyst decision the workbench records, as stored in the audit log.</summary>
public static class DecisionKinds
{
    /// <summary>Two actors are one: subject is the name kept, value the name merged into it.</summary>
    public const string Merge = "merge";

    /// <summary>An actor's aliases are separate actors: subject is the name.</summary>
    public const string Split = "split";

    /// <summary>An actor's type: subject is the name, value PERSON, ORG, LOC or MISC.</summary>
    public const string Retype = "retype";

    /// <summary>A hypothesis added, edited or removed: subject is its id, value its text (empty when removed).</summary>
    public const string Hypothesis = "hypothesis";

    /// <summary>An ACH rating: subject is <c>evidence|hypothesis</c>, value CC, C, N, I, II or NA, why the reason.</summary>
    public const string Rating = "rating";

    /// <summary>An outlet's Admiralty reliability: subject is the outlet, value A–F.</summary>
    public const string Grade = "grade";

    /// <summary>
    /// A file uploaded in team mode, recorded so the audit log names who sent it: subject is its name, value its SHA-256.
    /// Not among <see cref="All"/>: it changes no part of the picture.
    /// </summary>
    public const string Upload = "upload";

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } = [Merge, Split, Retype, Hypothesis, Rating, Grade];
}
