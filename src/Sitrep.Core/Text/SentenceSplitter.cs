using System.Collections.Frozen;
using Sitrep.Documents;

namespace Sitrep.Text;

/// <summary>
/// Splits text into tokens and sentences. Rule-based: terminal punctuation followed by a plausible sentence start,
/// blank lines, and line breaks that do not look like hard wrapping end a sentence; known abbreviations and initials do
/// not.
/// </summary>
public static class SentenceSplitter
{
    private static readonly FrozenSet<string> Abbreviations = FrozenSet.ToFrozenSet(
        [
            "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "gov", "sen", "rep",
            "pres", "st", "mt", "jr", "sr", "rev", "hon", "no", "vs", "etc", "inc", "ltd", "corp", "co", "dept", "univ", "jan",
            "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig", "al", "ft",
            "km", "mi", "min", "max", "vol", "op", "cf", "ca", "ave", "blvd", "rd",

            // Russian and Ukrainian: "в 2023 г. Пригожин", "ген. Суровикин", "25 тыс. бойцов", "вул. Садова", "м. Київ".
            "г", "гг", "ген", "тыс", "тис", "млн", "млрд", "руб", "грн", "ул", "вул", "пер", "просп", "пл", "им", "ім", "чел",
            "осіб", "стр", "обл", "р-н", "пос", "сел", "с", "м", "д", "т", "см", "ст", "др", "пр", "зам", "нач", "ред", "англ",
            "рус", "укр", "напр", "тел", "ок", "прим", "мин", "мін", "полк", "подполк", "п", "кол", "серж",
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Tokenizes the regions of <paramref name="text"/> and appends their tokens and sentences. Sentences never cross
    /// region boundaries.
    /// </summary>
    public static void Split(string text, IEnumerable<TextRange> regions, List<Token> tokens, List<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentences);
        foreach (var region in regions)
        {
            var first = tokens.Count;
            Tokenizer.Tokenize(text, region.Start, region.End, tokens);
            SplitTokens(text, tokens, first, tokens.Count, sentences);
        }
    }

    private static void SplitTokens(string text, List<Token> tokens, int from, int to, List<Sentence> sentences)
    {
        var sentenceStart = from;
        for (var i = from; i < to; i++)
        {
            if (i + 1 == to || IsBoundaryAfter(text, tokens, i))
            {
                sentences.Add(new Sentence(new TextRange(tokens[sentenceStart].Start, tokens[i].End), sentenceStart, i - sentenceStart + 1));
                sentenceStart = i + 1;
            }
        }
    }

    private static bool IsBoundaryAfter(string text, List<Token> tokens, int i)
    {
        var token = tokens[i];
        var next = tokens[i + 1];
        var gap = text.AsSpan(token.End, next.Start - token.End);
        var newlines = gap.Count('\n');
        if (newlines >= 2)
        {
            return true;
        }

        var c = text[token.End - 1];
        var nextChar = text[next.Start];
        if (IsClosing(nextChar) && gap.Length == 0 && IsTerminal(c))
        {
            return false; // the closing quote follows; the boundary comes after it
        }

        var terminal = IsTerminal(c) || (IsClosing(c) && token.Length == 1 && i > 0 && IsTerminal(text[tokens[i - 1].End - 1]) && tokens[i - 1].End == token.Start);
        if (terminal)
        {
            if (c == '.' && token.Length == 1 && i > 0 && tokens[i - 1].End == token.Start && IsAbbreviation(text, tokens[i - 1]))
            {
                return newlines > 0;
            }

            // No sentence ends at an article: in "returned with a. 357 Magnum" the dot is a calibre's (".357"), come loose
            // from its figure where a text was rebuilt from tokens, not a full stop.
            if (c == '.' && token.Length == 1 && i > 0 && tokens[i - 1].End == token.Start && IsArticle(tokens[i - 1].In(text)))
            {
                return newlines > 0;
            }

            if (token.Length > 1 && c == '.' && char.IsLetter(text[token.Start]) && token.In(text).Count('.') >= 1 && token.Length <= 5)
            {
                // A dotted abbreviation or initial (U.S., J.) ends a sentence only before a line break.
                return newlines > 0;
            }

            if (gap.Length == 0)
            {
                return false;
            }

            return newlines > 0 || IsSentenceStart(nextChar);
        }

        if (newlines == 1)
        {
            // A single line break ends a sentence unless the text looks hard-wrapped mid-sentence.
            var lineStart = text.LastIndexOf('\n', Math.Max(0, token.End - 1)) + 1;
            var lineLength = token.End - lineStart;
            var hardWrap = lineLength >= 60 && (char.IsLower(nextChar) || c == ',');
            return !hardWrap;
        }

        return false;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsAbbreviation(string text, Token token) => IsAbbreviation(token.In(text));

    /// <summary>True when <paramref name="word"/> (without its period) is an abbreviation a sentence does not end at.</summary>
    public static bool IsAbbreviation(ReadOnlySpan<char> word) => word.Length <= 5 && AbbreviationLookup.Contains(word);

    /// <summary>True for a lower-case article ("a", "an", "the"): no sentence ends at one.</summary>
    public static bool IsArticle(ReadOnlySpan<char> word) => word is "a" or "an" or "the";

    private static bool IsTerminal(char c) => c is '.' or '!' or '?' or '…';

    private static bool IsClosing(char c) => c is '"' or '”' or '’' or '\'' or ')' or ']' or '»';

    private static bool IsSentenceStart(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '‘' or '\'' or '(' or '[' or '•' or '-' or '*' or '«' || char.IsSymbol(c) || !char.IsLetter(c);
}
