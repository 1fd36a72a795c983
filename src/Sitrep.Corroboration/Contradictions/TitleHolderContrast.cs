using System.Text.RegularExpressions;
using Sitrep.Claims;
using Sitrep.Corroboration.Propositions;

namespace Sitrep.Corroboration.Contradictions;

/// <summary>
/// Finds disputes over who holds a post that one person holds at a time: "Rovers general manager J.D. Marsh" in one report
/// against "Rovers general manager J.D. Pell" in another. Two different names for one post in one story are as often a
/// change (a coach fired and his successor named) as a dispute, so only names shaped like one person named two ways are
/// set against each other: the same given name and another surname, or the same surname and another given name, the
/// differing word far from the other (not a spelling variant such as Wolfe and Wolff, not an initial). The post must be
/// named without a word that makes it another one ("former", "interim", "assistant"…), and the organisation written before
/// it must be the same when both reports give one. The two claims must come from different documents of one story;
/// negative, hedged and questioned claims do not take part.
/// </summary>
internal static partial class TitleHolderContrast
{
    private const int MaxClaims = 4000;

    /// <summary>Words that, written before an organisation's post or in place of it, give no organisation.</summary>
    private static readonly HashSet<string> NoOrganisation = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "team", "club", "his", "her", "their", "its", "and", "said", "by", "of", "with", "to", "as", "that", "when", "while",
        "but", "new", "says", "told", "from", "for", "at", "in", "on",
    };

    /// <summary>Words before a post that make it another post or another time's holder.</summary>
    private static readonly HashSet<string> OtherPost = new(StringComparer.OrdinalIgnoreCase)
    {
        "former", "ex", "ex-", "interim", "new", "late", "then", "acting", "assistant", "associate", "deputy", "vice", "incoming", "outgoing",
        "previous", "defensive", "offensive", "executive", "co", "co-", "longtime", "onetime", "one-time", "future", "next", "prospective",
    };

    /// <summary>Words that end a name: a weekday or month is no part of it.</summary>
    private static readonly HashSet<string> NotNameWords = new(StringComparer.Ordinal)
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December", "Jr", "Jr.", "Sr", "Sr.",
    };

    /// <summary>A claim's naming of a post's holder.</summary>
    /// <param name="Claim">The claim.</param>
    /// <param name="Holder">Who holds the claim, for the reason.</param>
    /// <param name="Post">The post, normalised ("general manager", "coach", "chief executive").</param>
    /// <param name="Organisation">The organisation written before the post, lower case, or null.</param>
    /// <param name="Name">The name's words, dots removed ("AJ", "Marsh").</param>
    /// <param name="Written">The name as written.</param>
    internal sealed record Item(ClaimRef Claim, string Holder, string Post, string? Organisation, IReadOnlyList<string> Name, string Written);

    /// <summary>True when the text may name a post's holder: a claim worth handing to <see cref="ItemsOf"/>.</summary>
    public static bool Mentions(string text) => Post().IsMatch(text);

    /// <summary>The posts' holders the text names.</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="text">The claim's text, with its attribution when that is written apart.</param>
    /// <param name="holder">Who holds it (asked only when the text names a post's holder).</param>
    public static IEnumerable<Item> ItemsOf(ClaimRef claim, string text, Func<string> holder)
    {
        if (claim.Claim.Polarity == ClaimPolarity.Negative || claim.Claim.Kind is ClaimKind.Question or ClaimKind.Speculation || claim.Claim.Likelihood is not null)
        {
            yield break;
        }

        foreach (Match m in Named().Matches(text))
        {
            var before = m.Groups["before"].Value.Trim();
            if (OtherPost.Contains(before) || OtherPost.Contains(before.TrimEnd('-')))
            {
                continue;
            }

            var words = m.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => !NotNameWords.Contains(w)).ToList();
            if (words.Count < 2)
            {
                continue;
            }

            var organisation = before.Length > 0 && char.IsUpper(before[0]) && !NoOrganisation.Contains(before) ? before.ToLowerInvariant() : null;
            var post = m.Groups["post"].Value.ToLowerInvariant() switch
            {
                "gm" => "general manager",
                "head coach" => "coach",
                "ceo" or "chief executive officer" => "chief executive",
                var p => Regex.Replace(p, @"\s+", " "),
            };
            var name = words.Select(w => w.Replace(".", string.Empty, StringComparison.Ordinal)).ToList();
            yield return new Item(claim, holder(), post, organisation, name, string.Join(' ', words));
        }
    }

    /// <summary>The disputes between the items, one per pair of documents and post.</summary>
    /// <param name="items">Every named holder of a post.</param>
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
                if (!string.Equals(a.Post, b.Post, StringComparison.Ordinal) || string.Equals(da, db, StringComparison.Ordinal)
                    || (a.Organisation is not null && b.Organisation is not null && !string.Equals(a.Organisation, b.Organisation, StringComparison.Ordinal))
                    || Shared(a.Name, b.Name) is not { } shared || !sameStory(da, db)
                    || !seen.Add((string.CompareOrdinal(da, db) < 0 ? da : db, string.CompareOrdinal(da, db) < 0 ? db : da, a.Post)))
                {
                    continue;
                }

                var organisation = a.Organisation ?? b.Organisation;
                var post = (organisation is null ? "the " : "the " + Capitalised(organisation) + " ") + a.Post;
                yield return (a.Claim.Key, b.Claim.Key,
                    $"who is {post}: {a.Holder} names “{a.Written}” while {b.Holder} names “{b.Written}”; one {a.Post} has one name, and the two share “{shared}” but not the rest");
            }
        }
    }

    /// <summary>
    /// The word two names share when they are one person named two ways: both of two or three words, the same first word
    /// and a last word far from the other's, or the same last word and a first word far from the other's; null otherwise
    /// (the same name, two names with nothing in common, or a spelling variant).
    /// </summary>
    internal static string? Shared(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count < 2 || b.Count < 2)
        {
            return null;
        }

        var sameFirst = string.Equals(a[0], b[0], StringComparison.OrdinalIgnoreCase);
        var sameLast = string.Equals(a[^1], b[^1], StringComparison.OrdinalIgnoreCase);
        return sameFirst && !sameLast && Far(a[^1], b[^1]) ? a[0]
            : sameLast && !sameFirst && Far(a[0], b[0]) ? a[^1]
            : null;
    }

    /// <summary>True when two name words cannot be one word misspelt or shortened: three edits apart or more, neither an initial.</summary>
    private static bool Far(string x, string y) =>
        x.Length > 1 && y.Length > 1
        && !x.StartsWith(y, StringComparison.OrdinalIgnoreCase) && !y.StartsWith(x, StringComparison.OrdinalIgnoreCase)
        && Edits(x.ToLowerInvariant(), y.ToLowerInvariant()) >= 3;

    private static int Edits(string x, string y)
    {
        var row = Enumerable.Range(0, y.Length + 1).ToArray();
        for (var i = 1; i <= x.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= y.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (x[i - 1] == y[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[y.Length];
    }

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>A post one person holds at a time (in any case).</summary>
    [GeneratedRegex(@"\b(?:general\s+manager|GM|head\s+coach|coach|chief\s+executive(?:\s+officer)?|CEO|chairman|chairwoman|owner|commissioner|mayor|governor|sheriff|police\s+chief)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Post();

    /// <summary>
    /// "Rovers general manager J.D. Marsh", "General Manager J.D. Marsh", "team coach Ann Lee": the word before the post
    /// (an organisation, or a word that makes it another post), the post, and a name of two or three capitalised words.
    /// </summary>
    [GeneratedRegex(@"(?:(?<before>\b[\w'’-]+)\s+)?(?<post>\b(?i:general\s+manager|GM|head\s+coach|coach|chief\s+executive(?:\s+officer)?|CEO|chairman|chairwoman|owner|commissioner|mayor|governor|sheriff|police\s+chief))\s+(?<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex Named();
}
