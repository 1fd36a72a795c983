namespace Sitrep.Documents;

/// <summary>
/// One post of a thread or one update of a live blog: a range of the document's text with its own author and time.
/// </summary>
/// <param name="Id">Id unique within the document (<c>p1</c>, <c>p2</c>, …).</param>
/// <param name="ParentId">The post this one replies to, or null for a top-level post.</param>
/// <param name="Depth">Reply depth: 0 for top level.</param>
/// <param name="Author">Author name with decoration stripped, when known.</param>
/// <param name="Time">When the post says it was written, as the text gives it.</param>
/// <param name="Range">The characters of the post, author line included.</param>
/// <param name="Header">The author and time line(s) at the head of the post, excluded from analysis; null when none.</param>
public sealed record Post(string Id, string? ParentId, int Depth, string? Author, PostTime? Time, TextRange Range, TextRange? Header = null);

/// <summary>
/// A post's time exactly as its text gives it, with a TIMEX3 value where one can be derived honestly.
/// </summary>
/// <param name="Text">The time as written ("1 year ago", "05:37 CET").</param>
/// <param name="Value">TIMEX3 value (e.g. <c>XXXX-XX-XXT05:37+01:00</c>, <c>PAST_REF</c>), or null when unknown.</param>
/// <param name="Range">Where the time is written, when it is in the text.</param>
public sealed record PostTime(string Text, string? Value, TextRange? Range = null);
