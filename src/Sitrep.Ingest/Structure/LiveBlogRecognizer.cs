using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Documents;

namespace Sitrep.Ingest.Structure;

/// <summary>
/// Finds the update markers of a live blog at the start of lines ("UPDATE 05:37 CET:", "14:02 BST —",
/// "Update, 3 p.m.:", "Forty minutes later —", and lines that hold only a date and a time, as channel exports pasted
/// as text have) and turns each into a post whose header is the marker.
/// </summary>
/// <remarks>
/// The marker's clock time becomes a TIMEX3 value with an unknown date (<c>XXXX-XX-XXT05:37+01:00</c>); the offset is
/// only given when the marker names a zone. A marker with only a relative time keeps its text and has no value.
/// </remarks>
public static partial class LiveBlogRecognizer
{
    private const int MaxMarkerLine = 2000;

    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UTC"] = "Z",
        ["GMT"] = "Z",
        ["Z"] = "Z",
        ["BST"] = "+01:00",
        ["IST"] = "+01:00",
        ["WET"] = "Z",
        ["WEST"] = "+01:00",
        ["CET"] = "+01:00",
        ["CEST"] = "+02:00",
        ["EET"] = "+02:00",
        ["EEST"] = "+03:00",
        ["MSK"] = "+03:00",
        ["EST"] = "-05:00",
        ["EDT"] = "-04:00",
        ["CST"] = "-06:00",
        ["CDT"] = "-05:00",
        ["MST"] = "-07:00",
        ["MDT"] = "-06:00",
        ["PST"] = "-08:00",
        ["PDT"] = "-07:00",
        ["KYIV"] = "+03:00",
    };

    /// <summary>A marker found in the text.</summary>
    /// <param name="Line">Where the marker's line starts.</param>
    /// <param name="Header">The marker itself, punctuation included.</param>
    /// <param name="Time">Its time.</param>
    /// <param name="Keyword">True when the marker starts with a word such as "UPDATE" rather than a bare time.</param>
    public readonly record struct Marker(int Line, TextRange Header, PostTime Time, bool Keyword);

    /// <summary>The update markers of a text, in order.</summary>
    internal static List<Marker> FindMarkers(string text, List<TextLine> lines)
    {
        var markers = new List<Marker>();
        foreach (var line in lines)
        {
            if (line.IsBlank || line.ContentLength > MaxMarkerLine)
            {
                continue;
            }

            var head = text.AsSpan(line.ContentStart, Math.Min(line.ContentLength, 80)).ToString();
            Marker? marker;
            try
            {
                marker = TryMarker(head, line.ContentStart);
            }
            catch (RegexMatchTimeoutException)
            {
                marker = null;
            }

            if (marker is { } m)
            {
                markers.Add(m with { Line = line.Index });
            }
        }

        return markers;
    }

    private static Marker? TryMarker(string head, int offset)
    {
        var unmarked = head.TrimStart('*', '_', '#', ' ');
        var skipped = head.Length - unmarked.Length;
        var match = ClockMarker().Match(unmarked);
        if (match.Success)
        {
            var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (match.Groups["ap"].Success)
            {
                var pm = char.ToLowerInvariant(match.Groups["ap"].Value[0]) == 'p';
                hour = hour % 12 + (pm ? 12 : 0);
            }

            if (hour > 23 || minute > 59)
            {
                return null;
            }

            var zone = match.Groups["z"].Success && Zones.TryGetValue(match.Groups["z"].Value, out var z) ? z : string.Empty;
            var value = string.Create(CultureInfo.InvariantCulture, $"XXXX-XX-XXT{hour:00}:{minute:00}{zone}");
            var timeGroup = match.Groups["t"];
            var time = new PostTime(timeGroup.Value.Trim(), value, new TextRange(offset + skipped + timeGroup.Index, offset + skipped + timeGroup.Index + timeGroup.Length));
            var keyword = char.IsLetter(unmarked[0]);
            return new Marker(0, new TextRange(offset, offset + skipped + match.Value.TrimEnd().Length), time, keyword);
        }

        match = StampMarker().Match(unmarked);
        if (match.Success && Stamp(match) is { } stamp)
        {
            // A line that is only a date and a time ("23.06.2023 21:37"), as channel exports and feeds pasted as text
            // put above each post. Not a keyword marker: one stamp alone (a dateline) does not make a live blog.
            var t = match.Groups["t"];
            var time = new PostTime(t.Value, stamp, new TextRange(offset + skipped + t.Index, offset + skipped + t.Index + t.Length));
            return new Marker(0, new TextRange(offset, offset + skipped + match.Value.TrimEnd().Length), time, false);
        }

        match = RelativeMarker().Match(unmarked);
        if (match.Success)
        {
            var t = match.Groups["t"];
            var time = new PostTime(t.Value, null, new TextRange(offset + skipped + t.Index, offset + skipped + t.Index + t.Length));
            return new Marker(0, new TextRange(offset, offset + skipped + match.Value.TrimEnd().Length), time, false);
        }

        return null;
    }

    // "UPDATE 05:37 CET:", "Update, 9.45 a.m.:", "Update, 7 a.m. Sunday:", "14:02 BST —", "**12:40 BST** —".
    [GeneratedRegex(@"^(?:(?:update|updated|breaking|latest)\b[,:]?\s*(?<t>(?<h>[01]?\d|2[0-3])(?:[:.](?<m>[0-5]\d))?\s*(?:(?<ap>[ap])\.?\s?m\.?|(?<z>[A-Z]{1,4}T|UTC|GMT|MSK|Z|KYIV)\b)?(?:\s+[A-Z][a-z]+day)?)\s*[*_]*\s*(?::|—|–|-{1,2})\s?|(?<t>(?<h>[01]?\d|2[0-3])[:.](?<m>[0-5]\d)\s*(?:(?<ap>[ap])\.?\s?m\.?|(?<z>[A-Z]{1,4}T|UTC|GMT|MSK|KYIV)\b)?)\s*[*_]*\s*(?:—|–|-{1,2}|:(?!\d))\s?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ClockMarker();

    private static string? Stamp(Match match)
    {
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["mo"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23)
        {
            return null;
        }

        var zone = match.Groups["z"].Success && Zones.TryGetValue(match.Groups["z"].Value, out var z) ? z : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}T{hour:00}:{minute:00}{zone}");
    }

    // A line holding only a date and a time: "23.06.2023 21:37", "23/06/2023, 21:37 MSK", "2023-06-23 21:37".
    [GeneratedRegex(@"^(?<t>(?:(?<d>[0-3]?\d)[./](?<mo>[01]?\d)[./](?<y>(?:19|20)\d\d)|(?<y>(?:19|20)\d\d)-(?<mo>[01]\d)-(?<d>[0-3]\d)),?[ T]\s*(?<h>[01]?\d|2[0-3]):(?<m>[0-5]\d)(?::[0-5]\d)?(?:\s*(?<z>[A-Z]{1,4}T|UTC|GMT|MSK|Z)\b)?)\s*[*_]*\s*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StampMarker();

    // "Forty minutes later —", "An hour later:".
    [GeneratedRegex(@"^(?<t>(?:[A-Z][a-z]+|\d{1,3}|An?|Half an)(?:[ -][a-z]+)?\s+(?:minutes?|hours?)\s+later)\s*[*_]*\s*(?:—|–|:)\s?", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RelativeMarker();
}
