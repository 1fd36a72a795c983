using Sitrep.Syntax;

namespace Sitrep.Claims.Frames;

/// <summary>Whether the parse negates a verb a figure hangs from (<see cref="OccasionReader"/>, <see cref="ClockTimeReader"/>).</summary>
internal static class VerbNegation
{
    /// <summary>
    /// True when the verb, or a verb or adjective it is the complement of ("it is not true that …", "denied that …"), is
    /// negated; a conjunct's negation ("… but had no children") is its own.
    /// </summary>
    public static bool Negated(ParsedSentence parse, int verb)
    {
        for (var v = verb; v >= 0; v = parse[v].Head)
        {
            if (parse.DependentsOf(v).Any(d => parse[d].Lemma.ToLowerInvariant() is "not" or "never" or "n't") || parse[v].Lemma.ToLowerInvariant() is "deny" or "false" or "untrue")
            {
                return true;
            }

            if (parse[v].Relation is not ("ccomp" or "xcomp" or "csubj" or "csubj:pass"))
            {
                return false;
            }
        }

        return false;
    }
}
