using System.Net;
using System.Text;
using Sitrep.Documents;

namespace Sitrep.Time.TimeMl;

/// <summary>A TIMEX3 annotation read from TimeML: its characters in the plain text, type and value.</summary>
/// <param name="Range">Offsets in <see cref="TimeMlDocument.Text"/>.</param>
/// <param name="Type">TIMEX3 type name as written.</param>
/// <param name="Value">TIMEX3 value as written.</param>
public sealed record TimeMlTimex(TextRange Range, string Type, string Value);

/// <summary>
/// A TimeML (TempEval-3) document: the plain text of its <c>TEXT</c> element with the gold TIMEX3 annotations as offsets,
/// and the document creation time from <c>DCT</c>. Read with a small hand scanner, because the files mix text and
/// inline tags and only TIMEX3 matters here.
/// </summary>
public sealed class TimeMlDocument
{
    private TimeMlDocument(string raw, string text, int textStart, int textEnd, string? creationTime, IReadOnlyList<TimeMlTimex> timexes)
    {
        Raw = raw;
        Text = text;
        TextStart = textStart;
        TextEnd = textEnd;
        CreationTime = creationTime;
        Timexes = timexes;
    }

    /// <summary>The file as read.</summary>
    public string Raw { get; }

    /// <summary>The plain text of the TEXT element, entities decoded, tags removed.</summary>
    public string Text { get; }

    /// <summary>Offset in <see cref="Raw"/> just after <c>&lt;TEXT&gt;</c>.</summary>
    public int TextStart { get; }

    /// <summary>Offset in <see cref="Raw"/> of <c>&lt;/TEXT&gt;</c>.</summary>
    public int TextEnd { get; }

    /// <summary>The value of the DCT's TIMEX3, or null.</summary>
    public string? CreationTime { get; }

    /// <summary>Gold TIMEX3 annotations inside TEXT.</summary>
    public IReadOnlyList<TimeMlTimex> Timexes { get; }

    /// <summary>Parses a TimeML document.</summary>
    /// <exception cref="FormatException">There is no TEXT element.</exception>
    public static TimeMlDocument Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        string? dct = null;
        var dctAt = raw.IndexOf("<DCT>", StringComparison.Ordinal);
        if (dctAt >= 0)
        {
            var t = raw.IndexOf("<TIMEX3", dctAt, StringComparison.Ordinal);
            if (t >= 0)
            {
                var close = raw.IndexOf('>', t);
                dct = Attribute(raw.AsSpan(t, close - t), "value");
            }
        }

        var open = raw.IndexOf("<TEXT>", StringComparison.Ordinal);
        var end = raw.IndexOf("</TEXT>", StringComparison.Ordinal);
        if (open < 0 || end < open)
        {
            throw new FormatException("No <TEXT> element.");
        }

        var start = open + "<TEXT>".Length;
        var sb = new StringBuilder(end - start);
        var timexes = new List<TimeMlTimex>();
        (int Start, string Type, string Value)? current = null;
        var i = start;
        while (i < end)
        {
            var c = raw[i];
            if (c == '<')
            {
                var close = raw.IndexOf('>', i);
                var tag = raw.AsSpan(i + 1, close - i - 1);
                if (tag.StartsWith("TIMEX3", StringComparison.Ordinal))
                {
                    current = (sb.Length, Attribute(tag, "type") ?? "DATE", Attribute(tag, "value") ?? string.Empty);
                }
                else if (tag.StartsWith("/TIMEX3", StringComparison.Ordinal) && current is { } cur)
                {
                    timexes.Add(new TimeMlTimex(new TextRange(cur.Start, sb.Length), cur.Type, cur.Value));
                    current = null;
                }

                i = close + 1;
            }
            else if (c == '&')
            {
                var semi = raw.IndexOf(';', i);
                sb.Append(WebUtility.HtmlDecode(raw[i..(semi + 1)]));
                i = semi + 1;
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }

        return new TimeMlDocument(raw, sb.ToString(), start, end, dct, timexes);
    }

    /// <summary>
    /// This document in TimeML with <paramref name="predicted"/> as its only TIMEX3 tags in TEXT (the DCT and the header
    /// are kept), so the official TempEval-3 tools can score it.
    /// </summary>
    public string WithTimexes(IEnumerable<Timex> predicted)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        var sb = new StringBuilder(Raw.Length);
        sb.Append(Raw, 0, TextStart);
        var at = 0;
        var id = 1;
        foreach (var t in predicted.OrderBy(t => t.Range.Start))
        {
            if (t.Range.Start < at)
            {
                continue;
            }

            sb.Append(Escape(Text[at..t.Range.Start]));
            sb.Append("<TIMEX3 tid=\"t").Append(id++).Append("\" type=\"").Append(t.TypeName).Append("\" value=\"").Append(Escape(t.Value)).Append('"');
            if (t.Mod is { } mod)
            {
                sb.Append(" mod=\"").Append(mod).Append('"');
            }

            sb.Append('>').Append(Escape(Text[t.Range.Start..t.Range.End])).Append("</TIMEX3>");
            at = t.Range.End;
        }

        sb.Append(Escape(Text[at..]));
        sb.Append("</TEXT>\n\n</TimeML>\n");
        return sb.ToString();
    }

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string? Attribute(ReadOnlySpan<char> tag, string name)
    {
        var key = " " + name + "=\"";
        var at = tag.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = tag[(at + key.Length)..];
        var close = rest.IndexOf('"');
        return close < 0 ? null : WebUtility.HtmlDecode(rest[..close].ToString());
    }
}
