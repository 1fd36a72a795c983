using System.Text.RegularExpressions;
using Sitrep.Documents;

namespace Sitrep.Ingest.Structure;

/// <summary>
/// Recovers the posts of a comment thread copied out of a forum as plain text: author lines ("• ☆ Name ☆"),
/// age lines ("1 year ago"), inline headers ("name · 5h"), and the reply tree from indentation.
/// </summary>
/// <remarks>
/// Two shapes are recognised. Headed threads have an author and/or age line above each post; the post's indentation
/// is that of its age line (or of its header when the age shares the line), because forums indent the bullet of an
/// author line less than the post itself. Headless threads (nesting shown only by indentation) are split into runs of
/// paragraphs with the same indentation. Text before the first post is the opening post, and every comment replies to
/// it. Decoration is stripped from author names but stays in the text, inside the post's header range.
/// </remarks>
public static partial class ThreadRecognizer
{
    private const int MaxAuthorLength = 48;
    private const int MinHeadedPosts = 2;

    /// <summary>A post found before ids and parents are assigned.</summary>
    internal readonly record struct Found(int Line, int Indent, int Start, string? Author, PostTime? Time, TextRange? Header);

    /// <summary>Recovers the posts of a text, or returns an empty list when the text is not a thread.</summary>
    internal static List<Post> Recover(string text, List<TextLine> lines)
    {
        var found = FindHeaded(text, lines);
        if (found.Count < MinHeadedPosts)
        {
            found = FindHeadless(lines);
        }

        return found.Count < MinHeadedPosts ? [] : BuildTree(text, lines, found);
    }

    private static List<Found> FindHeaded(string text, List<TextLine> lines)
    {
        var found = new List<Found>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank || line.ContentLength > 120)
            {
                continue;
            }

            var content = line.Content(text);
            var range = new TextRange(line.ContentStart, line.ContentEnd);

            // "name · 5h" on one line.
            var inline = SafeMatch(InlineHeader(), content.ToString());
            if (inline is { Success: true })
            {
                var ageGroup = inline.Groups["age"];
                var ageRange = new TextRange(line.ContentStart + ageGroup.Index, line.ContentStart + ageGroup.Index + ageGroup.Length);
                var age = RelativeAge.Parse(ageGroup.ValueSpan, ageRange);
                var name = CleanAuthor(inline.Groups["name"].ValueSpan);
                if (age is not null && name is not null)
                {
                    found.Add(new Found(i, line.Indent, line.Start, name, age, range));
                    continue;
                }
            }

            // An age line alone: the author, if any, is on the line above.
            var ageOnly = RelativeAge.Parse(content, range);
            if (ageOnly is not null)
            {
                var prev = PreviousNonBlank(lines, i);
                if (prev >= 0 && i - prev == 1 && IsAuthorLine(text, lines[prev], out var author) && (found.Count == 0 || found[^1].Line != prev))
                {
                    found.Add(new Found(prev, line.Indent, lines[prev].Start, author, ageOnly, new TextRange(lines[prev].ContentStart, line.ContentEnd)));
                }
                else
                {
                    found.Add(new Found(i, line.Indent, line.Start, null, ageOnly, range));
                }

                continue;
            }

            // A bulleted author line with no age under it.
            if (content.Length > 1 && content[0] is '•' or '▪' or '◦' or '‣' && IsAuthorLine(text, line, out var bulleted))
            {
                var next = NextNonBlank(lines, i);
                if (next < 0 || RelativeAge.Parse(lines[next].Content(text)) is null)
                {
                    found.Add(new Found(i, line.Indent + 2, line.Start, bulleted, null, range));
                }
            }
        }

        return found;
    }

    private static List<Found> FindHeadless(List<TextLine> lines)
    {
        // Paragraph runs by indentation; a thread only when replies are indented at two or more levels.
        var found = new List<Found>();
        var indents = new HashSet<int>();
        var indentedParagraphs = 0;
        var paragraphs = 0;
        var previousIndent = -1;
        var inParagraph = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank)
            {
                inParagraph = false;
                continue;
            }

            if (inParagraph)
            {
                continue;
            }

            inParagraph = true;
            paragraphs++;
            if (line.Indent >= 2)
            {
                indentedParagraphs++;
                indents.Add(line.Indent);
            }

            if (line.Indent != previousIndent)
            {
                found.Add(new Found(i, line.Indent, line.Start, null, null, null));
                previousIndent = line.Indent;
            }
        }

        var thread = indents.Count >= 2 && indentedParagraphs * 3 >= paragraphs && found.Count >= 3;
        return thread ? found : [];
    }

    private static List<Post> BuildTree(string text, List<TextLine> lines, List<Found> found)
    {
        var posts = new List<Post>(found.Count + 1);
        var offset = 0;
        string? rootId = null;
        var firstStart = found[0].Start;
        if (found[0].Indent > 0 || HasContent(text, 0, firstStart))
        {
            if (HasContent(text, 0, firstStart))
            {
                rootId = "p1";
                var end = TrimEnd(text, firstStart);
                posts.Add(new Post(rootId, null, 0, FindSubmitter(text, lines, firstStart), null, new TextRange(StartOfContent(text, 0, end), end)));
                offset = 1;
            }
        }

        var stack = new List<(int Indent, string Id, int Depth)>();
        for (var k = 0; k < found.Count; k++)
        {
            var f = found[k];
            while (stack.Count > 0 && stack[^1].Indent >= f.Indent)
            {
                stack.RemoveAt(stack.Count - 1);
            }

            var parent = stack.Count > 0 ? stack[^1].Id : rootId;
            var depth = stack.Count > 0 ? stack[^1].Depth + 1 : offset;
            var id = "p" + (posts.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var next = k + 1 < found.Count ? found[k + 1].Start : text.Length;
            var start = f.Header?.Start ?? StartOfContent(text, f.Start, next);
            var end = Math.Max(start, TrimEnd(text, next));
            posts.Add(new Post(id, parent, depth, f.Author, f.Time, new TextRange(start, end), f.Header));
            stack.Add((f.Indent, id, depth));
        }

        return posts;
    }

    private static string? FindSubmitter(string text, List<TextLine> lines, int before)
    {
        foreach (var line in lines)
        {
            if (line.Start >= before)
            {
                break;
            }

            var m = SafeMatch(Submitted(), line.Content(text).ToString());
            if (m is { Success: true })
            {
                return CleanAuthor(m.Groups["name"].ValueSpan);
            }
        }

        return null;
    }

    private static bool IsAuthorLine(string text, TextLine line, out string? author)
    {
        author = null;
        if (line.IsBlank || line.ContentLength > MaxAuthorLength + 8)
        {
            return false;
        }

        author = CleanAuthor(line.Content(text));
        return author is not null;
    }

    /// <summary>
    /// An author name with bullets and decoration stripped ("• ☆ Name ☆" gives "Name"), or null when the line does
    /// not read like a user name (too long, more than four words, or ends like a sentence).
    /// </summary>
    public static string? CleanAuthor(ReadOnlySpan<char> line)
    {
        var start = 0;
        var end = line.Length;
        while (start < end && IsDecoration(line, start))
        {
            start += char.IsSurrogatePair(line[start], start + 1 < line.Length ? line[start + 1] : ' ') ? 2 : 1;
        }

        while (end > start && IsDecoration(line, end - 1))
        {
            end--;
        }

        var name = line[start..end];
        if (name.IsEmpty || name.Length > MaxAuthorLength || name[^1] is '.' or '?' or '!' or ':' or ',' or ';')
        {
            return null;
        }

        var words = 1;
        foreach (var c in name)
        {
            if (c == ' ')
            {
                words++;
            }
        }

        if (words > 4 || name.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        var letters = 0;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters++;
            }
        }

        return letters == 0 ? null : name.ToString();
    }

    private static bool IsDecoration(ReadOnlySpan<char> s, int i)
    {
        var c = s[i];
        if (char.IsWhiteSpace(c) || char.IsLowSurrogate(c) || char.IsHighSurrogate(c))
        {
            return true;
        }

        if (char.IsLetterOrDigit(c) || c is '_' or '[' or ']')
        {
            return false;
        }

        var category = char.GetUnicodeCategory(c);
        return category is System.Globalization.UnicodeCategory.OtherSymbol or System.Globalization.UnicodeCategory.MathSymbol
            or System.Globalization.UnicodeCategory.OtherPunctuation or System.Globalization.UnicodeCategory.DashPunctuation
            or System.Globalization.UnicodeCategory.ModifierSymbol || c is '•' or '·' or '~' or '|' or '*';
    }

    private static bool HasContent(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static int StartOfContent(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return start;
    }

    private static int TrimEnd(string text, int end)
    {
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static int PreviousNonBlank(List<TextLine> lines, int i)
    {
        for (var j = i - 1; j >= 0; j--)
        {
            if (!lines[j].IsBlank)
            {
                return j;
            }
        }

        return -1;
    }

    private static int NextNonBlank(List<TextLine> lines, int i)
    {
        for (var j = i + 1; j < lines.Count; j++)
        {
            if (!lines[j].IsBlank)
            {
                return j;
            }
        }

        return -1;
    }

    private static Match? SafeMatch(Regex regex, string input)
    {
        try
        {
            return regex.Match(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^(?<name>[^\s·•|].{0,47}?)\s+[·•|]\s+(?<age>\d{1,4}\s?[a-z]{1,3}|\d{1,4}\s+\w+\s+ago|just now|yesterday)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InlineHeader();

    [GeneratedRegex(@"^submitted\s+.{1,40}?\s+by\s+(?<name>\S{1,48})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Submitted();
}
