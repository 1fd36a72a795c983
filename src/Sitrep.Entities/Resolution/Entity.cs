using System.Text.Json.Serialization;
using Sitrep.Documents;

namespace Sitrep.Entities.Resolution;

/// <summary>An entity resolved across documents: one real-world actor, place or thing and all its mentions.</summary>
/// <param name="Id">Stable id derived from the type and canonical name.</param>
/// <param name="Name">Canonical name: the longest full form written, or the one the analyst pinned.</param>
/// <param name="Type">Type by majority of its mentions, or as pinned.</param>
/// <param name="Aliases">Other distinct forms it is written as.</param>
/// <param name="Mentions">Mention spans in document and text order.</param>
public sealed record Entity(string Id, string Name, EntityType Type, IReadOnlyList<string> Aliases, IReadOnlyList<Span> Mentions)
{
    /// <summary>Ids of the documents it is mentioned in, in order of first mention.</summary>
    public IReadOnlyList<string> Documents => [.. Mentions.Select(m => m.DocumentId).Distinct(StringComparer.Ordinal)];

    /// <summary>Titles and roles written before its name ("Deputy Prosecuting Attorney"), most frequent first; kept apart from the name.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>
    /// Pronouns and definite descriptions that stand for it ("he", "the actress"), linked where the text leaves one
    /// reading (<see cref="ReferenceLinker"/>), in document and text order. They are not <see cref="Mentions"/>: never part
    /// of its name, aliases or mention count, and not kept in the stored picture.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<Span> References { get; init; } = [];
}

/// <summary>The corpus layer of resolved entities, most mentioned first.</summary>
/// <param name="Entities">The entities.</param>
/// <param name="Component">Versioned name of the resolver.</param>
public sealed record EntityLayer(IReadOnlyList<Entity> Entities, string Component);
