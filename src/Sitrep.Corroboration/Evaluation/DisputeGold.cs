using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sitrep.Corroboration.Evaluation;

/// <summary>A place in one document where a claim is made: the document's ECB+ name and a short exact snippet.</summary>
/// <param name="Doc">ECB+ file name without <c>.xml</c> (<c>20_1ecbplus</c>).</param>
/// <param name="Snippet">Text that occurs in the document (compared with all white space removed).</param>
public sealed record DisputeMention(string Doc, string Snippet);

/// <summary>One side of a dispute or one state of an update: a value and where sources give it.</summary>
/// <param name="Value">The value in words or digits (<c>5.9</c>, <c>at least 3</c>, <c>protesters' petrol bombs</c>).</param>
/// <param name="Mentions">Where it is given.</param>
public sealed record DisputeSide(string Value, IReadOnlyList<DisputeMention> Mentions);

/// <summary>
/// A gold dispute (values that cannot all hold) or update (a later report revising a figure or status): every two
/// different sides conflict (or, for an update, follow one another).
/// </summary>
/// <param name="Id">Stable id (<c>20-ecbplus-magnitude</c>).</param>
/// <param name="Kind"><c>figure</c> (a quantity with a role and unit) or <c>fact</c>.</param>
/// <param name="Event">The event the value is about.</param>
/// <param name="Quantity">The quantity and its role (killed, injured, magnitude, depth…), or the question for a fact.</param>
/// <param name="Unit">Unit of a figure, or null.</param>
/// <param name="Note">Why it is a dispute or an update, and what was left out.</param>
/// <param name="Sides">Its sides, at least two.</param>
public sealed record GoldDispute(string Id, string Kind, string? Event, string? Quantity, string? Unit, string? Note, IReadOnlyList<DisputeSide> Sides);

/// <summary>A fact every source that mentions it agrees on.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Fact">The fact in words.</param>
/// <param name="Mentions">Where sources state it.</param>
public sealed record GoldAgreement(string Id, string Fact, IReadOnlyList<DisputeMention> Mentions);

/// <summary>Two claims that share words or numbers but are not a dispute, with why.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Kind">
/// <c>different-event</c>, <c>different-role</c>, <c>same-value-other-unit</c>, <c>compatible-bounds</c> or
/// <c>compatible</c>.
/// </param>
/// <param name="A">One claim, or several that say the same thing (any of them paired with any of <paramref name="B"/>).</param>
/// <param name="B">The other claim, or several.</param>
/// <param name="Why">Why they are not a dispute.</param>
public sealed record GoldFalsePair(string Id, string Kind, IReadOnlyList<DisputeMention> A, IReadOnlyList<DisputeMention> B, string Why);

/// <summary>One sub-event of an ECB+ topic (the <c>ecb</c> or the <c>ecbplus</c> documents) and its gold.</summary>
/// <param name="Id">Stable id (<c>20-ecb</c>).</param>
/// <param name="Set"><c>ecb</c> or <c>ecbplus</c>.</param>
/// <param name="Event">The event in words.</param>
/// <param name="Docs">Its documents (ECB+ names without <c>.xml</c>).</param>
/// <param name="Disputes">Real disputes.</param>
/// <param name="Updates">Figures or statuses that a later report revises.</param>
/// <param name="Agreements">Facts all sources agree on.</param>
/// <param name="FalsePairs">Tempting pairs that are not disputes.</param>
public sealed record GoldSubEvent(
    string Id,
    string Set,
    string Event,
    IReadOnlyList<string> Docs,
    IReadOnlyList<GoldDispute> Disputes,
    IReadOnlyList<GoldDispute> Updates,
    IReadOnlyList<GoldAgreement> Agreements,
    IReadOnlyList<GoldFalsePair> FalsePairs);

/// <summary>The gold of one ECB+ topic (format in tests/gold/disputes/README.md).</summary>
/// <param name="Topic">ECB+ topic number.</param>
/// <param name="Read">The annotator's note of what was read.</param>
/// <param name="SubEvents">Its annotated sub-events.</param>
/// <param name="Path">The file it was read from.</param>
public sealed record DisputeGoldTopic(int Topic, string Read, IReadOnlyList<GoldSubEvent> SubEvents, string Path)
{
    /// <summary>Every gold dispute of the topic.</summary>
    public IEnumerable<GoldDispute> Disputes => SubEvents.SelectMany(s => s.Disputes);

    /// <summary>Every gold update of the topic.</summary>
    public IEnumerable<GoldDispute> Updates => SubEvents.SelectMany(s => s.Updates);
}

/// <summary>Reads the disputes gold: one JSON file per ECB+ topic.</summary>
public static class DisputeGold
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The gold files of a folder (<c>*.json</c>), or the one file given.</summary>
    public static IReadOnlyList<string> Files(string folderOrFile) =>
        Directory.Exists(folderOrFile) ? [.. Directory.GetFiles(folderOrFile, "*.json").Order(StringComparer.Ordinal)]
        : File.Exists(folderOrFile) ? [folderOrFile] : [];

    /// <summary>Reads and checks one topic file.</summary>
    /// <exception cref="InvalidDataException">The file is not valid JSON or misses a required field.</exception>
    public static DisputeGoldTopic Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        TopicDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<TopicDto>(File.ReadAllText(path), Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"not valid JSON: {ex.Message}", ex);
        }

        if (dto is null || dto.Topic <= 0)
        {
            throw new InvalidDataException("'topic' (a positive ECB+ topic number) is missing");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var subEvents = dto.SubEvents.Select(s => ToSubEvent(s, ids)).ToList();
        if (subEvents.Count == 0)
        {
            throw new InvalidDataException("'subEvents' is empty");
        }

        return new DisputeGoldTopic(dto.Topic, dto.Read ?? string.Empty, subEvents, path);
    }

    private static GoldSubEvent ToSubEvent(SubEventDto s, HashSet<string> ids)
    {
        var id = Required(s.Id, "subEvents[].id");
        Unique(ids, id);
        if (s.Docs.Count == 0)
        {
            throw new InvalidDataException($"sub-event '{id}' lists no 'docs'");
        }

        return new GoldSubEvent(
            id,
            Required(s.Set, $"{id}: set"),
            Required(s.Event, $"{id}: event"),
            s.Docs,
            [.. s.Disputes.Select(d => ToDispute(d, ids))],
            [.. s.Updates.Select(d => ToDispute(d, ids))],
            [.. s.Agreements.Select(a => ToAgreement(a, ids))],
            [.. s.FalsePairs.Select(p => ToFalsePair(p, ids))]);
    }

    private static GoldDispute ToDispute(DisputeDto d, HashSet<string> ids)
    {
        var id = Required(d.Id, "disputes[].id / updates[].id");
        Unique(ids, id);
        if (d.Sides.Count < 2)
        {
            throw new InvalidDataException($"'{id}' needs at least two sides");
        }

        var sides = d.Sides.Select(side => new DisputeSide(
            Required(side.Value, $"{id}: sides[].value"),
            side.Mentions.Count == 0 ? throw new InvalidDataException($"'{id}': side '{side.Value}' has no mentions") : [.. side.Mentions.Select(m => ToMention(m, id))])).ToList();
        return new GoldDispute(id, d.Kind ?? "figure", d.Event, d.Quantity, d.Unit, d.Note, sides);
    }

    private static GoldAgreement ToAgreement(AgreementDto a, HashSet<string> ids)
    {
        var id = Required(a.Id, "agreements[].id");
        Unique(ids, id);
        return new GoldAgreement(id, Required(a.Fact, $"{id}: fact"), [.. a.Mentions.Select(m => ToMention(m, id))]);
    }

    private static GoldFalsePair ToFalsePair(FalsePairDto p, HashSet<string> ids)
    {
        var id = Required(p.Id, "falsePairs[].id");
        Unique(ids, id);
        return new GoldFalsePair(
            id,
            Required(p.Kind, $"{id}: kind"),
            Mentions(p.A, id, "a"),
            Mentions(p.B, id, "b"),
            Required(p.Why, $"{id}: why"));
    }

    private static List<DisputeMention> Mentions(List<MentionDto>? mentions, string owner, string field) =>
        mentions is null || mentions.Count == 0 ? throw new InvalidDataException($"'{owner}' has no '{field}'") : [.. mentions.Select(m => ToMention(m, owner))];

    private static DisputeMention ToMention(MentionDto m, string owner) =>
        new(Required(m.Doc, $"{owner}: doc"), Required(m.Snippet, $"{owner}: snippet"));

    private static string Required(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"'{what}' is missing") : value;

    private static void Unique(HashSet<string> ids, string id)
    {
        if (!ids.Add(id))
        {
            throw new InvalidDataException($"id '{id}' is used twice");
        }
    }

    private sealed class TopicDto
    {
        public int Topic { get; set; }

        public string? Read { get; set; }

        public List<SubEventDto> SubEvents { get; set; } = [];
    }

    private sealed class SubEventDto
    {
        public string? Id { get; set; }

        public string? Set { get; set; }

        public string? Event { get; set; }

        public List<string> Docs { get; set; } = [];

        public List<DisputeDto> Disputes { get; set; } = [];

        public List<DisputeDto> Updates { get; set; } = [];

        public List<AgreementDto> Agreements { get; set; } = [];

        public List<FalsePairDto> FalsePairs { get; set; } = [];
    }

    private sealed class DisputeDto
    {
        public string? Id { get; set; }

        public string? Kind { get; set; }

        public string? Event { get; set; }

        public string? Quantity { get; set; }

        public string? Unit { get; set; }

        public string? Note { get; set; }

        public List<SideDto> Sides { get; set; } = [];
    }

    private sealed class SideDto
    {
        public string? Value { get; set; }

        public List<MentionDto> Mentions { get; set; } = [];
    }

    private sealed class AgreementDto
    {
        public string? Id { get; set; }

        public string? Fact { get; set; }

        public List<MentionDto> Mentions { get; set; } = [];
    }

    private sealed class FalsePairDto
    {
        public string? Id { get; set; }

        public string? Kind { get; set; }

        [JsonConverter(typeof(OneOrManyConverter))]
        public List<MentionDto>? A { get; set; }

        [JsonConverter(typeof(OneOrManyConverter))]
        public List<MentionDto>? B { get; set; }

        public string? Why { get; set; }
    }

    /// <summary>Reads a mention object or an array of them.</summary>
    private sealed class OneOrManyConverter : JsonConverter<List<MentionDto>>
    {
        public override List<MentionDto>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.StartArray
                ? JsonSerializer.Deserialize<List<MentionDto>>(ref reader, options)
                : JsonSerializer.Deserialize<MentionDto>(ref reader, options) is { } one ? [one] : null;

        public override void Write(Utf8JsonWriter writer, List<MentionDto> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, options);
    }

    private sealed class MentionDto
    {
        public string? Doc { get; set; }

        public string? Snippet { get; set; }
    }
}
