using System.Collections.Frozen;
using Sitrep.Claims.Modality;
using Sitrep.Claims.Text;

namespace Sitrep.Claims.Polarity;

/// <summary>
/// Negation in Russian and Ukrainian: "не", "нет" / "немає", "ни" / "ні", the negative pronouns ("никто", "ничего",
/// "никогда" / "ніхто", "нічого", "ніколи") and lexical denials ("опроверг", "отрицает", "отказался" / "заперечив",
/// "спростував", "відмовився"). Both languages have negative concord: "никто ничего не знает" is one negation, so
/// the negative words of one clause count once; two "не" in a clause ("не мог не знать") cancel, and a claim whose
/// clauses are negated is negative once, not by their parity. Not counted: "не"
/// of a quantity's hedge ("не более 8 тысяч"), of an estimative phrase ("не исключено"), "не только", and the
/// rejected alternative of "X, а не Y".
/// </summary>
internal static class CyrillicNegation
{
    private static readonly FrozenSet<string> Particles = Words.Set("не", "нет", "немає", "нема", "нельзя", "неможна");

    private static readonly FrozenSet<string> Concord = Words.Set(
        "ни", "никто", "ничто", "ничего", "никогда", "нигде", "никуда", "никакой", "никакого", "никакие", "никаких", "ни один", "ни одного",
        "ні", "ніхто", "ніщо", "нічого", "ніколи", "ніде", "нікуди", "ніякий", "ніякого", "ніяких", "жоден", "жодного", "жодних");

    private static readonly FrozenSet<string> Lexical = Words.Set(
        "опроверг", "опровергла", "опровергли", "опровергает", "опровергают", "отрицает", "отрицают", "отрицал", "отрицала", "отверг",
        "отвергла", "отвергли", "отказался", "отказалась", "отказались", "отказывается", "отказываются", "спростував", "спростувала",
        "спростували", "заперечив", "заперечила", "заперечили", "заперечує", "заперечують", "відмовився", "відмовилася", "відмовилися",
        "відмовляється");

    private static readonly FrozenSet<string> HedgeAfterNe = Words.Set(
        "более", "больше", "менее", "меньше", "только", "лишь", "более,", "більше", "менше", "тільки", "лише");

    private static readonly FrozenSet<string> ClauseBreaks = Words.Set(",", ";", ":", "—", "–", "(", ")", "что", "що", "который", "которая", "которые", "який", "яка", "які");

    /// <summary>The cues that count in tokens <paramref name="first"/>..<paramref name="last"/>, one per negated clause.</summary>
    public static List<NegationCue> Cues(SentenceWords words, int first, int last, in ModalityResult modality)
    {
        var cues = new List<NegationCue>();
        var clauseCues = new List<NegationCue>();
        var concord = false;
        for (var i = first; i <= last + 1; i++)
        {
            var w = i <= last ? words[i] : ".";
            if (i > last || ClauseBreaks.Contains(w))
            {
                // A clause's particles: an odd number negate it, an even number cancel; a negative pronoun alone negates;
                // a denial verb negates what follows it, and "не отрицает" is a double negation.
                var particles = clauseCues.Count(c => !c.Lexical && Particles.Contains(words[c.Index]));
                var negated = particles % 2 == 1 || (particles == 0 && concord);
                var lexical = clauseCues.Count(c => c.Lexical) % 2 == 1;
                if ((negated ^ lexical) && cues.Count == 0)
                {
                    // Two negated clauses of one claim ("не слышали, ничего не видели") still make one negative claim.
                    cues.Add(clauseCues[0]);
                }

                clauseCues.Clear();
                concord = false;
                continue;
            }

            if (modality.IsConsumed(i))
            {
                continue;
            }

            if (Lexical.Contains(w))
            {
                clauseCues.Add(new NegationCue(i, 1, true));
            }
            else if (Particles.Contains(w) && !IsExempt(words, i, first))
            {
                clauseCues.Add(new NegationCue(i, 1, false));
            }
            else if (Concord.Contains(w))
            {
                concord = true;
                clauseCues.Add(new NegationCue(i, 1, false));
            }
        }

        return cues;
    }

    private static bool IsExempt(SentenceWords words, int i, int first)
    {
        var next = words[i + 1];
        if (words[i] == "не" && HedgeAfterNe.Contains(next))
        {
            return true; // "не более 8 тысяч": a bound; "не только": an addition
        }

        // "X, а не Y" / "X, а не Y": the rejected alternative.
        return i > first && words[i - 1] is "а" && words[i] == "не";
    }
}
