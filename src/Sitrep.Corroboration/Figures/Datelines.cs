using System.Globalization;
using Sitrep.Pipeline;
using Sitrep.Time;

namespace Sitrep.Corroboration.Figures;

/// <summary>
/// When a document without a publication time was written, as its own dateline says: a line near the top that holds
/// nothing but a date stamp ("Nov 28, 2005", "Published: November 28, 2005", "Posted: Nov 27, 2005 8:20 AM ET Last
/// Updated: Nov 27, 2005 8:10 PM ET"). Read from the timex layer; the latest stamp of the line wins (an update time). Used
/// only to order two reports of one figure, never to date anything else: a dateline is the text's word, not metadata.
/// </summary>
internal static class Datelines
{
    /// <summary>How many of the text's first non-empty lines may hold the dateline (a URL line, a headline, a standfirst).</summary>
    public const int MaxLine = 4;

    private static readonly HashSet<string> StampWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "posted", "updated", "last", "published", "first", "on", "at", "gmt", "utc", "et", "est", "edt", "pt", "pst", "pdt", "bst", "ist", "cet",
        "am", "pm", "a", "m", "p", "date", "time", "local",
    };

    /// <summary>A report time read from a dateline, and whether it names a clock time (else only a day).</summary>
    /// <param name="Time">The time (midnight UTC when only the day is known).</param>
    /// <param name="HasClock">True when the stamp gives a clock time.</param>
    public readonly record struct Stamp(DateTimeOffset Time, bool HasClock)
    {
        /// <summary>True when this stamp is surely later than <paramref name="other"/>: a later day, or a later time on one day when both give one.</summary>
        public bool IsAfter(Stamp other) =>
            Time.UtcDateTime.Date > other.Time.UtcDateTime.Date || (HasClock && other.HasClock && Time > other.Time);
    }

    /// <summary>The dateline of a document, or null when it has a publication time or no dateline.</summary>
    public static Stamp? Of(AnalyzedDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (doc.Document.Source.Published is not null || doc.Layers.Find<TimexLayer>() is not { } timexes)
        {
            return null;
        }

        var text = doc.Document.Text;
        var lineStart = 0;
        for (var line = 0; line < MaxLine && lineStart < text.Length;)
        {
            var end = text.IndexOf('\n', lineStart);
            end = end < 0 ? text.Length : end;
            if (end > lineStart && !string.IsNullOrWhiteSpace(text[lineStart..end]))
            {
                line++;
                if (Read(text, lineStart, end, timexes.Items) is { } stamp)
                {
                    return stamp;
                }
            }

            lineStart = end + 1;
        }

        return null;
    }

    /// <summary>The latest full date of a line made only of date stamps, or null.</summary>
    internal static Stamp? Read(string text, int start, int end, IReadOnlyList<Timex> timexes)
    {
        Stamp? latest = null;
        var rest = new System.Text.StringBuilder();
        var at = start;
        foreach (var t in timexes)
        {
            if (t.Range.Start < start || t.Range.End > end)
            {
                continue;
            }

            if (t.Range.Start >= at)
            {
                rest.Append(text, at, t.Range.Start - at).Append(' ');
                at = t.Range.End;
            }

            if (Parse(t.Value) is { } stamp && (latest is null || stamp.IsAfter(latest.Value) || (stamp.Time.Date == latest.Value.Time.Date && stamp.HasClock && !latest.Value.HasClock)))
            {
                latest = stamp;
            }
        }

        if (latest is null)
        {
            return null;
        }

        rest.Append(text, at, end - at);
        foreach (var word in rest.ToString().Split([' ', '\t', ',', ':', '.', '|', '-', '—', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!StampWords.Contains(word) && !word.All(char.IsAsciiDigit) && !IsWeekday(word))
            {
                return null; // "Ten dead in southern Iran quake on 27 November" is a headline, not a dateline
            }
        }

        return latest;
    }

    private static bool IsWeekday(string word) =>
        Enum.GetNames<DayOfWeek>().Any(d => d.Equals(word, StringComparison.OrdinalIgnoreCase) || (word.Length == 3 && d.StartsWith(word, StringComparison.OrdinalIgnoreCase)));

    /// <summary>A TIMEX3 value with a full year, month and day ("2005-11-28", "2005-11-28T02:24Z"), or null.</summary>
    internal static Stamp? Parse(string value)
    {
        if (value.Length < 10 || !DateTimeOffset.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day))
        {
            return null;
        }

        if (value.Length >= 16 && value[10] == 'T' && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return new Stamp(time, true);
        }

        return new Stamp(day, false);
    }
}
