using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Corroboration.Propositions;
using Sitrep.Documents;
using Sitrep.Hypotheses.Matrix;
using Sitrep.Pipeline;

namespace Sitrep.Hypotheses.Suggestion;

/// <summary>
/// Suggests hypotheses from the sources themselves: explicit theories ("One possibility is that …", "my theory is …",
/// "he explained that it was …", "the gamble was …"), enumerated rhetorical alternatives (a run of questions such as
/// "A genuine battle …? A performance …?"), and explanations argued in threads and opinion ("an air of incompetence").
/// Near-duplicates are merged; every suggestion cites the spans it came from.
/// </summary>
public static partial class HypothesisSuggester
{
    private const int MaxSuggestions = 10;
    private const double MergeSimilarity = 0.34;

    /// <summary>Suggests hypotheses, best supported first, numbered from <paramref name="firstNumber"/>.</summary>
    public static IReadOnlyList<Hypothesis> Suggest(Corpus corpus, int firstNumber = 1)
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
                if (Alternatives(doc, i) is { } run)
                {
                    foreach (var (altText, altSpan) in run)
                    {
                        found.Add((altText, altSpan, 2));
                    }

                    i += run.Count - 1;
                    continue;
                }

                var explicitTheory = TheoryCue().Match(text);
                if (explicitTheory.Success && Explanatory().IsMatch(text[explicitTheory.Index..]))
                {
                    found.Add((Clean(text[(explicitTheory.Index + explicitTheory.Length)..]), span, 3));
                    continue;
                }

                if (Explanatory().IsMatch(text) && Evaluative().IsMatch(text) && text.Length is >= 25 and <= 400)
                {
                    found.Add((Clean(text), span, 1));
                }
            }
        }

        // Merge near-duplicates: the first phrasing stays, the sources accumulate.
        var merged = new List<(string Text, List<Span> Spans, List<string> Words, int Strength)>();
        foreach (var (text, span, strength) in found)
        {
            var words = ClaimWords.Of(text);
            if (words.Count == 0)
            {
                continue;
            }

            var match = merged.FindIndex(m => Similarity(m.Words, words) >= MergeSimilarity);
            if (match >= 0)
            {
                var m = merged[match];
                if (!m.Spans.Contains(span))
                {
                    m.Spans.Add(span);
                }

                merged[match] = (m.Text, m.Spans, [.. m.Words.Union(words)], Math.Max(m.Strength, strength));
            }
            else
            {
                merged.Add((text, [span], words, strength));
            }
        }

        return [.. merged
            .Select((m, index) => (m, index))
            .OrderByDescending(x => x.m.Spans.Count + x.m.Strength)
            .ThenBy(x => x.index)
            .Take(MaxSuggestions)
            .OrderBy(x => x.index)
            .Select((x, n) => new Hypothesis("H" + (firstNumber + n).ToString(CultureInfo.InvariantCulture), x.m.Text, HypothesisOrigin.Suggested, x.m.Spans))];
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

    private static string Clean(string text)
    {
        var t = text.Trim().TrimEnd('?', '.', '!', ' ').Trim('"', '“', '”', ' ');
        t = Sitrep.Text.WhiteSpace.OneLine(t);
        return t.Length > 0 ? char.ToUpperInvariant(t[0]) + t[1..] : t;
    }

    [GeneratedRegex(@"\b(one possibility is( that)?|another possibility is( that)?|my theory is( that)?|the theory is( that)?|the (real )?explanation is( that)?|explained that|explains that|the gamble was( that)?|gambled that|the clue is( that)?|suspicion (is )?that|it is (his|her|their) suspicion that|thinks otherwise[^.]*that)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TheoryCue();

    [GeneratedRegex(@"\b(gambl\w*|defect\w*|incompeten\w*|choreograph\w*|staged|stage-managed|kabuki|theat(er|re)|performance|trap|ferret\w*|false flag|conspiracy|plot|set[- ]up|walk in and take power|fall(ing)? in behind|support them|allowed to happen|faction\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Explanatory();

    [GeneratedRegex(@"\b(air of|seems?|looks? like|I think|I'd argue|I find|makes more sense|if you (just )?(assume|factor)|was (a|an|just|really|precisely)|is (a|an|just|really|precisely)|['’]s (a|an|just|really)|likely|probably|must have|could be|would be)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Evaluative();

    [GeneratedRegex(@"^(?<lead>(was it|is it|or was it|or)\s+)?(a|an|the|was|is|throwing|just|or|some|another|two)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AlternativeStart();
}
