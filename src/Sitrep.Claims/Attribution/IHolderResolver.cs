using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Claims.Attribution;

/// <summary>
/// Maps a holder span to an entity id, so that "Prigozhin claimed …" and "Wagner's chief said …" can be held by the
/// same entity. The claims stage asks once per named or unnamed holder; the default knows no entities.
/// </summary>
/// <remarks>Called from parallel document analyses: implementations must be thread-safe.</remarks>
public interface IHolderResolver
{
    /// <summary>The entity id of the holder written at <paramref name="holder"/>, or null when unknown.</summary>
    string? Resolve(AnalyzedDocument document, TextRange holder);
}

/// <summary>Resolves nothing: holders stay text spans until an entity layer is wired in.</summary>
public sealed class NullHolderResolver : IHolderResolver
{
    /// <summary>The shared instance.</summary>
    public static NullHolderResolver Instance { get; } = new();

    /// <inheritdoc />
    public string? Resolve(AnalyzedDocument document, TextRange holder) => null;
}
