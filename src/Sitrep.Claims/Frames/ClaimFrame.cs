using Sitrep.Documents;

namespace Sitrep.Claims.Frames;

/// <summary>
/// What a claim says happened, in a form two claims can be compared by: the event class of its main predicate and the
/// predicate as written, its participants with their roles, and its measures (figures with their roles). Polarity,
/// likelihood, attribution and the event and report times are the claim's own (<see cref="Claim"/>): the frame does not
/// repeat them. Participants are spans of the text; which resolved entity each names is read from the entity layer
/// where claims are compared, since entities are resolved across documents.
/// </summary>
/// <param name="EventClass">The event class (<see cref="EventClasses"/>), or null when no predicate or trigger word names one.</param>
/// <param name="Trigger">The predicate or trigger word as written (lower case), or null.</param>
/// <param name="Measures">The claim's figures whose role is known.</param>
public sealed record ClaimFrame(string? EventClass, string? Trigger, IReadOnlyList<Measure> Measures)
{
    /// <summary>A frame with nothing in it.</summary>
    public static ClaimFrame Empty { get; } = new(null, null, []);

    /// <summary>The dictionary form of the predicate ("kill" for "killed"), or null when the claim was not parsed.</summary>
    public string? Lemma { get; init; }

    /// <summary>Where the predicate word is written, or null when the claim was not parsed.</summary>
    public TextRange? Predicate { get; init; }

    /// <summary>Who did what to whom, where: the predicate's participants in text order (empty when the claim was not parsed).</summary>
    public IReadOnlyList<FrameParticipant> Participants { get; init; } = [];

    /// <summary>How the frame was read: <see cref="FrameSources.Parse"/> or <see cref="FrameSources.Words"/>.</summary>
    public string Source { get; init; } = FrameSources.Words;

    /// <summary>True when the frame holds nothing at all.</summary>
    public bool IsEmpty => EventClass is null && Trigger is null && Measures.Count == 0 && Participants.Count == 0 && Lemma is null;
}

/// <summary>How a frame was read.</summary>
public static class FrameSources
{
    /// <summary>From the dependency parse of the claim's sentence.</summary>
    public const string Parse = "parse";

    /// <summary>From trigger words alone (no parse, or a sentence too long to parse).</summary>
    public const string Words = "words";
}
