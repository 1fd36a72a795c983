using Sitrep.Brief.Model;
using Sitrep.Hypotheses;
using Sitrep.Hypotheses.Matrix;
using Sitrep.Pipeline;

namespace Sitrep.Brief.Building;

/// <summary>Maps the ACH layer into the brief's hypotheses[] and its ACH summary.</summary>
public static class HypothesisSection
{
    /// <summary>The brief's hypotheses from the corpus's ACH layer.</summary>
    public static List<BriefHypothesis> Hypotheses(Corpus corpus)
    {
        var layer = corpus.Layers.Find<AchLayer>();
        return layer is null ? [] : Map(layer.Matrix, layer.Scores);
    }

    /// <summary>The brief's ACH summary from the corpus's ACH layer.</summary>
    public static BriefAch? Ach(Corpus corpus)
    {
        var layer = corpus.Layers.Find<AchLayer>();
        return layer is null ? null : MapAch(layer.Matrix, layer.Scores);
    }

    /// <summary>The brief's hypotheses with their scores and every rating.</summary>
    public static List<BriefHypothesis> Map(AchMatrix matrix, AchScores scores) =>
        [.. matrix.Hypotheses.Select(h => new BriefHypothesis(
            h.Id,
            h.Text,
            h.Origin == HypothesisOrigin.User ? "user" : "suggested",
            [.. h.Sources.Select(BriefBuilder.ToBrief)],
            new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["heuerInconsistency"] = scores.Inconsistency[h.Id],
                ["bayesPosterior"] = scores.Posterior[h.Id],
                ["heuerRank"] = scores.HeuerRanking.ToList().IndexOf(h.Id) + 1,
                ["bayesRank"] = scores.BayesRanking.ToList().IndexOf(h.Id) + 1,
            },
            [.. matrix.Evidence.Select(e => matrix.CellAt(e.Id, h.Id)).Zip(matrix.Evidence, (c, e) => new BriefRating(e.Id, RatingCodes.Code(c.Rating), c.Overridden ? "analyst: " + c.Reason : c.Reason))])
        {
            Estimative = AchScorer.Estimative(scores.Posterior[h.Id]),
        })];

    /// <summary>The matrix rows, ranking, diagnosticity, linchpins and flags.</summary>
    public static BriefAch MapAch(AchMatrix matrix, AchScores scores) => new(
        [.. matrix.Evidence.Select(e => new BriefEvidence(
            e.Id,
            e.Label,
            e.Credibility,
            e.Status,
            [.. e.Reliabilities],
            e.EventTime,
            e.ReportTime,
            [.. e.Cites.Select(BriefBuilder.ToBrief)],
            System.Math.Round(AchScorer.Weight(e), 3),
            scores.Diagnosticity.GetValueOrDefault(e.Id),
            [.. e.Flags]))],
        [.. scores.HeuerRanking],
        [.. scores.BayesRanking],
        scores.MostDiagnostic,
        [.. scores.Linchpins.Select(l => new BriefLinchpin(l.Evidence, l.Method, l.Change, l.Before, l.After))])
    {
        Discrimination = scores.Discrimination,
        Candidates = [.. matrix.Candidates.Select(c => new BriefCandidate(c.Evidence.Id, c.Evidence.Label, c.Hypothesis, c.Reason, [.. c.Evidence.Cites.Take(3).Select(BriefBuilder.ToBrief)]))],
    };
}
