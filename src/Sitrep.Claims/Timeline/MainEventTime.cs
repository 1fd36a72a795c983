using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Syntax;
using Sitrep.Text;
using Sitrep.Time;
using Sitrep.Time.Timeline;

namespace Sitrep.Claims.Timeline;

/// <summary>
/// Reads, from the parse of each sentence a timeline entry cites, whether the entry's date is when the sentence's main
/// event happened. A date inside a relative clause set off by commas ("Prigozhin, whose mercenaries marched on Moscow in
/// June, was on the passenger list …"), one that modifies a noun ("the June revolt") or one that starts a state ("since
/// January, the overall commander") is background: the sentence mentions it in passing. An undated sentence that dates
/// two things ("briefed … the Wednesday before the action that Friday") is filed once, under the date nearest its main
/// predicate.
/// </summary>
/// <remarks>
/// A document without a parse of the sentence (no syntax layer, a sentence too long to parse) leaves its entries as the
/// timeline built them.
/// </remarks>
internal static class MainEventTime
{
    /// <summary>Where a date stands in its sentence.</summary>
    /// <param name="Depth">Arcs from the date's head word up to the root of the sentence (0 for a date that is the root).</param>
    /// <param name="Aside">True when the date is mentioned in passing (relative clause, noun modifier, "since").</param>
    /// <param name="Start">Offset of the date in the document.</param>
    /// <param name="Note">
    /// True when the sentence is a document's own header or provenance line, not an event: a line with no verb that names
    /// a source and a date ("Note from the governor's channel, 24 June 2023, about 10:15 Moscow time."), or whose only
    /// verb is the document's issuing set off by a comma ("Kestrel Group, assessment KOSG-23-041, issued 26 June 2023.").
    /// </param>
    internal readonly record struct Place(int Depth, bool Aside, int Start, bool Note = false);

    /// <summary>The entries with dates in passing moved to Background and documents' notes left out.</summary>
    /// <param name="corpus">The corpus, with its documents' parses.</param>
    /// <param name="entries">The timeline's entries.</param>
    /// <param name="redate">
    /// Dates an entry that has lost a note by the reports it keeps (the note's time is the note's own), given the entry
    /// before and after; null to keep the entry's time.
    /// </param>
    public static List<TimelineEntry> Apply(Corpus corpus, List<TimelineEntry> entries, Func<TimelineEntry, TimelineEntry, TimelineEntry>? redate = null)
    {
        var documents = new Dictionary<string, AnalyzedDocument>(StringComparer.Ordinal);
        foreach (var doc in corpus.Documents)
        {
            documents.TryAdd(doc.Document.Id, doc);
        }

        var places = new Place?[entries.Count][];
        for (var e = 0; e < entries.Count; e++)
        {
            var entry = entries[e];
            places[e] = new Place?[entry.Cites.Count];
            for (var c = 0; c < entry.Cites.Count; c++)
            {
                places[e][c] = documents.TryGetValue(entry.Cites[c].DocumentId, out var doc) ? PlaceOf(doc, entry, entry.Cites[c]) : null;
            }
        }

        var result = new List<TimelineEntry?>(entries);
        OneEntryPerUndatedSentence(entries, places, result, documents);
        var story = new List<TimelineEntry>();
        var background = new List<TimelineEntry>();
        for (var e = 0; e < result.Count; e++)
        {
            if (result[e] is not { } entry)
            {
                continue;
            }

            if (entry.Role == TimelineRole.Background)
            {
                background.Add(entry);
                continue;
            }

            var placeOf = new Dictionary<Span, Place?>();
            for (var c = 0; c < entries[e].Cites.Count; c++)
            {
                placeOf.TryAdd(entries[e].Cites[c], places[e][c]);
            }

            // A document's header or provenance line dates the document, not an event: it leaves the entry, and an entry
            // cited by nothing else leaves the timeline.
            if (entry.Cites.Any(c => placeOf.GetValueOrDefault(c) is { Note: true }))
            {
                var kept = entry.Cites.Where(c => placeOf.GetValueOrDefault(c) is not { Note: true }).ToList();
                if (kept.Count == 0)
                {
                    continue;
                }

                var before = entry;
                entry = Only(entry, kept, documents);
                entry = redate?.Invoke(before, entry) ?? entry;
            }

            var aside = Enumerable.Range(0, entry.Cites.Count).Where(c => placeOf.GetValueOrDefault(entry.Cites[c]) is { Aside: true }).ToList();
            if (aside.Count == 0)
            {
                story.Add(entry);
            }
            else if (aside.Count == entry.Cites.Count)
            {
                background.Add(entry with { Role = TimelineRole.Background, Relation = null });
            }
            else
            {
                // Some reports give the date as the event's, others in passing: the passing mentions are listed apart.
                var cites = aside.Select(c => entry.Cites[c]).ToHashSet();
                story.Add(Only(entry, entry.Cites.Where(c => !cites.Contains(c)).ToList(), documents));
                background.Add(Only(entry, [.. cites], documents) with { Role = TimelineRole.Background, Claims = [], Relation = null });
            }
        }

        // Background dates are listed in calendar order, those without a calendar place last.
        return [.. story, .. background.Select((b, i) => (b, i)).OrderBy(x => x.b.Interval is null ? 1 : 0).ThenBy(x => x.b.Interval?.Start).ThenBy(x => x.i).Select(x => x.b)];
    }

    /// <summary>
    /// A sentence cited by two entries that cannot be placed on the calendar (two weekdays of an undated text) stays only
    /// in the entry of the date nearest its main predicate (the first in the text on a tie); an entry left without
    /// reports leaves the timeline.
    /// </summary>
    private static void OneEntryPerUndatedSentence(List<TimelineEntry> entries, Place?[][] places, List<TimelineEntry?> result, Dictionary<string, AnalyzedDocument> documents)
    {
        var bySentence = new Dictionary<Span, List<(int Entry, int Cite)>>();
        for (var e = 0; e < entries.Count; e++)
        {
            if (entries[e].Interval is not null || entries[e].Role != TimelineRole.Story)
            {
                continue;
            }

            for (var c = 0; c < entries[e].Cites.Count; c++)
            {
                if (places[e][c] is null)
                {
                    continue;
                }

                if (!bySentence.TryGetValue(entries[e].Cites[c], out var list))
                {
                    bySentence[entries[e].Cites[c]] = list = [];
                }

                list.Add((e, c));
            }
        }

        var removed = new Dictionary<int, HashSet<Span>>();
        foreach (var (sentence, list) in bySentence)
        {
            if (list.Select(x => x.Entry).Distinct().Count() < 2)
            {
                continue;
            }

            var main = list.OrderBy(x => places[x.Entry][x.Cite]!.Value.Aside ? 1 : 0)
                .ThenBy(x => places[x.Entry][x.Cite]!.Value.Depth)
                .ThenBy(x => places[x.Entry][x.Cite]!.Value.Start)
                .First();
            foreach (var (e, _) in list.Where(x => x.Entry != main.Entry))
            {
                if (!removed.TryGetValue(e, out var set))
                {
                    removed[e] = set = [];
                }

                set.Add(sentence);
            }
        }

        foreach (var (e, sentences) in removed)
        {
            var kept = entries[e].Cites.Where(c => !sentences.Contains(c)).ToList();
            result[e] = kept.Count == 0 ? null : Only(entries[e], kept, documents);
        }
    }

    private static TimelineEntry Only(TimelineEntry entry, List<Span> cites, Dictionary<string, AnalyzedDocument> documents)
    {
        var docs = entry.Docs.Where(d => cites.Any(c => string.Equals(c.DocumentId, d, StringComparison.Ordinal))).ToList();
        var claims = entry.Claims.Where(id => cites.Any(c => id.StartsWith(c.DocumentId + "-", StringComparison.Ordinal))).ToList();

        // The label is the sentence of one of the entry's reports: when that report has gone, a kept one's sentence.
        var labels = cites.Select(c => documents.TryGetValue(c.DocumentId, out var doc) ? Label(doc.Text, c) : null).OfType<string>().ToList();
        var label = labels.Count == 0 || labels.Contains(entry.Label) ? entry.Label : labels[0];
        return entry with { Cites = cites, Docs = docs, Claims = claims, Label = label };
    }

    /// <summary>The sentence on one line, as the timeline labels entries (at most 200 characters).</summary>
    private static string Label(string text, Span cite)
    {
        if (cite.End > text.Length || cite.Start < 0 || cite.End < cite.Start)
        {
            return string.Empty;
        }

        var take = Math.Min(cite.End - cite.Start, LabelLength * 4);
        var flat = Sitrep.Text.WhiteSpace.OneLine(text.Substring(cite.Start, take));
        return take == cite.End - cite.Start && flat.Length <= LabelLength ? flat : string.Concat(flat.AsSpan(0, Math.Min(flat.Length, LabelLength - 1)), "…");
    }

    private const int LabelLength = 200;

    /// <summary>Where the date that gives <paramref name="entry"/> its value stands in the cited sentence, or null when it cannot be read.</summary>
    internal static Place? PlaceOf(AnalyzedDocument doc, TimelineEntry entry, Span cite)
    {
        if (doc.Layers.Find<SyntaxLayer>() is not { } syntax || doc.Layers.Find<TimexLayer>() is not { } timexes)
        {
            return null;
        }

        var range = new TextRange(cite.Start, cite.End);
        var timex = timexes.Items.FirstOrDefault(t => range.Contains(t.Range) && EventTimes.CanDate(t) && SameValue(t.Value, entry.When));
        if (timex is null)
        {
            return null;
        }

        var s = doc.SentenceIndexAt(timex.Range.Start);
        if (s < 0 || IsCyrillic(doc.Text, doc.Sentences[s].Range) || syntax.Of(s) is not { Count: > 0 } parse)
        {
            return null; // the parser is trained on English: a Russian sentence's parse says nothing of its dates
        }

        var tokens = doc.TokensOf(doc.Sentences[s]).ToArray();
        if (tokens.Length != parse.Count)
        {
            return null;
        }

        var inside = new List<int>();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Start >= timex.Range.Start && tokens[i].Start + tokens[i].Length <= timex.Range.End)
            {
                inside.Add(i);
            }
        }

        if (inside.Count == 0)
        {
            return null;
        }

        var head = inside.FirstOrDefault(i => parse[i].Head < 0 || !inside.Contains(parse[i].Head), inside[0]);
        var depth = 0;
        var aside = false;

        // A relative clause set off by commas describes someone in passing ("Prigozhin, whose men marched in June, was on
        // the list"), but only beside a main clause: in a verbless line ("A senior general …, who recorded a video on
        // Friday night …") the relative clause is all that is told. Appositions are not read: the parser takes a
        // dateline ("MOSCOW, June 24, 2023 (…) — …") and a correction's head for one.
        // A relative clause inside an apposition set off by commas describes someone in passing too ("Prigozhin, the
        // founder of the Wagner Group whose mercenaries marched on Moscow in June, was on the passenger list"); an
        // apposition alone is not, as above.
        var mainClause = HasMainVerb(parse);
        var inRelative = false;
        for (var w = head; w >= 0 && depth <= parse.Count; w = parse[w].Head, depth++)
        {
            if (mainClause && parse[w].Relation == "acl:relcl" && SetOff(doc.Text, tokens[Leftmost(parse, w)].Start, tokens[w].Start))
            {
                aside = true;
            }

            if (mainClause && inRelative && parse[w].Relation == "appos" && SetOff(doc.Text, tokens[Leftmost(parse, w)].Start, tokens[w].Start))
            {
                aside = true;
            }

            inRelative |= parse[w].Relation == "acl:relcl";
        }

        depth--;
        var word = parse[head];
        var opening = inside[0] > 0 ? doc.Text.Substring(tokens[inside[0] - 1].Start, tokens[inside[0] - 1].Length).ToLowerInvariant() : string.Empty;
        if (word.Relation is "compound" or "amod" && word.Head > head && parse[word.Head].Upos is "NOUN" or "PROPN" && Determiners.Contains(opening))
        {
            aside = true; // "the June revolt": the date says which revolt, not when the sentence's event happened
        }

        bool Since(int i) => i >= 0 && string.Equals(doc.Text.Substring(tokens[i].Start, tokens[i].Length), "since", StringComparison.OrdinalIgnoreCase);
        if (Since(inside[0] - 1) || Since(inside[0]))
        {
            aside = true; // "since January": the start of a state, not an event
        }

        // "the most important single fact of the weekend": a date after "of" that says which thing a noun is names no
        // time the sentence's own act happened ("the morning of 24 June" is a time: a noun of time is no such thing).
        string Form(int i) => i >= 0 && i < tokens.Length ? doc.Text.Substring(tokens[i].Start, tokens[i].Length).ToLowerInvariant() : string.Empty;
        var of = Determiners.Contains(Form(inside[0] - 1)) ? inside[0] - 2 : inside[0] - 1;
        if (Form(of) == "of" && Form(of - 1) != "as" && word.Head >= 0 && word.Head < inside[0] && parse[word.Head].Upos == "NOUN"
            && !TimeNouns.Contains(parse[word.Head].Lemma.ToLowerInvariant()) && !TimeNouns.Contains(Form(word.Head)))
        {
            aside = true;
        }

        if (SpeechOccasion(doc, tokens, parse, head, entry))
        {
            aside = true;
        }

        return new Place(depth, aside, timex.Range.Start, IsNote(doc.Text, tokens, parse));
    }

    /// <summary>
    /// Whether a sentence is a document's header or provenance line: it writes a year, and it has no verb but a
    /// participle of issuing set off by a comma and without an object ("…, issued 26 June 2023").
    /// </summary>
    private static bool IsNote(string text, Token[] tokens, ParsedSentence parse)
    {
        if (tokens.Length == 0 || !HasYear(text.AsSpan(tokens[0].Start, tokens[^1].Start + tokens[^1].Length - tokens[0].Start)))
        {
            return false;
        }

        for (var i = 0; i < parse.Count; i++)
        {
            if (parse[i].Upos is not ("VERB" or "AUX"))
            {
                continue;
            }

            var form = text.Substring(tokens[i].Start, tokens[i].Length).ToLowerInvariant();
            var setOff = i > 0 && text.AsSpan(tokens[i - 1].Start, tokens[i - 1].Length) is ",";
            if (!IssuingWords.Contains(form) || !setOff || parse.DependentsOf(i).Any(d => parse[d].Relation is "obj" or "iobj" or "ccomp" or "xcomp"))
            {
                return false;
            }
        }

        return true;

        static bool HasYear(ReadOnlySpan<char> line)
        {
            for (var i = 0; i + 4 <= line.Length; i++)
            {
                if ((i == 0 || !char.IsAsciiDigit(line[i - 1])) && (i + 4 == line.Length || !char.IsAsciiDigit(line[i + 4]))
                    && line[i] is '1' or '2' && char.IsAsciiDigit(line[i + 1]) && char.IsAsciiDigit(line[i + 2]) && char.IsAsciiDigit(line[i + 3]))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Whether the date lies only inside what a speaker said on an occasion the sentence tells ("Putin, addressing … on
    /// Cathedral Square, said they had prevented a civil war by standing firm over the weekend"): the sentence's act is
    /// the address, made when the report was written, and the weekend is when what he spoke of happened. Only a date
    /// before the report's own day is read so ("Speaking to officers, he said the leader was in Belarus as of Tuesday",
    /// written that Tuesday, dates the speech's day), and only when the speaking is told as an occasion (a participle
    /// with an object, "addressing …", "speaking to …"): "the office said the dockers had blockaded the port over the
    /// weekend" tells the blockade.
    /// </summary>
    private static bool SpeechOccasion(AnalyzedDocument doc, Token[] tokens, ParsedSentence parse, int head, TimelineEntry entry)
    {
        var root = parse.Root;
        if (root < 0 || !(SpeechLemmas.Contains(parse[root].Lemma.ToLowerInvariant()) || SpeechLemmas.Contains(doc.Text.Substring(tokens[root].Start, tokens[root].Length).ToLowerInvariant())) || entry.Interval is not { } interval
            || doc.Document.Source.Published is not { } published || interval.End > published.UtcDateTime.Date)
        {
            return false;
        }

        // The date hangs from the speech verb's complement, not from the speech verb itself ("said on Tuesday").
        var below = head;
        while (below >= 0 && parse[below].Head != root)
        {
            below = parse[below].Head;
        }

        if (below < 0 || parse[below].Relation is not ("ccomp" or "parataxis"))
        {
            return false;
        }

        // The occasion: a participle of addressing or speaking that opens the sentence or a stretch set off by a comma
        // before the speech verb ("Putin, addressing … , said"; "Speaking to officers in Minsk, he said"), followed by
        // whom it was addressed to, and not inside what was said. Its place in the sentence is read, not its head: the
        // parser often hangs such a participle on a noun of the subject.
        for (var i = 0; i + 1 < root; i++)
        {
            var form = doc.Text.Substring(tokens[i].Start, tokens[i].Length).ToLowerInvariant();
            if (!OccasionWords.Contains(form) || (i > 0 && doc.Text.AsSpan(tokens[i - 1].Start, tokens[i - 1].Length) is not ","))
            {
                continue;
            }

            var inside = false;
            for (var w = i; w >= 0 && w != root; w = parse[w].Head)
            {
                inside |= w == below;
            }

            if (!inside && char.IsLetterOrDigit(doc.Text[tokens[i + 1].Start]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Verbs that report what someone said (lemmas, and their past forms for a parse without lemmas).</summary>
    private static readonly HashSet<string> SpeechLemmas = new(StringComparer.Ordinal)
    {
        "say", "said", "tell", "told", "declare", "declared", "state", "stated", "claim", "claimed", "add", "added", "insist", "insisted", "argue", "argued",
    };

    /// <summary>Participles that tell a speech as an occasion: "addressing the troops", "speaking to officers".</summary>
    private static readonly HashSet<string> OccasionWords = new(StringComparer.Ordinal) { "addressing", "speaking", "talking", "briefing" };

    /// <summary>Nouns of time, after which "of" and a date still say when: "the morning of 24 June", "the night of the 23rd".</summary>
    private static readonly HashSet<string> TimeNouns = new(StringComparer.Ordinal)
    {
        "morning", "afternoon", "evening", "night", "day", "dawn", "dusk", "noon", "midnight", "week", "weekend", "hour", "hours",
        "end", "beginning", "start", "middle", "course", "eve", "date", "time", "month", "year", "spring", "summer", "autumn", "winter",
        "deadline", "anniversary",
    };

    /// <summary>Participles with which a document states its own issuing: "…, issued 26 June 2023".</summary>
    private static readonly HashSet<string> IssuingWords = new(StringComparer.Ordinal) { "issued", "published", "posted", "dated", "released", "filed", "updated", "compiled", "prepared", "written" };

    /// <summary>Words before a date that make it a modifier of the noun after it: "the June revolt", not "On Friday Kremlin spokesman …".</summary>
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your" };

    private static bool IsCyrillic(string text, TextRange range)
    {
        var letters = 0;
        var cyrillic = 0;
        for (var i = range.Start; i < range.End && letters < 200; i++)
        {
            if (char.IsLetter(text[i]))
            {
                letters++;
                cyrillic += text[i] is >= '\u0400' and <= '\u04FF' ? 1 : 0;
            }
        }

        return cyrillic * 2 > letters;
    }

    private static bool SameValue(string value, string when) =>
        string.Equals(value, when, StringComparison.Ordinal) || (value.Length >= 10 && when.Length >= 10 && value.AsSpan(0, 10).SequenceEqual(when.AsSpan(0, 10)));

    /// <summary>Whether the sentence's root is a verb or carries a copula or an auxiliary: a clause, not a verbless line.</summary>
    private static bool HasMainVerb(ParsedSentence parse)
    {
        var root = parse.Root;
        return root >= 0 && (parse[root].Upos is "VERB" or "AUX" || parse.DependentsOf(root).Any(d => parse[d].Relation is "cop" or "aux" or "aux:pass"));
    }

    private static int Leftmost(ParsedSentence parse, int word)
    {
        var left = word;
        for (var i = 0; i < word; i++)
        {
            for (var a = i; a >= 0; a = parse[a].Head)
            {
                if (a == word)
                {
                    return i; // the first word whose chain of heads reaches the clause's head (heads never cycle)
                }
            }
        }

        return left;
    }

    /// <summary>
    /// Whether a clause whose first word starts at <paramref name="start"/> (its head at <paramref name="head"/>) is set
    /// off by a comma, a dash or a bracket: the parse gives the comma before a relative clause to the clause itself.
    /// </summary>
    private static bool SetOff(string text, int start, int head)
    {
        if (text[start] is ',' or '—' or '(' or '–' && start < head)
        {
            return true;
        }

        var i = start - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        return i >= 0 && text[i] is ',' or '—' or '(' or '–';
    }
}
