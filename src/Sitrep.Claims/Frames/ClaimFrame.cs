namespace Sitrep.Claims.Frames;

/// <summary>
/// What a claim says happened, in a form two claims can be compared by: the event class of its main predicate and the
/// predicate as written, and its measures (figures with their roles). Participants, places and times are read from the
/// entity and timex layers where the claims are compared, since those are resolved across documents.
/// </summary>
/// <param name="EventClass">The event class (<see cref="EventClasses"/>), or null when no trigger word names one.</param>
/// <param name="Trigger">The trigger word as written (lower case), or null.</param>
/// <param name="Measures">The claim's figures whose role is known.</param>
public sealed record ClaimFrame(string? EventClass, string? Trigger, IReadOnlyList<Measure> Measures)
{
    /// <summary>A frame with nothing in it.</summary>
    public static ClaimFrame Empty { get; } = new(null, null, []);
}
