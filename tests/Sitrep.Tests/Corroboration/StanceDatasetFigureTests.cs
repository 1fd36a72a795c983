using Shouldly;
using Sitrep.Corroboration.Stance;
using Sitrep.Corroboration.Training;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Corroboration;

/// <summary>
/// The shipped models on the public datasets in ../shared (skipped without them). Floors sit below the measured
/// figures in docs/models.md so that a broken featurizer or model file fails, not run-to-run noise.
/// </summary>
public sealed class StanceDatasetFigureTests
{
    [Fact]
    public void TheHoldOutSplitIsTheOfficialBaselines()
    {
        var dir = SharedData.Require("datasets/fnc-1");
        var data = Fnc1Dataset.Read(Path.Combine(dir, "train_bodies.csv"), Path.Combine(dir, "train_stances.csv"));

        var ids = data.HoldOutIds();

        // The first and last ids of the baseline's splits/hold_out_ids.txt (generate_hold_out_split, training = 0.9).
        ids.Count.ShouldBe(169);
        ids.Take(5).ShouldBe([1843, 45, 846, 1336, 285]);
        ids.TakeLast(3).ShouldBe([1223, 1837, 1393]);
        data.SplitHoldOut().HoldOut.Pairs.Count.ShouldBe(4581);
    }

    [Fact]
    public void TheShippedFnc1ModelScoresWellOnPartOfTheHoldOut()
    {
        var dir = SharedData.Require("datasets/fnc-1");
        var holdOut = Fnc1Dataset.Read(Path.Combine(dir, "train_bodies.csv"), Path.Combine(dir, "train_stances.csv")).SplitHoldOut().HoldOut;
        var sample = holdOut with { Pairs = holdOut.Pairs.Take(800).ToList() };

        var predicted = Fnc1Trainer.Predict(Fnc1StanceClassifier.Default, sample);
        var score = new Fnc1Score();
        for (var i = 0; i < predicted.Count; i++)
        {
            score.Add(sample.Pairs[i].Stance!, predicted[i]);
        }

        score.Percent.ShouldBeGreaterThan(82);
    }

    [Fact]
    public void TheShippedSdqcModelBeatsTheMajorityClassOnDev()
    {
        var dir = SharedData.Require("datasets/rumoureval-2017");
        var dev = RumourEvalDataset.Read(Path.Combine(dir, "rumoureval-data", "germanwings-crash"), Path.Combine(dir, "traindev", "rumoureval-subtaskA-dev.json"));

        var (report, _) = SdqcTrainer.Evaluate(SdqcStanceClassifier.Default, dev);

        report.Count.ShouldBe(281);
        report.Accuracy.ShouldBeGreaterThan(0.70); // majority class (comment): 173/281 = 0.616
        report.MacroF1.ShouldBeGreaterThan(0.55);
        report.F1("deny").ShouldBeGreaterThan(0); // the cue-gated deny threshold makes the rare class reachable
    }
}
