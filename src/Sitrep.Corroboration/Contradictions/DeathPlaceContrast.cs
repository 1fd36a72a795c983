using System.Text.RegularExpressions;
using Sitrep.Claims;
using Sitrep.Corroboration.Propositions;

namespace Sitrep.Corroboration.Contradictions;

/// <summary>
/// Finds disputes over where someone died: "the victim died at the scene" against "the victim died on the way to the
/// hospital" (or in hospital). One death happens in one place, so two reports of one story that put it at the scene and
/// on the way to or in a hospital cannot both hold. The two claims must come from different documents of one story and
/// speak of the same person: the same full name before "died", or, when either names nobody ("the third victim", "the
/// woman"), a story whose two reports count exactly one dead between them (every toll either gives is one, and one of them
/// gives it). Negative, hedged and questioned claims do not take part.
/// </summary>
internal static partial class DeathPlaceContrast
{
    private const int MaxClaims = 4000;

    /// <summary>A claim's statement of where someone died.</summary>
    /// <param name="Claim">The claim.</param>
    /// <param name="Holder">Who holds it, for the reason.</param>
    /// <param name="Name">The full name of who died, lower case, or null when the claim names nobody.</param>
    /// <param name="AtScene">True for "at the scene", false for on the way to or in a hospital.</param>
    /// <param name="Place">The place as written.</param>
    internal sealed record Item(ClaimRef Claim, string Holder, string? Name, bool AtScene, string Place);

    /// <summary>True when the text may say where someone died: a claim worth handing to <see cref="ItemsOf"/>.</summary>
    public static bool Mentions(string text) =>
        (text.Contains("died", StringComparison.OrdinalIgnoreCase) || text.Contains("dead", StringComparison.OrdinalIgnoreCase))
        && (text.Contains("scene", StringComparison.OrdinalIgnoreCase) || text.Contains("hospital", StringComparison.OrdinalIgnoreCase));

    /// <summary>The places of death the claim states.</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="text">Its text.</param>
    /// <param name="holder">Who holds it (asked only when the claim states a place).</param>
    public static IEnumerable<Item> ItemsOf(ClaimRef claim, string text, Func<string> holder)
    {
        if (claim.Claim.Polarity == ClaimPolarity.Negative || claim.Claim.Kind is ClaimKind.Question or ClaimKind.Speculation || claim.Claim.Likelihood is not null)
        {
            yield break;
        }

        foreach (Match m in DiedAt().Matches(text))
        {
            var place = m.Groups["place"].Value;
            var name = FullName().Match(m.Groups["who"].Value) is { Success: true } n ? n.Value.Trim().ToLowerInvariant() : null;
            yield return new Item(claim, holder(), name, place.Contains("scene", StringComparison.OrdinalIgnoreCase), place);
        }
    }

    /// <summary>The disputes between the items, one per pair of documents.</summary>
    /// <param name="items">Every stated place of death.</param>
    /// <param name="sameStory">True when two documents tell one story.</param>
    /// <param name="oneDead">True when two documents count exactly one dead between them.</param>
    public static IEnumerable<(string A, string B, string Reason)> Find(IReadOnlyList<Item> items, Func<string, string, bool> sameStory, Func<string, string, bool> oneDead)
    {
        var list = items.Take(MaxClaims).ToList();
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < list.Count; i++)
        {
            for (var j = i + 1; j < list.Count; j++)
            {
                var (a, b) = (list[i], list[j]);
                var (da, db) = (a.Claim.DocumentId, b.Claim.DocumentId);
                if (a.AtScene == b.AtScene || string.Equals(da, db, StringComparison.Ordinal))
                {
                    continue;
                }

                var samePerson = a.Name is not null && b.Name is not null
                    ? string.Equals(a.Name, b.Name, StringComparison.Ordinal)
                    : oneDead(da, db);
                if (!samePerson || !sameStory(da, db) || !seen.Add(string.CompareOrdinal(da, db) < 0 ? (da, db) : (db, da)))
                {
                    continue;
                }

                yield return (a.Claim.Key, b.Claim.Key,
                    $"where {(a.Name ?? b.Name) ?? "the one dead"} died: {a.Holder} says “{a.Place}” while {b.Holder} says “{b.Place}”; one death has one place");
            }
        }
    }

    /// <summary>
    /// "the third victim died on the way to the hospital", "Jane Roe died at the scene", "was pronounced dead at the scene",
    /// "died later in hospital": the words before the verb (up to a clause break), then the place.
    /// </summary>
    [GeneratedRegex(@"(?<who>[^,;:.]{0,60}?)\b(?:died|was\s+pronounced\s+dead|was\s+declared\s+dead)\s+(?:(?:later|shortly|soon|afterwards|instantly)\s+)?(?<place>at\s+the\s+scene|on\s+the\s+way\s+to\s+(?:the\s+|a\s+)?hospital|en\s+route\s+to\s+(?:the\s+|a\s+)?hospital|in\s+(?:the\s+|a\s+)?hospital|at\s+(?:the\s+|a\s+)?hospital)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DiedAt();

    /// <summary>A full name right before the verb: two capitalised words or more.</summary>
    [GeneratedRegex(@"\b[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex FullName();
}
