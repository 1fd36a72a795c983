using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sitrep.Claims.Evaluation;

/// <summary>One annotated sentence of the claims gold set (format in tests/gold/claims/README.md).</summary>
public sealed record ClaimGoldItem
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }

    /// <summary>The sentence under test.</summary>
    public required string Text { get; init; }

    /// <summary>Where the sentence comes from: <c>own</c> (written for the set) or <c>fnc1</c> (FNC-1 training bodies).</summary>
    public string? Src { get; init; }

    /// <summary>Context before (not scored).</summary>
    public string? Before { get; init; }

    /// <summary>Context after (not scored).</summary>
    public string? After { get; init; }

    /// <summary><c>article</c>, <c>thread</c> or <c>opinion</c>.</summary>
    public string? Ctx { get; init; }

    /// <summary>Number of check-worthy claims.</summary>
    public int N { get; init; }

    /// <summary><c>author</c>, <c>named:KEY</c>, <c>unnamed:KEY</c>, or null when there is no claim.</summary>
    public string? Holder { get; init; }

    /// <summary><c>+</c> or <c>-</c>.</summary>
    public string Polarity { get; init; } = "+";

    /// <summary>ICD 203 band name, or null.</summary>
    public string? Band { get; init; }

    /// <summary>Hearsay marker, or null.</summary>
    public string? Hearsay { get; init; }

    /// <summary>Kind.</summary>
    public string Kind { get; init; } = "event";

    /// <summary>Quantities: [value, unit, hedge].</summary>
    [JsonPropertyName("q")]
    public IReadOnlyList<JsonElement[]> Quantities { get; init; } = [];
}

/// <summary>Reads gold files.</summary>
public static class ClaimGold
{
    /// <summary>Reads one JSONL file; blank lines are skipped.</summary>
    /// <exception cref="InvalidDataException">A line is not a valid item.</exception>
    public static IReadOnlyList<ClaimGoldItem> Read(string path) =>
        JsonLines.Read(path, static line => JsonSerializer.Deserialize<ClaimGoldItem>(line, JsonLines.Options) ?? throw new InvalidDataException("empty item"));
}
