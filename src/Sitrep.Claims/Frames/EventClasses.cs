using System.Collections.Frozen;
using Sitrep.Claims.Text;

namespace Sitrep.Claims.Frames;

/// <summary>
/// Event classes of claim predicates, from a lexicon of trigger words: two claims can describe the same event only when
/// their classes are compatible ("attack" and "kill" can; "earthquake" and "arrest" cannot).
/// </summary>
public static class EventClasses
{
    private static readonly FrozenDictionary<string, string> Triggers = Build(
        ("kill", "killed kill kills killing died die dies dead death deaths perished murdered slain"),
        ("injure", "injured injuring injures wounded wounding hurt"),
        ("attack", "attack attacked attacks attacking struck strike strikes bombed bombing shelled shelling shot shooting opened fire raid raided airstrike airstrikes explosion exploded blast"),
        ("earthquake", "earthquake quake tremor tremors aftershock aftershocks magnitude epicentre epicenter"),
        ("seize", "seized seize seizes captured capture occupied"),
        ("move", "advance advanced advancing marched march marching moved moving headed heading turned retreat retreated withdrew withdrawn column"),
        ("negotiate", "deal agreement agreed brokered negotiated negotiations talks truce ceasefire"),
        ("charge", "charged charges case prosecuted prosecution indicted investigation"),
        ("drop-charges", "dropped closed"),
        ("arrest", "arrested arrest detained detain custody"),
        ("sentence", "sentenced sentence convicted"),
        ("escape", "escaped escape fled flee fleeing"),
        ("deny", "denied denies deny rejected"),
        ("resign", "resigned resign resignation fired dismissed sacked"),
        ("die-accident", "crashed crash"));

    /// <summary>Classes that an event of one class may be reported as (an attack kills; an earthquake kills).</summary>
    private static readonly FrozenSet<(string, string)> Compatible = new[]
    {
        ("kill", "attack"), ("injure", "attack"), ("kill", "injure"), ("kill", "earthquake"), ("injure", "earthquake"),
        ("charge", "drop-charges"), ("charge", "arrest"), ("arrest", "sentence"), ("charge", "sentence"), ("kill", "die-accident"),
        ("seize", "move"), ("escape", "move"),
    }.SelectMany(p => new[] { p, (p.Item2, p.Item1) }).ToFrozenSet();

    /// <summary>True when events of the two classes can be the same event (unknown classes are compatible with all).</summary>
    public static bool AreCompatible(string? a, string? b) =>
        a is null || b is null || string.Equals(a, b, StringComparison.Ordinal) || Compatible.Contains((a, b));

    /// <summary>The class a lower-case word triggers, or null.</summary>
    public static string? Of(string word) => Triggers.GetValueOrDefault(word);

    internal static (string? Class, string? Trigger) Find(SentenceWords words, int first, int last)
    {
        // The first trigger that is not inside a subordinate "who/which/that" clause is the main one; a simple first
        // match is a fair proxy until the parse says which verb heads the clause.
        for (var i = first; i <= last; i++)
        {
            if (Triggers.TryGetValue(words[i], out var c))
            {
                return (c, words[i]);
            }
        }

        return (null, null);
    }

    private static FrozenDictionary<string, string> Build(params (string Class, string Words)[] entries)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (c, list) in entries)
        {
            foreach (var w in list.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                map.TryAdd(w, c);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
