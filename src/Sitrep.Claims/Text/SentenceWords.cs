using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Claims.Text;

/// <summary>
/// The tokens of one sentence with a normalised lower-case form of each (curly apostrophes made straight), so that the
/// lexicons compare plain strings. Offsets stay those of the document.
/// </summary>
internal sealed class SentenceWords
{
    private SentenceWords(string text, Token[] tokens, string[] lower, TextRange range)
    {
        Text = text;
        Tokens = tokens;
        Lower = lower;
        Range = range;
    }

    /// <summary>The document's text.</summary>
    public string Text { get; }

    /// <summary>The sentence's tokens.</summary>
    public Token[] Tokens { get; }

    /// <summary>Lower-case, apostrophe-normalised token texts.</summary>
    public string[] Lower { get; }

    /// <summary>The sentence's range.</summary>
    public TextRange Range { get; }

    /// <summary>Number of tokens.</summary>
    public int Count => Tokens.Length;

    /// <summary>The lower-case word at <paramref name="i"/>, or the empty string outside the sentence.</summary>
    public string this[int i] => (uint)i < (uint)Lower.Length ? Lower[i] : string.Empty;

    /// <summary>The token as written.</summary>
    public string Original(int i) => Text.Substring(Tokens[i].Start, Tokens[i].Length);

    /// <summary>True when the token starts with an upper-case letter.</summary>
    public bool IsCapitalized(int i) => (uint)i < (uint)Tokens.Length && char.IsUpper(Text[Tokens[i].Start]);

    /// <summary>True when the token is a word (starts with a letter).</summary>
    public bool IsWord(int i) => (uint)i < (uint)Tokens.Length && char.IsLetter(Text[Tokens[i].Start]);

    /// <summary>The characters from token <paramref name="first"/> to token <paramref name="last"/> inclusive.</summary>
    public TextRange RangeOf(int first, int last) => new(Tokens[first].Start, Tokens[last].End);

    /// <summary>The text from token <paramref name="first"/> to token <paramref name="last"/> inclusive.</summary>
    public string TextOf(int first, int last) => Text[Tokens[first].Start..Tokens[last].End];

    /// <summary>Builds the view of one sentence.</summary>
    public static SentenceWords Of(AnalyzedDocument document, Sentence sentence)
    {
        var tokens = document.TokensOf(sentence).ToArray();
        var lower = new string[tokens.Length];
        var text = document.Text;
        for (var i = 0; i < tokens.Length; i++)
        {
            lower[i] = Normalize(tokens[i].In(text));
        }

        return new SentenceWords(text, tokens, lower, sentence.Range);
    }

    /// <summary>Builds the view of a text of its own (tests, evaluation).</summary>
    public static SentenceWords Of(string text)
    {
        var tokens = Tokenizer.Tokenize(text).ToArray();
        var lower = new string[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            lower[i] = Normalize(tokens[i].In(text));
        }

        return new SentenceWords(text, tokens, lower, new TextRange(0, text.Length));
    }

    private static string Normalize(ReadOnlySpan<char> token)
    {
        Span<char> buffer = token.Length <= 64 ? stackalloc char[token.Length] : new char[token.Length];
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            buffer[i] = c is '’' or '‘' ? '\'' : char.ToLowerInvariant(c);
        }

        return Words.Intern(buffer);
    }
}
