using Sitrep.Claims.Modality;
using Sitrep.Claims.Quantities;
using Sitrep.Documents;

namespace Sitrep.Claims;

/// <summary>
/// A check-worthy proposition: a span of the document's text with who holds it, whether it is asserted or negated,
/// how likely its holder says it is, and what kind of statement it is.
/// </summary>
/// <param name="Id">Id unique within the document (<c>c1</c>, <c>c2</c>, …).</param>
/// <param name="Span">The characters of the proposition (the cue and holder included when they sit inside it).</param>
/// <param name="PostId">The post that holds the claim, or null.</param>
/// <param name="Attribution">Who asserts it.</param>
/// <param name="Polarity">Asserted or negated.</param>
/// <param name="Likelihood">The ICD 203 band of its estimative language, or null when unhedged.</param>
/// <param name="Hearsay">A hearsay marker ("reportedly"), recorded apart from the likelihood; null when none.</param>
/// <param name="Kind">What kind of statement it is.</param>
/// <param name="Quantities">Numbers with their units and hedges.</param>
/// <param name="Answer">For a rhetorical question the text gives an answer to, where that answer is.</param>
/// <param name="Sentence">Index of the sentence that asserts the claim (a restrictive statement negates claims in earlier sentences).</param>
public sealed record Claim(
    string Id,
    Span Span,
    string? PostId,
    ClaimAttribution Attribution,
    ClaimPolarity Polarity,
    Likelihood? Likelihood,
    Hearsay? Hearsay,
    ClaimKind Kind,
    IReadOnlyList<Quantity> Quantities,
    TextRange? Answer,
    int Sentence)
{
    /// <summary>
    /// TIMEX3 value of when the claimed event happened: the first DATE or TIME expression of the timex layer inside the
    /// claim, else inside its sentence, normalised against the post or document time; null when the text gives none.
    /// </summary>
    public string? EventTime { get; init; }

    /// <summary>Where the expression that gives <see cref="EventTime"/> is written, or null.</summary>
    public TextRange? EventTimex { get; init; }

    /// <summary>TIMEX3 value of when it was reported (post or live-update time, else publication time).</summary>
    public string? ReportTime { get; init; }

    /// <summary>For a derived claim, the id of the claim whose statement it comes from (restrictive negation).</summary>
    public string? DerivedFrom { get; init; }

    /// <summary>What the claim says happened, in comparable form: event class and figures with their roles.</summary>
    public Frames.ClaimFrame Frame { get; init; } = Frames.ClaimFrame.Empty;
}

/// <summary>Who holds a claim.</summary>
/// <param name="Kind">Author, named or unnamed.</param>
/// <param name="Text">The holder as written ("Prigozhin", "reports", "Russian Telegram channels"); the author's name or null for the author.</param>
/// <param name="Range">Where the holder is written, or null for the author.</param>
/// <param name="Cue">The reporting verb or marker ("claimed", "according to", a quotation mark), or null.</param>
/// <param name="Refers">For a pronoun holder, the named holder it was resolved to; null otherwise.</param>
/// <param name="EntityId">The entity the holder resolves to, once an <see cref="Attribution.IHolderResolver"/> knows it.</param>
public sealed record ClaimAttribution(HolderKind Kind, string? Text, TextRange? Range, string? Cue, string? Refers = null, string? EntityId = null)
{
    /// <summary>The author of the text (or post).</summary>
    public static ClaimAttribution Author(string? name) => new(HolderKind.Author, name, null, null);
}

/// <summary>Kinds of holder.</summary>
public enum HolderKind
{
    /// <summary>The writer of the document or post.</summary>
    Author,

    /// <summary>A named person or institution, or a pronoun standing for one.</summary>
    Named,

    /// <summary>A vague, anonymous or generic source: "reports indicate", "officials said".</summary>
    Unnamed,
}

/// <summary>Whether a claim's proposition is asserted or negated.</summary>
public enum ClaimPolarity
{
    /// <summary>Asserted.</summary>
    Positive,

    /// <summary>Negated.</summary>
    Negative,
}

/// <summary>What kind of statement a claim is.</summary>
public enum ClaimKind
{
    /// <summary>A report of what happened, happens or will happen.</summary>
    Event,

    /// <summary>An analytic judgment in estimative language.</summary>
    Judgment,

    /// <summary>A direct quotation.</summary>
    Quote,

    /// <summary>First-person stance, evaluation or obligation.</summary>
    Opinion,

    /// <summary>A possibility, a conditional or a rhetorical question.</summary>
    Speculation,

    /// <summary>An open question.</summary>
    Question,
}

/// <summary>Wire names of the claim enums, as brief.json writes them.</summary>
public static class ClaimNames
{
    /// <summary>The wire name of a kind.</summary>
    public static string Of(ClaimKind kind) => kind switch
    {
        ClaimKind.Judgment => "judgment",
        ClaimKind.Quote => "quote",
        ClaimKind.Opinion => "opinion",
        ClaimKind.Speculation => "speculation",
        ClaimKind.Question => "question",
        _ => "event",
    };

    /// <summary>The wire name of a holder kind.</summary>
    public static string Of(HolderKind kind) => kind switch
    {
        HolderKind.Named => "named",
        HolderKind.Unnamed => "unnamed",
        _ => "author",
    };

    /// <summary>The wire name of a polarity.</summary>
    public static string Of(ClaimPolarity polarity) => polarity == ClaimPolarity.Negative ? "negative" : "positive";
}

/// <summary>The document layer holding the claims, in text order of the sentences asserting them.</summary>
/// <param name="Items">Claims: only what asserts something checkable or an analytic judgment.</param>
public sealed record ClaimLayer(IReadOnlyList<Claim> Items)
{
    /// <summary>
    /// The sentences read and judged not to be claims (headings, table rows, navigation, bylines, datelines, addresses,
    /// meta talk, chatter), each with its reason, in text order. They stay in the document; nothing downstream treats
    /// them as claims.
    /// </summary>
    public IReadOnlyList<Worthiness.NonClaim> Excluded { get; init; } = [];

    /// <summary>
    /// The document's headline read as the outlet's claim (id <c>h1</c>), or null when the document has none: the line
    /// the reader marks as the title, or the first heading of the document's opening that reads as a headline. A
    /// headline is not one of <see cref="Items"/>: it never joins a proposition, a takeaway or a judgment. It may only
    /// take part in a dispute of figures, labelled as the headline's (a headline "The Bloodless Coup" against "at least
    /// 15 soldiers killed"), because it is the outlet's own summary of what its text says happened.
    /// </summary>
    public Claim? Headline { get; init; }
}
