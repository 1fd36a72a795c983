using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Claims.Text;
using Sitrep.Documents;

namespace Sitrep.Claims.Frames;

/// <summary>
/// Reads the calibre of the gun a named person had: "Jermayne Timmons had a .32", "Timmons, now 16, was armed with a
/// .45-caliber handgun". The holder is the surname (the last capitalised word before the verb), so that "Timmons" and
/// "Jermayne Timmons" meet; a gun with no named holder ("his client had a .32-caliber revolver", "the bullet was a
/// .45") gives no figure, since a story often tells of several guns.
/// </summary>
internal static partial class WeaponReader
{
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "Police", "But", "And", "In", "On", "At", "Mr", "Mrs", "Ms", "Officer", "Deputy",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };

    /// <summary>The calibre figures of tokens <paramref name="first"/>..<paramref name="last"/>.</summary>
    public static IEnumerable<Measure> Read(SentenceWords words, int first, int last)
    {
        var start = words.Tokens[first].Start;
        var text = words.Text[start..words.Tokens[last].End];
        if (!text.Contains('.', StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (Match m in HeldGun().Matches(text))
        {
            var name = m.Groups["name"].Value;
            if (NotNames.Contains(name) || !int.TryParse(m.Groups["cal"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var calibre))
            {
                continue;
            }

            var n = m.Groups["cal"];
            var range = new TextRange(start + n.Index - 1, start + n.Index + n.Length);
            yield return new Measure(MeasureRoles.Calibre, name.ToLowerInvariant(), calibre, calibre, "calibre", "." + n.Value, range);
        }
    }

    /// <summary>
    /// "Timmons had a .32", "Timmons, now 16, was armed with a .45 - caliber handgun", "Smith carried a .38 revolver": a
    /// capitalised name, an optional aside between commas, a verb of having the gun, and a calibre written with its point.
    /// </summary>
    [GeneratedRegex(@"\b(?<name>[A-Z][a-z]{2,})(?:\s*,[^,.;]{1,30},)?\s+(?:had|has|carried|carries|was\s+carrying|was\s+armed\s+with|is\s+armed\s+with|owned|fired|used|wielded)\s+(?:a|an|his|her)\s+\.(?<cal>\d{2,3})\b", RegexOptions.CultureInvariant)]
    private static partial Regex HeldGun();
}
