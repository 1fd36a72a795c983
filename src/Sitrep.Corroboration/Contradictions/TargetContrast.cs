using System.Text.RegularExpressions;
using Sitrep.Claims;
using Sitrep.Corroboration.Propositions;

namespace Sitrep.Corroboration.Contradictions;

/// <summary>
/// Finds disputes over whom a named shooter was aiming at: "Lopez told police he was aiming for rival gang members"
/// against "Lopez was reportedly aiming for an 11-year old girl". Both claims come from different documents of one story,
/// name the same shooter (a capitalised surname before the verb) and name people as the target, and the two targets share
/// no content word ("members of the Young Goon gang" and "rival gang members" are one target). Negative and hedged claims
/// do not take part.
/// </summary>
internal static partial class TargetContrast
{
    private const int MaxClaims = 4000;

    /// <summary>Nouns that make a target people, so that a place or an object aimed at is never set against a person.</summary>
    private static readonly HashSet<string> PeopleNouns = new(StringComparer.Ordinal)
    {
        "member", "members", "gang", "gangs", "rival", "rivals", "girl", "girls", "boy", "boys", "man", "men", "woman", "women", "child",
        "children", "teen", "teens", "teenager", "teenagers", "officer", "officers", "police", "policeman", "people", "person", "group",
        "crew", "friend", "friends", "neighbour", "neighbor", "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister",
    };

    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "for", "at", "his", "her", "their", "who", "whom", "with", "in", "on", "he", "she", "was", "were", "had",
        "over", "and", "or", "old", "year", "years", "some", "two", "three", "another", "other",
    };

    /// <summary>A claim's statement of a shooter's target.</summary>
    /// <param name="Claim">The claim.</param>
    /// <param name="Holder">Who holds it, for the reason.</param>
    /// <param name="Shooter">The shooter's surname as written.</param>
    /// <param name="Target">The target as written.</param>
    /// <param name="Words">The target's content words, lower case.</param>
    internal sealed record Item(ClaimRef Claim, string Holder, string Shooter, string Target, HashSet<string> Words);

    /// <summary>True when the text may state a shooter's target: a claim worth handing to <see cref="ItemsOf"/>.</summary>
    public static bool Mentions(string text) =>
        text.Contains("aim", StringComparison.OrdinalIgnoreCase) || text.Contains("target", StringComparison.OrdinalIgnoreCase);

    /// <summary>The targets the claim states, with its shooter.</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="text">Its text.</param>
    /// <param name="holder">Who holds it (asked only when the claim states a target).</param>
    public static IEnumerable<Item> ItemsOf(ClaimRef claim, string text, Func<string> holder)
    {
        if (claim.Claim.Polarity == ClaimPolarity.Negative || claim.Claim.Kind is ClaimKind.Question or ClaimKind.Speculation)
        {
            yield break;
        }

        foreach (Match m in Aimed().Matches(text))
        {
            var target = m.Groups["target"].Value.Trim();
            var words = target.ToLowerInvariant().Split([' ', '-', '\'', '’'], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.Length > 1 && !Stop.Contains(w) && !w.Any(char.IsDigit)).ToHashSet(StringComparer.Ordinal);
            if (words.Overlaps(PeopleNouns))
            {
                yield return new Item(claim, holder(), m.Groups["name"].Value, target, words);
            }
        }
    }

    /// <summary>The disputes between the items, one per pair of documents and shooter.</summary>
    /// <param name="items">Every stated target.</param>
    /// <param name="sameStory">True when two documents tell one story.</param>
    public static IEnumerable<(string A, string B, string Reason)> Find(IReadOnlyList<Item> items, Func<string, string, bool> sameStory)
    {
        var list = items.Take(MaxClaims).ToList();
        var seen = new HashSet<(string, string, string)>();
        for (var i = 0; i < list.Count; i++)
        {
            for (var j = i + 1; j < list.Count; j++)
            {
                var (a, b) = (list[i], list[j]);
                var (da, db) = (a.Claim.DocumentId, b.Claim.DocumentId);
                if (string.Equals(da, db, StringComparison.Ordinal) || !string.Equals(a.Shooter, b.Shooter, StringComparison.Ordinal)
                    || a.Words.Overlaps(b.Words) || !sameStory(da, db)
                    || !seen.Add((string.CompareOrdinal(da, db) < 0 ? da : db, string.CompareOrdinal(da, db) < 0 ? db : da, a.Shooter)))
                {
                    continue;
                }

                yield return (a.Claim.Key, b.Claim.Key,
                    $"whom {a.Shooter} was aiming at: {a.Holder} says “{a.Target}” while {b.Holder} says “{b.Target}”; one shot has one target");
            }
        }
    }

    /// <summary>
    /// "Lopez was aiming for rival gang members", "Lopez targeted rival gang members", "Lopez was allegedly targeting
    /// members of the Young Goon gang", "Lopez told police he was aiming for …": the surname, then the verb within a few words.
    /// </summary>
    [GeneratedRegex(@"\b(?<name>[A-Z][a-z]{2,})\b(?:\s+(?:told\s+police|said|admitted)\s+(?:that\s+)?he)?\s+(?:was\s+|were\s+|had\s+been\s+)?(?:reportedly\s+|allegedly\s+|apparently\s+)?(?:aiming\s+(?:for|at)|targeting|targetting|targeted|targetted)\s+(?<target>[^,.;:()]{3,60}?)(?=\s+(?:when|as|but|because|who|whom|after|before|while)\b|[,.;:()]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Aimed();
}
