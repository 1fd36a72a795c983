using System.Text.RegularExpressions;

namespace Sitrep.Corroboration.State;

/// <summary>
/// Reads an offer (or bid) a named party made or withdrew: "the Angels have offered an eight-year contract", "… confirmed
/// that his club had also made an eight-year offer" (the party named first), "the Angels have withdrawn their offer". A
/// withdrawal can only follow the offer, so the two statuses are in order whatever the reports' times: the matter is a
/// story that moved, never a dispute.
/// </summary>
internal static partial class Offers
{
    /// <summary>The status of an offer made.</summary>
    public const string Made = "offer made";

    /// <summary>The status of an offer withdrawn.</summary>
    public const string Withdrawn = "offer withdrawn";

    /// <summary>The most characters between the party and the verb ("Angels general manager Tony Reagins confirmed that his club had also made").</summary>
    private const int MaxGap = 90;

    /// <summary>The matter's name for a party ("offer of the Angels").</summary>
    public static string Topic(string party) => "offer of the " + party;

    /// <summary>The party and the status a claim gives an offer, or null when it gives none plainly.</summary>
    public static (string Party, string Status)? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("offer", StringComparison.OrdinalIgnoreCase) && !text.Contains("bid", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (Withdrawal().Match(text) is { Success: true } w && PartyBefore(text, w.Index) is { } withdrawer)
        {
            return (withdrawer, Withdrawn);
        }

        if (Making().Match(text) is { Success: true } m && !Negated().IsMatch(text[Math.Max(0, m.Index - 40)..(m.Index + m.Length)]) && PartyBefore(text, m.Index) is { } maker)
        {
            return (maker, Made);
        }

        return null;
    }

    /// <summary>
    /// The party named before the verb: the last capitalised plural or name within <see cref="MaxGap"/> characters that is
    /// not a sentence's first word alone ("The"); its last word is its key ("Los Angeles Angels" is "Angels").
    /// </summary>
    private static string? PartyBefore(string text, int verb)
    {
        var from = Math.Max(0, verb - MaxGap);
        var window = text[from..verb];
        if (window.Contains('.', StringComparison.Ordinal) && window.LastIndexOf(". ", StringComparison.Ordinal) is var stop and >= 0)
        {
            window = window[(stop + 2)..];
        }

        string? party = null;
        foreach (Match p in Party().Matches(window))
        {
            party ??= p.Value; // the first team named in the clause is the subject ("Angels general manager … his club")
        }

        return party;
    }

    // "have withdrawn their offer", "withdrew its contract offer", "pulled their bid", "rescinded the offer".
    [GeneratedRegex(@"\b(?:withdrawn|withdrew|withdraws|pulled|rescinded)\s+(?:their|its|his|her|the)\s+(?:\w+\s+){0,2}(?:offer|bid)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Withdrawal();

    // "made an eight-year offer", "has extended an offer", "have offered an eight-year contract".
    [GeneratedRegex(@"\b(?:(?:made|makes|extended|presented|submitted)\s+(?:\S+\s+){0,4}?(?:offer|bid)\b|(?:have|has|had)\s+(?:also\s+)?offered\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Making();

    [GeneratedRegex(@"\b(?:not|never|declined\s+to|refused\s+to|chose\s+not\s+to|yet\s+to|if|whether|would|could|might|may)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negated();

    // A team or body named by a capitalised plural ("Angels", "Nationals"), the form clubs and boards take: the last word
    // of a name ("Los Angeles Angels" is "Angels", never "Los").
    [GeneratedRegex(@"\b[A-Z][a-z]+s\b(?!\s+[A-Z])(?<!\b(?:The|This|These|Its|His|Hers|Was|Has|Says|Sources|Reports|News|Times|Angeles|Vegas|States|Games|Meetings|Series|Days|Hours|Years|Months|Weeks)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Party();
}
