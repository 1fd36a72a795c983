namespace Sitrep.Documents;

/// <summary>What part of an input's layout a <see cref="DocumentRegion"/> stands for.</summary>
public enum RegionKind
{
    /// <summary>A page of a paginated input (PDF); <see cref="DocumentRegion.Number"/> is the 1-based page number.</summary>
    Page,

    /// <summary>A heading; <see cref="DocumentRegion.Number"/> is its level (1 for a title).</summary>
    Heading,

    /// <summary>A table, one row per line with cells separated by tabs or " | ".</summary>
    Table,

    /// <summary>A code block or preformatted text.</summary>
    Code,

    /// <summary>A block quotation.</summary>
    Quote,
}

/// <summary>
/// A range of a document's text that the input laid out as one unit: a PDF page, a heading, a table. Readers set them;
/// citations use them ("p. 4") and analysis may (a heading is not a claim).
/// </summary>
/// <param name="Kind">What the region is.</param>
/// <param name="Range">Its characters in the document's text.</param>
/// <param name="Number">The page number or heading level; 0 when the kind has none.</param>
public sealed record DocumentRegion(RegionKind Kind, TextRange Range, int Number = 0);

/// <summary>
/// One piece of a rebuilt text and the characters of the input it came from. When both ranges have the same length
/// the piece is a verbatim copy and offsets inside it map one to one; otherwise (an escape such as <c>\*</c>, an
/// entity such as <c>&amp;amp;</c>) the whole piece maps to the whole input range.
/// </summary>
/// <param name="Text">The range in the document's text.</param>
/// <param name="Original">The range in the input's decoded text (UTF-16 code units).</param>
public readonly record struct SourceSegment(TextRange Text, TextRange Original);
