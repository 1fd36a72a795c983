using System.Text.RegularExpressions;

namespace Sitrep.Corroboration.Contradictions;

/// <summary>
/// A report that tells its own story's revision in words: "officials initially reported that a second deputy was shot",
/// "local news originally reported that two of the three victims died", "the teen did tell police that originally, and
/// later confessed that …". Such a sentence says which statement came first without any report time, so the pair it
/// makes with the statement that revises it is an update, never a contradiction. Both sides are claims of the one
/// document that tells the revision; a cue with no matching statement in that document gives nothing.
/// </summary>
internal static partial class Revisions
{
    /// <summary>How many content words the two sides must share when the revised statement gives no count.</summary>
    public const int MinSharedWords = 2;

    /// <summary>One claim of a document, in text order.</summary>
    /// <param name="Key">The claim key.</param>
    /// <param name="Text">Its text.</param>
    /// <param name="Counts">The counts of people killed it gives (its measures), for a revised count.</param>
    public sealed record Item(string Key, string Text, IReadOnlyList<double> Counts);

    /// <summary>A revision found: the earlier statement, the later one, and why.</summary>
    public sealed record Found(string Earlier, string Later, string Reason);

    /// <summary>The revisions one document tells, each an earlier claim and the later claim that revises it.</summary>
    /// <param name="claims">The document's claims, in text order.</param>
    /// <param name="source">Who the document is, for the reason.</param>
    public static IReadOnlyList<Found> Find(IReadOnlyList<Item> claims, string source)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var found = new List<Found>();
        for (var i = 0; i < claims.Count; i++)
        {
            var text = claims[i].Text;
            if (FirstSaid().Match(text) is { Success: true } first)
            {
                // "initially reported that X[, but …]": X is the earlier statement; the document states the later one.
                var said = Clause(text[(first.Index + first.Length)..]);
                if (Later(claims, i, said) is { } j)
                {
                    found.Add(new Found(claims[i].Key, claims[j].Key, $"the story moved: {source} tells that it was first reported that “{Trim(said)}”, and states the revision, “{Trim(claims[j].Text)}”"));
                }
            }
            else if (Anaphoric().IsMatch(text) && LaterSaid().Match(text) is not { Success: true } && i + 1 < claims.Count
                && LaterSaid().Match(claims[i + 1].Text) is { Success: true, Index: < 8 } next)
            {
                // The claim stage may cut "… that originally, and later confessed that Y" in two: Y opens the next claim.
                var revised = Clause(claims[i + 1].Text[(next.Index + next.Length)..]);
                if (Earlier(claims, i, revised) is { } j)
                {
                    found.Add(new Found(claims[j].Key, claims[i + 1].Key, $"the story moved: {source} tells that “{Trim(claims[j].Text)}” was said first, then revised: “{Trim(revised)}”"));
                }
            }
            else if (Anaphoric().IsMatch(text) && LaterSaid().Match(text) is { Success: true } later)
            {
                // "did tell police that originally, and later confessed that Y": Y revises the statement before it.
                var revised = Clause(text[(later.Index + later.Length)..]);
                if (Earlier(claims, i, revised) is { } j)
                {
                    found.Add(new Found(claims[j].Key, claims[i].Key, $"the story moved: {source} tells that “{Trim(claims[j].Text)}” was said first, then revised: “{Trim(revised)}”"));
                }
            }
        }

        return found;
    }

    /// <summary>The claim of the document that states what revises <paramref name="said"/>, or null.</summary>
    private static int? Later(IReadOnlyList<Item> claims, int cue, string said)
    {
        // A revised count of dead ("two of the three victims died") is revised by the document's other count of them.
        if (DeathCount(said) is { } count)
        {
            int? best = null;
            for (var j = 0; j < claims.Count; j++)
            {
                var counts = CountsOf(claims[j]);
                if (j != cue && !HasCue(claims[j].Text) && counts.Count > 0 && counts.TrueForAll(c => Math.Abs(c - count) > 1e-9)
                    && (best is null || Math.Abs(j - cue) < Math.Abs(best.Value - cue)))
                {
                    best = j;
                }
            }

            return best;
        }

        return BestShared(claims, cue, said, after: true);
    }

    private static int? Earlier(IReadOnlyList<Item> claims, int cue, string revised) => BestShared(claims, cue, revised, after: false);

    /// <summary>The claim sharing most content words with <paramref name="text"/> (at least <see cref="MinSharedWords"/>), nearest the cue on ties.</summary>
    private static int? BestShared(IReadOnlyList<Item> claims, int cue, string text, bool after)
    {
        var words = ContentWords(text);
        int? best = null;
        var bestShared = 0;
        for (var j = 0; j < claims.Count; j++)
        {
            if (j == cue || (!after && j > cue) || HasCue(claims[j].Text))
            {
                continue;
            }

            // At least two of the statement's content words, and half of them: "a second deputy was shot" against "the
            // second deputy was injured when he fell" (second, deputy), not a sentence that shares a word or two in passing.
            var shared = ContentWords(claims[j].Text).Count(words.Contains);
            if (shared >= MinSharedWords && 2 * shared >= words.Count && (shared > bestShared || (shared == bestShared && Math.Abs(j - cue) < Math.Abs(best!.Value - cue))))
            {
                (best, bestShared) = (j, shared);
            }
        }

        return best;
    }

    /// <summary>True when <paramref name="text"/> reports what was said first ("initially reported that …"), to revise it.</summary>
    public static bool TellsFirst(string text) => FirstSaid().IsMatch(text);

    /// <summary>True when <paramref name="text"/> tells a revision itself (then it is no plain statement of either side).</summary>
    public static bool HasCue(string text) => FirstSaid().IsMatch(text) || (Anaphoric().IsMatch(text) && LaterSaid().IsMatch(text));

    /// <summary>True when <paramref name="text"/> may open a revision told in words (a first report, or a point back to one).</summary>
    public static bool MayTell(string text) => FirstSaid().IsMatch(text) || Anaphoric().IsMatch(text);

    /// <summary>The reported clause up to where the text turns to the revision (", but", "; ", " before ").</summary>
    private static string Clause(string rest)
    {
        var end = rest.Length;
        foreach (var stop in (ReadOnlySpan<string>)[", but ", " but ", "; ", ", before ", ", although ", ", though "])
        {
            var at = rest.IndexOf(stop, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && at < end)
            {
                end = at;
            }
        }

        return rest[..end].Trim().TrimEnd('.', ',', ';');
    }

    /// <summary>The number of dead a clause gives ("two of the three victims died" is 2), or null.</summary>
    internal static double? DeathCount(string clause)
    {
        var m = Dead().Match(clause);
        if (!m.Success)
        {
            return null;
        }

        return Number(m.Groups["n"].Value);
    }

    /// <summary>The counts of dead a claim gives: its measures, else what its words say ("killing one", "three were killed").</summary>
    private static List<double> CountsOf(Item item)
    {
        var counts = item.Counts.ToList();
        if (counts.Count == 0)
        {
            foreach (Match m in Killing().Matches(item.Text))
            {
                counts.Add(Number(m.Groups["n"].Value));
            }

            if (DeathCount(item.Text) is { } n)
            {
                counts.Add(n);
            }
        }

        return counts;
    }

    private static double Number(string word) =>
        double.TryParse(word, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
        : Array.IndexOf(NumberWords, word.ToLowerInvariant()) + 1;

    private static readonly string[] NumberWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "that", "this", "with", "were", "was", "they", "them", "their", "there", "have", "has", "had", "been", "from", "when", "which", "said",
        "says", "about", "after", "before", "would", "could", "will", "also", "into", "than", "then", "only", "what", "while", "where", "some",
    };

    /// <summary>The content words of a text; numbers are left out, since a revision changes them ("until 9 p.m." → "until 5:00").</summary>
    internal static HashSet<string> ContentWords(string text) =>
        [.. Words().Matches(text).Select(w => w.Value.ToLowerInvariant()).Where(w => w.Length > 3 && char.IsLetter(w[0]) && !Stop.Contains(w)).Select(ContradictionFinder.Stem)];

    private static string Trim(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= 160 ? flat : flat[..159] + "…";
    }

    // "initially reported that", "originally said that", "earlier reports said". A "that" must follow "initially" or
    // "originally" so that what was said is the clause after it ("originally announced by saying …" names no statement). Not "first reported" (who broke the news) nor
    // "previously reported" ("as previously reported" confirms): neither says the statement was revised.
    [GeneratedRegex(@"\b(?:(?:initially|originally)\s+(?:reported|said|stated|announced|claimed|told\s+\w+)\s+that|(?:earlier|initial|original)\s+reports\s+(?:had\s+)?(?:said|stated|suggested|indicated|claimed)(?:\s+that)?)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FirstSaid();

    // "that originally", "at first", "initially": the sentence points back to a statement it then revises.
    [GeneratedRegex(@"\b(?:that\s+originally|that\s+initially|at\s+first)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Anaphoric();

    [GeneratedRegex(@"\blater\s+(?:said|confessed|admitted|acknowledged|conceded|told\s+\w+)\s+(?:that\s+)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LaterSaid();

    [GeneratedRegex(@"\b(?<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?:\s+of\s+the\s+\w+)?\s+(?:\w+\s+){0,2}(?:died|were\s+killed|was\s+killed|dead|killed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dead();

    [GeneratedRegex(@"\b(?:killing|kills|killed)\s+(?<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Killing();

    [GeneratedRegex(@"[\p{L}][\p{L}'’-]*|\d[\d:.,]*", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
