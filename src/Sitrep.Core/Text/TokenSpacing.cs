namespace Sitrep.Text;

/// <summary>
/// Rebuilds running text from a corpus's tokens (ECB+ and similar releases keep words, not the spaces between them):
/// whether a space stands before a token, by the punctuation around it, decimals and times ("3.5", "10,000", "05:37")
/// hyphenated words ("well-known") and contractions the corpus split at the apostrophe ("hadn ’ t", "Attorney ’ s").
/// </summary>
public static class TokenSpacing
{
    /// <summary>True when a space goes before <paramref name="tokens"/>[<paramref name="i"/>] (<paramref name="i"/> ≥ 1).</summary>
    /// <param name="tokens">The sentence's tokens.</param>
    /// <param name="i">The token's index.</param>
    /// <param name="noSpaceBefore">Tokens written against the one before (",", ")", "'s").</param>
    /// <param name="noSpaceAfter">Tokens the next one is written against ("(", "$").</param>
    public static bool SpaceBefore(IReadOnlyList<string> tokens, int i, IReadOnlySet<string> noSpaceBefore, IReadOnlySet<string> noSpaceAfter)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(noSpaceBefore);
        ArgumentNullException.ThrowIfNull(noSpaceAfter);
        var w = tokens[i];
        var p = tokens[i - 1];
        if (noSpaceBefore.Contains(w) || noSpaceAfter.Contains(p))
        {
            return false;
        }

        var pp = i >= 2 ? tokens[i - 2] : string.Empty;
        var next = i + 1 < tokens.Count ? tokens[i + 1] : string.Empty;

        // "hadn ’ t", "office ’ s": an apostrophe between a word and a clitic is written inside the word ("hadn’t").
        if ((IsApostrophe(w) && EndsLetter(p) && Clitics.Contains(next)) || (IsApostrophe(p) && EndsLetter(pp) && Clitics.Contains(w)))
        {
            return false;
        }

        if (IsDigits(pp) && ((p == "." && IsDigits(w)) || (p == "," && w.Length == 3 && IsDigits(w)) || (p == ":" && w.Length == 2 && IsDigits(w))))
        {
            return false;
        }

        if (w == "-" && EndsAlphanumeric(p) && StartsAlphanumeric(next))
        {
            return false;
        }

        return !(p == "-" && EndsAlphanumeric(pp) && StartsAlphanumeric(w));
    }

    private static readonly HashSet<string> Clitics = new(StringComparer.OrdinalIgnoreCase) { "s", "t", "re", "ve", "ll", "d", "m" };

    private static bool IsApostrophe(string s) => s is "’" or "'";

    private static bool EndsLetter(string s) => s.Length > 0 && char.IsLetter(s[^1]);

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

    private static bool EndsAlphanumeric(string s) => s.Length > 0 && char.IsLetterOrDigit(s[^1]);

    private static bool StartsAlphanumeric(string s) => s.Length > 0 && char.IsLetterOrDigit(s[0]);
}
