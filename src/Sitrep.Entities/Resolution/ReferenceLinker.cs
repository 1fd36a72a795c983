using Sitrep.Documents;
using Sitrep.Entities.Gazetteers;
using Sitrep.Pipeline;
using Sitrep.Syntax;

namespace Sitrep.Entities.Resolution;

/// <summary>
/// Links pronouns ("he", "her", "it") and definite descriptions ("the actress", "the company") to the resolved person or organisation they stand for, where
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
/// document ("Bettie Page, the pin-up model,"), and named before the description. An epithet written as a name after
/// "the" ("the reigning National Player of the Year") stands for the person the document names most, and stops being a
/// mention of the name it was tagged as; a place before a gendered noun ("a Brownsville mother of 12") stands for the
/// person named right after it, or for the one person of that gender whom a sentence places there.
/// Where the document has a <see cref="SyntaxLayer"/> (the default pipeline's, parsed on demand: only sentences holding
/// a pronoun the rules above leave open are parsed), the parse settles more: a pronoun the subject of its own sentence
/// binds ("Doe said he …", "Doe lost his job", not an object: "Doe hit him"), a pronoun opening its sentence as subject
/// after a sentence whose subject is one of the people who fit ("Doe met Roe. She said …"), and an organisation's
/// pronoun bound the same way ("Acme said it …"); "the company", "the team" stand for the one organisation named
/// before them. Without the layer those three are not linked.
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

    private static readonly HashSet<string> Titles = new(WordLists.Titles.Select(w => w.TrimEnd('.')), StringComparer.Ordinal);

    // Heads of an epithet written as a name ("Party Girl", "Player of the Year"): people named by what they are, not by
    // an office or a trade ("the City Attorney" is an office, and someone else's).
    private static readonly HashSet<string> EpithetHeads = new(
        GenderWords.FemaleNouns.Concat(GenderWords.MaleNouns)
            .Concat(["girl", "boy", "kid", "player", "star", "legend", "hero", "heroine", "icon", "idol", "rookie", "veteran", "prodigy", "champion", "champ", "sensation"])
            .Where(w => w.All(char.IsLetter) && w.Length > 2 && !WordLists.Titles.Contains(w)),
        StringComparer.Ordinal);

    // Nouns a place can describe a person by ("a Brooklyn mother", "the Texas man"), with the gender they tell.
    private static readonly Dictionary<string, Gender> PersonDescriptionNouns = new(StringComparer.Ordinal)
    {
        ["woman"] = Gender.Female,
        ["mother"] = Gender.Female,
        ["mom"] = Gender.Female,
        ["mum"] = Gender.Female,
        ["girl"] = Gender.Female,
        ["grandmother"] = Gender.Female,
        ["widow"] = Gender.Female,
        ["man"] = Gender.Male,
        ["father"] = Gender.Male,
        ["dad"] = Gender.Male,
        ["boy"] = Gender.Male,
        ["grandfather"] = Gender.Male,
        ["widower"] = Gender.Male,
    };

    // What an organisation is called by when it is not named ("the company said it …"): nouns that name no place or office.
    private static readonly HashSet<string> OrganisationNouns = new(["company", "firm", "team", "club", "studio", "franchise"], StringComparer.Ordinal);

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
        var epithets = new HashSet<Span>();
        foreach (var doc in documents)
        {
            var mentions = (doc.Layers.Find<EntityMentionLayer>()?.Mentions ?? [])
                .Select(m => (Mention: m, Entity: byMention.TryGetValue(m.Span, out var e) ? e : -1))
                .Where(p => p.Entity >= 0)
                .ToList();
            LinkEpithets(doc, mentions, entities, genders, references, epithets);
            mentions.RemoveAll(p => epithets.Contains(p.Mention.Span));
            LinkPronouns(doc, mentions, entities, genders, references);
            LinkOrganisationPronouns(doc, mentions, entities, references, LinkOrganisationNominals(doc, mentions, entities, references));
            LinkDescriptions(doc, mentions, entities, roles, references);
            LinkPlaceDescriptions(doc, mentions, entities, genders, references);
        }

        // An epithet read as a description is no longer a mention of the name it was tagged as: an entity left with
        // none ("National Player of the Year") is no actor.
        var linked = new List<Entity>(entities.Count);
        for (var e = 0; e < entities.Count; e++)
        {
            var entity = entities[e];
            if (epithets.Count > 0 && entity.Mentions.Any(epithets.Contains))
            {
                var kept = entity.Mentions.Where(s => !epithets.Contains(s)).ToList();
                if (kept.Count == 0 && references[e].Count == 0)
                {
                    continue;
                }

                entity = entity with { Mentions = kept };
            }

            linked.Add(references[e].Count == 0 ? entity : entity with { References = [.. references[e].Distinct().OrderBy(s => s.DocumentId, StringComparer.Ordinal).ThenBy(s => s.Start)] });
        }

        return linked;
    }

    /// <summary>
    /// "the Perennial Party Girl", "the reigning National Player of the Year": a name of capitalised words after "the"
    /// (and at most two lowercase words) whose head (its last word, or the word before "of") is a person noun and not a
    /// title, with no first name or title in it, is an epithet of the person the document is about: linked to the person
    /// named there more often than any other, named before it and of a fitting gender, and taken out of the entity it
    /// was tagged as. Where no person leads the document, it stays as it was.
    /// </summary>
    private static void LinkEpithets(AnalyzedDocument doc, List<(EntityMention Mention, int Entity)> mentions, IReadOnlyList<Entity> entities, Gender[] genders, List<Span>[] references, HashSet<Span> epithets)
    {
        var counts = mentions.Where(p => entities[p.Entity].Type == EntityType.Person).GroupBy(p => p.Entity).Select(g => (Entity: g.Key, Count: g.Count(), First: g.Min(p => p.Mention.FirstToken)))
            .OrderByDescending(c => c.Count).ToList();
        if (counts.Count == 0 || (counts.Count > 1 && counts[1].Count == counts[0].Count))
        {
            return;
        }

        var lead = counts[0];
        foreach (var (mention, entity) in mentions)
        {
            var words = Enumerable.Range(mention.FirstToken, mention.TokenCount).Select(k => Word(doc, k)).ToList();
            var of = words.IndexOf("of");
            var head = (of > 0 ? words[of - 1] : words[^1]).ToLowerInvariant();
            if (entity == lead.Entity || words.Count < 2 || !EpithetHeads.Contains(head) || lead.First >= mention.FirstToken
                || words.Any(w => w.Length == 0 || !(char.IsUpper(w[0]) || (of > 0 && w is "of" or "the")) || Titles.Contains(w.ToLowerInvariant().TrimEnd('.'))
                    || GenderWords.MaleFirstNames.Contains(w.ToLowerInvariant()) || GenderWords.FemaleFirstNames.Contains(w.ToLowerInvariant())))
            {
                continue;
            }

            var the = mention.FirstToken - 1;
            while (the >= mention.FirstToken - 2 && Word(doc, the) is { Length: > 1 } w && w.All(char.IsLower) && !w.Equals("the", StringComparison.Ordinal))
            {
                the--;
            }

            var gender = GenderWords.FemaleNouns.Contains(head) ? Gender.Female : GenderWords.MaleNouns.Contains(head) ? Gender.Male : Gender.Unknown;
            if (!Word(doc, the).Equals("the", StringComparison.OrdinalIgnoreCase) || (gender != Gender.Unknown && genders[lead.Entity] != Gender.Unknown && genders[lead.Entity] != gender))
            {
                continue;
            }

            references[lead.Entity].Add(mention.Span);
            epithets.Add(mention.Span);
        }
    }

    /// <summary>
    /// "a Brooklyn mother of 12", "the Texas man": a place written right before a gendered noun (and "of" a number)
    /// describes a person, and stands for the person named right after it, or else for the one person of that gender the
    /// document names when a sentence naming them writes that place too. The place keeps its mention; the description
    /// is linked as a reference over both words.
    /// </summary>
    private static void LinkPlaceDescriptions(AnalyzedDocument doc, List<(EntityMention Mention, int Entity)> mentions, IReadOnlyList<Entity> entities, Gender[] genders, List<Span>[] references)
    {
        var people = mentions.Where(p => entities[p.Entity].Type == EntityType.Person).ToList();
        if (people.Count == 0)
        {
            return;
        }

        foreach (var (mention, entity) in mentions)
        {
            var noun = mention.FirstToken + mention.TokenCount;
            if (entities[entity].Type != EntityType.Location || !PersonDescriptionNouns.TryGetValue(Word(doc, noun), out var gender))
            {
                continue;
            }

            var end = Word(doc, noun + 1) == "of" && Word(doc, noun + 2) is { Length: > 0 } n && n.All(char.IsDigit) ? noun + 2 : noun;
            var next = Word(doc, end + 1) == "," ? end + 2 : end + 1;
            var named = people.Where(p => p.Mention.FirstToken == next).Select(p => p.Entity).ToList();
            var fitting = named.Count > 0 ? named : [.. people.Select(p => p.Entity).Distinct().Where(e => genders[e] == Gender.Unknown || genders[e] == gender)];
            if (fitting.Count != 1 || (genders[fitting[0]] != Gender.Unknown && genders[fitting[0]] != gender))
            {
                continue;
            }

            // Unless named right after it, the person must be placed there by the text: the same place written in a
            // sentence that names them ("Jane Roe, 66, of Burnsville"). A byline's lawyer is not "the New York woman".
            var holder = fitting[0];
            if (named.Count == 0 && !people.Any(p => p.Entity == holder
                && mentions.Any(q => q.Entity == entity && q.Mention.SentenceIndex == p.Mention.SentenceIndex)))
            {
                continue;
            }

            references[holder].Add(doc.SpanOf(new TextRange(doc.Tokens[mention.FirstToken].Start, doc.Tokens[end].End)));
        }
    }

    /// <summary>
    /// Follows quotations token by token: true when token <paramref name="t"/> is itself a quotation mark (which opens or
    /// closes the quote in <paramref name="quoted"/>). Quotation marks open and close within a paragraph; a quote left
    /// open does not run into the next one.
    /// </summary>
    private static bool QuotationMark(AnalyzedDocument doc, int t, string word, ref bool quoted)
    {
        if (t > 0 && doc.Text.AsSpan(doc.Tokens[t - 1].End, doc.Tokens[t].Start - doc.Tokens[t - 1].End).Contains('\n'))
        {
            quoted = false;
        }

        if (word is "\"" or "``" or "''" or "“" or "”")
        {
            quoted = word switch { "“" or "``" => true, "”" or "''" => false, _ => !quoted };
            return true;
        }

        return false;
    }

    private static void LinkPronouns(AnalyzedDocument doc, List<(EntityMention Mention, int Entity)> mentions, IReadOnlyList<Entity> entities, Gender[] genders, List<Span>[] references)
    {
        var text = doc.Text;
        var syntax = doc.Layers.Find<SyntaxLayer>();
        var people = mentions.Where(p => entities[p.Entity].Type == EntityType.Person).ToList();

        // Who each token stands for, for the parse's subjects: a person's named tokens, and pronouns once linked.
        var standsFor = new Dictionary<int, int>();
        foreach (var p in people)
        {
            for (var k = p.Mention.FirstToken; k < p.Mention.FirstToken + p.Mention.TokenCount; k++)
            {
                standsFor.TryAdd(k, p.Entity);
            }
        }

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

                if (QuotationMark(doc, t, word, ref quoted))
                {
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
                        standsFor[t] = named.Item2;
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

                // Two or more fit, or an unnamed person in the window may be meant: the parse may still leave one reading.
                // The subject the pronoun's own sentence binds it to ("Doe said he …", "Doe lost his job") holds unless
                // an unnamed person is written in that sentence; the subject of the sentence before, for a pronoun that
                // opens its own as subject, only where no unnamed person is in the window.
                var unnamed = candidates.Count > 0 && UnnamedPersonIn(doc, from, t, pronoun.Gender, inside, mentionAt);
                var chosen = candidates.Count == 1 && !unnamed ? candidates[0] : -1;
                if (chosen < 0 && candidates.Count > 0 && syntax is not null)
                {
                    var before = Referents(s).Where(r => r.Token < t && Fits(r)).Select(r => r.Entity).ToHashSet();
                    chosen = BoundInSentence(doc, syntax, s, t, candidates, before, standsFor);
                    if (chosen >= 0 && UnnamedPersonIn(doc, s, t, pronoun.Gender, inside, mentionAt))
                    {
                        chosen = -1;
                    }
                    else if (chosen < 0 && candidates.Count > 1 && !unnamed)
                    {
                        chosen = SubjectBefore(doc, syntax, s, t, from, candidates, standsFor, Referents);
                    }
                }

                if (chosen < 0)
                {
                    Unlinked();
                    continue;
                }

                references[chosen].Add(doc.SpanOf(token.Range));
                Referents(s).Add((t, chosen, pronoun.Gender));
                standsFor[t] = chosen;
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
    /// The one of the fitting <paramref name="candidates"/> the pronoun's own sentence binds it to, or -1: for a
    /// possessive, the subject of its own clause written before it ("Doe lost his job"); for a subject, the subject of the
    /// clause that reports or frames its clause ("Doe said he …", "Doe wept when she …"); provided no other fitting
    /// person is written in the sentence before the pronoun ("Doe told Roe he …" stays open).
    /// </summary>
    private static int BoundInSentence(AnalyzedDocument doc, SyntaxLayer syntax, int sentence, int token, List<int> candidates, HashSet<int> before, Dictionary<int, int> standsFor)
    {
        var first = doc.Sentences[sentence].FirstToken;
        if (syntax.Of(sentence) is not { } parse || parse.Count != doc.Sentences[sentence].TokenCount)
        {
            return -1;
        }

        var subject = ReportingSubject(parse, token - first);
        return subject >= 0 && first + subject < token && standsFor.TryGetValue(first + subject, out var e) && candidates.Contains(e) && before.All(b => b == e) ? e : -1;
    }

    /// <summary>
    /// A pronoun that is the subject of its sentence's main clause, with nobody written before it, stands for the subject
    /// of the main clause of the sentence before that names someone, when that subject is one of the fitting
    /// <paramref name="candidates"/> ("Doe met Roe. He said …" is Doe); -1 otherwise.
    /// </summary>
    private static int SubjectBefore(AnalyzedDocument doc, SyntaxLayer syntax, int sentence, int token, int from, List<int> candidates, Dictionary<int, int> standsFor, Func<int, List<(int Token, int Entity, Gender Gender)>> referents)
    {
        var first = doc.Sentences[sentence].FirstToken;
        if (referents(sentence).Any(r => r.Token < token) || syntax.Of(sentence) is not { } parse || parse.Count != doc.Sentences[sentence].TokenCount)
        {
            return -1;
        }

        var word = token - first;
        var head = parse[word].Head;
        if (!parse[word].Relation.StartsWith("nsubj", StringComparison.Ordinal) || head < 0 || parse[head].Head >= 0)
        {
            return -1;
        }

        var previous = Enumerable.Range(from, sentence - from).LastOrDefault(k => referents(k).Count > 0, -1);
        if (previous < 0 || syntax.Of(previous) is not { } prior || prior.Count != doc.Sentences[previous].TokenCount || prior.Root < 0)
        {
            return -1;
        }

        var main = SubjectOf(prior, prior.Root);
        return main >= 0 && standsFor.TryGetValue(doc.Sentences[previous].FirstToken + main, out var lead) && candidates.Contains(lead) ? lead : -1;
    }

    /// <summary>
    /// For a possessive, the subject of its own clause; for the subject of a clause that another reports or frames
    /// (<c>ccomp</c>, <c>advcl</c>, <c>conj</c>), the subject of that other clause; -1 otherwise: an object never stands
    /// for its own clause's subject, and an expletive "it" is no subject, so its clause's frame is not reached.
    /// </summary>
    private static int ReportingSubject(ParsedSentence parse, int word)
    {
        var clause = ClauseOf(parse, word);
        if (clause < 0)
        {
            return -1;
        }

        // A possessive may stand for its own clause's subject ("Doe lost his job"); an object may not ("Doe hit him").
        var relation = parse[word].Relation;
        if (relation == "nmod:poss")
        {
            return ControllingSubject(parse, clause);
        }

        return relation.StartsWith("nsubj", StringComparison.Ordinal) && SubjectOf(parse, clause) == word && parse[clause].Relation is "ccomp" or "advcl" or "conj" && parse[clause].Head >= 0
            ? ControllingSubject(parse, ClauseOf(parse, parse[clause].Head, self: true))
            : -1;
    }

    /// <summary>
    /// The subject of clause <paramref name="clause"/>, or, for a clause without one that hangs on another
    /// (<c>xcomp</c>, <c>advcl</c>, an infinitive's <c>acl</c>: "… issued a patch to fix its browser"), the subject of the clause it hangs on, three
    /// levels at most; -1 when none.
    /// </summary>
    private static int ControllingSubject(ParsedSentence parse, int clause)
    {
        for (var level = 0; level < 3 && clause >= 0; level++)
        {
            var subject = SubjectOf(parse, clause);
            if (subject >= 0 || parse[clause].Relation is not ("xcomp" or "advcl" or "acl") || parse[clause].Head < 0)
            {
                return subject;
            }

            clause = ClauseOf(parse, parse[clause].Head, self: true);
        }

        return -1;
    }

    /// <summary>The head of the clause word <paramref name="word"/> belongs to: the first verb or clause head above it (or itself, with <paramref name="self"/>).</summary>
    private static int ClauseOf(ParsedSentence parse, int word, bool self = false)
    {
        var k = self ? word : parse[word].Head;
        for (var steps = 0; k >= 0 && steps < parse.Count; steps++)
        {
            var w = parse[k];
            if (w.Upos is "VERB" or "AUX" || w.Head < 0 || w.Relation is "ccomp" or "xcomp" or "advcl" or "conj" or "parataxis" or "acl:relcl" or "csubj")
            {
                return k;
            }

            k = w.Head;
        }

        return -1;
    }

    /// <summary>The first subject (<c>nsubj</c>, <c>nsubj:pass</c>) of clause head <paramref name="clause"/>, or -1.</summary>
    private static int SubjectOf(ParsedSentence parse, int clause) =>
        clause < 0 ? -1 : parse.DependentsOf(clause).FirstOrDefault(d => parse[d].Relation.StartsWith("nsubj", StringComparison.Ordinal), -1);

    /// <summary>
    /// "the company", "the team": a description of an organisation by what it is stands for the one organisation the
    /// document names before it; with two named before it ("the Colts beat the Jaguars … the team"), or none, it is left
    /// alone. Returns the description's tokens and the organisation each stands for, for the pronoun rule.
    /// </summary>
    private static Dictionary<int, int> LinkOrganisationNominals(AnalyzedDocument doc, List<(EntityMention Mention, int Entity)> mentions, IReadOnlyList<Entity> entities, List<Span>[] references)
    {
        var linked = new Dictionary<int, int>();
        var organisations = mentions.Where(p => entities[p.Entity].Type == EntityType.Organization).ToList();
        if (organisations.Count == 0)
        {
            return linked;
        }

        var inside = mentions.SelectMany(p => Enumerable.Range(p.Mention.FirstToken, p.Mention.TokenCount)).ToHashSet();
        for (var t = 0; t + 1 < doc.Tokens.Count; t++)
        {
            if (!Word(doc, t).Equals("the", StringComparison.OrdinalIgnoreCase) || !OrganisationNouns.Contains(Word(doc, t + 1)) || inside.Contains(t + 1)
                || Word(doc, t + 2) is { Length: > 0 } next && char.IsUpper(next[0]))
            {
                continue;
            }

            var named = organisations.Where(p => p.Mention.FirstToken < t).Select(p => p.Entity).Distinct().ToList();
            if (named.Count != 1)
            {
                continue;
            }

            references[named[0]].Add(doc.SpanOf(new TextRange(doc.Tokens[t].Start, doc.Tokens[t + 1].End)));
            linked[t] = named[0];
            linked[t + 1] = named[0];
        }

        return linked;
    }

    /// <summary>
    /// "The company said it …", "the Saints said they …": an organisation's pronoun (it, its, they, their, them) outside
    /// quotation marks stands for an organisation only where the parse makes it the subject of the pronoun's clause, or
    /// of the clause that reports it, written before it in the same sentence (by its name, or by a description
    /// <see cref="LinkOrganisationNominals"/> linked: "the company said it …"), with no other organisation or place named
    /// between them. Nothing is linked across sentences: "it" and "they" stand for too many things.
    /// </summary>
    private static void LinkOrganisationPronouns(AnalyzedDocument doc, List<(EntityMention Mention, int Entity)> mentions, IReadOnlyList<Entity> entities, List<Span>[] references, Dictionary<int, int> nominals)
    {
        if (doc.Layers.Find<SyntaxLayer>() is not { } syntax || !mentions.Any(p => entities[p.Entity].Type == EntityType.Organization))
        {
            return;
        }

        var named = new Dictionary<int, int>();
        foreach (var (mention, entity) in mentions)
        {
            for (var k = mention.FirstToken; k < mention.FirstToken + mention.TokenCount; k++)
            {
                named.TryAdd(k, entity);
            }
        }

        foreach (var (k, entity) in nominals)
        {
            named.TryAdd(k, entity);
        }

        var text = doc.Text;
        var quoted = false;
        for (var s = 0; s < doc.Sentences.Count; s++)
        {
            var sentence = doc.Sentences[s];
            for (var t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
            {
                var token = doc.Tokens[t];
                var word = text.Substring(token.Start, token.Length);
                if (QuotationMark(doc, t, word, ref quoted))
                {
                    continue;
                }

                if (quoted || named.ContainsKey(t) || word.ToLowerInvariant() is not ("it" or "its" or "they" or "their" or "them"))
                {
                    continue;
                }

                if (!Enumerable.Range(sentence.FirstToken, t - sentence.FirstToken).Any(k => named.TryGetValue(k, out var e) && entities[e].Type == EntityType.Organization)
                    || syntax.Of(s) is not { } parse || parse.Count != sentence.TokenCount)
                {
                    continue;
                }

                var subject = ReportingSubject(parse, t - sentence.FirstToken);
                if (subject < 0 || sentence.FirstToken + subject >= t || !named.TryGetValue(sentence.FirstToken + subject, out var holder) || entities[holder].Type != EntityType.Organization)
                {
                    continue;
                }

                // No other organisation or place between the organisation and its pronoun ("Acme said Globex's offer … it").
                if (Enumerable.Range(sentence.FirstToken + subject, t - sentence.FirstToken - subject).Any(k => named.TryGetValue(k, out var other) && other != holder && entities[other].Type != EntityType.Person))
                {
                    continue;
                }

                references[holder].Add(doc.SpanOf(token.Range));
            }
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
