using System.Globalization;
using Sitrep.Hypotheses.Suggestion;

namespace Sitrep.Hypotheses.Matrix;

/// <summary>
/// Suggests a rating for every cell, with a one-line reason. Relevance is the overlap of content words between the
/// hypothesis and the evidence. Evidence that closely states a hypothesis is consistent with it (very consistent when
/// corroborated); because ACH hypotheses are meant to be mutually exclusive, evidence that closely states one
/// hypothesis and has nothing to do with another counts against the other; evidence whose denials match a hypothesis
/// is inconsistent with it. Analysts override any cell in a ratings file.
/// </summary>
public static class AutoRater
{
    private const double Relevant = 0.15;
    private const double Strong = 0.3;

    /// <summary>Rates every cell.</summary>
    public static Dictionary<(string Evidence, string Hypothesis), Cell> Rate(IReadOnlyList<Hypothesis> hypotheses, IReadOnlyList<Evidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(hypotheses);
        ArgumentNullException.ThrowIfNull(evidence);
        var hypothesisWords = hypotheses.ToDictionary(h => h.Id, h => (IReadOnlyList<string>)Corroboration.Propositions.ClaimWords.Of(h.Text), StringComparer.Ordinal);
        var cells = new Dictionary<(string, string), Cell>();
        foreach (var e in evidence)
        {
            var similarity = hypotheses.ToDictionary(h => h.Id, h => HypothesisSuggester.Similarity(hypothesisWords[h.Id], e.Words), StringComparer.Ordinal);
            var denial = hypotheses.ToDictionary(h => h.Id, h => HypothesisSuggester.Similarity(hypothesisWords[h.Id], e.Denied), StringComparer.Ordinal);
            var strongest = hypotheses.OrderByDescending(h => similarity[h.Id]).FirstOrDefault();
            foreach (var h in hypotheses)
            {
                cells[(e.Id, h.Id)] = RateCell(e, h, similarity[h.Id], denial[h.Id], strongest, strongest is null ? 0 : similarity[strongest.Id], hypothesisWords[h.Id]);
            }
        }

        return cells;
    }

    private static Cell RateCell(Evidence e, Hypothesis h, double similarity, double denial, Hypothesis? strongest, double strongestSimilarity, IReadOnlyList<string> words)
    {
        var shared = string.Join(", ", words.Where(w => e.Words.Contains(w)).Take(4));
        if (denial >= Strong && denial > similarity)
        {
            return new Cell(Rating.Inconsistent, $"sources deny what it shares with the hypothesis ({Shared(words, e.Denied)})");
        }

        if (similarity >= Strong)
        {
            return e.Status == "corroborated" && e.Credibility <= 2
                ? new Cell(Rating.VeryConsistent, $"corroborated evidence states it ({shared})")
                : new Cell(Rating.Consistent, string.Create(CultureInfo.InvariantCulture, $"evidence states it ({shared}); {e.Status}"));
        }

        if (similarity >= Relevant)
        {
            return e.Status == "contested"
                ? new Cell(Rating.Neutral, $"contested evidence touches it ({shared})")
                : new Cell(Rating.Consistent, $"evidence bears on it ({shared})");
        }

        if (strongest is not null && strongest.Id != h.Id && strongestSimilarity >= Strong)
        {
            return new Cell(Rating.Inconsistent, $"evidence states the competing hypothesis {strongest.Id} instead");
        }

        return new Cell(Rating.NotApplicable, "no shared terms");
    }

    private static string Shared(IReadOnlyList<string> a, IReadOnlyList<string> b) => string.Join(", ", a.Where(b.Contains).Take(4));

    /// <summary>The short code of a rating: CC, C, N, I, II or NA.</summary>
    public static string Code(Rating rating) => rating switch
    {
        Rating.VeryConsistent => "CC",
        Rating.Consistent => "C",
        Rating.Neutral => "N",
        Rating.Inconsistent => "I",
        Rating.VeryInconsistent => "II",
        _ => "NA",
    };

    /// <summary>Parses a rating code (case-insensitive); null when unknown.</summary>
    public static Rating? Parse(string code) => code?.Trim().ToUpperInvariant() switch
    {
        "CC" => Rating.VeryConsistent,
        "C" => Rating.Consistent,
        "N" => Rating.Neutral,
        "I" => Rating.Inconsistent,
        "II" => Rating.VeryInconsistent,
        "NA" or "N/A" or "-" => Rating.NotApplicable,
        _ => null,
    };
}
