using System.Text.RegularExpressions;

namespace Sitrep.Claims.Frames;

/// <summary>
/// Tells a number that states a difference or a change from one that states the quantity: "five rounds sooner than in
/// 2008", "ten more people than last year", "up from 12", "an extra three boats". Such a number says how far two
/// quantities are apart, so it is never a figure's value: set beside the quantity itself ("11 rounds") it would read as a
/// dispute that no source made.
/// </summary>
/// <remarks>
/// Read from the words around the number, not from the parse: a comparative after the number or its noun counts only
/// when "than" follows it within a few words ("five rounds sooner than"), since "five people later died" puts "later"
/// on the verb, not on the count.
/// </remarks>
internal static partial class Difference
{
    /// <summary>True when the text right after a number (its noun included, if any) makes it a difference.</summary>
    /// <param name="after">The text that follows the number.</param>
    public static bool After(string after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return ComparativeThan().IsMatch(after);
    }

    /// <summary>True when the text right before a number makes it a change or an addition ("up from", "an extra").</summary>
    /// <param name="before">The text that precedes the number.</param>
    public static bool Before(string before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return ChangeBefore().IsMatch(before);
    }

    [GeneratedRegex(@"^\s*(?!(?:and|or|but|while|with|plus)\b)(?:[\w-]+\s+)?(?:sooner|later|earlier|more|fewer|less|longer|shorter|higher|lower|greater|faster|slower)\s+(?:[\w'’-]+\s+){0,3}?than\b(?!\s+(?:\d|a\s+dozen|dozens|hundreds|thousands))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ComparativeThan();

    [GeneratedRegex(@"\b(?:up\s+from|down\s+from|an\s+extra|another)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChangeBefore();
}
