namespace Sitrep.Ingest.Readers.Html;

/// <summary>
/// Estimates how deep markup nests in one linear pass over the raw text, before any parser builds a tree: start tags
/// push, end tags pop, void and self-closed elements do neither. A hostile page nesting 100,000 levels deep is caught
/// here, so no parser or tree walk ever sees it.
/// </summary>
internal static class MarkupDepth
{
    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "!doctype",
        "p", "li", "dt", "dd", "option", "tr", "td", "th",
    };

    /// <summary>The greatest depth reached, stopping early once it exceeds <paramref name="limit"/>.</summary>
    public static int Max(ReadOnlySpan<char> html, int limit)
    {
        var depth = 0;
        var max = 0;
        var i = 0;
        Span<char> name = stackalloc char[12];
        while (i < html.Length)
        {
            var lt = html[i..].IndexOf('<');
            if (lt < 0)
            {
                break;
            }

            i += lt + 1;
            if (i >= html.Length)
            {
                break;
            }

            if (html[i] == '!')
            {
                // Comments and doctype: skip to the end of the comment.
                if (html[i..].StartsWith("!--"))
                {
                    var end = html[i..].IndexOf("-->");
                    i = end < 0 ? html.Length : i + end + 3;
                }

                continue;
            }

            var closing = html[i] == '/';
            var j = closing ? i + 1 : i;
            var n = 0;
            while (j < html.Length && n < name.Length && (char.IsAsciiLetterOrDigit(html[j]) || html[j] == '-'))
            {
                name[n++] = html[j++];
            }

            if (n == 0)
            {
                continue;
            }

            var gt = html[j..].IndexOf('>');
            var selfClosed = gt > 0 && html[j + gt - 1] == '/';
            var tag = name[..n].ToString();
            if (Void.Contains(tag) || selfClosed)
            {
                // Nothing to count.
            }
            else if (closing)
            {
                depth = Math.Max(0, depth - 1);
            }
            else
            {
                depth++;
                if (depth > max)
                {
                    max = depth;
                    if (max > limit)
                    {
                        return max;
                    }
                }

                if (tag.Equals("script", StringComparison.OrdinalIgnoreCase) || tag.Equals("style", StringComparison.OrdinalIgnoreCase))
                {
                    var close = html[j..].IndexOf("</", StringComparison.Ordinal);
                    i = close < 0 ? html.Length : j + close;
                    continue;
                }
            }

            i = gt < 0 ? html.Length : j + gt + 1;
        }

        return max;
    }
}
