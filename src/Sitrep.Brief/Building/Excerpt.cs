using System.Text.RegularExpressions;
using Sitrep.Brief.Model;

namespace Sitrep.Brief.Building;

/// <summary>
/// The part of a claim the front part quotes: its main clause, without the dateline before it ("MOSCOW, June 24, 2023
/// (Agency) — ") and without what hangs after it (a relative clause, a trailing "the Kremlin said"), so that the quote
/// reads as a sentence of a summary. The span is exactly the quoted characters.
/// </summary>
/// <param name="Text">The quoted text (Markdown marks dropped, no trailing full stop).</param>
/// <param name="Span">The exact source characters.</param>
/// <param name="Cut">True when the clause was cut before the claim's end.</param>
internal sealed partial record Excerpt(string Text, BriefSpan Span, bool Cut)
{
    private const int MinWords = 6;
    private const int MaxWords = 28;

    /// <summary>The main clause of a claim.</summary>
    public static Excerpt Of(BriefClaim claim) => Of(claim, Shape(claim.Text));

    /// <summary>The main clause of a claim whose text's <see cref="Shape"/> is known already.</summary>
    public static Excerpt Of(BriefClaim claim, ExcerptShape shape) =>
        new(shape.Text, new BriefSpan(claim.Doc, claim.Start + shape.Start, claim.Start + shape.End), shape.Cut);

    /// <summary>
    /// What is quoted of a claim's text and where, relative to the text's start: it depends on the text alone, so
    /// copies of one sentence (a wire story's republications) share it.
    /// </summary>
    public static ExcerptShape Shape(string text)
    {
        var start = 0;
        if (Dateline().Match(text) is { Success: true } d && d.Length < text.Length - 20)
        {
            start = d.Length;
        }

        // An appositive between the subject and its verb ("Prigozhin, the founder of …, was") is elided with "…".
        var (head, resume) = (string.Empty, start);
        if (Appositive().Match(text, start) is { Success: true } a && a.Index == start)
        {
            head = a.Groups["name"].Value;
            resume = a.Index + a.Length;
        }

        // A relative clause between the subject and its verb ("Shoigu and Gerasimov, whose dismissal he had demanded,
        // both remain") is elided too; one after the verb ends the quote.
        if (head.Length == 0 && Embedded().Match(text, start) is { Success: true } r && !Verb().IsMatch(text[start..r.Index]))
        {
            head = text[start..r.Index];
            resume = r.Index + r.Length;
        }

        var end = text.Length;
        foreach (Match m in Boundary().Matches(text, resume))
        {
            if (BriefFacts.WordCount(head + " " + text[resume..m.Index]) >= MinWords)
            {
                end = m.Index;
                break;
            }
        }

        var tail = text[resume..end].TrimEnd().TrimEnd('.', ',', ';', ':', ' ');
        var words = WordSpans().Matches(tail).ToList();
        var limit = MaxWords - BriefFacts.WordCount(head);
        var cut = end < text.Length || words.Count > limit;
        if (words.Count > limit)
        {
            // Cut at the word limit: the span ends where the last quoted word ends.
            tail = tail[..(words[limit - 1].Index + words[limit - 1].Length)].TrimEnd(',', ';', ':');
        }

        var shown = BriefFacts.Display(tail, MaxWords).TrimEnd('.');
        if (words.Count > limit)
        {
            shown += " …";
        }

        var quoted = head.Length > 0 ? head + " … " + shown : shown;
        return new ExcerptShape(quoted, start, resume + tail.Length, cut);
    }

    /// <summary>
    /// The excerpt told plainly (<see cref="BriefFacts.Plain"/>): an opening "Several hours later, " left out of the quote
    /// and its span, a colour word elided with "…" inside it; the excerpt itself when there is nothing to drop.
    /// </summary>
    public Excerpt Plain() => BriefFacts.Plain(Text) is { } plain
        ? this with { Text = plain.Text, Span = Span with { Start = Span.Start + plain.Dropped } }
        : this;

    /// <summary>The excerpt in quotation marks.</summary>
    public string Quoted => "“" + Text + "”";

    // "MOSCOW, June 24, 2023 (Continental Press Agency) — ", "RIGA, 26 June 2023 — ", "ROSTOV-ON-DON, Russia, June 24 - ".
    [GeneratedRegex(@"^\p{Lu}[\p{Lu}\-' ]{2,},[^\n—–]{0,90}?\s[—–-]{1,2}\s")]
    private static partial Regex Dateline();

    // Where a main clause ends: a relative clause or attribution after a comma, a trailing "…, the Kremlin said.", a
    // dash, a semicolon, "whereby".
    [GeneratedRegex(@"(,\s+(which|who|whom|whose|where|according to|citing|said|says)\b|,\s+[^,]{2,60}?\s(said|says|reported|announced|told reporters)\.?\s*$|\s+under which\b|\s+in which\b|\s+whereby\b|\s+[—–]\s+|;\s)", RegexOptions.IgnoreCase)]
    private static partial Regex Boundary();

    // "Yevgeny Prigozhin, the founder of the Wagner Group whose men marched on Moscow in June, was …".
    [GeneratedRegex(@"(?<name>\p{Lu}[\p{L}'\-]+(\s\p{Lu}[\p{L}'\-]+){0,3}),\s(the|a|an)\s[^,;]{3,120},\s(?=\p{Ll})")]
    private static partial Regex Appositive();

    // ", whose dismissal Prigozhin had demanded, " followed by the verb in lower case.
    [GeneratedRegex(@",\s(which|who|whose|whom)\s[^,;]{3,100},\s(?=\p{Ll})")]
    private static partial Regex Embedded();

    // A word that shows the clause before a relative clause already has its verb.
    [GeneratedRegex(@"\b(is|are|was|were|has|have|had|will|would|said|says|did|do|does)\b|\b\p{Ll}+ed\b")]
    private static partial Regex Verb();

    [GeneratedRegex(@"\S+")]
    private static partial Regex WordSpans();
}

/// <summary>What <see cref="Excerpt"/> quotes of a text: the quoted text and its span relative to the text's start.</summary>
/// <param name="Text">The quoted text.</param>
/// <param name="Start">Where the quoted characters start in the text.</param>
/// <param name="End">Where they end in the text.</param>
/// <param name="Cut">True when the clause was cut before the text's end.</param>
internal sealed record ExcerptShape(string Text, int Start, int End, bool Cut);

/// <summary>How much an event of a class changes the story: a seizure, a deal, deaths or a closed case count; a remark does not.</summary>
internal static class Consequence
{
    /// <summary>True for a class that ends or settles a story (a deal, a resignation, an arrest, a sentence, a death in a crash).</summary>
    public static bool IsOutcome(string? eventClass) => eventClass is "negotiate" or "resign" or "arrest" or "sentence" or "die-accident" or "drop-charges";

    /// <summary>The weight of an event class in <see cref="PropositionView.Importance"/>.</summary>
    public static double Weight(string? eventClass) => eventClass switch
    {
        "kill" or "die-accident" or "seize" or "negotiate" or "resign" or "earthquake" => 2.0,
        "attack" or "charge" or "drop-charges" or "arrest" or "sentence" => 1.5,
        "move" or "escape" or "injure" => 1.0,
        Win => 1.5,
        "deny" => 0.25,
        _ => 0,
    };

    /// <summary>
    /// The class of what a claim's quoted clause reports: its frame's class when that is an event of consequence, else
    /// the weightiest trigger word in the clause ("turn back … after X brokered an agreement" is a deal), or null.
    /// </summary>
    public static string? ClassOf(BriefClaim claim, string clause)
    {
        if (claim.Frame?.EventClass is { } k && Weight(k) > 0)
        {
            return k;
        }

        return Triggers(clause).OrderByDescending(Weight).FirstOrDefault();
    }

    /// <summary>The class most of the claims name (their frame's class, else the first trigger word in the text), or null.</summary>
    public static string? ClassOf(IEnumerable<BriefClaim> claims) =>
        claims
            .Select(c => c.Frame?.EventClass is { } k && k != Sitrep.Claims.Frames.EventClasses.State ? k : Trigger(c.Text))
            .OfType<string>()
            .GroupBy(k => k, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => Weight(g.Key))
            .Select(g => g.Key)
            .FirstOrDefault();

    private static string? Trigger(string text) => Triggers(text).FirstOrDefault();

    /// <summary>The event classes of consequence a text's trigger words name, each once.</summary>
    public static IEnumerable<string> ClassesIn(string text) => Triggers(text).Where(k => Weight(k) >= 1).Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> Triggers(string text)
    {
        foreach (var word in text.ToLowerInvariant().Split([' ', ',', '.', ';', ':', '"', '“', '”', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Sitrep.Claims.Frames.EventClasses.Of(word) is { } k && k != "deny")
            {
                yield return k;
            }
            else if (word is "won" or "win" or "wins" or "victory" or "defeated")
            {
                yield return Win;
            }
        }
    }

    /// <summary>
    /// The result of a contest (a game, an election, a vote, a case): "won", "a 3-1 win", "victory", "defeated". No
    /// frame class names it (claims do not align on it), but it is what reports of a contest lead with: without it a
    /// player's return, the one act with a class, opened the bottom line of a game's reports. "beat" and "lost" are
    /// left out: they tell an assault and a loss of life as often.
    /// </summary>
    public const string Win = "win";
}
