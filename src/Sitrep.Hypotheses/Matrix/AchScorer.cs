using System.Globalization;
using Sitrep.Corroboration.Grading;
using Sitrep.Documents;

namespace Sitrep.Hypotheses.Matrix;

/// <summary>
/// Scores an ACH matrix two ways. <b>Heuer</b>: the weighted inconsistency score (only inconsistent evidence counts
/// against a hypothesis; the least inconsistent hypothesis ranks first). <b>Bayesian</b>: each rating is a likelihood
/// ratio, tempered by the evidence's weight (credibility × source reliability), combined from a uniform prior into
/// posteriors. Also: the diagnosticity of each row (how differently it bears on the hypotheses) and sensitivity — the
/// linchpin rows whose removal or reversal changes which hypothesis ranks first.
/// </summary>
public static class AchScorer
{
    /// <summary>Scores the matrix.</summary>
    public static AchScores Score(AchMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var baseline = Compute(matrix, matrix.Evidence, null);
        var diagnosticity = matrix.Evidence.ToDictionary(
            e => e.Id,
            e =>
            {
                var logs = matrix.Hypotheses.Select(h => Weight(e) * Math.Log(LikelihoodRatio(matrix.CellAt(e.Id, h.Id).Rating))).ToList();
                return logs.Count == 0 ? 0 : Math.Round(logs.Max() - logs.Min(), 4);
            },
            StringComparer.Ordinal);

        var linchpins = new List<Linchpin>();
        if (matrix.Hypotheses.Count > 1)
        {
            foreach (var row in matrix.Evidence)
            {
                var removed = Compute(matrix, [.. matrix.Evidence.Where(e => e.Id != row.Id)], null);
                var reversed = Compute(matrix, matrix.Evidence, row.Id);
                Add(linchpins, row.Id, "heuer", "removal", baseline.HeuerRanking[0], removed.HeuerRanking[0]);
                Add(linchpins, row.Id, "heuer", "reversal", baseline.HeuerRanking[0], reversed.HeuerRanking[0]);
                Add(linchpins, row.Id, "bayes", "removal", baseline.BayesRanking[0], removed.BayesRanking[0]);
                Add(linchpins, row.Id, "bayes", "reversal", baseline.BayesRanking[0], reversed.BayesRanking[0]);
            }
        }

        return baseline with { Diagnosticity = diagnosticity, Linchpins = linchpins, Discrimination = Discrimination(matrix, diagnosticity) };
    }

    /// <summary>
    /// Says in words whether the evidence discriminates: "No evidence discriminates …" when no row is rated or every
    /// rated row bears on all hypotheses alike, else how many rows do and which weighs most.
    /// </summary>
    public static string Discrimination(AchMatrix matrix, IReadOnlyDictionary<string, double> diagnosticity)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(diagnosticity);
        var candidates = matrix.Candidates.Count == 0 ? string.Empty : $" {matrix.Candidates.Count} unrated candidates are listed for the analyst to rate.";
        if (matrix.Hypotheses.Count < 2)
        {
            return "Fewer than two hypotheses: there is nothing to discriminate between." + candidates;
        }

        if (matrix.Evidence.Count == 0)
        {
            return "No evidence discriminates between the hypotheses: no piece of evidence was found to speak to any of them." + candidates;
        }

        var diagnostic = diagnosticity.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        if (diagnostic.Count == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"No evidence discriminates between the hypotheses: the {matrix.Evidence.Count} rated rows bear on them all alike.") + candidates;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{diagnostic.Count} of {matrix.Evidence.Count} rated rows discriminate between the hypotheses; the most diagnostic is {diagnostic[0].Key}.") + candidates;
    }

    /// <summary>The weight of an evidence row: Admiralty credibility times the mean reliability of its sources.</summary>
    public static double Weight(Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var credibility = evidence.Credibility switch
        {
            1 => 1.0,
            2 => 0.85,
            3 => 0.6,
            4 => 0.4,
            5 => 0.25,
            _ => 0.15,
        };
        var reliability = evidence.Reliabilities.Count == 0
            ? SourceGrading.Weight(null)
            : evidence.Reliabilities.Average(r => SourceGrading.Weight(Enum.TryParse<Reliability>(r, out var g) ? g : null));
        return credibility * reliability;
    }

    /// <summary>The likelihood ratio a rating stands for.</summary>
    public static double LikelihoodRatio(Rating rating) => rating switch
    {
        Rating.VeryConsistent => 3.0,
        Rating.Consistent => 1.5,
        Rating.Inconsistent => 1 / 1.5,
        Rating.VeryInconsistent => 1 / 3.0,
        _ => 1.0,
    };

    /// <summary>ICD 203 wording for a probability.</summary>
    public static string Estimative(double p) => p switch
    {
        < 0.05 => "almost no chance",
        < 0.20 => "very unlikely",
        < 0.45 => "unlikely",
        < 0.55 => "roughly even chance",
        < 0.80 => "likely",
        < 0.95 => "very likely",
        _ => "almost certain",
    };

    private static void Add(List<Linchpin> linchpins, string evidence, string method, string change, string before, string after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            linchpins.Add(new Linchpin(evidence, method, change, before, after));
        }
    }

    private static Rating Reverse(Rating rating) => rating switch
    {
        Rating.VeryConsistent => Rating.VeryInconsistent,
        Rating.Consistent => Rating.Inconsistent,
        Rating.Inconsistent => Rating.Consistent,
        Rating.VeryInconsistent => Rating.VeryConsistent,
        _ => rating,
    };

    private static AchScores Compute(AchMatrix matrix, IReadOnlyList<Evidence> rows, string? reversedRow)
    {
        var inconsistency = new Dictionary<string, double>(StringComparer.Ordinal);
        var logPosterior = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var h in matrix.Hypotheses)
        {
            double score = 0, log = 0;
            foreach (var e in rows)
            {
                var rating = matrix.CellAt(e.Id, h.Id).Rating;
                if (e.Id == reversedRow)
                {
                    rating = Reverse(rating);
                }

                var w = Weight(e);
                score += w * rating switch
                {
                    Rating.Inconsistent => 1.0,
                    Rating.VeryInconsistent => 2.0,
                    _ => 0.0,
                };
                log += w * Math.Log(LikelihoodRatio(rating));
            }

            inconsistency[h.Id] = Math.Round(score, 4);
            logPosterior[h.Id] = log;
        }

        var max = logPosterior.Count == 0 ? 0 : logPosterior.Values.Max();
        var sum = logPosterior.Values.Sum(l => Math.Exp(l - max));
        var posterior = logPosterior.ToDictionary(kv => kv.Key, kv => Math.Round(Math.Exp(kv.Value - max) / sum, 4), StringComparer.Ordinal);
        var order = matrix.Hypotheses.Select((h, i) => (h.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var heuer = matrix.Hypotheses.Select(h => h.Id)
            .OrderBy(id => inconsistency[id]).ThenByDescending(id => posterior[id]).ThenBy(id => order[id]).ToList();
        var bayes = matrix.Hypotheses.Select(h => h.Id)
            .OrderByDescending(id => posterior[id]).ThenBy(id => inconsistency[id]).ThenBy(id => order[id]).ToList();
        return new AchScores(inconsistency, posterior, heuer, bayes, new Dictionary<string, double>(), []);
    }
}

/// <summary>The scores of a matrix.</summary>
/// <param name="Inconsistency">Heuer's weighted inconsistency per hypothesis (lower is better).</param>
/// <param name="Posterior">Bayesian posterior per hypothesis (sums to 1).</param>
/// <param name="HeuerRanking">Hypothesis ids, best first, by inconsistency.</param>
/// <param name="BayesRanking">Hypothesis ids, best first, by posterior.</param>
/// <param name="Diagnosticity">Per evidence row: the spread of its weighted log likelihood ratios across hypotheses.</param>
/// <param name="Linchpins">Rows whose removal or reversal changes the top hypothesis.</param>
public sealed record AchScores(
    IReadOnlyDictionary<string, double> Inconsistency,
    IReadOnlyDictionary<string, double> Posterior,
    IReadOnlyList<string> HeuerRanking,
    IReadOnlyList<string> BayesRanking,
    IReadOnlyDictionary<string, double> Diagnosticity,
    IReadOnlyList<Linchpin> Linchpins)
{
    /// <summary>Whether the evidence discriminates between the hypotheses, in a plain sentence.</summary>
    public string Discrimination { get; init; } = string.Empty;

    /// <summary>True when at least one rated row bears differently on two hypotheses.</summary>
    public bool Discriminates => Diagnosticity.Values.Any(d => d > 0);

    /// <summary>The most diagnostic evidence row, or null.</summary>
    public string? MostDiagnostic => Diagnosticity.Count == 0 || Diagnosticity.Values.Max() <= 0
        ? null
        : Diagnosticity.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
}

/// <summary>A row the conclusion hangs on.</summary>
/// <param name="Evidence">Evidence id.</param>
/// <param name="Method"><c>heuer</c> or <c>bayes</c>.</param>
/// <param name="Change"><c>removal</c> or <c>reversal</c>.</param>
/// <param name="Before">Top hypothesis with the row as rated.</param>
/// <param name="After">Top hypothesis after the change.</param>
public sealed record Linchpin(string Evidence, string Method, string Change, string Before, string After);
