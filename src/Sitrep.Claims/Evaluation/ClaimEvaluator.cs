using System.Globalization;
using System.Text.Json;
using Sitrep.Claims.Modality;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Claims.Evaluation;

/// <summary>Precision, recall and F1 of one attribute.</summary>
/// <param name="Name">Attribute.</param>
/// <param name="Precision">Precision.</param>
/// <param name="Recall">Recall.</param>
/// <param name="Correct">True positives (for <c>kind</c>, the number of items whose kind is right).</param>
/// <param name="Predicted">Predicted detections.</param>
/// <param name="Gold">Gold detections.</param>
/// <param name="AveragedF1">For a macro-averaged attribute, the mean of its per-class F1s; null otherwise.</param>
public sealed record AttributeScore(string Name, double Precision, double Recall, int Correct, int Predicted, int Gold, double? AveragedF1 = null)
{
    /// <summary>Harmonic mean of precision and recall, or the macro average of per-class F1s.</summary>
    public double F1 => AveragedF1 ?? (Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall));

    /// <summary>False when neither the gold nor the prediction has anything to find (a small subset): the attribute is then left out of the macro average.</summary>
    public bool Applicable => Gold > 0 || Predicted > 0;
}

/// <summary>What the evaluation of a gold set found.</summary>
/// <param name="Items">Items scored.</param>
/// <param name="Scores">One score per attribute, in report order.</param>
/// <param name="Errors">One line per disagreement (for tuning on the development file only).</param>
public sealed record ClaimEvaluation(int Items, IReadOnlyList<AttributeScore> Scores, IReadOnlyList<string> Errors)
{
    /// <summary>Mean F1 of the applicable attributes.</summary>
    public double MacroF1 => Scores.Any(s => s.Applicable) ? Scores.Where(s => s.Applicable).Average(s => s.F1) : 0;
}

/// <summary>
/// Scores the claim rules against gold sentences (scoring rules in tests/gold/claims/README.md). Each item is analysed
/// as a small document of its own: the context before, the sentence, the context after, as separate paragraphs.
/// </summary>
public static class ClaimEvaluator
{
    private static readonly string[] Kinds = ["event", "judgment", "quote", "opinion", "speculation", "question"];

    /// <summary>Evaluates the items.</summary>
    public static ClaimEvaluation Evaluate(IEnumerable<ClaimGoldItem> items, ClaimOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var analyzer = new ClaimAnalyzer(options);
        var sentenceStage = new SentenceStage();
        var t = new Tallies();
        var errors = new List<string>();
        var count = 0;
        foreach (var item in items)
        {
            count++;
            var prefix = item.Before is null ? string.Empty : item.Before + "\n\n";
            var text = prefix + item.Text + (item.After is null ? string.Empty : "\n\n" + item.After);
            var kind = item.Ctx == "thread" ? DocumentKind.Thread : DocumentKind.Article;
            var analyzed = new AnalyzedDocument(Document.Create(text, item.Id).WithKind(kind).Build());
            sentenceStage.Process(analyzed, CancellationToken.None);
            var target = new TextRange(prefix.Length, prefix.Length + item.Text.Length);
            var claims = analyzer.Analyze(analyzed)
                .Where(c => c.DerivedFrom is null && target.Contains(c.Span.Start))
                .OrderBy(c => c.Span.Start)
                .ToList();
            Score(item, claims, t, errors);
        }

        var scores = new List<AttributeScore>
        {
            Score("claims", t.ClaimsTp, t.ClaimsPred, t.ClaimsGold),
            Score("holder", t.HolderTp, t.HolderPred, t.HolderGold),
            Score("polarity", t.PolarityTp, t.PolarityPred, t.PolarityGold),
            Score("modality", t.BandTp, t.BandPred, t.BandGold),
            Score("hearsay", t.HearsayTp, t.HearsayPred, t.HearsayGold),
            KindScore(t),
            Score("quantities", t.QuantityTp, t.QuantityPred, t.QuantityGold),
        };
        return new ClaimEvaluation(count, scores, errors);
    }

    private static void Score(ClaimGoldItem item, List<Claim> claims, Tallies t, List<string> errors)
    {
        t.ClaimsTp += Math.Min(item.N, claims.Count);
        t.ClaimsPred += claims.Count;
        t.ClaimsGold += item.N;
        if (item.N != claims.Count)
        {
            errors.Add($"{item.Id} claims gold={item.N} pred={claims.Count}");
        }

        var goldQuantities = item.Quantities.Select(ParseQuantity).ToList();
        var predictedQuantities = claims.SelectMany(c => c.Quantities).ToList();
        t.QuantityGold += goldQuantities.Count;
        t.QuantityPred += predictedQuantities.Count;
        var unmatched = new List<(double Value, string? Unit, string? Hedge)>(goldQuantities);
        foreach (var q in predictedQuantities)
        {
            var match = unmatched.FindIndex(g => Math.Abs(g.Value - q.Value) <= Math.Abs(g.Value) * 0.005 && string.Equals(g.Unit, q.Unit, StringComparison.OrdinalIgnoreCase));
            if (match >= 0)
            {
                t.QuantityTp++;
                unmatched.RemoveAt(match);
            }
            else
            {
                errors.Add($"{item.Id} quantity extra {q.Value.ToString(CultureInfo.InvariantCulture)} {q.Unit} ({q.Hedge})");
            }
        }

        foreach (var g in unmatched)
        {
            errors.Add($"{item.Id} quantity missed {g.Value.ToString(CultureInfo.InvariantCulture)} {g.Unit}");
        }

        if (item.N == 0 || claims.Count == 0)
        {
            return;
        }

        var first = claims[0];
        var holder = item.Holder ?? "author";
        var goldNonAuthor = !holder.Equals("author", StringComparison.Ordinal);
        var predNonAuthor = first.Attribution.Kind != HolderKind.Author;
        t.HolderGold += goldNonAuthor ? 1 : 0;
        t.HolderPred += predNonAuthor ? 1 : 0;
        if (goldNonAuthor && predNonAuthor && HolderMatches(holder, first.Attribution))
        {
            t.HolderTp++;
        }
        else if (goldNonAuthor || predNonAuthor)
        {
            errors.Add($"{item.Id} holder gold={holder} pred={ClaimNames.Of(first.Attribution.Kind)}:{first.Attribution.Text}");
        }

        var goldNegative = item.Polarity == "-";
        var predNegative = first.Polarity == ClaimPolarity.Negative;
        t.PolarityGold += goldNegative ? 1 : 0;
        t.PolarityPred += predNegative ? 1 : 0;
        t.PolarityTp += goldNegative && predNegative ? 1 : 0;
        if (goldNegative != predNegative)
        {
            errors.Add($"{item.Id} polarity gold={item.Polarity} pred={ClaimNames.Of(first.Polarity)}");
        }

        var predBand = first.Likelihood is { } l ? LikelihoodBands.Name(l.Band) : null;
        t.BandGold += item.Band is null ? 0 : 1;
        t.BandPred += predBand is null ? 0 : 1;
        t.BandTp += item.Band is not null && string.Equals(item.Band, predBand, StringComparison.Ordinal) ? 1 : 0;
        if (!string.Equals(item.Band, predBand, StringComparison.Ordinal))
        {
            errors.Add($"{item.Id} band gold={item.Band ?? "-"} pred={predBand ?? "-"} ({first.Likelihood?.Term})");
        }

        t.HearsayGold += item.Hearsay is null ? 0 : 1;
        t.HearsayPred += first.Hearsay is null ? 0 : 1;
        t.HearsayTp += item.Hearsay is not null && first.Hearsay is not null ? 1 : 0;
        if ((item.Hearsay is null) != (first.Hearsay is null))
        {
            errors.Add($"{item.Id} hearsay gold={item.Hearsay ?? "-"} pred={first.Hearsay?.Term ?? "-"}");
        }

        var predKind = ClaimNames.Of(first.Kind);
        t.KindPairs.Add((item.Kind, predKind));
        if (!string.Equals(item.Kind, predKind, StringComparison.Ordinal))
        {
            errors.Add($"{item.Id} kind gold={item.Kind} pred={predKind}");
        }
    }

    private static bool HolderMatches(string gold, ClaimAttribution predicted)
    {
        var colon = gold.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? gold : gold[..colon];
        var key = colon < 0 ? string.Empty : gold[(colon + 1)..];
        if (!string.Equals(kind, ClaimNames.Of(predicted.Kind), StringComparison.Ordinal))
        {
            return false;
        }

        return key.Length == 0
            || (predicted.Text?.Contains(key, StringComparison.OrdinalIgnoreCase) ?? false)
            || (predicted.Refers?.Contains(key, StringComparison.OrdinalIgnoreCase) ?? false);
    }

    private static (double Value, string? Unit, string? Hedge) ParseQuantity(JsonElement[] q) =>
        (q[0].GetDouble(), q.Length > 1 && q[1].ValueKind == JsonValueKind.String ? q[1].GetString() : null, q.Length > 2 && q[2].ValueKind == JsonValueKind.String ? q[2].GetString() : null);

    private static AttributeScore Score(string name, int tp, int predicted, int gold) =>
        new(name, predicted == 0 ? 0 : tp / (double)predicted, gold == 0 ? 0 : tp / (double)gold, tp, predicted, gold);

    private static AttributeScore KindScore(Tallies t)
    {
        double p = 0, r = 0, f = 0;
        var used = 0;
        foreach (var kind in Kinds)
        {
            var tp = t.KindPairs.Count(x => x.Gold == kind && x.Predicted == kind);
            var pred = t.KindPairs.Count(x => x.Predicted == kind);
            var gold = t.KindPairs.Count(x => x.Gold == kind);
            if (pred == 0 && gold == 0)
            {
                continue;
            }

            used++;
            var pk = pred == 0 ? 0 : tp / (double)pred;
            var rk = gold == 0 ? 0 : tp / (double)gold;
            p += pk;
            r += rk;
            f += pk + rk == 0 ? 0 : 2 * pk * rk / (pk + rk);
        }

        used = Math.Max(1, used);
        var correct = t.KindPairs.Count(x => x.Gold == x.Predicted);
        // The macro F1 over kinds is the mean of per-kind F1s; precision and recall are reported as their means.
        return new AttributeScore("kind", p / used, r / used, correct, t.KindPairs.Count, t.KindPairs.Count, f / used);
    }

    private sealed class Tallies
    {
        public int ClaimsTp, ClaimsPred, ClaimsGold, HolderTp, HolderPred, HolderGold, PolarityTp, PolarityPred, PolarityGold;
        public int BandTp, BandPred, BandGold, HearsayTp, HearsayPred, HearsayGold, QuantityTp, QuantityPred, QuantityGold;
        public List<(string Gold, string Predicted)> KindPairs { get; } = [];
    }
}
