namespace Sitrep.Entities.Resolution;

/// <summary>
/// Deterministic repairs of the tagger's chunks, applied per document before filtering: cut at a possessive
/// ("Putin 's loyalists" → "Putin"), cut a hyphenated modifier ("Lukashenko-brokered" → "Lukashenko"), extend a person
/// over the capitalised name words that follow it, give the second of "X and Y" the type of the first, and tag again
/// the words the document already names elsewhere (document consistency).
/// </summary>
internal static class MentionRepair
{
    /// <summary>A chunk in token and character terms.</summary>
    /// <param name="Start">First token (within the slice).</param>
    /// <param name="End">One past the last token.</param>
    /// <param name="Type">Type.</param>
    /// <param name="CharEnd">When the last token is cut (hyphenated modifier), the character offset within it to stop at; otherwise -1.</param>
    /// <param name="RoleStart">When a title or role was split off the front ("Deputy Prosecuting Attorney" before "Jacob Howell"), its first token; otherwise -1.</param>
    public readonly record struct Chunk(int Start, int End, EntityType Type, int CharEnd = -1, int RoleStart = -1);

    public static void Repair(IReadOnlyList<string[]> slices, List<List<Chunk>> chunks, Func<string, bool>? isFirstName = null, Func<string, bool>? isPlace = null)
    {
        ArgumentNullException.ThrowIfNull(slices);
        isFirstName ??= _ => false;
        isPlace ??= _ => false;
        var lowercase = new HashSet<string>(slices.SelectMany(w => w.Skip(1)).Where(w => w.Length > 1 && char.IsLower(w[0])), StringComparer.Ordinal);
        var known = new Dictionary<string, EntityType>(StringComparer.Ordinal);
        for (var k = 0; k < slices.Count; k++)
        {
            var words = slices[k];
            var list = chunks[k];
            for (var c = 0; c < list.Count; c++)
            {
                list[c] = CutLeadingCalendarWord(words, list[c]);
                list[c] = CutPossessive(words, list[c]);
                list[c] = CutAtNonName(words, list[c]);
                list[c] = CutTrailingRole(words, list[c]);
                list[c] = CutHyphenModifier(words, list[c]);
                list[c] = ExtendPerson(words, list[c], c + 1 < list.Count ? list[c + 1].Start : words.Length);
                list[c] = ExtendOrganizationOf(words, list[c], c + 1 < list.Count ? list[c + 1] : null);
                list[c] = TrimTrailingConnectors(words, list[c]);
                list[c] = CutTrailingWeekday(words, list[c]);
                list[c] = SplitLeadingRole(words, list[c], isFirstName);
            }

            JoinOrganizationParts(words, list);
            ExtendOrganizationLeft(words, list, lowercase);
            JoinTeamNames(words, list, isPlace, lowercase);
            AddCoordinated(words, list);
            foreach (var chunk in list)
            {
                if (chunk.Type == EntityType.Person && chunk.End - chunk.Start >= 2 && chunk.CharEnd < 0)
                {
                    known.TryAdd(words[chunk.End - 1], EntityType.Person);
                }
                else if (chunk.End - chunk.Start == 1 && chunk.CharEnd < 0 && words[chunk.Start].Length > 2)
                {
                    known.TryAdd(words[chunk.Start], chunk.Type);
                }
            }
        }

        for (var k = 0; k < slices.Count; k++)
        {
            AddKnown(slices[k], chunks[k], known);
        }

    }

    private static bool IsNameWord(string w) =>
        w.Length > 1 && char.IsUpper(w[0]) && w.All(c => char.IsLetter(c) || c is '-' or '\'' or '’') && !MentionFilter.IsClosedClass(w);

    /// <summary>"24 June Wagner fighters": a month or weekday never begins a longer name.</summary>
    private static Chunk CutLeadingCalendarWord(string[] words, Chunk chunk) =>
        chunk.End - chunk.Start >= 2 && MentionFilter.IsCalendarWord(words[chunk.Start]) ? chunk with { Start = chunk.Start + 1 } : chunk;

    /// <summary>"Queens Friday", "Morningside Recovery Center Thursday": a weekday never ends a name.</summary>
    private static Chunk CutTrailingWeekday(string[] words, Chunk chunk) =>
        chunk.End - chunk.Start >= 2 && chunk.CharEnd < 0 && words[chunk.End - 1].ToLowerInvariant() is "monday" or "tuesday" or "wednesday" or "thursday" or "friday" or "saturday" or "sunday"
            ? chunk with { End = chunk.End - 1 }
            : chunk;

    private static readonly HashSet<string> RoleWords = new(Gazetteers.WordLists.Titles.Concat(Gazetteers.WordLists.PersonRoles), StringComparer.Ordinal);

    /// <summary>True for a title or a role that can stand before a person's name (Actress, Quarterback, Attorney, Gen.).</summary>
    internal static bool IsRoleWord(string word) => RoleWords.Contains(word.ToLowerInvariant()) || RoleWords.Contains(word.ToLowerInvariant().TrimEnd('.'));

    /// <summary>
    /// "Crawford County Deputy Prosecuting Attorney Jacob Howell", "Actress Lindsay Lohan": a role word right before one
    /// to three name words makes those words the person and the words before them the role, kept apart. A chunk the tagger
    /// did not read as a person must end in a name that opens with a known first name ("Attorney General" stays whole).
    /// </summary>
    private static Chunk SplitLeadingRole(string[] words, Chunk chunk, Func<string, bool> isFirstName)
    {
        if (chunk.CharEnd >= 0 || chunk.End - chunk.Start < 2)
        {
            return chunk;
        }

        for (var k = chunk.Start + 1; k < chunk.End && k <= chunk.Start + 7; k++)
        {
            var name = chunk.End - k;
            if (name > 3 || !IsRoleWord(words[k - 1]))
            {
                continue;
            }

            var nameWords = words.AsSpan(k, name).ToArray();
            if (nameWords.Any(w => !IsNameWord(w) || IsRoleWord(w) || OrgHeads.Contains(w.ToLowerInvariant())))
            {
                continue;
            }

            var person = chunk.Type == EntityType.Person ? name >= 1 : name >= 2 && isFirstName(nameWords[0].ToLowerInvariant());
            if (person)
            {
                return chunk with { Start = k, Type = EntityType.Person, RoleStart = chunk.Start };
            }
        }

        return chunk;
    }

    private static Chunk CutPossessive(string[] words, Chunk chunk)
    {
        for (var i = chunk.Start + 1; i < chunk.End; i++)
        {
            if (words[i] is "'s" or "’s" or "'" or "’")
            {
                return chunk with { End = i, CharEnd = -1 };
            }
        }

        return chunk;
    }

    private static readonly HashSet<string> Connectors = new(
        ["of", "the", "for", "and", "de", "del", "da", "di", "du", "des", "der", "den", "von", "van", "al", "el", "bin", "ibn", "la", "le", "y", "&", "on", "in", "-", "."],
        StringComparer.Ordinal);

    private static bool CapitalAfterHyphen(string w)
    {
        for (var i = w.IndexOf('-', StringComparison.Ordinal); i >= 0 && i < w.Length - 1; i = w.IndexOf('-', i + 1))
        {
            if (char.IsUpper(w[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Cuts a chunk before the first word that cannot be inside a name (punctuation, a lowercase content word).</summary>
    private static Chunk CutAtNonName(string[] words, Chunk chunk)
    {
        for (var i = chunk.Start + 1; i < chunk.End; i++)
        {
            var w = words[i];
            // A lowercase word joined by a hyphen stays inside a name only when a capital follows the hyphen ("al-Assad",
            // "bin-Laden"); "pee-story" after a surname is a common noun, not part of the name.
            var bad = !Connectors.Contains(w) && (!w.Any(char.IsLetterOrDigit) || (char.IsLower(w[0]) && !CapitalAfterHyphen(w)));
            if (bad)
            {
                var end = i;
                while (end > chunk.Start + 1 && Connectors.Contains(words[end - 1]))
                {
                    end--;
                }

                return chunk with { End = end, CharEnd = -1 };
            }
        }

        return chunk;
    }

    private static readonly HashSet<string> Roles = new(["chief", "leader", "boss", "head", "founder", "financier", "owner", "commander"], StringComparer.Ordinal);

    /// <summary>"Wagner Group Chief" is a description of a person, not an organisation: the role word leaves the chunk.</summary>
    private static Chunk CutTrailingRole(string[] words, Chunk chunk) =>
        chunk.Type != EntityType.Person && chunk.End - chunk.Start >= 2 && chunk.CharEnd < 0 && Roles.Contains(words[chunk.End - 1].ToLowerInvariant())
            ? chunk with { End = chunk.End - 1 }
            : chunk;

    private static Chunk CutHyphenModifier(string[] words, Chunk chunk)
    {
        if (chunk.End - chunk.Start != 1)
        {
            return chunk;
        }

        var w = words[chunk.Start];
        var hyphen = w.LastIndexOf('-');
        if (hyphen > 1 && hyphen < w.Length - 1 && char.IsLower(w[hyphen + 1]) && char.IsUpper(w[0]))
        {
            return chunk with { CharEnd = hyphen };
        }

        return chunk;
    }

    private static Chunk ExtendPerson(string[] words, Chunk chunk, int limit)
    {
        if (chunk.Type != EntityType.Person || chunk.CharEnd >= 0)
        {
            return chunk;
        }

        var end = chunk.End;
        while (end < limit && end - chunk.Start < 5 && IsNameWord(words[end]))
        {
            end++;
        }

        return chunk with { End = end };
    }

    private static readonly HashSet<string> OrgHeads = new(Gazetteers.WordLists.OrgWords, StringComparer.Ordinal);

    /// <summary>"Ministry" + "of Defense": an organisation head followed by "of" and capitalised words takes them in.</summary>
    private static Chunk ExtendOrganizationOf(string[] words, Chunk chunk, Chunk? next)
    {
        if (chunk.Type is EntityType.Person or EntityType.Location || chunk.CharEnd >= 0 || chunk.End + 1 >= words.Length
            || words[chunk.End] != "of" || !OrgHeads.Contains(words[chunk.End - 1].ToLowerInvariant()))
        {
            return chunk;
        }

        var end = chunk.End + 1;
        var limit = next is { } n && n.Start > chunk.End + 1 ? n.Start : words.Length;
        if (next is { } m && m.Start == end)
        {
            return chunk;
        }

        while (end < limit && end - chunk.End < 4 && IsNameWord(words[end]))
        {
            end++;
        }

        return end > chunk.End + 1 ? chunk with { End = end, Type = EntityType.Organization } : chunk;
    }

    /// <summary>
    /// A name never ends in a connector or a full stop ("Institute of"), except a numbered one, which takes its number:
    /// "Board No ." + "1" is "Board No. 1".
    /// </summary>
    private static Chunk TrimTrailingConnectors(string[] words, Chunk chunk)
    {
        if (chunk.CharEnd >= 0)
        {
            return chunk;
        }

        var end = chunk.End;

        // The number sign ends the chunk, with or without its full stop: the number follows the stop, or the sign goes.
        var sign = words[end - 1] is "No" or "Nr" ? end - 1 : end >= 2 && words[end - 1] == "." && words[end - 2] is "No" or "Nr" ? end - 2 : -1;
        if (sign >= chunk.Start && end - chunk.Start >= 2 && sign + 1 < words.Length && words[sign + 1] == ".")
        {
            var number = sign + 2;
            return number < words.Length && words[number].All(char.IsAsciiDigit) ? chunk with { End = number + 1 } : chunk with { End = sign };
        }

        while (end > chunk.Start + 1 && Connectors.Contains(words[end - 1]))
        {
            end--;
        }

        return end == chunk.End ? chunk : chunk with { End = end };
    }

    /// <summary>
    /// "Nordic Institute" + "for" + "Security Studies": the tagger often splits a long organisation name at its
    /// connector. An organisation that ends in a head word (institute, ministry, council …) followed by "for", "of" or
    /// "on" (optionally "the") and, right after, another chunk is one organisation.
    /// </summary>
    /// <summary>
    /// "Kansas City Chiefs", "Philadelphia 76ers": a known place right before a capitalised or numbered plural that the
    /// tagger read as a name of its own or left untagged ("76ers", or a plural the document never writes in lowercase) is a team's name, one organisation; the tagger often
    /// cuts it into the place and the plural.
    /// </summary>
    private static void JoinTeamNames(string[] words, List<Chunk> list, Func<string, bool> isPlace, HashSet<string> lowercase)
    {
        for (var c = 0; c < list.Count; c++)
        {
            var place = list[c];
            if (place.Type == EntityType.Person || place.CharEnd >= 0 || place.End >= words.Length
                || !isPlace(string.Join(' ', words[place.Start..place.End]).ToLowerInvariant()))
            {
                continue;
            }

            var next = c + 1 < list.Count && list[c + 1].Start == place.End ? list[c + 1] : (Chunk?)null;
            if (next is { } tail && tail.CharEnd < 0 && tail.End - tail.Start <= 2
                && IsTeamPlural(words[tail.End - 1]) && words[tail.Start..tail.End].All(w => char.IsUpper(w[0]) || char.IsDigit(w[0])))
            {
                list[c] = new Chunk(place.Start, tail.End, EntityType.Organization);
                list.RemoveAt(c + 1);
            }
            else if (next is null && IsTeamPlural(words[place.End]) && words[place.End].Any(char.IsLetter)
                && (char.IsDigit(words[place.End][0]) || (char.IsUpper(words[place.End][0]) && !lowercase.Contains(words[place.End].ToLowerInvariant()))))
            {
                list[c] = new Chunk(place.Start, place.End + 1, EntityType.Organization);
            }
        }

        static bool IsTeamPlural(string w) => w.Length > 3 && w.EndsWith('s') && !w.EndsWith("'s", StringComparison.Ordinal) && !w.EndsWith("’s", StringComparison.Ordinal);
    }

    /// <summary>
    /// "checked into Promises Treatment Center": the tagger leaves out a capitalised word that opens an organisation's
    /// name of two or more words ending in a head word (center, institute, group…). The word joins the chunk when it is
    /// untagged, a name word (no closed-class, calendar or role word) and, opening the sentence, a word the document never
    /// writes in lowercase. Not in a Title Case heading, where every word is capitalised.
    /// </summary>
    private static void ExtendOrganizationLeft(string[] words, List<Chunk> list, HashSet<string> lowercase)
    {
        if (MentionFilter.IsTitleCase(words))
        {
            return;
        }

        for (var c = 0; c < list.Count; c++)
        {
            var chunk = list[c];
            var before = chunk.Start - 1;
            if (chunk.Type != EntityType.Organization || chunk.CharEnd >= 0 || chunk.RoleStart >= 0 || chunk.End - chunk.Start < 2 || before < 0
                || !OrgHeads.Contains(words[chunk.End - 1].ToLowerInvariant()) || (c > 0 && list[c - 1].End > before))
            {
                continue;
            }

            var word = words[before];
            var opens = before == 0 || words[before - 1] is "\"" or "“" or "'" or "‘" or "(" or "-" or "—" or ":";
            if (IsNameWord(word) && !word.Contains('-', StringComparison.Ordinal) && !MentionFilter.IsCalendarWord(word) && !IsRoleWord(word) && !OrgHeads.Contains(word.ToLowerInvariant())
                && !(opens && lowercase.Contains(word.ToLowerInvariant())))
            {
                list[c] = chunk with { Start = before };
            }
        }
    }

    private static void JoinOrganizationParts(string[] words, List<Chunk> list)
    {
        for (var c = 0; c + 1 < list.Count; c++)
        {
            var head = list[c];
            var tail = list[c + 1];
            if (head.Type is EntityType.Person || head.CharEnd >= 0 || !OrgHeads.Contains(words[head.End - 1].ToLowerInvariant()))
            {
                continue;
            }

            var gap = tail.Start - head.End;
            var joined = gap is 1 or 2 && words[head.End] is "for" or "of" or "on"
                && (gap == 1 || words[head.End + 1] == "the") && tail.Type is not EntityType.Person;
            if (joined)
            {
                list[c] = new Chunk(head.Start, tail.End, EntityType.Organization, tail.CharEnd);
                list.RemoveAt(c + 1);
                c--;
            }
        }
    }

    private static void AddCoordinated(string[] words, List<Chunk> list)
    {
        var added = new List<Chunk>();
        foreach (var chunk in list)
        {
            var and = chunk.End;
            var y = and + 1;
            if (y < words.Length && words[and] is "and" or "or" or "&" && IsNameWord(words[y]) && !list.Any(c => c.Start <= y && y < c.End)
                && (y + 1 >= words.Length || !IsNameWord(words[y + 1])) && chunk.Type is EntityType.Person or EntityType.Organization or EntityType.Location)
            {
                added.Add(new Chunk(y, y + 1, chunk.Type));
            }
        }

        list.AddRange(added);
        list.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    private static void AddKnown(string[] words, List<Chunk> list, Dictionary<string, EntityType> known)
    {
        var added = new List<Chunk>();
        for (var i = 0; i < words.Length; i++)
        {
            if (known.TryGetValue(words[i], out var type) && char.IsUpper(words[i][0]) && !list.Any(c => c.Start <= i && i < c.End))
            {
                added.Add(new Chunk(i, i + 1, type));
            }
        }

        if (added.Count > 0)
        {
            list.AddRange(added);
            list.Sort((a, b) => a.Start.CompareTo(b.Start));
        }
    }
}
