using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sitrep.Entities.Aliases;

/// <summary>What an analyst decided about one entity.</summary>
public enum AliasAction
{
    /// <summary>These names are one entity, called by the first.</summary>
    Merge,

    /// <summary>Mentions written this way are an entity of their own, never merged with others.</summary>
    Split,

    /// <summary>The entity holding this name is called by it and, when given, has this type.</summary>
    Pin,
}

/// <summary>One decision.</summary>
/// <param name="Action">What to do.</param>
/// <param name="Names">Names it applies to; for merge and pin the first is the canonical name.</param>
/// <param name="Type">For pin: the type to give, or null to keep the recognised one.</param>
public sealed record AliasDecision(AliasAction Action, IReadOnlyList<string> Names, EntityType? Type = null);

/// <summary>
/// The analyst's alias decisions, in order (a later decision about a name overrides an earlier one). Read from an
/// aliases file, stored as JSON in the document store so they survive re-analysis.
/// </summary>
/// <remarks>
/// File format, one decision a line, fields separated by <c>|</c>, <c>#</c> starts a comment:
/// <code>
/// merge | Yevgeny Prigozhin | Prigozhin | Evgeniy Prigozhin
/// split | Wagner
/// pin   | Russian Ministry of Defense | ORG
/// </code>
/// </remarks>
public sealed class AliasDecisions
{
    /// <summary>The store setting key the decisions are kept under.</summary>
    public const string SettingKey = "entities.aliases/1";

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>Creates a set of decisions.</summary>
    public AliasDecisions(IEnumerable<AliasDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        Items = [.. decisions];
    }

    /// <summary>No decisions.</summary>
    public static AliasDecisions None { get; } = new([]);

    /// <summary>The decisions, in order.</summary>
    public IReadOnlyList<AliasDecision> Items { get; }

    /// <summary>Parses an aliases file; errors name the line.</summary>
    /// <exception cref="FormatException">A line is not a valid decision.</exception>
    public static AliasDecisions Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decisions = new List<AliasDecision>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('|', StringSplitOptions.TrimEntries).Where(f => f.Length > 0).ToList();
            var action = fields[0].ToLowerInvariant() switch
            {
                "merge" => AliasAction.Merge,
                "split" => AliasAction.Split,
                "pin" => AliasAction.Pin,
                _ => throw new FormatException($"line {number}: '{fields[0]}' is not a decision; expected merge, split or pin."),
            };
            var names = fields.Skip(1).ToList();
            EntityType? type = null;
            if (action == AliasAction.Pin && names.Count == 2)
            {
                type = EntityTypes.Parse(names[1]) ?? throw new FormatException($"line {number}: '{names[1]}' is not a type; expected PERSON, ORG, LOC or MISC.");
                names.RemoveAt(1);
            }

            var needed = action == AliasAction.Merge ? 2 : 1;
            if (names.Count < needed || (action != AliasAction.Merge && names.Count != 1))
            {
                throw new FormatException($"line {number}: '{line}' needs {(action == AliasAction.Merge ? "at least two names" : "one name")}.");
            }

            decisions.Add(new AliasDecision(action, names, type));
        }

        return new AliasDecisions(decisions);
    }

    /// <summary>Reads the stored JSON form (null or empty gives no decisions).</summary>
    public static AliasDecisions FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? None : new AliasDecisions(JsonSerializer.Deserialize<List<AliasDecision>>(json, Json) ?? []);

    /// <summary>The JSON form kept in the store.</summary>
    public string ToJson() => JsonSerializer.Serialize(Items, Json);

    /// <summary>These decisions followed by <paramref name="later"/>, which win where they touch the same names.</summary>
    public AliasDecisions Then(AliasDecisions later)
    {
        ArgumentNullException.ThrowIfNull(later);
        var laterNames = new HashSet<string>(later.Items.SelectMany(d => d.Names), StringComparer.OrdinalIgnoreCase);
        var kept = Items.Where(d => !d.Names.Any(laterNames.Contains));
        return new AliasDecisions(kept.Concat(later.Items));
    }
}
