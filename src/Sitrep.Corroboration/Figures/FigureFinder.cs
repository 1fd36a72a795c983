using System.Globalization;
using Sitrep.Claims;
using Sitrep.Claims.Frames;
using Sitrep.Claims.Modality;
using Sitrep.Corroboration.Alignment;
using Sitrep.Corroboration.Propositions;
using Sitrep.Pipeline;

namespace Sitrep.Corroboration.Figures;

/// <summary>
/// Sets the sources' figures side by side: every measure of a check-worthy claim joins the figure of its role, what it
/// counts and its event (claims of different stories, classes or dates never share one), and each figure is labelled
/// consistent (the ranges overlap, after unit conversion and hedges), update (a later report revises a count, or a
/// source corrects itself) or dispute (values that cannot both hold).
/// </summary>
internal static partial class FigureFinder
{
    private const int MaxConflictsPerFigure = 6;

    /// <summary>
    /// Most documents whose values of one key (role and what is counted) are set side by side: over a key held by more,
    /// the values of the first this many holders by document id (<see cref="FigureStage.Candidates"/>'s holders). The
    /// cut depends on the story, not on the order its reports came in, so an incremental update reproduces it from the
    /// stored holders (<see cref="IIncrementalStage.KeyDocumentLimit"/>); it bounds the events' pairwise comparison.
    /// </summary>
    internal const int MaxDocumentsPerGroup = 128;
    private const double MaxMagnitudeGap = 1.0;

    /// <summary>
    /// The entity-profile cosine under which two documents' counts of things are not compared even when they name one of
    /// the same people (which counts need anyway): half the story threshold, since the shared person already ties them.
    /// </summary>
    private const double CountStorySimilarity = 0.1;

    private static readonly string[] RevisionCues =
    [
        "corrected", "correction", "earlier version", "previously reported", "revised", "rose to", "risen to", "climbed to",
        "has risen", "had risen", "increased to", "jumped to", "now stands", "updated", "raised the toll", "up from",
    ];

    /// <summary>
    /// True for a zero read from a word that characterises the event ("bloodless", "without bloodshed", "no blood was
    /// shed") rather than one that counts ("no one was killed", "0 dead"). In a headline such a word is written to draw
    /// the reader in: the seeds' "The Bloodless Coup That Wasn't a Coup" heads an opinion piece about whether it was a
    /// coup, not about casualties, and set beside "at least 15 killed" it read as a toll of 0 that no source gave. A
    /// headline adjective is not a count, so it takes no part in figures; in a report's own text the same words state
    /// an outcome and still do.
    /// </summary>
    internal static bool IsCharacterisation(Measure m) =>
        m.IsZero && !m.Text.Any(char.IsDigit) && m.Text.Contains("blood", StringComparison.OrdinalIgnoreCase);

    private static readonly string[] RejectionCues =
    [
        "unsupported", "unfounded", "baseless", "debunked", "no evidence", "not supported", "false claim", "rumour", "rumor",
        "fake", "dismissed", "disproved", "discredited",
    ];

    /// <summary>The figures of the corpus.</summary>
    public static IReadOnlyList<Figure> Find(Corpus corpus, StoryAlignment alignment, Func<Corpus, string, string> origin, CancellationToken cancellationToken, Func<FigureValue, FigureValue, bool>? differentEvents = null)
    {
        var groups = new Dictionary<(string Role, string? Counted), List<Member>>();
        var zeros = new List<Member>();
        var agedNames = FallerNames.Build(corpus);
        foreach (var doc in corpus.Documents)
        {
            var layer = doc.Layers.Find<ClaimLayer>();
            // The headline takes part as the outlet's claim, labelled so, when it states a figure ("13 airmen killed");
            // an adjective in it is not a count (see IsCharacterisation).
            foreach (var claim in layer is null ? [] : layer.Headline is { } headline ? layer.Items.Append(headline) : layer.Items)
            {
                var sentence = claim.Frame.Measures.Count == 0 ? string.Empty : SentenceOf(doc, claim);
                if (claim.Frame.Measures.Count == 0 || !Asserts(claim, doc.Document.Slice(claim.Span), sentence))
                {
                    continue;
                }

                var claimRef = new ClaimRef(doc.Document.Id, claim);
                var source = ClaimSource.Of(corpus, claimRef, origin);
                var sentenceBackground = BackgroundOf(doc, claim, sentence, source.ReportTime);
                foreach (var read in claim.Frame.Measures)
                {
                    var m = agedNames.Named(read);
                    var background = m.Undated ? null : sentenceBackground; // an age the sentence's date does not date
                    if (claim.Polarity == ClaimPolarity.Negative && !m.IsZero && !MeasureRoles.ReadsOwnNegation(m.Role))
                    {
                        continue; // "it is not true that 30 died" gives no figure of 30 (a count of occasions or a clock time is negated by its own verb, see ReadsOwnNegation)
                    }

                    // An amount of money says nothing of what it pays for (a bailout, a loss, a ransom): two amounts in
                    // one story are as often two things as one thing disputed, so they are not set side by side.
                    if (m.Role is MeasureRoles.Money)
                    {
                        continue;
                    }

                    var isHeadline = ReferenceEquals(claim, layer?.Headline);
                    if (isHeadline && IsCharacterisation(m))
                    {
                        continue;
                    }

                    var value = new FigureValue(claimRef.Key, doc.Document.Id, isHeadline ? source.Label + " (headline)" : source.Label, source.Key, m, source.ReportTime, claim.Span, claim.Likelihood?.Band is { } band ? LikelihoodBands.Name(band) : null) { IsHeadline = isHeadline };
                    if (m.IsZero)
                    {
                        zeros.Add(new Member(value, claim, background));
                        continue;
                    }

                    var key = (m.Role, m.Counted);
                    if (!groups.TryGetValue(key, out var list))
                    {
                        groups[key] = list = [];
                    }

                    list.Add(new Member(value, claim, background) { Scope = FigureScope.Of(doc.Document.Text, m) });
                }
            }
        }

        // "300 km from the capital": within one corpus the capital is the place its other distances are measured from,
        // so such values join the role's largest named group.
        foreach (var vague in groups.Keys.Where(k => k.Role == MeasureRoles.Distance && k.Counted is "the capital" or "the city").ToList())
        {
            var target = groups.Where(g => g.Key.Role == MeasureRoles.Distance && g.Key.Counted is not ("the capital" or "the city"))
                .OrderByDescending(g => g.Value.Count).Select(g => g.Key).FirstOrDefault();
            if (target.Role is not null)
            {
                groups[target].AddRange(groups[vague]);
                groups.Remove(vague);
            }
        }

        // A zero ("nobody was hurt") speaks to every count of people harmed: killed, injured or both.
        foreach (var z in zeros)
        {
            var roles = z.Value.Measure.Role == MeasureRoles.Casualties
                ? new[] { MeasureRoles.Killed, MeasureRoles.Injured, MeasureRoles.Casualties }
                : [z.Value.Measure.Role, MeasureRoles.Casualties];
            foreach (var (key, list) in groups)
            {
                if (roles.Contains(key.Role))
                {
                    list.Add(z);
                }
            }
        }

        Cut(corpus, groups);
        var movers = corpus.Documents.Where(d => TollMoves(d.Document.Text)).Select(d => d.Document.Id).ToHashSet(StringComparer.Ordinal);
        var datelines = new Dictionary<string, Datelines.Stamp>(StringComparer.Ordinal);
        foreach (var doc in corpus.Documents)
        {
            if (Datelines.Of(doc) is { } stamp)
            {
                datelines[doc.Document.Id] = stamp;
            }
        }

        var shared = SharedFigures.Of(groups.SelectMany(g => g.Value).Select(m => m.Value));
        var figures = new List<Figure>();
        foreach (var ((role, counted), members) in groups.OrderBy(g => g.Key.Role, StringComparer.Ordinal).ThenBy(g => g.Key.Counted, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var evt in Events(members, alignment, shared, TermHolders(role, members, corpus)))
            {
                // A toll that a report of this event says has risen, or is expected to, is a count that moves.
                var moving = MeasureRoles.IsCumulative(role) && evt.Exists(e => movers.Contains(e.Value.DocumentId));
                if (Make(role, counted, evt, members, corpus, differentEvents, moving, datelines) is { } figure)
                {
                    figures.Add(figure with { Id = "f" + (figures.Count + 1).ToString(CultureInfo.InvariantCulture) });
                }
            }
        }

        return [.. figures
            .OrderByDescending(f => f.Verdict)
            .ThenByDescending(f => f.Values.Select(v => v.SourceKey).Distinct(StringComparer.Ordinal).Count())
            .ThenBy(f => int.Parse(f.Id.AsSpan(1), CultureInfo.InvariantCulture))];
    }

    /// <summary>
    /// Keeps, of a group whose key more than <see cref="MaxDocumentsPerGroup"/> documents hold, the values (zeros joined
    /// included) of the first that many holders by document id. On an update's neighbourhood, which holds part of the
    /// story, the cut is the whole story's as the engine gives it (<see cref="PictureKeyCuts"/>), not the holders there.
    /// </summary>
    private static void Cut(Corpus corpus, Dictionary<(string Role, string? Counted), List<Member>> groups)
    {
        var cuts = corpus.Layers.Find<PictureKeyCuts>();
        Dictionary<string, SortedSet<string>>? holders = null;
        foreach (var ((role, counted), members) in groups)
        {
            var key = FigureStage.KeyOf(role, counted);
            holders ??= Holders(corpus);
            var held = holders.GetValueOrDefault(key);
            var last = cuts is not null
                ? cuts.Of(FigureStage.Kind, key)
                : held is { Count: > MaxDocumentsPerGroup } ? held.ElementAt(MaxDocumentsPerGroup - 1) : null;
            if (last is not null)
            {
                members.RemoveAll(m => held?.Contains(m.Value.DocumentId) != true || string.CompareOrdinal(m.Value.DocumentId, last) > 0);
            }
        }
    }

    /// <summary>The documents holding each key, as <see cref="FigureStage.Candidates"/> indexes them.</summary>
    private static Dictionary<string, SortedSet<string>> Holders(Corpus corpus)
    {
        var holders = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var doc in corpus.Documents)
        {
            foreach (var key in FigureStage.CandidateKeys(doc).SelectMany(c => c.Keys))
            {
                if (!holders.TryGetValue(key, out var set))
                {
                    holders[key] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(doc.Document.Id);
            }
        }

        return holders;
    }

    /// <summary>
    /// True when the claim asserts what it says: not a question, a speculation or an "unlikely", and not a figure its
    /// own sentence rejects ("claims that there were no casualties are unsupported").
    /// </summary>
    private static bool Asserts(Claim claim, string text, string sentence) =>
        !Array.Exists(RejectionCues, cue => sentence.Contains(cue, StringComparison.OrdinalIgnoreCase))
        && (IsLaterClauseSpeculation(claim, text)
            || (claim.Kind is not (ClaimKind.Question or ClaimKind.Speculation)
                && claim.Likelihood?.Band is not (LikelihoodBand.Unlikely or LikelihoodBand.VeryUnlikely or LikelihoodBand.AlmostNoChance or LikelihoodBand.RoughlyEvenChance)));

    /// <summary>
    /// The background time cue of a claim's sentence; a sentence that opens with a pronoun ("It killed 612 people")
    /// carries on the sentence before it ("In February, a quake hit Zarand").
    /// </summary>
    private static string? BackgroundOf(AnalyzedDocument doc, Claim claim, string sentence, DateTimeOffset? reportTime)
    {
        if (BackgroundTime.Of(sentence, reportTime) is { } own)
        {
            return own;
        }

        var opening = sentence.TrimStart();
        return claim.Sentence > 0 && (uint)claim.Sentence < (uint)doc.Sentences.Count
            && (opening.StartsWith("It ", StringComparison.Ordinal) || opening.StartsWith("That ", StringComparison.Ordinal) || opening.StartsWith("This ", StringComparison.Ordinal))
            ? BackgroundTime.Of(doc.Document.Slice(doc.Sentences[claim.Sentence - 1].Range), reportTime)
            : null;
    }

    private static string SentenceOf(AnalyzedDocument doc, Claim claim) =>
        (uint)claim.Sentence < (uint)doc.Sentences.Count ? doc.Document.Slice(doc.Sentences[claim.Sentence].Range) : doc.Document.Slice(claim.Span);

    /// <summary>
    /// "There were no casualties, it was theatre so Putin could clean house": the modal that made the claim a
    /// speculation stands in a later clause than the figures, which are asserted plainly.
    /// </summary>
    private static bool IsLaterClauseSpeculation(Claim claim, string text)
    {
        if (claim.Kind != ClaimKind.Speculation || text.TrimEnd().EndsWith('?') || claim.Frame.Measures.Count == 0)
        {
            return false;
        }

        var lastMeasure = claim.Frame.Measures.Max(m => m.Range.End) - claim.Span.Start;
        if (lastMeasure <= 0 || lastMeasure > text.Length)
        {
            return false;
        }

        var before = text.AsSpan(0, lastMeasure);
        var after = text.AsSpan(lastMeasure);
        var comma = after.IndexOf(',');
        return comma >= 0 && !ContainsModal(before) && ContainsModal(after[comma..]);
    }

    private static bool ContainsModal(ReadOnlySpan<char> text)
    {
        foreach (var modal in (ReadOnlySpan<string>)[" could ", " might ", " may ", " would ", "if ", "perhaps", "maybe", "possibly", " whether "])
        {
            if (text.Contains(modal, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Splits one figure's values into events: same story (or the same named holder), the same background time or none
    /// ("In February, a quake killed 612" is another quake than the one the report is about), and event dates that agree
    /// (complete link). A parent's children, a place's population and a titled work's year are the holder's whatever the event or the date;
    /// a height fallen, a time since, a block, a length or a weight whatever the date the sentence gives. A count of a
    /// holder's occasions skips the background cue, which compares the sentences' cues as written: a count of a life's
    /// occasions is often told with their years ("married twice; the first marriage lasted from 1943 to 1947"), which dates
    /// the occasions, not another count; the event-date check still keeps apart counts told of two different years.
    /// </summary>
    /// <remarks>
    /// Counts of things (boats, rifles, magazines) also need the two documents to name one of the same people: two naval
    /// operations against pirates share the navy, the gulf and the pirates, so their entity profiles do not tell them
    /// apart, and their seizures differ as a matter of course; on the development gold no two documents of a topic's two
    /// events name one of the same people with a full name, save where the two events share a name-giving place (a
    /// store, a police force), and no count is read there.
    /// A count of a named holder's occasions ("Page married twice") is tied the same way, by a shared person and the looser
    /// profile: obituaries and profiles of one person tell different parts of a life, so their profiles are far apart
    /// even where they name her in full. A named holder's rank in a sequence ("the fourth coach") is tied and dated the
    /// same way: it is told with the years of the sequence ("since 2003"), which date the sequence, not another rank.
    /// A turnout needs only that looser profile, without a shared person: it is said of nothing but a vote, and reports
    /// of one election name the country, its leaders and its observers but rarely the same people in full (a leader's
    /// name is spelt two ways); the background-time and event-date checks still keep two elections apart.
    /// </remarks>
    private static List<List<Member>> Events(List<Member> members, StoryAlignment alignment, SharedFigures shared, Dictionary<Member, string>? holders) =>
        EventPartition.Of(members, (o, m) =>
            (o.Value.Measure.Role is not (MeasureRoles.Count or MeasureRoles.Occasions or MeasureRoles.Rank) || alignment.SharePerson(o.Value.DocumentId, m.Value.DocumentId))
            && (holders is null || !holders.TryGetValue(o, out var ho) || !holders.TryGetValue(m, out var hm) || string.Equals(ho, hm, StringComparison.Ordinal))
            && Joins(o, m, alignment, shared));

    /// <summary>
    /// Whose each prison term is, when the sentences name holders (<see cref="Measure.Holder"/>): a term with no named holder
    /// ("He was sentenced to 12 years") is its document's most named holder of the figure's (the surname written most
    /// often in its text), and none when the document names none of them. Terms of two holders are two figures' values:
    /// an obituary gives the sentence of a man its subject was convicted with. Null when no term names a holder.
    /// </summary>
    private static Dictionary<Member, string>? TermHolders(string role, List<Member> members, Corpus corpus)
    {
        if (role != MeasureRoles.Term || !members.Exists(m => m.Value.Measure.Holder is not null))
        {
            return null;
        }

        var names = members.Select(m => m.Value.Measure.Holder).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var texts = corpus.Documents.ToDictionary(d => d.Document.Id, d => d.Document.Text, StringComparer.Ordinal);
        var holders = new Dictionary<Member, string>(ReferenceEqualityComparer.Instance);
        foreach (var m in members)
        {
            if (m.Value.Measure.Holder is { } own)
            {
                holders[m] = own;
                continue;
            }

            if (!texts.TryGetValue(m.Value.DocumentId, out var text))
            {
                continue;
            }

            var counts = names.Select(n => (Name: n, Count: Mentions(text, n))).Where(c => c.Count > 0).OrderByDescending(c => c.Count).ToList();
            if (counts.Count > 0 && (counts.Count == 1 || counts[0].Count > counts[1].Count))
            {
                holders[m] = counts[0].Name;
            }
        }

        return holders;
    }

    /// <summary>How many times <paramref name="name"/> is written in <paramref name="text"/> as a whole word, in any case.</summary>
    private static int Mentions(string text, string name)
    {
        var count = 0;
        for (var i = text.IndexOf(name, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(name, i + name.Length, StringComparison.OrdinalIgnoreCase))
        {
            if ((i == 0 || !char.IsLetter(text[i - 1])) && (i + name.Length == text.Length || !char.IsLetter(text[i + name.Length])))
            {
                count++;
            }
        }

        return count;
    }

    private static bool Joins(Member o, Member m, StoryAlignment alignment, SharedFigures shared) =>
            string.Equals(o.Scope, m.Scope, StringComparison.Ordinal)
            && (o.Value.Measure.Role != MeasureRoles.Record || SameMoment(o.Value.Measure, m.Value.Measure))
            && (o.Value.Measure.Role != MeasureRoles.Occasions || Gap(o.Value.Measure, m.Value.Measure) <= MeasureRoles.MaxOccasionGap)
            && (o.Value.Measure.Role != MeasureRoles.Rank || Gap(o.Value.Measure, m.Value.Measure) <= MeasureRoles.MaxRankGap)
            && (o.Value.Measure.Role != MeasureRoles.WorkYear || Gap(o.Value.Measure, m.Value.Measure) <= MeasureRoles.MaxWorkYearGap)
            && Joined(o, m, alignment, shared);

    /// <summary>
    /// Most bouts or games two records of one competitor may differ by in all and still be read as one moment of the career:
    /// two reports of one bout can be a bout or two apart (one counts the bout, one miscounts), but a champion's record
    /// before a rematch four years later is six bouts longer, and both fights' reports name him.
    /// </summary>
    private const int MaxRecordBoutGap = 2;

    private static bool SameMoment(Measure a, Measure b) =>
        a.Min is { } x && b.Min is { } y && Math.Abs(MeasureRoles.RecordBouts(x) - MeasureRoles.RecordBouts(y)) <= MaxRecordBoutGap;

    private static bool Joined(Member o, Member m, StoryAlignment alignment, SharedFigures shared) =>
            o.Value.Measure.Role is MeasureRoles.Children or MeasureRoles.Population or MeasureRoles.WorkYear
            || ((MeasureRoles.IsNamedHolder(o.Value.Measure.Role, o.Value.Measure.Counted)
                || alignment.SameStory(o.Value.DocumentId, m.Value.DocumentId)
                || shared.TieStory(o.Value.DocumentId, m.Value.DocumentId)
                || (o.Value.Measure.Role is MeasureRoles.Count or MeasureRoles.Turnout or MeasureRoles.Occasions or MeasureRoles.Rank && alignment.Similarity(o.Value.DocumentId, m.Value.DocumentId) >= CountStorySimilarity))
            && (o.Value.Measure.Located is null || m.Value.Measure.Located is null || string.Equals(o.Value.Measure.Located, m.Value.Measure.Located, StringComparison.Ordinal))
            && (MeasureRoles.IsTimeless(o.Value.Measure.Role)
                || ((o.Value.Measure.Role is MeasureRoles.Occasions or MeasureRoles.Rank || string.Equals(o.Background, m.Background, StringComparison.Ordinal))
                    && (o.Value.Measure.Undated || m.Value.Measure.Undated || StoryAlignment.DateMismatch(o.Value.Measure.EventTime ?? o.Claim.EventTime, o.Claim.ReportTime, m.Value.Measure.EventTime ?? m.Claim.EventTime, m.Claim.ReportTime) is null))));

    /// <summary>
    /// True when <paramref name="a"/>'s source also gives, elsewhere in the same document, a value <paramref name="b"/>'s
    /// can hold with: that report does not gainsay <paramref name="b"/>, it tells another moment or another event besides
    /// (an obituary that gives a 1959 sentence of seven years and the 1997 one of twelve against a report of the twelve).
    /// A report that quotes one side's figure and gives its own other one still disputes it: the two have other sources.
    /// Read for prison terms only, which a career holds several of: a toll that builds up is told rising from 5 to 24 in
    /// one report (5 elsewhere is the earlier count, an update), and a report that sets an unnamed official's "roughly
    /// 300 km" against a leader's "200 km" gives both under one source when the attribution is not resolved.
    /// </summary>
    private static bool AlsoGives(Dictionary<(string DocumentId, string SourceKey), List<Measure>> given, FigureValue a, FigureValue b) =>
        !string.Equals(a.DocumentId, b.DocumentId, StringComparison.Ordinal)
        && given.TryGetValue((a.DocumentId, a.SourceKey), out var own) && own.Exists(m => !ReferenceEquals(m, a.Measure) && Overlap(m, b.Measure) && !Bearings.Opposed(m, b.Measure));

    private static Figure? Make(string role, string? counted, List<Member> evt, List<Member> all, Corpus corpus, Func<FigureValue, FigureValue, bool>? differentEvents, bool moving, IReadOnlyDictionary<string, Datelines.Stamp> datelines)
    {
        // One value per source and interval: a source repeating itself, or a wire copy, says it once.
        var values = evt
            .Select(e => e.Value)
            .GroupBy(v => (v.SourceKey, v.Measure.Min, v.Measure.Max))
            .Select(g => g.OrderBy(v => v.ReportTime ?? DateTimeOffset.MaxValue).First())
            .OrderBy(v => v.ReportTime ?? DateTimeOffset.MaxValue)
            .ThenBy(v => v.ClaimKey, StringComparer.Ordinal)
            .ToList();
        var sources = values.Select(v => v.SourceKey).Distinct(StringComparer.Ordinal).Count();
        if (values.Count < 2 || (sources < 2 && values.Select(v => (v.Measure.Min, v.Measure.Max)).Distinct().Count() < 2))
        {
            return null;
        }

        if (values.TrueForAll(v => v.Measure.IsZero))
        {
            return null; // zeros alone are not a figure of this count
        }

        // A report that counts boats twice, differently ("five boats approached … the remaining three were captured"), counts
        // different sets: the story has no one number of them to dispute.
        if (role == MeasureRoles.Count && values.GroupBy(v => v.DocumentId, StringComparer.Ordinal).Any(g => g.Any(a => g.Any(b => !Overlap(a.Measure, b.Measure)))))
        {
            return null;
        }

        var shownCounted = Spelling(counted, values, corpus);
        // What each source of a document gives, read only for prison terms (see AlsoGives).
        var given = role == MeasureRoles.Term ? all.GroupBy(m => (m.Value.DocumentId, m.Value.SourceKey)).ToDictionary(g => g.Key, g => g.Select(m => m.Value.Measure).ToList()) : null;

        // A toll that moves (see the caller): two undated reports of it with different values are an earlier and a later
        // count, not a dispute.
        var conflicts = new List<FigureConflict>();
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < values.Count && conflicts.Count < MaxConflictsPerFigure; i++)
        {
            for (var j = i + 1; j < values.Count && conflicts.Count < MaxConflictsPerFigure; j++)
            {
                var (a, b) = (values[i], values[j]);
                // "dozens", "tens of thousands": a vague amount disputes only a zero.
                if (IsVague(a.Measure) && !b.Measure.IsZero || IsVague(b.Measure) && !a.Measure.IsZero)
                {
                    continue;
                }

                // Agencies differ on a quake's magnitude by tenths; a whole point apart is another shock (an aftershock).
                if (role == MeasureRoles.Magnitude && Gap(a.Measure, b.Measure) > MaxMagnitudeGap)
                {
                    continue;
                }

                var opposed = Bearings.Opposed(a.Measure, b.Measure);
                if ((Overlap(a.Measure, b.Measure) && !opposed) || string.Equals(a.DocumentId, b.DocumentId, StringComparison.Ordinal) && string.Equals(a.SourceKey, b.SourceKey, StringComparison.Ordinal) && !a.ReportTime.HasValue)
                {
                    continue;
                }

                if (seen.Contains((a.SourceKey, b.SourceKey)) || differentEvents?.Invoke(a, b) == true || (given is not null && (AlsoGives(given, a, b) || AlsoGives(given, b, a))))
                {
                    continue;
                }

                seen.Add((a.SourceKey, b.SourceKey));

                // Without report times, the order comes from the text: a report that says its value was the first one
                // reported ("originally reported that two died"), else the two documents' own datelines when both have one.
                var told = TellsFirst(a, corpus) != TellsFirst(b, corpus);
                var dated = DatelineOrder(a, b, datelines);
                if ((told && TellsFirst(b, corpus)) || (!told && dated == -1))
                {
                    (a, b) = (b, a);
                }

                var undatedRise = !told && dated is null && moving && a.ReportTime is null && b.ReportTime is null && !a.Measure.IsZero && !b.Measure.IsZero;
                if (undatedRise && (a.Measure.Min ?? 0) > (b.Measure.Min ?? 0))
                {
                    (a, b) = (b, a); // the smaller count came first
                }

                var update = told || undatedRise || (dated is not null && Rises(role, a, b)) || IsUpdate(role, a, b, corpus);
                var what = MeasureRoles.Label(role, shownCounted);
                var reason = opposed && !update
                    ? Bearings.Reason(what, a, b)
                    : update
                    ? $"{what}: {b.Source} later gives {b.Measure.Describe()} (earlier {a.Measure.Describe()}, {a.Source}){HowOrdered(a, b, told, dated, datelines)}"
                    : $"{what}: {a.Source} gives {a.Measure.Describe()} (“{a.Measure.Text}”) while {b.Source} gives {b.Measure.Describe()} (“{b.Measure.Text}”); both cannot hold";
                conflicts.Add(new FigureConflict(a, b, update, reason));
            }
        }

        if (conflicts.Count == 0 && sources < 2)
        {
            return null;
        }

        var verdict = conflicts.Exists(c => !c.IsUpdate) ? FigureVerdict.Dispute : conflicts.Count > 0 ? FigureVerdict.Update : FigureVerdict.Consistent;
        var label = MeasureRoles.Label(role, shownCounted);
        var summary = verdict switch
        {
            FigureVerdict.Dispute => $"{label}: sources disagree ({string.Join(" vs ", values.Select(v => v.Measure.Describe()).Distinct(StringComparer.Ordinal))})",
            FigureVerdict.Update => $"{label}: the figure moved over time ({string.Join(" → ", values.Select(v => v.Measure.Describe()).Distinct(StringComparer.Ordinal))})",
            _ => $"{label}: {sources} sources give values that can all hold ({string.Join(", ", values.Select(v => v.Measure.Describe()).Distinct(StringComparer.Ordinal))})",
        };
        return new Figure(string.Empty, role, counted, label, values, verdict, summary, conflicts);
    }

    /// <summary>
    /// What a figure counts as the sources spell it: "Moscow", not the key "moscow". The key is lower case so that sources
    /// meet whatever their case; the label takes the spelling the claims write it with, unless one of them writes it in
    /// lower case inside the sentence (a common noun: "airmen", "soldiers"), or none writes it at all.
    /// </summary>
    internal static string? Spelling(string? counted, IReadOnlyList<FigureValue> values, Corpus corpus)
    {
        if (counted is null || counted.Length == 0 || !counted.Any(char.IsLetter))
        {
            return counted;
        }

        string? spelled = null;
        foreach (var value in values)
        {
            if (!corpus.ById.TryGetValue(value.DocumentId, out var doc) || value.Cite.End > doc.Document.Text.Length || value.Cite.Start < 0 || value.Cite.End <= value.Cite.Start)
            {
                continue;
            }

            var text = doc.Document.Text.AsSpan(value.Cite.Start, value.Cite.End - value.Cite.Start);
            var from = 0;
            while (from < text.Length)
            {
                var at = text[from..].IndexOf(counted, StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    break;
                }

                at += from;
                from = at + 1;
                var end = at + counted.Length;
                if ((at > 0 && char.IsLetterOrDigit(text[at - 1])) || (end < text.Length && char.IsLetterOrDigit(text[end])) || OpensSentence(text, at))
                {
                    continue;
                }

                var written = text.Slice(at, counted.Length).ToString();
                if (string.Equals(written, counted, StringComparison.Ordinal))
                {
                    return counted; // written in lower case where case carries meaning: a common noun
                }

                spelled ??= written;
            }
        }

        return spelled ?? counted;
    }

    /// <summary>True when the word at <paramref name="at"/> opens the text or a sentence in it, where any word is capitalised.</summary>
    private static bool OpensSentence(ReadOnlySpan<char> text, int at)
    {
        var i = at - 1;
        while (i >= 0 && (char.IsWhiteSpace(text[i]) || text[i] is '"' or '“' or '‘' or '\'' or '(' or '*'))
        {
            i--;
        }

        return i < 0 || text[i] is '.' or '!' or '?' or ':' or '•' or '-' or '—';
    }

    /// <summary>One source's value with its claim and the background time cue of its sentence, if any.</summary>
    private sealed record Member(FigureValue Value, Claim Claim, string? Background)
    {
        /// <summary>The narrower scope the count is given ("in the courtroom", "so far"), or null (<see cref="FigureScope"/>).</summary>
        public string? Scope { get; init; }
    }

    private static bool IsVague(Measure m) =>
        (m.Role is MeasureRoles.Count or MeasureRoles.Held ? m.Text.Contains("dozens", StringComparison.OrdinalIgnoreCase) : m.Text.Contains("dozen", StringComparison.OrdinalIgnoreCase)) || m.Text.Contains("hundreds", StringComparison.OrdinalIgnoreCase)
        || m.Text.Contains("thousands", StringComparison.OrdinalIgnoreCase) || m.Text.Contains("millions", StringComparison.OrdinalIgnoreCase)
        || m.Text.Contains("scores", StringComparison.OrdinalIgnoreCase);

    /// <summary>How far apart two bounded values are (0 when they overlap or either is unbounded).</summary>
    private static double Gap(Measure a, Measure b) =>
        a.Min is { } loA && b.Max is { } hiB && loA > hiB ? loA - hiB
        : b.Min is { } loB && a.Max is { } hiA && loB > hiA ? loB - hiA
        : 0;

    /// <summary>True when the two values can both hold.</summary>
    internal static bool Overlap(Measure a, Measure b)
    {
        var loA = a.Min ?? 0;
        var hiA = a.Max ?? double.PositiveInfinity;
        var loB = b.Min ?? 0;
        var hiB = b.Max ?? double.PositiveInfinity;
        // "nearly 300" and "more than 300" touch at 300, which neither includes.
        if (Math.Abs(loA - hiB) < 1e-9 && a.MinExclusive && b.MaxExclusive || Math.Abs(loB - hiA) < 1e-9 && b.MinExclusive && a.MaxExclusive)
        {
            return false;
        }

        return loA <= hiB + 1e-9 && loB <= hiA + 1e-9;
    }

    /// <summary>
    /// The order of two undated values by their documents' datelines: 1 when <paramref name="a"/>'s came surely first, -1
    /// when <paramref name="b"/>'s did, null when either has none or they cannot be told apart (one day, no clock).
    /// </summary>
    private static int? DatelineOrder(FigureValue a, FigureValue b, IReadOnlyDictionary<string, Datelines.Stamp> datelines) =>
        a.ReportTime is not null || b.ReportTime is not null || !datelines.TryGetValue(a.DocumentId, out var da) || !datelines.TryGetValue(b.DocumentId, out var db) ? null
        : db.IsAfter(da) ? 1
        : da.IsAfter(db) ? -1
        : null;

    /// <summary>What ordered an undated pair, for the reason: the report's own words, or the two datelines.</summary>
    private static string HowOrdered(FigureValue a, FigureValue b, bool told, int? dated, IReadOnlyDictionary<string, Datelines.Stamp> datelines) =>
        told ? "; the earlier value is the one its report says was first reported"
        : dated is not null ? string.Create(CultureInfo.InvariantCulture, $"; by the reports' datelines, {datelines[a.DocumentId].Time:d MMM yyyy} then {datelines[b.DocumentId].Time:d MMM yyyy}")
        : string.Empty;

    /// <summary>A cumulative count that grew from a non-zero value: what a toll does as bodies are found.</summary>
    private static bool Rises(string role, FigureValue earlier, FigureValue later) =>
        MeasureRoles.IsCumulative(role) && !earlier.Measure.IsZero && !later.Measure.IsZero
        && (later.Measure.Min ?? 0) > (earlier.Measure.Max ?? double.PositiveInfinity);

    /// <summary>True when the value's own claim says it was the first one reported ("officials initially reported that …").</summary>
    private static bool TellsFirst(FigureValue value, Corpus corpus)
    {
        var text = corpus.ById[value.DocumentId].Document.Text;
        return value.Cite.End <= text.Length && Contradictions.Revisions.TellsFirst(text[value.Cite.Start..value.Cite.End]);
    }

    private static bool IsUpdate(string role, FigureValue earlier, FigureValue later, Corpus corpus)
    {
        if (earlier.ReportTime is not { } t1 || later.ReportTime is not { } t2 || t2 <= t1)
        {
            return HasRevisionCue(later, corpus);
        }

        // One document's later figure revises its earlier one, unless a named speaker gives one of them: a channel's source
        // putting the force at 8,000 after the leader claimed 25,000 disputes him rather than updating him.
        if (string.Equals(earlier.SourceKey, later.SourceKey, StringComparison.Ordinal)
            || (string.Equals(earlier.DocumentId, later.DocumentId, StringComparison.Ordinal) && !earlier.SourceKey.StartsWith("holder:", StringComparison.Ordinal) && !later.SourceKey.StartsWith("holder:", StringComparison.Ordinal)))
        {
            return true;
        }

        // A toll that grows as bodies are found is a story that moved, not a dispute; a zero or a fall is not that.
        if (MeasureRoles.IsCumulative(role) && !earlier.Measure.IsZero && !later.Measure.IsZero
            && (later.Measure.Min ?? 0) > (earlier.Measure.Max ?? double.PositiveInfinity) && t2 - t1 >= TimeSpan.FromHours(1))
        {
            return true;
        }

        return HasRevisionCue(later, corpus);
    }

    /// <summary>
    /// True when the report says its toll moved or may move ("the death toll rose to 10", "the toll was not expected to
    /// rise further", "the number of dead is likely to climb"): the story's count is one that changes over time.
    /// </summary>
    private static bool TollMoves(string text) => TollMove().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(toll|number of (dead|deaths|injured|casualties))\b[^.;]{0,60}?\b(rise|rises|rising|rose|risen|climb|climbs|climbed|jump|jumped|increase|increased)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TollMove();

    private static bool HasRevisionCue(FigureValue value, Corpus corpus)
    {
        var text = corpus.ById[value.DocumentId].Document.Text;
        var start = Math.Max(0, value.Cite.Start - 80);
        var end = Math.Min(text.Length, value.Cite.End + 40);
        var context = text.AsSpan(start, end - start);
        foreach (var cue in RevisionCues)
        {
            if (context.Contains(cue, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
