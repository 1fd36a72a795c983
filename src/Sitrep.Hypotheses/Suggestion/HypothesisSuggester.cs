using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Corroboration.Propositions;
using Sitrep.Documents;
using Sitrep.Hypotheses.Matrix;
using Sitrep.Hypotheses.Meaning;
using Sitrep.Pipeline;

namespace Sitrep.Hypotheses.Suggestion;

/// <summary>
/// Suggests hypotheses from the sources themselves: explicit theories ("One possibility is that …", "my theory is …",
/// "he explained that it was …", "the gamble was …"), enumerated rhetorical alternatives (a run of questions such as
/// "A genuine battle …? A performance …?", each turned into a statement), and explanations argued in threads and
/// opinion ("an air of incompetence"). Each suggestion is a clean proposition: never a heading, an open question, a
/// forum one-liner, a URL or a byline; discourse openers ("So,", "I think") and trailing clauses that start a new
/// thought are cut. Suggestions that mean the same (cosine of their sentence vectors, or shared words without a
/// model) or where one entails the other (so they are not mutually exclusive) are merged; at most
/// <see cref="MaxSuggestions"/> are kept, best supported first. Every suggestion cites the spans it came from.
/// </summary>
public static partial class HypothesisSuggester
{
    /// <summary>Most hypotheses suggested.</summary>
    public const int MaxSuggestions = 5;

    /// <summary>The cosine of two suggestions' vectors at which they are one hypothesis.</summary>
    public const double MergeCosine = 0.75;

    /// <summary>The pair probability at which one suggestion entailing another merges them (not mutually exclusive).</summary>
    public const double MergeEntails = 0.9;

    private const double MergeSimilarity = 0.34;

    /// <summary>Suggests hypotheses, best supported first, numbered from <paramref name="firstNumber"/>.</summary>
    /// <param name="corpus">The analysed corpus.</param>
    /// <param name="firstNumber">The number of the first suggestion (after the analyst's own).</param>
    /// <param name="meaning">The encoder and pair model used to merge suggestions by meaning, or null for word overlap only.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static IReadOnlyList<Hypothesis> Suggest(Corpus corpus, int firstNumber = 1, IAchMeaning? meaning = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var found = new List<(string Text, Span Span, int Strength)>();
        foreach (var doc in corpus.Documents)
        {
            var sentences = doc.Sentences;
            for (var i = 0; i < sentences.Count; i++)
            {
                var text = doc.TextOf(sentences[i]);
                var span = doc.SpanOf(sentences[i].Range);
                if (AskedAlternative().Match(text.Trim()) is { Success: true } asked && AskedInParagraph(doc, i) >= 2)
                {
                    Add(found, Proposition("It was " + asked.Groups["rest"].Value), span, 2);
                    continue;
                }

                if (Alternatives(doc, i) is { } run)
                {
                    foreach (var (altText, altSpan) in run)
                    {
                        Add(found, Proposition("It was " + LowerArticle(altText)), altSpan, 2);
                    }

                    i += run.Count - 1;
                    continue;
                }

                // A hedged judgment ("it is unlikely that it was staged") is evidence about a hypothesis, not a theory.
                if (!IsProse(doc, sentences[i].Range, text) || Hedge().IsMatch(text))
                {
                    continue;
                }

                var explicitTheory = TheoryCue().Match(text);
                if (explicitTheory.Success && Explanatory().IsMatch(text[explicitTheory.Index..]))
                {
                    Add(found, Proposition(text[(explicitTheory.Index + explicitTheory.Length)..]), span, 3);
                    continue;
                }

                if (Explanatory().IsMatch(text) && Evaluative().IsMatch(text) && text.Length is >= 25 and <= 400 && !text.TrimEnd().EndsWith('?'))
                {
                    Add(found, Proposition(text), span, 1);
                }
            }
        }

        // Merge near-duplicates (shared words, or the same explanation family): the sources accumulate.
        var clusters = new List<Cluster>();
        foreach (var (text, span, strength) in found)
        {
            var words = ClaimWords.Of(text);
            if (words.Count == 0)
            {
                continue;
            }

            var family = Family(text);
            var match = clusters.Find(m => Similarity(m.Words, words) >= MergeSimilarity || (family is not null && m.Family == family));
            if (match is null)
            {
                clusters.Add(match = new Cluster(clusters.Count, family));
            }

            match.Add(text, span, words, strength);
        }

        if (meaning is not null && clusters.Count > 1)
        {
            clusters = MergeByMeaning(clusters, meaning, cancellationToken);
        }

        return [.. clusters
            .OrderByDescending(m => m.Spans.Count + m.Strength)
            .ThenBy(m => m.First)
            .Take(MaxSuggestions)
            .OrderBy(m => m.First)
            .Select((m, n) => new Hypothesis("H" + (firstNumber + n).ToString(CultureInfo.InvariantCulture), m.Text, HypothesisOrigin.Suggested, m.Spans) { Phrasings = m.OtherPhrasings })];
    }

    // Two suggestions are one hypothesis when their vectors are close, or when the pair model says one entails the
    // other (then they are not alternatives). The better supported cluster takes the other in.
    private static List<Cluster> MergeByMeaning(List<Cluster> clusters, IAchMeaning meaning, CancellationToken cancellationToken)
    {
        var ordered = clusters.OrderByDescending(m => m.Spans.Count + m.Strength).ThenBy(m => m.First).Take(4 * MaxSuggestions).ToList();
        var vectors = meaning.Encode([.. ordered.Select(m => m.Text)], cancellationToken);
        var pairs = new List<(int A, int B)>();
        for (var a = 0; a < ordered.Count; a++)
        {
            for (var b = a + 1; b < ordered.Count; b++)
            {
                pairs.Add((a, b));
            }
        }

        var forward = meaning.Judge([.. pairs.Select(p => (ordered[p.A].Text, ordered[p.B].Text))], cancellationToken);
        var backward = meaning.Judge([.. pairs.Select(p => (ordered[p.B].Text, ordered[p.A].Text))], cancellationToken);
        var into = Enumerable.Range(0, ordered.Count).ToArray();
        for (var i = 0; i < pairs.Count; i++)
        {
            var (a, b) = pairs[i];
            if (into[b] != b)
            {
                continue;
            }

            if (Vectors.Cosine(vectors[a], vectors[b]) >= MergeCosine || forward[i].Entails >= MergeEntails || backward[i].Entails >= MergeEntails)
            {
                var root = a;
                while (into[root] != root)
                {
                    root = into[root];
                }

                into[b] = root;
                ordered[root].Absorb(ordered[b]);
            }
        }

        return [.. ordered.Where((_, i) => into[i] == i)];
    }

    /// <summary>The explanation family a suggestion argues (gamble, staged, trap, incompetence…), or null.</summary>
    internal static string? Family(string text) =>
        Explanatory().Matches(text).Select(m => FamilyOf(m.Value.ToLowerInvariant())).FirstOrDefault(f => f is not null);

    private static string? FamilyOf(string w) =>
        w switch
        {
            _ when w.StartsWith("gambl", StringComparison.Ordinal) || w.StartsWith("defect", StringComparison.Ordinal) || w is "walk in and take power" or "support them" || w.StartsWith("fall", StringComparison.Ordinal) => "gamble",
            _ when w.StartsWith("incompeten", StringComparison.Ordinal) => "incompetence",
            _ when w is "trap" || w.StartsWith("ferret", StringComparison.Ordinal) => "trap",
            _ when w is "staged" or "stage-managed" or "kabuki" or "performance" or "theater" or "theatre" || w.StartsWith("choreograph", StringComparison.Ordinal) => "staged",
            _ => null,
        };

    // Suggestions judged to be one hypothesis: every phrasing and source, the best phrasing as its text.
    private sealed class Cluster(int first, string? family)
    {
        private readonly List<(string Text, int Strength)> _phrasings = [];

        public int First { get; } = first;

        public string? Family { get; } = family;

        public List<Span> Spans { get; } = [];

        public List<string> Words { get; } = [];

        public int Strength { get; private set; }

        // The strongest cue wins (an explicit theory over an opinion line); then the phrasing nearest 12 words, then the first.
        public string Text => _phrasings
            .Select((p, i) => (p, i))
            .OrderByDescending(x => x.p.Strength)
            .ThenBy(x => Math.Abs(x.p.Text.Split(' ').Length - 12))
            .ThenBy(x => x.i)
            .First().p.Text;

        // Up to three other phrasings, strongest first.
        public List<string> OtherPhrasings => [.. _phrasings.OrderByDescending(p => p.Strength).Select(p => p.Text).Where(t => t != Text).Distinct(StringComparer.OrdinalIgnoreCase).Take(3)];

        public void Add(string text, Span span, List<string> words, int strength)
        {
            _phrasings.Add((text, strength));
            if (!Spans.Contains(span))
            {
                Spans.Add(span);
            }

            Words.AddRange(words.Where(w => !Words.Contains(w)));
            Strength = Math.Max(Strength, strength);
        }

        public void Absorb(Cluster other)
        {
            _phrasings.AddRange(other._phrasings);
            Spans.AddRange(other.Spans.Where(s => !Spans.Contains(s)));
            Words.AddRange(other.Words.Where(w => !Words.Contains(w)));
            Strength = Math.Max(Strength, other.Strength);
        }
    }

    // "Was it a coup? No. … Was it a piece of theatre? Yes.": questions of this form, two or more in one paragraph, are
    // the alternatives the author weighs, even with answers between them.
    private static int AskedInParagraph(AnalyzedDocument doc, int index)
    {
        var text = doc.Text;
        var start = doc.Sentences[index].Range.Start;
        var from = text.LastIndexOf("\n\n", Math.Max(0, start - 1), StringComparison.Ordinal);
        var to = text.IndexOf("\n\n", start, StringComparison.Ordinal);
        from = from < 0 ? 0 : from;
        to = to < 0 ? text.Length : to;
        return doc.Sentences.Count(s => s.Range.Start >= from && s.Range.End <= to && AskedAlternative().IsMatch(doc.TextOf(s).Trim()));
    }

    private static void Add(List<(string Text, Span Span, int Strength)> found, string? text, Span span, int strength)
    {
        if (text is not null)
        {
            found.Add((text, span, strength));
        }
    }

    /// <summary>
    /// Turns a sentence or fragment into a clean proposition, or null when it cannot be one: discourse openers and
    /// first-person frames are cut, then a trailing clause that starts a new thought; what is left must be a
    /// statement of 4 to 35 words with no URL, handle or byline and no question mark.
    /// </summary>
    internal static string? Proposition(string text)
    {
        var t = Sitrep.Text.WhiteSpace.OneLine(text).Replace("*", string.Empty, StringComparison.Ordinal).Trim().Trim('"', '“', '”', '\'', '‘', '’', '•', '-', ' ');
        t = Hedge().Replace(t, string.Empty).Replace("  ", " ", StringComparison.Ordinal);
        if (Url().IsMatch(t) || Byline().IsMatch(t))
        {
            return null;
        }

        if (NotThisButThat().Match(t) is { Success: true } instead)
        {
            t = "It was " + instead.Groups["rest"].Value;
        }

        string before;
        do
        {
            before = t;
            t = Opener().Replace(t, string.Empty, 1).TrimStart(',', ' ');
        }
        while (t != before);

        var cut = NewThought().Match(t);
        if (cut.Success && cut.Index > 20)
        {
            t = t[..cut.Index];
        }

        t = t.Trim().TrimEnd('.', '!', ',', ';', ':', ' ').Trim('"', '“', '”', ' ');
        if (t.EndsWith('?') || t.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }

        var words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words is < 4 or > 35 || (words < 6 && !Finite().IsMatch(t)))
        {
            return null;
        }

        return char.ToUpperInvariant(t[0]) + t[1..];
    }

    // A heading (no closing punctuation, alone on its line, or a Markdown heading) or a forum one-liner (a post whose
    // whole body is one short line) is not a place where a hypothesis is argued.
    private static bool IsProse(AnalyzedDocument doc, TextRange range, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('#'))
        {
            return false;
        }

        var source = doc.Text;
        var lineStart = range.Start == 0 || source.LastIndexOf('\n', Math.Max(0, range.Start - 1)) is var nl && source[(nl + 1)..range.Start].Trim().Length == 0;
        var lineEnd = source.IndexOf('\n', Math.Min(range.End, source.Length - 1)) is var next && (next < 0 ? source[range.End..] : source[range.End..next]).Trim().Length == 0;
        if (lineStart && lineEnd && !".!?\"”)".Contains(trimmed[^1], StringComparison.Ordinal))
        {
            return false;
        }

        if (doc.Document.PostAt(range.Start) is { } post)
        {
            var bodyStart = post.Header is { } header ? Math.Max(header.End, post.Range.Start) : post.Range.Start;
            var body = source[bodyStart..Math.Max(bodyStart, post.Range.End)];
            if (body.Trim().Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Trim().Length > 0) <= 1 && body.Trim().Length <= 100)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Cosine of two word sets (unweighted).</summary>
    internal static double Similarity(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return shared / Math.Sqrt(a.Count * (double)b.Count);
    }

    // A run of two or more questions in one paragraph, each a noun phrase or "Was it …": rhetorical alternatives.
    private static List<(string Text, Span Span)>? Alternatives(AnalyzedDocument doc, int first)
    {
        var run = new List<(string, Span)>();
        for (var i = first; i < doc.Sentences.Count; i++)
        {
            var text = doc.TextOf(doc.Sentences[i]).Trim();
            if (!text.EndsWith('?') || !AlternativeStart().IsMatch(text) || text.Length < 15)
            {
                break;
            }

            if (run.Count > 0 && doc.Text.AsSpan(doc.Sentences[i - 1].Range.End, doc.Sentences[i].Range.Start - doc.Sentences[i - 1].Range.End).Contains("\n\n", StringComparison.Ordinal))
            {
                break;
            }

            run.Add((Clean(AlternativeStart().Replace(text, m => m.Groups["lead"].Success ? string.Empty : m.Value, 1)), doc.SpanOf(doc.Sentences[i].Range)));
        }

        return run.Count >= 2 ? run : null;
    }

    private static string LowerArticle(string text) =>
        ArticleStart().IsMatch(text) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    [GeneratedRegex(@"^(A|An|The|Some|Just|Another|Two|Throwing|Staged|Choreographed)\b", RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex ArticleStart();

    private static string Clean(string text)
    {
        var t = text.Trim().TrimEnd('?', '.', '!', ' ').Trim('"', '“', '”', ' ');
        t = Sitrep.Text.WhiteSpace.OneLine(t);
        return t.Length > 0 ? char.ToUpperInvariant(t[0]) + t[1..] : t;
    }

    [GeneratedRegex(@"https?://|www\.|\b[\w-]+\.(com|org|net|ru|io)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex Url();

    [GeneratedRegex(@"^(by|posted by|reporting by|written by|edited by)\s+\p{Lu}|(^|\s)@\w+|^\W*\p{Lu}[\p{L}.-]+(\s\p{Lu}[\p{L}.-]+){0,3}\s*[|·,]\s*(staff|reporter|correspondent|editor)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex Byline();

    [GeneratedRegex(@"^(so|well|and|but|now|honestly|frankly|basically|look|imo|imho|i think|i'd argue|i would argue|i find|i believe|i suspect|my guess is|my read|my take|my theory|to me|in my view|perhaps|maybe|that|(we|they|analysts?) (assess|judge|believe|think)( it)?)\b(\s+(is\s+)?that\b)?[,:]?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex Opener();

    [GeneratedRegex(@"^(was|is)\s+it\s+(?<rest>(a|an|the|just|really|some|simply)\b[^?]{3,})\?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex AskedAlternative();

    // "It wasn't a show between factions, it was a trap" argues the second half.
    [GeneratedRegex(@"^(?:that|it|this)?\s*(?:wasn['’]t|isn['’]t|was not|is not)\s+[^,;]+[,;]\s*(?:it\s+(?:was|is)|it['’]s)\s+(?<rest>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex NotThisButThat();

    // A short statement must have a finite verb to be a proposition ("Staged, start to finish" is not one).
    [GeneratedRegex(@"\b(is|was|were|are|has|had|did|does|would|could|will|wanted|tried|gambled|failed)\b|['’]s\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex Finite();

    [GeneratedRegex(@"\b(very |highly )?(likely|unlikely|probably|almost certainly|certainly)\b\s?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex Hedge();

    [GeneratedRegex(@",\s+(?=\p{Lu}\p{Ll})|;|\s[—–-]\s|\.\s+(?=\p{Lu})|,?\s+and\s+(that|it)\s+(didn['’]t|did not|never|failed)\b", RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex NewThought();

    [GeneratedRegex(@"\b(one possibility is( that)?|another possibility is( that)?|my theory is( that)?|the theory is( that)?|the (real )?explanation is( that)?|explained that|explains that|the gamble was( that)?|gambled that|the clue is( that)?|suspicion (is )?that|it is (his|her|their) suspicion that|thinks otherwise[^.]*that)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex TheoryCue();

    [GeneratedRegex(@"\b(gambl\w*|defect\w*|incompeten\w*|choreograph\w*|staged|stage-managed|kabuki|theat(er|re)|performance|trap|ferret\w*|false flag|conspiracy|plot|set[- ]up|walk in and take power|fall(ing)? in behind|support them|allowed to happen|faction\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex Explanatory();

    [GeneratedRegex(@"\b(air of|seems?|looks? like|I think|I'd argue|I find|makes more sense|if you (just )?(assume|factor)|was (a|an|just|really|precisely)|is (a|an|just|really|precisely)|['’]s (a|an|just|really)|must have|could be|would be)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex Evaluative();

    [GeneratedRegex(@"^(?<lead>(was it|is it|or was it|or)\s+)?(a|an|the|was|is|throwing|just|or|some|another|two)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternBudget.Milliseconds)]
    private static partial Regex AlternativeStart();
}
