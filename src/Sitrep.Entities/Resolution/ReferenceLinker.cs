using Sitrep.Documents;
using Sitrep.Entities.Gazetteers;
using Sitrep.Pipeline;

namespace Sitrep.Entities.Resolution;

/// <summary>
/// Links pronouns ("he", "her") and definite descriptions ("the actress") to the resolved person they stand for, where
/// the text leaves one reading: they become the entity's <see cref="Entity.References"/>, never its mentions, name or
/// aliases, so they cannot create, rename or split an actor.
/// </summary>
/// <remarks>
/// A third-person singular pronoun is linked when, among the people named (or already referred to) in its sentence
/// before it and in the last sentence before it that names someone (two lines without a person passed over at most),
/// exactly one can be of its gender (a known gender from a title, a relation or a first name; an unknown one can be
/// either), no unnamed person of that gender ("a man", "his wife") is written in that window and no person named by a
/// role ("the officer") in its own sentence before it, nor a speaker of that gender the rule left unlinked ("he
/// testified"). Inside quotation marks a pronoun may point anywhere and is left
/// alone. A reflexive ("himself") looks in its own sentence only; a pronoun in an opening subordinate clause ("After she
/// left, Jane Doe …") stands for the person named right after the comma. "The &lt;role&gt;" is linked when exactly one person the document names
/// holds that role: written before the name ("Actress Lindsay Lohan", anywhere in the corpus) or in apposition in the
/// document ("Bettie Page, the pin-up model,"), and named before the description.
/// </remarks>
public static class ReferenceLinker
{
    private static readonly Dictionary<string, (Gender Gender, bool Reflexive)> Pronouns = new(StringComparer.Ordinal)
    {
        ["he"] = (Gender.Male, false),
        ["him"] = (Gender.Male, false),
        ["his"] = (Gender.Male, false),
        ["himself"] = (Gender.Male, true),
        ["she"] = (Gender.Female, false),
        ["her"] = (Gender.Female, false),
        ["hers"] = (Gender.Female, false),
        ["herself"] = (Gender.Female, true),
    };

    // Roles a definite description names a person by; modifiers of titles ("former", "deputy") and abbreviations are left out.
    private static readonly HashSet<string> RoleNouns = new(
        WordLists.PersonRoles.Concat(
        [
            "president", "minister", "general", "colonel", "captain", "commander", "senator", "governor", "mayor", "judge",
            "ambassador", "secretary", "chancellor", "premier", "leader", "director", "coach", "manager", "striker",
            "goalkeeper", "commissioner", "officer", "envoy", "king", "queen", "prince", "princess", "pope", "professor",
            "chief", "boss", "warlord", "oligarch", "businessman", "blogger", "dictator",
        ]).Where(w => w.All(char.IsLetter) && w.Length > 2),
        StringComparer.Ordinal);

    // Openers of a subordinate clause that may hold a pronoun before the subject it stands for.
    private static readonly HashSet<string> Subordinators = new(
        ["after", "before", "when", "while", "although", "though", "as", "since", "because", "despite", "once", "until", "upon", "if", "whether"],
        StringComparer.Ordinal);

    // Verbs after a pronoun that make it a speaker ("he testified").
    private static readonly HashSet<string> SpeechVerbs = new(
        ["said", "says", "testified", "told", "added", "explained", "recalled", "stated", "claimed", "insisted", "admitted", "wrote"],
        StringComparer.Ordinal);

    // People named by what they are, of either gender.
    private static readonly HashSet<string> PersonNouns = new(
        RoleNouns.Concat(["witness", "official", "person", "resident", "neighbor", "neighbour", "friend", "student", "worker", "inmate", "prisoner", "defendant", "passenger", "owner", "employee", "fan", "partner", "colleague", "teammate", "client"]),
        StringComparer.Ordinal);

    private enum Gender
    {
        Unknown,
        Male,
        Female,
    }

    /// <summary>The entities with the pronouns and descriptions of <paramref name="documents"/> that stand for them as their references.</summary>
    /// <param name="documents">The documents, each with its <see cref="EntityMentionLayer"/>.</param>
    /// <param name="entities">The entities resolved from those mentions.</param>
    public static IReadOnlyList<Entity> Link(IReadOnlyList<AnalyzedDocument> documents, IReadOnlyList<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(entities);
        var byMention = new Dictionary<Span, int>();
        for (var e = 0; e < entities.Count; e++)
        {
            foreach (var span in entities[e].Mentions)
            {
                byMention.TryAdd(span, e);
            }
        }

        var genders = entities.Select(_ => Gender.Unknown).ToArray();
        var evidence = new (bool Male, bool Female)[entities.Count];
        foreach (var doc in documents)
        {
            foreach (var mention in doc.Layers.Find<EntityMentionLayer>()?.Mentions ?? [])
            {
                if (byMention.TryGetValue(mention.Span, out var e) && entities[e].Type == EntityType.Person)
                {
                    var gender = GenderOf(doc, mention);
                    evidence[e] = (evidence[e].Male || gender == Gender.Male, evidence[e].Female || gender == Gender.Female);
                }
            }
        }

        for (var e = 0; e < entities.Count; e++)
        {
            genders[e] = evidence[e] switch
            {
                (true, false) => Gender.Male,
                (false, true) => Gender.Female,
                _ => Gender.Unknown,
            };
        }

        var roles = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var e = 0; e < entities.Count; e++)
        {
            foreach (var role in entities[e].Type == EntityType.Person ? entities[e].Roles : [])
            {
                var head = role.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].TrimEnd('.').ToLowerInvariant();
                if (!roles.TryGetValue(head, out var holders))
                {
                    roles[head] = holders = [];
                }

                holders.Add(e);
            }
        }

        var references = entities.Select(_ => new List<Span>()).ToArray();
        foreach (var doc in documents)
        {
            var mentions = (doc.Layers.Find<EntityMentionLayer>()?.Mentions ?? [])
                .Select(m => (Mention: m, Entity: byMention.TryGetValue(m.Span, out var e) ? e : -1))
                .Where(p => p.Entity >= 0)
                .ToList();
            LinkPronouns(doc, mentions, entities, genders, references);
            LinkDescriptions(doc, mentions, entities, roles, references);
        }

        return [.. entities.Select((e, i) => references[i].Count == 0 ? e : e with { References = [.. references[i].Distinct().OrderBy(s => s.DocumentId, StringComparer.Ordinal).ThenBy(s => s.Start)] })];
    }

    private static void LinkPronouns(AnalyzedDocument doc, List<(EntityMention Mention, int Entity)> mentions, IReadOnlyList<Entity> entities, Gender[] genders, List<Span>[] references)
    {
        var text = doc.Text;
        var people = mentions.Where(p => entities[p.Entity].Type == EntityType.Person).ToList();
        var mentionAt = new Dictionary<int, (EntityMention Mention, int Entity)>();
        var inside = new HashSet<int>();
        foreach (var p in mentions)
        {
            mentionAt.TryAdd(p.Mention.FirstToken, p);
            for (var t = p.Mention.FirstToken; t < p.Mention.FirstToken + p.Mention.TokenCount; t++)
            {
                inside.Add(t);
            }
        }

        // Who may be referred to, per sentence, in text order: named people, then pronouns linked to them.
        var referents = new Dictionary<int, List<(int Token, int Entity, Gender Gender)>>();
        foreach (var p in people)
        {
            Referents(p.Mention.SentenceIndex).Add((p.Mention.FirstToken, p.Entity, genders[p.Entity]));
        }

        var quoted = false;
        var unlinkedSpeakers = new List<(int Sentence, int Token, Gender Gender)>();
        for (var s = 0; s < doc.Sentences.Count; s++)
        {
            var sentence = doc.Sentences[s];
            for (var t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
            {
                var token = doc.Tokens[t];
                var word = text.Substring(token.Start, token.Length);

                // Quotation marks open and close within a paragraph; a quote left open does not run into the next one.
                if (t > 0 && text.AsSpan(doc.Tokens[t - 1].End, token.Start - doc.Tokens[t - 1].End).Contains('\n'))
                {
                    quoted = false;
                }

                if (word is "\"" or "``" or "''" or "“" or "”")
                {
                    quoted = word switch { "“" or "``" => true, "”" or "''" => false, _ => !quoted };
                    continue;
                }

                if (quoted || inside.Contains(t) || !Pronouns.TryGetValue(word.ToLowerInvariant(), out var pronoun))
                {
                    continue;
                }

                bool Fits((int Token, int Entity, Gender Gender) r) => r.Gender == Gender.Unknown || r.Gender == pronoun.Gender;

                // A speaker left unlinked ("he testified") is remembered: the pronouns after it may stand for them.
                void Unlinked()
                {
                    if (SpeechVerbs.Contains(Word(doc, t + 1).ToLowerInvariant()))
                    {
                        unlinkedSpeakers.Add((s, t, pronoun.Gender));
                    }
                }

                // "After she left the clinic, Jane Doe …": a pronoun in an opening subordinate clause stands for the
                // subject named after the comma, not for someone of the sentence before ("After the fight, he testified,
                // Timmons fired" is a speaker's aside, not such a clause: a comma before the pronoun leaves the rule).
                if (Subordinators.Contains(Word(doc, sentence.FirstToken).ToLowerInvariant()) && !Referents(s).Any(r => r.Token < t)
                    && !Enumerable.Range(sentence.FirstToken, t - sentence.FirstToken).Any(k => Word(doc, k) == ","))
                {
                    var comma = Enumerable.Range(t + 1, Math.Max(0, sentence.FirstToken + sentence.TokenCount - t - 1)).FirstOrDefault(k => Word(doc, k) == ",", -1);
                    var subject = comma < 0 ? null : people.Where(p => p.Mention.FirstToken > comma && p.Mention.FirstToken <= comma + 4).Select(p => ((int, int, Gender)?)(p.Mention.FirstToken, p.Entity, genders[p.Entity])).FirstOrDefault();
                    if (subject is { } named && Fits(named))
                    {
                        references[named.Item2].Add(doc.SpanOf(token.Range));
                        Referents(s).Add((t, named.Item2, pronoun.Gender));
                    }
                    else
                    {
                        Unlinked();
                    }

                    continue;
                }

                // The window: the pronoun's sentence before it and, but for a reflexive, the last sentence before it
                // that names someone (a dateline or a line without a person between them is passed over, two at most).
                var from = s;
                if (!pronoun.Reflexive)
                {
                    from = s - 1;
                    while (from > 1 && from > s - 3 && Referents(from).Count == 0)
                    {
                        from--;
                    }

                    from = Math.Max(0, from);
                }

                // A speaker of the same gender left unlinked in the window ("he testified") may be someone the text
                // does not name, and this pronoun may stand for them too ("`Jermayne fired the shot,' he said").
                if (unlinkedSpeakers.Exists(u => u.Gender == pronoun.Gender && u.Sentence >= from && (u.Sentence < s || u.Token < t)))
                {
                    Unlinked();
                    continue;
                }

                var candidates = Enumerable.Range(from, s - from).SelectMany(Referents).Concat(Referents(s).Where(r => r.Token < t))
                    .Where(Fits).Select(r => r.Entity).Distinct().ToList();
                if (candidates.Count != 1 || UnnamedPersonIn(doc, from, t, pronoun.Gender, inside, mentionAt))
                {
                    Unlinked();
                    continue;
                }

                references[candidates[0]].Add(doc.SpanOf(token.Range));
                Referents(s).Add((t, candidates[0], pronoun.Gender));
            }
        }

        List<(int Token, int Entity, Gender Gender)> Referents(int sentence)
        {
            if (!referents.TryGetValue(sentence, out var list))
            {
                referents[sentence] = list = [];
            }

            return list;
        }
    }

    /// <summary>
    /// Whether a person of <paramref name="gender"/> the document does not name ("a man", "his wife") is written from
    /// sentence <paramref name="from"/> up to token <paramref name="before"/>, or a person of any gender named by a role
    /// ("a witness", "the officer") in the pronoun's own sentence: then the pronoun may stand for them. A role written before a name ("actress Jane Doe") or in apposition right after one ("Doe, a
    /// mother of three,") is the named person's, and does not count.
    /// </summary>
    private static bool UnnamedPersonIn(AnalyzedDocument doc, int from, int before, Gender gender, HashSet<int> inside, Dictionary<int, (EntityMention Mention, int Entity)> mentionAt)
    {
        var nouns = gender == Gender.Male ? GenderWords.MaleNouns : GenderWords.FemaleNouns;
        var first = doc.Sentences[from].FirstToken;
        var own = doc.Sentences[doc.SentenceIndexAt(doc.Tokens[before].Start)].FirstToken;
        for (var t = first; t < before; t++)
        {
            if (inside.Contains(t))
            {
                continue;
            }

            // A capitalised word inside a sentence is a name ("in Queens"), not a common noun.
            var written = doc.Text.Substring(doc.Tokens[t].Start, doc.Tokens[t].Length);
            if (char.IsUpper(written[0]) && doc.Sentences[doc.SentenceIndexAt(doc.Tokens[t].Start)].FirstToken != t)
            {
                continue;
            }

            // Of either gender, a person named by what they are ("the officer who fired says he"), in the pronoun's own sentence.
            var word = written.ToLowerInvariant();
            if (!nouns.Contains(word) && !(word.EndsWith('s') && nouns.Contains(word[..^1])) && !(t >= own && PersonNouns.Contains(word)))
            {
                continue;
            }

            // Before a name: that name's role.
            if (mentionAt.ContainsKey(t + 1) || (t + 2 < doc.Tokens.Count && mentionAt.ContainsKey(t + 2) && Word(doc, t + 1) is "," or "."))
            {
                continue;
            }

            // In apposition after a name: "Doe, a 40-year-old woman".
            var appositive = false;
            for (var k = t - 1; k >= Math.Max(first, t - 6); k--)
            {
                if (Word(doc, k) == "," && inside.Contains(k - 1))
                {
                    appositive = true;
                    break;
                }

                if (Word(doc, k) is "," or "." or ";" || inside.Contains(k))
                {
                    break;
                }
            }

            if (!appositive)
            {
                return true;
            }
        }

        return false;
    }

    private static void LinkDescriptions(AnalyzedDocument doc, List<(EntityMention Mention, int Entity)> mentions, IReadOnlyList<Entity> entities, Dictionary<string, HashSet<int>> corpusRoles, List<Span>[] references)
    {
        var named = mentions.Where(p => entities[p.Entity].Type == EntityType.Person).ToList();
        if (named.Count == 0)
        {
            return;
        }

        var starts = mentions.Select(p => p.Mention.FirstToken).ToHashSet();
        var inside = mentions.SelectMany(p => Enumerable.Range(p.Mention.FirstToken, p.Mention.TokenCount)).ToHashSet();

        // Roles the document gives in apposition: "Bettie Page, the pin-up model," or "Page, a model,".
        var roles = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var (mention, entity) in named)
        {
            var end = mention.FirstToken + mention.TokenCount;
            if (Word(doc, end) != "," || Word(doc, end + 1).ToLowerInvariant() is not ("the" or "a" or "an"))
            {
                continue;
            }

            for (var k = end + 2; k < Math.Min(doc.Tokens.Count, end + 6); k++)
            {
                var word = Word(doc, k);
                if (word.Length == 0 || !word.All(c => char.IsLower(c) || c == '-') || inside.Contains(k))
                {
                    break;
                }

                if (RoleNouns.Contains(word) && Word(doc, k + 1) is "," or "." or ";" or "")
                {
                    if (!roles.TryGetValue(word, out var holders))
                    {
                        roles[word] = holders = [];
                    }

                    holders.Add(entity);
                    break;
                }
            }
        }

        var present = named.Select(p => p.Entity).ToHashSet();
        for (var t = 0; t + 1 < doc.Tokens.Count; t++)
        {
            var noun = Word(doc, t + 1);
            if (!Word(doc, t).Equals("the", StringComparison.OrdinalIgnoreCase) || !RoleNouns.Contains(noun) || inside.Contains(t + 1) || starts.Contains(t + 2)
                || (t + 2 < doc.Tokens.Count && char.IsLetter(Word(doc, t + 2)[0]) && char.IsLower(Word(doc, t + 2)[0]) && RoleNouns.Contains(Word(doc, t + 2))))
            {
                continue;
            }

            // "the actress's": the holder of the role, in the genitive.
            var holders = new HashSet<int>(roles.GetValueOrDefault(noun) ?? []);
            holders.UnionWith((corpusRoles.GetValueOrDefault(noun) ?? []).Where(present.Contains));
            if (holders.Count != 1)
            {
                continue;
            }

            var holder = holders.First();
            if (!named.Any(p => p.Entity == holder && p.Mention.FirstToken < t))
            {
                continue;
            }

            references[holder].Add(doc.SpanOf(new TextRange(doc.Tokens[t].Start, doc.Tokens[t + 1].End)));
        }
    }

    private static Gender GenderOf(AnalyzedDocument doc, EntityMention mention)
    {
        var words = mention.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var clues = new List<string>();
        if (mention.Role is { } role)
        {
            clues.AddRange(role.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.TrimEnd('.').ToLowerInvariant()));
        }

        clues.Add(Word(doc, mention.FirstToken - 1).TrimEnd('.').ToLowerInvariant());
        var male = clues.Any(GenderWords.MaleNouns.Contains) || (words.Length is 2 or 3 && GenderWords.MaleFirstNames.Contains(words[0].ToLowerInvariant()));
        var female = clues.Any(GenderWords.FemaleNouns.Contains) || (words.Length is 2 or 3 && GenderWords.FemaleFirstNames.Contains(words[0].ToLowerInvariant()));
        return male == female ? Gender.Unknown : male ? Gender.Male : Gender.Female;
    }

    private static string Word(AnalyzedDocument doc, int token) =>
        token >= 0 && token < doc.Tokens.Count ? doc.Text.Substring(doc.Tokens[token].Start, doc.Tokens[token].Length) : string.Empty;
}
