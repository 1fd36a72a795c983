using System.Collections.Frozen;
using Sitrep.Claims.Text;
using Sitrep.Documents;
using Sitrep.Syntax;

namespace Sitrep.Claims.Frames;

/// <summary>
/// Reads a claim's frame from the dependency parse of its sentence: the predicate (the verb that heads the claim's
/// words, or, under "X said that …", the verb of the reported clause, whose speaker is already the claim's
/// attribution), its lemma and event class, and its participants with their roles (<c>nsubj</c> → agent,
/// <c>nsubj:pass</c> and <c>obj</c> → patient, an <c>obl</c> with in/at/near → location, an <c>iobj</c> or "to"
/// phrase → recipient). The measures are the word rules' (<see cref="MeasureReader"/>); polarity, likelihood and times
/// stay the claim's own.
/// </summary>
internal static class FrameBuilder
{
    /// <summary>Verbs that report or judge a clause: the frame is the clause's ("officials said [that] 12 died").</summary>
    private static readonly FrozenSet<string> Reporting = Set(
        "say", "tell", "claim", "report", "announce", "state", "declare", "add", "confirm", "insist", "assert", "write",
        "post", "warn", "note", "acknowledge", "admit", "stress", "argue", "explain", "believe", "think", "suggest",
        "appear", "seem", "indicate", "show", "understand", "learn", "know", "fear", "allege", "estimate", "expect",
        "hope", "reckon", "suspect", "reveal", "emphasize", "emphasise", "recall", "signal", "hint", "predict");

    /// <summary>Verbs whose event is named by their object ("launched an attack", "reached a deal").</summary>
    private static readonly FrozenSet<string> Light = Set(
        "launch", "carry", "conduct", "stage", "mount", "reach", "hold", "make", "sign", "strike", "begin", "start",
        "continue", "resume", "open", "announce", "accept", "offer", "propose", "order", "call", "lead", "face", "suffer",
        "take", "give", "file", "bring", "issue", "report", "confirm");

    /// <summary>Verbs whose subject undergoes the event ("three soldiers died").</summary>
    private static readonly FrozenSet<string> Unaccusative = Set("die", "perish", "dead", "injure", "wounded", "injured", "explode", "crash", "collapse");

    /// <summary>Heads of phrases that cannot be a place ("in June", "at dawn", "on Saturday").</summary>
    private static readonly FrozenSet<string> TimeWords = Set(
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon", "evening",
        "night", "dawn", "dusk", "day", "week", "month", "year", "hour", "minute", "weekend", "time", "moment", "past",
        "future", "today", "yesterday", "tomorrow", "midnight", "noon", "period", "wake", "aftermath", "course", "end", "beginning");

    /// <summary>Heads of "in"/"to" phrases that name a manner or a state, not a place or a recipient.</summary>
    private static readonly FrozenSet<string> NotPlaces = Set(
        "public", "private", "secret", "person", "total", "general", "particular", "response", "return", "exchange", "addition",
        "fact", "order", "part", "turn", "power", "place", "support", "contrast", "effect", "line", "protest", "solidarity",
        "accordance", "touch", "danger", "doubt", "question", "jail", "prison", "death", "life", "hospital", "custody", "mutiny",
        "revolt", "rebellion", "uprising", "incident", "violence", "war", "chaos", "disaster", "collapse", "fire", "flood");

    private static readonly FrozenSet<string> LocationCases = Set("in", "at", "near", "inside", "outside", "around", "across", "within", "throughout", "outside", "beside", "behind", "along", "off", "among", "between");

    private static readonly FrozenSet<string> DestinationCases = Set("to", "towards", "toward", "into", "on", "onto");

    private static readonly FrozenSet<string> CaseObjects = Set("charge", "case", "investigation", "prosecution", "proceeding", "probe", "indictment", "accusation");

    private static readonly FrozenSet<string> QuakeWords = Set("earthquake", "quake", "tremor", "aftershock", "temblor");

    private static readonly FrozenSet<string> DenialObjects = Set("report", "claim", "allegation", "rumour", "rumor", "accusation", "suggestion", "speculation", "story");

    /// <summary>The relations whose dependents belong to a participant's noun phrase.</summary>
    private static readonly FrozenSet<string> NounPhrase = Set(
        "det", "det:predet", "det:poss", "amod", "compound", "flat", "flat:foreign", "nummod", "nmod:poss", "fixed",
        "goeswith", "nmod:npmod", "compound:prt", "advmod", "case");

    /// <summary>
    /// The frame of the claim written from word <paramref name="first"/> to word <paramref name="last"/> of a sentence,
    /// from its parse; <paramref name="fallback"/> (the word rules' frame, whose measures it keeps) when the parse finds
    /// no predicate in those words.
    /// </summary>
    /// <param name="parse">The sentence's parse, whose word <c>i</c> is token <c>i</c> of <paramref name="words"/>.</param>
    /// <param name="words">The sentence's tokens.</param>
    /// <param name="first">First word of the claim.</param>
    /// <param name="last">Last word of the claim.</param>
    /// <param name="fallback">The word rules' frame.</param>
    /// <param name="isTime">Whether a range is a time expression (from the timex layer), so that "on Saturday" is not a place.</param>
    public static ClaimFrame Build(ParsedSentence parse, SentenceWords words, int first, int last, ClaimFrame fallback, Func<TextRange, bool>? isTime = null)
    {
        if (parse.Count != words.Count || first < 0 || last >= parse.Count || first > last)
        {
            return fallback;
        }

        var top = Top(parse, first, last);
        if (top < 0)
        {
            return fallback;
        }

        // "Peskov: the president is working": a name before a colon is the speaker; the clause after it is the claim.
        if (parse[top].Upos is "NOUN" or "PROPN" && top + 1 <= last && words[top + 1] == ":")
        {
            foreach (var d in parse.DependentsOf(top))
            {
                if (d > top + 1 && d <= last && parse[d].Relation is "parataxis" or "appos" or "dep" or "ccomp" or "acl" or "list" && parse[d].Upos is "VERB" or "AUX" or "ADJ")
                {
                    top = d;
                    break;
                }
            }
        }

        // "Officials said (that) 12 died": the reported clause is the claim's content, its speaker the attribution.
        var guard = 0;
        while (guard++ < 4 && Reporting.Contains(Lemma(parse, top)) && Clause(parse, top, first, last) is var clause && clause >= 0)
        {
            top = clause;
        }

        // "The mercenary column advanced towards Moscow" read as a noun modified by a reduced relative: a noun heads the
        // words and a finite verb hangs from it as acl. The verb is the predicate and the noun its subject.
        var repaired = new List<(ParticipantRole Role, int Head)>();
        if (parse[top].Upos is "NOUN" or "PROPN" && ReducedRelative(parse, top, first, last) is var (verb, noun) && verb >= 0)
        {
            repaired.Add((ParticipantRole.Agent, noun));
            if (top != noun && top > verb)
            {
                repaired.Add((ParticipantRole.Patient, top));
            }

            top = verb;
        }

        var predicate = top;
        var controller = -1;
        var (eventClass, trigger) = ClassOf(parse, predicate);

        // "Wagner threatened to march on Moscow": the event is the complement's, done by the controller.
        if (eventClass is null or EventClasses.State && Child(parse, predicate, "xcomp", first, last) is var x && x >= 0 && IsVerbal(parse[x]))
        {
            var (xClass, xTrigger) = ClassOf(parse, x);
            if (xClass is not null)
            {
                controller = Child(parse, predicate, "obj", 0, parse.Count - 1) is var o && o >= 0 ? o
                    : Child(parse, predicate, "iobj", 0, parse.Count - 1) is var io && io >= 0 ? io
                    : Child(parse, predicate, "nsubj", 0, parse.Count - 1);
                predicate = x;
                (eventClass, trigger) = (xClass, xTrigger);
            }
        }

        var participants = new List<(ParticipantRole Role, int Head)>();
        Participants(parse, predicate, eventClass, first, last, participants, isTime, words);
        foreach (var (role, head) in repaired)
        {
            var r = role == ParticipantRole.Agent && (IsPassive(parse, predicate) || Unaccusative.Contains(Lemma(parse, predicate))) ? ParticipantRole.Patient : role;
            participants.Add((r, head));
        }

        if (!participants.Exists(p => parse[p.Head].Relation.StartsWith("nsubj", StringComparison.Ordinal) || p.Role == ParticipantRole.Agent))
        {
            // A shared subject: "Wagner seized Rostov and [Wagner] advanced"; a controlled one: "Prigozhin agreed to leave".
            var subject = controller >= 0 ? controller : SharedSubject(parse, predicate);
            if (subject >= 0)
            {
                var passive = IsPassive(parse, predicate);
                participants.Add((passive || Unaccusative.Contains(Lemma(parse, predicate)) ? ParticipantRole.Patient : ParticipantRole.Agent, subject));
                AddConjuncts(parse, subject, participants[^1].Role, participants);
            }
        }

        // A quake that strikes or shakes a region is the earthquake itself, not an attack.
        if (Lemma(parse, predicate) is "strike" or "hit" or "shake" or "rock" or "jolt" && participants.Exists(p => p.Role == ParticipantRole.Agent && QuakeWords.Contains(Lemma(parse, p.Head))))
        {
            eventClass = "earthquake";
        }

        var frameParticipants = participants
            .Where(p => p.Head >= 0)
            .DistinctBy(p => (p.Role, p.Head))
            .OrderBy(p => p.Head)
            .Select(p => Participant(parse, words, p.Role, p.Head))
            .ToList();
        var predicateWord = words[predicate];
        var verbal = parse[predicate].Upos is "VERB" or "AUX";
        return fallback with
        {
            Measures = WithOccasions(parse, words, first, last, fallback.Measures),
            // The word rules' class stands only where the parse found no verb: a verb without a class ("held",
            // "offered") is not the first trigger word that happens to follow it ("after talks").
            EventClass = eventClass ?? (verbal ? null : fallback.EventClass),
            Trigger = trigger is { } t ? words[t] : eventClass is null && !verbal && fallback.Trigger is not null ? fallback.Trigger : predicateWord,
            Lemma = Lemma(parse, predicate),
            Predicate = words.Tokens[predicate].Range,
            Participants = frameParticipants,
            Source = FrameSources.Parse,
        };
    }

    /// <summary>
    /// The word rules' measures, the counts of occasions (<see cref="OccasionReader"/>), the clock times of acts
    /// (<see cref="ClockTimeReader"/>) and the ranks of named holders (<see cref="RankReader"/>) the parse gives; a word rule's reading of the same words gives way to the parse's.
    /// </summary>
    private static IReadOnlyList<Measure> WithOccasions(ParsedSentence parse, SentenceWords words, int first, int last, IReadOnlyList<Measure> measures)
    {
        List<Measure>? all = null;
        foreach (var m in OccasionReader.Read(parse, words, first, last).Concat(ClockTimeReader.Read(parse, words, first, last)).Concat(RankReader.Read(parse, words, first, last)))
        {
            all ??= [.. measures];
            all.RemoveAll(f => f.Range.Start < m.Range.End && m.Range.Start < f.Range.End);
            all.Add(m);
        }

        for (var k = 0; k < (all ?? measures).Count; k++)
        {
            var m = (all ?? measures)[k];
            if (m.Role == MeasureRoles.Term && m.Holder is null && TermHolder(parse, words, first, last, m) is { } holder)
            {
                all ??= [.. measures];
                all[k] = m with { Holder = holder };
            }

            if (m.Role == MeasureRoles.Age && !m.Undated && AgeUndated(parse, words, first, last, m))
            {
                all ??= [.. measures];
                all[k] = m with { Undated = true };
            }
        }

        return all ?? measures;
    }

    private static readonly HashSet<string> MonthNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    };

    /// <summary>
    /// True when the sentence of a named holder's age writes a year or a month and none of them hangs from the verb the
    /// holder is the subject of (it dates another, embedded act: "accused of killing two women in 1967"). False when the
    /// sentence writes no such date, when the holder is no verb's subject, or when a date hangs from the holder's verb.
    /// </summary>
    private static bool AgeUndated(ParsedSentence parse, SentenceWords words, int first, int last, Measure age)
    {
        var at = TokenAt(words, first, last, age.Range.Start);
        if (at < 0)
        {
            return false;
        }

        // The name the age is of: the word the number hangs from ("61-year-old Ortiz", "Ortiz, 61,"), or, when the parser
        // hung the age elsewhere (it reads an unknown "Sixty-year-old" as punctuation), the nearest name word after it, then
        // before it; up a flat or compound name to its head.
        var name = parse[at].Head;
        if (name < 0 || parse[name].Upos is not "PROPN")
        {
            name = -1;
            for (var d = 1; d <= 5 && name < 0; d++)
            {
                name = at + d <= last && parse[at + d].Upos is "PROPN" ? at + d : at - d >= first && parse[at - d].Upos is "PROPN" ? at - d : -1;
            }
        }

        while (name >= 0 && parse[name].Relation is "flat" or "compound")
        {
            name = parse[name].Head;
        }

        if (name < 0 || parse[name].Upos is not "PROPN" || parse[name].Relation is not ("nsubj" or "nsubj:pass"))
        {
            return false;
        }

        var verb = parse[name].Head;
        var dates = false;
        for (var i = first; i <= last; i++)
        {
            var w = words[i];
            var isDate = MonthNames.Contains(w) || (w.Length == 4 && int.TryParse(w, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 1800 and <= 2100);
            if (!isDate)
            {
                continue;
            }

            dates = true;
            for (var (h, steps) = (parse[i].Head, 0); h >= 0 && steps < 8; (h, steps) = (parse[h].Head, steps + 1))
            {
                if (h == verb)
                {
                    return false; // a date of the holder's own clause
                }

                if (parse[h].Upos is "VERB")
                {
                    break; // the date of another act
                }
            }
        }

        return dates;
    }

    private static int TokenAt(SentenceWords words, int first, int last, int offset)
    {
        for (var i = first; i <= last; i++)
        {
            if (words.Tokens[i].Start <= offset && offset < words.Tokens[i].End)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Who a prison term is of: the subject of the verb the term hangs from ("Gigante was sentenced to seven years"; a
    /// clause without its own subject, "while serving a 15-year sentence", takes its head clause's), when that subject is a
    /// name; its last word, lower case. Null for a pronoun or a common noun ("He was sentenced", "a jury sentenced him"),
    /// which leave the holder to the story.
    /// </summary>
    private static string? TermHolder(ParsedSentence parse, SentenceWords words, int first, int last, Measure term)
    {
        var at = -1;
        for (var i = first; i <= last && at < 0; i++)
        {
            if (words.Tokens[i].Start <= term.Range.Start && term.Range.Start < words.Tokens[i].End)
            {
                at = i;
            }
        }

        for (var (v, steps) = (at, 0); v >= 0 && steps < 8; steps++)
        {
            v = parse[v].Head;
            if (v < 0 || parse[v].Upos is not "VERB")
            {
                continue;
            }

            var subject = Subject.Of(parse, v);
            if (subject >= 0)
            {
                return OccasionReader.IsName(parse, words, subject) ? words[Subject.NameEnd(parse, subject)].ToLowerInvariant() : null;
            }

            if (parse[v].Relation is not ("advcl" or "xcomp" or "acl"))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The word that heads the claim's words: the one highest in the tree, a verb before anything else.</summary>
    private static int Top(ParsedSentence parse, int first, int last)
    {
        var best = -1;
        var bestScore = int.MaxValue;
        for (var i = first; i <= last; i++)
        {
            var w = parse[i];
            if (w.Upos is "PUNCT" or "SYM" or "X" || (w.Head >= first && w.Head <= last))
            {
                continue;
            }

            var depth = Depth(parse, i);
            var score = (depth * 4) + (w.Upos is "VERB" ? 0 : w.Upos is "AUX" or "ADJ" ? 1 : w.Upos is "NOUN" or "PROPN" ? 2 : 3);
            if (score < bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        return best;
    }

    private static int Depth(ParsedSentence parse, int i)
    {
        var depth = 0;
        while (parse[i].Head >= 0 && depth < parse.Count)
        {
            i = parse[i].Head;
            depth++;
        }

        return depth;
    }

    /// <summary>The reported clause under a reporting verb, inside the claim's words; -1 when none.</summary>
    private static int Clause(ParsedSentence parse, int verb, int first, int last)
    {
        foreach (var d in parse.DependentsOf(verb))
        {
            if (d >= first && d <= last && parse[d].Relation is "ccomp" or "parataxis" && parse[d].Upos is not "PUNCT")
            {
                return d;
            }
        }

        return -1;
    }

    private static int Child(ParsedSentence parse, int head, string relation, int first, int last)
    {
        foreach (var d in parse.DependentsOf(head))
        {
            if (d >= first && d <= last && string.Equals(parse[d].Relation, relation, StringComparison.Ordinal))
            {
                return d;
            }
        }

        return -1;
    }

    private static bool IsVerbal(ParsedWord w) => w.Upos is "VERB" or "AUX" or "ADJ";

    private static bool IsPassive(ParsedSentence parse, int predicate) =>
        parse.DependentsOf(predicate).Any(d => parse[d].Relation is "nsubj:pass" or "aux:pass");

    private static string Lemma(ParsedSentence parse, int i) => parse[i].Lemma.ToLowerInvariant();

    /// <summary>The class of a predicate and the word that names it (the predicate, or the object of a light verb).</summary>
    private static (string? Class, int? Trigger) ClassOf(ParsedSentence parse, int predicate)
    {
        var lemma = Lemma(parse, predicate);
        var obj = -1;
        foreach (var d in parse.DependentsOf(predicate))
        {
            if (parse[d].Relation is "obj" or "nsubj:pass")
            {
                obj = d;
                break;
            }
        }

        var objLemma = obj >= 0 ? Lemma(parse, obj) : string.Empty;
        var particle = parse.DependentsOf(predicate)
            .Where(d => parse[d].Relation == "compound:prt" || (parse[d].Relation == "advmod" && Lemma(parse, d) is "back" or "around" or "out" or "down" or "off" or "over"))
            .Select(d => Lemma(parse, d))
            .FirstOrDefault();

        // Charges are dropped, cases closed; a case is opened; fire is opened; a city is taken over.
        if (lemma is "drop" or "close" or "end" or "withdraw" or "dismiss" or "lift" or "terminate" && CaseObjects.Contains(objLemma))
        {
            return ("drop-charges", predicate);
        }

        if (lemma is "open" or "launch" or "file" or "bring" or "start" && CaseObjects.Contains(objLemma))
        {
            return ("charge", obj);
        }

        if ((lemma is "dismiss" or "sack" or "fire" or "remove" or "oust" && obj >= 0 && !DenialObjects.Contains(objLemma) && EventClasses.OfLemma(objLemma) is null && parse[obj].Upos is "PROPN" or "PRON" or "NOUN"
                && (lemma is not "fire" || parse[obj].Upos is "PROPN"))
            || (lemma is "step" && particle is "down"))
        {
            return ("resign", predicate);
        }

        if (lemma is "take" && (particle is "over" || objLemma is "control"))
        {
            return ("seize", predicate);
        }

        if (lemma is "turn" or "pull" or "fall" or "head" or "set" && particle is "back" or "out" or "around" or "off" or "toward" or "towards")
        {
            return ("move", predicate);
        }

        if (lemma is "shoot" && particle is "down")
        {
            return ("attack", predicate);
        }

        if (lemma is "rock" or "shake" or "jolt")
        {
            return (null, null);
        }

        // The lemmatiser misses some irregular forms ("fled"): the word rules' trigger list knows the inflected ones.
        if ((EventClasses.OfLemma(lemma) ?? (parse[predicate].Upos is "VERB" ? EventClasses.Of(parse[predicate].Form.ToLowerInvariant()) : null)) is { } c)
        {
            // "Officials confirmed 12 deaths", "Minsk announced a deal": a statement whose object names the event.
            return c == EventClasses.State && obj >= 0 && EventClasses.OfLemma(objLemma) is { } named && named != EventClasses.State
                ? (named, obj)
                : (c, predicate);
        }

        if (Light.Contains(lemma) && obj >= 0 && EventClasses.OfLemma(objLemma) is { } o && o != EventClasses.State)
        {
            return (o, obj);
        }

        return (null, null);
    }

    private static void Participants(ParsedSentence parse, int predicate, string? eventClass, int first, int last, List<(ParticipantRole, int)> into, Func<TextRange, bool>? isTime, SentenceWords words)
    {
        var passive = IsPassive(parse, predicate);
        var unaccusative = Unaccusative.Contains(Lemma(parse, predicate)) || (eventClass is "kill" or "injure" && parse[predicate].Upos is "ADJ");
        foreach (var d in parse.DependentsOf(predicate))
        {
            var w = parse[d];
            ParticipantRole? role = null;
            switch (w.Relation)
            {
                case "nsubj":
                    role = unaccusative ? ParticipantRole.Patient : ParticipantRole.Agent;
                    break;
                case "nsubj:pass":
                case "obj":
                    role = ParticipantRole.Patient;
                    break;
                case "iobj":
                    role = ParticipantRole.Recipient;
                    break;
                case "obl:agent":
                    role = ParticipantRole.Agent;
                    break;
                case "obl":
                    role = Oblique(parse, d, passive, eventClass);

                    // "In June", "to five years", "in the quake", "in public": a time, a term, an event or a manner is no place and no recipient.
                    if (role is ParticipantRole.Location or ParticipantRole.Recipient
                        && (TimeWords.Contains(Lemma(parse, d)) || NotPlaces.Contains(Lemma(parse, d)) || w.Upos is "NUM" || EventClasses.OfLemma(Lemma(parse, d)) is not null
                            || (isTime?.Invoke(words.Tokens[d].Range) ?? false)))
                    {
                        role = null;
                    }

                    break;
            }

            // A participant must be in the claim's words (or be the shared subject of a clause cut out of a longer sentence).
            if (role is { } r && w.Upos is not "PUNCT" and not "SCONJ" && (d >= first && d <= last || w.Relation.StartsWith("nsubj", StringComparison.Ordinal)))
            {
                into.Add((r, d));
                AddConjuncts(parse, d, r, into);
            }
        }
    }

    private static ParticipantRole? Oblique(ParsedSentence parse, int obl, bool passive, string? eventClass)
    {
        var preposition = parse.DependentsOf(obl).Where(c => parse[c].Relation == "case").Select(c => Lemma(parse, c)).FirstOrDefault();
        return preposition switch
        {
            "by" when passive => ParticipantRole.Agent,
            { } p when eventClass is "move" or "escape" && DestinationCases.Contains(p) => ParticipantRole.Location,
            { } p when LocationCases.Contains(p) => ParticipantRole.Location,
            "to" => ParticipantRole.Recipient,
            _ => null,
        };
    }

    private static void AddConjuncts(ParsedSentence parse, int head, ParticipantRole role, List<(ParticipantRole, int)> into)
    {
        foreach (var c in parse.DependentsOf(head))
        {
            if (parse[c].Relation == "conj" && parse[c].Upos is "NOUN" or "PROPN" or "PRON")
            {
                into.Add((role, c));
            }
        }
    }

    /// <summary>
    /// A finite verb the parser hung from the noun that heads the claim as a reduced relative ("The column advanced …"
    /// read as "the column [that was] advanced"): the verb and its noun, or (-1, -1) when there is none. A past
    /// participle counts only when an object or a noun after it shows it is the clause's verb.
    /// </summary>
    private static (int Verb, int Subject) ReducedRelative(ParsedSentence parse, int top, int first, int last)
    {
        for (var v = first; v <= last; v++)
        {
            var w = parse[v];
            if (w.Upos != "VERB" || w.Relation != "acl" || w.Head < first || w.Head >= v)
            {
                continue;
            }

            var subject = w.Head;
            if (subject != top && parse[subject].Head != top)
            {
                continue;
            }

            var finite = w.Xpos is "VBD" or "VBZ" or "VBP";
            var hasObject = parse.DependentsOf(v).Any(d => parse[d].Relation == "obj") || top > v;
            if (finite || (w.Xpos == "VBN" && (hasObject || subject == top)))
            {
                return (v, subject);
            }
        }

        return (-1, -1);
    }

    /// <summary>The subject a conjoined verb shares with the verb it is conjoined to; -1 when none.</summary>
    private static int SharedSubject(ParsedSentence parse, int predicate)
    {
        var at = predicate;
        for (var guard = 0; guard < 4 && parse[at].Relation is "conj" or "xcomp" && parse[at].Head >= 0; guard++)
        {
            at = parse[at].Head;
            foreach (var d in parse.DependentsOf(at))
            {
                if (parse[d].Relation is "nsubj" or "nsubj:pass")
                {
                    return d;
                }
            }
        }

        return -1;
    }

    /// <summary>The participant headed by word <paramref name="head"/>: its noun phrase (determiners, modifiers, names, possessors, an "of" phrase).</summary>
    private static FrameParticipant Participant(ParsedSentence parse, SentenceWords words, ParticipantRole role, int head)
    {
        var inPhrase = new bool[parse.Count];
        Collect(parse, head, head, inPhrase, 0);
        var from = head;
        while (from > 0 && inPhrase[from - 1])
        {
            from--;
        }

        var to = head;
        while (to < parse.Count - 1 && inPhrase[to + 1])
        {
            to++;
        }

        // A phrase never starts with its preposition ("by Wagner" is "Wagner").
        while (from < head && parse[from].Relation == "case" && parse[from].Head == head)
        {
            from++;
        }

        var text = words.TextOf(from, to);
        return new FrameParticipant(role, text, words.RangeOf(from, to), words.Tokens[head].Range);
    }

    private static void Collect(ParsedSentence parse, int phraseHead, int word, bool[] inPhrase, int depth)
    {
        inPhrase[word] = true;
        if (depth > 8)
        {
            return;
        }

        foreach (var d in parse.DependentsOf(word))
        {
            var relation = parse[d].Relation;
            var of = relation == "nmod" && parse.DependentsOf(d).Any(c => parse[c].Relation == "case" && Lemma(parse, c) == "of");
            var keep = relation == "case"
                ? word != phraseHead
                : NounPhrase.Contains(relation) || of || (word != phraseHead && relation is "nmod" or "conj" or "cc");
            if (keep && parse[d].Upos is not "PUNCT")
            {
                Collect(parse, phraseHead, d, inPhrase, depth + 1);
            }
        }
    }

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
