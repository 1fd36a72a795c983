using System.Collections.Frozen;
using Sitrep.Claims.Text;

namespace Sitrep.Claims.Worthiness;

/// <summary>
/// Rules that tell page structure and talk about the page from claims, by the sentence's words and the line it sits
/// on: headings, table rows, navigation and widget lines, bylines, datelines, bare addresses, labelled metadata, short
/// exclamations, questions that ask nothing about the matter, and meta talk ("I have stopped reading", "edit: typo",
/// "this thread"). Each rule names its reason; none needs a model.
/// </summary>
internal static partial class StructureRules
{
    private static readonly FrozenSet<string> Furniture = Words.Set(
        "click", "subscribe", "share", "sign", "follow", "register", "login", "log", "download", "advertisement", "thanks", "thank", "tap",
        "scroll", "rate", "vote", "be", "related", "previous", "next", "tags", "filed", "loading", "menu", "skip", "comments", "reply",
        "permalink", "report", "save", "sort", "home", "upvote", "downvote");

    private static readonly FrozenSet<string> AlwaysFurniture = Words.Set("disclaimer", "copyright", "©", "advertisement", "sponsored");

    private static readonly FrozenSet<string> Separators = Words.Set("›", "»", "·", "|", "•", "→", "/", "—", "–", "▾", "▼", "↑", "↓", "⋅", "∙");

    /// <summary>Words of a date, a time or a time stamp; with place names in capitals they make a dateline.</summary>
    private static readonly FrozenSet<string> TimeWords = Words.Set(
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "today", "yesterday", "ago", "year",
        "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins",
        "updated", "update", "published", "posted", "edited", "last", "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "bst", "utc", "gmt",
        "msk", "cest", "cet", "edt", "est", "pdt", "pst", "eet", "eest", "local", "time", "st", "nd", "rd", "th", "at", "on", "of", "a", "an",
        "the", "and", "to", "from", "just", "now");

    /// <summary>First words of a credit line.</summary>
    private static readonly FrozenSet<string> BylineStarts = Words.Set("by", "written", "reporting", "writing", "editing", "posted", "submitted", "photo", "photograph", "photos", "image", "picture", "credit", "credits", "illustration", "video", "graphic", "graphics", "additional", "compiled", "translated", "produced", "edited");

    private static readonly PhraseTable<bool> MetaPhrases = new(
    [
        ("stopped reading", true), ("stop reading", true), ("quit reading", true), ("this thread", true), ("the thread", true), ("this sub", true),
        ("this subreddit", true), ("this post", true), ("this comment", true), ("my comment", true), ("my post", true), ("edit :", true),
        ("tl ; dr", true), ("tldr", true), ("upvote", true), ("upvotes", true), ("downvote", true), ("downvotes", true), ("downvoted", true),
        ("upvoted", true), ("thanks for reading", true), ("thanks for sharing", true), ("thanks for posting", true), ("live page", true),
        ("this page", true), ("entries appear", true), ("oldest first", true), ("newest first", true), ("unless marked otherwise", true),
        ("unless otherwise stated", true), ("unless stated otherwise", true), ("sort by", true), ("read more", true), ("continue reading", true),
        ("click here", true), ("op here", true), ("lol", true), ("lmao", true), ("rofl", true), ("cross-posted", true), ("crossposted", true),
        ("[ deleted ]", true), ("[ removed ]", true), ("this blog", true), ("this newsletter", true), ("sign up", true), ("follow us", true),
        ("refresh for updates", true), ("edited for style", true), ("republished under licence", true), ("republished under license", true), ("republished with permission", true),
        ("this story was first published", true), ("this article was first published", true), ("this article was originally published", true), ("been edited", true), ("been corrected", true), ("been updated", true),
        ("based exclusively on open sources", true), ("based on open sources", true), ("based on open-source", true), ("all times", true), ("stay with us", true), ("stay tuned", true), ("more to follow", true), ("we will update", true), ("we'll update", true), ("will be updated", true), ("this story is developing", true),
        ("this is a developing story", true), ("replying to", true), ("in reply to", true), ("this live", true), ("this feed", true),
    ]);

    /// <summary>Verbs that open an instruction to the reader.</summary>
    private static readonly FrozenSet<string> ReaderVerbs = Words.Set(
        "look", "watch", "consider", "remember", "start", "draw", "note", "imagine", "wait", "see", "read", "check", "recall", "think",
        "ask", "follow", "compare", "stay", "keep", "forget");

    /// <summary>Reactions to another post: they agree, thank or wince, and state nothing ("Agree with this.").</summary>
    private static readonly PhraseTable<bool> Reactions = new(
    [
        ("agree with this", true), ("agree with that", true), ("agree with you", true), ("i agree", true), ("totally agree", true),
        ("couldn't agree more", true), ("great point", true), ("good point", true), ("fair point", true), ("good piece", true),
        ("great piece", true), ("great post", true), ("good post", true), ("well said", true), ("so much this", true),
        ("came here to say", true), ("you couldn't write this", true), ("you couldn't make this up", true), ("you can't make this up", true),
        ("can't make this stuff up", true), ("this is a great point", true), ("underrated comment", true), ("take my upvote", true),
    ]);

    /// <summary>Words a question may hold without asking anything about the matter ("What on earth just happened?").</summary>
    private static readonly FrozenSet<string> EmptyQuestionWords = Words.Set(
        "so", "and", "but", "ok", "okay", "well", "then", "what", "why", "who", "how", "where", "when", "which", "on", "earth", "hell", "heck",
        "just", "really", "actually", "even", "happened", "happen", "happens", "happening", "going", "go", "goes", "is", "are", "was",
        "were", "be", "do", "does", "did", "can", "could", "would", "will", "should", "it", "this", "that", "these", "those", "there",
        "here", "now", "anyone", "anybody", "everyone", "somebody", "someone", "you", "guys", "y'all", "folks", "people", "else",
        "know", "think", "thoughts", "mean", "means", "meant", "say", "said", "thing", "things", "all", "the", "a", "an", "of", "to",
        "in", "about", "any", "idea", "ideas", "clue", "explain", "tell", "me", "us", "i", "we", "they", "he", "she", "'s", "'re",
        "is", "got", "get", "gets", "make", "sense", "of", "from", "with", "for", "yet", "still", "again", "exactly", "seriously", "right",
        "happend", "wtf", "gives", "deal", "up", "story", "news", "latest", "update", "updates");

    /// <summary>
    /// The reason the sentence is not a claim, or null when the rules leave it to the claim analysis.
    /// <paramref name="conversational"/> is true inside a forum reply or a feed message, where a line without a full
    /// stop is usually a statement, not a heading.
    /// </summary>
    public static NonClaimReason? Judge(SentenceWords words, bool conversational)
    {
        var line = LineOf(words);
        if (IsUrlOnly(words))
        {
            return NonClaimReason.Url;
        }

        if (IsTableRow(line, words.Text))
        {
            return NonClaimReason.TableRow;
        }

        var wholeLine = IsWholeLine(words, line);
        if (wholeLine && words.Text.AsSpan(line.Start, line.End - line.Start).TrimStart().StartsWith('#'))
        {
            return NonClaimReason.Heading;
        }

        if (IsByline(words))
        {
            return NonClaimReason.Byline;
        }

        if (wholeLine && IsNavigation(words))
        {
            return NonClaimReason.Navigation;
        }

        if (IsDateline(words))
        {
            return NonClaimReason.Dateline;
        }

        if (IsMetaField(words))
        {
            return NonClaimReason.MetaField;
        }

        if (CyrillicChatter.Judge(words) is { } cyrillic)
        {
            return cyrillic;
        }

        var wordCount = 0;
        var hasLower = false;
        var hasVerb = false;
        var first = -1;
        for (var i = 0; i < words.Count; i++)
        {
            if (!words.IsWord(i))
            {
                continue;
            }

            first = first < 0 ? i : first;
            wordCount++;
            hasLower |= !words.IsCapitalized(i);
            hasVerb |= Words.Auxiliaries.Contains(words[i]) || Words.IsVerbLike(words[i]);
        }

        if (first >= 0 && (AlwaysFurniture.Contains(words[first]) || (Furniture.Contains(words[first]) && !HasAuxiliaryAfter(words, first))))
        {
            return NonClaimReason.Navigation;
        }

        if (words[words.Count - 1] == ":" && wholeLine && !hasVerb)
        {
            return NonClaimReason.Heading; // "Negotiations and Deals:", "Some key takeaways:"
        }

        if (wordCount < 3 || words[words.Count - 1] == ":" || IsEnumeratorLabel(words, first))
        {
            return NonClaimReason.Fragment;
        }

        if (IsReaderInstruction(words, first, wordCount))
        {
            return NonClaimReason.Address;
        }

        if (!hasLower && !hasVerb)
        {
            return NonClaimReason.Heading;
        }

        if (wholeLine && !conversational && !EndsClosed(words) && StandsAlone(words, line) && wordCount <= 30)
        {
            return NonClaimReason.Heading;
        }

        if (IsMeta(words))
        {
            return NonClaimReason.Meta;
        }

        if (IsNoInformation(words))
        {
            return NonClaimReason.NoInformation;
        }

        if (wordCount <= 12 && StartsWithReaction(words, first))
        {
            return NonClaimReason.Chatter;
        }

        var last = LastNonQuote(words);
        if (words[last] == "!" && wordCount <= 5 && !HasDigit(words) && !HasQuoteMark(words))
        {
            return NonClaimReason.Exclamation;
        }

        if (words[last] == "?" && IsEmptyQuestion(words))
        {
            return NonClaimReason.Question;
        }

        return null;
    }

    /// <summary>
    /// True for a sentence whose one clause says only that something is not known: "It was not specified how many people
    /// were in the building.", "The human cost of the weekend is still unclear.", "It remains unknown whether …". A
    /// sentence that goes on to give something ("…, but police said at least 12 died"; "What is unclear: how many men
    /// moved north (estimates run from 5,000 to 25,000)") or names a figure is a claim.
    /// </summary>
    private static bool IsNoInformation(SentenceWords words)
    {
        var text = words.Text[words.Range.Start..words.Range.End];
        return !HasDigit(words) && !MoreThanOneClause().IsMatch(text) && (UnknownOpening().IsMatch(text) || UnknownPredicate().IsMatch(text));
    }

    // "It was not specified how many …", "It is still unclear whether …", "It remains unknown who …".
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:\W*(?:still|but|and|however|yet),?\s+)?it\s+(?:is|was|has\s+not\s+been|had\s+not\s+been|remains|remained)\s+(?:still\s+|also\s+|yet\s+)?(?:not\s+(?:yet\s+|immediately\s+)?(?:clear|known|specified|disclosed|confirmed|stated|revealed|said)|unclear|unknown|uncertain)\s+(?:that\s+)?(?:how|whether|if|what|who|why|when|where|which)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex UnknownOpening();

    // "The human cost of the weekend is still unclear.", "The cause of the fire remains unknown." (nothing after it).
    [System.Text.RegularExpressions.GeneratedRegex(@"^[^,;:]{3,80}?\s(?:is|was|are|were|remains|remained)\s+(?:still\s+|as\s+yet\s+|so\s+far\s+)?(?:unclear|unknown|not\s+(?:yet\s+)?(?:clear|known))(?:\s+(?:yet|so\s+far|for\s+now|at\s+this\s+(?:time|stage|point)))?\W*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex UnknownPredicate();

    // A second clause that may give what the first says is unknown.
    [System.Text.RegularExpressions.GeneratedRegex(@"[;:]|,\s+(?:but|although|though|while|and)\s|\(", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex MoreThanOneClause();

    private static bool HasAuxiliaryAfter(SentenceWords words, int first)
    {
        for (var i = first + 1; i < words.Count; i++)
        {
            if (Words.Auxiliaries.Contains(words[i]) && words[i] is not "be")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text of the line the sentence starts on, up to the end of the line it ends on.</summary>
    private static (int Start, int End) LineOf(SentenceWords words)
    {
        var text = words.Text;
        var start = words.Range.Start == 0 ? 0 : text.LastIndexOf('\n', words.Range.Start - 1) + 1;
        var end = words.Range.End >= text.Length ? -1 : text.IndexOf('\n', words.Range.End);
        return (start, end < 0 ? text.Length : end);
    }

    private static bool IsWholeLine(SentenceWords words, (int Start, int End) line)
    {
        var text = words.Text;
        for (var i = line.Start; i < words.Range.Start; i++)
        {
            if (!IsMarkup(text[i]))
            {
                return false;
            }
        }

        for (var i = words.Range.End; i < line.End; i++)
        {
            if (!IsMarkup(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsMarkup(char c) => char.IsWhiteSpace(c) || c is '#' or '*' or '_' or '>' or '-' or '•' or '·' or '=' or '|' or '~' or '`';

    /// <summary>The line after is blank or the end, and the line before is blank or the start.</summary>
    private static bool StandsAlone(SentenceWords words, (int Start, int End) line)
    {
        var text = words.Text;
        var next = line.End + 1;
        var nextEnd = next >= text.Length ? -1 : text.IndexOf('\n', next);
        var nextBlank = next >= text.Length || text.AsSpan(next, (nextEnd < 0 ? text.Length : nextEnd) - next).IsWhiteSpace();
        if (line.End >= text.Length)
        {
            return false; // the last line of a text: a closing sentence without a full stop, not a heading over anything
        }

        if (!nextBlank)
        {
            return false;
        }

        if (line.Start == 0)
        {
            return true;
        }

        // The line before is blank, or is itself a label without closing punctuation ("WORLD | EUROPE" over a headline).
        var previousEnd = line.Start - 1;
        var previousStart = previousEnd == 0 ? 0 : text.LastIndexOf('\n', previousEnd - 1) + 1;
        var previous = text.AsSpan(previousStart, previousEnd - previousStart).TrimEnd();
        return previous.IsEmpty || previous[^1] is not ('.' or '!' or '?' or '…' or ';' or ':' or ',' or '"' or '”' or ')');
    }

    private static bool IsTableRow((int Start, int End) line, string text)
    {
        var span = text.AsSpan(line.Start, line.End - line.Start).Trim();
        if (span.Length == 0)
        {
            return false;
        }

        if (span[0] == '|' && span.Count('|') >= 2)
        {
            return true;
        }

        return span.Count('\t') >= 2 || (span.Length >= 3 && !span.ContainsAnyExcept("|:-+= \t"));
    }

    private static bool IsUrlOnly(SentenceWords words)
    {
        var text = words.Text.AsSpan(words.Range.Start, words.Range.End - words.Range.Start);
        var any = false;
        foreach (var range in text.SplitAny(" \t\n\r"))
        {
            var piece = text[range].Trim("<>()[]*_\"'.,;");
            if (piece.IsEmpty || (piece.Length == 1 && Separators.Contains(piece.ToString())))
            {
                continue;
            }

            if (piece.Contains("://", StringComparison.Ordinal) || piece.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            {
                any = true;
                continue;
            }

            if (IsDomainOrPath(piece))
            {
                any |= piece.Contains('.');
                continue;
            }

            return false;
        }

        return any;
    }

    /// <summary>"lemmy.example.net", "example.com/world/2023", "c/geopolitics": no spaces, a dot before a letter suffix or a slash.</summary>
    private static bool IsDomainOrPath(ReadOnlySpan<char> piece)
    {
        var slash = piece.IndexOf('/');
        var host = slash < 0 ? piece : piece[..slash];
        var dot = host.LastIndexOf('.');
        if (dot > 0 && dot < host.Length - 2)
        {
            foreach (var c in host[(dot + 1)..])
            {
                if (!char.IsAsciiLetterLower(c))
                {
                    return false;
                }
            }

            return !host.ContainsAny(" @");
        }

        return slash > 0 && slash < piece.Length - 1 && !piece.Contains(' ');
    }

    /// <summary>Breadcrumbs, mastheads and widgets: two or more separators between short items, or a sort or vote control.</summary>
    private static bool IsNavigation(SentenceWords words)
    {
        var separators = 0;
        var wordsBetween = 0;
        var longest = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (w is "▾" or "▼" or "↑" or "↓")
            {
                return true;
            }

            if (Separators.Contains(w) && w is not "—" and not "–" and not "/")
            {
                separators++;
                longest = Math.Max(longest, wordsBetween);
                wordsBetween = 0;
            }
            else if (words.IsWord(i))
            {
                wordsBetween++;
            }
        }

        longest = Math.Max(longest, wordsBetween);
        if (separators == 1 && longest <= 6 && !EndsClosed(words))
        {
            // "public channel · 212 480 subscribers", "Southern Wind | Южный ветер": a label, not a sentence
            for (var i = 0; i < words.Count; i++)
            {
                if (words.IsWord(i) && Words.IsVerbLike(words[i]))
                {
                    return false;
                }
            }

            return true;
        }

        return separators >= 2 && longest <= 10;
    }

    private static bool IsByline(SentenceWords words)
    {
        var first = FirstWord(words);
        if (first < 0 || !BylineStarts.Contains(words[first]))
        {
            return false;
        }

        // "By Tomas Verhoeven and Daria Kessel", "Reporting by …; editing by …", "submitted 1 year ago by borscht_and_bytes",
        // "Photo: Reuters": a credit names people, it says nothing they did.
        var by = -1;
        var wordCount = 0;
        for (var i = first; i < words.Count; i++)
        {
            if (words.IsWord(i))
            {
                wordCount++;
            }

            if (by < 0 && (words[i] is "by" || (words[i] == ":" && i <= first + 2)))
            {
                by = i;
            }

            if (by >= 0 && i > by && words.IsWord(i) && Words.IsVerbLike(words[i]) && words[i] is not "edited" and not "updated" and not "posted")
            {
                return false;
            }
        }

        if (by < 0 || wordCount > 30)
        {
            return false;
        }

        for (var i = by + 1; i < words.Count; i++)
        {
            if (words.IsWord(i))
            {
                return words.IsCapitalized(i) || words.Original(i).Contains('_') || char.IsDigit(words.Text[words.Tokens[i].Start]) || words[first] is "submitted" or "posted";
            }
        }

        return false;
    }

    /// <summary>Only dates, times, time-stamp words and place names in capitals: "RIGA, 24 August 2023 — Updated 25 August 2023, 18:00".</summary>
    private static bool IsDateline(SentenceWords words)
    {
        var dated = 0;
        var other = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var token = words.Original(i);
            if (char.IsDigit(token[0]))
            {
                dated += IsDateOrTime(token) ? 1 : 0;
            }
            else if (!words.IsWord(i))
            {
                continue;
            }
            else if (TimeWords.Contains(words[i].TrimEnd('.')))
            {
                dated += Words.Months.Contains(words[i]) || words[i] is "ago" or "updated" or "published" or "posted" ? 1 : 0;
            }
            else if (IsAllCaps(token) && token.Length >= 3)
            {
                continue; // the place of a dateline: "RIGA", "ROSTOV-ON-DON"
            }
            else
            {
                other++;
            }
        }

        return dated >= 1 && other <= 1 && words[LastNonQuote(words)] is not "?";
    }

    /// <summary>"18:00", "24.06.2023", "2023-06-24", "2023": a clock time, a numeric date or a year.</summary>
    private static bool IsDateOrTime(string token)
    {
        var digits = 0;
        var marks = 0;
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is ':' or '.' or '/' or '-')
            {
                marks++;
            }
            else
            {
                return false;
            }
        }

        return marks > 0 ? digits >= 3 : digits == 4 && token[0] is '1' or '2';
    }

    /// <summary>A short label, a colon, and a value without a verb: "Brief no.: HPSA-2023-0628-RU", "Handling: Public.".</summary>
    private static bool IsMetaField(SentenceWords words)
    {
        var first = FirstWord(words);
        if (first < 0 || !words.IsCapitalized(first))
        {
            return false;
        }

        var colon = -1;
        for (var i = first; i < words.Count && i <= first + 4; i++)
        {
            if (words[i] == ":")
            {
                colon = i;
                break;
            }

            if (Words.IsVerbLike(words[i]) && words[i] is not "updated" and not "posted" and not "published" and not "filed")
            {
                return false;
            }
        }

        if (colon < 0)
        {
            return false;
        }

        var valueWords = 0;
        for (var i = colon + 1; i < words.Count; i++)
        {
            if (words.IsWord(i))
            {
                valueWords++;
                if (Words.IsVerbLike(words[i]) || Words.Auxiliaries.Contains(words[i]))
                {
                    return false;
                }
            }
        }

        return valueWords is >= 1 and <= 6;
    }

    private static bool IsMeta(SentenceWords words)
    {
        if (HasDigit(words))
        {
            return false; // "An earlier version of this report said 12 …": a correction states what is true
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (MetaPhrases.Match(words, i) is not null)
            {
                return true;
            }

            if (words[i] is "edit" or "update" or "eta" && words[i + 1] == ":" && i <= 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A reaction phrase in the first words ("Agree with this.", "Good piece, but you stopped one step short.").</summary>
    private static bool StartsWithReaction(SentenceWords words, int first)
    {
        for (var i = first; i < words.Count && i <= first + 2; i++)
        {
            if (Reactions.Match(words, i) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEmptyQuestion(SentenceWords words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words.IsWord(i) && !EmptyQuestionWords.Contains(words[i]))
            {
                return false;
            }

            if (char.IsDigit(words.Text[words.Tokens[i].Start]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasQuoteMark(SentenceWords words)
    {
        var text = words.Text.AsSpan(words.Range.Start, words.Range.End - words.Range.Start);
        return text.IndexOfAny("\"“”«»") >= 0;
    }

    /// <summary>"First, the context.", "Third, the context.": an enumerator and a label, no verb.</summary>
    private static bool IsEnumeratorLabel(SentenceWords words, int first)
    {
        if (words[first] is not ("first" or "second" or "third" or "fourth" or "fifth" or "finally" or "lastly" or "next") || words[first + 1] != ",")
        {
            return false;
        }

        for (var i = first + 2; i < words.Count; i++)
        {
            if (words.IsWord(i) && (Words.IsVerbLike(words[i]) || words[i].EndsWith("ing", StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"Look at the balance sheet.", "Draw your own conclusions.": an instruction to the reader, not a statement.</summary>
    private static bool IsReaderInstruction(SentenceWords words, int first, int wordCount)
    {
        if (wordCount > 10 || HasDigit(words) || !ReaderVerbs.Contains(words[first]) || words[first + 1] is "," or "that")
        {
            return false;
        }

        // "Look at …", "Start with …", "Draw your own …": the word after the verb opens its object, not a predicate.
        var next = words[first + 1];
        return next is "at" or "with" or "your" or "who" or "what" or "how" or "the" or "this" or "that" or "it" or "for" or "out" or "up" or "back" or "on" || wordCount <= 3;
    }

    private static bool EndsClosed(SentenceWords words)
    {
        var last = words.Text[words.Tokens[LastNonQuote(words)].End - 1];
        return last is '.' or '!' or '?' or '…' or ';' or ':' or ')';
    }

    private static int LastNonQuote(SentenceWords words)
    {
        for (var i = words.Count - 1; i > 0; i--)
        {
            var c = words.Text[words.Tokens[i].Start];
            if (c is not ('"' or '”' or '’' or '\'' or '»' or '*' or '_'))
            {
                return i;
            }
        }

        return 0;
    }

    private static int FirstWord(SentenceWords words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words.IsWord(i))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool HasDigit(SentenceWords words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (char.IsDigit(words.Text[words.Tokens[i].Start]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAllCaps(string token)
    {
        var letters = 0;
        foreach (var c in token)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters > 0;
    }
}
