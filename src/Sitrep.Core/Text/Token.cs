using Sitrep.Documents;

namespace Sitrep.Text;

/// <summary>A token: a range of the document's text. The text itself is read from the document when needed.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset one past the last character.</param>
public readonly record struct Token(int Start, int End)
{
    /// <summary>Number of characters covered.</summary>
    public int Length => End - Start;

    /// <summary>The token as a range.</summary>
    public TextRange Range => new(Start, End);

    /// <summary>The token's characters within <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);
}

/// <summary>A sentence: a range of the document's text and the range of its tokens in the document's token list.</summary>
/// <param name="Range">The characters of the sentence, trimmed of surrounding white space.</param>
/// <param name="FirstToken">Index of the sentence's first token.</param>
/// <param name="TokenCount">Number of tokens.</param>
public readonly record struct Sentence(TextRange Range, int FirstToken, int TokenCount);
