using System.Text.RegularExpressions;
using Sitrep.Brief.Model;

namespace Sitrep.Brief.Building;

/// <summary>
/// What a deal the bottom line tells settles, as the reports word it: the clause after "whereby" / "under which" in the
/// deal's own sentence (the quote of the deal stops there), and sentences that open "As part of the deal, …" or "Under
/// the agreement, …". A bottom line that says a deal was brokered and not what it settles leaves the reader without the
/// outcome. Each term is quoted from its exact characters and attributed to its holder: the terms are one report's
/// account, whatever the number of sources behind the deal itself. A sentence that is an earlier step of a story state
/// (a status the story has moved past) gives no term.
/// </summary>
internal static partial class DealTerms
{
    private const int MaxTerms = 2;

    /// <summary>
    /// The terms of the deal <paramref name="deal"/> tells, quoted and attributed ("Its terms as reported: “…” (per X);
    /// “…” (per Y)."), with the spans they quote; null when no report states them.
    /// </summary>
    public static (string Text, List<BriefSpan> Cites)? Of(BriefFacts facts, BriefClaim deal, IReadOnlyCollection<BriefClaim> sameEvent)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(deal);
        // A term that states a status the story has moved past ("the case will be dropped", then closed) is never quoted:
        // the bottom line's state line and Changed tell where that matter stands and how it got there.
        var superseded = facts.Report.States.Where(s => s.Steps.Count > 1).SelectMany(s => s.Steps.Take(s.Steps.Count - 1)).Select(s => s.Claim).ToHashSet(StringComparer.Ordinal);
        var found = new List<(BriefClaim Claim, ExcerptShape Shape, int Offset)>();
        foreach (var claim in new[] { deal }.Concat(sameEvent).Concat(facts.Report.Claims).Distinct())
        {
            if (found.Count >= MaxTerms || superseded.Contains(claim.Id) || !facts.IsCredible(claim.Doc) || facts.IsFurniture(claim) || BriefFacts.IsSpeech(claim))
            {
                continue;
            }

            // The deal's own sentence and the sentences of its proposition give the clause after their joint; any other
            // sentence only a whole "As part of the deal, …" opening.
            var own = claim == deal || sameEvent.Contains(claim);
            var at = own && Joint().Match(claim.Text) is { Success: true } j ? j.Index + j.Length
                : Opening().Match(claim.Text) is { Success: true } o ? o.Length
                : -1;
            if (at < 0 || at >= claim.Text.Length)
            {
                continue;
            }

            var rest = claim.Text[at..];
            if (Comment().Match(rest) is { Success: true } comment)
            {
                rest = rest[..comment.Index]; // ", suggesting an attempt to …" is the writer's reading of the terms
            }

            var shape = Excerpt.Shape(rest);
            if (BriefFacts.WordCount(shape.Text) < 4 || found.Any(f => f.Claim.Doc == claim.Doc || BriefFacts.SaysTheSame(BriefFacts.ContentWords(f.Shape.Text), BriefFacts.ContentWords(shape.Text))))
            {
                continue;
            }

            found.Add((claim, shape, at));
        }

        if (found.Count == 0)
        {
            return null;
        }

        var quoted = found.Select(f => $"“{f.Shape.Text}” (per {facts.GradedHolder(f.Claim)})");
        var cites = found.Select(f => new BriefSpan(f.Claim.Doc, f.Claim.Start + f.Offset + f.Shape.Start, f.Claim.Start + f.Offset + f.Shape.End)).ToList();
        return ($"Its terms as reported: {string.Join("; ", quoted)}.", cites);
    }

    /// <summary>True when a claim tells a deal: its frame's class, or a word of its text before any terms, is a negotiation.</summary>
    public static bool IsDeal(BriefClaim claim, string? eventClass)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var head = Joint().Match(claim.Text) is { Success: true } j ? claim.Text[..j.Index] : claim.Text;
        return eventClass == "negotiate" || Consequence.ClassesIn(head).Contains("negotiate", StringComparer.Ordinal);
    }

    // "… brokered a deal whereby Prigozhin would live in exile …", "… an agreement under which the case will be dropped …".
    [GeneratedRegex(@"\s(?:whereby|under\s+which|under\s+whose\s+terms)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Joint();

    // "As part of the deal, …", "Under the agreement, …", "Under the terms of the deal, …".
    [GeneratedRegex(@"^(?:As\s+part\s+of|Under(?:\s+the\s+terms\s+of)?)\s+(?:the|this|that|its)\s+(?:deal|agreement|accord|arrangement|settlement|bargain|compromise)\s*,\s+")]
    private static partial Regex Opening();

    // A participle clause after a comma that reads the terms rather than states them.
    [GeneratedRegex(@",\s+(?:suggesting|signalling|signaling|indicating|raising|leaving|prompting|fuelling|fueling)\b")]
    private static partial Regex Comment();
}
