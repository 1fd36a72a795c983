using Sitrep.Documents;

namespace Sitrep.Time.Timeline;

/// <summary>One event on the corpus timeline.</summary>
/// <param name="When">TIMEX3 value of when it happened.</param>
/// <param name="Reported">TIMEX3 value of when it was (first) reported, or null when unknown.</param>
/// <param name="Label">The sentence that dates it, on one line.</param>
/// <param name="Expression">The temporal expression as written.</param>
/// <param name="Anchor">What <paramref name="When"/> was resolved against.</param>
/// <param name="Cites">The sentences, one per report, that give this event and time.</param>
/// <param name="Docs">Ids of the documents that report it.</param>
/// <param name="Claims">Ids of the claims it carries (filled once claims exist).</param>
/// <param name="Interval">The time span the value covers, when its calendar position is known; null when it cannot be placed.</param>
/// <param name="AnchorNote">Why the anchor of <paramref name="When"/> is ambiguous, or null.</param>
/// <param name="Role">Whether the entry belongs to the story's own sequence or is a background date.</param>
/// <param name="Relation">
/// For an entry that cannot be placed on the calendar, where it stands relative to its report ("the day before the
/// report", "Friday before the report"); null otherwise.
/// </param>
public sealed record TimelineEntry(
    string When,
    string? Reported,
    string Label,
    string Expression,
    AnchorKind Anchor,
    IReadOnlyList<Span> Cites,
    IReadOnlyList<string> Docs,
    IReadOnlyList<string> Claims,
    TimeInterval? Interval,
    string? AnchorNote = null,
    TimelineRole Role = TimelineRole.Story,
    string? Relation = null);

/// <summary>Where a timeline entry belongs.</summary>
public enum TimelineRole
{
    /// <summary>The story's own sequence: what the reports are about.</summary>
    Story,

    /// <summary>A date mentioned in passing (a year in a biography, an earlier battle), kept apart from the sequence.</summary>
    Background,
}

/// <summary>The span of time a TIMEX3 value covers, in UTC when the value has an offset and as written otherwise.</summary>
/// <param name="Start">First instant.</param>
/// <param name="End">Instant just after the span.</param>
public readonly record struct TimeInterval(DateTime Start, DateTime End)
{
    /// <summary>True when this interval ends no later than <paramref name="other"/> starts.</summary>
    public bool Before(TimeInterval other) => End <= other.Start;
}

/// <summary>The corpus layer holding the timeline in order (a partial order: unplaced entries come last).</summary>
/// <param name="Entries">Entries: placed ones by interval, then the underspecified ones in report order.</param>
public sealed record TimelineLayer(IReadOnlyList<TimelineEntry> Entries);

/// <summary>
/// The entries <see cref="TimelineStage"/> built beyond its bound and left out of the <see cref="TimelineLayer"/> (a view
/// of the story kept small), in the same order: the stored picture keeps them, so that the picture a whole-story run
/// writes holds every entry an incremental update keeps (it keeps those beyond the bound its new reports touch).
/// </summary>
/// <param name="Entries">The entries cut, as built (before any stage refining the timeline layer).</param>
public sealed record TimelineCutLayer(IReadOnlyList<TimelineEntry> Entries);
