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

    /// <summary>
    /// Classes of predicate lemmas, as the parser's lemmatiser writes them (lower case). Words that name an event only
    /// with a given object or subject ("drop" charges, "open" a case, a quake that "strikes") are decided in
    /// <see cref="FrameBuilder"/>.
    /// </summary>
    private static readonly FrozenDictionary<string, string> LemmaClasses = Build(
        ("kill", "kill die perish murder slay execute assassinate behead massacre dead death toll"),
        ("injure", "injure wound hurt maim injury"),
        ("attack", "attack strike bomb shell shoot raid fire explode airstrike assault ambush bombard pound target hit blast explosion shelling bombing clash fight battle storm"),
        ("earthquake", "earthquake quake tremor aftershock"),
        ("seize", "seize capture occupy overrun takeover"),
        ("move", "advance march move head retreat withdraw return enter arrive drive travel go leave relocate deploy redeploy cross approach halt stop proceed convoy column"),
        ("negotiate", "negotiate agree broker mediate deal agreement negotiation talk truce ceasefire compromise"),
        ("charge", "charge prosecute indict investigate sue accuse prosecution indictment investigation"),
        ("arrest", "arrest detain apprehend jail imprison custody"),
        ("sentence", "sentence convict"),
        ("escape", "escape flee"),
        ("deny", "deny refute reject dismiss denial"),
        ("resign", "resign quit sack resignation"),
        ("die-accident", "crash"),
        ("state", "say state tell announce declare claim report add confirm insist assert write post publish warn comment explain note acknowledge admit stress argue statement repeat reiterate"));

    /// <summary>Classes that an event of one class may be reported as (an attack kills; an earthquake kills).</summary>
    private static readonly FrozenSet<(string, string)> Compatible = new[]
    {
        ("kill", "attack"), ("injure", "attack"), ("kill", "injure"), ("kill", "earthquake"), ("injure", "earthquake"),
        ("charge", "drop-charges"), ("charge", "arrest"), ("arrest", "sentence"), ("charge", "sentence"), ("kill", "die-accident"),
        ("seize", "move"), ("escape", "move"),
    }.SelectMany(p => new[] { p, (p.Item2, p.Item1) }).ToFrozenSet();

    /// <summary>
    /// True when events of the two classes can be the same event (unknown classes are compatible with all, and so is
    /// <c>state</c>, which a parse gives a statement whose content it could not find: what was stated may be either).
    /// </summary>
    public static bool AreCompatible(string? a, string? b) =>
        a is null || b is null || a == State || b == State || string.Equals(a, b, StringComparison.Ordinal) || Compatible.Contains((a, b));

    /// <summary>The class of a statement whose content the frame does not hold ("the ministry issued a statement").</summary>
    public const string State = "state";

    /// <summary>The class a lower-case word triggers, or null.</summary>
    public static string? Of(string word) => Triggers.GetValueOrDefault(word);

    /// <summary>The class of a predicate lemma ("kill", "seize", "say"), or null (case-insensitive).</summary>
    public static string? OfLemma(string lemma)
    {
        ArgumentNullException.ThrowIfNull(lemma);
        return LemmaClasses.GetValueOrDefault(lemma) ?? LemmaClasses.GetValueOrDefault(lemma.ToLowerInvariant());
    }

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
