using System.Globalization;
using Sitrep.Documents;
using Sitrep.Entities.Aliases;
using Sitrep.Entities.Gazetteers;
using Sitrep.Entities.Recognition;
using Sitrep.Pipeline;

namespace Sitrep.Entities.Resolution;

/// <summary>
/// Resolves mentions into entities within and across documents. Mentions are merged when their name forms agree
/// (<see cref="NameForms"/>); a short form (a surname, an acronym, a name without its qualifier or generic head) joins
/// the one longer form it can stand for, in the corpus or, when several exist, in its own document; definite
/// descriptions ("the Wagner chief") join the person the corpus names with them. Analyst decisions apply last.
/// </summary>
public sealed class EntityResolver
{
    /// <summary>Versioned name.</summary>
    public const string ComponentName = "entities.resolve.v2";

    private static readonly HashSet<string> OrgHeads = new(["ministry", "agency", "department", "committee", "council", "party", "company", "army", "bank", "union", "service", "directorate", "commission", "corporation"], StringComparer.Ordinal);

    private static readonly HashSet<string> RoleWords = new(["chief", "leader", "boss", "head", "founder", "financier", "owner"], StringComparer.Ordinal);

    // Security services whose acronyms transliterate Russian or Ukrainian words, common in the reports Sitrep reads.
    private static readonly (string Letters, string Expansion)[] KnownExpansions =
    [
        ("fsb", "federal security service"),
        ("svr", "foreign intelligence service"),
        ("gru", "main intelligence directorate"),
        ("kgb", "committee for state security"),
        ("sbu", "security service of ukraine"),
    ];

    private readonly IReadOnlyDictionary<string, string> _demonyms;
    private readonly HashSet<string> _countries;
    private readonly AliasDecisions _decisions;
    private readonly Func<string, bool>? _isCountryOrCapital;
    private readonly Func<string, GazetteerCategory> _lookup;

    /// <summary>Creates a resolver.</summary>
    /// <param name="demonyms">Demonym → country, lowercase (from the shipped lexicon).</param>
    /// <param name="decisions">Analyst decisions.</param>
    /// <param name="isCountryOrCapital">
    /// Whether a lowercase name is a country or a capital city (from the shipped gazetteer); such a name standing alone
    /// is the place even where the tagger read it as its government ("Kyiv declined to comment"). Null: no gazetteer.
    /// </param>
    /// <param name="lookup">
    /// Gazetteer categories of a lowercase word or phrase (first names, cities, regions); null: none known. A first name
    /// alone can stand for the one full name it opens; a known place is never the short form of an organisation.
    /// </param>
    public EntityResolver(IReadOnlyDictionary<string, string> demonyms, AliasDecisions decisions, Func<string, bool>? isCountryOrCapital = null, Func<string, GazetteerCategory>? lookup = null)
    {
        ArgumentNullException.ThrowIfNull(demonyms);
        ArgumentNullException.ThrowIfNull(decisions);
        _isCountryOrCapital = isCountryOrCapital;
        _lookup = lookup ?? (_ => GazetteerCategory.None);
        _demonyms = demonyms;
        _countries = new HashSet<string>(demonyms.Values, StringComparer.Ordinal);
        _decisions = decisions;
    }

    /// <summary>Resolves the mentions of <paramref name="documents"/> (each must carry an <see cref="EntityMentionLayer"/>).</summary>
    public IReadOnlyList<Entity> Resolve(IReadOnlyList<AnalyzedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var items = Collect(documents);
        var sets = new UnionFind(items.Count);
        var splits = new HashSet<string>(_decisions.Items.Where(d => d.Action == AliasAction.Split).SelectMany(d => d.Names), StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            item.Frozen = splits.Contains(item.Form.Surface) || splits.Contains(item.Mention.Text);
        }

        MergeSameForms(items, sets);

        // Split names stay one entity of their own: together with each other, apart from everything else.
        foreach (var same in items.Where(m => m.Frozen).GroupBy(m => m.Display, StringComparer.OrdinalIgnoreCase))
        {
            foreach (var other in same.Skip(1))
            {
                sets.Union(same.First().Index, other.Index);
            }
        }
        MergeStems(items, sets);
        LinkTeamPlaces(items, sets);
        var expansions = Expansions(documents, items);
        LinkShortForms(items, sets, m => m.Type != EntityType.Person && NameForms.LooksLikeAcronym(m.Form.Surface.Replace(" ", string.Empty, StringComparison.Ordinal)),
            c => CanHaveAcronym(c) ? AcronymKeysOf(c).Append("=" + c.Form.CoreKey) : [],
            m => ExpansionKeys(m, expansions).Prepend(NameForms.AcronymLetters(m.Form.Surface)),
            (m, c) => (m.Form.Qualifier is null || m.Form.Qualifier == c.Form.Qualifier)
                && (AcronymKeysOf(c).Contains(NameForms.AcronymLetters(m.Form.Surface), StringComparer.Ordinal)
                    || NameForms.IsAcronymOf(m.Form.Surface.Replace(" ", string.Empty, StringComparison.Ordinal), c.Form.Core)
                    || ExpansionKeys(m, expansions).Contains("=" + c.Form.CoreKey, StringComparer.Ordinal)));
        LinkShortForms(items, sets, m => m.Type != EntityType.Person && m.Form.Qualifier is null && m.Form.Core.Count > 0,
            c => c.Form.Qualifier is not null ? [c.Form.CoreKey] : [],
            m => [m.Form.CoreKey],
            (m, c) => true);
        // Full names that can be one person ("Mo Cheeks" / "Maurice Cheeks") join first: a surname written in a document
        // that names both then has one candidate, not two.
        LinkFirstNameVariants(items, sets);
        LinkShortForms(items, sets, m => m.Type != EntityType.Location && IsSurnameOrInitial(m),
            c => c.Type == EntityType.Person && c.Form.Core.Count >= 2 ? [c.Form.Core[^1]] : [],
            m => [m.Form.Core[^1]],
            (m, c) => c.Form.Core.Count > m.Form.Core.Count && SameSurname(m.Form.Core, c.Form.Core));
        LinkNameVariants(items, sets);
        LinkNameBlends(items, sets);
        LinkOrganizationVariants(items, sets);
        LinkSpellingVariants(items, sets);
        MergeUnlinkedSurnames(items, sets);
        LinkSalientSurnames(items, sets);
        ApplyMerges(items, sets);
        var descriptions = Describe(documents, items, sets);
        return ReferenceLinker.Link(documents, Build(items, descriptions, sets, documents));
    }

    /// <summary>
    /// Forms that leave part of a full name out: a person written without the middle name or initial ("Raj Chohan" for
    /// "Raj K. Chohan"), or without the first of three words when the second is a first name too or the first is no
    /// first name ("Joseph Comeaux" for "Arcade Joseph Comeaux", "Pierre Thomas" for "Saints Pierre Thomas"); a person named by a known first name alone ("Jermayne" for "Jermayne Timmons"); an organisation
    /// named by the end of its name ("Saints" for "New Orleans Saints", "Treatment Center" for "Promises Treatment
    /// Center"), never when the short form is a known place. Each joins the one candidate in its document, else the one
    /// in the corpus.
    /// </summary>
    private void LinkNameVariants(List<Item> items, UnionFind sets)
    {
        LinkShortForms(items, sets, m => m.Type == EntityType.Person && m.Form.Core.Count == 2,
            c => c.Type == EntityType.Person && c.Form.Core.Count == 3
                ? IsFirstName(c.Form.Core[1]) || (!IsFirstName(c.Form.Core[0]) && c.Form.Core[1].TrimEnd('.').Length > 1)
                    ? ["~" + c.Form.Core[0] + " " + c.Form.Core[2], "~" + c.Form.Core[1] + " " + c.Form.Core[2]]
                    : ["~" + c.Form.Core[0] + " " + c.Form.Core[2]]
                : [],
            m => ["~" + m.Form.CoreKey],
            (m, c) => true);
        // A first name the gazetteer does not know still counts when the corpus opens a full name with it and never ends one with it.
        var firsts = new HashSet<string>(items.Where(m => m.Type == EntityType.Person && m.Form.Core.Count is 2 or 3).Select(m => m.Form.Core[0]), StringComparer.Ordinal);
        var lasts = new HashSet<string>(items.Where(m => m.Type == EntityType.Person && m.Form.Core.Count >= 2).Select(m => m.Form.Core[^1]), StringComparer.Ordinal);
        LinkShortForms(items, sets, m => m.Type == EntityType.Person && m.Form.Core.Count == 1
                && (IsFirstName(m.Form.Surface.ToLowerInvariant()) || (firsts.Contains(m.Form.Core[0]) && !lasts.Contains(m.Form.Core[0]))),
            c => c.Type == EntityType.Person && c.Form.Core.Count is 2 or 3 ? ["^" + c.Form.Core[0]] : [],
            m => ["^" + m.Form.Core[0]],
            (m, c) => true);
        LinkShortForms(items, sets, m => m.Type != EntityType.Person && m.Form.Qualifier is null && m.Form.Core.Count is 1 or 2 && !IsPlace(m.Form.Surface.ToLowerInvariant())
                && !NameForms.LooksLikeAcronym(m.Form.Surface.Replace(" ", string.Empty, StringComparison.Ordinal)),
            c => c.Type != EntityType.Person && c.Form.Core.Count >= 2 ? Enumerable.Range(1, Math.Min(2, c.Form.Core.Count - 1)).Select(t => "$" + string.Join(' ', c.Form.Core.Skip(c.Form.Core.Count - t))) : [],
            m => ["$" + m.Form.CoreKey],
            (m, c) => c.Form.Core.Count > m.Form.Core.Count);
    }

    /// <summary>
    /// A nickname blended from the start of a person's first name and the start of the surname, written with a capital
    /// for each ("LiLo" for Lindsay Lohan, "JLo", "ARod"), joins the one full name of the corpus it can be read from,
    /// whatever the tagger typed it.
    /// </summary>
    private static void LinkNameBlends(List<Item> items, UnionFind sets)
    {
        var index = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var full in items.Where(m => !m.Frozen && m.Type == EntityType.Person && m.Form.Core.Count == 2))
        {
            var (first, last) = (full.Form.Core[0], full.Form.Core[1]);
            for (var a = 1; a <= Math.Min(3, first.Length - 1); a++)
            {
                for (var b = 2; b <= Math.Min(3, last.Length - 1); b++)
                {
                    var key = first[..a] + "|" + last[..b];
                    if (!index.TryGetValue(key, out var roots))
                    {
                        index[key] = roots = [];
                    }

                    roots.Add(sets.Find(full.Index));
                }
            }
        }

        foreach (var blend in items.Where(m => !m.Frozen && m.Type != EntityType.Location && m.Form.Core.Count == 1))
        {
            var word = blend.Form.Surface;
            var capitals = word.Select((c, i) => (c, i)).Where(p => char.IsUpper(p.c)).Select(p => p.i).ToList();
            if (word.Length is < 3 or > 7 || !word.All(char.IsLetter) || capitals.Count != 2 || capitals[0] != 0 || capitals[1] > 3 || word.Length - capitals[1] < 2)
            {
                continue;
            }

            var key = word[..capitals[1]].ToLowerInvariant() + "|" + word[capitals[1]..].ToLowerInvariant();
            if (index.TryGetValue(key, out var roots) && roots.Select(sets.Find).Distinct().Count() == 1)
            {
                sets.Union(sets.Find(roots.First()), blend.Index);
            }
        }
    }

    /// <summary>
    /// An organisation written with one word fewer is the same organisation when it is the only one the corpus names that
    /// way: "Betty Ford Center" / "Betty Ford Treatment Center", "Matanuska Maid" / "Matanuska Maid Dairy", "Promises
    /// Treatment Center" / "Malibu Promises Treatment Center" (a leading word is left out only when it is a place, and a
    /// place is left out nowhere else). Both are organisations or other names, never a person or a place.
    /// </summary>
    private void LinkOrganizationVariants(List<Item> items, UnionFind sets)
    {
        var index = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var item in items.Where(m => !m.Frozen && m.Type is EntityType.Organization or EntityType.Miscellaneous && m.Team is null && m.Form.Core.Count is >= 3 and <= 6))
        {
            var core = item.Form.Core;
            for (var drop = 0; drop < core.Count; drop++)
            {
                // A place is left out only in front ("Malibu"): a place at the end is a dateline or a seat ("Meridian Wire Moscow").
                if ((drop == 0) != IsAnyPlace(core[drop]) || core[drop] is "of" or "and" or "the" or "for")
                {
                    continue;
                }

                var key = (item.Form.Qualifier ?? string.Empty) + "|" + string.Join(' ', core.Where((_, i) => i != drop));
                if (!index.TryGetValue(key, out var roots))
                {
                    index[key] = roots = [];
                }

                roots.Add(sets.Find(item.Index));
            }
        }

        foreach (var item in items.Where(m => !m.Frozen && m.Type is EntityType.Organization or EntityType.Miscellaneous && m.Team is null && m.Form.Core.Count >= 2
            && !IsAnyPlace(m.Form.Surface.ToLowerInvariant())))
        {
            if (index.TryGetValue(item.Form.Key, out var roots))
            {
                var distinct = roots.Select(sets.Find).Distinct().ToList();
                if (distinct.Count == 1)
                {
                    sets.Union(distinct[0], item.Index);
                }
            }
        }
    }

    /// <summary>
    /// Names written two ways in one story: a person's surname misspelt by one letter under the same first name ("Duncan
    /// Rait" / "Duncan Raite") or written with and without a space, an organisation's last word in the singular
    /// ("Indianapolis Colt" / "Indianapolis Colts").
    /// Each joins only when it has exactly one such partner.
    /// </summary>
    private static void LinkSpellingVariants(List<Item> items, UnionFind sets)
    {
        // A surname written with and without a space under the same first name ("Vincent Del Giudice" / "Vincent
        // DelGiudice", issue 15): the same letters in the same order are one name, however the words were split.
        foreach (var same in items.Where(m => !m.Frozen && m.Type == EntityType.Person && m.Form.Core.Count >= 2)
            .GroupBy(m => m.Form.Core[0].ToLowerInvariant() + "|" + string.Concat(m.Form.Core.Skip(1)).ToLowerInvariant(), StringComparer.Ordinal))
        {
            var forms = same.GroupBy(m => m.Form.CoreKey, StringComparer.Ordinal).Select(g => g.First()).ToList();
            for (var i = 1; i < forms.Count; i++)
            {
                sets.Union(forms[0].Index, forms[i].Index);
            }
        }

        foreach (var first in items.Where(m => !m.Frozen && m.Type == EntityType.Person && m.Form.Core.Count == 2).GroupBy(m => m.Form.Core[0], StringComparer.Ordinal))
        {
            var bySurname = first.GroupBy(m => m.Form.Core[1], StringComparer.Ordinal).Select(g => (Surname: g.Key, Item: g.First())).ToList();
            if (bySurname.Count < 2)
            {
                continue;
            }

            foreach (var (surname, item) in bySurname)
            {
                var partners = bySurname.Where(o => o.Surname != surname && Math.Min(o.Surname.Length, surname.Length) >= 4 && o.Surname[..2] == surname[..2] && OneEditApart(o.Surname, surname)).ToList();
                if (partners.Count == 1)
                {
                    sets.Union(item.Index, partners[0].Item.Index);
                }
            }
        }

        var organizations = items.Where(m => !m.Frozen && m.Team is null && m.Type is EntityType.Organization or EntityType.Miscellaneous && m.Form.Core.Count > 0)
            .GroupBy(m => (m.Form.Qualifier ?? string.Empty) + "|" + m.Form.CoreKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (key, item) in organizations)
        {
            if (item.Form.Core[^1].Length >= 3 && !key.EndsWith('s') && organizations.TryGetValue(key + "s", out var plural))
            {
                sets.Union(item.Index, plural.Index);
            }
        }

        static bool OneEditApart(string a, string b)
        {
            if (Math.Abs(a.Length - b.Length) > 1 || a == b)
            {
                return false;
            }

            var i = 0;
            while (i < a.Length && i < b.Length && a[i] == b[i])
            {
                i++;
            }

            return a.Length == b.Length ? a[(i + 1)..] == b[(i + 1)..] : a.Length > b.Length ? a[(i + 1)..] == b[i..] : a[i..] == b[(i + 1)..];
        }
    }

    /// <summary>
    /// Full names of one surname whose first names can be one name ("Alexis" / "Alexandros", "Katie" / "Kathryn",
    /// "Mo" / "Maurice": one a prefix of the other, a common start of three letters, or a two-letter short form with the
    /// same initial) are one person when every full name of that surname in the corpus can be: a second person of the
    /// same surname ("John Jenkin" beside "Katie Jenkin") keeps them all apart unless the names group cleanly.
    /// </summary>
    private static void LinkFirstNameVariants(List<Item> items, UnionFind sets)
    {
        foreach (var surname in items.Where(m => !m.Frozen && m.Type == EntityType.Person && m.Form.Core.Count is 2 or 3)
            .GroupBy(m => m.Form.Core[^1], StringComparer.Ordinal))
        {
            var firsts = surname.GroupBy(m => m.Form.Core[0], StringComparer.Ordinal).Select(g => (Name: g.Key, Item: g.First())).ToList();
            if (firsts.Count < 2)
            {
                continue;
            }

            // Components of the compatibility graph; a component joins only when all its first names are compatible pairwise.
            var component = Enumerable.Range(0, firsts.Count).ToArray();
            int Find(int i) => component[i] == i ? i : component[i] = Find(component[i]);
            for (var i = 0; i < firsts.Count; i++)
            {
                for (var j = i + 1; j < firsts.Count; j++)
                {
                    if (Compatible(firsts[i].Name, firsts[j].Name))
                    {
                        component[Find(j)] = Find(i);
                    }
                }
            }

            foreach (var group in Enumerable.Range(0, firsts.Count).GroupBy(Find).Where(g => g.Count() > 1))
            {
                var members = group.ToList();
                if (members.All(a => members.All(b => a == b || Compatible(firsts[a].Name, firsts[b].Name))))
                {
                    foreach (var other in members.Skip(1))
                    {
                        sets.Union(firsts[members[0]].Item.Index, firsts[other].Item.Index);
                    }
                }
            }
        }

        static bool Compatible(string a, string b)
        {
            a = a.TrimEnd('.');
            b = b.TrimEnd('.');
            if (a.Length == 0 || b.Length == 0 || a[0] != b[0])
            {
                return false;
            }

            if (a.Length <= 2 || b.Length <= 2)
            {
                return true;
            }

            var common = 0;
            while (common < a.Length && common < b.Length && a[common] == b[common])
            {
                common++;
            }

            return common >= 3;
        }
    }

    /// <summary>
    /// Whether a long form can be written as initials: an organisation or other name of two or more words, or a
    /// hyphenated pair ("Hewlett-Packard" → HP, H-P); a place only when it is a country ("United States" → US), so "UN"
    /// never stands for "Upper Nile".
    /// </summary>
    private bool CanHaveAcronym(Item c) =>
        c.Type != EntityType.Person && AcronymWords(c).Count >= 2
        && (c.Type != EntityType.Location || (_lookup(c.Form.Surface.ToLowerInvariant()) & GazetteerCategory.Country) != GazetteerCategory.None);

    /// <summary>The words whose initials an acronym takes: the core, or the parts of a single hyphenated name.</summary>
    private static IReadOnlyList<string> AcronymWords(Item c) =>
        c.Form.Core.Count == 1 && c.Form.Surface.Count(ch => ch == '-') == 1 && c.Form.Surface.Split('-').All(p => p.Length > 1 && char.IsUpper(p[0]))
            ? [.. c.Form.Surface.ToLowerInvariant().Split('-')]
            : c.Form.Core;

    /// <summary>
    /// Initials of the long form: of every word, of content words, and with a word that is itself an acronym giving all
    /// its letters ("US Geological Survey" → USGS).
    /// </summary>
    private static IEnumerable<string> AcronymKeysOf(Item c)
    {
        var words = AcronymWords(c);
        foreach (var key in NameForms.AcronymKeys(words))
        {
            yield return key;
        }

        var surface = c.Form.Surface.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (surface.Length == words.Count && surface.Any(NameForms.LooksLikeAcronym))
        {
            yield return string.Concat(surface.Select(w => NameForms.LooksLikeAcronym(w) ? NameForms.AcronymLetters(w) : w[..1].ToLowerInvariant()));
        }
    }

    private bool IsPlace(string lower) => (_lookup(lower) & (GazetteerCategory.Country | GazetteerCategory.Capital | GazetteerCategory.Region)) != GazetteerCategory.None;

    private static IEnumerable<string> ExpansionKeys(Item acronym, Dictionary<string, HashSet<string>> expansions) =>
        expansions.TryGetValue(NameForms.AcronymLetters(acronym.Form.Surface), out var keys) ? keys.Select(k => "=" + k) : [];

    /// <summary>
    /// Expansions of acronyms whose letters cannot be read off their English name (FSB stands for the Russian words of
    /// "Federal Security Service"): the well-known pairs below and every pair the corpus defines itself, as in
    /// "the Federal Security Service (FSB)" or "the FSB (Federal Security Service)". Keyed by the acronym's lowercase
    /// letters; values are core keys of the long forms.
    /// </summary>
    private static Dictionary<string, HashSet<string>> Expansions(IReadOnlyList<AnalyzedDocument> documents, List<Item> items)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string letters, string coreKey)
        {
            if (!result.TryGetValue(letters, out var set))
            {
                result[letters] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(coreKey);
        }

        foreach (var (letters, expansion) in KnownExpansions)
        {
            Add(letters, expansion);
        }

        for (var i = 1; i < items.Count; i++)
        {
            var (a, b) = (items[i - 1], items[i]);
            if (a.DocumentIndex != b.DocumentIndex || !InParentheses(documents[a.DocumentIndex].Document.Text, a.Mention, b.Mention))
            {
                continue;
            }

            var (acronym, full) = IsAcronym(a) && b.Form.Core.Count >= 2 ? (a, b) : IsAcronym(b) && a.Form.Core.Count >= 2 ? (b, a) : (null, null);
            if (acronym is not null && full is not null && full.Type != EntityType.Person)
            {
                Add(NameForms.AcronymLetters(acronym.Form.Surface), full.Form.CoreKey);
            }
        }

        return result;

        static bool IsAcronym(Item m) => NameForms.LooksLikeAcronym(m.Form.Surface.Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    /// <summary>True when <paramref name="second"/> stands in parentheses right after <paramref name="first"/>.</summary>
    private static bool InParentheses(string text, EntityMention first, EntityMention second)
    {
        var between = text.AsSpan(first.Span.End, Math.Max(0, second.Span.Start - first.Span.End)).Trim();
        if (!between.SequenceEqual("("))
        {
            return false;
        }

        var after = text.AsSpan(second.Span.End).TrimStart();
        return after.Length > 0 && after[0] == ')';
    }

    private static bool IsSurnameOrInitial(Item m) =>
        m.Form.Core.Count == 1 ? m.Form.Core[0].Length > 1 && char.IsUpper(m.Form.Surface[0])
        : m.Form.Core.Count == 2 && m.Form.Core[0].TrimEnd('.').Length == 1;

    private static bool SameSurname(IReadOnlyList<string> shortCore, IReadOnlyList<string> full)
    {
        if (shortCore.Count == 1)
        {
            return string.Equals(full[^1], shortCore[0], StringComparison.Ordinal);
        }

        return string.Equals(full[^1], shortCore[^1], StringComparison.Ordinal) && full[0].StartsWith(shortCore[0].TrimEnd('.'), StringComparison.Ordinal);
    }

    private static void MergeSameForms(List<Item> items, UnionFind sets)
    {
        // Single-word person names group per document first: two documents' "Smith" may be different people.
        static string Group(Item m) => m.Form.Key + "#" + (m.Team is not null ? "T" : m.Type == EntityType.Location ? "L" : m.Type == EntityType.Person ? "P" : "X")
            + (m.Form.Core.Count == 1 && m.Type == EntityType.Person ? "@" + m.DocumentIndex.ToString(CultureInfo.InvariantCulture) : string.Empty);
        var groups = items.Where(m => !m.Frozen && m.Form.Core.Count > 0).GroupBy(Group, StringComparer.Ordinal).ToList();
        foreach (var group in groups)
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                sets.Union(first.Index, other.Index);
            }
        }

        // An organisation-or-other form joins the person or place form written the same way in the same document.
        var byKeyAndDoc = groups.GroupBy(g => g.First().Form.Key + "@" + g.First().DocumentIndex.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);
        foreach (var same in byKeyAndDoc)
        {
            var list = same.OrderByDescending(g => g.Count()).ToList();
            var anchor = list.FirstOrDefault(g => g.First().Type is EntityType.Person or EntityType.Location) ?? list[0];
            foreach (var g in list.Where(g => g.First().Type is EntityType.Organization or EntityType.Miscellaneous && g.First().Team is null))
            {
                sets.Union(anchor.First().Index, g.First().Index);
            }
        }

        // Same form across documents, other than single-word person names (linked later).
        foreach (var same in items.Where(m => !m.Frozen && m.Form.Core.Count > 0 && !(m.Form.Core.Count == 1 && m.Type == EntityType.Person))
            .GroupBy(m => m.Form.Key + "#" + (m.Team is not null ? "T" : m.Type == EntityType.Location ? "L" : "X"), StringComparer.Ordinal))
        {
            var first = same.First();
            foreach (var other in same.Skip(1))
            {
                sets.Union(first.Index, other.Index);
            }
        }
    }

    private static void MergeStems(List<Item> items, UnionFind sets)
    {
        foreach (var same in items.Where(m => !m.Frozen && m.Type is EntityType.Organization or EntityType.Miscellaneous && m.Form.Core.Count > 0)
            .GroupBy(m => (m.Form.Qualifier ?? string.Empty) + "|" + NameForms.Stem(m.Form.Core), StringComparer.Ordinal))
        {
            // Only when an organisation is among them: "Wagner fighters" (MISC) and "Wagner Group" (ORG) are one group.
            if (!same.Any(m => m.Type == EntityType.Organization))
            {
                continue;
            }

            var first = same.First();
            foreach (var other in same.Skip(1))
            {
                sets.Union(first.Index, other.Index);
            }
        }
    }

    /// <summary>
    /// Links each short form to the one cluster it can stand for: the only candidate in its own document, else the
    /// only one in the corpus. Candidates come from an index (<paramref name="keysOfLong"/>), so this stays linear.
    /// Clusters qualified by different countries are never joined.
    /// </summary>
    private static void LinkShortForms(List<Item> items, UnionFind sets, Func<Item, bool> isShort, Func<Item, IEnumerable<string>> keysOfLong, Func<Item, IEnumerable<string>> keysOfShort, Func<Item, Item, bool> canStandFor)
    {
        // Candidates with the same form that were already one cluster stand or fall together, so the index holds one
        // representative per (form, cluster) with the documents it occurs in: a surname repeated across thousands of
        // documents is then checked against a handful of full names, not against every mention of them.
        var index = new Dictionary<string, List<CandidateGroup>>(StringComparer.Ordinal);
        var groups = new Dictionary<(string Form, int Root), CandidateGroup>();
        foreach (var item in items.Where(m => !m.Frozen))
        {
            foreach (var key in keysOfLong(item))
            {
                var groupKey = (key + "\u0001" + item.Form.Key, sets.Find(item.Index));
                if (!groups.TryGetValue(groupKey, out var group))
                {
                    groups[groupKey] = group = new CandidateGroup(item);
                    if (!index.TryGetValue(key, out var list))
                    {
                        index[key] = list = [];
                    }

                    list.Add(group);
                }

                group.Add(item);
            }
        }

        var qualifiers = Qualifiers(items, sets);
        foreach (var shortForm in items.Where(m => !m.Frozen && isShort(m)).ToList())
        {
            var own = sets.Find(shortForm.Index);
            var candidates = new HashSet<int>();
            var inDocument = new HashSet<int>();
            foreach (var key in keysOfShort(shortForm))
            {
                foreach (var group in index.GetValueOrDefault(key) ?? [])
                {
                    if (group.IsOnly(shortForm.Index) || !canStandFor(shortForm, group.Representative))
                    {
                        continue;
                    }

                    var root = sets.Find(group.Representative.Index);
                    candidates.Add(root);
                    if (group.OccursIn(shortForm.DocumentIndex, except: shortForm.Index))
                    {
                        inDocument.Add(root);
                    }
                }
            }

            if (candidates.Contains(own) || inDocument.Contains(own))
            {
                continue;
            }

            var target = inDocument.Count == 1 ? inDocument.First() : inDocument.Count == 0 && candidates.Count == 1 ? candidates.First() : -1;
            if (target < 0)
            {
                continue;
            }

            var a = qualifiers.GetValueOrDefault(sets.Find(target));
            var b = qualifiers.GetValueOrDefault(own);
            if (a is not null && b is not null && !a.Overlaps(b))
            {
                continue;
            }

            sets.Union(target, own);
            var root2 = sets.Find(own);
            if (a is not null || b is not null)
            {
                qualifiers[root2] = [.. a ?? [], .. b ?? []];
            }
        }
    }

    private static Dictionary<int, HashSet<string>> Qualifiers(List<Item> items, UnionFind sets)
    {
        var result = new Dictionary<int, HashSet<string>>();
        foreach (var item in items.Where(m => m.Form.Qualifier is not null))
        {
            var root = sets.Find(item.Index);
            if (!result.TryGetValue(root, out var set))
            {
                result[root] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(item.Form.Qualifier!);
        }

        return result;
    }

    private static void MergeUnlinkedSurnames(List<Item> items, UnionFind sets)
    {
        // Per-document surname groups that found no full name join each other across documents, or the one full name
        // some other document's surname group joined; not where their own document names two people of that surname.
        var fullRoots = new HashSet<int>(items.Where(o => o.Form.Core.Count >= 2 && o.Type == EntityType.Person).Select(o => sets.Find(o.Index)));
        var surnamesByDocument = new HashSet<(int, string)>(items.Where(o => o.Type == EntityType.Person && o.Form.Core.Count >= 2).Select(o => (o.DocumentIndex, o.Form.Core[^1])));
        foreach (var same in items.Where(m => !m.Frozen && m.Form.Core.Count == 1 && m.Type == EntityType.Person).GroupBy(m => m.Form.Key, StringComparer.Ordinal))
        {
            var linked = same.Select(m => sets.Find(m.Index)).Distinct().Where(fullRoots.Contains).ToList();
            var target = linked.Count == 1 ? linked[0] : -1;
            var first = -1;
            foreach (var m in same)
            {
                var root = sets.Find(m.Index);
                if (fullRoots.Contains(root) || surnamesByDocument.Contains((m.DocumentIndex, m.Form.Core[0])))
                {
                    continue;
                }

                if (target >= 0)
                {
                    sets.Union(target, root);
                }
                else if (linked.Count == 0)
                {
                    first = first < 0 ? root : first;
                    sets.Union(first, root);
                }
            }
        }
    }

    /// <summary>
    /// A surname left alone because several full names end with it joins the one its documents name clearly most: at
    /// least twice as often in full as any other of that surname (in its own documents when they name any, else in the
    /// corpus). A story about a player quotes his father the coach twice and names the player four times: "McDermott"
    /// alone is the player.
    /// </summary>
    private static void LinkSalientSurnames(List<Item> items, UnionFind sets)
    {
        var fulls = items.Where(m => m.Type == EntityType.Person && m.Form.Core.Count >= 2).ToList();
        var fullRoots = new HashSet<int>(fulls.Select(o => sets.Find(o.Index)));
        var bySurname = fulls.ToLookup(m => m.Form.Core[^1], StringComparer.Ordinal);
        foreach (var alone in items.Where(m => !m.Frozen && m.Form.Core.Count == 1 && m.Type == EntityType.Person && !fullRoots.Contains(sets.Find(m.Index)))
            .GroupBy(m => sets.Find(m.Index)).ToList())
        {
            var surname = alone.First().Form.Core[0];
            var named = bySurname[surname].ToList();
            if (named.Count == 0 || alone.Any(m => m.Form.Core[0] != surname))
            {
                continue;
            }

            var documents = alone.Select(m => m.DocumentIndex).ToHashSet();
            var local = named.Where(m => documents.Contains(m.DocumentIndex)).ToList();
            var counts = (local.Count > 0 ? local : named).GroupBy(m => sets.Find(m.Index)).Select(g => (Root: g.Key, Count: g.Count())).OrderByDescending(c => c.Count).ToList();
            if (counts.Count >= 2 && counts[0].Count >= 2 * counts[1].Count)
            {
                sets.Union(counts[0].Root, alone.Key);
            }
        }
    }

    private void ApplyMerges(List<Item> items, UnionFind sets)
    {
        foreach (var decision in _decisions.Items.Where(d => d.Action == AliasAction.Merge))
        {
            var roots = items.Where(m => decision.Names.Any(n => Matches(m, n))).Select(m => sets.Find(m.Index)).Distinct().ToList();
            foreach (var root in roots.Skip(1))
            {
                sets.Union(roots[0], root);
            }
        }
    }

    private static bool Matches(Item m, string name) =>
        string.Equals(m.Form.Surface, name, StringComparison.OrdinalIgnoreCase) || string.Equals(m.Mention.Text, name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(m.Display, name, StringComparison.OrdinalIgnoreCase);

    private List<Item> Collect(IReadOnlyList<AnalyzedDocument> documents)
    {
        var items = new List<Item>();
        // Names repeat across a corpus: each distinct (text, type, qualifier) is reduced once.
        var forms = new Dictionary<(string Text, EntityType Type, string? Qualifier), (NameForm Form, string Display)>();
        for (var d = 0; d < documents.Count; d++)
        {
            var doc = documents[d];
            var mentions = doc.Layers.Find<EntityMentionLayer>()?.Mentions ?? [];
            EntityMention? previous = null;
            foreach (var mention in mentions)
            {
                var qualifier = mention.Type is EntityType.Organization && previous is not null ? QualifierBefore(doc, previous, mention) : null;
                var formType = mention.Type == EntityType.Miscellaneous && mention.Text.Split(' ').Any(w => OrgHeads.Contains(w.ToLowerInvariant())) ? EntityType.Organization : mention.Type;
                if (!forms.TryGetValue((mention.Text, formType, qualifier), out var reduced))
                {
                    var reducedForm = NameForms.Of(mention.Text, formType, _demonyms, qualifier);
                    forms[(mention.Text, formType, qualifier)] = reduced = (reducedForm, Display(mention, formType, reducedForm));
                }

                var (form, display) = reduced;
                if (qualifier is not null && previous is not null)
                {
                    display = doc.Text[previous.Span.Start..mention.Span.Start] + display;
                }

                items.Add(new Item(items.Count, d, mention, form, display));
                previous = mention;
            }
        }

        // An organisation head word (ministry, agency, party) makes a name an organisation, whatever the tagger said.
        foreach (var item in items.Where(m => m.Type == EntityType.Miscellaneous && m.Form.Core.Any(OrgHeads.Contains)))
        {
            item.Type = EntityType.Organization;
        }

        // A lone word the tagger read as a place ("over Prigozhin", "a Prigozhin-led force") that no gazetteer knows as a
        // country, city or region, and that is the surname of a person named in full in the corpus, is that person's
        // surname: the full name outranks a context guess, which the tagger's memory of the document then repeats.
        var surnames = new HashSet<string>(items.Where(m => m.Type == EntityType.Person && m.Form.Core.Count >= 2).Select(m => m.Form.Core[^1]), StringComparer.Ordinal);
        foreach (var item in items.Where(m => m.Type == EntityType.Location && m.Form.Core.Count == 1 && m.Form.Qualifier is null && surnames.Contains(m.Form.Core[0])
            && !IsAnyPlace(m.Form.Surface.ToLowerInvariant())))
        {
            item.Type = EntityType.Person;
        }

        // A name form takes its majority type in the corpus, so one mistyped "Prigozhin" (LOC) still links.
        foreach (var same in items.GroupBy(m => NameForms.Stem(m.Form.Core), StringComparer.Ordinal))
        {
            // A form with a generic organisation head ("Wagner Group", "PMC Wagner") settles the type of the bare name.
            if (same.Any(m => m.Form.Core.Count > 0 && !string.Equals(m.Form.CoreKey, same.Key, StringComparison.Ordinal) && m.Type != EntityType.Location))
            {
                foreach (var item in same)
                {
                    item.Type = EntityType.Organization;
                }

                continue;
            }

            var votes = same.GroupBy(m => m.Type).Select(g => (Type: g.Key, Count: g.Count())).OrderByDescending(v => v.Count).ThenBy(v => v.Type).ToList();
            if (votes.Count > 1 && votes[0].Count > votes[1].Count)
            {
                foreach (var item in same)
                {
                    item.Type = votes[0].Type;
                }
            }
        }

        RetypeByForm(items);
        RetypeByCorpus(documents, items);
        MarkOutlets(documents, items);
        if (_isCountryOrCapital is not null)
        {
            foreach (var item in items.Where(m => m.Type == EntityType.Organization && !m.Mention.Text.Contains(' ', StringComparison.Ordinal)
                && _isCountryOrCapital(m.Mention.Text.ToLowerInvariant())))
            {
                item.Type = EntityType.Location;
            }
        }

        RetypeByContext(documents, items);
        MarkTeamPlaces(documents, items);
        return items;
    }

    // Titles and roles that only a person carries ("President-elect Barack Obama"); weak ones ("former", "head", "general",
    // "defense") also open organisations' names and are left out.
    private static readonly HashSet<string> PersonTitles = new(
        WordLists.PersonRoles.Concat(["president", "senator", "sen", "governor", "gov", "mr", "mrs", "ms", "dr", "rep", "sir", "lord", "lady", "king",
            "queen", "prince", "princess", "pope", "judge", "mayor", "secretary", "chancellor", "premier", "ambassador", "minister", "professor", "prof",
            "rev", "reverend", "sheikh", "coach", "neurosurgeon", "jeweler", "jeweller"]).Except(["star", "model", "host", "player", "forward", "agent", "rebel", "militant", "victim", "suspect"]),
        StringComparer.Ordinal);

    // Nouns a shop's or firm's name stands before ("the Harry Winston store", "a Harry Winston boutique").
    private static readonly HashSet<string> BusinessNouns = new(
        ["store", "stores", "boutique", "boutiques", "shop", "shops", "showroom", "dealership", "restaurant", "restaurants", "supermarket", "outlet",
         "outlets", "branch", "branches", "franchise", "jewelers", "jewellers", "jewelry", "jewellery", "brand"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> PlaceReadingWords = new(
        ["in", "at", "near", "outside", "inside", "across", "around", "throughout", "downtown", "of", "into", "suburban", "northern", "southern", "eastern", "western", "central"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> PlaceReadingNouns = new(["area", "region", "suburb", "suburbs", "district", "neighborhood", "neighbourhood", "province", "county", "metro"], StringComparer.Ordinal);

    /// <summary>
    /// Types the words around a name's mentions settle, decided for the whole name form in the corpus. A full name of two
    /// or three capitalised words (no organisation head, not a place) written after a title only a person carries
    /// ("President-elect Barack Obama"), or split from one, is a person. A name the gazetteer knows as a country, city or
    /// region, tagged as an organisation or other, that the corpus never names a person by, and that at least half of its
    /// mentions read as a place ("in Palermo", "a district of Palermo", "Palermo, Sicily", "a Palermo neighborhood") is a
    /// place. A lone word the corpus also writes before a place head as a place, written where a place is read ("in the
    /// Mediterranean" beside "Mediterranean Sea"; not "the Baltic papers"), is that place. A name written at least twice right before a shop's or firm's noun ("the Harry Winston store",
    /// "a Harry Winston boutique"), more often than after a person's title, is an organisation, even with a first name
    /// (not a place: "the Paris branch").
    /// </summary>
    private void RetypeByContext(IReadOnlyList<AnalyzedDocument> documents, List<Item> items)
    {
        static string Word(AnalyzedDocument doc, int i) => i >= 0 && i < doc.Tokens.Count ? doc.Text.Substring(doc.Tokens[i].Start, doc.Tokens[i].Length) : string.Empty;
        string Before(Item m, int back = 1) => Word(documents[m.DocumentIndex], m.Mention.FirstToken - back);
        string After(Item m, int ahead = 0) => Word(documents[m.DocumentIndex], m.Mention.FirstToken + m.Mention.TokenCount + ahead);
        static bool IsPersonTitle(string word)
        {
            var lower = word.ToLowerInvariant().TrimEnd('.');
            return PersonTitles.Contains(lower) || (lower.EndsWith("-elect", StringComparison.Ordinal) && PersonTitles.Contains(lower[..^6]));
        }

        // "in the Mediterranean", but not "one of the Baltic papers" (a partitive "of the" is no place reading).
        bool AfterThe(Item m) => Before(m) is "the" or "The" && Before(m, 2).ToLowerInvariant() is { } word && word != "of" && PlaceReadingWords.Contains(word);

        bool CapitalisedName(Item m) =>
            m.Form.Surface.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 and <= 3 } written && written.Length == m.Form.Core.Count
            && written.All(w => char.IsUpper(w[0]) && !NameForms.LooksLikeAcronym(w)) && !m.Form.Core.Any(NotPersonWords.Contains)
            && !m.Form.Core.Any(PlaceHeads.Contains) && !IsAnyPlace(string.Join(' ', m.Form.Core));

        var forms = items.Where(m => !m.Frozen && m.Form.Core.Count > 0).GroupBy(m => m.Form.CoreKey, StringComparer.Ordinal).ToList();
        var persons = new HashSet<string>(items.Where(m => m.Type == EntityType.Person).SelectMany(m => m.Form.Core.Count >= 2 ? new[] { m.Form.CoreKey, m.Form.Core[^1], m.Form.Core[0] } : [m.Form.CoreKey]), StringComparer.Ordinal);
        foreach (var form in forms)
        {
            var members = form.ToList();
            if (members.Any(m => m.Type is EntityType.Organization or EntityType.Miscellaneous && !m.Settled && CapitalisedName(m)
                && (IsPersonTitle(Before(m)) || (Before(m) == "." && IsPersonTitle(Before(m, 2))) || (m.Mention.Role is { } role && role.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(IsPersonTitle)))))
            {
                foreach (var m in members.Where(m => !m.Settled))
                {
                    m.Type = EntityType.Person;
                    m.Settled = true;
                }
            }

            var whole = string.Join(' ', members[0].Form.Core);
            var guessed = members.Where(m => !m.Settled && m.Form.Qualifier is null).ToList();
            if (guessed.Any(m => m.Type is EntityType.Organization or EntityType.Miscellaneous) && !guessed.Any(m => m.Type == EntityType.Person)
                && IsAnyPlace(whole) && !persons.Contains(form.Key) && !IsFirstName(members[0].Form.Core[0]))
            {
                var placeReadings = guessed.Count(m =>
                {
                    var before = Before(m).ToLowerInvariant();
                    var after = After(m);
                    return PlaceReadingWords.Contains(before) || AfterThe(m)
                        || PlaceReadingNouns.Contains(after.ToLowerInvariant()) || (after == "," && After(m, 1) is { Length: > 0 } next && char.IsUpper(next[0]) && IsAnyPlace(next.ToLowerInvariant()));
                });
                if (placeReadings * 2 >= guessed.Count)
                {
                    foreach (var m in guessed)
                    {
                        m.Type = EntityType.Location;
                        m.Settled = true;
                    }
                }
            }
        }

        var headedPlaces = new HashSet<string>(items.Where(m => m.Type == EntityType.Location && m.Form.Core.Count == 2 && PlaceHeads.Contains(m.Form.Core[1])).Select(m => m.Form.Core[0]), StringComparer.Ordinal);
        foreach (var m in items.Where(m => !m.Frozen && !m.Settled && m.Form.Core.Count == 1 && m.Type is EntityType.Organization or EntityType.Miscellaneous
            && headedPlaces.Contains(m.Form.Core[0]) && !_demonyms.ContainsKey(m.Form.Core[0])
            && (PlaceReadingWords.Contains(Before(m).ToLowerInvariant()) || AfterThe(m))))
        {
            m.Type = EntityType.Location;
            m.Settled = true;
        }

        foreach (var form in forms)
        {
            var members = form.ToList();
            if (IsAnyPlace(form.Key) || _demonyms.ContainsKey(form.Key))
            {
                // "the Paris branch", "a Moscow store": a place before a shop's noun says where the shop is.
                continue;
            }

            var shops = members.Count(m => BusinessNouns.Contains(After(m).ToLowerInvariant()));
            if (shops >= 2 && shops > members.Count(m => IsPersonTitle(Before(m))))
            {
                foreach (var m in members)
                {
                    m.Type = EntityType.Organization;
                    m.Settled = true;
                }
            }
        }
    }

    private static readonly HashSet<string> LocativeWords = new(
        ["in", "at", "near", "from", "outside", "inside", "to", "into", "across", "around", "throughout", "through", "toward", "towards", "downtown", "of", "via", "between", "suburban", "northern", "southern", "eastern", "western", "central"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> PlaceNouns = new(["area", "region", "suburb", "suburbs", "metro", "airport", "police", "county", "mayor", "resident", "residents", "home", "native", "man", "woman"], StringComparer.Ordinal);

    /// <summary>
    /// A city naming its team ("Kansas City beat the Colts", "Philadelphia host the Wizards"): where the corpus names one
    /// team of a place ("Kansas City Chiefs", "Philadelphia 76ers": a known place and a plural), a bare mention of that
    /// place that is not read as a location (after "in", "at", "from", before ", Fla." or "area") stands for the team.
    /// Such mentions become organisations and are linked to the team (<see cref="LinkTeamPlaces"/>).
    /// </summary>
    private void MarkTeamPlaces(IReadOnlyList<AnalyzedDocument> documents, List<Item> items)
    {
        var teams = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var team in items.Where(m => m.Type == EntityType.Organization && m.Form.Qualifier is null && m.Form.Core.Count >= 2))
        {
            var words = team.Form.Surface.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2 || words.Length != team.Form.Core.Count || words[^1].Length <= 3 || !words[^1].EndsWith('s'))
            {
                continue;
            }

            for (var n = 1; n < words.Length && n <= 3; n++)
            {
                var place = string.Join(' ', words.Take(n));
                if (IsAnyPlace(place) && words.Skip(n).All(w => !PlaceHeads.Contains(w) && !NotPersonWords.Contains(w)))
                {
                    if (!teams.TryGetValue(place, out var set))
                    {
                        teams[place] = set = new HashSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(team.Form.CoreKey);
                }
            }
        }

        if (teams.Count == 0)
        {
            return;
        }

        foreach (var item in items.Where(m => !m.Frozen && m.Type is EntityType.Location or EntityType.Organization && m.Form.Qualifier is null))
        {
            if (!teams.TryGetValue(item.Form.Surface.ToLowerInvariant(), out var keys) || keys.Count != 1)
            {
                continue;
            }

            var doc = documents[item.DocumentIndex];
            string Word(int i) => i >= 0 && i < doc.Tokens.Count ? doc.Text.Substring(doc.Tokens[i].Start, doc.Tokens[i].Length) : string.Empty;
            var before = Word(item.Mention.FirstToken - 1).ToLowerInvariant();
            var afterIndex = item.Mention.FirstToken + item.Mention.TokenCount;
            var after = Word(afterIndex);
            var placeReading = LocativeWords.Contains(before) || PlaceNouns.Contains(after.ToLowerInvariant())
                || (after == "," && Word(afterIndex + 1) is { Length: > 0 } next && char.IsUpper(next[0]));
            if (!placeReading)
            {
                item.Type = EntityType.Organization;
                item.Settled = true;
                item.Team = keys.First();
            }
        }
    }

    /// <summary>Links each place standing for its team (<see cref="MarkTeamPlaces"/>) to the team.</summary>
    private static void LinkTeamPlaces(List<Item> items, UnionFind sets)
    {
        var teams = items.Where(m => m.Team is null && m.Type == EntityType.Organization).GroupBy(m => m.Form.CoreKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Index, StringComparer.Ordinal);
        foreach (var item in items.Where(m => m.Team is not null))
        {
            if (teams.TryGetValue(item.Team!, out var team))
            {
                sets.Union(team, item.Index);
            }
        }
    }

    // Seats of power named for their building: the name means the institution ("the Kremlin said"), an organisation.
    private static readonly HashSet<string> Institutions = new(["kremlin", "pentagon", "duma", "knesset", "bundestag", "rada", "congress", "senate", "parliament"], StringComparer.Ordinal);

    private static readonly HashSet<string> PlaceHeads = new(
        ["camp", "glacier", "ridge", "street", "st", "avenue", "ave", "road", "boulevard", "county", "province", "oblast", "village", "valley",
         "river", "lake", "island", "islands", "beach", "hill", "hills", "peak", "bay", "district", "region", "square", "desert", "park", "canyon",
         "mountain", "mountains", "forest", "coast", "strait", "peninsula", "highway", "bridge", "sea", "ocean", "gulf"],
        StringComparer.Ordinal);

    // Place heads that open a name before "of": "Gulf of Aden", "Horn of Africa", "Strait of Hormuz", "Isle of Man".
    private static readonly HashSet<string> LeadingPlaceHeads = new(
        ["gulf", "bay", "sea", "strait", "straits", "horn", "cape", "isle", "island", "islands", "lake", "ocean", "coast", "valley", "county", "province", "district", "region", "mount", "port"],
        StringComparer.Ordinal);

    // Organisation heads that end a name ("International Boxing Federation", "Betty Ford Treatment Center").
    private static readonly HashSet<string> TeamOrgWords = new(WordLists.OrgWords.Except(["united", "front", "force", "guard", "staff", "security", "intelligence", "press"]), StringComparer.Ordinal);

    private static readonly HashSet<string> NotPersonWords = new(WordLists.OrgWords.Concat(["clinic", "hospital", "school", "college", "university", "center", "centre"]), StringComparer.Ordinal);

    /// <summary>
    /// The type a name's own words settle, whatever the tagger said: a place head ("Yida Refugee Camp", "Tasman Glacier",
    /// "Mt Cook") makes a place; a known place followed by a plural ("New Orleans Saints", "Kansas City Chiefs") a team,
    /// so an organisation; two or three capitalised words opening with a known first name that is not a place
    /// ("Phil Ford", "Kathina Thomas") a person, whatever the tagger said; a known place the corpus never writes as a
    /// surname ("Banda Aceh") a place; a generational suffix ("Jr.") a person; an organisation head at the end
    /// ("International Boxing Federation") an organisation; a capitalised plural that is no nationality ("Bluejays") a team.
    /// </summary>
    private void RetypeByForm(List<Item> items)
    {
        var surnames = new HashSet<string>(items.Where(m => m.Type == EntityType.Person && m.Form.Core.Count >= 2).Select(m => Words(m)[^1]), StringComparer.Ordinal);
        foreach (var item in items)
        {
            var words = Words(item);
            if (words.Length == 0 || item.Frozen)
            {
                continue;
            }

            var whole = string.Join(' ', words);
            var orgHead = words.Any(NotPersonWords.Contains);
            if (words.Length >= 2 && !orgHead && item.Mention.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 3 } written
                && NameForms.IsGenerationalSuffix(written[^1]) && written[..^1].All(w => char.IsUpper(w[0])))
            {
                // Only people carry a generational suffix ("Arcade Joseph Comeaux Jr.").
                item.Type = EntityType.Person;
                item.Settled = true;
            }
            else if (words.Length == 1 && Institutions.Contains(words[0]))
            {
                item.Type = EntityType.Organization;
                item.Settled = true;
            }
            else if (!orgHead && (PlaceHeads.Contains(words[^1]) || (words.Length >= 2 && words[0] is "mount" or "mt" or "mt.")
                || (words.Length >= 3 && words[1] == "of" && LeadingPlaceHeads.Contains(words[0]))))
            {
                item.Type = EntityType.Location;
                item.Settled = true;
            }
            else if (words.Length >= 2 && item.Type != EntityType.Person && words[^1].Length > 3 && words[^1].EndsWith('s') && !PlaceHeads.Contains(words[^1])
                && Enumerable.Range(1, words.Length - 1).Any(n => IsAnyPlace(string.Join(' ', words.Take(n)))) && !IsAnyPlace(whole))
            {
                item.Type = EntityType.Organization;
                item.Settled = true;
            }
            else if (item.Type is EntityType.Miscellaneous or EntityType.Person && words.Length >= 2 && (TeamOrgWords.Contains(words[^1]) || words[^1] == "patrol")
                && item.Form.Surface.Split(' ').All(w => w.Length > 0 && (char.IsUpper(w[0]) || char.IsDigit(w[0]) || w is "of" or "and" or "for" or "the")))
            {
                item.Type = EntityType.Organization;
                item.Settled = true;
            }
            else if (item.Type == EntityType.Miscellaneous && words.Length is 1 or 2 && words[^1].Length > 4 && words[^1].EndsWith('s') && !words[^1].EndsWith("ss", StringComparison.Ordinal)
                && item.Form.Surface.Split(' ').All(w => w.Length > 0 && char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower))
                && !_demonyms.ContainsKey(words[^1][..^1]) && !_demonyms.ContainsKey(words[^1]) && !IsAnyPlace(whole))
            {
                // A capitalised plural that is no nationality ("Bluejays", "Purple Aces") names a team or a group.
                item.Type = EntityType.Organization;
                item.Settled = true;
            }
            else if (item.Type is EntityType.Organization or EntityType.Miscellaneous or EntityType.Person && words.Length is 2 or 3 && !orgHead
                && item.Form.Surface.Split(' ').All(w => w.Length > 0 && char.IsUpper(w[0]))
                && IsFirstName(words[0]) && !IsAnyPlace(words[0]) && !IsAnyPlace(whole))
            {
                item.Type = EntityType.Person;
                item.Settled = true;
            }
            else if (item.Type == EntityType.Person && IsAnyPlace(whole) && !IsFirstName(words[0]) && !(words.Length == 1 && surnames.Contains(words[0])))
            {
                item.Type = EntityType.Location;
                item.Settled = true;
            }
        }

        static string[] Words(Item m) => m.Form.Surface.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static readonly HashSet<string> InsidePlaceWords = new(["in", "near", "outside", "downtown"], StringComparer.Ordinal);

    /// <summary>
    /// Types the corpus settles beyond a name's own words. A name of two or three capitalised words, with no organisation
    /// head and not a place, whose first or last word the corpus writes alone as a person ("Kathina", "Ratliff") is a
    /// person ("Kathina Thomas", "Keiwan Ratliff" tagged ORG). A single word tagged PERSON that is a known town, that no
    /// full name in the corpus ends with, and that the corpus writes after "in", "near", "outside" or "downtown" is a
    /// place ("in downtown Palmer").
    /// </summary>
    private void RetypeByCorpus(IReadOnlyList<AnalyzedDocument> documents, List<Item> items)
    {
        var lone = items.Where(m => m.Form.Core.Count == 1 && char.IsUpper(m.Form.Surface[0])).GroupBy(m => m.Form.Core[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Person: g.Count(m => m.Type == EntityType.Person), All: g.Count()), StringComparer.Ordinal);
        bool LonePerson(string word) => lone.TryGetValue(word, out var v) && v.Person * 2 > v.All;
        HashSet<string>? common = null;
        foreach (var item in items.Where(m => !m.Frozen && !m.Settled && m.Type is EntityType.Organization or EntityType.Miscellaneous && m.Form.Core.Count is 2 or 3))
        {
            var written = item.Form.Surface.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var words = item.Form.Core;
            if (written.Length == words.Count && written.All(w => char.IsUpper(w[0]) && !NameForms.LooksLikeAcronym(w)) && !words.Any(NotPersonWords.Contains)
                && !words.Any(w => PlaceHeads.Contains(w)) && !IsAnyPlace(string.Join(' ', words)) && !IsAnyPlace(words[0])
                && (LonePerson(words[0]) || (LonePerson(words[^1]) && !IsFirstName(words[^1]))))
            {
                // A last word the corpus also writes in lowercase is a common noun ("Estelle Unit"), not a surname.
                common ??= LowercaseWords(documents);
                if (common.Contains(words[^1]))
                {
                    continue;
                }

                item.Type = EntityType.Person;
                item.Settled = true;
            }
        }

        var surnames = new HashSet<string>(items.Where(m => m.Type == EntityType.Person && m.Form.Core.Count >= 2).Select(m => m.Form.Core[^1]), StringComparer.Ordinal);
        var towns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items.Where(m => !m.Frozen && m.Type == EntityType.Person && m.Form.Core.Count == 1 && !surnames.Contains(m.Form.Core[0]) && IsAnyPlace(m.Form.Core[0])))
        {
            var doc = documents[item.DocumentIndex];
            var before = item.Mention.FirstToken - 1;
            if (before >= 0 && InsidePlaceWords.Contains(doc.Text.Substring(doc.Tokens[before].Start, doc.Tokens[before].Length).ToLowerInvariant()))
            {
                towns.Add(item.Form.Core[0]);
            }
        }

        foreach (var item in items.Where(m => !m.Frozen && m.Form.Core.Count == 1 && m.Type == EntityType.Person && towns.Contains(m.Form.Core[0])))
        {
            item.Type = EntityType.Location;
            item.Settled = true;
        }
    }

    private static HashSet<string> LowercaseWords(IReadOnlyList<AnalyzedDocument> documents)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            foreach (var token in doc.Tokens)
            {
                if (token.Length > 1 && char.IsLower(doc.Text[token.Start]))
                {
                    result.Add(doc.Text.Substring(token.Start, token.Length));
                }
            }
        }

        return result;
    }

    private bool IsFirstName(string lower) => (_lookup(lower) & GazetteerCategory.FirstName) != GazetteerCategory.None;

    private bool IsAnyPlace(string lower) =>
        (_lookup(lower) & (GazetteerCategory.Country | GazetteerCategory.Capital | GazetteerCategory.City | GazetteerCategory.Region)) != GazetteerCategory.None;

    /// <summary>
    /// A document's outlet (from the manifest or the page) is an organisation wherever the text names it: "Northgate
    /// Daily", and its short form after "the" ("told the Ledger" for "The Baltic Ledger"). The tagger, which has never
    /// seen the name, often reads it as a person.
    /// </summary>
    private static void MarkOutlets(IReadOnlyList<AnalyzedDocument> documents, List<Item> items)
    {
        var full = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var shortForms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var outlet in documents.Select(d => d.Document.Source.Outlet).Where(o => !string.IsNullOrWhiteSpace(o)).Distinct(StringComparer.Ordinal))
        {
            var name = WithoutArticle(outlet!.Split('(')[0].Trim());
            if (name.Length < 3)
            {
                continue;
            }

            full.Add(name);
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && words[^1].Length >= 4 && char.IsUpper(words[^1][0]))
            {
                shortForms.Add(words[^1]);
            }
        }

        if (full.Count == 0)
        {
            return;
        }

        foreach (var item in items)
        {
            var text = WithoutArticle(item.Mention.Text);
            if (full.Contains(text) || (shortForms.Contains(text) && AfterThe(documents[item.DocumentIndex].Text, item.Mention.Span.Start)))
            {
                item.Type = EntityType.Organization;
            }
        }

        static string WithoutArticle(string name) => name.StartsWith("The ", StringComparison.OrdinalIgnoreCase) ? name[4..].TrimStart() : name;

        static bool AfterThe(string text, int start) =>
            start >= 4 && text.AsSpan(start - 4, 4).Equals("the ", StringComparison.OrdinalIgnoreCase) && (start == 4 || !char.IsLetter(text[start - 5]));
    }

    private string? QualifierBefore(AnalyzedDocument doc, EntityMention previous, EntityMention mention)
    {
        var gap = mention.FirstToken - (previous.FirstToken + previous.TokenCount);
        if (gap < 0 || gap > 1)
        {
            return null;
        }

        if (gap == 1)
        {
            var between = doc.Tokens[mention.FirstToken - 1];
            if (doc.Text.AsSpan(between.Start, between.Length) is not ("'s" or "’s"))
            {
                return null;
            }
        }

        var lower = previous.Text.ToLowerInvariant();
        return _demonyms.TryGetValue(lower, out var country) ? country : _countries.Contains(lower) ? lower : null;
    }

    private static string Display(EntityMention mention, EntityType type, NameForm form)
    {
        if (type is EntityType.Person or EntityType.Miscellaneous)
        {
            return form.Surface;
        }

        // Organisations keep their written qualifier ("Russian Ministry of Defense") but lose the article and possessive.
        var ranges = Sitrep.Text.Tokenizer.Tokenize(mention.Text).SkipWhile(t => !mention.Text[t.Start..t.End].Any(char.IsLetterOrDigit)).ToList();
        var tokens = ranges.Select(t => mention.Text[t.Start..t.End]).ToList();
        NameForms.StripPossessive(tokens);
        var skip = tokens.Count > 1 && tokens[0].ToLowerInvariant() is "the" or "a" or "an" ? 1 : 0;

        // Tokens written together stay together ("No. 1", "Rostov-on-Don"); any white space between two becomes one space.
        var display = new System.Text.StringBuilder();
        for (var i = skip; i < tokens.Count; i++)
        {
            if (i > skip && ranges[i].Start > ranges[i - 1].End)
            {
                display.Append(' ');
            }

            display.Append(tokens[i]);
        }

        return display.ToString().Replace(" - ", "-", StringComparison.Ordinal);
    }

    private List<(int Root, Span Span, string Text)> Describe(IReadOnlyList<AnalyzedDocument> documents, List<Item> items, UnionFind sets)
    {
        var byDocument = items.GroupBy(m => m.DocumentIndex).ToDictionary(g => g.Key, g => g.ToDictionary(m => m.Mention.FirstToken));
        var personRoots = new HashSet<int>(items.GroupBy(m => sets.Find(m.Index)).Where(g => g.Count(m => m.Type == EntityType.Person) * 2 > g.Count()).Select(g => g.Key));
        var evidence = new Dictionary<int, HashSet<int>>();
        var pending = new List<(int OrgRoot, Span Span, string Text)>();
        for (var d = 0; d < documents.Count; d++)
        {
            if (!byDocument.TryGetValue(d, out var starts))
            {
                continue;
            }

            var doc = documents[d];
            string Word(int i) => i >= 0 && i < doc.Tokens.Count ? doc.Text.Substring(doc.Tokens[i].Start, doc.Tokens[i].Length) : string.Empty;
            bool IsPerson(Item m) => personRoots.Contains(sets.Find(m.Index));
            foreach (var org in starts.Values.Where(m => m.Type != EntityType.Person && !IsPerson(m)))
            {
                int descStart, descEnd;
                var after = org.Mention.FirstToken + org.Mention.TokenCount;
                if (Word(after) is "'s" or "’s")
                {
                    after++;
                }

                if (RoleWords.Contains(Word(after).ToLowerInvariant()))
                {
                    descStart = Word(org.Mention.FirstToken - 1).Equals("the", StringComparison.OrdinalIgnoreCase) ? org.Mention.FirstToken - 1 : org.Mention.FirstToken;
                    descEnd = after + 1;
                }
                else if (Word(org.Mention.FirstToken - 1) == "of" && RoleWords.Contains(Word(org.Mention.FirstToken - 2).ToLowerInvariant()) && Word(org.Mention.FirstToken - 3).Equals("the", StringComparison.OrdinalIgnoreCase))
                {
                    descStart = org.Mention.FirstToken - 3;
                    descEnd = org.Mention.FirstToken + org.Mention.TokenCount;
                }
                else
                {
                    continue;
                }

                var orgRoot = sets.Find(org.Index);
                var next = Word(descEnd) == "," ? descEnd + 1 : descEnd;
                Item? named = starts.TryGetValue(next, out var n) && IsPerson(n) ? n : null;
                if (named is null)
                {
                    var before = starts.Values.FirstOrDefault(m => IsPerson(m) && (m.Mention.FirstToken + m.Mention.TokenCount == descStart || (m.Mention.FirstToken + m.Mention.TokenCount == descStart - 1 && Word(descStart - 1) == ",")));
                    named = before;
                }

                if (named is not null)
                {
                    if (!evidence.TryGetValue(orgRoot, out var people))
                    {
                        evidence[orgRoot] = people = [];
                    }

                    people.Add(sets.Find(named.Index));
                    continue;
                }

                var first = doc.Tokens[descStart];
                var last = doc.Tokens[descEnd - 1];
                pending.Add((orgRoot, doc.SpanOf(new TextRange(first.Start, last.End)), doc.Text[first.Start..last.End]));
            }
        }

        var result = new List<(int, Span, string)>();
        foreach (var (orgRoot, span, text) in pending)
        {
            if (evidence.TryGetValue(orgRoot, out var people) && people.Select(sets.Find).Distinct().Count() == 1)
            {
                result.Add((sets.Find(people.First()), span, text));
            }
        }

        return result;
    }

    private List<Entity> Build(List<Item> items, List<(int Root, Span Span, string Text)> descriptions, UnionFind sets, IReadOnlyList<AnalyzedDocument> documents)
    {
        var order = documents.Select((d, i) => (d.Document.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var clusters = items.GroupBy(m => sets.Find(m.Index)).ToList();
        var described = descriptions.ToLookup(d => sets.Find(d.Root));
        var pins = _decisions.Items.Where(d => d.Action is AliasAction.Pin or AliasAction.Merge).ToList();
        var entities = new List<(Entity Entity, int Count)>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cluster in clusters)
        {
            var members = cluster.ToList();
            // Longer names vote more: "Ministry of Defense" (ORG) outweighs a few "MoD" tagged MISC.
            var voters = members.Where(m => !NameForms.LooksLikeAcronym(m.Form.Surface)).ToList();
            if (voters.Any(m => m.Settled))
            {
                voters = [.. voters.Where(m => m.Settled)];
            }

            var type = (voters.Count > 0 ? voters : members).GroupBy(m => m.Type).OrderByDescending(g => g.Sum(m => Math.Clamp(m.Form.Core.Count, 1, 3))).ThenBy(g => g.Key).First().Key;

            // A surname written alone before a noun ("the Bush administration") is tagged as what the noun names; a cluster
            // whose full names are mostly a person's, and whose single words are all that person's surname, is the person.
            var full = members.Where(m => m.Form.Core.Count >= 2).ToList();
            if (type != EntityType.Person && full.Count(m => m.Type == EntityType.Person) * 2 > full.Count
                && members.Where(m => m.Form.Core.Count == 1).All(m => full.Any(f => f.Type == EntityType.Person && f.Form.Core[^1] == m.Form.Core[0])))
            {
                type = EntityType.Person;
            }
            var name = Canonical(members, type);
            foreach (var merge in pins.Where(p => p.Action == AliasAction.Merge && members.Any(m => p.Names.Any(n => Matches(m, n)))))
            {
                name = merge.Names[0];
            }

            foreach (var pin in pins.Where(p => p.Action == AliasAction.Pin))
            {
                if (string.Equals(pin.Names[0], name, StringComparison.OrdinalIgnoreCase) || members.Any(m => Matches(m, pin.Names[0])))
                {
                    name = pin.Names[0];
                    type = pin.Type ?? type;
                }
            }

            var spans = members.Select(m => m.Mention.Span).Concat(described[cluster.Key].Select(d => d.Span))
                .OrderBy(s => order.GetValueOrDefault(s.DocumentId)).ThenBy(s => s.Start).ToList();
            var aliases = members.Select(m => m.Display).Concat(described[cluster.Key].Select(d => d.Text))
                .Where(a => a.Length > 0 && !string.Equals(a, name, StringComparison.OrdinalIgnoreCase))
                .GroupBy(a => a, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.First()).ToList();
            var id = "ent-" + Convert.ToHexStringLower(BitConverter.GetBytes(FeatureHash.Of(EntityTypes.ToName(type) + "|" + name.ToLowerInvariant())))[..10];
            while (!usedIds.Add(id))
            {
                id += "x";
            }

            var roles = members.Select(m => m.Mention.Role).Where(r => !string.IsNullOrWhiteSpace(r)).GroupBy(r => r!, StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.First()!).ToList();
            entities.Add((new Entity(id, name, type, aliases, spans) { Roles = roles }, spans.Count));
        }

        return [.. entities.OrderByDescending(e => e.Count).ThenBy(e => e.Entity.Name, StringComparer.Ordinal).Select(e => e.Entity)];
    }

    private static string Canonical(List<Item> members, EntityType type)
    {
        var best = members
            .Where(m => m.Display.Length > 0)
            .GroupBy(m => m.Display, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Count: g.Count(), Tokens: g.First().Form.Core.Count, Acronym: NameForms.LooksLikeAcronym(g.Key), Qualified: g.First().Form.Qualifier is not null, Capital: char.IsUpper(g.Key[0])))
            .OrderBy(c => c.Acronym)
            .ThenByDescending(c => c.Capital)
            .ThenByDescending(c => Math.Min(c.Tokens, type == EntityType.Person ? 2 : 4))
            .ThenByDescending(c => c.Qualified)
            .ThenByDescending(c => c.Count)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name ?? members[0].Mention.Text;
    }

    private sealed class Item(int index, int documentIndex, EntityMention mention, NameForm form, string display)
    {
        public int Index { get; } = index;

        public int DocumentIndex { get; } = documentIndex;

        public EntityMention Mention { get; } = mention;

        public NameForm Form { get; } = form;

        public string Display { get; } = display;

        public bool Frozen { get; set; }

        /// <summary>Whether the name's own words settled its type (a place head, a team, a first name): such forms decide their cluster's type.</summary>
        public bool Settled { get; set; }

        /// <summary>The core key of the team this place name stands for ("Kansas City" for the Chiefs), or null.</summary>
        public string? Team { get; set; }

        /// <summary>The type used for linking: the majority type of this name form in the corpus.</summary>
        public EntityType Type { get; set; } = mention.Type;
    }

    /// <summary>Mentions with one form that already share a cluster, and the documents they occur in.</summary>
    private sealed class CandidateGroup(Item representative)
    {
        // Per document: how many members occur there, and the first of them.
        private readonly Dictionary<int, (int Count, int First)> _perDocument = [];
        private int _count;
        private int _first = -1;

        public Item Representative { get; } = representative;

        public void Add(Item item)
        {
            _perDocument[item.DocumentIndex] = _perDocument.TryGetValue(item.DocumentIndex, out var seen) ? (seen.Count + 1, seen.First) : (1, item.Index);
            _first = _count++ == 0 ? item.Index : _first;
        }

        /// <summary>Whether the group is exactly the one mention <paramref name="index"/>.</summary>
        public bool IsOnly(int index) => _count == 1 && _first == index;

        /// <summary>Whether a mention other than <paramref name="except"/> occurs in document <paramref name="document"/>.</summary>
        public bool OccursIn(int document, int except) =>
            _perDocument.TryGetValue(document, out var seen) && (seen.Count > 1 || seen.First != except);
    }

    private sealed class UnionFind
    {
        private readonly int[] _parent;

        public UnionFind(int count)
        {
            _parent = new int[count];
            for (var i = 0; i < count; i++)
            {
                _parent[i] = i;
            }
        }

        public int Find(int i)
        {
            while (_parent[i] != i)
            {
                _parent[i] = _parent[_parent[i]];
                i = _parent[i];
            }

            return i;
        }

        public void Union(int a, int b)
        {
            var ra = Find(a);
            var rb = Find(b);
            if (ra != rb)
            {
                // The smaller index stays root, so results do not depend on the order of unions.
                if (ra < rb)
                {
                    _parent[rb] = ra;
                }
                else
                {
                    _parent[ra] = rb;
                }
            }
        }
    }
}
