using System.Text.RegularExpressions;

namespace Sitrep.Entities.Resolution;

/// <summary>
/// Which recognised people and organisations are actors of the story, by general rules over the corpus: bylines,
/// outlets and comment authors are its sources, not its actors; a word the texts also write in lower case ("coup",
/// "treason"), a capitalised word seen only where any word is capitalised (opening a sentence or a line: "Excavators
/// tearing up the road"), and a head noun several names end with ("HQ" of "Rostov HQ") are common nouns, not names.
/// Mentions are counted with every alias and the "defence ministry" form of a "Ministry of Defence" name.
/// </summary>
public static partial class ActorFilter
{
    /// <summary>
    /// The names of the corpus's sources: each outlet, author and post author as written, and each person of a
    /// byline that names several ("Tomas Verhoeven, Daria Kessel").
    /// </summary>
    public static IReadOnlySet<string> SourceNames(IEnumerable<string?> outletsAndAuthors)
    {
        ArgumentNullException.ThrowIfNull(outletsAndAuthors);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in outletsAndAuthors)
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

            // "The Baltic Ledger" is also written "the Ledger".
            var words = name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase) && words[^1].Length > 3)
            {
                names.Add(words[^1]);
            }
        }

        return names;
    }

    /// <summary>True when any of an entity's names is a source's name or starts with one ("Meridian Wire reporters").</summary>
    public static bool IsSource(IEnumerable<string> names, IReadOnlySet<string> sourceNames)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(sourceNames);
        return names.Any(n => sourceNames.Contains(n) || sourceNames.Any(s => s.Length > 3 && n.StartsWith(s + " ", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// True when a one-word name is a common noun: the texts also write it in lower case, or never capitalise it where
    /// a common word would not be (every capitalised use opens a sentence or a line), or two or more other names end with it.
    /// </summary>
    /// <param name="name">The entity's name.</param>
    /// <param name="aliases">Its other names: a multi-word alias shows a name.</param>
    /// <param name="otherNames">The names of the corpus's other entities.</param>
    /// <param name="cases">How the corpus writes its words (<see cref="WordCases.Of"/>).</param>
    public static bool IsCommonNoun(string name, IEnumerable<string> aliases, IEnumerable<string> otherNames, WordCases cases)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(aliases);
        ArgumentNullException.ThrowIfNull(otherNames);
        ArgumentNullException.ThrowIfNull(cases);
        if (name.Contains(' ', StringComparison.Ordinal) || name.Length < 2 || !char.IsUpper(name[0]) || aliases.Any(a => a.Contains(' ', StringComparison.Ordinal) && char.IsUpper(a[0])))
        {
            return false;
        }

        // A head noun ends several names ("Rostov HQ", "District HQ"); a surname ends one person's name.
        if (otherNames.Where(o => o.Length > name.Length + 1 && o.EndsWith(" " + name, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Count() >= 2)
        {
            return true;
        }

        var use = cases.Find(name);
        if (use.Lower)
        {
            return true;
        }

        // An all-capitals word (an acronym) is capitalised anywhere: where it stands says nothing.
        return use.Capitalised && !use.MidSentence && !IsAllCapitals(name);
    }

    /// <summary>
    /// <see cref="IsCommonNoun(string, IEnumerable{string}, IEnumerable{string}, WordCases)"/> over texts read once for
    /// this call; read them once with <see cref="WordCases.Of"/> to ask about many names.
    /// </summary>
    public static bool IsCommonNoun(string name, IEnumerable<string> aliases, IEnumerable<string> otherNames, IEnumerable<string> texts) =>
        IsCommonNoun(name, aliases, otherNames, WordCases.Of(texts));

    /// <summary>
    /// True when a one-word name the recogniser took for a person is an organisation's: the texts set it in apposition
    /// to an organisation noun ("the aviation agency, Rosaviatsia, said", "Rosaviatsia, the aviation regulator,") and
    /// never give it a person's title or first name.
    /// </summary>
    /// <param name="name">The entity's name.</param>
    /// <param name="texts">The corpus's texts.</param>
    public static bool NamesOrganisation(string name, IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(texts);
        if (name.Length < 3 || name.Contains(' ', StringComparison.Ordinal) || !char.IsUpper(name[0]))
        {
            return false;
        }

        var organisation = false;
        foreach (var text in texts)
        {
            foreach (var (at, _) in WholeWords(text, name, StringComparison.Ordinal))
            {
                var before = text[Math.Max(0, at - 60)..at];
                var after = text[(at + name.Length)..Math.Min(text.Length, at + name.Length + 60)];
                if (PersonBefore().IsMatch(before))
                {
                    return false;
                }

                organisation |= OrganisationBefore().IsMatch(before) || OrganisationAfter().IsMatch(after);
            }
        }

        return organisation;
    }

    /// <summary>
    /// Mentions and documents of an entity counted over the texts with all its names: the longest name first, so
    /// "Yevgeny Prigozhin" is one mention, not two; a name of the form "Ministry of Defence" also as "defence ministry".
    /// </summary>
    /// <returns>The mention count and the ids of the documents that mention it.</returns>
    public static (int Mentions, IReadOnlyList<string> Documents) CountMentions(IEnumerable<string> names, IReadOnlyDictionary<string, string> texts)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(texts);
        var forms = new List<(string Form, StringComparison Comparison)>();
        foreach (var name in names.Where(n => n.Length >= 2).Distinct(StringComparer.Ordinal))
        {
            forms.Add((name, StringComparison.Ordinal));
            if (OfName().Match(name) is { Success: true } m)
            {
                forms.Add(($"{m.Groups["what"].Value} {m.Groups["head"].Value}".ToLowerInvariant(), StringComparison.OrdinalIgnoreCase));
            }
        }

        forms.Sort((a, b) => b.Form.Length.CompareTo(a.Form.Length));
        var mentions = 0;
        var documents = new List<string>();
        foreach (var (id, text) in texts)
        {
            var taken = new List<(int Start, int End)>();
            foreach (var (form, comparison) in forms)
            {
                foreach (var (at, _) in WholeWords(text, form, comparison))
                {
                    if (!taken.Any(t => at < t.End && at + form.Length > t.Start))
                    {
                        taken.Add((at, at + form.Length));
                    }
                }
            }

            if (taken.Count > 0)
            {
                mentions += taken.Count;
                documents.Add(id);
            }
        }

        return (mentions, documents);
    }

    private static IEnumerable<(int At, string Word)> WholeWords(string text, string word, StringComparison comparison)
    {
        var at = text.IndexOf(word, comparison);
        while (at >= 0)
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var after = at + word.Length >= text.Length || !char.IsLetterOrDigit(text[at + word.Length]);
            if (before && after)
            {
                yield return (at, text.Substring(at, word.Length));
            }

            at = text.IndexOf(word, at + 1, comparison);
        }
    }

    /// <summary>True when the word at <paramref name="at"/> is the first of a sentence, a line or a quotation.</summary>
    internal static bool OpensSentence(string text, int at)
    {
        var i = at - 1;
        while (i >= 0 && text[i] is ' ' or '\t' or '"' or '“' or '‘' or '\'' or '(' or '*' or '#' or '-' or '•' or '>')
        {
            i--;
        }

        return i < 0 || text[i] is '\n' or '\r' or '.' or '!' or '?' or ':' or '—' or '–';
    }

    private static bool IsAllCapitals(string word) => word.All(c => !char.IsLetter(c) || char.IsUpper(c));

    private const string OrganisationNouns = "agency|ministry|committee|service|regulator|authority|company|operator|office|bureau|watchdog|broadcaster|carrier|airline|commission|council|directorate|administration";

    [GeneratedRegex(@"\b(" + OrganisationNouns + @")\s*,\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OrganisationBefore();

    [GeneratedRegex(@"^\s*,\s+(the|a|an|its)\s+([\p{L}\-']+\s+){0,3}(" + OrganisationNouns + @")\b(?!['’]s)", RegexOptions.IgnoreCase)]
    private static partial Regex OrganisationAfter();

    // A title or a first name just before the name shows a person ("Mr", "General", "Dmitry").
    [GeneratedRegex(@"\b(Mr|Mrs|Ms|Dr|General|President|Minister|spokesman|spokeswoman|Colonel|Major|Captain)\.?\s+$")]
    private static partial Regex PersonBefore();

    [GeneratedRegex(@"\s*(,|;|/|\band\b|&)\s*")]
    private static partial Regex Separators();

    // "Ministry of Defence" → "defence ministry"; "Ministry of Foreign Affairs" → "foreign affairs ministry".
    [GeneratedRegex(@"^(?<head>Ministry|Department|Office|Committee|Service|Council|Agency)\s+of\s+(the\s+)?(?<what>\p{L}+(\s\p{L}+)?)$")]
    private static partial Regex OfName();
}

/// <summary>How a corpus writes each of its words: in lower case anywhere, capitalised mid-sentence, capitalised at all.</summary>
public sealed class WordCases
{
    private readonly Dictionary<string, Use> _words;

    private WordCases(Dictionary<string, Use> words) => _words = words;

    /// <summary>How a word is written.</summary>
    /// <param name="Lower">Written all in lower case somewhere.</param>
    /// <param name="Capitalised">Written with its capital somewhere.</param>
    /// <param name="MidSentence">Written with its capital somewhere other than the start of a sentence or a line.</param>
    public readonly record struct Use(bool Lower, bool Capitalised, bool MidSentence);

    /// <summary>Reads the texts once (words are runs of letters and digits).</summary>
    public static WordCases Of(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var words = new Dictionary<string, Use>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var i = 0;
            while (i < text.Length)
            {
                if (!char.IsLetterOrDigit(text[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }

                var word = text[start..i];
                var key = word.ToLowerInvariant();
                var use = words.GetValueOrDefault(key);
                if (string.Equals(word, key, StringComparison.Ordinal))
                {
                    use = use with { Lower = true };
                }
                else
                {
                    use = use with { Capitalised = true, MidSentence = use.MidSentence || !ActorFilter.OpensSentence(text, start) };
                }

                words[key] = use;
            }
        }

        return new WordCases(words);
    }

    /// <summary>How <paramref name="word"/> (any case) is written in the corpus; all false when it is not.</summary>
    public Use Find(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return _words.GetValueOrDefault(word.ToLowerInvariant());
    }
}
