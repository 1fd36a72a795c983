using System.Text.RegularExpressions;
using Sitrep.Documents;

namespace Sitrep.Claims.Timeline;

/// <summary>
/// Sentences that give the mood of the street: the words of an unnamed member of the public ("…," said one pensioner
/// quoted by a local outlet) or what such people said ("Several residents interviewed by local media said they still did
/// not understand …"). A passer-by's opinion tells how an event was felt, not when something happened: such a sentence
/// dates no event of the story.
/// </summary>
/// <remarks>
/// A named speaker, an official or a witness with a role ("a police officer said", "an eyewitness told …") is not read
/// here: their words may tell what happened.
/// </remarks>
public static partial class VoxPop
{
    /// <summary>
    /// The ranges of <paramref name="sentences"/> in <paramref name="text"/> that are a vox pop: a sentence whose speaker is
    /// an unnamed member of the public, and every sentence inside the quotation marks of a paragraph such a speaker is
    /// credited with.
    /// </summary>
    public static IReadOnlyList<TextRange> Sentences(string text, IReadOnlyList<TextRange> sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        var found = new List<TextRange>();
        foreach (var s in sentences)
        {
            var sentence = text[s.Start..s.End];
            if (PublicSubject().IsMatch(sentence))
            {
                found.Add(s);
                continue;
            }

            var (from, to) = Paragraph(text, s.Start);
            if (PublicCredit().IsMatch(text.AsSpan(from, to - from)) && (InQuotes(text, from, s.Start) || PublicCredit().IsMatch(sentence)))
            {
                found.Add(s);
            }
        }

        return found;
    }

    private static (int From, int To) Paragraph(string text, int at)
    {
        var from = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        var to = text.IndexOf('\n', at);
        return (from, to < 0 ? text.Length : to);
    }

    /// <summary>True when a quotation is open at <paramref name="at"/>: an odd number of straight quotes, or an opening curly one not yet closed, since the paragraph began.</summary>
    private static bool InQuotes(string text, int from, int at)
    {
        var before = text.AsSpan(from, at - from);
        var straight = before.Count('"');
        var open = before.Count('“') - before.Count('”');
        return straight % 2 == 1 || open > 0 || text.AsSpan(at).TrimStart().StartsWith("\"", StringComparison.Ordinal) || text.AsSpan(at).TrimStart().StartsWith("“", StringComparison.Ordinal);
    }

    // Who the public are, unnamed: "one pensioner", "another resident", "a passer-by" (not a witness, a man or a woman:
    // "said a man who saw the shooting" may tell what happened).
    private const string Person = @"(?:pensioners?|residents?|locals?|passers?-?by|passerby|shoppers?|commuters?|villagers?|retirees?)";

    // "…," said one pensioner; "…," another resident told reporters.
    [GeneratedRegex(@"\b(?:said|says|told\s+\S+|added|complained|asked)\s+(?:one|a|an|another)\s+(?:\p{Ll}+\s+){0,2}?" + Person + @"\b|\b(?:one|a|an|another)\s+(?:\p{Ll}+\s+){0,2}?" + Person + @"\s+(?:said|says|told)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PublicCredit();

    // "Several residents interviewed by local media said …", "Many locals say …" opening the sentence.
    [GeneratedRegex(@"^\W*(?:several|some|many|most|other|few|a\s+few|two|three|dozens\s+of)\s+(?:\p{Ll}+\s+)?" + Person + @"(?:\s+(?:interviewed|quoted|questioned|asked|contacted|reached|polled|surveyed)\s+by\s+[^.;:,]{0,40}?)?\s+(?:said|say|told)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PublicSubject();
}
