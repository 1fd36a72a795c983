using System.Text.RegularExpressions;

namespace Sitrep.Corroboration.State;

/// <summary>
/// Reads whether a claim says a named party knew in advance or was caught by surprise ("Putin, surprised like everyone
/// else"; "it could not have been a surprise to Putin"; "the security services had advance warning"). Whether someone
/// saw an event coming is a fact about the event, not a status that moves: two sources that say opposite things about
/// the same party dispute it, whatever their order.
/// </summary>
/// <remarks>
/// Only the words that speak of the party's own surprise or warning count: "surprisingly", "unsurprisingly" and
/// "a surprise attack" say nothing about who knew. A negation earlier in the same clause ("there was no chance it
/// could be a surprise to him") turns the reading over. The party is the one the cue names ("a surprise to X",
/// "surprised X") or else the first name of the claim, its subject in a plain sentence; a claim with no name gives
/// nothing.
/// </remarks>
internal static partial class Foreknowledge
{
    /// <summary>The reading for a party caught unawares.</summary>
    public const string Surprised = "caught by surprise";

    /// <summary>The reading for a party that saw it coming.</summary>
    public const string Knew = "knew in advance";

    /// <summary>The matter's name in the brief for one party.</summary>
    public static string Topic(string party) => "whether " + party + " knew in advance";

    /// <summary>
    /// The reading of <paramref name="text"/>, and where in it the party is named (a character offset into the text),
    /// or null when the claim says nothing plainly about who knew.
    /// </summary>
    /// <param name="text">The claim's text.</param>
    public static (string Status, int PartyStart, int PartyEnd)? Read(string text)
    {
        var surprised = SurprisedCue().Match(text);
        var knew = KnewCue().Match(text);
        Match cue;
        bool saysSurprised;
        if (surprised.Success && (!knew.Success || surprised.Index <= knew.Index))
        {
            (cue, saysSurprised) = (surprised, true);
        }
        else if (knew.Success)
        {
            (cue, saysSurprised) = (knew, false);
        }
        else
        {
            return null;
        }

        if (Negated(text, cue.Index) ^ cue.Groups["neg"].Success)
        {
            saysSurprised = !saysSurprised;
        }

        var status = saysSurprised ? Surprised : Knew;
        if (cue.Groups["party"].Success)
        {
            return (status, cue.Groups["party"].Index, cue.Groups["party"].Index + cue.Groups["party"].Length);
        }

        var subject = Subject().Match(text);
        return subject.Success && subject.Groups["party"].Index < cue.Index && !NotNames.Contains(subject.Groups["party"].Value.Split(' ', '\'', '’')[0])
            ? (status, subject.Groups["party"].Index, subject.Groups["party"].Index + subject.Groups["party"].Length)
            : null;
    }

    /// <summary>The key two readings of one party share: its last name word, lower case ("Vladimir Putin" and "Putin").</summary>
    public static string PartyKey(string party) => party.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].ToLowerInvariant();

    /// <summary>Capitalised words that open a sentence without naming anyone.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "I", "It", "This", "That", "These", "Those", "He", "She", "They", "We", "You", "There", "Here",
        "What", "Why", "How", "When", "Where", "Who", "If", "As", "In", "On", "At", "Of", "For", "With", "Some", "Many",
        "Most", "All", "Everyone", "Everybody", "Nobody", "No", "One", "Our", "My", "His", "Her", "Their", "Its", "Maybe",
        "Perhaps", "Even", "Only", "Not", "Now", "Then", "Still", "Yes", "Nah", "Well", "Either", "Neither", "Both",
    };

    /// <summary>True when a negation stands earlier in the clause that holds the cue.</summary>
    private static bool Negated(string text, int cue)
    {
        var start = text.LastIndexOfAny([',', ';', ':', '(', '.', '!', '?'], Math.Max(0, cue - 1)) + 1;
        return Negation().IsMatch(text.AsSpan(start, cue - start).ToString());
    }

    // "surprised", "a surprise", "caught off guard", "blindsided"; with the party when the cue names it ("a surprise to
    // Putin", "surprised the Kremlin"). Not "surprising(ly)", and not "surprise" before a noun ("a surprise attack").
    [GeneratedRegex(@"\b(?:(?:was|were|been|be|looked|seemed)\s+)?(?:surprised(?:\s+(?:the\s+)?(?<party>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*))?|(?:a|the|by|of|complete|total|due\s+to)\s+surprise(?=\s*(?:[,.;:!?)]|$|to\b|for\b|and\b|as\b|that\b))(?:\s+(?:to|for)\s+(?:the\s+)?(?<party>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*))?|caught\s+(?:\w+\s+)?(?:off[\s-]guard|unawares|napping|by\s+surprise)|taken\s+aback|blindsided|(?<neg>did\s+not|didn't|never)\s+see\s+it\s+coming|had\s+no\s+(?:idea|inkling)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex SurprisedCue();

    // Advance knowledge: "had advance warning", "forewarned", "knew in advance", "had been expecting it".
    [GeneratedRegex(@"\b(?:(?:had|got|received|given)\s+(?:some\s+|an\s+|prior\s+)?advance\s+warning|forewarned|knew\s+(?:in\s+advance|beforehand|ahead\s+of\s+time|it\s+was\s+coming)|(?:had|have)\s+been\s+expecting\s+it|saw\s+it\s+coming)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KnewCue();

    [GeneratedRegex(@"\b(no|not|never|nothing|hardly)\b|n't\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negation();

    // The first capitalised name, after an opening connective or article ("So Putin, ...", "The Kremlin struggled").
    [GeneratedRegex(@"^\W*(?:(?:So|And|But|Then|Yet|Meanwhile|Still)\s+)?(?:the\s+|The\s+)?(?<party>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Subject();
}
