namespace Sitrep.Brief.Building;

/// <summary>
/// A document's opening block: the short paragraphs (a headline, a kicker, a subtitle or standfirst, a byline) that
/// come before its first paragraph of running text. A statement there is a headline's, written to draw the reader
/// in ("… seize Rostov and regime looks paralysed"): it never leads the front part.
/// </summary>
internal static class Standfirst
{
    /// <summary>A paragraph of running text has at least this many words.</summary>
    private const int BodyWords = 30;

    /// <summary>The opening block ends within this many characters.</summary>
    private const int Reach = 1500;

    /// <summary>True when <paramref name="start"/> falls in the opening block of <paramref name="text"/>.</summary>
    public static bool InOpening(string text, int start)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (start < 0 || start >= Math.Min(text.Length, Reach))
        {
            return false;
        }

        var at = 0;
        while (at < text.Length && at <= Reach)
        {
            var end = ParagraphEnd(text, at);
            var paragraph = text[at..end];
            if (!string.IsNullOrWhiteSpace(paragraph) && Words(paragraph) >= BodyWords)
            {
                // The first paragraph of running text: everything before it is the opening block.
                return start < at;
            }

            at = end;
            while (at < text.Length && char.IsWhiteSpace(text[at]))
            {
                at++;
            }
        }

        return false;
    }

    /// <summary>Where the paragraph starting at <paramref name="at"/> ends: at a blank line, or the end of the text.</summary>
    private static int ParagraphEnd(string text, int at)
    {
        var i = text.IndexOf('\n', at);
        while (i >= 0)
        {
            var j = i + 1;
            while (j < text.Length && text[j] is ' ' or '\t' or '\r')
            {
                j++;
            }

            if (j >= text.Length || text[j] == '\n')
            {
                return i;
            }

            i = text.IndexOf('\n', j);
        }

        return text.Length;
    }

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
