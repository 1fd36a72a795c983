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

    /// <summary>
    /// The people a report's credit line names: "(Reporting by Tomas Verhoeven in Riga; editing by Hanne Lystad)",
    /// "Additional reporting by Daria Kessel", "Writing by …", "Compiled by …". They made the report; they are its
    /// sources, not the story's actors. A line counts only when it is a credit as a whole (it opens with the credit,
    /// in parentheses or not, and is short); the names are the capitalised words after each "by".
    /// </summary>
    public static IEnumerable<string> CreditNames(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var text in texts)
        {
            foreach (Match line in CreditLine().Matches(text ?? string.Empty))
            {
                foreach (Match name in CreditedName().Matches(line.Value))
                {
                    yield return name.Groups["name"].Value;
                }
            }
        }
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
        ArgumentNullException.ThrowIfNull(otherNames);
        return IsCommonNoun(name, aliases, NameEndings.Of(otherNames), cases);
    }

    /// <summary>
    /// <see cref="IsCommonNoun(string, IEnumerable{string}, IEnumerable{string}, WordCases)"/> with the other names read
    /// once (<see cref="NameEndings.Of"/>): asking about every entity of a corpus then costs one look-up each, not a pass
    /// over every other name.
    /// </summary>
    public static bool IsCommonNoun(string name, IEnumerable<string> aliases, NameEndings otherNames, WordCases cases)
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
        if (otherNames.EndingWith(name) >= 2)
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
        return NamingOrganisations([name], texts).Count > 0;
    }

    /// <summary>
    /// The names of <paramref name="names"/> for which <see cref="NamesOrganisation"/> holds, the texts read once for
    /// all of them: a name made of letters and digits is looked up at each word of the texts instead of searched for
    /// through every text, which made typing a corpus's people cost people × corpus.
    /// </summary>
    /// <param name="names">The entities' names.</param>
    /// <param name="texts">The corpus's texts.</param>
    public static IReadOnlySet<string> NamingOrganisations(IEnumerable<string> names, IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(texts);
        var wanted = names.Where(n => n.Length >= 3 && !n.Contains(' ', StringComparison.Ordinal) && char.IsUpper(n[0])).ToHashSet(StringComparer.Ordinal);
        var organisations = new HashSet<string>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return organisations;
        }

        var people = new HashSet<string>(StringComparer.Ordinal);
        void Judge(string text, int at, string name)
        {
            if (people.Contains(name))
            {
                return;
            }

            var before = text[Math.Max(0, at - 60)..at];
            var after = text[(at + name.Length)..Math.Min(text.Length, at + name.Length + 60)];
            if (PersonBefore().IsMatch(before))
            {
                // One title or first name before any of its uses shows a person, wherever it stands.
                people.Add(name);
            }
            else if (OrganisationBefore().IsMatch(before) || OrganisationAfter().IsMatch(after))
            {
                organisations.Add(name);
            }
        }

        // A whole-word use of a name made only of letters and digits is exactly a run of letters and digits equal to it.
        var words = wanted.Where(n => n.All(char.IsLetterOrDigit)).ToHashSet(StringComparer.Ordinal);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        var textList = texts as IReadOnlyList<string> ?? [.. texts];
        foreach (var text in textList)
        {
            foreach (var (start, end) in LetterRuns(text))
            {
                if (lookup.TryGetValue(text.AsSpan(start, end - start), out var name))
                {
                    Judge(text, start, name);
                }
            }
        }

        foreach (var name in wanted.Where(n => !words.Contains(n)))
        {
            foreach (var text in textList)
            {
                foreach (var (at, _) in WholeWords(text, name, StringComparison.Ordinal))
                {
                    Judge(text, at, name);
                }
            }
        }

        organisations.ExceptWith(people);
        return organisations;
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

    /// <summary>The runs of letters and digits of <paramref name="text"/>, as start and end offsets.</summary>
    internal static IEnumerable<(int Start, int End)> LetterRuns(string text)
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

            yield return (start, i);
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

    // A whole line that is a credit: "(Reporting by …; editing by …)", "Additional reporting by …", at most 240 characters.
    [GeneratedRegex(@"(?im)^[ \t]*\(?[ \t]*(additional\s+)?(reporting|writing|editing|compiled|edited|produced|translated)\s+by\s[^\r\n]{1,240}$")]
    private static partial Regex CreditLine();

    // A person named after "by" or after "and" or "," within a credit: two to four capitalised words.
    [GeneratedRegex(@"(?:\bby|\band|,)\s+(?<name>\p{Lu}[\p{L}'\-]+(?:\s+\p{Lu}[\p{L}'\-]+){1,3})")]
    private static partial Regex CreditedName();

    // "Ministry of Defence" → "defence ministry"; "Ministry of Foreign Affairs" → "foreign affairs ministry".
    [GeneratedRegex(@"^(?<head>Ministry|Department|Office|Committee|Service|Council|Agency)\s+of\s+(the\s+)?(?<what>\p{L}+(\s\p{L}+)?)$")]
    private static partial Regex OfName();
}

/// <summary>
/// The names of a corpus's entities by their last word, read once: how many distinct names end with a given word after
/// a space ("Rostov HQ" and "District HQ" end with "HQ").
/// </summary>
public sealed class NameEndings
{
    private readonly Dictionary<string, HashSet<string>> _byLastWord;

    private NameEndings(Dictionary<string, HashSet<string>> byLastWord) => _byLastWord = byLastWord;

    /// <summary>Reads the names once.</summary>
    public static NameEndings Of(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var byLastWord = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            // Only a name with something before its last space can end with " " + word and be longer than it.
            var space = name.LastIndexOf(' ');
            if (space < 1)
            {
                continue;
            }

            var last = name[(space + 1)..];
            if (!byLastWord.TryGetValue(last, out var set))
            {
                byLastWord[last] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(name);
        }

        return new NameEndings(byLastWord);
    }

    /// <summary>
    /// How many distinct names are longer than <paramref name="word"/> and a space and end with a space and the word;
    /// <paramref name="word"/> holds no space.
    /// </summary>
    public int EndingWith(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return _byLastWord.TryGetValue(word, out var names) ? names.Count : 0;
    }
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
            foreach (var (start, end) in ActorFilter.LetterRuns(text))
            {
                var word = text[start..end];
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
