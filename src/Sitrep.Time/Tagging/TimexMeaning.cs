namespace Sitrep.Time.Tagging;

/// <summary>Calendar units a relative expression shifts by or a value is printed at.</summary>
internal enum TimeUnit : byte
{
    None,
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Month,
    Season,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

/// <summary>How a tagged expression is to be resolved.</summary>
internal enum MeaningKind : byte
{
    /// <summary>The value is complete as written (durations, sets, REF tokens, fully explicit dates).</summary>
    Literal,

    /// <summary>Explicit calendar fields; whatever is missing (year, or the day of a clock time) comes from the anchor.</summary>
    Calendar,

    /// <summary>A weekday resolved to the nearest matching day before or after the anchor.</summary>
    Weekday,

    /// <summary>The anchor shifted by a number of units and printed at a granularity ("yesterday", "last week").</summary>
    Shift,
}

/// <summary>
/// What the tagger understood an expression to mean, before any anchor is applied. The normaliser turns it into a
/// TIMEX3 value; keeping the two apart lets one tagged document be resolved against different reference times.
/// </summary>
internal sealed class TimexMeaning
{
    public TimexType Type { get; set; } = TimexType.Date;

    public MeaningKind Kind { get; set; }

    public string? Literal { get; set; }

    public int? Year { get; set; }

    public int? Month { get; set; }

    public int? Day { get; set; }

    public int? Quarter { get; set; }

    public int? Half { get; set; }

    public string? Season { get; set; }

    public int? Decade { get; set; }

    public int? Century { get; set; }

    public int? Hour { get; set; }

    public int? Minute { get; set; }

    public int? Second { get; set; }

    public string? PartOfDay { get; set; }

    public int? OffsetMinutes { get; set; }

    /// <summary>ISO weekday 1 (Monday) … 7 (Sunday) for <see cref="MeaningKind.Weekday"/> and weekday sets.</summary>
    public int Weekday { get; set; }

    /// <summary>-1 before the anchor, +1 after, 0 decided by the tense around the expression.</summary>
    public int Direction { get; set; }

    public TimeUnit ShiftUnit { get; set; }

    public int Shift { get; set; }

    /// <summary>True when the shift counts from the last date in the discourse ("three days later").</summary>
    public bool FromDiscourse { get; set; }

    /// <summary>True for "ago", "from now": relative to when the text was written, never to a date the text mentions.</summary>
    public bool SpeechTimeOnly { get; set; }

    /// <summary>Granularity the resolved value is printed at; defaults to the shift unit.</summary>
    public TimeUnit Granularity { get; set; }

    /// <summary>For "the quarter", "the latest quarter": the last completed quarter before the anchor.</summary>
    public bool LastCompletedQuarter { get; set; }

    public string? Mod { get; set; }

    /// <summary>Leading tokens matched as context but left out of the extent ("earlier" in "earlier this week").</summary>
    public int SkipLeading { get; set; }

    /// <summary>Trailing tokens read for the meaning but left out of the extent ("last year" in "June last year").</summary>
    public int SkipTrailing { get; set; }

    /// <summary>True for "this March", "this summer": the anchor's own year, whatever the tense.</summary>
    public bool SameYear { get; set; }

    public static TimexMeaning Of(string literal, TimexType type = TimexType.Date, string? mod = null) =>
        new() { Kind = MeaningKind.Literal, Literal = literal, Type = type, Mod = mod };

    public static TimexMeaning ShiftBy(TimeUnit unit, int amount, TimeUnit granularity = TimeUnit.None) =>
        new() { Kind = MeaningKind.Shift, ShiftUnit = unit, Shift = amount, Granularity = granularity == TimeUnit.None ? unit : granularity };
}

/// <summary>A tagged expression: its characters and its meaning.</summary>
internal readonly record struct TaggedTimex(int Start, int End, TimexMeaning Meaning);
