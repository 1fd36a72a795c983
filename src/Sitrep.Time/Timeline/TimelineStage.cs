using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Time.Normalisation;

namespace Sitrep.Time.Timeline;

/// <summary>
/// Builds the corpus timeline from the timex layers: one entry per event, however many reports give it. Each dated
/// sentence (or post, for a post's time stamp) is a candidate; candidates whose times agree (the same instant within
/// <see cref="ClockMinutes"/> minutes in UTC, else the same day) and whose words overlap enough (a weighted overlap of
/// content-word stems, rare words counting more) are one event, cited by all its reports. Entries whose value has a
/// known calendar position are ordered by it in UTC; the underspecified ones ("XXXX-WXX-5", "XXXX-XX-XX" for
/// "yesterday" in an undated post) cannot be placed against them and follow, in document order with their position
/// relative to their report ("1 day before the report"): a partial order, stated as such rather than forced onto an
/// invented year. Dates mentioned in passing (a year, a month long before the reports) are kept apart as background.
/// </summary>
public sealed partial class TimelineStage : ICorpusStage
{
    /// <summary>How far apart two stated clock times may be and still be one event.</summary>
    public const int ClockMinutes = 45;

    private const int LabelLength = 200;
    private const int CompareLength = 600;

    /// <summary>The story window around each report: dates this long before it belong to the story.</summary>
    private const int WindowDaysBefore = 14;

    /// <summary>The story window around each report: dates this long after it belong to the story (plans, deadlines).</summary>
    private const int WindowDaysAfter = 7;

    /// <summary>Most clusters of one day compared with a candidate; bounds the merge on huge corpora.</summary>
    private const int MaxClustersCompared = 200;

    /// <summary>
    /// Word overlap from which two reports of one written-out date still ahead of both (a deadline, a planned vote) are
    /// one event: a corpus of a few weeks seldom names two different things set for one future day, and the reports of a
    /// deadline word it differently ("sign contracts by July 1", "plans to fold Wagner into the ministry by 1 July").
    /// </summary>
    private const double ScheduledThreshold = 0.01;

    /// <summary>Clock times this close (minutes) join on the lower meaning thresholds below.</summary>
    private const int NearClockMinutes = 15;

    /// <summary>Cosine from which two reports stamped within <see cref="NearClockMinutes"/> may be one event.</summary>
    private const double NearJoinCosine = 0.42;

    /// <summary>P(same event) from which two reports stamped within <see cref="NearClockMinutes"/> may be one event.</summary>
    private const float NearJoinSameEvent = 0.5f;

    /// <summary>Reports of an entry compared for meaning with another entry's.</summary>
    private const int MeaningMembers = 6;

    /// <summary>Most entries the meaning pass looks at (the largest first).</summary>
    private const int MaxMeaningEntries = 300;

    /// <summary>Below this P(same event) two reports are different events, whatever their words and times (precise on ECB+).</summary>
    public const float DifferentEventBelow = 0.03f;

    private readonly int _maxEntries;
    private readonly double _clockThreshold;
    private readonly double _dayThreshold;
    private readonly IEventMeaning? _meaning;
    private readonly double _joinCosine;
    private readonly double _joinSameEvent;
    private readonly Func<Corpus, Span, string?>? _protagonistOf;

    /// <summary>Creates the stage.</summary>
    /// <param name="maxEntries">
    /// Most entries kept (placed ones first); over an incremental update's neighbourhood, entries citing a sentence the
    /// update writes back (<see cref="PictureScope"/>) are kept beyond it.
    /// </param>
    /// <param name="clockThreshold">Word overlap from which two reports whose clock times agree are one event (chosen on the wagner-2023 timeline gold).</param>
    /// <param name="dayThreshold">Word overlap from which two reports of the same day are one event (chosen on the same gold).</param>
    /// <param name="meaning">
    /// Sentence meaning for a second pass that joins entries whose times agree but whose words differ; null for words only.
    /// </param>
    /// <param name="joinCosine">Cosine of two reports' vectors from which they may be one event (with <paramref name="joinSameEvent"/>).</param>
    /// <param name="joinSameEvent">P(same event) from which two reports whose vectors are close enough are one event.</param>
    /// <param name="protagonistOf">
    /// The first person a span of a document names, as a resolved entity id (null when it names none): two reports whose
    /// closest sentences put different people first ("Lukashenko's press service: …", "Audio from Prigozhin: …") tell
    /// different events, however close their words. Null to skip the check.
    /// </param>
    public TimelineStage(int maxEntries = 300, double clockThreshold = 0.12, double dayThreshold = 0.25, IEventMeaning? meaning = null, double joinCosine = 0.54, double joinSameEvent = 0.25, Func<Corpus, Span, string?>? protagonistOf = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        _maxEntries = maxEntries;
        _clockThreshold = clockThreshold;
        _dayThreshold = dayThreshold;
        _meaning = meaning;
        _joinCosine = joinCosine;
        _joinSameEvent = joinSameEvent;
        _protagonistOf = protagonistOf;

        // The protagonist check reads the resolved entities: without this the stage could run before they exist, and
        // two runs of one corpus would join different entries.
        Requires = protagonistOf is null ? [Capabilities.Sentences, Capabilities.Timexes] : [Capabilities.Sentences, Capabilities.Timexes, Capabilities.Entities];
    }

    /// <inheritdoc />
    public string Name => "time.timeline.v2";

    /// <inheritdoc />
    public IReadOnlyList<string> Requires { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Assigns { get; } = [Capabilities.Timeline];

    /// <inheritdoc />
    public void Process(Corpus corpus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var candidates = new List<Candidate>();
        var windows = new List<TimeInterval>();
        for (var d = 0; d < corpus.Documents.Count; d++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var doc = corpus.Documents[d];
            if (doc.Layers.Find<TimexLayer>() is not { } layer)
            {
                continue;
            }

            if (TimexInterval.Of(layer.DocumentTime) is { } published)
            {
                windows.Add(new TimeInterval(published.Start.AddDays(-WindowDaysBefore), published.Start.AddDays(WindowDaysAfter)));
            }

            Collect(doc, d, layer, candidates);
        }

        var stems = new StemWeights(candidates.Select(c => c.Words));
        var clusters = Merge(candidates, stems, cancellationToken);
        if (_meaning is not null)
        {
            clusters = JoinByMeaning(corpus, clusters, _meaning, cancellationToken);
        }

        var built = clusters.Select(c => Build(c, windows)).ToList();
        var story = built.Where(b => b.Entry.Role == TimelineRole.Story && b.Entry.Interval is not null)
            .OrderBy(b => b.Key).ThenBy(b => b.Entry.Interval!.Value.End).ThenBy(b => b.Index);
        var unplaced = Sequence.Order(built.Where(b => b.Entry.Interval is null).ToList());
        var background = built.Where(b => b.Entry.Role == TimelineRole.Background)
            .OrderBy(b => b.Key).ThenBy(b => b.Index);
        var ordered = story.Concat(unplaced).Concat(background).ToList();
        var entries = ordered.Take(_maxEntries).Select(b => b.Entry).ToList();

        // Over an incremental update's neighbourhood (a part of the story) the bound is not the story's: an entry it cut
        // that cites a sentence the update writes back would drop a new report's sentence and delete a stored one.
        var cut = ordered.Skip(_maxEntries).Select(b => b.Entry).ToList();
        if (cut.Count > 0 && corpus.Layers.Find<PictureScope>() is { } scope)
        {
            entries.AddRange(cut.Where(e => e.Cites.Any(c => scope.Holds(PictureKind, UnitOf(c)))));
            cut = [.. cut.Where(e => !e.Cites.Any(c => scope.Holds(PictureKind, UnitOf(c))))];
        }

        // The entries cut are the story's all the same: the stored picture keeps them (ExportPicture), as an update does.
        corpus.Layers.Set(new TimelineCutLayer(cut));
        corpus.Layers.Set(new TimelineLayer(entries));
    }

    private static void Collect(AnalyzedDocument doc, int docIndex, TimexLayer layer, List<Candidate> candidates)
    {
        var text = doc.Text;
        var zone = ReferenceTime.TryParse(layer.DocumentTime, AnchorKind.Document)?.OffsetMinutes;
        var s = 0;
        var sentenceStart = candidates.Count;
        var firstOfDocument = candidates.Count;
        TextRange? lastSentence = null;
        for (var x = 0; x < layer.Items.Count; x++)
        {
            var timex = layer.Items[x];
            var fromPost = PostRelative(layer, timex);
            if (!EventTimes.CanDate(timex) && fromPost is null)
            {
                continue;
            }

            while (s < doc.Sentences.Count && doc.Sentences[s].Range.End <= timex.Range.Start)
            {
                s++;
            }

            var marker = EventTimes.IsMarker(layer, timex);
            var inside = s < doc.Sentences.Count && doc.Sentences[s].Range.Contains(timex.Range.Start);
            TextRange sentence;
            if (inside)
            {
                sentence = doc.Sentences[s].Range;
                if (marker && s + 1 < doc.Sentences.Count && Label(text, sentence).Length <= timex.Range.Length + 12)
                {
                    // A stamp on a line of its own ("24.06.2023 02:19") dates the post below it.
                    sentence = doc.Sentences[s + 1].Range;
                }
            }
            else
            {
                // A stamp outside any sentence (a post header) dates the first sentence after it.
                sentence = marker && s < doc.Sentences.Count ? doc.Sentences[s].Range : LineOf(text, timex.Range);
            }

            if (!marker && LineOf(text, timex.Range) is var line && IsTableRow(Label(text, line)))
            {
                // A row of a table is one report, however the sentence splitter ran its lines (and the paragraph after
                // the table) together.
                sentence = line;
            }

            var label = Label(text, sentence);
            if (label.Length == 0 || IsMetadata(label))
            {
                continue;
            }

            var compare = sentence;
            TextRange? sameTime = null;
            if (marker && layer.ReportTimes.Where(r => r.Source == AnchorKind.Post && r.Range.Contains(timex.Range.Start)).OrderBy(r => r.Range.Length).FirstOrDefault() is { } report)
            {
                // A post or live update is compared by its whole text: its first sentence alone ("Putin has spoken.") says
                // too little to be matched with other reports of the same event.
                compare = new TextRange(sentence.Start, Math.Max(sentence.End, Math.Min(report.Range.End, sentence.Start + CompareLength)));
            }
            else if (sentence.Contains(timex.Range.Start) && DatesAnother(layer.Items, x, sentence))
            {
                // Only a sentence that dates two things is cut: one date in a sentence dates all of it.
                compare = ClauseOf(text, sentence, timex.Range);
            }
            else if (sentence.Contains(timex.Range.Start) && SameTimeClause(text, sentence, timex.Range) is { } later)
            {
                // "… surfaced on the evening of 23 June; the FSB opened a case the same night": the later clause is a
                // second event that the one date dates too. Each clause is compared on its own, so neither event's words
                // pull the other into its entry.
                compare = new TextRange(sentence.Start, later.Joint);
                sameTime = later.Clause;
            }

            var candidate = new Candidate(doc, docIndex, sentence, label, timex, text.Substring(timex.Range.Start, timex.Range.Length), layer.ReportTimeAt(sentence.Start).Value, zone, candidates.Count)
            {
                Words = StemWeights.Stems(text, compare, CompareLength),
                Compare = Sitrep.Text.WhiteSpace.OneLine(text.Substring(compare.Start, Math.Min(compare.Length, CompareLength))),
                CompareRange = new TextRange(compare.Start, compare.Start + Math.Min(compare.Length, CompareLength)),
                Mod = timex.Mod ?? LeadingMod(text, timex.Range.Start),
                IsTableRow = IsTableRow(label),
                Inferred = fromPost,
            };

            if (sentence != lastSentence)
            {
                lastSentence = sentence;
                sentenceStart = candidates.Count;
            }
            else if (Nested(candidates, sentenceStart, candidate) is { } other)
            {
                // "early on Saturday ... at 05:37": two expressions of one sentence that nest date one event; the more
                // precise one stands for it.
                if (candidate.Precision > candidates[other].Precision)
                {
                    candidates[other] = candidate with { Index = candidates[other].Index };
                }

                continue;
            }

            if (sameTime is { } clause)
            {
                // Each clause is told apart from the other: it joins an entry only where its own words match better than
                // the other clause's do (see Merge).
                var later = StemWeights.Stems(text, clause, CompareLength);
                candidates.Add(candidate with { OtherClause = later });
                candidates.Add(candidate with
                {
                    Index = candidates.Count,
                    OtherClause = candidate.Words,
                    Words = later,
                    Compare = Sitrep.Text.WhiteSpace.OneLine(text.Substring(clause.Start, Math.Min(clause.Length, CompareLength))),
                    CompareRange = new TextRange(clause.Start, clause.Start + Math.Min(clause.Length, CompareLength)),
                });
                continue;
            }

            candidates.Add(candidate);
        }

        if (layer.DocumentTime is null)
        {
            CollectInferred(doc, docIndex, layer, candidates, firstOfDocument);
        }
    }

    /// <summary>
    /// A clause after the time expression, past a clause joint, that dates itself by the sentence's one date with a
    /// phrase that points back to it ("; the FSB opened a case the same night", ", and that evening he left"): where
    /// the joint is and the clause's range, or null. Both sides must hold at least four words.
    /// </summary>
    internal static (int Joint, TextRange Clause)? SameTimeClause(string text, TextRange sentence, TextRange timex)
    {
        // An expression can run past its sentence's end where the splitter and the tagger read a period apart
        // ("at 5 p.m. Friday"): then no clause follows it in the sentence.
        if (timex.End >= sentence.End)
        {
            return null;
        }

        foreach (var joint in ClauseJoints)
        {
            var at = text.IndexOf(joint, timex.End, Math.Min(ClauseReach, sentence.End - timex.End), StringComparison.Ordinal);
            if (at < 0 || !HasWords(text, sentence.Start, at) || !HasWords(text, at + joint.Length, sentence.End))
            {
                continue;
            }

            var clause = new TextRange(at + joint.Length, sentence.End);
            var head = text.AsSpan(clause.Start, Math.Min(clause.Length, ClauseReach));
            foreach (var phrase in SameTimePhrases)
            {
                if (head.Contains(phrase, StringComparison.OrdinalIgnoreCase))
                {
                    return (at, clause);
                }
            }
        }

        return null;
    }

    /// <summary>Phrases that date a clause by the date its sentence already gave (not tagged as expressions of their own).</summary>
    private static readonly string[] SameTimePhrases =
        ["the same night", "the same day", "the same evening", "the same morning", "the same afternoon", "that same day", "that night", "that evening", "that morning", "that afternoon"];

    /// <summary>
    /// The clause of a sentence that holds a time expression, when the sentence joins clauses that can tell two events
    /// ("Lukashenko's office announced a deal at about 20:00, and Prigozhin ordered the column back shortly afterwards";
    /// "… surfaced on the evening of 23 June; the FSB opened a case the same night"): the expression dates its own
    /// clause, so the clause is what is compared with other reports. A clause shorter than four words stays with the
    /// sentence.
    /// </summary>
    internal static TextRange ClauseOf(string text, TextRange sentence, TextRange timex)
    {
        var start = sentence.Start;
        var end = sentence.End;
        foreach (var joint in ClauseJoints)
        {
            // Counts bounded below by 0: an expression may start before its sentence or end after it (see SameTimeClause).
            var before = text.LastIndexOf(joint, timex.Start, Math.Clamp(timex.Start - sentence.Start, 0, ClauseReach), StringComparison.Ordinal);
            if (before >= 0 && before + 1 > start && HasWords(text, before + joint.Length, sentence.End) && HasWords(text, sentence.Start, before))
            {
                start = before + 2;
            }

            var after = text.IndexOf(joint, timex.End, Math.Clamp(sentence.End - timex.End, 0, ClauseReach), StringComparison.Ordinal);
            if (after >= 0 && after < end && HasWords(text, after, sentence.End) && HasWords(text, start, after))
            {
                end = after;
            }
        }

        return new TextRange(start, end);
    }

    private static readonly string[] ClauseJoints = ["; ", ", and ", ", but ", ", while "];

    /// <summary>How far around a time expression a clause joint is looked for: bounds the work in a megabyte-long sentence.</summary>
    private const int ClauseReach = 300;

    /// <summary>
    /// Whether the sentence holds another datable expression that does not overlap item <paramref name="at"/>; only the
    /// few neighbours on each side are looked at (items are in text order), so a sentence of thousands of dates stays linear.
    /// </summary>
    private static bool DatesAnother(IReadOnlyList<Timex> items, int at, TextRange sentence)
    {
        var timex = items[at].Range;
        for (var i = Math.Max(0, at - 3); i < Math.Min(items.Count, at + 4); i++)
        {
            var t = items[i].Range;
            if (i != at && EventTimes.CanDate(items[i]) && sentence.Contains(t.Start) && !(t.Start < timex.End && timex.Start < t.End))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the range holds at least four words; stops at the fourth.</summary>
    private static bool HasWords(string text, int from, int to)
    {
        var count = 0;
        var inWord = false;
        for (var i = from; i < to; i++)
        {
            var letter = char.IsLetterOrDigit(text[i]);
            if (letter && !inWord && ++count >= 4)
            {
                return true;
            }

            inWord = letter;
        }

        return false;
    }

    /// <summary>
    /// A heading ("## Saturday 24 June"), a byline, a stamp line ("Published 24 June 2023, 10:10 BST · Updated 10:45 BST")
    /// or a message header quoted in a reply ("Date: 2023-06-24 07:55 +01:00") dates the page, not an event.
    /// </summary>
    private static bool IsMetadata(string label)
    {
        var line = label.TrimStart('*', '_', ' ', '>');
        return label.StartsWith('#')
            || label.Contains(" · ", StringComparison.Ordinal)
            || (line.StartsWith("By ", StringComparison.Ordinal) && line.Length > 3 && char.IsUpper(line[3]) && line.Length < 100)
            || line.StartsWith("Published", StringComparison.OrdinalIgnoreCase)
            || line.StartsWith("Date:", StringComparison.Ordinal)
            || line.StartsWith("Updated", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A row of a table written as text: "| a | b |", or "07:30 | Rostov-on-Don | the fighters arrive".</summary>
    private static bool IsTableRow(string label)
    {
        var line = label.AsSpan().Trim();
        if (line.StartsWith('|'))
        {
            return true;
        }

        var first = line.IndexOf(" | ", StringComparison.Ordinal);
        return first >= 0 && line[(first + 3)..].Contains(" | ", StringComparison.Ordinal);
    }

    /// <summary>"late on Saturday", "early Saturday": the tagger leaves the word out of the expression; it still bounds the hours.</summary>
    private static string? LeadingMod(string text, int start)
    {
        var from = Math.Max(0, start - 10);
        var lead = text.AsSpan(from, start - from).TrimEnd();
        if (lead.EndsWith(" on", StringComparison.OrdinalIgnoreCase))
        {
            lead = lead[..^3];
        }

        return lead.EndsWith("late", StringComparison.OrdinalIgnoreCase) ? "END"
            : lead.EndsWith("early", StringComparison.OrdinalIgnoreCase) ? "START"
            : null;
    }

    private static int? Nested(List<Candidate> candidates, int from, Candidate candidate)
    {
        if (candidate.Interval is not { } b)
        {
            return null;
        }

        for (var i = from; i < candidates.Count; i++)
        {
            if (candidates[i].Interval is { } a && (a.Start <= b.Start && b.End <= a.End || b.Start <= a.Start && a.End <= b.End) && candidates[i].Day == candidate.Day)
            {
                return i;
            }
        }

        return null;
    }

    private List<List<Candidate>> Merge(List<Candidate> candidates, StemWeights weights, CancellationToken cancellationToken)
    {
        var clusters = new List<List<Candidate>>();
        var byDay = new Dictionary<string, List<List<Candidate>>>(StringComparer.Ordinal);
        foreach (var c in candidates.OrderByDescending(c => c.Precision).ThenBy(c => c.Index))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (c.Bucket is null)
            {
                clusters.Add([c]);
                continue;
            }

            List<Candidate>? best = null;
            var bestScore = 0.0;
            foreach (var bucket in c.NearBuckets())
            {
                if (!byDay.TryGetValue(bucket, out var near))
                {
                    continue;
                }

                for (var i = near.Count - 1; i >= Math.Max(0, near.Count - MaxClustersCompared); i--)
                {
                    var cluster = near[i];
                    var rep = cluster[0];
                    if (!Compatible(rep, c) || cluster.Any(m => m.Doc == c.Doc && m.Sentence == c.Sentence))
                    {
                        continue;
                    }

                    var score = cluster.Take(8).Max(m => weights.Overlap(m.Words, c.Words));
                    if (c.OtherClause is { } other && cluster.Take(8).Max(m => weights.Overlap(m.Words, other)) > score)
                    {
                        // The other clause of the sentence tells this entry's event better: this clause tells another.
                        continue;
                    }

                    var threshold = rep.Precision == Precision.Clock && c.Precision == Precision.Clock ? _clockThreshold
                        : rep.IsScheduled && c.IsScheduled ? ScheduledThreshold
                        : _dayThreshold;
                    if (score >= threshold && score > bestScore)
                    {
                        (best, bestScore) = (cluster, score);
                    }
                }
            }

            if (best is not null)
            {
                best.Add(c);
                continue;
            }

            List<Candidate> created = [c];
            clusters.Add(created);
            if (!byDay.TryGetValue(c.Bucket, out var list))
            {
                byDay[c.Bucket] = list = [];
            }

            list.Add(created);
        }

        return clusters;
    }

    /// <summary>
    /// The second pass: entries whose times agree but whose words overlap too little (a Telegram post and a wire sentence
    /// telling one video in other words) are one event when their closest reports are close in meaning and the
    /// same-event model agrees. Groups are joined closest first, and only while no pair across them is judged a
    /// different event (P(same) below <see cref="DifferentEventBelow"/>) or has times that cannot agree.
    /// </summary>
    private List<List<Candidate>> JoinByMeaning(Corpus corpus, List<List<Candidate>> clusters, IEventMeaning meaning, CancellationToken cancellationToken)
    {
        // Bounded: the largest entries first, so a document of thousands of dates costs at most MaxMeaningEntries
        // entries' worth of encoding and pairs.
        var placed = clusters.Where(c => c[0].Precision is Precision.Day or Precision.Clock)
            .OrderByDescending(c => c.Count).ThenBy(c => c[0].Index).Take(MaxMeaningEntries).ToList();
        if (placed.Count < 2)
        {
            return clusters;
        }

        var inPass = new HashSet<List<Candidate>>(placed, ReferenceEqualityComparer.Instance);

        // Candidate pairs first (near days, times that can agree, no shared sentence), so that only the reports of
        // entries that have a partner are encoded: an entry alone on its day never needs a vector.
        var byDay = placed.Select((c, i) => (Day: c[0].Day!, Index: i)).GroupBy(x => x.Day, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Index).Take(MaxClustersCompared).ToList(), StringComparer.Ordinal);
        var pairs = new List<(int I, int J)>();
        var pairSet = new HashSet<(int, int)>();
        for (var i = 0; i < placed.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var bucket in placed[i][0].NearBuckets())
            {
                if (!byDay.TryGetValue(bucket, out var near))
                {
                    continue;
                }

                foreach (var j in near)
                {
                    if (j <= i || !Compatible(placed[i][0], placed[j][0]) || placed[i].Any(a => placed[j].Any(b => a.Doc == b.Doc && a.Sentence == b.Sentence)))
                    {
                        continue;
                    }

                    if (pairSet.Add((i, j)))
                    {
                        pairs.Add((i, j));
                    }
                }
            }
        }

        var paired = pairs.SelectMany(p => new[] { p.I, p.J }).Distinct().Order().ToList();
        var texts = paired.SelectMany(i => placed[i].Take(MeaningMembers)).Select(m => m.Compare).Distinct(StringComparer.Ordinal).ToList();
        var encoded = texts.Count == 0 ? [] : meaning.Encode(texts, cancellationToken);
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            vectors[texts[i]] = encoded[i];
        }

        var scores = new Dictionary<(int, int), (double Cosine, float Same)>();
        foreach (var (i, j) in pairs)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Rounded: a sentence's vector differs in its last bits with the batch it was encoded in (the cache keeps
            // whichever came first), and the greedy joins below must not depend on that.
            var (cosine, same) = Closest(corpus, placed[i], placed[j], vectors, meaning);
            scores[(i, j)] = (Math.Round(cosine, 3), MathF.Round(same, 3));
        }

        var group = Enumerable.Range(0, placed.Count).ToArray();
        var members = Enumerable.Range(0, placed.Count).Select(i => new List<int> { i }).ToArray();
        foreach (var ((i, j), (cosine, same)) in scores.OrderByDescending(s => s.Value.Cosine).ThenBy(s => s.Key.Item1).ThenBy(s => s.Key.Item2))
        {
            // Two reports stamped within a quarter of an hour of each other need less to be one event ("the abrupt
            // reversal, announced at around 20:30" and the 20:43 audio ordering the columns back).
            var (a, b) = (placed[i][0], placed[j][0]);
            var near = a.Precision == Precision.Clock && b.Precision == Precision.Clock && Math.Abs((a.Key - b.Key).TotalMinutes) <= NearClockMinutes;
            if (near ? cosine < NearJoinCosine || same < NearJoinSameEvent : cosine < _joinCosine || same < _joinSameEvent)
            {
                continue;
            }

            var (gi, gj) = (group[i], group[j]);
            if (gi == gj || !CanJoin(members[gi], members[gj], placed, scores))
            {
                continue;
            }

            foreach (var m in members[gj])
            {
                group[m] = gi;
            }

            members[gi].AddRange(members[gj]);
            members[gj].Clear();
        }

        var joined = clusters.Where(c => !inPass.Contains(c)).ToList();
        foreach (var g in members.Where(m => m.Count > 0))
        {
            joined.Add([.. g.SelectMany(i => placed[i]).OrderByDescending(c => c.Precision).ThenBy(c => c.Index)]);
        }

        return joined;
    }

    /// <summary>Two groups join when every pair of their entries has times that can agree and none is judged a different event.</summary>
    private static bool CanJoin(List<int> a, List<int> b, List<List<Candidate>> placed, Dictionary<(int, int), (double Cosine, float Same)> scores)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (!scores.TryGetValue((Math.Min(x, y), Math.Max(x, y)), out var s) || s.Same < DifferentEventBelow)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The closest pair of reports of two entries by cosine, and the same-event model's P(same) for it.</summary>
    private (double Cosine, float Same) Closest(Corpus corpus, List<Candidate> a, List<Candidate> b, Dictionary<string, float[]> vectors, IEventMeaning meaning)
    {
        var best = (Cosine: double.MinValue, A: a[0], B: b[0]);
        foreach (var x in a.Take(MeaningMembers))
        {
            foreach (var y in b.Take(MeaningMembers))
            {
                var cosine = Cosine(vectors[x.Compare], vectors[y.Compare]);
                if (cosine > best.Cosine)
                {
                    best = (cosine, x, y);
                }
            }
        }

        if (_protagonistOf is not null && (Clash(Protagonist(corpus, [best.A]), Protagonist(corpus, [best.B])) || Clash(Protagonist(corpus, a), Protagonist(corpus, b))))
        {
            return (best.Cosine, 0f);
        }

        return (best.Cosine, meaning.SameEvent(best.A.Compare, vectors[best.A.Compare], best.B.Compare, vectors[best.B.Compare]));
    }

    /// <summary>The person most of the reports name first (the first report's on a tie); null when none names one.</summary>
    private string? Protagonist(Corpus corpus, IEnumerable<Candidate> reports) =>
        reports.Take(MeaningMembers).Select(r => _protagonistOf!(corpus, r.Doc.SpanOf(r.CompareRange))).Where(p => p is not null)
            .GroupBy(p => p!, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();

    private static bool Clash(string? a, string? b) => a is not null && b is not null && !string.Equals(a, b, StringComparison.Ordinal);

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    /// <summary>Whether two candidates' times can be one event's: the same instant within the tolerance, else the same day.</summary>
    private static bool Compatible(Candidate a, Candidate b)
    {
        if (a.Precision is Precision.Coarse or Precision.Unplaced || b.Precision is Precision.Coarse or Precision.Unplaced)
        {
            return string.Equals(a.Timex.Value, b.Timex.Value, StringComparison.Ordinal);
        }

        if (a.Precision == Precision.Clock && b.Precision == Precision.Clock)
        {
            return Math.Abs((a.Key - b.Key).TotalMinutes) <= ClockMinutes;
        }

        if (!string.Equals(a.Day, b.Day, StringComparison.Ordinal))
        {
            return false;
        }

        return a.Precision == b.Precision || (a.Precision == Precision.Clock ? SamePartOfDay(b, a) : SamePartOfDay(a, b));
    }

    /// <summary>
    /// "late on Saturday" cannot be the 10:00 address, nor "Saturday morning" the 23:15 statement: a day with a part of
    /// day or an early/late mod only meets clock times in those hours (in the day's own zone, an hour's slack each way).
    /// </summary>
    private static bool SamePartOfDay(Candidate day, Candidate clock)
    {
        var value = day.Timex.Value;
        var part = value.Length >= 13 && value[10] == 'T' ? value.Substring(11, 2) : null;
        var (from, to) = part switch
        {
            "MO" => (4.0, 13.0),
            "AF" => (11.0, 19.0),
            "EV" => (16.0, 24.0),
            "NI" => (19.0, 30.0),
            _ => (0.0, 24.0),
        };
        switch (day.Mod)
        {
            case "END":
                from = Math.Max(from, 14);
                to = Math.Max(to, 27);
                break;
            case "START":
                to = Math.Min(to, 13);
                break;
        }

        if (from <= 0 && to >= 24)
        {
            return true;
        }

        var local = clock.Key.AddMinutes(day.Zone ?? clock.OwnOffset ?? 0);
        var hour = local.Hour + (local.Minute / 60.0);
        if (hour < 6 && to > 24)
        {
            hour += 24;
        }

        return hour >= from && hour <= to;
    }

    private static Built Build(List<Candidate> cluster, List<TimeInterval> windows)
    {
        // A table row ("20:30 | Lipetsk region | the column halts") is page structure to the claims, which drop it from
        // the entries it is cited by: the entry is dated and labelled by the reports it keeps, a row only when it has
        // no other.
        var rep = cluster
            .GroupBy(c => c.Timex.Value, StringComparer.Ordinal)
            .OrderBy(g => g.All(c => c.IsTableRow))
            .ThenByDescending(g => g.First().Precision)
            .ThenByDescending(g => g.Count(c => !c.IsTableRow))
            .ThenBy(g => g.Min(c => c.Index))
            .First()
            .OrderBy(c => c.IsTableRow)
            .ThenBy(c => c.Index)
            .First();
        var members = cluster.OrderBy(c => c.Index).ToList();
        members.Remove(rep);
        members.Insert(0, rep);
        var cites = members.Select(m => m.Doc.SpanOf(m.Sentence)).Distinct().ToList();
        var docs = members.Select(m => m.Doc.Document.Id).Distinct(StringComparer.Ordinal).ToList();
        var reported = members.Select(m => m.Reported).Where(r => r is not null)
            .OrderBy(r => TimexInterval.Of(r)?.Start ?? DateTime.MaxValue).FirstOrDefault() ?? rep.Reported;
        var role = rep.Interval is { } interval && (IsBackground(rep.Timex.Value, interval, windows) || IsOtherYear(rep, windows)) ? TimelineRole.Background : TimelineRole.Story;
        var relation = rep.Inferred ?? (rep.Interval is null ? Relation(rep.Timex) : null);
        var entry = new TimelineEntry(rep.Timex.Value, reported, rep.Label, rep.Expression, rep.Timex.Anchor, cites, docs, [], rep.Interval, rep.Timex.AnchorNote, role, relation);
        return new Built(entry, rep.Key, rep.DocIndex, rep.Minutes ?? RelativeMinutes(rep.Timex.Offset), members.Min(m => m.Index), rep.Inferred is not null && rep.Minutes is not null, rep.RankFloor);
    }

    /// <summary>
    /// A date is background when it is coarser than a month (a year in a biography, "the 1990s"), or when the corpus has
    /// report times and it lies outside every report's window (a battle in May, told in a report of late June).
    /// </summary>
    private static bool IsBackground(string value, TimeInterval interval, List<TimeInterval> windows)
    {
        if (value.Length <= 4 || value.Length >= 6 && value[5] is 'Q' or 'H' || value.Length == 7 && char.IsAsciiLetter(value[5]))
        {
            return true;
        }

        return windows.Count > 0 && !windows.Any(w => interval.Start < w.End && w.Start < interval.End);
    }

    /// <summary>
    /// In a corpus with no report time at all, a date written with its year ("He engineered the first summit, on July 16,
    /// 2018, …") in a text that tells its own story relative to when it was written ("last week", "the Wednesday before
    /// the action that Friday") is a date of another time: a writer gives the year of a date outside the story's own
    /// days, and nothing ties the year to those days. It is background, not the one dated point of the story's sequence.
    /// </summary>
    private static bool IsOtherYear(Candidate rep, List<TimeInterval> windows)
    {
        if (windows.Count > 0 || rep.Reported is not null || rep.Precision < Precision.Day || !YearWritten().IsMatch(rep.Expression)
            || rep.Doc.Layers.Find<TimexLayer>() is not { } layer)
        {
            return false;
        }

        return layer.Items.Any(t => t.Type is TimexType.Date or TimexType.Time && (t.Value.StartsWith('X') || t.Offset is not null));
    }

    [GeneratedRegex(@"\b(1[5-9]|20)\d\d\b")]
    private static partial Regex YearWritten();

    /// <summary>"1 day before the report", from a relative expression's shift (<c>-P1D</c>); null when there is none.</summary>
    private static string? Relation(Timex timex)
    {
        if (timex.Offset is not { Length: > 2 } offset)
        {
            return null;
        }

        var before = offset[0] == '-';
        var body = offset.TrimStart('-').TrimStart('P');
        var clock = body.StartsWith('T');
        body = body.TrimStart('T');
        if (body.Length < 2 || !int.TryParse(body.AsSpan(0, body.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        var unit = (body[^1], clock) switch
        {
            ('Y', _) => "year",
            ('M', false) => "month",
            ('W', _) => "week",
            ('D', _) => "day",
            ('H', _) => "hour",
            ('M', true) => "minute",
            _ => null,
        };
        return unit is null ? null : string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? string.Empty : "s")} {(before ? "before" : "after")} the report");
    }

    private static double RelativeMinutes(string? offset)
    {
        if (offset is not { Length: > 2 })
        {
            return 0;
        }

        try
        {
            return System.Xml.XmlConvert.ToTimeSpan(offset).TotalMinutes;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            return 0;
        }
    }

    private static TextRange LineOf(string text, TextRange range)
    {
        // Bounded both ways: a timex outside any sentence (a post header) is labelled by at most 300 characters around it.
        var from = Math.Max(0, range.Start - 300);
        var start = text.LastIndexOf('\n', Math.Max(0, range.Start - 1), range.Start - from) + 1;
        start = Math.Max(start, from);
        var to = Math.Min(text.Length, range.End + 300);
        var end = text.IndexOf('\n', range.End, to - range.End);
        return new TextRange(start, end < 0 ? to : end);
    }

    private static string Label(string text, TextRange range)
    {
        // Only the head of a sentence can reach its label: flattening the whole of a megabyte-long sentence once for
        // each of its timexes was quadratic in the sentence's length.
        var take = Math.Min(range.Length, LabelLength * 4);
        var flat = Sitrep.Text.WhiteSpace.OneLine(text.Substring(range.Start, take));
        return take == range.Length && flat.Length <= LabelLength ? flat : string.Concat(flat.AsSpan(0, Math.Min(flat.Length, LabelLength - 1)), "…");
    }

    /// <summary>A built entry with what orders it.</summary>
    /// <param name="Entry">The entry.</param>
    /// <param name="Key">Its start in UTC (placed entries).</param>
    /// <param name="DocIndex">The document of its first report.</param>
    /// <param name="RelativeMinutes">Its shift from its report (unplaced entries).</param>
    /// <param name="Index">Its first report's place among all reports.</param>
    /// <param name="Inferred">Dated from a relative cue ("hours later") against an earlier report of its text: it is placed by that report, never a reason to order the text's weekdays.</param>
    /// <param name="RankFloor">For an inferred entry, the part of day it cannot precede (its anchor's: "hours later" after a Friday morning is not before it).</param>
    private readonly record struct Built(TimelineEntry Entry, DateTime Key, int DocIndex, double RelativeMinutes, int Index, bool Inferred = false, int RankFloor = 0);

    /// <summary>
    /// Relative order for entries that cannot be placed on the calendar. In a text with no report time, its weekdays
    /// ("Friday night", "Saturday morning", "on Monday") form a sequence over the fewest days that hold them all (a story
    /// told over a few days: Friday, then Saturday, then the Monday after), ordered by day and part of day;
    /// each entry after the first says where it stands against the first ("the day after ‘…’"). No date is invented.
    /// </summary>
    private static class Sequence
    {
        /// <summary>Days by which the shorter span holding a text's two weekdays must beat the other for their order to be told.</summary>
        private const int MinSpanMargin = 2;

        public static int? WeekdayOf(string value) =>
            value.Length >= 10 && value.StartsWith("XXXX-WXX-", StringComparison.Ordinal) && value[9] is >= '1' and <= '7' && (value.Length == 10 || value[10] == 'T')
                ? value[9] - '0'
                : null;

        public static List<Built> Order(List<Built> unplaced)
        {
            var ordered = new List<Built>(unplaced.Count);
            foreach (var doc in unplaced.GroupBy(b => b.DocIndex).OrderBy(g => g.Key))
            {
                var inDoc = doc.OrderBy(b => b.Index).ToList();
                var named = inDoc.Where(b => !b.Inferred).Select(b => WeekdayOf(b.Entry.When)).OfType<int>().ToList();
                if (named.Count < 2)
                {
                    ordered.AddRange(inDoc.OrderBy(b => b.RelativeMinutes).ThenBy(b => b.Index));
                    continue;
                }

                // The story is told over the fewest days that hold every weekday it names; on a tie it starts at the
                // first one named. "Saturday … on Friday morning, a day after the deadlock" is the Friday before.
                // Two weekdays three or four days apart leave the direction to chance: a Thursday and a Sunday are three
                // days apart one way and four the other, and a text that says only "on Sunday" and "on Thursday" does not
                // say which came first. A third day ties the story together (Friday night, Saturday morning, then "the
                // Tuesday"), and the first one named breaks a tie as before.
                var starts = named.Distinct().Select((w, i) => (Weekday: w, Span: named.Max(n => ((n - w) + 7) % 7), Order: i))
                    .OrderBy(x => x.Span).ThenBy(x => x.Order).ToList();
                var start = starts[0].Weekday;
                var days = inDoc.Where(b => WeekdayOf(b.Entry.When) is not null)
                    .OrderBy(b => Day(b, start)).ThenBy(b => Math.Max(PartRank(b.Entry.When), b.RankFloor)).ThenBy(b => b.Index).ToList();
                if ((starts.Count == 2 && starts[1].Span - starts[0].Span < MinSpanMargin) || !TellsOneSpan([.. days.Where(b => !b.Inferred)], start))
                {
                    ordered.AddRange(inDoc.OrderBy(b => b.RelativeMinutes).ThenBy(b => b.Index));
                    continue;
                }

                // An inferred entry says where it stands against the report it was dated from; the others against the first
                // weekday the text names.
                var anchor = days.First(b => !b.Inferred);
                var sequence = days.Select(b => b.Index == anchor.Index || b.Inferred ? b : b with { Entry = b.Entry with { Relation = Relation(Day(b, start) - Day(anchor, start), PartRank(b.Entry.When) - PartRank(anchor.Entry.When), anchor.Entry) } });
                ordered.AddRange(sequence);
                ordered.AddRange(inDoc.Where(b => WeekdayOf(b.Entry.When) is null).OrderBy(b => b.RelativeMinutes).ThenBy(b => b.Index));
            }

            return ordered;
        }

        private static int Day(Built b, int start) => ((WeekdayOf(b.Entry.When)!.Value - start) + 7) % 7;

        /// <summary>
        /// False when the tenses deny that the weekdays lie in one short span around the report: an event told in the past
        /// on a later day of the sequence than one told in the future. A round-up that says a player "is expected to
        /// start Saturday night" and another "tore a ligament in Sunday's loss" names two different weeks; ordering its
        /// days as one would say the Sunday came after the Saturday. Such a text gets report order and no relations.
        /// </summary>
        private static bool TellsOneSpan(List<Built> days, int start)
        {
            var earliestFuture = days.Where(b => TenseOf(b.Entry) == VerbTense.Future).Select(b => Day(b, start)).DefaultIfEmpty(int.MaxValue).Min();
            return earliestFuture == int.MaxValue || !days.Any(b => Day(b, start) > earliestFuture && TenseOf(b.Entry) == VerbTense.Past);
        }

        private static VerbTense TenseOf(TimelineEntry entry)
        {
            var at = entry.Label.IndexOf(entry.Expression, StringComparison.Ordinal);
            return at < 0 ? VerbTense.Unknown : Tense.Of(entry.Label, at, at + entry.Expression.Length);
        }

        /// <summary>Morning, afternoon, evening, night; a bare day ranks first (its hours are unknown).</summary>
        internal static int PartRank(string value) => value.Length >= 13 && value[10] == 'T'
            ? value.Substring(11, 2) switch { "MO" => 1, "AF" => 2, "EV" => 3, "NI" => 4, _ => 0 }
            : 0;

        /// <summary>"the day after the Friday night of ‘On Friday night he accused the army…’": the anchor's expression and the head of its sentence.</summary>
        private static string Relation(int days, int parts, TimelineEntry first)
        {
            var words = first.Label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var anchor = "the " + first.Expression + " of ‘" + string.Join(' ', words.Take(8)) + (words.Length > 8 ? "…’" : "’");
            return days switch
            {
                0 when parts > 0 => "later the same day as " + anchor,
                0 => "the same day as " + anchor,
                1 => "the day after " + anchor,
                _ => string.Create(CultureInfo.InvariantCulture, $"{days} days after {anchor}"),
            };
        }
    }

    private enum Precision
    {
        Unplaced,
        Coarse,
        Day,
        Clock,
    }

    private sealed record Candidate
    {
        public Candidate(AnalyzedDocument doc, int docIndex, TextRange sentence, string label, Timex timex, string expression, string? reported, int? zone, int index)
        {
            Doc = doc;
            DocIndex = docIndex;
            Sentence = sentence;
            Label = label;
            Timex = timex;
            Expression = expression;
            Reported = reported;
            Index = index;
            Zone = zone;
            OwnOffset = ReferenceTime.TryParse(timex.Value, AnchorKind.Absolute)?.OffsetMinutes;
            Interval = TimexInterval.Of(timex.Value);
            var value = timex.Value;
            var hasDay = value.Length >= 10 && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[8]) && value[4] == '-' && value[7] == '-';
            Day = hasDay ? value[..10] : null;
            Precision = Interval is null ? Precision.Unplaced
                : hasDay && value.Length >= 16 && value[10] == 'T' && char.IsAsciiDigit(value[11]) ? Precision.Clock
                : hasDay ? Precision.Day
                : Precision.Coarse;
            // Clock times sort by their instant in UTC (the document's zone when the value has none). A day sorts at its
            // own midnight as written, and a month or a weekend at its end: "Saturday" after Friday night's 23:55 BST,
            // "June" after the days of June.
            var key = Precision == Precision.Coarse ? Interval!.Value.End : Interval?.Start ?? DateTime.MaxValue;
            if (Precision == Precision.Clock && zone is { } z && !HasOffset(value))
            {
                key = key.AddMinutes(-z);
            }

            Key = key;
            Bucket = Precision switch
            {
                Precision.Coarse => "c:" + value,
                Precision.Day or Precision.Clock => Day,
                _ => Sequence.WeekdayOf(value) is not null ? "w:" + value : null,
            };
        }

        public AnalyzedDocument Doc { get; }

        /// <summary>
        /// A day written out with its number ("1 July", "July 1"), after the day it was reported: a date set ahead (a
        /// deadline, a plan), not one the report looks back on.
        /// </summary>
        public bool IsScheduled => Precision == Precision.Day && Expression.Any(char.IsAsciiDigit)
            && Interval is { } when && TimexInterval.Of(Reported) is { } reported && when.Start >= reported.Start.Date.AddDays(1);

        public int DocIndex { get; }

        public TextRange Sentence { get; }

        public string Label { get; }

        public Timex Timex { get; }

        public string Expression { get; }

        public string? Reported { get; }

        public int Index { get; init; }

        /// <summary>The document's UTC offset in minutes, when known.</summary>
        public int? Zone { get; }

        /// <summary>The value's own UTC offset in minutes, when it has one.</summary>
        public int? OwnOffset { get; }

        public TimeInterval? Interval { get; }

        public string? Day { get; }

        public Precision Precision { get; }

        /// <summary>Start in UTC where the zone is known (the value's own, else the document's).</summary>
        public DateTime Key { get; }

        public string? Bucket { get; init; }

        /// <summary>
        /// For a report dated from a relative cue against an earlier report of its text ("Hours later …", "yesterday" in an
        /// update stamped with a clock time only), where it stands and why; null for a report dated by its own words.
        /// </summary>
        public string? Inferred { get; init; }

        /// <summary>For an inferred report, its place in the text's relative order (minutes from its text's report); else null.</summary>
        public double? Minutes { get; init; }

        /// <summary>For an inferred report, the part of day it cannot precede (see <see cref="Built.RankFloor"/>).</summary>
        public int RankFloor { get; init; }

        public required HashSet<string> Words { get; init; }

        /// <summary>The text compared for meaning: the sentence, or a post's head, on one line.</summary>
        public required string Compare { get; init; }

        /// <summary>Where <see cref="Compare"/> lies in the document.</summary>
        public required TextRange CompareRange { get; init; }

        /// <summary>START or END when the day is qualified as early or late, else the timex's own mod.</summary>
        public string? Mod { get; init; }

        /// <summary>
        /// For one of two clauses of a sentence that one date dates ("…surfaced on the evening of 23 June; the FSB opened
        /// a case the same night"), the other clause's stems; else null.
        /// </summary>
        public HashSet<string>? OtherClause { get; init; }

        /// <summary>Whether the report is a row of a table (page structure to the claims, never an entry's label when it has another report).</summary>
        public bool IsTableRow { get; init; }

        public IEnumerable<string> NearBuckets()
        {
            if (Bucket is null)
            {
                yield break;
            }

            yield return Bucket;
            if (Precision == Precision.Clock && DateOnly.TryParseExact(Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                // Clock times an hour apart can fall on either side of midnight.
                yield return TimexFormat.Day(d.AddDays(-1));
                yield return TimexFormat.Day(d.AddDays(1));
            }
        }

        private static bool HasOffset(string value)
        {
            var t = value.IndexOf('T', StringComparison.Ordinal);
            return t >= 0 && value.AsSpan(t).IndexOfAny('+', '-', 'Z') >= 0;
        }
    }
}
