using Sitrep.Documents;

namespace Sitrep.Corroboration.Grading;

/// <summary>
/// The Admiralty (NATO AJP-2.1) code: source reliability A–F and information credibility 1–6, shown together as
/// "B2". Reliability comes from the analyst (manifest) or the source's record; credibility from corroboration.
/// </summary>
public static class SourceGrading
{
    /// <summary>How much a source's word counts, by reliability; an ungraded source counts like F (cannot be judged).</summary>
    public static double Weight(Reliability? reliability) => reliability switch
    {
        Reliability.A => 1.0,
        Reliability.B => 0.85,
        Reliability.C => 0.7,
        Reliability.D => 0.45,
        Reliability.E => 0.25,
        _ => 0.5,
    };

    /// <summary>The meaning of a credibility grade.</summary>
    public static string CredibilityName(int credibility) => credibility switch
    {
        1 => "confirmed by other sources",
        2 => "probably true",
        3 => "possibly true",
        4 => "doubtful",
        5 => "improbable",
        _ => "truth cannot be judged",
    };

    /// <summary>The two-character Admiralty code, e.g. <c>B2</c>; <c>F</c> stands for an ungraded source.</summary>
    public static string Code(Reliability? reliability, int credibility) => (reliability?.ToString() ?? "F") + credibility.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
