using System.Globalization;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Time.Normalisation;
using Sitrep.Time.Tagging;

namespace Sitrep.Time;

/// <summary>
/// Tags and normalises the temporal expressions of each document (boilerplate excluded, post headers and live-blog
/// markers included, since a marker's "05:37 CET" is itself a timex) into a <see cref="TimexLayer"/>.
/// </summary>
/// <remarks>
/// Anchors, best first: the time of the post that contains the expression (<see cref="Post.Time"/>), or of the
/// live-blog marker above it ("UPDATE 05:37 CET:") when that marker resolves to a calendar day; the document's
/// publication time (<see cref="Source.Published"/>); the nearest explicit date earlier in the text; else none, and
/// the unknown parts stay <c>X</c>. A post whose time is only relative ("1 year ago") gives no anchor: its
/// expressions are marked ambiguous rather than resolved against a guess.
/// </remarks>
public sealed class TimexStage : PersistedDocumentStage<TimexLayer>
{
    /// <inheritdoc />
    public override string Name => TimexTagger.Name;

    /// <inheritdoc />
    public override string PersistedLayerName => Capabilities.Timexes;

    /// <inheritdoc />
    public override IReadOnlyList<string> Requires { get; } = [Capabilities.Text, Capabilities.Structure];

    /// <inheritdoc />
    public override IReadOnlyList<string> Assigns { get; } = [Capabilities.Timexes];

    /// <inheritdoc />
    public override TimexLayer Predict(AnalyzedDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var doc = document.Document;
        var text = doc.Text;
        var published = doc.Source.Published is { } p ? ReferenceTime.From(p, AnchorKind.Document) : (ReferenceTime?)null;
        var tagged = new List<TaggedTimex>();
        foreach (var range in AnalysableRanges(doc))
        {
            cancellationToken.ThrowIfCancellationRequested();
            tagged.AddRange(TimexTagger.Default.Tag(text, range));
        }

        // One pass in text order: a live-blog marker ("UPDATE 05:37 CET:") that resolves becomes the anchor of the text
        // below it, and a day heading ("## Saturday 24 June") gives the day of the markers under it.
        var items = new List<Timex>(tagged.Count);
        var markers = new List<Marker>();
        var zone = DeclaredZone.Find(text) ?? (doc.Source.Published is { } pz ? (int)pz.Offset.TotalMinutes : null);
        ReferenceTime? discourse = null;
        ReferenceTime? recent = null;
        Marker? current = null;
        DateOnly? heading = null;
        var headingIsNew = false;
        DateTimeOffset? previous = null;
        foreach (var tag in tagged)
        {
            var post = PostAnchor(doc, tag.Start, published, zone);
            var context = post.Reference is { Kind: AnchorKind.Post } || current is not { Reference: { } } ? post : new AnchorContext(current.Value.Reference);
            if (context.Reference is { Kind: AnchorKind.Document } && recent is { } named && IsBareClock(tag.Meaning))
            {
                // "a televised address around 10:00 Moscow time" in a brief written four days later happened on the day the
                // text last named, not on the day it was published.
                context = new AnchorContext(named);
            }

            var timex = TimexNormaliser.Resolve(text, tag, context, discourse);
            if (context.Reference is null && timex.Anchor == AnchorKind.Discourse && tag.Meaning.Kind is MeaningKind.Shift or MeaningKind.Weekday && !Narrative(text, tag))
            {
                // "Yesterday", "this year", "on Monday" count from when the text was written. Without a report time they
                // stay relative (X, with their offset) rather than take the year of the last date the text happens to
                // name, which in a biography or a pasted explainer is not when it was written.
                timex = TimexNormaliser.Resolve(text, tag, context, null);
            }

            timex = WithZone(timex, zone);
            if (timex.Type == TimexType.Date && timex.Value.Length == 10 && IsHeading(text, timex.Range.Start) && ReferenceTime.TryParse(timex.Value, AnchorKind.Discourse) is { } day)
            {
                heading = day.Date;
                headingIsNew = true;
            }
            else if (timex.Type == TimexType.Time && OpensLine(text, timex.Range.Start))
            {
                var marker = ToMarker(timex, heading, headingIsNew, ref previous);
                timex = timex with { Value = marker.Value };
                markers.Add(marker);
                current = marker;
                headingIsNew = false;
            }

            TimexNormaliser.UpdateDiscourse(tag, timex, ref discourse);
            if (published is { } pd && discourse is { } written && timex.Range.End == written.EndsAt
                && written.Date >= pd.Date.AddDays(-RecentDays) && written.Date <= pd.Date.AddDays(1))
            {
                recent = written;
            }

            items.Add(timex);
        }

        return new TimexLayer(items, published?.ToValue(), ReportTimes(doc, markers, zone));
    }

    /// <summary>How many days before publication a date the text names may lie and still give its day to a bare clock time.</summary>
    private const int RecentDays = 14;

    /// <summary>"three days later", "the following week", "that day": counted from a date the narrative gave, not from its writing.</summary>
    private static bool Narrative(string text, TaggedTimex tag)
    {
        var expression = text.AsSpan(tag.Start, tag.End - tag.Start);
        foreach (var word in (ReadOnlySpan<string>)["later", "earlier", "after", "before", "following", "previous", "that", "same", "next day", "prior"])
        {
            if (expression.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBareClock(TimexMeaning m) => m.Kind == MeaningKind.Calendar && m.Hour is not null && m.Month is null && m.Year is null;

    /// <summary>A clock time written without a zone is in the zone the document declares, else in its publication's.</summary>
    private static Timex WithZone(Timex timex, int? zone) =>
        zone is { } z && HasClockWithoutZone(timex.Value) ? timex with { Value = timex.Value + TimexFormat.Offset(z) } : timex;

    private static string? WithZone(string? value, int? zone) =>
        value is not null && zone is { } z && HasClockWithoutZone(value) ? value + TimexFormat.Offset(z) : value;

    private static bool HasClockWithoutZone(string value)
    {
        var t = value.IndexOf('T', StringComparison.Ordinal);
        if (t < 0 || t + 6 > value.Length || !char.IsAsciiDigit(value[t + 1]) || value[t + 3] != ':')
        {
            return false;
        }

        var rest = value.AsSpan(t + 1);
        return rest.IndexOfAny('+', '-', 'Z') < 0;
    }

    /// <summary>
    /// A marker gives only the clock: its day is that of the day heading above it, else the anchor's, moved on a day
    /// while the clock runs backwards (live blogs run oldest first).
    /// </summary>
    private static Marker ToMarker(Timex timex, DateOnly? heading, bool headingIsNew, ref DateTimeOffset? previous)
    {
        var reference = ReferenceTime.TryParse(timex.Value, AnchorKind.Post);
        if (reference is not { TimeOfDay: { } clock } r)
        {
            return new Marker(timex.Range, reference, timex.Value);
        }

        var value = timex.Value;
        var date = r.Date;
        if (timex.Anchor != AnchorKind.Absolute && timex.Offset is null)
        {
            date = heading is { } h && headingIsNew ? h : r.Date;
            var offset = TimeSpan.FromMinutes(r.OffsetMinutes ?? 0);
            var at = new DateTimeOffset(date.ToDateTime(clock), offset);
            while (!headingIsNew && previous is { } prev && at < prev && prev - at < TimeSpan.FromHours(23))
            {
                at = CalendarMath.Add(at, TimeSpan.FromDays(1));
            }

            date = DateOnly.FromDateTime(at.DateTime);
            var suffix = value.IndexOf('T', StringComparison.Ordinal) is var tAt and >= 0 ? value[tAt..] : string.Empty;
            value = TimexFormat.Day(date) + suffix;
        }

        previous = new DateTimeOffset(date.ToDateTime(clock), TimeSpan.FromMinutes(r.OffsetMinutes ?? 0));
        return new Marker(timex.Range, r with { Date = date, Kind = AnchorKind.Post }, value);
    }

    /// <summary>How far back a marker or heading may start from its line start; bounds the scan on huge lines.</summary>
    private const int MaxMarkerPrefix = 48;

    private static bool IsHeading(string text, int start)
    {
        var lineStart = start;
        while (lineStart > 0 && text[lineStart - 1] != '\n')
        {
            if (start - lineStart > MaxMarkerPrefix)
            {
                return false;
            }

            lineStart--;
        }

        foreach (var c in text.AsSpan(lineStart, start - lineStart))
        {
            if (c is not ('#' or '*' or ' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override void Apply(AnalyzedDocument document, TimexLayer prediction)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Layers.Set(prediction);
    }

    /// <summary>The text minus boilerplate ranges.</summary>
    internal static IEnumerable<TextRange> AnalysableRanges(Document doc)
    {
        var at = 0;
        foreach (var b in doc.Boilerplate)
        {
            if (b.Start > at)
            {
                yield return new TextRange(at, b.Start);
            }

            at = Math.Max(at, b.End);
        }

        if (at < doc.Text.Length)
        {
            yield return new TextRange(at, doc.Text.Length);
        }
    }

    private static AnchorContext PostAnchor(Document doc, int offset, ReferenceTime? published, int? zone)
    {
        var post = doc.PostAt(offset);
        if (post?.Time is { } time)
        {
            if (ReferenceTime.TryParse(WithZone(time.Value, zone), AnchorKind.Post) is { } postTime)
            {
                return new AnchorContext(postTime);
            }

            var note = time.Text.Contains("ago", StringComparison.OrdinalIgnoreCase) || time.Value is null
                ? string.Create(CultureInfo.InvariantCulture, $"post {post.Id} is dated only '{time.Text}', relative to an unknown retrieval time")
                : string.Create(CultureInfo.InvariantCulture, $"post {post.Id} is dated only '{time.Text}' ({time.Value}), without a calendar day");
            return new AnchorContext(published, note);
        }

        return new AnchorContext(published);
    }

    private static bool OpensLine(string text, int start)
    {
        var lineStart = start;
        while (lineStart > 0 && text[lineStart - 1] != '\n')
        {
            if (start - lineStart > MaxMarkerPrefix)
            {
                return false;
            }

            lineStart--;
        }

        var before = text.AsSpan(lineStart, start - lineStart).Trim();
        before = before.TrimEnd([',', ':', '—', '-', ' ']);
        return before.IsEmpty
            || before.Equals("UPDATE", StringComparison.OrdinalIgnoreCase)
            || before.Equals("Updated", StringComparison.OrdinalIgnoreCase)
            || before.Equals("Update", StringComparison.OrdinalIgnoreCase)
            || before.Equals("**UPDATE", StringComparison.OrdinalIgnoreCase)
            || before.Equals("###", StringComparison.Ordinal);
    }

    private static List<ReportTime> ReportTimes(Document doc, List<Marker> markers, int? zone)
    {
        var list = new List<ReportTime>();
        foreach (var post in doc.Posts)
        {
            if (post.Time is { } time)
            {
                list.Add(new ReportTime(post.Range, WithZone(time.Value, zone) ?? "XXXX-XX-XX", AnchorKind.Post, time.Text));
            }
        }

        for (var i = 0; i < markers.Count; i++)
        {
            var start = LineStart(doc.Text, markers[i].Range.Start);
            var end = i + 1 < markers.Count ? LineStart(doc.Text, markers[i + 1].Range.Start) : doc.Text.Length;
            list.Add(new ReportTime(new TextRange(start, Math.Max(start, end)), markers[i].Value, AnchorKind.Post, doc.Slice(markers[i].Range)));
        }

        return list;
    }

    private static int LineStart(string text, int offset)
    {
        while (offset > 0 && text[offset - 1] != '\n')
        {
            offset--;
        }

        return offset;
    }

    internal readonly record struct Marker(TextRange Range, ReferenceTime? Reference, string Value);
}
