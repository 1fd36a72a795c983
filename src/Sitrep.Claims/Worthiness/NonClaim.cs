using Sitrep.Documents;

namespace Sitrep.Claims.Worthiness;

/// <summary>
/// A sentence the claims stage read and judged not to be a claim: it stays in the document (its text, its timexes,
/// its entities) but asserts nothing to check, so it is not in <see cref="ClaimLayer.Items"/>.
/// </summary>
/// <param name="Range">The sentence's characters.</param>
/// <param name="Sentence">Index of the sentence in the document.</param>
/// <param name="PostId">The post that holds it, or null.</param>
/// <param name="Reason">Why it is not a claim.</param>
/// <param name="Score">The learned check-worthiness score when the model was asked (0..1), else null.</param>
public sealed record NonClaim(TextRange Range, int Sentence, string? PostId, NonClaimReason Reason, double? Score = null);

/// <summary>Why a sentence is not a claim.</summary>
public enum NonClaimReason
{
    /// <summary>Too short or verbless to state a proposition ("Related Posts", "Advertisement").</summary>
    Fragment,

    /// <summary>A heading or headline: a line of its own without closing punctuation, or a Markdown <c>#</c> line.</summary>
    Heading,

    /// <summary>A table row (cells between <c>|</c> or tabs) or a table rule.</summary>
    TableRow,

    /// <summary>A navigation, menu or widget line: breadcrumbs, "Sort by: Top", "↑ 412 · reply", "Share this article".</summary>
    Navigation,

    /// <summary>A byline or credit line: "By Tomas Verhoeven", "submitted 1 year ago by borscht", "Reporting by …".</summary>
    Byline,

    /// <summary>A dateline or time stamp on its own: "RIGA, 24 August 2023 — Updated 25 August 2023, 18:00", "1 year ago".</summary>
    Dateline,

    /// <summary>A line that is only a web address or a path of one.</summary>
    Url,

    /// <summary>A short exclamation with nothing to check ("Wow!", "Exactly!").</summary>
    Exclamation,

    /// <summary>A question that asks nothing about the matter ("What on earth just happened?", "Any thoughts?").</summary>
    Question,

    /// <summary>Talk about the thread, post or page itself: "I have stopped reading", "edit: typo", "this thread".</summary>
    Meta,

    /// <summary>Labelled metadata: "Handling: Public.", "Brief no.: HPSA-2023-0628-RU", "Tags: …".</summary>
    MetaField,

    /// <summary>An instruction to the reader ("Look at the balance sheet.", "Draw your own conclusions.").</summary>
    Address,

    /// <summary>Conversational chatter the learned check-worthiness score puts far below any claim ("Agree with this.").</summary>
    Chatter,

    /// <summary>
    /// A statement that there is no information: "The cause of the fire is still unclear.", "It was not specified how many
    /// people were inside." It tells what a source does not know, which nobody can confirm or dispute.
    /// </summary>
    NoInformation,
}

/// <summary>Wire names of <see cref="NonClaimReason"/>.</summary>
public static class NonClaimNames
{
    /// <summary>The wire name of a reason (<c>heading</c>, <c>table-row</c>, …).</summary>
    public static string Of(NonClaimReason reason) => reason switch
    {
        NonClaimReason.Fragment => "fragment",
        NonClaimReason.Heading => "heading",
        NonClaimReason.TableRow => "table-row",
        NonClaimReason.Navigation => "navigation",
        NonClaimReason.Byline => "byline",
        NonClaimReason.Dateline => "dateline",
        NonClaimReason.Url => "url",
        NonClaimReason.Exclamation => "exclamation",
        NonClaimReason.Question => "question",
        NonClaimReason.Meta => "meta",
        NonClaimReason.MetaField => "meta-field",
        NonClaimReason.Address => "address",
        NonClaimReason.NoInformation => "no-information",
        _ => "chatter",
    };
}
