using System.Globalization;
using System.Text;
using Sitrep.Entities.Gazetteers;
using Sitrep.Text;

namespace Sitrep.Entities.Resolution;

/// <summary>A mention's name reduced to what identifies it.</summary>
/// <param name="Qualifier">Country that qualifies an organisation (russia for "Russian MoD"), or null.</param>
/// <param name="Core">Normalised tokens: titles, articles and possessives removed, spelling and transliteration folded.</param>
/// <param name="Surface">The cleaned surface form as written (titles and articles removed), for display.</param>
public sealed record NameForm(string? Qualifier, IReadOnlyList<string> Core, string Surface)
{
    /// <summary>Qualifier and core as one key.</summary>
    public string Key { get; } = (Qualifier ?? string.Empty) + "|" + string.Join(' ', Core);

    /// <summary>The core alone as one key.</summary>
    public string CoreKey { get; } = string.Join(' ', Core);
}

/// <summary>
/// The alias rules, one method each: stripping titles and roles, folding transliteration variants and British
/// spellings, acronyms, possessives, generic organisation heads ("Group", "PMC") and country qualifiers.
/// </summary>
public static class NameForms
{
    private static readonly HashSet<string> Titles = new(WordLists.Titles, StringComparer.Ordinal);

    private static readonly HashSet<string> PlainWords = new(
        WordLists.OrgWords.Concat(WordLists.Titles).Concat(["defense", "foreign", "interior", "finance", "justice", "affairs", "military", "private", "emergency", "emergencies", "national", "federal", "state", "republic", "federation", "united", "kingdom", "states"]),
        StringComparer.Ordinal);

    private static readonly Dictionary<string, string> Spellings = new(StringComparer.Ordinal)
    {
        ["defence"] = "defense",
        ["organisation"] = "organization",
        ["centre"] = "center",
        ["programme"] = "program",
        ["labour"] = "labor",
        ["armour"] = "armor",
        ["ministery"] = "ministry",
        ["mt"] = "mount",
        ["mt."] = "mount",
    };

    private static readonly HashSet<string> GenericOrgHeads = new(
        ["group", "company", "corporation", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "llc", "plc", "pmc", "co", "co."],
        StringComparer.Ordinal);

    private static readonly HashSet<string> MinistryTopics = new(
        ["defense", "foreign", "interior", "finance", "justice", "health", "emergency", "emergencies", "economy", "energy", "education", "culture", "trade", "agriculture"],
        StringComparer.Ordinal);

    /// <summary>Reduces a mention to its name form.</summary>
    /// <param name="text">The mention as written.</param>
    /// <param name="type">Its type.</param>
    /// <param name="demonyms">Demonym → country (lowercase).</param>
    /// <param name="contextQualifier">A country named just before the mention ("Russia's Ministry of Defence"), or null.</param>
    public static NameForm Of(string text, EntityType type, IReadOnlyDictionary<string, string> demonyms, string? contextQualifier = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(demonyms);
        var tokens = Tokenizer.Tokenize(text).Select(t => text[t.Start..t.End]).Where(t => t.Any(char.IsLetterOrDigit) || t is "'s" or "’s").ToList();
        StripPossessive(tokens);
        var qualifier = contextQualifier;
        var changed = true;
        while (changed && tokens.Count > 1)
        {
            changed = false;
            var lower = tokens[0].ToLowerInvariant();
            if (lower is "the" or "a" or "an")
            {
                tokens.RemoveAt(0);
                changed = true;
            }
            else if (type is EntityType.Person or EntityType.Miscellaneous && (IsTitle(lower) || (demonyms.ContainsKey(lower) && IsTitle(tokens[1].ToLowerInvariant())) || char.IsLower(tokens[0][0])))
            {
                tokens.RemoveAt(0);
                changed = true;
            }
            else if (type == EntityType.Organization && demonyms.TryGetValue(lower, out var country))
            {
                qualifier = country;
                tokens.RemoveAt(0);
                changed = true;
            }
        }

        // "Arcade Joseph Comeaux Jr." is Arcade Joseph Comeaux: a generational suffix is not part of what identifies him.
        while (tokens.Count >= 3 && IsGenerationalSuffix(tokens[^1]))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        var surface = string.Join(' ', tokens);
        // "SAP-Arena" and "SAP Arena", "Mat-Maid" and "Mat Maid" are one name: the capitalised parts of a hyphenated
        // name count as words, except in a person's name (a double surname stays one word) and where a part is a country
        // ("Russia-Africa" is a relation between two places, not one name).
        var core = tokens.SelectMany((t, i) => type != EntityType.Person && IsHyphenatedName(tokens, i, demonyms) ? t.Split('-').Select(Fold) : [Fold(t)]).Where(t => t.Length > 0).ToList();
        if (type == EntityType.Organization || type == EntityType.Miscellaneous)
        {
            core = ReorderMinistry(core);
        }

        return new NameForm(qualifier, core, surface);
    }

    private static bool IsHyphenatedName(List<string> tokens, int i, IReadOnlyDictionary<string, string> demonyms) =>
        i < tokens.Count && tokens[i].Split('-') is { Length: >= 2 } parts && parts.All(p => p.Length >= 2 && char.IsUpper(p[0]) && p.All(char.IsLetter))
        && parts.Any(p => p.Any(char.IsLower)) && !parts.Any(p => demonyms.ContainsKey(p.ToLowerInvariant()) || demonyms.Values.Contains(p.ToLowerInvariant(), StringComparer.Ordinal));

    /// <summary>True for a generational suffix that follows a person's name (Jr., Sr., III).</summary>
    public static bool IsGenerationalSuffix(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.TrimEnd('.') is "Jr" or "JR" or "jr" or "Sr" or "SR" or "sr" or "II" or "III" or "IV";
    }

    /// <summary>True for a title or role word (President, Gen., former).</summary>
    public static bool IsTitle(string lower) => Titles.Contains(lower) || Titles.Contains(lower.TrimEnd('.'));

    /// <summary>Removes a trailing possessive ('s, ’s, ') token or suffix.</summary>
    public static void StripPossessive(List<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        while (tokens.Count > 1 && tokens[^1] is "'s" or "’s" or "'" or "’" or "s'")
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        if (tokens.Count > 0)
        {
            var last = tokens[^1];
            if (last.Length > 2 && (last.EndsWith("'s", StringComparison.Ordinal) || last.EndsWith("’s", StringComparison.Ordinal)))
            {
                tokens[^1] = last[..^2];
            }
        }
    }

    /// <summary>
    /// Folds one token: lowercase, accents removed, British spellings to American, and the usual variation of Russian
    /// and Belarusian transliteration (Yevgeny/Evgeny/Evgeniy, Aleksandr/Alexander, Lukashenko/Lukashenka,
    /// Sergei/Sergey).
    /// </summary>
    public static string Fold(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        token = Gazetteers.CyrillicNames.ToLatin(token);
        var lower = RemoveAccents(token.ToLowerInvariant()).Replace("'", string.Empty, StringComparison.Ordinal).Replace("’", string.Empty, StringComparison.Ordinal);
        if (Spellings.TryGetValue(lower, out var american))
        {
            return american;
        }

        if (lower.Length < 4 || !lower.All(char.IsLetter) || PlainWords.Contains(lower))
        {
            return lower;
        }

        var s = lower.Replace("x", "ks", StringComparison.Ordinal);
        if (s.StartsWith("ye", StringComparison.Ordinal))
        {
            s = s[1..];
        }

        if (s.StartsWith("yu", StringComparison.Ordinal) || s.StartsWith("ya", StringComparison.Ordinal))
        {
            s = "i" + s[1..];
        }

        s = s.Replace('y', 'i').Replace('j', 'i');
        if (s.EndsWith("ndr", StringComparison.Ordinal))
        {
            s = s[..^3] + "nder";
        }

        if (s.EndsWith("enka", StringComparison.Ordinal))
        {
            s = s[..^4] + "enko";
        }

        var collapsed = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (collapsed.Length == 0 || collapsed[^1] != c)
            {
                collapsed.Append(c);
            }
        }

        return collapsed.ToString();
    }

    /// <summary>True when <paramref name="acronym"/> (MoD, FSB, U.S.) abbreviates the core tokens.</summary>
    public static bool IsAcronymOf(string acronym, IReadOnlyList<string> core)
    {
        ArgumentNullException.ThrowIfNull(acronym);
        ArgumentNullException.ThrowIfNull(core);
        if (core.Count < 2)
        {
            return false;
        }

        var letters = new string([.. acronym.Where(char.IsLetter)]).ToLowerInvariant();
        var capitals = new string([.. acronym.Where(char.IsUpper)]).ToLowerInvariant();
        if (letters.Length < 2)
        {
            return false;
        }

        var all = new string([.. core.Select(t => t[0])]);
        var content = new string([.. core.Where(t => t is not ("of" or "the" or "and" or "for" or "on" or "de")).Select(t => t[0])]);
        return string.Equals(letters, all, StringComparison.Ordinal) || (capitals.Length >= 2 && string.Equals(capitals, content, StringComparison.Ordinal));
    }

    /// <summary>The lowercase letters of an acronym (MoD → mod, U.S. → us).</summary>
    public static string AcronymLetters(string acronym)
    {
        ArgumentNullException.ThrowIfNull(acronym);
        return new string([.. acronym.Where(char.IsLetter)]).ToLowerInvariant();
    }

    /// <summary>The keys an acronym of these core tokens could have: initials of all words, and of content words.</summary>
    public static IEnumerable<string> AcronymKeys(IReadOnlyList<string> core)
    {
        ArgumentNullException.ThrowIfNull(core);
        var all = new string([.. core.Where(t => t.Length > 0).Select(t => t[0])]);
        var content = new string([.. core.Where(t => t.Length > 0 && t is not ("of" or "the" or "and" or "for" or "on" or "de")).Select(t => t[0])]);
        return all == content ? [all] : [all, content];
    }

    /// <summary>True when a written token looks like an acronym: letters with at least two capitals, no lowercase run longer than one.</summary>
    public static bool LooksLikeAcronym(string surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        if (surface.Contains(' ', StringComparison.Ordinal) || surface.Length < 2 || surface.Length > 8)
        {
            return false;
        }

        var capitals = surface.Count(char.IsUpper);
        return capitals >= 2 && surface.All(c => char.IsLetter(c) || c is '.' or '&' or '-') && surface.Count(char.IsLower) <= 1 && !surface.StartsWith('-') && !surface.EndsWith('-');
    }

    /// <summary>The organisation's name without generic heads: "Wagner Group", "PMC Wagner" and "Wagner" all give "wagner".</summary>
    public static string Stem(IReadOnlyList<string> core)
    {
        ArgumentNullException.ThrowIfNull(core);
        var kept = core.Where(t => !GenericOrgHeads.Contains(t)).ToList();
        if (kept.Count >= 2 && kept[^2] is "private" && kept[^1] is "military")
        {
            kept.RemoveRange(kept.Count - 2, 2);
        }

        if (kept.Count >= 2 && kept[0] is "private" && kept[1] is "military")
        {
            kept.RemoveRange(0, 2);
        }

        return kept.Count == 0 ? string.Join(' ', core) : string.Join(' ', kept);
    }

    /// <summary>"Defense Ministry" and "Ministry of Defense" read alike: topic ministry → ministry of topic.</summary>
    public static List<string> ReorderMinistry(List<string> core)
    {
        ArgumentNullException.ThrowIfNull(core);
        if (core.Count == 2 && core[1] == "ministry" && MinistryTopics.Contains(core[0]))
        {
            return ["ministry", "of", core[0]];
        }

        if (core.Count == 2 && core[1] == "ministry" && core[0] == "foreign")
        {
            return ["ministry", "of", "foreign", "affairs"];
        }

        if (core.Count == 4 && core[0] == "ministry" && core[1] == "of" && core[2] == "foreign" && core[3] == "affairs")
        {
            return ["ministry", "of", "foreign", "affairs"];
        }

        return core;
    }

    private static string RemoveAccents(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
