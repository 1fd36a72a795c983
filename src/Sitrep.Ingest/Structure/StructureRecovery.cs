using Sitrep.Documents;
using Sitrep.Ingest.Boilerplate;

namespace Sitrep.Ingest.Structure;

/// <summary>What structure recovery found in a text.</summary>
/// <param name="Kind">The kind the structure suggests.</param>
/// <param name="Posts">Posts or updates, in text order.</param>
/// <param name="Boilerplate">Furniture ranges.</param>
public sealed record RecoveredStructure(DocumentKind Kind, IReadOnlyList<Post> Posts, IReadOnlyList<TextRange> Boilerplate);

/// <summary>
/// Recovers the structure of a plain text: boilerplate, then live-blog updates or thread posts, and the kind of
/// document they make. One linear split into lines is shared by every recogniser.
/// </summary>
public static class StructureRecovery
{
    /// <summary>Versioned name.</summary>
    public const string Name = "structure.rules.v1";

    private const int MinLiveBlogMarkers = 2;
    private const int MinArticleChars = 300;

    /// <remarks>
    /// A text is a live blog when it has two update markers or more, or one explicit "UPDATE hh:mm" marker: an update
    /// stamped with a clock time is what a live blog is made of, and a text with one such marker is a live page caught
    /// early. A bare "14:02 —" alone could be a timetable, so it needs company.
    /// </remarks>
    /// <summary>Recovers the structure of <paramref name="text"/>.</summary>
    public static RecoveredStructure Recover(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = TextLine.Split(text);
        var boilerplate = BoilerplateDetector.Detect(text, lines);
        var markers = LiveBlogRecognizer.FindMarkers(text, lines);
        var thread = ThreadRecognizer.Recover(text, lines);
        if ((markers.Count >= MinLiveBlogMarkers || markers.Exists(m => m.Keyword && m.Time.Value is not null)) && markers.Count >= thread.Count)
        {
            return new RecoveredStructure(DocumentKind.Liveblog, LiveBlogPosts(text, lines, markers, boilerplate), boilerplate);
        }

        if (thread.Count > 0)
        {
            thread = DropFurnitureRoot(thread, boilerplate);
            return new RecoveredStructure(DocumentKind.Thread, thread, boilerplate);
        }

        return new RecoveredStructure(KindOfProse(text, boilerplate), [], boilerplate);
    }

    private static List<Post> DropFurnitureRoot(List<Post> thread, IReadOnlyList<TextRange> boilerplate)
    {
        // An opening "post" that is only furniture ("Comments (11)  Sort by: Top") is no post: its replies are top level.
        var root = thread[0];
        if (root.Author is not null || root.Time is not null || !boilerplate.Any(b => b.Contains(root.Range)))
        {
            return thread;
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new List<Post>(thread.Count - 1);
        foreach (var post in thread.Skip(1))
        {
            var id = "p" + (result.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            ids[post.Id] = id;
            var parent = post.ParentId is { } p && ids.TryGetValue(p, out var mapped) ? mapped : null;
            result.Add(post with { Id = id, ParentId = parent, Depth = post.Depth - 1 });
        }

        return result;
    }

    private static List<Post> LiveBlogPosts(string text, List<TextLine> lines, List<LiveBlogRecognizer.Marker> markers, IReadOnlyList<TextRange> boilerplate)
    {
        var posts = new List<Post>(markers.Count);
        var limit = text.Length;
        foreach (var range in boilerplate)
        {
            if (range.End >= TrimEnd(text, text.Length) && range.Start > markers[^1].Header.End)
            {
                limit = range.Start;
            }
        }

        for (var i = 0; i < markers.Count; i++)
        {
            var m = markers[i];
            var next = i + 1 < markers.Count ? markers[i + 1].Header.Start : limit;
            var stop = i + 1 < markers.Count ? markers[i + 1].Line : lines.Count;
            for (var l = m.Line + 1; l < stop; l++)
            {
                // A Markdown heading ("## Saturday 24 June") closes the update before it.
                if (!lines[l].IsBlank && text[lines[l].ContentStart] == '#' && lines[l].ContentStart < next)
                {
                    next = lines[l].Start;
                    break;
                }
            }

            var end = Math.Max(m.Header.End, TrimEnd(text, next));
            var id = "p" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            posts.Add(new Post(id, null, 0, null, m.Time, new TextRange(m.Header.Start, end), m.Header));
        }

        return posts;
    }

    private static DocumentKind KindOfProse(string text, IReadOnlyList<TextRange> boilerplate)
    {
        var furniture = 0;
        foreach (var range in boilerplate)
        {
            furniture += range.Length;
        }

        return text.Length - furniture >= MinArticleChars ? DocumentKind.Article : DocumentKind.Other;
    }

    private static int TrimEnd(string text, int end)
    {
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
