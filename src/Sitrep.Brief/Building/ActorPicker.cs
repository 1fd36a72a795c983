using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Brief.Model;
using Sitrep.Entities.Resolution;

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
        var isActor = IsActor(report, texts);
        var holders = report.Claims.GroupBy(c => c.Attribution.Holder, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        // The rules read the texts: apply them to the most mentioned first and only as far as needed.
        var candidates = report.Entities
            .Where(e => e.Type is "PERSON" or "ORG")
            .OrderByDescending(e => e.Mentions.Select(m => m.Doc).Distinct(StringComparer.Ordinal).Count())
            .ThenByDescending(e => e.TotalMentions)
            .Where(isActor)
            .Take(count * 3)
            .Select(e => (Entity: e, Count: Count(e, texts), Held: holders.GetValueOrDefault(e.Id)))
            .Where(x => x.Count.Documents >= 2 || x.Count.Mentions >= 3)
            .OrderByDescending(x => (2.0 * x.Count.Documents) + (x.Count.Mentions / 5.0) + (x.Held / 2.0))
            .ThenBy(x => x.Entity.Name, StringComparer.Ordinal)
            .Take(count)
            .ToList();
        var usedClaims = new HashSet<string>(StringComparer.Ordinal);
        return
        [
            .. candidates.Select(x => (x.Entity, x.Count, x.Held, Role: Role(x.Entity, texts)))

            // An actor with neither a described role nor a claim of its own is a place in the story, not a player.
            .Where(x => x.Role is not null || x.Held > 0)
            .Select(x =>
            {
                var role = x.Role;
                var said = x.Held > 0 ? $"{BriefFacts.Plural(x.Held, "claim")} made" : null;
                var parts = new[] { role, said }.Where(p => p is not null);
                return new BriefActor(x.Entity.Id, x.Entity.Name, x.Entity.Type, string.Join(" · ", parts), x.Count.Mentions, x.Count.Documents, ClaimedOf(facts, x.Entity, usedClaims));
            }),
        ];
    }

    /// <summary>
    /// The report with each one-word "person" that the texts set in apposition to an organisation noun typed as an
    /// organisation (<see cref="ActorFilter.NamesOrganisation"/>: "the aviation agency, Rosaviatsia, said").
    /// </summary>
    public static BriefReport Typed(BriefReport report, IReadOnlyDictionary<string, string> texts)
    {
        if (texts.Count == 0)
        {
            return report;
        }

        var changed = false;
        var organisations = ActorFilter.NamingOrganisations(report.Entities.Where(e => e.Type == "PERSON").Select(e => e.Name), texts.Values);
        var entities = report.Entities.Select(e =>
        {
            if (e.Type == "PERSON" && organisations.Contains(e.Name))
            {
                changed = true;
                return e with { Type = "ORG" };
            }

            return e;
        }).ToList();
        return changed ? report with { Entities = entities } : report;
    }

    /// <summary>
    /// The report with each entity that is no actor of the story marked <see cref="BriefEntity.SetAside"/>, with the
    /// reason: a source of the reports (an outlet or a byline, or the start of one: "Meridian Wire Moscow", "Kestrel
    /// Open"), the medium a source comes through read as a place ("Telegram" of "Telegram channel"), a common noun
    /// (<see cref="ActorFilter.IsCommonNoun(string, IEnumerable{string}, IEnumerable{string}, WordCases)"/>: "Treason",
    /// "Nah"), a word never written as a name ("so-called"), or a reference code ("HPSA-2023-0628-RU"). Nothing is
    /// removed: the full brief keeps every entity, and a bounded one leaves these out and counts them by reason.
    /// </summary>
    public static BriefReport SetAside(BriefReport report, IReadOnlyDictionary<string, string> texts)
    {
        var sources = Sources(report, texts);
        var names = NameEndings.Of(report.Entities.Where(e => e.Type is "PERSON" or "ORG" or "LOC").Select(e => e.Name));
        var cases = new Lazy<WordCases>(() => WordCases.Of(texts.Values));
        var changed = false;
        var entities = report.Entities.Select(e =>
        {
            var reason = SetAsideReason(e, sources, names, texts.Count == 0 ? null : cases);
            changed |= reason != e.SetAside;
            return reason == e.SetAside ? e : e with { SetAside = reason };
        }).ToList();
        return changed ? report with { Entities = entities } : report;
    }

    internal const string SourceReason = "a source of the reports (outlet or byline), not an actor";

    // The outlets, authors and commenters the documents name, and the people their credit lines name.
    private static IReadOnlySet<string> Sources(BriefReport report, IReadOnlyDictionary<string, string> texts) =>
        ActorFilter.SourceNames(report.Documents.SelectMany(d => new[] { d.Source.Outlet, d.Source.Author }.Concat(d.Posts.Select(p => p.Author)))
            .Concat(ActorFilter.CreditNames(texts.Values)));
    internal const string MediumReason = "the medium a source comes through, not a place";
    internal const string CommonNounReason = "a common noun: the texts write it in lower case, or capitalise it only where a sentence or line opens";
    internal const string CodeReason = "a reference code, not a name";

    private static string? SetAsideReason(BriefEntity e, IReadOnlySet<string> sources, NameEndings names, Lazy<WordCases>? cases)
    {
        string[] all = [e.Name, .. e.Aliases];
        if (ActorFilter.IsSource(all, sources)
            || sources.Any(s => e.Name.Contains(' ', StringComparison.Ordinal) && s.StartsWith(e.Name + " ", StringComparison.OrdinalIgnoreCase)))
        {
            return SourceReason;
        }

        // "Southern Wind (Telegram channel, English mirror)": the word before a medium noun in a source's name.
        if (e.Type == "LOC" && sources.Any(s => NamesMedium(s, e.Name)))
        {
            return MediumReason;
        }

        if (!e.Name.Any(char.IsUpper) && !e.Name.Any(char.IsDigit))
        {
            return CommonNounReason;
        }

        if (cases is not null && ActorFilter.IsCommonNoun(e.Name, e.Aliases, names, cases.Value))
        {
            return CommonNounReason;
        }

        return Code().IsMatch(e.Name) ? CodeReason : null;
    }

    private static readonly HashSet<string> MediumNouns = new(StringComparer.OrdinalIgnoreCase) { "channel", "account", "feed", "page", "group", "chat", "post", "video" };

    /// <summary>True when a source's name has <paramref name="name"/> as a word right before a medium noun ("(Telegram channel").</summary>
    private static bool NamesMedium(string source, string name)
    {
        for (var at = source.IndexOf(name + " ", StringComparison.OrdinalIgnoreCase); at >= 0; at = source.IndexOf(name + " ", at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var startsWord = at == 0 || !char.IsLetterOrDigit(source[at - 1]);
            var next = source[(at + name.Length + 1)..].Split([' ', ',', ')', ';'], 2)[0];
            if (startsWord && MediumNouns.Contains(next))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Which people and organisations are actors (<see cref="ActorFilter"/>): not the corpus's outlets, authors and
    /// commenters, not common nouns. Without texts only the sources are told apart.
    /// </summary>
    public static Func<BriefEntity, bool> IsActor(BriefReport report, IReadOnlyDictionary<string, string> texts)
    {
        var sources = Sources(report, texts);
        var names = NameEndings.Of(report.Entities.Where(e => e.Type is "PERSON" or "ORG" or "LOC").Select(e => e.Name));
        var cases = new Lazy<WordCases>(() => WordCases.Of(texts.Values));
        return e => e.Type is "PERSON" or "ORG"
            && !ActorFilter.IsSource([e.Name, .. e.Aliases], sources)
            && (texts.Count == 0 || !ActorFilter.IsCommonNoun(e.Name, e.Aliases, names, cases.Value));
    }

    /// <summary>Mentions and documents of an entity with all its names, never fewer than the resolved mentions.</summary>
    public static (int Mentions, int Documents) Count(BriefEntity entity, IReadOnlyDictionary<string, string> texts)
    {
        var (mentions, documents) = Counted(entity, texts);
        return (mentions, documents.Count);
    }

    /// <summary>Mentions of an entity with all its names and the ids of the documents that mention it (resolved mentions included).</summary>
    public static (int Mentions, IReadOnlyList<string> Documents) Counted(BriefEntity entity, IReadOnlyDictionary<string, string> texts)
    {
        var resolved = entity.Mentions.Select(m => m.Doc).Distinct(StringComparer.Ordinal).ToList();
        if (texts.Count == 0)
        {
            return (entity.TotalMentions, resolved);
        }

        var (mentions, documents) = ActorFilter.CountMentions([entity.Name, .. entity.Aliases.Where(a => a.Length > 0 && char.IsUpper(a[0]))], texts);
        return (Math.Max(entity.TotalMentions, mentions), [.. resolved.Union(documents, StringComparer.Ordinal)]);
    }

    /// <summary>The title the sources give most often: "Defence Minister", "Kremlin spokesman", "the Wagner chief".</summary>
    internal static string? Role(BriefEntity entity, IReadOnlyDictionary<string, string> texts)
    {
        var votes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var alias in entity.Aliases.Where(a => a.Length > 0 && char.IsLower(a[0])))
        {
            // A bare title ("the deputy", "a chief") says nothing of whose: resolved to the wrong person as often as
            // not (the deputy Nichols beat is not Nichols), it gives no role. A qualified one ("the Wagner chief") does.
            var words = alias.Split(' ');
            if (words.Length - (Article().IsMatch(alias) ? 1 : 0) < 2)
            {
                continue;
            }

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
            // "the widow of a sheriff's deputy Nichols murdered": a lower-case title after an indefinite article is a
            // common noun that a clause about the name follows, not the name's title.
            var indefinite = words.Count > 0 && char.IsLower(words[^1][0]) && words.SkipLast(1).TakeLast(2).Any(w => w is "a" or "an" or "A" or "An");
            if (words.Count > 0 && before.EndsWith(words[^1] + " ", StringComparison.Ordinal) && Titles.Contains(words[^1]) && !indefinite)
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
        // A person is also named by surname alone; an organisation's last word ("Defence" of "Ministry of Defence") is no name.
        var surname = entity.Type == "PERSON" ? entity.Name.Split(' ')[^1] : entity.Name;
        var names = new[] { entity.Name }.Concat(entity.Aliases).Where(n => n.Length >= 3).Append(surname).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var best = facts.Views
            .Where(v => v.Display is { Kind: "event" or "judgment" } d && !v.IsFurniture && !used.Contains(v.Proposition.Id) && names.Any(n => d.Text.Contains(n, StringComparison.Ordinal)))
            .Where(v => v.Excerpt is null || !BriefFacts.IsFragment(v.Display!, v.Excerpt))
            .OrderByDescending(v => v.IsRumour ? 0 : 1)

            // What they did (an event of consequence) before what they said in passing.
            .ThenByDescending(v => Consequence.Weight(v.EventClass) > 0 ? 1 : 0)
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
        return [new BriefStatement($"{ShortQuote(best.Display!.Text, 8)} ({basis})", [best.Cite]) { Proposition = best.Proposition.Id }];
    }

    /// <summary>
    /// The claim's first <paramref name="words"/> words in quotation marks, never cut inside a name: a cut that would
    /// end on a title or a capitalised word followed by more of the name ("killing Sgt. …") takes in the rest of the name
    /// (up to four more words), and a cut that still ends on a title or a joining word drops it.
    /// </summary>
    internal static string ShortQuote(string text, int words)
    {
        var parts = BriefFacts.Display(text, int.MaxValue).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length <= words)
        {
            return BriefFacts.Quote(text, words);
        }

        var take = words;
        while (take < parts.Length && take < words + 4 && NameGoesOn(parts[take - 1], parts[take]))
        {
            take++;
        }

        while (take > 1 && (Titles.Contains(parts[take - 1].TrimEnd('.')) || Abbreviation().IsMatch(parts[take - 1]) || SentenceWords.Contains(parts[take - 1])))
        {
            take--;
        }

        return take >= parts.Length ? BriefFacts.Quote(text, parts.Length) : "“" + string.Join(' ', parts.Take(take)).TrimEnd(',', ';', ':', '.') + " …”";
    }

    private static bool NameGoesOn(string last, string next) =>
        next.Length > 0 && char.IsUpper(next[0]) && (Abbreviation().IsMatch(last) || (last.Length > 0 && char.IsUpper(last[0]) && !last.EndsWith(',')));

    [GeneratedRegex(@"^(the|a|an)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Article();

    // "Sgt.", "Dr.", "Lt.", "St.": a capitalised abbreviation that stands before a name.
    [GeneratedRegex(@"^\p{Lu}\p{Ll}{0,3}\.$")]
    private static partial Regex Abbreviation();

    // One token of capitals and digits in hyphenated groups, four digits or more: "HPSA-2023-0628-RU", not "M4" or "Il-22".
    [GeneratedRegex(@"^(?=(?:\D*\d){4})[\p{Lu}\d]+(-[\p{Lu}\d]+)+$")]
    private static partial Regex Code();

    [GeneratedRegex(@"[\p{L}\-']+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^\s*,\s+(?<role>(the|a|an)\s+[^,.;()]{3,60}?)\s*[,.;]")]
    private static partial Regex Appositive();
}
