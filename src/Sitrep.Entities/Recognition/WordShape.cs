namespace Sitrep.Entities.Recognition;

/// <summary>Orthographic shape of a word: <c>Xxxx</c>, <c>X.X.</c>, <c>dd-dd</c>; the short form collapses runs.</summary>
internal static class WordShape
{
    /// <summary>Writes the long shape (runs kept up to four) and returns its length.</summary>
    public static int Long(ReadOnlySpan<char> word, Span<char> buffer)
    {
        var n = 0;
        var run = 0;
        var last = '\0';
        foreach (var ch in word)
        {
            var s = Map(ch);
            run = s == last ? run + 1 : 1;
            last = s;
            if (run <= 4 && n < buffer.Length)
            {
                buffer[n++] = s;
            }
        }

        return n;
    }

    /// <summary>Writes the short shape (every run collapsed to one character) and returns its length.</summary>
    public static int Short(ReadOnlySpan<char> word, Span<char> buffer)
    {
        var n = 0;
        var last = '\0';
        foreach (var ch in word)
        {
            var s = Map(ch);
            if (s != last && n < buffer.Length)
            {
                buffer[n++] = s;
            }

            last = s;
        }

        return n;
    }

    private static char Map(char c) =>
        char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : c;
}
