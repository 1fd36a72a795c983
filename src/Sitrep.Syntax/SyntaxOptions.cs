namespace Sitrep.Syntax;

/// <summary>Options of the <see cref="SyntaxStage"/>.</summary>
public sealed record SyntaxOptions
{
    /// <summary>The default options: every sentence parsed ahead, sentences over 150 tokens left unparsed.</summary>
    public static SyntaxOptions Default { get; } = new();

    /// <summary>
    /// The options of the default pipeline: sentences parsed when a later stage asks for them, so that only the
    /// sentences some stage reads (the claims' sentences) pay for the parser, and each distinct sentence once while it
    /// stays in the cache (<see cref="CachedSentences"/>).
    /// </summary>
    public static SyntaxOptions OnDemandDefault { get; } = new() { OnDemand = true, CachedSentences = 50_000 };

    /// <summary>The model; null for the shipped one (loaded on first use).</summary>
    public SyntaxModel? Model { get; init; }

    /// <summary>
    /// Whether sentences are parsed when first asked for (<see cref="SyntaxLayer.Of"/>, <see cref="SyntaxLayer.Prepare"/>)
    /// instead of all at once when the stage runs.
    /// </summary>
    public bool OnDemand { get; init; }

    /// <summary>
    /// Sentences longer than this many tokens are not parsed (a hard limit against tables, lists and run-on text that
    /// the splitter leaves as one sentence; the parse of such a "sentence" is noise and costs time).
    /// </summary>
    public int MaxSentenceWords { get; init; } = 150;

    /// <summary>
    /// How many parsed sentences the stage keeps (per generation of its <see cref="SentenceParseCache"/>), so that a
    /// sentence met again in another document is not parsed again; 0 keeps none. The default pipeline keeps 50,000.
    /// </summary>
    public int CachedSentences { get; init; }
}
