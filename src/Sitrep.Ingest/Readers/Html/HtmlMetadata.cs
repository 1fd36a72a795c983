using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using Sitrep.Documents;

namespace Sitrep.Ingest.Readers.Html;

/// <summary>Title, byline, publication time, canonical URL, outlet and JSON-LD body of a page.</summary>
internal sealed record HtmlMetadata(string? Title, string? Author, DateTimeOffset? Published, string? Url, string? Outlet, string? JsonLdBody)
{
    private const int MaxJsonLdChars = 2_000_000;

    /// <summary>Reads the metadata: JSON-LD first, then Open Graph and other meta tags, then the markup.</summary>
    public static HtmlMetadata Read(IDocument page)
    {
        string? title = null, author = null, url = null, outlet = null, body = null, published = null;
        foreach (var script in page.QuerySelectorAll("script[type='application/ld+json']"))
        {
            var json = script.TextContent;
            if (json.Length > MaxJsonLdChars)
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                foreach (var item in Items(doc.RootElement))
                {
                    if (!IsArticle(item))
                    {
                        continue;
                    }

                    title ??= Str(item, "headline") ?? Str(item, "name");
                    author ??= Name(item, "author");
                    published ??= Str(item, "datePublished") ?? Str(item, "dateCreated");
                    url ??= Str(item, "url") ?? Str(item, "mainEntityOfPage");
                    outlet ??= Name(item, "publisher");
                    body ??= Str(item, "articleBody");
                }
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException)
            {
                // Broken JSON-LD (bad syntax, or text that is not valid UTF-16) is common; the meta tags still speak.
            }
        }

        title ??= Meta(page, "og:title") ?? Meta(page, "twitter:title") ?? HeadingTitle(page);
        author ??= Meta(page, "author") ?? Meta(page, "article:author") ?? Meta(page, "dc.creator") ?? Meta(page, "parsely-author")
            ?? page.QuerySelector("[rel=author], .byline .author, .author-name, [itemprop=author] [itemprop=name], [itemprop=author]")?.TextContent;
        published ??= Meta(page, "article:published_time") ?? Meta(page, "og:published_time") ?? Meta(page, "date") ?? Meta(page, "dc.date")
            ?? Meta(page, "dc.date.issued") ?? Meta(page, "parsely-pub-date") ?? Meta(page, "pubdate") ?? Meta(page, "publish-date")
            ?? page.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        url ??= page.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(page, "og:url");
        outlet ??= Meta(page, "og:site_name") ?? Meta(page, "application-name");
        return new HtmlMetadata(Clean(title), Clean(author), ParseDate(published), Clean(url), Clean(outlet), body);
    }

    /// <summary>
    /// The title from the page itself: the first <c>h1</c> that the document title repeats (many sites put their
    /// masthead in an <c>h1</c> too), else the document title without its site-name part, else the first <c>h1</c>.
    /// </summary>
    internal static string? HeadingTitle(AngleSharp.Dom.IDocument page)
    {
        var documentTitle = Clean(page.Title);
        var headings = page.QuerySelectorAll("h1").Select(h => Clean(h.TextContent)).Where(t => t is { Length: > 0 }).Take(20).ToList();
        if (documentTitle is { Length: > 0 })
        {
            // "Convoy halts 200 km from Moscow | The Daily Ledger": the longest part is the article's, the rest the site's.
            var parts = documentTitle.Split([" | ", " - ", " – ", " — ", " :: ", " « ", " » "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var article = parts.Length > 0 ? parts.MaxBy(p => p.Length)! : documentTitle;
            var repeated = headings
                .Where(h => h!.Length >= 8 && (article.Contains(h, StringComparison.OrdinalIgnoreCase) || h.Contains(article, StringComparison.OrdinalIgnoreCase)))
                .MaxBy(h => h!.Length);
            return repeated ?? article;
        }

        return headings.FirstOrDefault();
    }

    /// <summary>The metadata as a source.</summary>
    public Source ToSource() => new(Outlet, Author, Url, Published);

    private static IEnumerable<JsonElement> Items(JsonElement root)
    {
        var stack = new Stack<(JsonElement Element, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            if (depth > 8)
            {
                continue;
            }

            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in element.EnumerateArray())
                {
                    stack.Push((child, depth + 1));
                }
            }
            else if (element.ValueKind == JsonValueKind.Object)
            {
                yield return element;
                if (element.TryGetProperty("@graph", out var graph))
                {
                    stack.Push((graph, depth + 1));
                }
            }
        }
    }

    private static bool IsArticle(JsonElement item)
    {
        if (!item.TryGetProperty("@type", out var type))
        {
            return false;
        }

        var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.ToString()) : [type.ToString()];
        return names.Any(n => n.EndsWith("Article", StringComparison.OrdinalIgnoreCase) || n is "BlogPosting" or "Report" or "LiveBlogPosting" or "SocialMediaPosting" or "WebPage" or "DiscussionForumPosting");
    }

    private static string? Str(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => value.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null,
            _ => null,
        };
    }

    private static string? Name(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var value))
        {
            return null;
        }

        var values = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        var names = values.Select(v => v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Object => v.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null,
            _ => null,
        }).Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    private static string? Meta(IDocument page, string name)
    {
        foreach (var meta in page.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (key is not null && key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                var content = meta.GetAttribute("content");
                if (!string.IsNullOrWhiteSpace(content))
                {
                    return content;
                }
            }
        }

        return null;
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = HtmlContentExtractor.Normalize(value);
        return text.Length > 500 ? text[..500] : text;
    }

    private static DateTimeOffset? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;
        return DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, styles, out var parsed) ? parsed : null;
    }
}
