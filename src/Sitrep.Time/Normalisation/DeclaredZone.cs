using System.Text.RegularExpressions;

namespace Sitrep.Time.Normalisation;

/// <summary>
/// Finds the time zone a document declares for its clock times in its opening lines ("All times Moscow.", "Times are
/// British Summer Time (BST) unless marked otherwise", "(all times CET)", a table headed "Timeline (Moscow time)").
/// </summary>
internal static partial class DeclaredZone
{
    /// <summary>How far into the text a declaration may stand: it belongs to the head of a page or feed.</summary>
    private const int HeadLength = 2000;

    private static readonly Dictionary<string, int> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UTC"] = 0,
        ["GMT"] = 0,
        ["WET"] = 0,
        ["BST"] = 60,
        ["British Summer Time"] = 60,
        ["CET"] = 60,
        ["WEST"] = 60,
        ["CEST"] = 120,
        ["EET"] = 120,
        ["EEST"] = 180,
        ["MSK"] = 180,
        ["Moscow"] = 180,
        ["Moscow time"] = 180,
        ["EST"] = -300,
        ["EDT"] = -240,
        ["CST"] = -360,
        ["CDT"] = -300,
        ["PST"] = -480,
        ["PDT"] = -420,
    };

    /// <summary>The declared UTC offset in minutes, or null when the head of the text declares none.</summary>
    public static int? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var head = text.Length > HeadLength ? text[..HeadLength] : text;
        foreach (Match match in Declaration().Matches(head))
        {
            if (Zones.TryGetValue(match.Groups["zone"].Value.Trim(), out var minutes))
            {
                return minutes;
            }
        }

        return null;
    }

    // No match timeout: a timeout is measured in wall time, so on a loaded machine it fired (SR2003) and a document's
    // result depended on the load. The input is at most HeadLength characters and the pattern has no nested
    // quantifier, so each start position reads at most a few words and the white space between them: never slow.
    // The second form is a zone in brackets after the heading of a list or table of times ("Timeline (Moscow time)",
    // "Time (UTC)", "Chronology (all times MSK)"): a desk memo's table of clock times is in that zone.
    [GeneratedRegex(@"\b(?:(?:all\s+)?times\s+(?:are\s+|in\s+|given\s+in\s+|shown\s+in\s+)?|(?:timeline|chronology|times?)\s*\(\s*(?:all\s+times\s+)?(?:in\s+)?)(?<zone>British Summer Time|Moscow(?:\s+time)?|[A-Z]{3,4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Declaration();
}
