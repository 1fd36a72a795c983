using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Claims;
using Sitrep.Documents;
using Sitrep.Hypotheses.Matrix;
using Sitrep.Hypotheses.Meaning;
using Sitrep.Pipeline;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Hypotheses.Evaluation;

/// <summary>A hand gold for ACH ratings: hypotheses, and evidence sentences with the ratings accepted per hypothesis.</summary>
/// <param name="Hypotheses">The hypotheses every evidence sentence is rated against.</param>
/// <param name="Evidence">Evidence sentences.</param>
public sealed record AchGold(IReadOnlyList<Hypothesis> Hypotheses, IReadOnlyList<AchGoldEvidence> Evidence)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Reads the gold JSON (<c>tests/gold/ach/*.json</c>).</summary>
    public static AchGold Parse(string json)
    {
        var dto = JsonSerializer.Deserialize<GoldDto>(json, Json) ?? throw new JsonException("empty ACH gold");
        return new AchGold(
            [.. dto.Hypotheses.Select(h => new Hypothesis(h.Id, h.Text, HypothesisOrigin.User, []))],
            [.. dto.Evidence.Select(e => new AchGoldEvidence(e.Id, e.Split, e.Text, e.Gold ?? []))]);
    }

    private sealed record GoldDto(List<HypothesisDto> Hypotheses, List<EvidenceDto> Evidence);

    private sealed record HypothesisDto(string Id, string Text);

    private sealed record EvidenceDto(string Id, string Split, string Text, Dictionary<string, string>? Gold);
}

/// <summary>One gold evidence sentence.</summary>
/// <param name="Id">Id.</param>
/// <param name="Split"><c>dev</c> or <c>test</c>.</param>
/// <param name="Text">The sentence.</param>
/// <param name="Gold">Accepted rating codes per hypothesis id, <c>|</c> between alternatives; a missing id means NA.</param>
public sealed record AchGoldEvidence(string Id, string Split, string Text, IReadOnlyDictionary<string, string> Gold)
{
    /// <summary>The rating codes accepted for a hypothesis.</summary>
    public IReadOnlyList<string> Accepted(string hypothesis) =>
        Gold.TryGetValue(hypothesis, out var codes) ? codes.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : ["NA"];
}

/// <summary>The ratings of one gold split: precision of the ratings made, and how many pairs stayed unrated.</summary>
/// <param name="Pairs">Evidence × hypothesis pairs scored.</param>
/// <param name="Rated">Pairs the rater rated.</param>
/// <param name="Correct">Rated pairs whose rating the gold accepts.</param>
/// <param name="Unrated">Pairs left unrated.</param>
/// <param name="GoldRated">Pairs the gold requires a rating for (NA not accepted).</param>
/// <param name="Found">Of those, pairs rated with an accepted rating.</param>
/// <param name="Lines">One line per pair: id, hypothesis, predicted, accepted, verdict, reason.</param>
public sealed record AchGoldScore(int Pairs, int Rated, int Correct, int Unrated, int GoldRated, int Found, IReadOnlyList<string> Lines)
{
    /// <summary>Correct / rated (1 when nothing is rated).</summary>
    public double Precision => Rated == 0 ? 1 : Correct / (double)Rated;

    /// <summary>Found / gold-rated pairs.</summary>
    public double Recall => GoldRated == 0 ? 1 : Found / (double)GoldRated;
}

/// <summary>Scores <see cref="MeaningRater"/> on a gold: each sentence runs through sentences, timexes and claims, its first claim becomes the evidence row.</summary>
public static class AchGoldEvaluator
{
    /// <summary>Scores the evidence of one split (or all when <paramref name="split"/> is null).</summary>
    public static AchGoldScore Score(AchGold gold, IAchMeaning? meaning, string? split = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gold);
        var items = gold.Evidence.Where(e => split is null || e.Split == split).ToList();
        var pipeline = new AnalysisPipelineBuilder().Use(new SentenceStage()).Use(new TimexStage()).Use(new Sitrep.Syntax.SyntaxStage(Sitrep.Syntax.SyntaxOptions.OnDemandDefault)).Use(new ClaimStage()).Build();
        var rows = new List<Evidence>();
        foreach (var item in items)
        {
            var doc = new AnalyzedDocument(Document.Create(item.Text, item.Id + ".txt").Build());
            pipeline.Analyze(doc, cancellationToken);
            var claims = doc.Layers.Find<ClaimLayer>()?.Items ?? [];
            var claim = claims.OrderByDescending(c => c.Span.End - c.Span.Start).FirstOrDefault();
            var frame = claim is null ? new EvidenceFrame(item.Text, null, false, false, null, null, null) : EvidenceFrames.Of(claim, doc.Document.Slice(claim.Span));
            rows.Add(new Evidence(item.Id, item.Text, 2, "corroborated", ["B"], null, null, [], [], []) { Frame = frame });
        }

        var why = new Dictionary<(string, string), string>();
        var (cells, _) = MeaningRater.Rate(gold.Hypotheses, rows, meaning, cancellationToken, why);
        int pairs = 0, rated = 0, correct = 0, unrated = 0, goldRated = 0, found = 0;
        var lines = new List<string>();
        foreach (var item in items)
        {
            foreach (var h in gold.Hypotheses)
            {
                pairs++;
                var cell = cells.GetValueOrDefault((item.Id, h.Id));
                var code = cell is null ? "NA" : RatingCodes.Code(cell.Rating);
                var accepted = item.Accepted(h.Id);
                var ok = accepted.Contains(code, StringComparer.OrdinalIgnoreCase);
                var needed = !accepted.Contains("NA", StringComparer.OrdinalIgnoreCase);
                goldRated += needed ? 1 : 0;
                if (code == "NA")
                {
                    unrated++;
                }
                else
                {
                    rated++;
                    correct += ok ? 1 : 0;
                    found += ok && needed ? 1 : 0;
                }

                lines.Add(string.Join('\t', item.Id, h.Id, code, string.Join('|', accepted), code == "NA" ? (needed ? "missed" : "ok") : ok ? "right" : "WRONG", cell?.Reason ?? why.GetValueOrDefault((item.Id, h.Id)) ?? string.Empty, MeaningRater.StatementOf(rows.First(r => r.Id == item.Id))));
            }
        }

        return new AchGoldScore(pairs, rated, correct, unrated, goldRated, found, lines);
    }

    /// <summary>The score as a short report ending with <c>ach: precision P over N ratings, U of M unrated</c>.</summary>
    public static string Report(AchGoldScore score, string name)
    {
        ArgumentNullException.ThrowIfNull(score);
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {score.Pairs} pairs; rated {score.Rated}, right {score.Correct}; unrated {score.Unrated}; gold needs a rating on {score.GoldRated}, found {score.Found} (recall {score.Recall:0.0000})"));
        text.Append(string.Create(CultureInfo.InvariantCulture, $"ach: precision {score.Precision:0.0000} over {score.Rated} ratings, {score.Unrated} of {score.Pairs} unrated"));
        return text.ToString();
    }
}
