namespace Sitrep.Hypotheses.Matrix;

/// <summary>The short codes of Heuer's ratings, as the ratings file and the brief write them.</summary>
public static class RatingCodes
{
    /// <summary>The short code of a rating: CC, C, N, I, II or NA.</summary>
    public static string Code(Rating rating) => rating switch
    {
        Rating.VeryConsistent => "CC",
        Rating.Consistent => "C",
        Rating.Neutral => "N",
        Rating.Inconsistent => "I",
        Rating.VeryInconsistent => "II",
        _ => "NA",
    };

    /// <summary>Parses a rating code (case-insensitive); null when unknown.</summary>
    public static Rating? Parse(string code) => code?.Trim().ToUpperInvariant() switch
    {
        "CC" => Rating.VeryConsistent,
        "C" => Rating.Consistent,
        "N" => Rating.Neutral,
        "I" => Rating.Inconsistent,
        "II" => Rating.VeryInconsistent,
        "NA" or "N/A" or "-" => Rating.NotApplicable,
        _ => null,
    };
}
