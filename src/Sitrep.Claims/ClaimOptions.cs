using Sitrep.Claims.Attribution;

namespace Sitrep.Claims;

/// <summary>Options of the claims stage.</summary>
public sealed record ClaimOptions
{
    /// <summary>The default options.</summary>
    public static ClaimOptions Default { get; } = new();

    /// <summary>Maps holder spans to entity ids; by default none are known.</summary>
    public IHolderResolver HolderResolver { get; init; } = NullHolderResolver.Instance;

    /// <summary>Sentences longer than this many tokens are not analysed (a hard limit against pathological input).</summary>
    public int MaxSentenceTokens { get; init; } = 400;
}
