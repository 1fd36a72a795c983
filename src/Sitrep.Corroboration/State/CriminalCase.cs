using System.Text.RegularExpressions;

namespace Sitrep.Corroboration.State;

/// <summary>
/// Reads the status of a criminal case from a claim that names it and says its status plainly: "to be dropped",
/// "open" or "closed". A case's status changes as the story moves, so its readings are ordered by time.
/// </summary>
internal static partial class CriminalCase
{
    /// <summary>The matter's name in the brief.</summary>
    public const string Topic = "criminal case";

    /// <summary>The status a claim gives the case, or null when it gives none plainly.</summary>
    public static string? Status(string text)
    {
        if (!CaseNoun().IsMatch(text))
        {
            return null;
        }

        if (StillOpen().IsMatch(text))
        {
            return "open";
        }

        if (Promised().IsMatch(text))
        {
            return "to be dropped";
        }

        return Closed().IsMatch(text) ? "closed" : null;
    }

    /// <summary>
    /// True when two statuses cannot both be read from reports whose order is unknown: a case said to stay open
    /// against one said to be closed or about to be dropped. A promise to drop it and its closing are one story.
    /// </summary>
    public static bool Clash(string a, string b) => a != b && (a == "open" || b == "open");

    [GeneratedRegex(@"\b(criminal case|the case|charges|investigation|prosecution)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaseNoun();

    [GeneratedRegex(@"\b(remains? open|still open|still (being )?investigat\w*|(has|have|had) not been (dropped|closed)|not (been )?(dropped|closed)|will not be (dropped|closed)|won't be (dropped|closed)|still under way)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StillOpen();

    [GeneratedRegex(@"\b(will|would|to) be (dropped|closed)\b|\bwould go away\b|\bto drop (the|all) (case|charges)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Promised();

    // An adverb may sit between the auxiliary and the verb ("were quietly dropped").
    [GeneratedRegex(@"\b((had|has|have|was|were) (been )?(\w+ly )?(dropped|closed)|closed (the|its|their) (criminal )?(case|investigation)|(charges|case) (were |was )?dropped|dropped (the|all) (charges|case))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Closed();
}
