using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Claims.Text;
using Sitrep.Syntax;

namespace Sitrep.Claims.Frames;

/// <summary>
/// Reads from the parse the clock time of one act by one holder: "the quake struck at 9:40 a.m.", "Ortiz was arrested at
/// about 1:30 a.m.", "the gunman opened fire shortly after 10 a.m. local time". The time must hang from the verb as its
/// oblique or temporal modifier; what is counted is the verb's subject (a name's last word, or a common noun's lemma; a
/// pronoun gives nothing), the verb's event class or lemma, and the time zone when one other than local time is written,
/// so two times meet only when the parse says they are one holder doing one thing in one zone ("arrived" and "left" are
/// two acts; "9:40 a.m. local time" and "0140 GMT" are never compared). Bounds keep what the words say: "about 10 a.m."
/// is 9:45–10:15 (a quarter on the hour, ten minutes on a quarter, five on a multiple of five, three on any other minute);
/// a bare time keeps the rounding its digits show (±10 minutes on the hour, ±5 on a quarter, ±2 on a multiple of five),
/// "shortly after 2 a.m." is 2:00–2:30, "before 10 a.m." has no lower bound. A time without "a.m." or "p.m."
/// is read only in 24-hour form with a zone ("0740 GMT"): "at 9:40" alone could be morning or evening. A statement's time
/// ("said at 10 a.m."), a span ("between 9 and 10 a.m.", "from 9 a.m.", "until 10 a.m.") and a negated verb give nothing.
/// </summary>
internal static partial class ClockTimeReader
{
    /// <summary>The unit clock times are read in: minutes after midnight.</summary>
    public const string ClockUnit = "minutes after midnight";

    /// <summary>Event classes whose lemmas are too many different acts to be one ("arrive" and "leave" are both moves).</summary>
    private static readonly HashSet<string> BroadClasses = new(StringComparer.Ordinal) { "move", "negotiate", "deny", "resign", "escape" };

    /// <summary>Verbs of a page's own stamp ("Story Created: … at 9:56 AM", "last updated at 10 a.m."), which differ by copy.</summary>
    private static readonly HashSet<string> Stamps = new(StringComparer.Ordinal) { "create", "update", "modify", "edit", "file", "publish", "post", "upload" };

    private static readonly HashSet<string> NotBefore = new(StringComparer.Ordinal) { "between", "from", "until", "till", "til", "to", "and", "or", "by", "since", "-", "–", "through" };

    /// <summary>The clock times of tokens <paramref name="first"/>..<paramref name="last"/> of a parsed sentence.</summary>
    public static IEnumerable<Measure> Read(ParsedSentence parse, SentenceWords words, int first, int last)
    {
        var start = words.Tokens[first].Start;
        var text = words.Text[start..words.Tokens[last].End];
        foreach (Match m in Time().Matches(text))
        {
            if (Minutes(m) is not { } minutes || !m.Groups["h"].Success)
            {
                continue;
            }

            var from = TokenAt(words, first, last, start + m.Index);
            var to = TokenAt(words, first, last, start + m.Index + m.Length - 1);
            if (from < 0 || to < 0 || (from > first && NotBefore.Contains(words[from - 1])) || (to < last && NotBefore.Contains(words[to + 1]) && to + 2 <= last && char.IsDigit(words[to + 2].FirstOrDefault())))
            {
                continue;
            }

            if (Verb(parse, from, to) is not { } verb || VerbNegation.Negated(parse, verb) || Holder(parse, words, verb) is not { } holder)
            {
                continue;
            }

            var lemma = parse[verb].Lemma.ToLowerInvariant();
            var cls = EventClasses.OfLemma(lemma);
            if (cls == EventClasses.State || Stamps.Contains(lemma))
            {
                continue; // a statement's time is the statement's, and a source makes many; a page's stamp is the page's
            }

            // A quake "strikes" or "hits": the attack class of those verbs says nothing more of it than that it happened.
            var act = cls == "attack" && EventClasses.OfLemma(holder) == "earthquake" ? "strike" : cls is null || BroadClasses.Contains(cls) ? lemma : cls;
            var zone = m.Groups["zone"].Success ? m.Groups["zone"].Value.ToUpperInvariant() : string.Empty;
            var obj = parse.DependentsOf(verb).FirstOrDefault(d => parse[d].Relation == "obj", -1);
            var patient = obj >= 0 && parse[obj].Upos is "PROPN" or "NOUN" ? " " + parse[obj].Lemma.ToLowerInvariant() : string.Empty;
            var counted = holder + " " + act + patient + (zone.Length == 0 || zone.StartsWith("LOCAL", StringComparison.Ordinal) ? string.Empty : " (" + zone + ")");
            var hedge = m.Groups["hedge"].Value.ToLowerInvariant().Replace("at ", string.Empty, StringComparison.Ordinal).Trim();
            // A time is written to the precision its last digits show: "10 a.m." to the hour, "3:30" to the quarter (a call
            // logged at 3:33 is "3:30" to a source that rounds), "9:40" to five minutes; "about" widens each step.
            var minute = minutes % 60;
            var (rounded, spread) = minute == 0 ? (10, 15) : minute % 15 == 0 ? (5, 10) : minute % 5 == 0 ? (2, 5) : (0, 3);
            var (min, max, maxEx) = hedge switch
            {
                "about" or "around" or "approximately" or "roughly" or "some" or "circa" or "approx." => (minutes - spread, (double?)(minutes + spread), false),
                "shortly after" or "just after" or "soon after" => (minutes, minutes + 30, false),
                "shortly before" or "just before" => (minutes - 30, minutes, false),
                "after" => (minutes, null, false),
                "before" => (0, minutes, true),
                "nearly" or "almost" => (minutes - 15, minutes, true),
                _ when m.Groups["h24"].Success => (minutes, minutes, false),
                _ => (minutes - rounded, minutes + rounded, false),
            };
            yield return new Measure(MeasureRoles.Clock, counted, min, max, ClockUnit, Shown(m.Value), words.RangeOf(from, to)) { MaxExclusive = maxEx };
        }
    }

    /// <summary>The time as the brief shows it: without a leading "at" or the sentence's full stop after "am" ("at around 8am." → "around 8am").</summary>
    private static string Shown(string matched)
    {
        var text = matched.Trim();
        if (text.StartsWith("at ", StringComparison.OrdinalIgnoreCase))
        {
            text = text[3..].TrimStart();
        }

        return text.Length > 2 && text[^1] == '.' && char.ToLowerInvariant(text[^2]) == 'm' && text[^3] != '.' && !char.IsWhiteSpace(text[^3]) ? text[..^1] : text;
    }

    /// <summary>The time a match names, in minutes after midnight, or null when it is no time of day.</summary>
    private static int? Minutes(Match m)
    {
        var h = int.Parse(m.Groups["h"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var min = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        if (min > 59)
        {
            return null;
        }

        if (m.Groups["h24"].Success)
        {
            return h <= 23 ? (h * 60) + min : null;
        }

        if (h is < 1 or > 12)
        {
            return null;
        }

        var pm = char.ToLowerInvariant(m.Groups["ap"].Value[0]) == 'p';
        return ((h % 12) + (pm ? 12 : 0)) * 60 + min;
    }

    private static int TokenAt(SentenceWords words, int first, int last, int offset)
    {
        for (var i = first; i <= last; i++)
        {
            if (words.Tokens[i].End > offset)
            {
                return words.Tokens[i].Start <= offset ? i : -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// The verb the time hangs from: the first word outside the time's own words that the parse makes its head, when it is a
    /// verb and the time is its oblique, temporal or adverbial modifier.
    /// </summary>
    private static int? Verb(ParsedSentence parse, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            var head = parse[i].Head;
            if (head >= from && head <= to)
            {
                continue;
            }

            var relation = parse[i].Relation;
            return head >= 0 && parse[head].Upos == "VERB" && (relation.StartsWith("obl", StringComparison.Ordinal) || relation is "nmod:tmod" or "advmod" or "nmod:npmod")
                ? head
                : null;
        }

        return null;
    }

    /// <summary>
    /// The verb's subject, lower case: a name's last word, or a common noun's lemma ("quake" and "earthquake" are one);
    /// null for a pronoun, a relative word or no subject.
    /// </summary>
    private static string? Holder(ParsedSentence parse, SentenceWords words, int verb)
    {
        var subject = Subject.Of(parse, verb);
        if (subject < 0)
        {
            return null;
        }

        if (parse[subject].Upos == "PROPN" && words.IsCapitalized(subject))
        {
            var end = Subject.NameEnd(parse, subject);
            return words[end].Length > 1 ? words[end] : null;
        }

        return parse[subject].Upos == "NOUN" ? parse[subject].Lemma.ToLowerInvariant() is "quake" ? "earthquake" : parse[subject].Lemma.ToLowerInvariant() : null;
    }

    /// <summary>
    /// "at about 9:40 a.m.", "shortly after 10 p.m. local time", "1: 30 a. m." (as ECB+ tokens are rebuilt), or a 24-hour time
    /// with its zone ("0740 GMT", "07:40 UTC").
    /// </summary>
    [GeneratedRegex(@"(?<![\w:.])(?<hedge>(?:at\s+)?(?:about|around|approximately|approx\.|roughly|circa|shortly\s+after|just\s+after|soon\s+after|shortly\s+before|just\s+before|after|before|nearly|almost)\s+)?(?:(?<h>1[0-2]|0?[1-9])(?:\s*[:.]\s*(?<m>[0-5]\d))?\s*(?<ap>[aApP])\s*\.?\s*[mM](?:\s*\.|\b)|(?<h24>(?<h>[01]\d|2[0-3])\s*:?\s*(?<m>[0-5]\d))(?=\s*(?:GMT|UTC)\b))(?:\s*\(?\s*(?<zone>local\s+time|UTC|[A-Z]{1,3}[SDM]?T)\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex Time();
}
