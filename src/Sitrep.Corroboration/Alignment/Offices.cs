using System.Text.RegularExpressions;

namespace Sitrep.Corroboration.Alignment;

/// <summary>
/// Institutions that are a person's office: "the Kremlin" speaks for Russia's president, "the White House" for the
/// American one. A claim about the institution's surprise, decision or word is then a claim about the same party as one
/// that names the office holder, so alignment and story states count them as one party. The holder is never assumed:
/// it is the person the corpus's own texts give the office to ("Russian President Vladimir Putin", "President Putin of
/// Russia"), and an institution whose office the texts give to two people (two presidents over the years) has none.
/// </summary>
/// <remarks>
/// The table is small and narrow on purpose: only seats of government whose name stands for the head of state or
/// government in news usage. A ministry or an agency is not an office of one person and is never mapped.
/// </remarks>
internal static class Offices
{
    /// <summary>Institution, the office it is the seat of, the adjectives and the names of its country.</summary>
    private static readonly (string Institution, string Title, string[] Adjectives, string[] Country)[] Table =
    [
        ("Kremlin", "president", ["Russian", "Russia's", "Russia’s"], ["Russia"]),
        ("White House", "president", ["US", "U.S.", "American", "United States"], ["the United States", "the US", "the U.S."]),
        ("Élysée", "president", ["French", "France's", "France’s"], ["France"]),
        ("Elysee", "president", ["French", "France's", "France’s"], ["France"]),
        ("Downing Street", "prime minister", ["British", "UK", "U.K.", "Britain's", "Britain’s"], ["Britain", "the United Kingdom", "the UK"]),
        ("Bankova", "president", ["Ukrainian", "Ukraine's", "Ukraine’s"], ["Ukraine"]),
    ];

    private const string Name = @"(?<name>(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)";

    /// <summary>
    /// A guard against a pattern that cannot end, not a limit a match comes near (the patterns scan whole documents for
    /// a literal prefix); wall time, so generous enough that a loaded machine's pauses never fail the stage.
    /// </summary>
    private static readonly TimeSpan MatchBudget = TimeSpan.FromSeconds(30);

    private static readonly (string Institution, Regex Before, Regex After)[] Patterns =
    [
        .. Table.Select(t => (
            t.Institution,
            new Regex($@"\b(?:{string.Join('|', t.Adjectives.Select(Regex.Escape))})\s+{Titled(t.Title)}\s+{Name}", RegexOptions.CultureInvariant, MatchBudget),
            new Regex($@"\b{Titled(t.Title)}\s+{Name}\s+of\s+(?:{string.Join('|', t.Country.Select(Regex.Escape))})\b", RegexOptions.CultureInvariant, MatchBudget))),
    ];

    /// <summary>
    /// The office holder of each institution of the table that the texts name one holder for: "Kremlin" → "Vladimir
    /// Putin" when a text says "Russian President Vladimir Putin". Institutions with no holder or two are left out.
    /// </summary>
    public static Dictionary<string, string> Holders(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var found = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var (institution, before, after) in Patterns)
            {
                foreach (var match in before.Matches(text).Concat(after.Matches(text)))
                {
                    if (!found.TryGetValue(institution, out var names))
                    {
                        found[institution] = names = new HashSet<string>(StringComparer.Ordinal);
                    }

                    var name = match.Groups["name"].Value;
                    names.Add(name.EndsWith("'s", StringComparison.Ordinal) || name.EndsWith("’s", StringComparison.Ordinal) ? name[..^2] : name);
                }
            }
        }

        var holders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (institution, names) in found)
        {
            // "Vladimir Putin" and "Putin" are one holder; "Putin" and "Medvedev" are two, and then neither is meant.
            var surnames = names.Select(n => n.Split(' ')[^1]).Distinct(StringComparer.Ordinal).ToList();
            if (surnames.Count == 1)
            {
                holders[institution] = names.Order(StringComparer.Ordinal).MaxBy(n => n.Length)!;
            }
        }

        return holders;
    }

    /// <summary>
    /// The office holder a party written as an institution stands for ("the Kremlin" → "Vladimir Putin"), or null when
    /// the party is not an institution of the table or the texts name no single holder for it.
    /// </summary>
    public static string? HolderOf(string party, IReadOnlyDictionary<string, string> holders)
    {
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(holders);
        var trimmed = party.Trim();
        if (trimmed.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[4..];
        }

        foreach (var (institution, _, _, _) in Table)
        {
            if (string.Equals(trimmed, institution, StringComparison.OrdinalIgnoreCase)
                || string.Equals(trimmed, institution + "'s", StringComparison.OrdinalIgnoreCase)
                || string.Equals(trimmed, institution + "’s", StringComparison.OrdinalIgnoreCase))
            {
                return holders.GetValueOrDefault(institution);
            }
        }

        return null;
    }

    /// <summary>
    /// The alignment items with the office holder added to the entities of every item that names an institution of the
    /// table, when the corpus names one holder for it and some item names that holder as an entity: "the Kremlin was
    /// caught by surprise" and "Putin was surprised" then share a participant. The other checks of alignment (one event
    /// class, one story, close meaning) still decide whether they are one event.
    /// </summary>
    internal static List<MeaningAlignment.Item> WithHolders(List<MeaningAlignment.Item> items, IEnumerable<string> texts)
    {
        if (!items.Exists(i => i.Entities.Any(e => Table.Any(t => e.Name.Contains(t.Institution, StringComparison.OrdinalIgnoreCase)))))
        {
            return items;
        }

        var holders = Holders(texts);
        if (holders.Count == 0)
        {
            return items;
        }

        var bySurname = new Dictionary<string, (string Id, string Name)>(StringComparer.Ordinal);
        foreach (var e in items.SelectMany(i => i.Entities).OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            bySurname.TryAdd(e.Name.Split(' ')[^1], e);
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            foreach (var e in item.Entities)
            {
                if (HolderOf(e.Name, holders) is { } holder && bySurname.TryGetValue(holder.Split(' ')[^1], out var person)
                    && !item.Entities.Any(x => string.Equals(x.Id, person.Id, StringComparison.Ordinal)))
                {
                    items[i] = item = item with { Entities = [.. item.Entities, person] };
                }
            }
        }

        return items;
    }

    private static string Titled(string title) => "[" + char.ToUpperInvariant(title[0]) + title[0] + "]" + Regex.Escape(title[1..]).Replace(@"\ ", @"\s+", StringComparison.Ordinal);
}
