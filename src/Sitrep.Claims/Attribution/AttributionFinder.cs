using System.Collections.Frozen;
using Sitrep.Claims.Text;

namespace Sitrep.Claims.Attribution;

/// <summary>A holder found in a sentence: its tokens and the cue that attributes the content to it.</summary>
/// <param name="First">First token of the holder.</param>
/// <param name="Last">Last token of the holder (inclusive).</param>
/// <param name="CueFirst">First token of the cue.</param>
/// <param name="CueLast">Last token of the cue.</param>
internal readonly record struct HolderMatch(int First, int Last, int CueFirst, int CueLast);

/// <summary>
/// Finds who a proposition is attributed to: a preposed holder ("Prigozhin claimed …", "Reports indicate …"), a
/// postposed one ("…, the minister said", "…,” said one official"), "according to X", and "it is reported that".
/// Classifies holders as named or unnamed.
/// </summary>
internal static class AttributionFinder
{
    private static readonly FrozenSet<string> TrailingNoise = Words.Set(
        "has", "have", "had", "also", "now", "later", "again", "previously", "repeatedly", "reportedly", "allegedly", "then", "just", "still",
        "even", "recently", "did", "does", "do", "would", "will", "may", "might", "could", "long", "himself", "herself", "themselves",
        "itself", "are", "is", "was", "were", "quickly", "breathlessly", "publicly", "privately", "openly", "officially", "first", "today",
        "yesterday", "tuesday", "monday", "wednesday", "thursday", "friday", "saturday", "sunday", ",");

    private static readonly FrozenSet<string> LeadingNoise = Words.Set(
        "and", "but", "so", "meanwhile", "however", "then", "also", "yet", "still", "moreover", "furthermore", "indeed", "now", "first",
        "second", "third", "finally", "besides", "instead", "thus", "hence", "today", "yesterday", "even", "given", "that", "later", "earlier", "afterwards", "again");

    private static readonly FrozenSet<string> Prepositions = Words.Set(
        "on", "in", "at", "after", "before", "during", "following", "as", "for", "with", "by", "from", "since", "when", "while", "under",
        "amid", "despite", "according", "speaking", "asked", "writing", "earlier", "late", "early", "last", "this", "if", "once", "to",
        "positing", "considering", "whatever", "within", "around", "by", "although", "though", "because", "unless", "until", "whereas", "where", "like");

    private static readonly FrozenSet<string> TimeWords = Words.Set(
        "hours", "minutes", "days", "weeks", "months", "years", "morning", "afternoon", "evening", "night", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "today", "yesterday", "time", "noon", "midnight", "dawn", "weekend");

    private static readonly FrozenSet<string> Determiners = Words.Set(
        "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "'s", "media", "news");

    private static readonly FrozenSet<string> VagueHeads = Words.Set(
        "source", "sources", "report", "reports", "official", "officials", "witness", "witnesses", "resident", "residents", "people",
        "observers", "observer", "analysts", "analyst", "experts", "expert", "media", "outlets", "channels", "accounts", "users", "bloggers",
        "agencies", "insiders", "diplomats", "someone", "somebody", "some", "many", "others", "rumours", "rumors", "they", "them", "estimates",
        "commentators", "critics", "activists", "journalists", "reporters", "locals", "eyewitnesses", "posts", "videos", "footage", "sources",
        "anyone", "everyone", "nobody", "spokesperson");

    private static readonly FrozenSet<string> Indefinite = Words.Set(
        "a", "an", "one", "some", "several", "many", "numerous", "two", "three", "four", "five", "multiple", "various", "unnamed",
        "anonymous", "other", "certain", "most", "few", "unidentified", "any", "local", "western", "military");

    /// <summary>The holder before the first reporting cue of tokens <paramref name="first"/>..<paramref name="last"/>.</summary>
    public static HolderMatch? Preposed(SentenceWords words, int first, int last, QuoteRegions quotes)
    {
        if (CyrillicAttribution.Applies(words, first, last))
        {
            return CyrillicAttribution.Preposed(words, first, last, quotes);
        }

        for (var c = first; c <= last; c++)
        {
            if (quotes.Inside(words.Tokens[c].Start))
            {
                continue;
            }

            // "It is reported / claimed / said that …": an unnamed holder.
            if (words[c] == "it" && words[c + 1] is "is" or "was" or "has" && c + 3 <= last)
            {
                var v = words[c + 1] == "has" ? c + 3 : c + 2;
                if (words[c + 1] == "has" && words[c + 2] != "been")
                {
                    continue;
                }

                if (words[v] is "reported" or "claimed" or "said" or "alleged" or "rumoured" or "rumored" or "believed" && words[v + 1] == "that")
                {
                    return new HolderMatch(c, v, v, v);
                }
            }

            // "makes the point that"
            if (words[c] is "makes" or "made" or "make" && words[c + 1] == "the" && words[c + 2] == "point" && NounPhrase(words, first, c - 1) is { } np0)
            {
                return new HolderMatch(np0.First, np0.Last, c, c + 2);
            }

            if (!ReportingCues.Reports(words, c, last))
            {
                continue;
            }

            if (NounPhrase(words, first, c - 1) is { } np)
            {
                var cueLast = words[c] == "flooded" && words[c + 1] == "with" ? c + 1 : c;
                return new HolderMatch(np.First, np.Last, c, cueLast);
            }
        }

        return null;
    }

    /// <summary>"According to X" anywhere in the tokens; X runs to the next comma or the end.</summary>
    public static HolderMatch? AccordingTo(SentenceWords words, int first, int last, QuoteRegions? quotes = null)
    {
        if (CyrillicAttribution.Applies(words, first, last))
        {
            return CyrillicAttribution.AccordingTo(words, first, last, quotes ?? QuoteRegions.None);
        }

        for (var i = first; i < last; i++)
        {
            if (words[i] != "according" || words[i + 1] != "to" || i + 2 > last)
            {
                continue;
            }

            var end = i + 2;
            while (end + 1 <= last && words[end + 1] is not "," and not "." and not ";" and not "—")
            {
                end++;
            }

            if (end >= i + 2 && end - i - 2 <= 12)
            {
                return new HolderMatch(i + 2, end, i, i + 1);
            }
        }

        return null;
    }

    /// <summary>
    /// A holder after the content: "…, the minister said.", "…,” said one official.", "…” Hayden said in a statement."
    /// Returns the match and the last token of the content.
    /// </summary>
    public static (HolderMatch Holder, int ContentLast)? Postposed(SentenceWords words, int first, int last)
    {
        if (CyrillicAttribution.Applies(words, first, last))
        {
            return CyrillicAttribution.Postposed(words, first, last);
        }

        // Find the last boundary (comma or closing quote) after which a short "NP cue" or "cue NP" tail ends the sentence.
        for (var b = last - 1; b > first + 2; b--)
        {
            var w = words[b];
            if (w is not "," and not "”" and not "\"" and not "—")
            {
                continue;
            }

            var content = b - 1;
            if (words[b] is "”" or "\"" && words[b - 1] == ",")
            {
                content = b - 2;
            }

            var tailStart = b + 1;
            if (tailStart > last)
            {
                continue;
            }

            // ", it has been reported."
            if (words[tailStart] == "it" && words[tailStart + 1] is "has" or "had" or "is" or "was")
            {
                var v = words[tailStart + 1] is "has" or "had" ? tailStart + 3 : tailStart + 2;
                if (words[v] is "reported" or "claimed" or "said" or "alleged" && (v == last || words[v + 1] is "." or "!"))
                {
                    return (new HolderMatch(tailStart, v, v, v), content);
                }
            }

            // cue NP: ", said one official."
            if (ReportingCues.Postposed.Contains(words[tailStart]) && words[tailStart] != "told")
            {
                var npEnd = tailStart + 1;
                while (npEnd + 1 <= last && words[npEnd + 1] is not "," and not "." and not "in" and not "on" and not "to" and not "at" and not "who")
                {
                    npEnd++;
                }

                // The holder is a noun phrase: ", announced at around 20:30 Moscow time, ended a day …" is a participle
                // and its adverbial, not a postposed cue and its speaker.
                if (npEnd <= last && npEnd - tailStart <= 8 && words.IsWord(tailStart + 1) && !Prepositions.Contains(words[tailStart + 1]) && !TimeWords.Contains(words[tailStart + 1])
                    && !HasVerb(words, tailStart + 1, npEnd) && RestIsAdjunct(words, npEnd + 1, last))
                {
                    return (new HolderMatch(tailStart + 1, npEnd, tailStart, tailStart), content);
                }
            }

            // NP cue: ", the report said."
            for (var c = tailStart + 1; c <= Math.Min(last, tailStart + 9); c++)
            {
                if (!ReportingCues.Postposed.Contains(words[c]))
                {
                    continue;
                }

                if (words[tailStart] is not "and" and not "but" && last - c <= 8 && NounPhrase(words, tailStart, c - 1) is { } np && (words[c] == "told" || RestIsAdjunct(words, c + 1, last)))
                {
                    return (new HolderMatch(np.First, np.Last, c, c), content);
                }

                break;
            }

            if (w == ",")
            {
                // Only the last comma can start the tail, unless the tail is a quote's end.
                continue;
            }
        }

        return null;
    }

    /// <summary>Named or unnamed, by the holder's determiner, head noun and capitalisation.</summary>
    public static HolderKind Classify(SentenceWords words, int first, int last)
    {
        if (CyrillicAttribution.Applies(words, first, last))
        {
            return CyrillicAttribution.Classify(words, first, last);
        }

        var head = words[last];
        var start = words[first];
        if (start is "i" or "we" or "my" or "our")
        {
            return HolderKind.Author;
        }

        if (first == last && start is "he" or "she" or "him" or "her")
        {
            return HolderKind.Named;
        }

        if (start is "it" && words[first + 1] is "is" or "was" or "has")
        {
            return HolderKind.Unnamed;
        }

        // The document speaking of itself ("this report said", "an earlier version of this article said" in a correction
        // note): the outlet, whose words these were.
        if (IsSelfReference(words, first, last))
        {
            return HolderKind.Author;
        }

        // "a CBS News report", "a DigiTimes report": an outlet's document is the outlet speaking.
        if (start is "a" or "an" && head is "report" or "story" or "article" or "statement" or "video" && HasInnerCapital(words, first + 1, last - 1))
        {
            return HolderKind.Named;
        }

        for (var i = first; i <= last; i++)
        {
            if (VagueHeads.Contains(words[i]) && (i == last || words[i + 1] is "with" or "in" or "familiar" or "close" or "inside" or "who" or "from" or "," or "including" or "of"))
            {
                return HolderKind.Unnamed;
            }

            if (words[i] is "with" or "in" or "familiar" or "close" or "inside" or "who" or "from" or "of" or "," or "(")
            {
                head = words[i - 1];
                break;
            }
        }

        if (Indefinite.Contains(start) || VagueHeads.Contains(head))
        {
            return HolderKind.Unnamed;
        }

        // A plural common noun head ("western diplomats", "US agencies") is a vague group.
        var headIndex = last;
        if (!words.IsCapitalized(headIndex) && head.Length > 3 && head[^1] == 's' && head[^2] != 's' && head is not "news")
        {
            return HolderKind.Unnamed;
        }

        return HolderKind.Named;
    }

    private static bool IsSelfReference(SentenceWords words, int first, int last)
    {
        for (var i = first; i < last; i++)
        {
            if (words[i] is "this" or "our" && words[i + 1] is "report" or "article" or "story" or "piece" or "page" or "post" or "blog" or "dispatch" or "assessment" or "brief" or "memo")
            {
                return i + 1 == last || (i + 2 <= last && words[i + 2] is "'s");
            }
        }

        return false;
    }

    private static bool HasInnerCapital(SentenceWords words, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (words.IsCapitalized(i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for first-person holders (the author speaking).</summary>
    public static bool IsFirstPerson(SentenceWords words, int first, int last) =>
        words[last] is "i" or "we" || (first == last && words[first] is "i" or "we") || CyrillicAttribution.IsFirstPerson(words, first, last);

    /// <summary>
    /// The noun phrase that ends just before a cue: leading adverbials and discourse words are dropped, trailing
    /// auxiliaries and adverbs too. Null when what is left is empty, too long, or holds a verb (then it is not a subject).
    /// </summary>
    internal static (int First, int Last)? NounPhrase(SentenceWords words, int first, int last)
    {
        while (last >= first && TrailingNoise.Contains(words[last]) || (last >= first && words[last].Length > 4 && words[last].EndsWith("ly", StringComparison.Ordinal) && !words.IsCapitalized(last)))
        {
            last--;
        }

        // A label or note before a colon ("Correction, 25 August 2023: An earlier version …") is not the subject.
        for (var k = last; k > first; k--)
        {
            if (words[k] == ":")
            {
                first = k + 1;
                break;
            }
        }

        while (first <= last && (LeadingNoise.Contains(words[first]) || words[first] == ","))
        {
            first++;
        }

        // A time phrase that opens the clause without a preposition or comma ("Friday night Prigozhin says …",
        // "Saturday morning the ministry said …") dates what follows; it is not part of the holder.
        first = AfterLeadingTime(words, first, last);
        if (first > last)
        {
            return null;
        }

        // Drop the leading adverbials that end in a comma ("On Wednesday, …", "As I write, …"), each of them: "Later on
        // Tuesday, at a meeting with military personnel, Putin said" has two before its subject.
        for (var adverbials = 0; adverbials < 4 && first <= last && Prepositions.Contains(words[first]) && CommaAfter(words, first, last) is { } next && next < last; adverbials++)
        {
            first = next + 1;
            if (first + 1 <= last && char.IsDigit(words[first][0]) && words[first + 1] == ",")
            {
                first += 2; // "On January 30, 2014, …": the year after the day belongs to the adverbial too
            }
        }

        if (first > last)
        {
            return null;
        }

        if (Prepositions.Contains(words[first]))
        {
            var comma = -1;
            for (var k = first; k <= last; k++)
            {
                if (words[k] == ",")
                {
                    comma = k;
                    break;
                }
            }

            if (comma >= 0)
            {
                first = comma + 1;

                // "On January 30, 2014, …": the year after the day belongs to the adverbial too.
                if (first + 1 <= last && char.IsDigit(words[first][0]) && words[first + 1] == ",")
                {
                    first += 2;
                }
            }
            else
            {
                // "Within hours the FSB announced …", "On Saturday the ministry said …": a short time adverbial.
                var k = first + 1;
                if (words[k] == "the")
                {
                    k++;
                }

                if (!TimeWords.Contains(words[k]) && !Words.Months.Contains(words[k]))
                {
                    return null;
                }

                first = k + 1;
            }
        }

        if (first > last || ComparesWithWhatWasSaid(words, first, last))
        {
            return null;
        }

        for (var k = first + 1; k < last; k++)
        {
            if (words[k] != "," || !(Prepositions.Contains(words[k + 1]) || TimeWords.Contains(words[k + 1])))
            {
                continue;
            }

            if (CommaAfter(words, k + 1, last) is { } close && close < last)
            {
                first = close + 1;
                k = close;
            }
            else
            {
                last = k - 1;
                break;
            }
        }

        if (first > last)
        {
            return null;
        }

        if (HasVerb(words, first, last))
        {
            // A clause precedes the holder: take the words after its last boundary ("… and he explained").
            for (var k = last; k > first; k--)
            {
                if (words[k] is "," or "and" or "but" or "that" or ";" or ":" or "—")
                {
                    var from = k + 1;
                    while (from <= last && (LeadingNoise.Contains(words[from]) || Words.Relatives.Contains(words[from]) || !words.IsWord(from)))
                    {
                        from++;
                    }

                    return from <= last && !HasVerb(words, from, last) && last - from < 12 && !Prepositions.Contains(words[from]) ? (from, last) : null;
                }
            }

            return null;
        }

        if (words[last] is "of" or "in" or "on" or "at" or "to" or "from" or "by" or "for" or "with" or "and" or "or" or "but" or "the" or "a" or "an" or "that" or "as" or "than")
        {
            return null;
        }

        for (var k = first; k <= last; k++)
        {
            if (Words.Relatives.Contains(words[k]))
            {
                return null; // "lawmakers who": the holder is inside a relative clause, not the subject
            }
        }

        return last - first + 1 > 14 || !words.IsWord(first) && words[first] is not "(" ? null : (first, last);
    }

    /// <summary>The first comma after token <paramref name="from"/> up to <paramref name="last"/>, or null.</summary>
    private static int? CommaAfter(SentenceWords words, int from, int last)
    {
        for (var k = from + 1; k <= last; k++)
        {
            if (words[k] == ",")
            {
                return k;
            }
        }

        return null;
    }

    /// <summary>
    /// The first token after a time phrase that opens tokens <paramref name="first"/>..<paramref name="last"/> without a
    /// preposition ("Friday night", "Saturday morning", "24 June"), or <paramref name="first"/> when none does or nothing
    /// would be left.
    /// </summary>
    private static int AfterLeadingTime(SentenceWords words, int first, int last)
    {
        var k = first;
        while (k <= last && (TimeWords.Contains(words[k]) || Words.Months.Contains(words[k]) || (char.IsDigit(words[k][0]) && words[k].Length <= 4) || (k > first && words[k] == ",")))
        {
            k++;
        }

        // A lone weekday or month before a name may be the start of a name; a time phrase needs a weekday, a month or a
        // part of the day and must leave words after it.
        return k > first && k <= last && words.IsWord(k) && (k - first >= 2 || IsDayWord(words[first])) ? k : first;
    }

    private static bool IsDayWord(string w) => w is "monday" or "tuesday" or "wednesday" or "thursday" or "friday" or "saturday" or "sunday" or "yesterday" or "today";

    /// <summary>
    /// "far fewer than the 25,000 Prigozhin", "more than the ministry": a comparison with what someone said, not a holder
    /// ("more than 100 residents", "more than a dozen witnesses" are holders).
    /// </summary>
    private static bool ComparesWithWhatWasSaid(SentenceWords words, int first, int last)
    {
        for (var k = first; k < last; k++)
        {
            if (words[k] == "than" && words[k + 1] is "the" or "what" or "those" or "that" or "his" or "her" or "their" or "its")
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasVerb(SentenceWords words, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            var w = words[k];
            if ((w == "close" && words[k + 1] == "to") || (k > first && Determiners.Contains(words[k - 1])))
            {
                continue; // "close to the talks"; "the report", "a claim": nouns after a determiner
            }

            if ((Words.Auxiliaries.Contains(w) && w is not "'d") || (Words.CommonVerbs.Contains(w) && !words.IsCapitalized(k))
                || (w.Length >= 5 && w.EndsWith("ed", StringComparison.Ordinal) && !words.IsCapitalized(k) && w is not "armed" and not "unnamed" and not "detained" and not "unidentified" and not "embedded" and not "detailed" and not "based"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool RestIsAdjunct(SentenceWords words, int from, int last)
    {
        // After a postposed cue only adjuncts may follow: "in a statement", "on Tuesday", "to reporters".
        if (from > last || words[from] is "." or "!" or "?")
        {
            return true;
        }

        return words[from] is "in" or "on" or "to" or "at" or "during" or "after" or "earlier" or "later" or "yesterday" or "today" or "tuesday"
            or "monday" or "wednesday" or "thursday" or "friday" or "saturday" or "sunday" or "last" or "this" or "," or "of" or "when" or "while"
            or "the";
    }
}
