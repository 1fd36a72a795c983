namespace Sitrep.Pipeline;

/// <summary>
/// Names of what stages require and assign. A capability is a promise that a layer of annotations is present; the
/// pipeline builder refuses an order in which a stage would run before what it needs.
/// </summary>
public static class Capabilities
{
    /// <summary>The document's text, source and kind: given by every reader.</summary>
    public const string Text = "doc.text";

    /// <summary>Posts, updates and boilerplate ranges: given by every reader (possibly empty).</summary>
    public const string Structure = "doc.structure";

    /// <summary>Tokens and sentences over the analysable text.</summary>
    public const string Sentences = "text.sentences";

    /// <summary>Part-of-speech tags, lemmas and dependency trees of the sentences.</summary>
    public const string Syntax = "syntax.parse";

    /// <summary>Entity mentions within a document.</summary>
    public const string EntityMentions = "entities.mentions";

    /// <summary>Entities resolved across documents.</summary>
    public const string Entities = "entities.resolved";

    /// <summary>Temporal expressions with normalised values.</summary>
    public const string Timexes = "time.timexes";

    /// <summary>The corpus timeline.</summary>
    public const string Timeline = "time.timeline";

    /// <summary>The timeline's entries linked to the claims they date.</summary>
    public const string TimelineClaims = "time.timeline.claims";

    /// <summary>Claims with attribution, polarity and modality.</summary>
    public const string Claims = "claims";

    /// <summary>Propositions, stances and contradictions across documents.</summary>
    public const string Propositions = "corroboration.propositions";

    /// <summary>The sources' figures per event and quantity, labelled consistent, update or dispute.</summary>
    public const string Figures = "corroboration.figures";

    /// <summary>Hypotheses and their matrix.</summary>
    public const string Hypotheses = "hypotheses";

    /// <summary>Near-duplicate and syndication groups.</summary>
    public const string Syndication = "ingest.syndication";

    /// <summary>Key takeaways of the brief.</summary>
    public const string Takeaways = "brief.takeaways";

    /// <summary>What every document has before any stage runs.</summary>
    public static IReadOnlyList<string> Given { get; } = [Text, Structure];
}
