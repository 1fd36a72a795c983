namespace Sitrep.Entities.Resolution;

/// <summary>
/// What is never an entity, whatever the tagger says: pronouns and other closed-class words, and a capitalised common
/// word opening a sentence (one the document also writes in lowercase, or a function word).
/// </summary>
public static class MentionFilter
{
    private static readonly HashSet<string> ClosedClass = new(
        [
            "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "he", "him", "his", "himself", "she", "her",
            "hers", "herself", "it", "its", "itself", "we", "us", "our", "ours", "ourselves", "they", "them", "their", "theirs",
            "themselves", "this", "that", "these", "those", "who", "whom", "whose", "which", "what", "the", "a", "an", "and",
            "or", "but", "if", "then", "so", "as", "at", "by", "for", "from", "in", "into", "of", "on", "onto", "to", "with",
            "without", "after", "before", "during", "since", "until", "while", "when", "where", "why", "how", "all", "any",
            "some", "no", "not", "none", "both", "each", "every", "either", "neither", "one", "other", "another", "such",
            "there", "here", "however", "meanwhile", "yesterday", "today", "tomorrow", "also", "still", "yet", "though",
            "although", "because", "according", "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does",
            "did", "will", "would", "can", "could", "should", "may", "might", "must", "shall", "yes", "ok", "okay", "lol",
            "please", "thanks", "hi", "hello", "mr", "mrs", "ms", "sir", "madam", "someone", "somebody", "anyone", "anybody",
            "everyone", "everybody", "nobody", "something", "anything", "everything", "nothing", "update", "updates",
            "breaking", "edit", "source", "sources", "read", "more", "click", "share", "comment", "comments", "reply",
            "furthermore", "moreover", "additionally", "nevertheless", "nonetheless", "instead", "indeed", "perhaps", "maybe",
            "first", "second", "third", "finally", "next", "then", "thus", "hence", "therefore", "otherwise", "besides",
            "author", "posted", "quote", "quoted", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "bst", "gmt", "utc", "cet", "cest", "msk", "est", "edt", "pst", "am", "pm", "advertisement", "subscribe", "log", "login", "sign", "menu", "home",
        ],
        StringComparer.Ordinal);

    /// <summary>True for a pronoun or other closed-class word (lowercase comparison).</summary>
    public static bool IsClosedClass(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return ClosedClass.Contains(word.ToLowerInvariant());
    }

    /// <summary>
    /// True when the chunk <paramref name="words"/>[<paramref name="start"/>..<paramref name="end"/>) must not be an
    /// entity: every word closed-class, no letter at all, or a single capitalised word opening the sentence that the
    /// document also writes in lowercase elsewhere (<paramref name="lowercaseSeen"/>).
    /// </summary>
    public static bool IsNeverAnEntity(string[] words, int start, int end, IReadOnlySet<string> lowercaseSeen)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(lowercaseSeen);
        var allClosed = true;
        var anyLetter = false;
        for (var i = start; i < end; i++)
        {
            allClosed &= IsClosedClass(words[i]);
            anyLetter |= words[i].Any(char.IsLetter);
        }

        if (allClosed || !anyLetter)
        {
            return true;
        }

        var opensSentence = start == 0 || words[start - 1] is "\"" or "“" or "'" or "‘" or "(" or "-" or "—" or ":";
        if (end - start == 1 && opensSentence)
        {
            var word = words[start];
            var lower = word.ToLowerInvariant();
            var capitalisedOnly = word.Length > 1 && char.IsUpper(word[0]) && word.Skip(1).All(c => !char.IsUpper(c));
            return capitalisedOnly && lowercaseSeen.Contains(lower);
        }

        return false;
    }

    // Common nouns written as capitals: a headquarters, a chief executive, a television, a drone. Alone they name no one.
    private static readonly HashSet<string> CommonAbbreviations = new(
        ["hq", "hqs", "ceo", "cfo", "coo", "tv", "suv", "suvs", "gps", "vip", "vips", "pow", "pows", "ied", "ieds", "uav", "uavs", "faq", "diy", "jr", "sr"],
        StringComparer.Ordinal);

    /// <summary>
    /// True for a common noun written in capitals ("HQ", "CEO", "SUV") or a generational suffix alone ("Jr."): a chunk of
    /// that one word is no name, though a name may end with it ("Rostov HQ").
    /// </summary>
    public static bool IsCommonAbbreviation(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return CommonAbbreviations.Contains(word.TrimEnd('.').ToLowerInvariant());
    }

    /// <summary>
    /// True for a model designation: one to three letters, a capital first, a hyphen and a number, with an optional
    /// letter suffix ("Il-22", "Su-25SM", "Mi-8", "MiG-29", "T-72B3", "S-400"). It names a type of aircraft, vehicle or
    /// weapon: a thing, never a person, an organisation or a place.
    /// </summary>
    public static bool IsModelDesignation(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var hyphen = word.IndexOf('-', StringComparison.Ordinal);
        if (hyphen is < 1 or > 3 || hyphen + 1 >= word.Length || !char.IsUpper(word[0]) || !IsLetters(word.AsSpan(0, hyphen)))
        {
            return false;
        }

        var rest = word.AsSpan(hyphen + 1);
        var digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }

        return digits > 0 && rest.Length - digits <= 3 && IsLettersOrDigits(rest[digits..]);

        static bool IsLetters(ReadOnlySpan<char> span)
        {
            foreach (var c in span)
            {
                if (!char.IsAsciiLetter(c))
                {
                    return false;
                }
            }

            return true;
        }

        static bool IsLettersOrDigits(ReadOnlySpan<char> span)
        {
            foreach (var c in span)
            {
                if (!char.IsAsciiLetterOrDigit(c))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The letters of a model designation before its hyphen ("Il" of "Il-22"), or null when the word is none.</summary>
    public static string? DesignationPrefix(string word) => IsModelDesignation(word) ? word[..word.IndexOf('-', StringComparison.Ordinal)] : null;

    /// <summary>True for a month or weekday name, which can open a chunk by mistake ("June Wagner").</summary>
    public static bool IsCalendarWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.ToLowerInvariant() is "january" or "february" or "march" or "april" or "may" or "june" or "july" or "august" or "september"
            or "october" or "november" or "december" or "monday" or "tuesday" or "wednesday" or "thursday" or "friday" or "saturday" or "sunday";
    }

    /// <summary>True for a heading written in Title Case or capitals: three or more longer words, none in lowercase.</summary>
    public static bool IsTitleCase(string[] words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var longer = 0;
        foreach (var w in words)
        {
            if (w.Length >= 4 && char.IsLetter(w[0]))
            {
                longer++;
                if (char.IsLower(w[0]))
                {
                    return false;
                }
            }
        }

        return longer >= 3;
    }

    private const int MaxLayoutLine = 400;

    /// <summary>
    /// True when the characters <paramref name="start"/>..<paramref name="end"/> sit in a heading or a label: a line of
    /// at most six words with no full stop ("## Bottom line", "Discussion"), or the words before a colon that open a
    /// line ("**Information cut-off:** 28 June"). Such words are capitalised by layout, not because they are names.
    /// </summary>
    public static bool InHeadingOrLabel(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);

        // The look-around is bounded so that the filter stays linear on text pasted without line breaks (one line of
        // megabytes): a mention further than MaxLayoutLine from its line's start is in prose, and a line longer than
        // that is neither a heading nor a masthead.
        var from = Math.Max(0, start - MaxLayoutLine);
        var newline = start > 0 ? text.LastIndexOf('\n', start - 1, start - from) : -1;
        if (newline < 0 && from > 0)
        {
            return false;
        }

        var lineStart = newline + 1;
        var searchEnd = Math.Min(text.Length, Math.Max(end, lineStart) + MaxLayoutLine);
        var lineEnd = text.IndexOf('\n', end, searchEnd - end);
        var complete = lineEnd >= 0 || searchEnd == text.Length;
        var raw = text.AsSpan(lineStart, (lineEnd < 0 ? searchEnd : lineEnd) - lineStart);
        const string Markup = "#*_>•-–— \t\r";
        var lead = raw.Length - raw.TrimStart(Markup).Length;
        var line = raw[lead..].TrimEnd(Markup);
        var colon = line.IndexOf(':');
        if (colon > 0 && start < lineStart + lead + colon && Words(line[..colon]) <= 4)
        {
            return true;
        }

        return complete && (line.Length <= 60 && Words(line) <= 6 && line.IndexOfAny('.', '!', '?') < 0 || IsMasthead(line));
    }

    /// <summary>
    /// A line of three or more short parts set apart by " · ", " | " or " • " ("Northgate Daily · Europe desk · Live
    /// coverage"): a masthead or byline, laid out rather than written.
    /// </summary>
    private static bool IsMasthead(ReadOnlySpan<char> line)
    {
        var separators = 0;
        var longest = 0;
        var partStart = 0;
        for (var i = 1; i + 1 < line.Length; i++)
        {
            if (line[i] is '·' or '|' or '•' && line[i - 1] == ' ' && line[i + 1] == ' ')
            {
                separators++;
                longest = Math.Max(longest, Words(line[partStart..i]));
                partStart = i + 1;
            }
        }

        longest = Math.Max(longest, Words(line[partStart..]));
        return separators >= 2 && longest <= 12;
    }

    private static int Words(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            count += letter && !inWord ? 1 : 0;
            inWord = letter;
        }

        return count;
    }

    /// <summary>True when the text <paramref name="text"/>[start..end) occurs somewhere else in the text.</summary>
    public static bool OccursElsewhere(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.AsSpan(start, end - start);
        return text.AsSpan(0, start).IndexOf(value, StringComparison.Ordinal) >= 0 || text.AsSpan(end).IndexOf(value, StringComparison.Ordinal) >= 0;
    }
}
