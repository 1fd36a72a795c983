using Shouldly;
using Sitrep.Corroboration.Training;

namespace Sitrep.Tests.Corroboration;

public sealed class ScoringTests
{
    [Fact]
    public void TheFnc1ScoreWeighsRelatednessAQuarterAndTheExactStanceThreeQuarters()
    {
        var score = new Fnc1Score();
        score.Add("agree", "agree");         // 1.0 of 1.0
        score.Add("agree", "discuss");       // 0.25 of 1.0 (related, wrong stance)
        score.Add("disagree", "unrelated");  // 0 of 1.0
        score.Add("unrelated", "unrelated"); // 0.25 of 0.25
        score.Add("unrelated", "agree");     // 0 of 0.25

        score.Score.ShouldBe(1.5, 1e-9);
        score.MaxScore.ShouldBe(3.5, 1e-9);
        score.Percent.ShouldBe(100 * 1.5 / 3.5, 1e-9);
        score[0, 2].ShouldBe(1);
        score.Report().Split('\n')[^1].ShouldBe("score: 42.86");
    }

    [Fact]
    public void AnUnknownFnc1LabelIsRefused() =>
        Should.Throw<ArgumentException>(() => new Fnc1Score().Add("agree", "maybe"));

    [Fact]
    public void MacroF1AveragesThePerClassF1()
    {
        var report = new ClassificationReport(["support", "deny", "query", "comment"]);
        report.Add("support", "support");
        report.Add("support", "comment");
        report.Add("query", "query");
        report.Add("comment", "comment");

        report.Accuracy.ShouldBe(0.75, 1e-9);
        report.F1("support").ShouldBe(2.0 / 3, 1e-9);
        report.F1("deny").ShouldBe(0);
        report.F1("query").ShouldBe(1);
        report.F1("comment").ShouldBe(2.0 / 3, 1e-9);
        report.MacroF1.ShouldBe(((2.0 / 3) + 0 + 1 + (2.0 / 3)) / 4, 1e-9);
        report.Report().Split('\n')[^1].ShouldBe("accuracy: 0.7500");
    }

    [Fact]
    public void PythonsShuffleIsReproducedExactly()
    {
        // random.Random(1489215).shuffle(list(range(10))) in CPython 3.11.
        var items = Enumerable.Range(0, 10).ToList();

        new PythonRandom(1489215).Shuffle(items);

        items.ShouldBe([3, 8, 1, 0, 4, 2, 9, 5, 6, 7]);
    }
}
