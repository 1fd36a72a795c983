using Sitrep.Documents;

namespace Sitrep.Entities.Resolution;

/// <summary>A mention of a named entity in one document.</summary>
/// <param name="Span">Where it is.</param>
/// <param name="Type">Its type as recognised.</param>
/// <param name="Text">The mention as written.</param>
/// <param name="SentenceIndex">Index of its sentence in the document.</param>
/// <param name="FirstToken">Index of its first token in the document's token list.</param>
/// <param name="TokenCount">Number of tokens.</param>
public sealed record EntityMention(Span Span, EntityType Type, string Text, int SentenceIndex, int FirstToken, int TokenCount)
{
    /// <summary>A title or role written right before the name and split from it ("Deputy Prosecuting Attorney"), or null.</summary>
    public string? Role { get; init; }
}

/// <summary>The document layer of entity mentions, in text order.</summary>
/// <param name="Mentions">The mentions.</param>
/// <param name="Component">Versioned name of the component that found them.</param>
public sealed record EntityMentionLayer(IReadOnlyList<EntityMention> Mentions, string Component);
