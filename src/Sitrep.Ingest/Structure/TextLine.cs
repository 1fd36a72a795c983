namespace Sitrep.Ingest.Structure;

/// <summary>One line of a text: where it starts and ends, its indentation, and where its content lies.</summary>
/// <param name="Index">Line number, from 0.</param>
/// <param name="Start">Offset of the first character of the line.</param>
/// <param name="End">Offset one past the last character, line break excluded.</param>
/// <param name="Indent">Leading white space, tabs counted as four columns.</param>
/// <param name="ContentStart">Offset of the first non-blank character (equals <paramref name="End"/> for a blank line).</param>
/// <param name="ContentEnd">Offset one past the last non-blank character.</param>
internal readonly record struct TextLine(int Index, int Start, int End, int Indent, int ContentStart, int ContentEnd)
{
    /// <summary>True when the line holds only white space.</summary>
    public bool IsBlank => ContentStart >= ContentEnd;

    /// <summary>Length of the content.</summary>
    public int ContentLength => ContentEnd - ContentStart;

    /// <summary>The content of the line, trimmed.</summary>
    public ReadOnlySpan<char> Content(string text) => text.AsSpan(ContentStart, ContentEnd - ContentStart);

    /// <summary>Splits a text into lines in one linear pass.</summary>
    public static List<TextLine> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<TextLine>();
        var start = 0;
        var index = 0;
        while (start <= text.Length)
        {
            var rel = text.AsSpan(start).IndexOfAny('\n', '\r');
            var end = rel < 0 ? text.Length : start + rel;
            var indent = 0;
            var content = start;
            while (content < end && text[content] is ' ' or '\t' or '\u00A0' or '\u3000')
            {
                indent += text[content] == '\t' ? 4 : 1;
                content++;
            }

            var contentEnd = end;
            while (contentEnd > content && char.IsWhiteSpace(text[contentEnd - 1]))
            {
                contentEnd--;
            }

            lines.Add(new TextLine(index++, start, end, indent, content, Math.Max(content, contentEnd)));
            if (rel < 0)
            {
                break;
            }

            start = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
            if (start == text.Length)
            {
                break;
            }
        }

        return lines;
    }
}
