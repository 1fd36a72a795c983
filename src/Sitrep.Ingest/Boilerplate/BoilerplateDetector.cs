using System.Text.RegularExpressions;
using Sitrep.Documents;
using Sitrep.Ingest.Structure;

namespace Sitrep.Ingest.Boilerplate;

/// <summary>
/// Finds page furniture in text: rating widgets, share prompts, "More by the Author" lists, disclaimers,
/// previous/next navigation, "Latest News" lists, cookie notices, vote and reply footers of comment threads.
/// </summary>
/// <remarks>
/// Works on lines in one linear pass plus one backward pass over the tail. A line is furniture when it matches a rule;
/// a furniture heading ("Latest News") also takes the short list lines under it; and the closing run of a page made
/// of furniture and short lines (titles of other articles, tag lists) is furniture as a whole, provided it holds at
/// least one furniture line. The ranges found are kept in the text and excluded from analysis.
/// </remarks>
public static partial class BoilerplateDetector
{
    private const int MaxShortLine = 90;
    private const int MaxRuleLine = 400;

    /// <summary>Versioned name.</summary>
    public const string Name = "boilerplate.rules.v1";

    /// <summary>Boilerplate ranges of a text, sorted and merged.</summary>
    public static IReadOnlyList<TextRange> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Detect(text, TextLine.Split(text));
    }

    internal static IReadOnlyList<TextRange> Detect(string text, List<TextLine> lines)
    {
        var kinds = new LineKind[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            try
            {
                kinds[i] = Classify(text, lines[i]);
            }
            catch (RegexMatchTimeoutException)
            {
                // Patterns are linear over one bounded line; a timeout only means a starved machine: keep the line.
                kinds[i] = LineKind.Content;
            }
        }

        var furniture = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (kinds[i] is LineKind.Furniture or LineKind.Heading)
            {
                furniture[i] = true;
            }

            if (kinds[i] == LineKind.Heading)
            {
                // A furniture heading takes the short lines listed under it, up to a blank line after the list.
                var j = i + 1;
                var taken = 0;
                while (j < lines.Count)
                {
                    if (lines[j].IsBlank)
                    {
                        if (taken > 0 && (j + 1 >= lines.Count || lines[j + 1].IsBlank || kinds[j + 1] != LineKind.Short))
                        {
                            break;
                        }

                        j++;
                        continue;
                    }

                    if (kinds[j] is LineKind.Short or LineKind.Furniture)
                    {
                        furniture[j] = true;
                        taken++;
                        j++;
                        continue;
                    }

                    break;
                }
            }
        }

        // The closing run: furniture and short lines up to the end, anchored on furniture.
        var first = -1;
        var anyFurniture = false;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (lines[i].IsBlank)
            {
                continue;
            }

            if (kinds[i] is LineKind.Furniture or LineKind.Heading)
            {
                anyFurniture = true;
                first = i;
            }
            else if (kinds[i] == LineKind.Short || furniture[i])
            {
                first = i;
            }
            else
            {
                break;
            }
        }

        if (anyFurniture && first >= 0)
        {
            // Start the run at its first furniture line, not at a short line before it (a last heading of the text).
            while (first < lines.Count && (lines[first].IsBlank || kinds[first] == LineKind.Short) && !furniture[first])
            {
                first++;
            }

            for (var i = first; i < lines.Count; i++)
            {
                furniture[i] = furniture[i] || !lines[i].IsBlank;
            }
        }

        return Merge(text, lines, furniture);
    }

    private static List<TextRange> Merge(string text, List<TextLine> lines, bool[] furniture)
    {
        var ranges = new List<TextRange>();
        int? start = null;
        var end = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank)
            {
                continue;
            }

            if (furniture[i])
            {
                start ??= line.ContentStart;
                end = line.ContentEnd;
            }
            else if (start is { } s)
            {
                ranges.Add(new TextRange(s, end));
                start = null;
            }
        }

        if (start is { } last)
        {
            ranges.Add(new TextRange(last, Math.Min(end, text.Length)));
        }

        return ranges;
    }

    private enum LineKind
    {
        Blank,
        Content,
        Short,
        Furniture,
        Heading,
    }

    private static LineKind Classify(string text, TextLine line)
    {
        if (line.IsBlank)
        {
            return LineKind.Blank;
        }

        if (line.ContentLength > MaxRuleLine)
        {
            return LineKind.Content;
        }

        var content = Unmark(line.Content(text)).ToString();
        if (content.Length == 0)
        {
            return LineKind.Short;
        }

        if (FurnitureHeading().IsMatch(content))
        {
            return LineKind.Heading;
        }

        if (FurnitureLine().IsMatch(content) || SocialList().IsMatch(content) || Stars().IsMatch(content) || Footer().IsMatch(content))
        {
            return LineKind.Furniture;
        }

        if (content.Length <= MaxShortLine && !EndsSentence(content))
        {
            return LineKind.Short;
        }

        return LineKind.Content;
    }

    private static bool EndsSentence(string content) => content[^1] is '.' or '?' or '!' or ':' or ';' or '"' or '\u201D' or ')';

    /// <summary>Strips Markdown emphasis, heading marks and list bullets from the ends of a line.</summary>
    private static ReadOnlySpan<char> Unmark(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        s = s.TrimStart("#>-*+•_ \t");
        s = s.TrimEnd("*_ \t");
        return s;
    }

    [GeneratedRegex(@"^(?:more (?:by|from) (?:the|this) (?:author|writer)|latest (?:news|stories|articles|posts)|related (?:articles|stories|posts|news|content|topics)|recommended(?: for you| articles| stories)?|most (?:popular|read|viewed|shared)|trending(?: now| stories)?|read (?:more|next|also)|you (?:may|might) also (?:like|enjoy)|more (?:stories|news|articles) ?(?:from .{1,40})?|popular posts|recent posts|tags?|topics|filed under|share this(?: article| story| post)?|share on|follow us(?: on .{1,30})?)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FurnitureHeading();

    [GeneratedRegex(@"^(?:(?:previous|next|prev\.?|older|newer) (?:article|post|story|entry)\b.*|how useful was this (?:article|post)\??|click on a star to rate it!?|average rating [\d.,]+ ?/ ?\d+\.? ?vote count:? ?\d+\.?|no votes so far!?.*|(?:rate|rating) this (?:article|post).*|as you found this post useful.*|we are sorry that this post was not useful.*|disclaimer\b.*|the views and opinions expressed (?:in|here).*|(?:we|this (?:site|website)) uses? cookies\b.*|.{0,120}\bcookie (?:policy|settings|preferences|consent)\b.{0,200}|accept (?:all )?cookies|manage (?:cookie )?(?:settings|preferences)|subscribe (?:to|for) (?:our|the) newsletter.*|sign up for (?:our|the) .{0,40}newsletter.*|advertisement|sponsored(?: content)?|skip to (?:main )?content|all rights reserved\.?.*|(?:©|\(c\)|copyright ©?) ?\d{4}.*|print this (?:article|page)|email this (?:article|page)|comments? \(\d+\)(?:\s+sort by:.*)?|sort by:? ?\w+ ?[▾▼]?|share this (?:article|story|post)\b.*|loading comments.*|leave a (?:comment|reply)|show more comments|load more|read (?:more|also):? .{3,160}|related coverage|explore further|\d{1,3} min(?:ute)?s? read|(?:photo|image|picture|credit|bild|foto)s?: .{0,120}|see also:? .{0,160}|also read:? .{0,160}|lesen sie (?:auch|hier|mehr).{0,160}|mehr zum thema.{0,120}|weitere (?:artikel|beiträge|informationen)|ähnliche beiträge|auch interessant:?|drucken|teilen|impressum|datenschutz(?:erklärung)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FurnitureLine();

    [GeneratedRegex(@"^(?:(?:share on |on )?(?:facebook|x|twitter|telegram|whatsapp|linkedin|reddit|email|e-mail|copy link|pinterest|print|mastodon|bluesky|threads|vk)\s*(?:[·|,/•]\s*|\s+|$)){2,}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SocialList();

    [GeneratedRegex(@"^[☆★✩✪⭐\s]{3,}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Stars();

    [GeneratedRegex(@"^(?:[↑▲⬆]\s*[\d.,]+[KkMm]?(?:\s*[↓▼⬇]\s*[\d.,]+)?(?:\s*·\s*(?:reply|\d+ comments?|share|report|permalink))*|\d+ (?:likes?|points?|upvotes?|votes?)(?:\s*·\s*reply)?|reply|permalink|report)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Footer();
}
