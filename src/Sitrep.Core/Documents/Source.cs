namespace Sitrep.Documents;

/// <summary>Where a document came from. Every field is optional: Sitrep works from the text alone.</summary>
/// <param name="Outlet">Publishing outlet, channel or forum.</param>
/// <param name="Author">Byline or poster.</param>
/// <param name="Url">Canonical address.</param>
/// <param name="Published">Publication time with its offset, when known.</param>
/// <param name="Reliability">Admiralty source reliability grade (A–F), when the analyst gave one.</param>
public sealed record Source(
    string? Outlet = null,
    string? Author = null,
    string? Url = null,
    DateTimeOffset? Published = null,
    Reliability? Reliability = null)
{
    /// <summary>A source about which nothing is known.</summary>
    public static Source Unknown { get; } = new();
}

/// <summary>Admiralty (NATO AJP-2.1) source reliability grades.</summary>
public enum Reliability
{
    /// <summary>Completely reliable.</summary>
    A,

    /// <summary>Usually reliable.</summary>
    B,

    /// <summary>Fairly reliable.</summary>
    C,

    /// <summary>Not usually reliable.</summary>
    D,

    /// <summary>Unreliable.</summary>
    E,

    /// <summary>Reliability cannot be judged.</summary>
    F,
}

/// <summary>What kind of report a document is; readers and structure recovery decide it.</summary>
public enum DocumentKind
{
    /// <summary>A news report or other single-author prose.</summary>
    Article,

    /// <summary>A forum or comment thread made of posts and replies.</summary>
    Thread,

    /// <summary>A live blog made of timestamped updates.</summary>
    Liveblog,

    /// <summary>One item of a feed or channel.</summary>
    FeedItem,

    /// <summary>An analyst brief.</summary>
    Brief,

    /// <summary>Anything else.</summary>
    Other,
}
