using System.Globalization;
using System.Text.Json;

namespace Sitrep.Time.Evaluation;

/// <summary>One report of a gold event: the document that carries it and cue words its cited sentence must contain.</summary>
/// <param name="Doc">File name of the document.</param>
/// <param name="Cues">Words or short phrases that must all occur (case-insensitive) in the cited sentence.</param>
/// <param name="Undated">True when the document has no report time: the report must stay unplaced or join its event's entry.</param>
public sealed record TimelineGoldReport(string Doc, IReadOnlyList<string> Cues, bool Undated);

/// <summary>One event of the timeline gold.</summary>
/// <param name="Id">Short id.</param>
/// <param name="What">A description in the gold author's words.</param>
/// <param name="When">The correct date: <c>1917</c>, <c>2023-05</c>, <c>2023-06-24</c> or <c>2023-06-24T10:00+03:00</c>.</param>
/// <param name="Background">True for a date mentioned in passing, which must be kept apart from the story's sequence.</param>
/// <param name="Reports">The reports that carry the event.</param>
public sealed record TimelineGoldEvent(string Id, string What, string When, bool Background, IReadOnlyList<TimelineGoldReport> Reports);

/// <summary>A hand-made timeline gold over one corpus (<c>tests/gold/timeline/*.json</c>).</summary>
/// <param name="Corpus">The corpus folder, relative to the repository root.</param>
/// <param name="ToleranceMinutes">How far apart in UTC a stated time may be and still be right.</param>
/// <param name="Events">The events.</param>
public sealed record TimelineGold(string Corpus, int ToleranceMinutes, IReadOnlyList<TimelineGoldEvent> Events)
{
    /// <summary>Reads a gold file.</summary>
    /// <exception cref="InvalidDataException">The file is not a timeline gold (the message names what is wrong).</exception>
    public static TimelineGold Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(stream);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("not JSON: " + ex.Message, ex);
        }

        using (json)
        {
            var root = json.RootElement;
            var corpus = Text(root, "corpus", "the file");
            var tolerance = root.TryGetProperty("toleranceMinutes", out var t) && t.TryGetInt32(out var minutes) ? minutes : 30;
            if (!root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("'events' must be an array");
            }

            var list = new List<TimelineGoldEvent>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in events.EnumerateArray())
            {
                var id = Text(e, "id", "an event");
                if (!ids.Add(id))
                {
                    throw new InvalidDataException($"event id '{id}' appears twice");
                }

                var when = Text(e, "when", id);
                if (GoldTime.Parse(when) is null)
                {
                    throw new InvalidDataException($"event '{id}' has when '{when}'; expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM+hh:mm");
                }

                var reports = new List<TimelineGoldReport>();
                if (!e.TryGetProperty("reports", out var rs) || rs.ValueKind != JsonValueKind.Array || rs.GetArrayLength() == 0)
                {
                    throw new InvalidDataException($"event '{id}' needs a non-empty 'reports' array");
                }

                foreach (var r in rs.EnumerateArray())
                {
                    var cues = r.TryGetProperty("cues", out var c) && c.ValueKind == JsonValueKind.Array
                        ? c.EnumerateArray().Select(x => x.GetString() ?? string.Empty).Where(x => x.Length > 0).ToList()
                        : [];
                    if (cues.Count == 0)
                    {
                        throw new InvalidDataException($"a report of event '{id}' has no cues");
                    }

                    reports.Add(new TimelineGoldReport(Text(r, "doc", id), cues, Flag(r, "undated")));
                }

                list.Add(new TimelineGoldEvent(id, e.TryGetProperty("what", out var w) ? w.GetString() ?? string.Empty : string.Empty, when, Flag(e, "background"), reports));
            }

            return new TimelineGold(corpus, tolerance, list);
        }
    }

    private static string Text(JsonElement e, string name, string where) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? s
            : throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{where} needs a string '{name}'"));

    private static bool Flag(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}

/// <summary>A gold date: its precision, and for a stated clock time the UTC instant.</summary>
/// <param name="Prefix">The calendar part as written (<c>2023-06-24</c>, <c>2023-05</c>, <c>1917</c>).</param>
/// <param name="Utc">The UTC instant when a clock time with an offset is given, else null.</param>
internal readonly record struct GoldTime(string Prefix, DateTime? Utc)
{
    public static GoldTime? Parse(string when)
    {
        if (when.Length is 4 or 7 or 10 && Timeline.TimexInterval.Of(when) is not null)
        {
            return new GoldTime(when, null);
        }

        if (when.Length > 10 && DateTimeOffset.TryParseExact(when, "yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return new GoldTime(when[..10], at.UtcDateTime);
        }

        return null;
    }
}
