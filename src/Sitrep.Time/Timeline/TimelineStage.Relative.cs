using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Time.Timeline;

/// <summary>
/// Relative order in a text without a publication time, read from what the text says of one event against another: a
/// sentence that opens with "Hours later", "That night", "By evening" or "The next day" right after a report the text
/// dates by a weekday or a post's clock stamp is placed against that report, and says so ("the day after ‘…’ (date
/// inferred from ‘The next day’)"); "yesterday" or "this morning" in an update stamped with a clock time only stands
/// against that update. Nothing is inferred where no such report comes just before: the cue then stays undated.
/// </summary>
public sealed partial class TimelineStage
{
    /// <summary>Sentences between a dated report and a cue that may still lean on it (one sentence that goes on telling the same event).</summary>
    private const int CueReach = 2;

    /// <summary>
    /// For "yesterday", "this morning" or "today" in a post or live update of a text without a publication time whose
    /// stamp gives a clock time but no day ("UPDATE 05:37 CET: … declared war on the general staff yesterday"): where it
    /// stands against that update; null for any other expression.
    /// </summary>
    private static string? PostRelative(TimexLayer layer, Timex timex)
    {
        if (layer.DocumentTime is not null || timex.Type is not (TimexType.Date or TimexType.Time) || timex.Offset is not { } offset
            || !timex.Value.StartsWith("XXXX-XX-XX", StringComparison.Ordinal) || DayShift(offset) is not { } days || Math.Abs(days) > 7)
        {
            return null;
        }

        var post = layer.ReportTimes.Where(r => r.Source == AnchorKind.Post && r.Range.Contains(timex.Range.Start)).OrderBy(r => r.Range.Length).FirstOrDefault();
        if (post is null || post.Value.IndexOf('T', StringComparison.Ordinal) is var t && (t < 0 || t + 1 >= post.Value.Length || !char.IsAsciiDigit(post.Value[t + 1])))
        {
            return null;
        }

        var against = "the update of " + post.Text;
        return days switch
        {
            0 => "the same day as " + against,
            1 => "the day after " + against,
            -1 => "the day before " + against,
            > 0 => string.Create(CultureInfo.InvariantCulture, $"{days} days after {against}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{-days} days before {against}"),
        };
    }

    /// <summary>Whole days of an offset such as <c>-P1D</c> or <c>P0D</c>; null for any other unit.</summary>
    private static int? DayShift(string offset)
    {
        var negative = offset.StartsWith('-');
        var body = offset.AsSpan(negative ? 1 : 0);
        if (body.Length < 3 || body[0] != 'P' || body[^1] != 'D' || !int.TryParse(body[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        return negative ? -n : n;
    }

    /// <summary>
    /// Adds a report for each sentence of an undated text that opens with a relative cue right after a report dated by a
    /// weekday, a post's clock stamp or an earlier cue (see the class remarks); the cue's own sentence must date nothing
    /// itself.
    /// </summary>
    private static void CollectInferred(AnalyzedDocument doc, int docIndex, TimexLayer layer, List<Candidate> candidates, int from)
    {
        if (candidates.Count == from)
        {
            return;
        }

        var text = doc.Text;
        var own = candidates.Skip(from).OrderBy(c => c.Sentence.Start).ThenBy(c => c.Timex.Range.Start).ToList();
        var o = 0;
        Candidate? root = null;
        var rootSentence = -1;
        var t = 0;
        var added = new List<Candidate>();
        for (var s = 0; s < doc.Sentences.Count; s++)
        {
            var range = doc.Sentences[s].Range;
            Candidate? last = null;
            while (o < own.Count && own[o].Sentence.Start < range.End)
            {
                last = own[o++];
            }

            var timed = false;
            while (t < layer.Items.Count && layer.Items[t].Range.Start < range.End)
            {
                var item = layer.Items[t++];
                timed |= item.Range.Start >= range.Start && item.Type is TimexType.Date or TimexType.Time && !item.Value.EndsWith("_REF", StringComparison.Ordinal);
            }

            if (last is not null)
            {
                (root, rootSentence) = CanAnchor(last) ? (last, s) : (null, -1);
                continue;
            }

            var at = FirstLetter(text, range);
            var cue = Cue().Match(text, at, Math.Min(range.End - at, 80));
            if (!cue.Success || root is null || s - rootSentence > CueReach)
            {
                if (timed)
                {
                    // Another time ("last week") stands between a dated report and what follows: a later cue leans on it.
                    (root, rootSentence) = (null, -1);
                }

                continue;
            }

            var (shift, part, later) = Read(cue);
            var inferred = Infer(text, root, range, cue, shift, part, later, candidates.Count + added.Count);
            added.Add(inferred);
            (root, rootSentence) = (inferred, s);
        }

        candidates.AddRange(added);
    }

    /// <summary>A report a cue can lean on: a weekday of the text, or a day the text does not give (a post's clock stamp, "yesterday" in it, an earlier cue).</summary>
    private static bool CanAnchor(Candidate c) =>
        c.Interval is null && (Sequence.WeekdayOf(c.Timex.Value) is not null || c.Timex.Value.StartsWith("XXXX-XX-XX", StringComparison.Ordinal));

    private static int FirstLetter(string text, TextRange range)
    {
        var i = range.Start;
        while (i < range.End && !char.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static (int Shift, string? Part, bool Later) Read(Match cue)
    {
        var part = cue.Groups["part"].Success ? cue.Groups["part"].Value.ToLowerInvariant() switch
        {
            "morning" => "MO",
            "afternoon" => "AF",
            "evening" or "nightfall" => "EV",
            "night" => "NI",
            _ => null,
        } : null;
        if (cue.Groups["later"].Success)
        {
            return (0, null, true);
        }

        if (cue.Groups["same"].Success)
        {
            return (0, part, part is null);
        }

        var shift = cue.Groups["days"].Success ? cue.Groups["days"].Value.ToLowerInvariant() switch
        {
            "a" or "one" => 1,
            "two" => 2,
            "three" => 3,
            var n => int.Parse(n, NumberStyles.None, CultureInfo.InvariantCulture),
        } : 1;
        return (shift, part, false);
    }

    private static Candidate Infer(string text, Candidate root, TextRange sentence, Match cue, int shift, string? part, bool later, int index)
    {
        var weekday = Sequence.WeekdayOf(root.Timex.Value);
        var value = weekday is { } w
            ? "XXXX-WXX-" + (char)('1' + ((w - 1 + shift) % 7)) + (part is null ? string.Empty : "T" + part)
            : "XXXX-XX-XX" + (part is null ? string.Empty : "T" + part);
        var rootRank = shift == 0 ? Math.Max(Sequence.PartRank(root.Timex.Value), root.RankFloor) : 0;
        var range = new TextRange(cue.Index, cue.Index + cue.Length);
        var words = root.Label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var against = "‘" + string.Join(' ', words.Take(8)) + (words.Length > 8 ? "…’" : "’");
        var where = shift switch
        {
            0 when later => "later the same day as " + against,
            0 => "the same day as " + against,
            1 => "the day after " + against,
            _ => string.Create(CultureInfo.InvariantCulture, $"{shift} days after {against}"),
        };
        var expression = text.Substring(range.Start, range.Length);
        var timex = new Timex(range, part is null ? TimexType.Date : TimexType.Time, value, AnchorKind.Discourse);
        return new Candidate(root.Doc, root.DocIndex, sentence, Label(text, sentence), timex, expression, root.Reported, root.Zone, index)
        {
            Words = StemWeights.Stems(text, sentence, CompareLength),
            Compare = Sitrep.Text.WhiteSpace.OneLine(text.Substring(sentence.Start, Math.Min(sentence.Length, CompareLength))),
            CompareRange = new TextRange(sentence.Start, sentence.Start + Math.Min(sentence.Length, CompareLength)),
            Bucket = null,
            Inferred = where + " (date inferred from ‘" + expression + "’)",
            Minutes = root.Minutes ?? RelativeMinutes(root.Timex.Offset),
            RankFloor = part is null ? rootRank : 0,
        };
    }

    /// <summary>
    /// A cue that opens a sentence and places its event against the one told just before: later the same day ("Hours
    /// later", "Later that day", "Within hours"), a part of the same day ("That night", "By evening"), or days after ("The
    /// next day", "The following morning", "Two days later"). "By morning" is left out: after a night it is the next day.
    /// </summary>
    [GeneratedRegex(@"\G(?:(?:and|but|then)\s+)?(?:(?<later>(?:(?:a\s+few|several|some|two|three|\d+)\s+)?(?:hours|minutes)\s+later|within\s+(?:hours|minutes)|later\s+that\s+day)|(?<same>(?:later\s+)?(?:that|the\s+same)\s+(?<part>morning|afternoon|evening|night)|by\s+(?<part>evening|nightfall))|(?:the\s+(?:next|following)\s+(?:day|(?<part>morning|afternoon|evening|night))|the\s+day\s+after(?!\s+the\b)|(?<days>a|one|two|three|\d)\s+days?\s+later))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Cue();
}
