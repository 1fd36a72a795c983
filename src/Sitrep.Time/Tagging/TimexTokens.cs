namespace Sitrep.Time.Tagging;

internal enum TokKind : byte
{
    Word,
    Number,
    Punct,
}

/// <summary>A token of the tagger's own light tokenisation: letter runs, digit runs and single symbols.</summary>
internal readonly record struct Tok(int Start, int End, TokKind Kind, bool SpaceBefore, bool LineBefore, LexEntry? Entry, int Number, bool Capital);

/// <summary>
/// Splits text into letter runs, digit runs and single symbols, and looks each word up in the lexicon once. A hand
/// scanner rather than a regex: one pass, no backtracking, so untrusted text cannot make it slow.
/// </summary>
internal static class TimexTokenizer
{
    public static void Tokenize(string text, int start, int end, List<Tok> into)
    {
        var lookup = TimexLexicon.Lookup;
        var i = start;
        var space = true;
        var line = true;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                if (c == '\n')
                {
                    line = true;
                }

                i++;
                continue;
            }

            var s = i;
            if (char.IsAsciiDigit(c))
            {
                var value = 0;
                while (i < end && char.IsAsciiDigit(text[i]))
                {
                    value = value < 100_000_000 ? (value * 10) + (text[i] - '0') : value;
                    i++;
                }

                // "24th", "1st": keep the suffix with the number so that "24th" is one token.
                if (i + 1 < end && IsOrdinalSuffix(text, i, end))
                {
                    i += 2;
                    into.Add(new Tok(s, i, TokKind.Word, space, line, lookup.TryGetValue(OrdinalKey(value), out var ord) ? ord : new LexEntry { Class = WordClass.Ordinal, Value = value, Ordinal = value }, value, Capital: false));
                }
                else
                {
                    into.Add(new Tok(s, i, TokKind.Number, space, line, null, value, Capital: false));
                }
            }
            else if (char.IsLetter(c))
            {
                while (i < end && char.IsLetter(text[i]))
                {
                    i++;
                }

                lookup.TryGetValue(text.AsSpan(s, i - s), out var entry);
                if (entry is { Abbreviation: true } && i < end && text[i] == '.')
                {
                    i++;
                }

                into.Add(new Tok(s, i, TokKind.Word, space, line, entry, -1, char.IsUpper(c)));
            }
            else
            {
                i++;
                into.Add(new Tok(s, i, TokKind.Punct, space, line, null, -1, Capital: false));
            }

            space = false;
            line = false;
        }
    }

    private static bool IsOrdinalSuffix(string text, int i, int end)
    {
        var a = char.ToLowerInvariant(text[i]);
        var b = char.ToLowerInvariant(text[i + 1]);
        var ok = (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h');
        return ok && (i + 2 >= end || !char.IsLetterOrDigit(text[i + 2]));
    }

    private static string OrdinalKey(int value) => value switch
    {
        1 => "1st",
        2 => "2nd",
        3 => "3rd",
        4 => "4th",
        _ => string.Empty,
    };
}
