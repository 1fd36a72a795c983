using System.Globalization;

namespace Sitrep.Text;

/// <summary>
/// A fast, allocation-light tokenizer close to the Penn Treebank conventions that CoNLL-2003 data follows: words keep
/// internal hyphens, apostrophes of names (O'Brien) and periods of abbreviations (U.S.); clitics ('s, n't, 're) and
/// punctuation become tokens of their own.
/// </summary>
public static class Tokenizer
{
    /// <summary>Appends the tokens of <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>) to <paramref name="tokens"/>.</summary>
    public static void Tokenize(string text, int start, int end, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                var wordEnd = ScanWord(text, i, end);
                SplitClitic(text, i, wordEnd, tokens);
                i = wordEnd;
                continue;
            }

            if (char.IsSurrogate(c) && i + 1 < end)
            {
                tokens.Add(new Token(i, i + 2));
                i += 2;
                continue;
            }

            // Runs of the same punctuation ("...", "--", "!!") stay one token.
            var j = i + 1;
            while (j < end && text[j] == c && (c == '.' || c == '-' || c == '!' || c == '?' || c == '*' || c == '='))
            {
                j++;
            }

            tokens.Add(new Token(i, j));
            i = j;
        }
    }

    /// <summary>Tokenizes a whole string.</summary>
    public static List<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 5);
        Tokenize(text, 0, text.Length, tokens);
        return tokens;
    }

    private static int ScanWord(string text, int i, int end)
    {
        var j = i + 1;
        while (j < end)
        {
            var c = text[j];
            if (char.IsLetterOrDigit(c) || IsCombining(c))
            {
                j++;
                continue;
            }

            // Internal joiners: a hyphen, apostrophe, period, comma, colon or slash between word characters.
            if (j + 1 < end && char.IsLetterOrDigit(text[j + 1]))
            {
                if (c is '-' or '\'' or '’' or '&')
                {
                    j++;
                    continue;
                }

                if ((c is '.' or ',' or ':' or '/') && char.IsDigit(text[j - 1]) && char.IsDigit(text[j + 1]))
                {
                    j++;
                    continue;
                }

                // Abbreviations with internal periods: U.S, e.g, a.m
                if (c == '.' && IsSingleLetterSegment(text, i, j))
                {
                    j++;
                    continue;
                }
            }

            break;
        }

        // Keep the final period of a dotted abbreviation (U.S.) or an initial (J.).
        if (j < end && text[j] == '.' && IsSingleLetterSegment(text, i, j) && (j - i == 1 || text.AsSpan(i, j - i).Contains('.')))
        {
            if (j - i == 1 && !char.IsUpper(text[i]))
            {
                return j;
            }

            j++;
        }

        return j;
    }

    private static bool IsSingleLetterSegment(string text, int wordStart, int dot)
    {
        var segStart = dot - 1;
        while (segStart > wordStart && text[segStart - 1] != '.')
        {
            segStart--;
        }

        return dot - segStart == 1 && char.IsLetter(text[segStart]);
    }

    private static bool IsCombining(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static void SplitClitic(string text, int start, int end, List<Token> tokens)
    {
        var len = end - start;
        if (len > 3)
        {
            // n't
            if ((text[end - 1] == 't' || text[end - 1] == 'T') && IsApostrophe(text[end - 2]) && (text[end - 3] == 'n' || text[end - 3] == 'N'))
            {
                tokens.Add(new Token(start, end - 3));
                tokens.Add(new Token(end - 3, end));
                return;
            }
        }

        if (len > 2 && IsApostrophe(text[end - 2]) && text[end - 1] is 's' or 'S' or 'd' or 'D' or 'm' or 'M')
        {
            tokens.Add(new Token(start, end - 2));
            tokens.Add(new Token(end - 2, end));
            return;
        }

        if (len > 3 && IsApostrophe(text[end - 3]))
        {
            var a = char.ToLowerInvariant(text[end - 2]);
            var b = char.ToLowerInvariant(text[end - 1]);
            if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l'))
            {
                tokens.Add(new Token(start, end - 3));
                tokens.Add(new Token(end - 3, end));
                return;
            }
        }

        tokens.Add(new Token(start, end));
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’';
}
