using Sitrep.Syntax;

namespace Sitrep.Claims.Frames;

/// <summary>The subject a parse gives a verb, as the readers that key a figure on its holder find it.</summary>
internal static class Subject
{
    /// <summary>
    /// The verb's subject (<c>nsubj</c> or <c>nsubj:pass</c>), or, for a conjunct without one, its first conjunct's ("Ortiz
    /// married in 1990 and divorced twice"); -1 when there is none.
    /// </summary>
    public static int Of(ParsedSentence parse, int verb)
    {
        for (var v = verb; v >= 0; v = parse[v].Relation == "conj" ? parse[v].Head : -1)
        {
            var subject = parse.DependentsOf(v).FirstOrDefault(d => parse[d].Relation is "nsubj" or "nsubj:pass", -1);
            if (subject >= 0)
            {
                return subject;
            }
        }

        return -1;
    }

    /// <summary>The last word of the name <paramref name="subject"/> heads: itself or the last of its flat words ("Lena Ortiz").</summary>
    public static int NameEnd(ParsedSentence parse, int subject)
    {
        var end = subject;
        foreach (var d in parse.DependentsOf(subject))
        {
            if (parse[d].Relation == "flat" && d > end)
            {
                end = d;
            }
        }

        return end;
    }
}
