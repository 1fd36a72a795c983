using Sitrep.Documents;

namespace Sitrep.Claims.Quantities;

/// <summary>A number in a claim with what it counts and how it is hedged ("at least 15 soldiers").</summary>
/// <param name="Value">The number (for vague amounts, the ACLED reading: dozens = 12, hundreds = 100).</param>
/// <param name="Unit">What is counted, lower case as written ("soldiers", "%", "$"), or null.</param>
/// <param name="Hedge">The qualifier ("at least", "about", "more than"), <c>vague</c> for a vague amount, or null.</param>
/// <param name="Text">The quantity as written.</param>
/// <param name="Range">Where it is written.</param>
public sealed record Quantity(double Value, string? Unit, string? Hedge, string Text, TextRange Range)
{
    /// <summary>Lower bound implied by the hedge ("at least 15" → 15; "up to 500" → null).</summary>
    public double? Min => Hedge switch
    {
        "at least" or "more than" or "over" or "upwards of" or "no fewer than" or "no less than" or "just over" => Value,
        null => Value,
        _ => null,
    };

    /// <summary>Upper bound implied by the hedge ("up to 500" → 500; "at least 15" → null).</summary>
    public double? Max => Hedge switch
    {
        "up to" or "at most" or "fewer than" or "less than" or "under" or "no more than" or "as many as" or "just under" => Value,
        null => Value,
        _ => null,
    };
}
