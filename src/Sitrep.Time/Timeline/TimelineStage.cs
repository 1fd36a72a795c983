using System.Globalization;
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
public sealed class TimelineStage : ICorpusStage
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

    private readonly int _maxEntries;
    private readonly double _clockThreshold;
    private readonly double _dayThreshold;

    /// <summary>Creates the stage.</summary>
    /// <param name="maxEntries">Most entries kept (placed ones first).</param>
    /// <param name="clockThreshold">Word overlap from which two reports whose clock times agree are one event (chosen on the wagner-2023 timeline gold).</param>
    /// <param name="dayThreshold">Word overlap from which two reports of the same day are one event (chosen on the same gold).</param>
    public TimelineStage(int maxEntries = 300, double clockThreshold = 0.12, double dayThreshold = 0.25)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        _maxEntries = maxEntries;
        _clockThreshold = clockThreshold;
        _dayThreshold = dayThreshold;
    }

    /// <inheritdoc />
    public string Name => "time.timeline.v2";

    /// <inheritdoc />
    public IReadOnlyList<string> Requires { get; } = [Capabilities.Sentences, Capabilities.Timexes];

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
        var built = clusters.Select(c => Build(c, windows)).ToList();
        var story = built.Where(b => b.Entry.Role == TimelineRole.Story && b.Entry.Interval is not null)
            .OrderBy(b => b.Key).ThenBy(b => b.Entry.Interval!.Value.End).ThenBy(b => b.Index);
        var unplaced = built.Where(b => b.Entry.Interval is null)
            .OrderBy(b => b.DocIndex).ThenBy(b => b.RelativeMinutes).ThenBy(b => b.Index);
        var background = built.Where(b => b.Entry.Role == TimelineRole.Background)
            .OrderBy(b => b.Key).ThenBy(b => b.Index);
        var entries = story.Concat(unplaced).Concat(background).Take(_maxEntries).Select(b => b.Entry).ToList();
        corpus.Layers.Set(new TimelineLayer(entries));
    }

    private static void Collect(AnalyzedDocument doc, int docIndex, TimexLayer layer, List<Candidate> candidates)
    {
        var text = doc.Text;
        var zone = ReferenceTime.TryParse(layer.DocumentTime, AnchorKind.Document)?.OffsetMinutes;
        var s = 0;
        var sentenceStart = candidates.Count;
        TextRange? lastSentence = null;
        foreach (var timex in layer.Items)
        {
            if (!EventTimes.CanDate(timex))
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

            var label = Label(text, sentence);
            if (label.Length == 0 || IsMetadata(label))
            {
                continue;
            }

            var compare = sentence;
            if (marker && layer.ReportTimes.Where(r => r.Source == AnchorKind.Post && r.Range.Contains(timex.Range.Start)).OrderBy(r => r.Range.Length).FirstOrDefault() is { } report)
            {
                // A post or live update is compared by its whole text: its first sentence alone ("Putin has spoken.") says
                // too little to be matched with other reports of the same event.
                compare = new TextRange(sentence.Start, Math.Max(sentence.End, Math.Min(report.Range.End, sentence.Start + CompareLength)));
            }

            var candidate = new Candidate(doc, docIndex, sentence, label, timex, text.Substring(timex.Range.Start, timex.Range.Length), layer.ReportTimeAt(sentence.Start).Value, zone, candidates.Count)
            {
                Words = StemWeights.Stems(text, compare, CompareLength),
                Mod = timex.Mod ?? LeadingMod(text, timex.Range.Start),
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

            candidates.Add(candidate);
        }
    }

    /// <summary>
    /// A heading ("## Saturday 24 June"), a byline or a stamp line ("Published 24 June 2023, 10:10 BST · Updated 10:45 BST")
    /// dates the page, not an event.
    /// </summary>
    private static bool IsMetadata(string label)
    {
        var line = label.TrimStart('*', '_', ' ', '>');
        return label.StartsWith('#')
            || label.Contains(" · ", StringComparison.Ordinal)
            || (line.StartsWith("By ", StringComparison.Ordinal) && line.Length > 3 && char.IsUpper(line[3]) && line.Length < 100)
            || line.StartsWith("Published", StringComparison.OrdinalIgnoreCase)
            || line.StartsWith("Updated", StringComparison.OrdinalIgnoreCase);
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
            if (c.Interval is null || c.Bucket is null)
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
                    var threshold = rep.Precision == Precision.Clock && c.Precision == Precision.Clock ? _clockThreshold : _dayThreshold;
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

    /// <summary>Whether two candidates' times can be one event's: the same instant within the tolerance, else the same day.</summary>
    private static bool Compatible(Candidate a, Candidate b)
    {
        if (a.Precision == Precision.Coarse || b.Precision == Precision.Coarse)
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
        var rep = cluster
            .GroupBy(c => c.Timex.Value, StringComparer.Ordinal)
            .OrderByDescending(g => g.First().Precision)
            .ThenByDescending(g => g.Count())
            .ThenBy(g => g.Min(c => c.Index))
            .First()
            .OrderBy(c => c.Index)
            .First();
        var members = cluster.OrderBy(c => c.Index).ToList();
        members.Remove(rep);
        members.Insert(0, rep);
        var cites = members.Select(m => m.Doc.SpanOf(m.Sentence)).Distinct().ToList();
        var docs = members.Select(m => m.Doc.Document.Id).Distinct(StringComparer.Ordinal).ToList();
        var reported = members.Select(m => m.Reported).Where(r => r is not null)
            .OrderBy(r => TimexInterval.Of(r)?.Start ?? DateTime.MaxValue).FirstOrDefault() ?? rep.Reported;
        var role = rep.Interval is { } interval && IsBackground(rep.Timex.Value, interval, windows) ? TimelineRole.Background : TimelineRole.Story;
        var relation = rep.Interval is null ? Relation(rep.Timex) : null;
        var entry = new TimelineEntry(rep.Timex.Value, reported, rep.Label, rep.Expression, rep.Timex.Anchor, cites, docs, [], rep.Interval, rep.Timex.AnchorNote, role, relation);
        return new Built(entry, rep.Key, rep.DocIndex, RelativeMinutes(rep.Timex.Offset), members.Min(m => m.Index));
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

    private readonly record struct Built(TimelineEntry Entry, DateTime Key, int DocIndex, double RelativeMinutes, int Index);

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
                _ => null,
            };
        }

        public AnalyzedDocument Doc { get; }

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

        public string? Bucket { get; }

        public required HashSet<string> Words { get; init; }

        /// <summary>START or END when the day is qualified as early or late, else the timex's own mod.</summary>
        public string? Mod { get; init; }

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
