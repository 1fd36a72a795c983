using System.Globalization;
using System.Text.RegularExpressions;

namespace Sitrep.Ingest.Structure;

/// <summary>
/// A plain text's own publication line near its top, as pages copied from news sites carry it: "Published: March 13,
/// 2013", "PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: …", "Posted on March 09, 2013", "Published time: March 12, 2013
/// 02:03". The date it gives is the report's publication time when nothing else (a manifest, front matter) gives one;
/// without it every such report is undated and two nights' figures read as one.
/// </summary>
/// <remarks>
/// Only a line that opens with the label ("Published", "Posted", "First published") among the first lines of the text
/// is read, and only a full date with its year; an "Updated" line is read only when no publication line is there. The
/// clock time is kept only with a zone the line names (GMT, UTC, a US or UK zone abbreviation); otherwise the day alone
/// is kept, at midnight UTC, since the outlet's zone is unknown.
/// </remarks>
public static partial class PublishedLine
{
    private const int LinesRead = 8;
    private const int MaxLineLength = 160;
    private const int MaxWords = 14;

    /// <summary>The publication time a text's own publication line gives, or null.</summary>
    public static DateTimeOffset? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        DateTimeOffset? updated = null;
        var read = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            if (++read > LinesRead)
            {
                break;
            }

            if (line.Length > MaxLineLength || Label().Match(line.ToString()) is not { Success: true } label)
            {
                continue;
            }

            // "PUBLISHED: … | UPDATED: …": the publication part only. A sentence that opens with the word ("Posted to a
            // forum on March 3, 2013, the video shows …") is no such line: the line is the label and a date, little else.
            var rest = line[label.Length..].ToString();
            if (rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxWords || (!label.Value.TrimEnd().EndsWith(':') && !DateStart().IsMatch(rest)))
            {
                continue;
            }

            var cut = Updated().Match(rest);
            var when = Parse(cut.Success ? rest[..cut.Index] : rest);
            if (label.Groups["kind"].Value.StartsWith("upd", StringComparison.OrdinalIgnoreCase) || label.Groups["kind"].Value.StartsWith("last", StringComparison.OrdinalIgnoreCase))
            {
                updated ??= when;
                continue;
            }

            if (when is not null)
            {
                return when;
            }
        }

        return updated;
    }

    /// <summary>A date with its year ("March 13, 2013", "12 March 2013", "Oct 26, 2011"), with its clock time when the zone is named.</summary>
    internal static DateTimeOffset? Parse(string text)
    {
        var date = MonthFirst().Match(text) is { Success: true } m1 ? m1 : DayFirst().Match(text);
        if (!date.Success || Month(date.Groups["mon"].Value) is not { } month
            || !int.TryParse(date.Groups["d"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(date.Groups["y"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year < 1900 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var at = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        if (Clock().Match(text) is { Success: true } clock && Zone().Match(text) is { Success: true } zone && Offsets.TryGetValue(zone.Value.ToUpperInvariant(), out var offset))
        {
            var hour = int.Parse(clock.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture);
            var half = clock.Groups["ap"].Value.ToUpperInvariant();
            hour = half.StartsWith('P') && hour < 12 ? hour + 12 : half.StartsWith('A') && hour == 12 ? 0 : hour;
            if (hour < 24 && minute < 60)
            {
                return new DateTimeOffset(at.AddHours(hour).AddMinutes(minute), TimeSpan.FromHours(offset));
            }
        }

        return new DateTimeOffset(at, TimeSpan.Zero);
    }

    private static int? Month(string name)
    {
        var key = name.Length >= 3 ? name[..3].ToUpperInvariant() : name.ToUpperInvariant();
        var at = Array.IndexOf(Months, key);
        return at < 0 ? null : at + 1;
    }

    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>Zones a publication line names, in hours from UTC.</summary>
    private static readonly Dictionary<string, int> Offsets = new(StringComparer.Ordinal)
    {
        ["GMT"] = 0,
        ["UTC"] = 0,
        ["BST"] = 1,
        ["CET"] = 1,
        ["CEST"] = 2,
        ["EST"] = -5,
        ["EDT"] = -4,
        ["CST"] = -6,
        ["CDT"] = -5,
        ["MST"] = -7,
        ["MDT"] = -6,
        ["PST"] = -8,
        ["PDT"] = -7,
    };

    [GeneratedRegex(@"^(?<kind>first\s+published|published|posted|last\s+updated|updated)(\s+(time|on|at|date))?\s*[:\-–—]?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex(@"^(\d|(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateStart();

    [GeneratedRegex(@"[|/]\s*(last\s+)?updated\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Updated();

    [GeneratedRegex(@"\b(?<mon>jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?\s+(?<d>\d{1,2})(st|nd|rd|th)?,?\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(st|nd|rd|th)?\s+(?<mon>jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?,?\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"\b(?<h>\d{1,2}):(?<m>\d{2})\s*(?<ap>[ap]\.?m\.?)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Clock();

    [GeneratedRegex(@"\b(GMT|UTC|BST|CEST|CET|EST|EDT|CST|CDT|MST|MDT|PST|PDT)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Zone();
}
