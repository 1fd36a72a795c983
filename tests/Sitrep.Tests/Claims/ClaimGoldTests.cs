using Shouldly;
using Sitrep.Claims.Evaluation;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Claims;

/// <summary>Guards the measured quality: the rules must keep resolving the gold set.</summary>
public sealed class ClaimGoldTests
{
    private static string GoldFile(string name) => Path.Combine(SharedData.RepositoryRoot, "tests", "gold", "claims", name);

    [Fact]
    public void TheGoldSetHasAtLeastThreeHundredSentencesAndAHeldOutPart()
    {
        var dev = ClaimGold.Read(GoldFile("dev.jsonl"));
        var heldOut = ClaimGold.Read(GoldFile("heldout.jsonl"));
        (dev.Count + heldOut.Count).ShouldBeGreaterThanOrEqualTo(300);
        heldOut.Count.ShouldBeGreaterThanOrEqualTo(100);
        dev.Select(i => i.Id).Concat(heldOut.Select(i => i.Id)).ShouldBeUnique();
    }

    [Theory]
    [InlineData("dev.jsonl")]
    [InlineData("heldout.jsonl")]
    public void TheRulesResolveTheGoldSetAtMacroF1OfAtLeast085(string file)
    {
        var evaluation = ClaimEvaluator.Evaluate(ClaimGold.Read(GoldFile(file)));
        evaluation.MacroF1.ShouldBeGreaterThanOrEqualTo(0.85, string.Join(Environment.NewLine, evaluation.Errors));
    }

    [Fact]
    public void AWrongPredictionLowersTheScore()
    {
        // The scorer itself can fail: a gold item whose annotation contradicts the rules scores below 1.
        var item = new ClaimGoldItem { Id = "t1", Text = "The governor did not leave the city.", N = 1, Holder = "named:governor", Polarity = "+", Kind = "quote" };
        ClaimEvaluator.Evaluate([item]).MacroF1.ShouldBeLessThan(0.5);
    }
}
