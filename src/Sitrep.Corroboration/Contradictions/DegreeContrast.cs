using System.Text.RegularExpressions;
using Sitrep.Claims;
using Sitrep.Corroboration.Propositions;

namespace Sitrep.Corroboration.Contradictions;

/// <summary>
/// Finds factual disputes that no figure and no negation carries: one source says a named person was "well equipped",
/// another that the same person's group was "insufficiently" or "ill-equipped". The two claims must come from different
/// documents, name one of the same people (a capitalised name word past the first word of each claim), and rate the
/// same participle with degrees of opposite sign; neither may be negative (a negation already reverses the degree).
/// </summary>
internal static partial class DegreeContrast
{
    private const int MaxClaims = 4000;

    private static readonly HashSet<string> Positive = new(StringComparer.OrdinalIgnoreCase) { "well", "adequately", "sufficiently", "properly" };

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "Mr", "Mrs", "Ms", "Miss", "Dr", "Police", "But", "And", "In", "On", "At",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };

    /// <summary>A claim as the rule needs it.</summary>
    /// <param name="Claim">The claim.</param>
    /// <param name="Text">Its text.</param>
    /// <param name="Holder">Who holds it, for the reason ("Reuters", "the police via Reuters").</param>
    internal sealed record Item(ClaimRef Claim, string Text, string Holder);

    /// <summary>True when the text rates a participle with a degree ("well equipped"): a claim worth handing to <see cref="Find"/>.</summary>
    public static bool Rates(string text) => Degree().IsMatch(text);

    /// <summary>The disputes between the claims, one per pair of documents and rated word.</summary>
    /// <param name="items">Every claim with its text and holder.</param>
    /// <returns>Pairs of claim keys (first the claim that gives the favourable degree) with the reason in words.</returns>
    public static IEnumerable<(string A, string B, string Reason)> Find(IReadOnlyList<Item> items)
    {
        var rated = new List<(Item Item, string Word, string Degree, bool Favourable, HashSet<string> Names)>();
        foreach (var item in items.Take(MaxClaims))
        {
            if (item.Claim.Claim.Polarity == ClaimPolarity.Negative || item.Claim.Claim.Kind is ClaimKind.Question or ClaimKind.Speculation)
            {
                continue;
            }

            foreach (Match m in Degree().Matches(item.Text))
            {
                var names = Names(item.Text);
                if (names.Count > 0)
                {
                    var degree = m.Groups["deg"].Value.ToLowerInvariant();
                    rated.Add((item, m.Groups["w"].Value.ToLowerInvariant(), degree, Positive.Contains(degree), names));
                }
            }
        }

        var seen = new HashSet<(string, string, string)>();
        foreach (var good in rated.Where(r => r.Favourable))
        {
            foreach (var bad in rated.Where(r => !r.Favourable && string.Equals(r.Word, good.Word, StringComparison.Ordinal)))
            {
                if (string.Equals(good.Item.Claim.DocumentId, bad.Item.Claim.DocumentId, StringComparison.Ordinal)
                    || !good.Names.Overlaps(bad.Names)
                    || !seen.Add((good.Item.Claim.DocumentId, bad.Item.Claim.DocumentId, good.Word)))
                {
                    continue;
                }

                var who = good.Names.First(bad.Names.Contains);
                yield return (good.Item.Claim.Key, bad.Item.Claim.Key,
                    $"how {who} was {good.Word}: {good.Item.Holder} says “{good.Degree} {good.Word}” while {bad.Item.Holder} says “{bad.Degree} {bad.Word}”; both cannot hold");
            }
        }
    }

    /// <summary>The capitalised name words of a text past its first word ("Buckley's" gives "Buckley").</summary>
    private static HashSet<string> Names(string text)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var words = text.Split([' ', ',', '.', ';', ':', '"', '“', '”', '(', ')', '!', '?', '\n'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < words.Length; i++)
        {
            var w = words[i].EndsWith("'s", StringComparison.Ordinal) || words[i].EndsWith("’s", StringComparison.Ordinal) ? words[i][..^2] : words[i];
            if (w.Length >= 3 && char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower) && !NotNames.Contains(w))
            {
                names.Add(w);
            }
        }

        return names;
    }

    /// <summary>"well equipped", "well-equipped", "“insufficiently” equipped", "ill-equipped", "poorly trained".</summary>
    [GeneratedRegex(@"\b(?<deg>well|adequately|sufficiently|properly|poorly|badly|insufficiently|inadequately|ill)[""“”']?(?:\s+|-)[""“”']?(?<w>[a-z]{3,}ed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Degree();
}
