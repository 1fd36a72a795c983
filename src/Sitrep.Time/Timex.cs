using Sitrep.Documents;

namespace Sitrep.Time;

/// <summary>The four TIMEX3 types.</summary>
public enum TimexType
{
    /// <summary>A calendar date or period (<c>2023-06-24</c>, <c>2023-W25</c>, <c>PRESENT_REF</c>).</summary>
    Date,

    /// <summary>A time of day, possibly with a date and a zone (<c>XXXX-XX-XXT05:37+01:00</c>).</summary>
    Time,

    /// <summary>An amount of time (<c>P1D</c>, <c>PT24H</c>).</summary>
    Duration,

    /// <summary>A recurring time (<c>P1D</c> for "daily", <c>XXXX-WXX-2</c> for "every Tuesday").</summary>
    Set,
}

/// <summary>What a timex value was resolved against.</summary>
public enum AnchorKind
{
    /// <summary>Nothing: the value is absolute as written, or it needed no anchor (durations, sets).</summary>
    Absolute,

    /// <summary>The time of the post or live update that contains it.</summary>
    Post,

    /// <summary>The document's publication time (manifest or page metadata; the DCT in TimeML).</summary>
    Document,

    /// <summary>The nearest explicit date earlier in the same text.</summary>
    Discourse,

    /// <summary>No reference time was available: the unknown parts stay <c>X</c>.</summary>
    None,
}

/// <summary>
/// A temporal expression found in a document: where it is, its TIMEX3 type and value, and what the value was anchored
/// to. Values never come from the machine clock: what the text and its metadata do not give stays <c>X</c>.
/// </summary>
/// <param name="Range">The characters of the expression.</param>
/// <param name="Type">TIMEX3 type.</param>
/// <param name="Value">TIMEX3 value (ISO 8601 with <c>X</c> for unknown parts, or a <c>*_REF</c> token).</param>
/// <param name="Anchor">What the value was resolved against.</param>
/// <param name="Mod">TIMEX3 <c>mod</c> (<c>START</c>, <c>MID</c>, <c>END</c>, <c>APPROX</c>, …), or null.</param>
/// <param name="Offset">
/// For a relative expression, its shift from the anchor (<c>-P1Y</c> for "1 year ago"), kept so that an expression
/// whose anchor is unknown (a forum age relative to an unknown retrieval time) stays relative rather than guessed.
/// </param>
/// <param name="AnchorNote">Why the anchor is ambiguous, when it is; null otherwise.</param>
public sealed record Timex(
    TextRange Range,
    TimexType Type,
    string Value,
    AnchorKind Anchor,
    string? Mod = null,
    string? Offset = null,
    string? AnchorNote = null)
{
    /// <summary>The TIMEX3 type name (<c>DATE</c>, <c>TIME</c>, <c>DURATION</c>, <c>SET</c>).</summary>
    public string TypeName => TimexTypes.ToName(Type);

    /// <summary>True when the anchor was ambiguous (see <see cref="AnchorNote"/>).</summary>
    public bool AnchorAmbiguous => AnchorNote is not null;
}

/// <summary>TIMEX3 type names.</summary>
public static class TimexTypes
{
    /// <summary>The TIMEX3 name of a type.</summary>
    public static string ToName(TimexType type) => type switch
    {
        TimexType.Time => "TIME",
        TimexType.Duration => "DURATION",
        TimexType.Set => "SET",
        _ => "DATE",
    };

    /// <summary>Parses a TIMEX3 type name; null when unknown.</summary>
    public static TimexType? Parse(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "DATE" => TimexType.Date,
        "TIME" => TimexType.Time,
        "DURATION" => TimexType.Duration,
        "SET" => TimexType.Set,
        _ => null,
    };
}

/// <summary>When a part of a document was reported: a post's time or a live-blog marker's, over that part's range.</summary>
/// <param name="Range">The characters reported at this time.</param>
/// <param name="Value">TIMEX3 value of the report time (X where unknown).</param>
/// <param name="Source">Where it comes from (<see cref="AnchorKind.Post"/> for posts and markers).</param>
/// <param name="Text">The time as written.</param>
public sealed record ReportTime(TextRange Range, string Value, AnchorKind Source, string Text);

/// <summary>The document layer holding the temporal expressions of one document, in text order.</summary>
/// <param name="Items">Timexes in text order.</param>
/// <param name="DocumentTime">The document's publication time as a TIMEX3 value, or null when unknown.</param>
/// <param name="ReportTimes">Post and live-update report times, each over its range; the document time applies elsewhere.</param>
public sealed record TimexLayer(IReadOnlyList<Timex> Items, string? DocumentTime, IReadOnlyList<ReportTime> ReportTimes)
{
    /// <summary>
    /// The report time of the text at <paramref name="offset"/>: the innermost post or marker, else the document time. A
    /// post or marker whose day is known wins over one that gives only a clock time (a live update's "23:55 BST").
    /// </summary>
    public (string? Value, AnchorKind Source) ReportTimeAt(int offset)
    {
        ReportTime? best = null;
        foreach (var r in ReportTimes)
        {
            if (r.Range.Contains(offset) && (best is null || (HasDay(r.Value), -r.Range.Length).CompareTo((HasDay(best.Value), -best.Range.Length)) > 0))
            {
                best = r;
            }
        }

        return best is not null ? (best.Value, best.Source) : (DocumentTime, DocumentTime is null ? AnchorKind.None : AnchorKind.Document);
    }

    private static bool HasDay(string value) => value.Length >= 10 && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[9]);

    /// <summary>The timexes that lie inside <paramref name="range"/>.</summary>
    public IEnumerable<Timex> Within(TextRange range) => Items.Where(t => range.Contains(t.Range));
}
