using System.Globalization;
using Sitrep.Claims;
using Sitrep.Claims.Frames;
using Sitrep.Pipeline;

namespace Sitrep.Corroboration.Figures;

/// <summary>
/// Names a faller known only by age: "a 36-year-old Australian climber … falling about 150 metres" is Duncan Rait's fall
/// when the corpus gives one person, and only one, that age ("36-year-old Duncan Rait"). Two people of the same age leave
/// the faller unnamed, so nobody's figure is set against another's.
/// </summary>
internal sealed class FallerNames
{
    private const string AgedPrefix = "aged ";

    private readonly Dictionary<double, string> _byAge;

    private FallerNames(Dictionary<double, string> byAge) => _byAge = byAge;

    /// <summary>The ages the corpus gives its named people, kept where one age names one person.</summary>
    public static FallerNames Build(Corpus corpus)
    {
        var names = new Dictionary<double, HashSet<string>>();
        foreach (var doc in corpus.Documents)
        {
            foreach (var claim in doc.Layers.Find<ClaimLayer>()?.Items ?? [])
            {
                foreach (var m in claim.Frame.Measures)
                {
                    if (m.Role == MeasureRoles.Age && m.Counted is { } name && m.Min is { } age && m.Max == age)
                    {
                        if (!names.TryGetValue(age, out var set))
                        {
                            names[age] = set = new HashSet<string>(StringComparer.Ordinal);
                        }

                        set.Add(name);
                    }
                }
            }
        }

        var byAge = new Dictionary<double, string>();
        foreach (var (age, set) in names)
        {
            if (OnePerson(set) is { } name)
            {
                byAge[age] = name;
            }
        }

        return new FallerNames(byAge);
    }

    /// <summary>
    /// The one person a set of names of one age stands for, or null: one name, or spellings of one name ("Duncan Rait",
    /// "Duncan Raite": the same first name and surnames that differ by a letter added or changed), the shortest kept.
    /// </summary>
    private static string? OnePerson(HashSet<string> names)
    {
        var first = names.OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).First();
        return names.All(n => SameName(n, first)) ? first : null;
    }

    private static bool SameName(string a, string b)
    {
        var x = a.Split(' ');
        var y = b.Split(' ');
        if (x.Length != y.Length || !string.Equals(x[0], y[0], StringComparison.Ordinal))
        {
            return false;
        }

        var (s, t) = (x[^1], y[^1]);
        if (string.Equals(s, t, StringComparison.Ordinal))
        {
            return true;
        }

        // One letter added at the end or one letter changed, in a surname long enough that this is a spelling, not a name.
        return Math.Min(s.Length, t.Length) >= 4
            && ((Math.Abs(s.Length - t.Length) == 1 && (s.StartsWith(t, StringComparison.Ordinal) || t.StartsWith(s, StringComparison.Ordinal)))
                || (s.Length == t.Length && s.Zip(t).Count(p => p.First != p.Second) == 1));
    }

    /// <summary>The measure with its faller named, when it is a fall of a faller known by an age that names one person.</summary>
    public Measure Named(Measure measure) =>
        measure.Role == MeasureRoles.Fall && measure.Counted is { } counted && counted.StartsWith(AgedPrefix, StringComparison.Ordinal)
        && double.TryParse(counted.AsSpan(AgedPrefix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var age)
        && _byAge.TryGetValue(age, out var name)
            ? measure with { Counted = name }
            : measure;
}
