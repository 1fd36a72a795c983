using Sitrep.Documents;
using Sitrep.Time.Normalisation;
using Sitrep.Time.Tagging;

namespace Sitrep.Time;

/// <summary>
/// Tags and normalises the temporal expressions of a plain text against one reference time (or none). The document
/// stage uses the same machinery with post and document times; this entry point serves tests, the TimeML evaluation and
/// callers that only have a text.
/// </summary>
public static class TimexAnnotator
{
    /// <summary>Finds and normalises the expressions of <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="reference">The reference time (document creation time), or null when unknown.</param>
    public static IReadOnlyList<Timex> Annotate(string text, ReferenceTime? reference = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tagged = TimexTagger.Default.Tag(text);
        var context = new AnchorContext(reference);
        return TimexNormaliser.Normalise(text, tagged, _ => context);
    }

    /// <summary>Finds and normalises the expressions in <paramref name="range"/> of <paramref name="text"/>.</summary>
    public static IReadOnlyList<Timex> Annotate(string text, TextRange range, Func<int, AnchorContext> anchorAt)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(anchorAt);
        var tagged = TimexTagger.Default.Tag(text, range);
        return TimexNormaliser.Normalise(text, tagged, anchorAt);
    }
}
