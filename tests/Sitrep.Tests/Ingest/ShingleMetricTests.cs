using Shouldly;
using Sitrep.Ingest.Evaluation;

namespace Sitrep.Tests.Ingest;

public sealed class ShingleMetricTests
{
    [Fact]
    public void AnExactExtractionScoresOne() =>
        ShingleMetric.Score("one two three four five six", "one two, three four! five six").ShouldBe((1.0, 1.0));

    [Fact]
    public void ExtraTextLowersPrecisionAndMissingTextLowersRecall()
    {
        // Truth has 3 shingles; the prediction has those 3 plus 2 more.
        var (precision, recall) = ShingleMetric.Score("a b c d e f", "a b c d e f g h");
        precision.ShouldBe(3 / 5.0);
        recall.ShouldBe(1.0);

        (precision, recall) = ShingleMetric.Score("a b c d e f g h", "a b c d e f");
        precision.ShouldBe(1.0);
        recall.ShouldBe(3 / 5.0);
    }

    [Fact]
    public void ShinglesAreCountedAsABag()
    {
        var (precision, _) = ShingleMetric.Score("w x y z", "w x y z w x y z");

        // Prediction: "w x y z", "x y z w", "y z w x", "z w x y", "w x y z" → one shingle of five matches once.
        precision.ShouldBe(1 / 5.0);
    }

    [Fact]
    public void AnEmptyExtractionOfARealBodyScoresZero() => ShingleMetric.Score("a b c d e", string.Empty).ShouldBe((0.0, 0.0));

    [Fact]
    public void EvaluationOverPagesAveragesPrecisionAndRecallThenTakesF1OfTheMeans()
    {
        PageTruth[] truth = [new("p1", "a b c d e f", [], [], null), new("p2", "k l m n", [], [], null)];
        var predictions = new Dictionary<string, string> { ["p1"] = "a b c d e f g h", ["p2"] = string.Empty };

        var score = ExtractionEvaluator.Score(truth, predictions);

        score.Precision.ShouldBe((0.6 + 0) / 2, 1e-9);
        score.Recall.ShouldBe((1 + 0) / 2.0, 1e-9);
        score.F1.ShouldBe(2 * 0.3 * 0.5 / 0.8, 1e-9);
    }

    [Fact]
    public void TrafilaturaTruthIsScoredBySegments()
    {
        PageTruth[] truth = [new("p1", null, ["kept sentence", "lost sentence"], ["menu item"], "https://x.example")];
        var predictions = new Dictionary<string, string> { ["p1"] = "A kept  sentence and a menu item." };

        var score = ExtractionEvaluator.Score(truth, predictions);

        score.Metric.ShouldBe("segments");
        score.Precision.ShouldBe(0.5);
        score.Recall.ShouldBe(0.5);
    }
}

public sealed class ExtractionEvaluatorTests
{
    [Fact]
    public void EvaluationReadsGzippedPagesScoresThemAndWritesPredictionsInTheBenchmarkFormat()
    {
        var dir = Sitrep.Tests.Support.Some.TempDirectory();
        const string body = "The council voted on Tuesday to fund a movable barrier at the mouth of the harbour. Engineers expect construction to take eighteen months.";
        var html = $"<html><body><nav><a href='/'>Home</a> <a href='/x'>Sport</a></nav><article><p>{body}</p></article></body></html>";
        using (var file = File.Create(Path.Combine(dir, "page1.html.gz")))
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(html));
        }

        var truth = Path.Combine(dir, "truth.json");
        File.WriteAllText(truth, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["page1"] = new { articleBody = body, url = "https://x.example/1" } }));
        var predictions = Path.Combine(dir, "pred.json");
        var pages = ExtractionEvaluator.LoadTruth(truth);

        var (extracted, _, missing) = ExtractionEvaluator.Extract(dir, pages);
        ExtractionEvaluator.WritePredictions(predictions, pages, extracted);
        var score = ExtractionEvaluator.Score(pages, extracted);

        missing.ShouldBe(0);
        score.Metric.ShouldBe("shingles");
        score.F1.ShouldBe(1.0);
        ExtractionEvaluator.LoadPredictions(predictions)["page1"].ShouldBe(body);
    }
}
