using System.Text.RegularExpressions;
using Sitrep.Claims;
using Sitrep.Claims.Frames;
using Sitrep.Claims.Modality;

namespace Sitrep.Hypotheses.Matrix;

/// <summary>Reads a claim into the <see cref="EvidenceFrame"/> the meaning rater works on.</summary>
public static partial class EvidenceFrames
{
    /// <summary>The frame of a claim whose text is <paramref name="text"/>.</summary>
    public static EvidenceFrame Of(Claim claim, string text)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(text);
        var harmed = claim.Frame.Measures
            .Where(m => m.Role is MeasureRoles.Killed or MeasureRoles.Injured or MeasureRoles.Casualties && m.Min is > 0)
            .Select(m => m.Min)
            .DefaultIfEmpty(null)
            .Min();
        return new EvidenceFrame(
            Statement(text, claim.Likelihood?.Term),
            claim.Likelihood is { } l ? LikelihoodBands.Name(l.Band) : null,
            claim.Likelihood?.Style == EstimativeStyle.Possibility,
            claim.Polarity == ClaimPolarity.Negative,
            claim.Frame.EventClass,
            claim.Frame.Trigger,
            harmed);
    }

    /// <summary>
    /// The proposition without its estimative wording: the hedge term is taken out, then what is left of the frame
    /// around it ("We assess that", "It is … that", "There is a … chance that"), and a trailing confidence note.
    /// </summary>
    public static string Statement(string text, string? hedge)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = Sitrep.Text.WhiteSpace.OneLine(text).Replace("*", string.Empty, StringComparison.Ordinal).Trim().Trim('-', '•', ' ');
        var unframed = false;
        if (!string.IsNullOrWhiteSpace(hedge))
        {
            var at = t.IndexOf(hedge, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                t = t[..at] + t[(at + hedge.Length)..];
                unframed = true;
            }
        }

        t = Confidence().Replace(t, string.Empty);
        var bare = Frame().Replace(t, string.Empty);
        unframed |= bare.Length != t.Length;
        t = bare;

        // "that" opens what is left only where a frame was taken off ("likely that X"); a sentence of its own that opens
        // with "That" ("That isn't theatre") keeps its subject.
        if (unframed)
        {
            t = LeadingThat().Replace(t, string.Empty);
        }

        t = Spaces().Replace(t, " ").Replace(" ,", ",", StringComparison.Ordinal).Replace(" .", ".", StringComparison.Ordinal).Trim().Trim('*', ' ');
        return t.Length > 0 ? char.ToUpperInvariant(t[0]) + t[1..] : t;
    }

    [GeneratedRegex(@"^\W*((we|i|they|analysts?|officials?)\s+(assess|judge|believe|think|estimate|consider|expect)\s+(it\s+)?(that\s+)?|it\s+(is|was|seems|remains|appears)\s+that\s+|there\s+(is|was)\s+(a|an)\s+(chance\s+)?(that\s+)?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex Frame();

    [GeneratedRegex(@"\(\s*(low|moderate|high)\s+confidence\.?\s*\)\.?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex Confidence();

    [GeneratedRegex(@"^\s*that\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex LeadingThat();

    [GeneratedRegex(@"\s{2,}", RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex Spaces();
}
