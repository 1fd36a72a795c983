using Sitrep.Claims.Text;
using Sitrep.Syntax;

namespace Sitrep.Claims.Frames;

/// <summary>
/// Reads from the parse the rank a named holder is given in a sequence: "Ortiz is the fourth head coach of the club",
/// "Ortiz will be the fifth club coach", "Ortiz became the third woman to chair the panel". The ordinal modifies a noun
/// that is the predicate of the holder's clause (with "be" as its copula, or as the complement of "become" or "remain")
/// and has "the" before it; the holder is that clause's subject and must be a name. What is counted is the holder's last
/// name word, the noun's lemma, the lemma of the noun's own clause when it has one ("to chair", "killed") and the window
/// in time the noun's words set ("this season", "in two days", "since 2003"), so two ranks meet only when the parse says
/// they place one holder in one sequence: "the third woman to chair" and "the fourth woman to sit" are two sequences, and
/// so are "the fifth this season" and "the second in two days". Words that name the kind ("head", "club" before the noun)
/// are not part of the key. An ordinal on a noun that is no predicate of a name ("the 81st Academy Awards", "his fourth
/// title"), on "time" (a count of occasions, <see cref="OccasionReader"/>), before a superlative ("the fourth-highest
/// total"), "first" and "last", a pronoun holder and a negated predicate give nothing.
/// </summary>
internal static class RankReader
{
    /// <summary>The unit ranks are read in.</summary>
    public const string RankUnit = "rank";

    /// <summary>Nouns that bound a sequence in time ("this season", "in two days", "in club history").</summary>
    private static readonly HashSet<string> TimeUnits = new(StringComparer.Ordinal)
    {
        "day", "week", "month", "year", "season", "decade", "century", "era", "history", "term", "tenure", "career", "reign", "spell",
    };

    /// <summary>Verbs whose complement places their subject ("became the third woman to …").</summary>
    private static readonly HashSet<string> Placing = new(StringComparer.Ordinal) { "become", "remain" };

    /// <summary>The ranks of tokens <paramref name="first"/>..<paramref name="last"/> of a parsed sentence.</summary>
    public static IEnumerable<Measure> Read(ParsedSentence parse, SentenceWords words, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (OccasionReader.Ordinal(words[i]) is not { } n || parse[i].Relation != "amod" || Superlative(parse, words, i, last))
            {
                continue;
            }

            var noun = parse[i].Head;
            if (noun <= i || noun > last || parse[noun].Upos != "NOUN" || parse[noun].Lemma.ToLowerInvariant() is "time" or "times"
                || !Definite(parse, noun) || !Predicate(parse, noun) || VerbNegation.Negated(parse, noun))
            {
                continue;
            }

            if (Holder(parse, words, noun) is not { } holder)
            {
                continue;
            }

            var clause = parse.DependentsOf(noun).FirstOrDefault(d => parse[d].Relation is "acl" or "acl:relcl" && parse[d].Upos == "VERB", -1);
            var window = Window(parse, noun);
            var counted = holder + " " + parse[noun].Lemma.ToLowerInvariant() + (clause >= 0 ? " " + parse[clause].Lemma.ToLowerInvariant() : string.Empty)
                + (window.Length > 0 ? " (" + window + ")" : string.Empty);
            yield return new Measure(MeasureRoles.Rank, counted, n, n, RankUnit, words.TextOf(i, noun), words.RangeOf(i, noun));
        }
    }

    /// <summary>
    /// The last word of the name that is the predicate's subject (the copula clause's, or the subject of "become"), lower
    /// case; null when the subject is no name.
    /// </summary>
    private static string? Holder(ParsedSentence parse, SentenceWords words, int noun)
    {
        var subject = Subject.Of(parse, noun);
        if (subject < 0 && parse[noun].Relation == "xcomp")
        {
            subject = Subject.Of(parse, parse[noun].Head);
        }

        if (subject < 0 || !OccasionReader.IsName(parse, words, subject))
        {
            return null;
        }

        var end = Subject.NameEnd(parse, subject);
        return words.IsCapitalized(end) && words[end].Length > 1 ? words[end] : null;
    }

    /// <summary>
    /// The window in time the noun's own words set its sequence in, as the sorted lemmas of its time nouns and a "since":
    /// "the fifth back to go on the list this season" (season) and "the second back in two days" (day) are two sequences,
    /// and "the fourth coach since 2003" (since) and "the fifth coach in four years" (year) are not known to be one. The
    /// subject's words and the copula are not the noun's.
    /// </summary>
    private static string Window(ParsedSentence parse, int noun)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var stack = new Stack<int>(parse.DependentsOf(noun).Where(d => parse[d].Relation is not ("nsubj" or "nsubj:pass" or "cop" or "punct" or "det" or "amod")));
        while (stack.Count > 0)
        {
            var d = stack.Pop();
            var lemma = parse[d].Lemma.ToLowerInvariant();
            if (TimeUnits.Contains(lemma) || (lemma == "since" && parse[d].Relation is "mark" or "case"))
            {
                found.Add(lemma);
            }

            foreach (var e in parse.DependentsOf(d))
            {
                stack.Push(e);
            }
        }

        return string.Join(' ', found);
    }

    /// <summary>True when the ordinal starts a superlative or a compound ("fourth-highest", "third largest", "second most").</summary>
    private static bool Superlative(ParsedSentence parse, SentenceWords words, int i, int last) =>
        i < last && (words[i + 1] is "-" or "–" or "most" or "least" || parse[i + 1].Xpos is "JJS" or "RBS");

    /// <summary>True when "the" is the noun's determiner: a rank in a sequence is definite ("a third term" places nothing).</summary>
    private static bool Definite(ParsedSentence parse, int noun) =>
        parse.DependentsOf(noun).Any(d => parse[d].Relation == "det" && parse[d].Lemma.ToLowerInvariant() == "the");

    /// <summary>True when the noun is its clause's predicate: it has a copula, or it completes "become" or "remain".</summary>
    private static bool Predicate(ParsedSentence parse, int noun) =>
        parse.DependentsOf(noun).Any(d => parse[d].Relation == "cop")
        || (parse[noun].Relation == "xcomp" && parse[noun].Head >= 0 && Placing.Contains(parse[parse[noun].Head].Lemma.ToLowerInvariant()));
}
