using Sitrep.Claims.Attribution;

namespace Sitrep.Claims;

/// <summary>Options of the claims stage.</summary>
public sealed record ClaimOptions
{
    /// <summary>The default options.</summary>
    public static ClaimOptions Default { get; } = new();

    /// <summary>Maps holder spans to entity ids; by default none are known.</summary>
    public IHolderResolver HolderResolver { get; init; } = NullHolderResolver.Instance;

    /// <summary>
    /// Whether a sentence the structure rules leave undecided, that shows no sign of a claim of its own (no number, no
    /// name, no reporting verb, no estimative language), is dropped as chatter when the check-worthiness model scores
    /// it below its threshold ("Agree with this.", "Use it or lose it.").
    /// </summary>
    public bool ExcludeChatter { get; init; } = true;

    /// <summary>The check-worthiness model; null for the shipped one.</summary>
    public Worthiness.CheckWorthinessModel? WorthinessModel { get; init; }

    /// <summary>
    /// Whether claim frames are read from the dependency parse (<c>syntax.parse</c>, which the stage then requires) with
    /// the word rules as fallback; false reads them from trigger words alone, as pipelines without a parser do.
    /// </summary>
    public bool UseSyntax { get; init; } = true;

    /// <summary>Sentences longer than this many tokens are not analysed (a hard limit against pathological input).</summary>
    public int MaxSentenceTokens { get; init; } = 400;
}
