using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Sitrep.Ingest.Readers.Html;

/// <summary>
/// Finds the main content of a parsed page: a Readability-style score over paragraphs, propagated to ancestors,
/// improved with link density, class and id hints, sibling merging and a final pass that drops navigation-like blocks.
/// </summary>
/// <remarks>
/// The tree is at most <see cref="IngestOptions.MaxNestingDepth"/> deep (checked before parsing), so walks may recurse.
/// </remarks>
internal static partial class HtmlContentExtractor
{
    private static readonly HashSet<string> Junk = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "button", "select", "input",
        "textarea", "nav", "aside", "footer", "figure", "figcaption", "picture", "video", "audio", "map", "math", "dialog", "menu",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "pre",
        "blockquote", "table", "tr", "td", "th", "tbody", "thead", "header", "address", "center", "br", "hr", "form", "fieldset",
    };

    private static readonly HashSet<string> Scored = new(StringComparer.OrdinalIgnoreCase) { "p", "pre", "td", "blockquote", "li", "h2", "h3", "dd" };

    private const int MaxHintChars = 256;
    private const int MaxClimb = 5;

    /// <summary>The main text of the page, paragraphs separated by blank lines; empty when nothing was found.</summary>
    /// <param name="page">The parsed page; it is modified (junk removed).</param>
    /// <param name="stripUnlikely">Remove elements whose class or id reads like furniture before scoring. Readability's
    /// lesson: on some pages the article sits in such an element, so a short result is retried without this.</param>
    public static string Extract(IDocument page, bool stripUnlikely = true)
    {
        var body = page.Body;
        if (body is null)
        {
            return string.Empty;
        }

        Clean(body, stripUnlikely);
        var scores = new Dictionary<IElement, double>();
        var paragraphText = new Dictionary<IElement, int>();
        foreach (var element in body.QuerySelectorAll("p, pre, td, blockquote, div"))
        {
            if (element.LocalName == "div" && HasBlockChild(element))
            {
                continue;
            }

            if (element.LocalName == "li" && element.Closest("nav, menu") is not null)
            {
                continue;
            }

            var text = Normalize(element.TextContent);
            if (text.Length < 25)
            {
                continue;
            }

            if (element.LocalName is "p" or "pre" or "blockquote" || !HasBlockChild(element))
            {
                // Good text held by each ancestor, for the climb below.
                for (var up = element.ParentElement; up is not null && up != body; up = up.ParentElement)
                {
                    paragraphText[up] = paragraphText.GetValueOrDefault(up) + (int)(text.Length * (1 - LinkDensity(element)));
                }
            }

            var score = 1.0 + Count(text, ',') + Count(text, '.') * 0.5 + Math.Min(text.Length / 100.0, 3.0);
            if (!Scored.Contains(element.LocalName))
            {
                score *= 0.8;
            }

            var parent = element.ParentElement;
            var level = 0;
            while (parent is not null && level < 3)
            {
                if (!scores.ContainsKey(parent))
                {
                    scores[parent] = ClassWeight(parent) + TagWeight(parent);
                }

                scores[parent] += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
                parent = parent.ParentElement;
                level++;
            }
        }

        IElement? top = null;
        var best = double.MinValue;
        foreach (var (element, raw) in scores)
        {
            var score = raw * (1 - LinkDensity(element));
            if (score > best)
            {
                best = score;
                top = element;
            }
        }

        if (top is null)
        {
            return Render([body]);
        }

        // Climb while the parent holds clearly more good text than the candidate: articles split over sibling divs.
        while (top.ParentElement is { } up && up != body && scores.TryGetValue(up, out var upScore) && upScore * (1 - LinkDensity(up)) > best * 0.9)
        {
            top = up;
            best = upScore * (1 - LinkDensity(up));
        }

        // Then climb while an ancestor holds much more good paragraph text and is not a link farm: the article was split
        // into sibling blocks (page builders, CMS "blocks") that no single candidate covers.
        // Wrappers holding the same text are passed through, up to a few levels.
        var chosenText = Math.Max(1, paragraphText.GetValueOrDefault(top));
        var holder = top.ParentElement;
        for (var steps = 0; holder is not null && holder != body && steps < MaxClimb; steps++, holder = holder.ParentElement)
        {
            if (LinkDensity(holder) >= 0.35)
            {
                break;
            }

            var held = paragraphText.GetValueOrDefault(holder);
            if (held >= 1.6 * chosenText)
            {
                top = holder;
                chosenText = held;
                best = Math.Max(best, scores.GetValueOrDefault(holder) * (1 - LinkDensity(holder)));
            }
        }

        var threshold = Math.Max(10, best * 0.2);
        var chosen = new List<IElement>();
        if (top.ParentElement is { } container)
        {
            foreach (var sibling in container.Children)
            {
                if (sibling == top)
                {
                    chosen.Add(sibling);
                    continue;
                }

                var bonus = ClassName(sibling) == ClassName(top) && ClassName(top).Length > 0 ? best * 0.2 : 0;
                if (scores.TryGetValue(sibling, out var s) && s * (1 - LinkDensity(sibling)) + bonus >= threshold)
                {
                    chosen.Add(sibling);
                }
                else if (sibling.LocalName == "p")
                {
                    var text = Normalize(sibling.TextContent);
                    var density = LinkDensity(sibling);
                    if ((text.Length > 80 && density < 0.25) || (text.Length > 0 && density == 0 && EndsSentence(text)))
                    {
                        chosen.Add(sibling);
                    }
                }
            }
        }
        else
        {
            chosen.Add(top);
        }

        return Render(chosen);
    }

    private static void Clean(IElement body, bool stripUnlikely)
    {
        var remove = new List<IElement>();
        foreach (var element in body.QuerySelectorAll("*"))
        {
            if (Junk.Contains(element.LocalName) || element.HasAttribute("hidden")
                || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
                || Matches(Hidden(), element.GetAttribute("style") ?? string.Empty))
            {
                remove.Add(element);
                continue;
            }

            if (!stripUnlikely)
            {
                continue;
            }

            var hint = Hint(element) + " " + (element.GetAttribute("role") ?? string.Empty);
            if (hint.Length > 1 && element.LocalName is not ("body" or "a" or "html" or "main" or "article") && Matches(Unlikely(), hint) && !Matches(Likely(), hint))
            {
                remove.Add(element);
            }
        }

        foreach (var element in remove)
        {
            element.Remove();
        }
    }

    private static string Render(IEnumerable<IElement> roots)
    {
        var builder = new StringBuilder();
        foreach (var root in roots)
        {
            if (root.LocalName is "h1" or "h2" or "h3" && LinkDensity(root) > 0.5)
            {
                continue;
            }

            Walk(root, builder);
            Break(builder);
        }

        // Collapse the paragraph breaks and spaces the walk left behind.
        var lines = builder.ToString().Split('\n');
        var output = new StringBuilder(builder.Length);
        foreach (var line in lines)
        {
            var text = Normalize(line);
            if (text.Length == 0)
            {
                continue;
            }

            if (output.Length > 0)
            {
                output.Append("\n\n");
            }

            output.Append(text);
        }

        return output.ToString();
    }

    private static void Walk(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(text.Data);
                    break;
                case IElement element:
                    if (element.LocalName == "br")
                    {
                        builder.Append('\n');
                        continue;
                    }

                    var block = Blocks.Contains(element.LocalName);
                    if (block && IsNavigation(element))
                    {
                        continue;
                    }

                    if (block)
                    {
                        Break(builder);
                    }
                    else if (element.LocalName is "td" or "th")
                    {
                        builder.Append(' ');
                    }

                    Walk(element, builder);
                    if (block)
                    {
                        Break(builder);
                    }

                    break;
            }
        }
    }

    private static bool IsNavigation(IElement element)
    {
        if (element.LocalName is "p" or "h1" or "h2" or "h3" or "h4" or "pre" or "blockquote")
        {
            return false;
        }

        var text = element.TextContent;
        if (text.Length == 0)
        {
            return false;
        }

        var density = LinkDensity(element);
        var normalized = Normalize(text);
        return (density > 0.5 && normalized.Length < 1000 && element.QuerySelector("p") is null) || (density > 0.33 && element.LocalName is "ul" or "ol" && normalized.Length < 400);
    }

    private static void Break(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] != '\n')
        {
            builder.Append('\n');
        }
    }

    private static bool HasBlockChild(IElement element)
    {
        foreach (var child in element.Children)
        {
            if (Blocks.Contains(child.LocalName) && child.LocalName != "br")
            {
                return true;
            }
        }

        return false;
    }

    private static double LinkDensity(IElement element)
    {
        var total = element.TextContent.Length;
        if (total == 0)
        {
            return 0;
        }

        var links = 0;
        foreach (var link in element.QuerySelectorAll("a"))
        {
            links += link.TextContent.Length;
        }

        return Math.Min(1.0, (double)links / total);
    }

    private static double ClassWeight(IElement element)
    {
        var hint = Hint(element);
        var weight = 0.0;
        if (Matches(Likely(), hint))
        {
            weight += 25;
        }

        if (Matches(Unlikely(), hint))
        {
            weight -= 25;
        }

        return weight;
    }

    private static double TagWeight(IElement element) => element.LocalName switch
    {
        "article" => 10,
        "main" => 5,
        "div" => 5,
        "pre" or "td" or "blockquote" => 3,
        "form" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        _ => 0,
    };

    private static string ClassName(IElement element) => element.GetAttribute("class") ?? string.Empty;

    private static string Hint(IElement element)
    {
        var hint = ClassName(element) + " " + (element.Id ?? string.Empty);
        return hint.Length > MaxHintChars ? hint[..MaxHintChars] : hint;
    }

    private static bool Matches(Regex regex, string input)
    {
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            // The patterns are linear; a timeout only means a starved machine. No hint is better than a lost page.
            return false;
        }
    }

    private static int Count(string text, char c)
    {
        var n = 0;
        foreach (var ch in text)
        {
            if (ch == c)
            {
                n++;
            }
        }

        return n;
    }

    private static bool EndsSentence(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?' or ':' or '"' or '\u201D';

    /// <summary>Collapses white space runs into one space and trims.</summary>
    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"-ad-|\bads?\b|adsense|advert|agegate|banner|breadcrumb|combx|comment|community|cookie|consent|cover-wrap|disqus|extra|foot|gdpr|header|legends|masthead|media-caption|menu|modal|newsletter|outbrain|pager|pagination|popup|promo|related|remark|replies|rss|share|shoutbox|sidebar|skyscraper|social|sponsor|subscribe|supplemental|taboola|teaser|tags?\b|toolbar|widget|navbar|nav\b|navigation|signup|login|rating|author-?box|author-?bio|byline|dateline|caption|print|recommend|more-?stories|read-?more|most-?popular|trending|jump|skip", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Unlikely();

    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|rich-?text", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Likely();
}
