namespace Sitrep.Documents;

/// <summary>The wire names of <see cref="DocumentKind"/> used in manifests and brief.json.</summary>
public static class DocumentKinds
{
    /// <summary>All wire names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["article", "thread", "liveblog", "feed-item", "brief", "other"];

    /// <summary>The wire name of a kind.</summary>
    public static string ToName(DocumentKind kind) => kind switch
    {
        DocumentKind.Article => "article",
        DocumentKind.Thread => "thread",
        DocumentKind.Liveblog => "liveblog",
        DocumentKind.FeedItem => "feed-item",
        DocumentKind.Brief => "brief",
        _ => "other",
    };

    /// <summary>Parses a wire name (case-insensitive); null when unknown.</summary>
    public static DocumentKind? Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "article" => DocumentKind.Article,
            "thread" => DocumentKind.Thread,
            "liveblog" or "live-blog" => DocumentKind.Liveblog,
            "feed-item" or "feed" => DocumentKind.FeedItem,
            "brief" => DocumentKind.Brief,
            "other" => DocumentKind.Other,
            _ => null,
        };
    }
}
