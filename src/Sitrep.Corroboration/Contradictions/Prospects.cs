using System.Text.RegularExpressions;

namespace Sitrep.Corroboration.Contradictions;

/// <summary>
/// Claims that tell what is in prospect rather than what happened: talks or negotiations to do something, something
/// considered, expected, set, close to a deal, or that may happen. Set against a definite outcome on the same event
/// ("will not direct", "has signed", "dropped out"), such a claim is an earlier stage of the story, not the other side
/// of a dispute: the two can both be true, one after the other.
/// </summary>
internal static partial class Prospects
{
    /// <summary>True when <paramref name="text"/> tells a prospect rather than a definite fact or outcome.</summary>
    /// <param name="text">A claim's text.</param>
    public static bool IsTentative(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Talks().IsMatch(text) || Expected().IsMatch(text) || Considering().IsMatch(text) || CloseToDeal().IsMatch(text) || Modal().IsMatch(text);
    }

    /// <summary>
    /// How a pair of claims that would otherwise contradict each other stands when exactly one of them is a prospect:
    /// null when neither or both are (the pair is judged as before); true when the prospect was reported before the
    /// definite claim (the story moved: an update); false otherwise, report times unknown or the prospect reported
    /// after the outcome (no contradiction, and no update either: which came first is not known).
    /// </summary>
    /// <param name="earlier">The first claim's text (the earlier one when both report times are known).</param>
    /// <param name="earlierTime">When the first claim was reported, if known.</param>
    /// <param name="later">The second claim's text.</param>
    /// <param name="laterTime">When the second claim was reported, if known.</param>
    public static bool? StoryMoved(string earlier, DateTimeOffset? earlierTime, string later, DateTimeOffset? laterTime)
    {
        var (first, second) = (IsTentative(earlier), IsTentative(later));
        if (first == second)
        {
            return null;
        }

        return first && earlierTime is { } t1 && laterTime is { } t2 && t1 < t2;
    }

    // "in negotiations to direct", "back in talks", "in early talks with", "negotiating to buy".
    [GeneratedRegex(@"\b(?:in|into)\s+(?:[a-z-]+\s+){0,2}(?:talks|negotiations|discussions)\b|\bnegotiating\s+(?:to|with|for)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Talks();

    // "is expected to", "set to direct" (a headline drops the verb), "poised to", "in line to".
    [GeneratedRegex(@"\b(?:expected|set|poised|slated|tipped|in\s+line)\s+to\s+[a-z]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Expected();

    // "is considering", "are weighing", "was mulling": "considering the weather" alone is no prospect.
    [GeneratedRegex(@"\b(?:is|are|was|were|'s|’s|been|be)\s+(?:[a-z]+ly\s+|now\s+|still\s+)?(?:considering|weighing|mulling|eyeing)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Considering();

    // "is close to a deal to", "nears an agreement".
    [GeneratedRegex(@"\b(?:close|closer|near|nears|nearing)\s+(?:to\s+)?(?:a\s+|an\s+|the\s+)?(?:final\s+)?(?:deal|agreement|contract|signing)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CloseToDeal();

    // "may direct", "might sign": lower case only, so that the month ("in May 2005") and a name are never read as one.
    [GeneratedRegex(@"\b(?:may|might)\s+(?:not\s+|still\s+|yet\s+|also\s+)?[a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Modal();
}
