using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Brief.Model;

namespace Sitrep.Brief.Building;

/// <summary>
/// The actors that matter: people and organisations the story is about, not its sources. Bylines, outlets and comment
/// authors are sources; a one-word name the texts also write in lower case ("Treason", "coup") is a common noun. The
/// role comes from how the sources describe the actor (a title before the name, an appositive after it, a descriptive
/// alias such as "the Wagner chief"); what is claimed of them is the best-corroborated statement naming them.
/// </summary>
internal static partial class ActorPicker
{
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "minister", "spokesman", "spokeswoman", "spokesperson", "president", "chief", "founder", "co-founder", "commander",
        "general", "leader", "head", "governor", "mayor", "secretary", "director", "analyst", "specialist", "envoy",
        "ambassador", "premier", "colonel", "marshal", "officer", "deputy", "prosecutor", "chairman", "chair", "ministry",
        "service", "agency", "prime", "owner", "boss", "staff", "press", "researcher", "correspondent",
    };

    private static readonly HashSet<string> SentenceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "on", "in", "at", "after", "before", "when", "but", "and", "then", "yesterday", "today", "meanwhile",
        "earlier", "later", "by", "as", "with", "for", "from", "of", "to", "said", "says", "told",
    };

    public static List<BriefActor> Pick(BriefFacts facts, IReadOnlyDictionary<string, string> texts, int count)
    {
        var report = facts.Report;
        var sources = SourceNames(report);
        var holders = report.Claims.GroupBy(c => c.Attribution.Holder, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        // The source and common-noun tests read every text, so they run after the ranking, only on the best-ranked
        // entities until enough pass (the same actors as filtering first: a stable order does not depend on the rest).
        var candidates = report.Entities
            .Where(e => e.Type is "PERSON" or "ORG")
            .Select(e => (Entity: e, Docs: e.Mentions.Select(m => m.Doc).Distinct(StringComparer.Ordinal).Count(), Held: holders.GetValueOrDefault(e.Id)))
            .Where(x => x.Docs >= 2 || x.Entity.TotalMentions >= 3)
            .OrderByDescending(x => (2.0 * x.Docs) + (x.Entity.TotalMentions / 5.0) + (x.Held / 2.0))
            .ThenBy(x => x.Entity.Name, StringComparer.Ordinal)
            .Where(x => !IsSource(x.Entity, sources) && !IsCommonNoun(x.Entity.Name, texts))
            .Take(count)
            .ToList();
        var usedClaims = new HashSet<string>(StringComparer.Ordinal);
        return
        [
            .. candidates.Select(x => (x.Entity, x.Docs, x.Held, Role: Role(x.Entity, texts)))

            // An actor with neither a described role nor a claim of its own is a place in the story, not a player.
            .Where(x => x.Role is not null || x.Held > 0)
            .Select(x =>
            {
                var role = x.Role;
                var said = x.Held > 0 ? $"{BriefFacts.Plural(x.Held, "claim")} made" : null;
                var parts = new[] { role, said }.Where(p => p is not null);
                return new BriefActor(x.Entity.Id, x.Entity.Name, x.Entity.Type, string.Join(" · ", parts), x.Entity.TotalMentions, x.Docs, ClaimedOf(facts, x.Entity, usedClaims));
            }),
        ];
    }

    /// <summary>Outlets, authors and post authors, lower case: the sources of the corpus.</summary>
    private static HashSet<string> SourceNames(BriefReport report)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var doc in report.Documents)
        {
            foreach (var name in new[] { doc.Source.Outlet, doc.Source.Author }.Concat(doc.Posts.Select(p => p.Author)))
            {
                if (string.IsNullOrWhiteSpace(name))
                {
                    continue;
                }

                names.Add(name.Trim());
                foreach (var part in Separators().Split(name))
                {
                    if (part.Trim().Length > 2)
                    {
                        names.Add(part.Trim());
                    }
                }
            }
        }

        return names;
    }

    private static bool IsSource(BriefEntity entity, HashSet<string> sources) =>
        new[] { entity.Name }.Concat(entity.Aliases).Any(n => sources.Contains(n) || sources.Any(s => s.Length > 3 && n.StartsWith(s + " ", StringComparison.OrdinalIgnoreCase)));

    /// <summary>A one-word name that any text also writes in lower case is a common noun, not a name.</summary>
    private static bool IsCommonNoun(string name, IReadOnlyDictionary<string, string> texts)
    {
        if (name.Contains(' ', StringComparison.Ordinal) || name.Length < 3 || !char.IsUpper(name[0]))
        {
            return false;
        }

        var lower = name.ToLowerInvariant();
        foreach (var text in texts.Values)
        {
            var at = text.IndexOf(lower, StringComparison.Ordinal);
            while (at >= 0)
            {
                var before = at == 0 || !char.IsLetter(text[at - 1]);
                var after = at + lower.Length >= text.Length || !char.IsLetter(text[at + lower.Length]);
                if (before && after)
                {
                    return true;
                }

                at = text.IndexOf(lower, at + 1, StringComparison.Ordinal);
            }
        }

        return false;
    }

    /// <summary>The title the sources give most often: "Defence Minister", "Kremlin spokesman", "the Wagner chief".</summary>
    private static string? Role(BriefEntity entity, IReadOnlyDictionary<string, string> texts)
    {
        var votes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var alias in entity.Aliases.Where(a => a.Length > 0 && char.IsLower(a[0])))
        {
            var words = alias.Split(' ');
            if (words.Any(w => Titles.Contains(w)))
            {
                Vote(votes, Article().Replace(alias, string.Empty), 2);
            }
        }

        foreach (var m in entity.Mentions)
        {
            if (!texts.TryGetValue(m.Doc, out var text) || m.End > text.Length || m.Start < 0)
            {
                continue;
            }

            var before = text[Math.Max(0, m.Start - 48)..m.Start];
            var words = Words().Matches(before).Select(w => w.Value).ToList();
            if (words.Count > 0 && before.EndsWith(words[^1] + " ", StringComparison.Ordinal) && Titles.Contains(words[^1]))
            {
                var take = 1;
                while (take < 3 && words.Count > take && (char.IsUpper(words[^(take + 1)][0]) || Titles.Contains(words[^(take + 1)])) && !SentenceWords.Contains(words[^(take + 1)]))
                {
                    take++;
                }

                Vote(votes, string.Join(' ', words.Skip(words.Count - take)), 1);
            }

            var after = text[m.End..Math.Min(text.Length, m.End + 90)];
            if (Appositive().Match(after) is { Success: true } a && a.Groups["role"].Value.Split(' ').Any(w => Titles.Contains(w)))
            {
                Vote(votes, a.Groups["role"].Value, 1);
            }
        }

        return votes.Count == 0 ? null : votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key.Length).First().Key;
    }

    private static void Vote(Dictionary<string, int> votes, string role, int weight)
    {
        role = role.Trim().TrimEnd(',', '.');
        if (role.Length is > 2 and < 70)
        {
            votes[role] = votes.GetValueOrDefault(role) + weight;
        }
    }

    /// <summary>The best-corroborated statement that names the actor, once per brief.</summary>
    private static List<BriefStatement> ClaimedOf(BriefFacts facts, BriefEntity entity, HashSet<string> used)
    {
        var names = new[] { entity.Name }.Concat(entity.Aliases).Where(n => n.Length >= 3).Append(entity.Name.Split(' ')[^1]).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var best = facts.Views
            .Where(v => v.Display is { Kind: "event" or "judgment" } d && !v.IsFurniture && !used.Contains(v.Proposition.Id) && names.Any(n => d.Text.Contains(n, StringComparison.Ordinal)))
            .OrderByDescending(v => v.IsRumour ? 0 : 1)
            .ThenBy(v => names.Any(n => v.Display!.Text.IndexOf(n, StringComparison.Ordinal) is >= 0 and < 40) ? 0 : 1)
            .ThenByDescending(v => v.Importance)
            .FirstOrDefault();
        if (best is null)
        {
            return [];
        }

        used.Add(best.Proposition.Id);
        var basis = best.Proposition.IndependentSources >= 2 && !best.IsRumour
            ? string.Create(CultureInfo.InvariantCulture, $"{best.Proposition.IndependentSources} sources")
            : "per " + facts.GradedHolder(best.Display!);
        return [new BriefStatement($"{BriefFacts.Quote(best.Display!.Text, 8)} ({basis})", [best.Cite]) { Proposition = best.Proposition.Id }];
    }

    [GeneratedRegex(@"\s*(,|;|/|\band\b|&)\s*")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(the|a|an)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Article();

    [GeneratedRegex(@"[\p{L}\-']+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^\s*,\s+(?<role>(the|a|an)\s+[^,.;()]{3,60}?)\s*[,.;]")]
    private static partial Regex Appositive();
}
