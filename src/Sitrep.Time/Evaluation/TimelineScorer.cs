using Sitrep.Time.Normalisation;
using Sitrep.Time.Timeline;

namespace Sitrep.Time.Evaluation;

/// <summary>What became of one gold report on the timeline.</summary>
public enum TimelineVerdict
{
    /// <summary>An entry cites the report's sentence with the right date, in the story's sequence.</summary>
    Right,

    /// <summary>Entries cite the sentence, none with the right date.</summary>
    WrongDate,

    /// <summary>No entry cites a sentence of the document holding all the cues.</summary>
    Missing,

    /// <summary>A story event's report filed with the background dates.</summary>
    FiledAsBackground,

    /// <summary>An undated report left unplaced (relative order only): right.</summary>
    KeptRelative,

    /// <summary>An undated report given a date of its own that is wrong: an invented date.</summary>
    Invented,

    /// <summary>A background date kept apart from the story: right.</summary>
    KeptApart,

    /// <summary>A background date placed in the story's sequence.</summary>
    InStory,
}

/// <summary>One gold report and its verdict.</summary>
/// <param name="Event">The gold event.</param>
/// <param name="Report">The gold report.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="Found">The values of the entries that cite the report's sentence, for the printout.</param>
public sealed record TimelineReportResult(TimelineGoldEvent Event, TimelineGoldReport Report, TimelineVerdict Verdict, IReadOnlyList<string> Found);

/// <summary>An event whose reports are spread over more entries than one.</summary>
/// <param name="Event">The gold event.</param>
/// <param name="Entries">How many entries carry its rightly dated reports.</param>
public sealed record TimelineDuplicate(TimelineGoldEvent Event, int Entries);

/// <summary>Two different gold events whose reports one entry cites: a wrong merge.</summary>
/// <param name="First">One event.</param>
/// <param name="Second">The other.</param>
/// <param name="Entry">The entry's value and label.</param>
public sealed record TimelineConflation(TimelineGoldEvent First, TimelineGoldEvent Second, string Entry);

/// <summary>The scores of one timeline against its gold.</summary>
/// <param name="Reports">Every gold report with its verdict.</param>
/// <param name="Duplicates">Events spread over several entries.</param>
/// <param name="Entries">Entries on the timeline.</param>
/// <param name="BackgroundEntries">Entries kept apart as background.</param>
/// <param name="UnplacedEntries">Entries that cannot be placed on the calendar.</param>
/// <param name="Conflated">
/// Pairs of different story events merged into one entry (each cited by a sentence that carries it and not the other).
/// </param>
public sealed record TimelineScore(IReadOnlyList<TimelineReportResult> Reports, IReadOnlyList<TimelineDuplicate> Duplicates, int Entries, int BackgroundEntries, int UnplacedEntries, IReadOnlyList<TimelineConflation> Conflated)
{
    /// <summary>Reports of story events in dated documents: the denominator of <see cref="DatedRight"/>.</summary>
    public int StoryReports => Reports.Count(r => !r.Event.Background && !r.Report.Undated);

    /// <summary>Share of <see cref="StoryReports"/> whose entry has the right date.</summary>
    public double DatedRight => StoryReports == 0 ? 0 : (double)Reports.Count(r => r.Verdict == TimelineVerdict.Right && !r.Event.Background && !r.Report.Undated) / StoryReports;

    /// <summary>Story events with at least one report (the denominator of <see cref="EventsRight"/>).</summary>
    public int StoryEvents => Reports.Where(r => !r.Event.Background && !r.Report.Undated).Select(r => r.Event.Id).Distinct().Count();

    /// <summary>Story events whose reports in dated documents are all dated right.</summary>
    public int EventsRight => Reports.Where(r => !r.Event.Background && !r.Report.Undated).GroupBy(r => r.Event.Id).Count(g => g.All(r => r.Verdict == TimelineVerdict.Right));

    /// <summary>Extra entries beyond one per event, summed.</summary>
    public int DuplicateEntries => Duplicates.Sum(d => d.Entries - 1);

    /// <summary>Undated reports given a wrong date of their own.</summary>
    public int Invented => Reports.Count(r => r.Verdict == TimelineVerdict.Invented);
}

/// <summary>
/// Scores a timeline against a hand-made gold: a report is found by the entries that cite a sentence of its document
/// holding all its cues; it is dated right when one of them has the event's date (the same day, or the same instant in
/// UTC within the tolerance when both give a clock time). Duplicates are counted per event as the fewest entries that
/// hold all its rightly dated reports, less one.
/// </summary>
public static class TimelineScorer
{
    /// <summary>Scores <paramref name="entries"/>.</summary>
    /// <param name="gold">The gold.</param>
    /// <param name="entries">The timeline.</param>
    /// <param name="documents">Document id to (file name, text).</param>
    public static TimelineScore Score(TimelineGold gold, IReadOnlyList<TimelineEntry> entries, IReadOnlyDictionary<string, (string Name, string Text)> documents)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(documents);
        var cited = entries.Select(e => e.Cites
            .Where(c => documents.ContainsKey(c.DocumentId))
            .Select(c => (Name: documents[c.DocumentId].Name, Text: Flat(documents[c.DocumentId].Text.Substring(c.Start, c.End - c.Start))))
            .ToList()).ToList();
        var results = new List<TimelineReportResult>();
        var duplicates = new List<TimelineDuplicate>();
        foreach (var ev in gold.Events)
        {
            var time = GoldTime.Parse(ev.When)!.Value;
            var rightSets = new List<HashSet<int>>();
            foreach (var report in ev.Reports)
            {
                var cues = report.Cues.Select(Flat).ToList();
                var found = new List<int>();
                for (var i = 0; i < entries.Count; i++)
                {
                    if (cited[i].Any(c => string.Equals(c.Name, report.Doc, StringComparison.OrdinalIgnoreCase) && cues.All(q => c.Text.Contains(q, StringComparison.OrdinalIgnoreCase))))
                    {
                        found.Add(i);
                    }
                }

                var right = found.Where(i => Matches(entries[i].When, time, gold.ToleranceMinutes)).ToList();
                var verdict = Judge(ev, report, found.Select(i => entries[i]).ToList(), right.Select(i => entries[i]).ToList());
                if (!ev.Background && verdict is TimelineVerdict.Right || report.Undated && !ev.Background && right.Count > 0)
                {
                    rightSets.Add([.. right.Where(i => entries[i].Role == TimelineRole.Story)]);
                }

                results.Add(new TimelineReportResult(ev, report, verdict, [.. found.Select(i => entries[i].When + (entries[i].Role == TimelineRole.Background ? " (background)" : string.Empty))]));
            }

            var cover = Cover(rightSets.Where(s => s.Count > 0).ToList());
            if (cover > 1)
            {
                duplicates.Add(new TimelineDuplicate(ev, cover));
            }
        }

        return new TimelineScore(results, duplicates, entries.Count, entries.Count(e => e.Role == TimelineRole.Background), entries.Count(e => e.Interval is null), Conflations(gold, entries, cited));
    }

    /// <summary>
    /// Pairs of story events one entry merges: the entry has the date of both, and cites a sentence holding a report of
    /// the first and not of the second, and another holding a report of the second and not of the first (a sentence that
    /// tells both is no merge).
    /// </summary>
    private static List<TimelineConflation> Conflations(TimelineGold gold, IReadOnlyList<TimelineEntry> entries, List<List<(string Name, string Text)>> cited)
    {
        var story = gold.Events.Where(e => !e.Background).ToList();
        var found = new List<TimelineConflation>();
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < entries.Count; i++)
        {
            // An event counts as carried by the entry only when the entry has its date: a sentence that also names
            // another day ("… late on Saturday, and Sobyanin said Monday would be a day off") is cited by both days' entries.
            var dated = story.Where(e => Matches(entries[i].When, GoldTime.Parse(e.When)!.Value, gold.ToleranceMinutes)).ToList();
            var perCite = cited[i].Select(c => dated.Where(e => e.Reports.Any(r => string.Equals(r.Doc, c.Name, StringComparison.OrdinalIgnoreCase)
                && r.Cues.Select(Flat).All(q => c.Text.Contains(q, StringComparison.OrdinalIgnoreCase)))).ToHashSet()).ToList();
            for (var a = 0; a < perCite.Count; a++)
            {
                for (var b = 0; b < perCite.Count; b++)
                {
                    foreach (var x in perCite[a].Where(x => !perCite[b].Contains(x)))
                    {
                        foreach (var y in perCite[b].Where(y => !perCite[a].Contains(y)))
                        {
                            var key = string.CompareOrdinal(x.Id, y.Id) < 0 ? (x.Id, y.Id) : (y.Id, x.Id);
                            if (seen.Add(key))
                            {
                                found.Add(new TimelineConflation(x, y, entries[i].When + " " + entries[i].Label));
                            }
                        }
                    }
                }
            }
        }

        return found;
    }

    private static TimelineVerdict Judge(TimelineGoldEvent ev, TimelineGoldReport report, List<TimelineEntry> found, List<TimelineEntry> right)
    {
        if (found.Count == 0)
        {
            return TimelineVerdict.Missing;
        }

        if (report.Undated)
        {
            return found.Any(e => e.Interval is null) || right.Count > 0 ? TimelineVerdict.KeptRelative : TimelineVerdict.Invented;
        }

        if (ev.Background)
        {
            return found.Any(e => e.Role == TimelineRole.Background) ? TimelineVerdict.KeptApart : TimelineVerdict.InStory;
        }

        return right.Any(e => e.Role == TimelineRole.Story) ? TimelineVerdict.Right
            : right.Count > 0 ? TimelineVerdict.FiledAsBackground
            : TimelineVerdict.WrongDate;
    }

    /// <summary>The fewest sets' worth of entries that hold every report (greedy set cover).</summary>
    private static int Cover(List<HashSet<int>> reports)
    {
        var left = reports.ToList();
        var count = 0;
        while (left.Count > 0)
        {
            var best = left.SelectMany(s => s).GroupBy(i => i).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
            left.RemoveAll(s => s.Contains(best));
            count++;
        }

        return count;
    }

    /// <summary>True when the TIMEX3 <paramref name="value"/> has the gold date.</summary>
    internal static bool Matches(string value, GoldTime gold, int toleranceMinutes)
    {
        if (gold.Utc is { } utc && HasClock(value))
        {
            var r = ReferenceTime.TryParse(value, AnchorKind.Absolute);
            if (r is not { TimeOfDay: { } clock } at)
            {
                return false;
            }

            var instant = at.Date.ToDateTime(clock).AddMinutes(-(at.OffsetMinutes ?? 0));
            return Math.Abs((instant - utc).TotalMinutes) <= toleranceMinutes;
        }

        var prefix = gold.Prefix;
        return value.StartsWith(prefix, StringComparison.Ordinal) && (value.Length == prefix.Length || value[prefix.Length] is '-' or 'T');
    }

    private static bool HasClock(string value) => value.Length >= 16 && value[10] == 'T' && char.IsAsciiDigit(value[11]);

    private static string Flat(string text) =>
        string.Join(' ', text.Replace('’', '\'').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
