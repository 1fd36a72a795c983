using AngleSharp.Dom;

namespace Sitrep.Ingest.Readers.Html;

/// <summary>
/// How deep markup nests, measured the way an HTML5 parser builds its tree, in one linear pass over the raw text before
/// any parser sees it; and the depth of a tree already built.
/// </summary>
/// <remarks>
/// The pass keeps the stack of open elements as the HTML5 tree builder does, so hostile markup cannot hide its depth:
/// <c>&lt;div/&gt;</c> opens a div (the slash means nothing on an HTML element, only inside SVG or MathML), an end tag
/// with no matching open element (<c>&lt;/x&gt;</c>) is ignored rather than closing something, and void elements and
/// elements that close their own kind (<c>p</c>, <c>li</c>, <c>td</c>…) do not nest. Each element is pushed and popped
/// at most once and open elements are counted by name, so the pass is linear even on 100,000 levels, where the
/// parser's own scope checks would be quadratic. The tree measure after parsing is the final word.
/// </remarks>
internal static class MarkupDepth
{
    private const int MaxNameLength = 32;

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "basefont", "bgsound", "frame",
    };

    // Elements whose start tag closes an open element of the same kind (HTML5 "close a p element", "li" and table rules).
    private static readonly HashSet<string> SelfClosingKinds = new(StringComparer.Ordinal)
    {
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "rp", "rt", "a", "nobr", "button", "form",
    };

    // Block elements whose start tag closes an open p.
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main",
        "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "li", "dd", "dt",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal) { "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext" };

    /// <summary>The greatest depth reached, stopping early once it exceeds <paramref name="limit"/>.</summary>
    public static int Max(ReadOnlySpan<char> html, int limit)
    {
        var stack = new List<string>();
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        var foreign = 0;
        var max = 0;
        var i = 0;
        Span<char> buffer = stackalloc char[MaxNameLength];
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

            if (html[i] is '!' or '?')
            {
                var end = html[i..].StartsWith("!--") ? html[i..].IndexOf("-->") : html[i..].IndexOf('>');
                i = end < 0 ? html.Length : i + end + 1;
                continue;
            }

            var closing = html[i] == '/';
            var j = closing ? i + 1 : i;
            if (j >= html.Length || !char.IsAsciiLetter(html[j]))
            {
                continue; // "<" followed by anything else is text in HTML5
            }

            var n = 0;
            while (j < html.Length && !char.IsWhiteSpace(html[j]) && html[j] is not '>' and not '/')
            {
                if (n < MaxNameLength)
                {
                    buffer[n++] = char.ToLowerInvariant(html[j]);
                }

                j++;
            }

            var gt = FindTagEnd(html, j);
            var selfClosed = gt > 0 && html[gt - 1] == '/';
            var name = string.Intern(new string(buffer[..n]));
            i = gt < 0 ? html.Length : gt + 1;
            if (closing)
            {
                if (open.GetValueOrDefault(name) > 0)
                {
                    PopThrough(name, stack, open, ref foreign);
                }

                continue;
            }

            if (Void.Contains(name) || (selfClosed && foreign > 0))
            {
                continue;
            }

            if (SelfClosingKinds.Contains(name) && open.GetValueOrDefault(name) > 0)
            {
                PopThrough(name, stack, open, ref foreign);
            }

            if (ClosesParagraph.Contains(name) && open.GetValueOrDefault("p") > 0)
            {
                PopThrough("p", stack, open, ref foreign);
            }

            stack.Add(name);
            open[name] = open.GetValueOrDefault(name) + 1;
            foreign += name is "svg" or "math" ? 1 : 0;
            max = Math.Max(max, stack.Count);
            if (max > limit)
            {
                return max;
            }

            if (RawText.Contains(name) && i < html.Length)
            {
                var close = html[i..].IndexOf("</", StringComparison.Ordinal);
                while (close >= 0 && !html[(i + close + 2)..].StartsWith(name, StringComparison.OrdinalIgnoreCase))
                {
                    var next = html[(i + close + 2)..].IndexOf("</", StringComparison.Ordinal);
                    close = next < 0 ? -1 : close + 2 + next;
                }

                i = close < 0 ? html.Length : i + close;
            }
        }

        return max;
    }

    /// <summary>The depth of a parsed tree, walked without recursion.</summary>
    public static int Of(INode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var max = 0;
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            max = Math.Max(max, depth);
            foreach (var child in node.ChildNodes)
            {
                if (child.NodeType == NodeType.Element)
                {
                    stack.Push((child, depth + 1));
                }
            }
        }

        return max;
    }

    private static int FindTagEnd(ReadOnlySpan<char> html, int from)
    {
        var gt = html[from..].IndexOf('>');
        return gt < 0 ? -1 : from + gt;
    }

    private static void PopThrough(string name, List<string> stack, Dictionary<string, int> open, ref int foreign)
    {
        while (stack.Count > 0)
        {
            var top = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            open[top]--;
            foreign -= top is "svg" or "math" ? 1 : 0;
            if (top == name)
            {
                return;
            }
        }
    }
}
