using Shouldly;
using Sitrep.Meaning.Pairs;

namespace Sitrep.Tests.Meaning;

public sealed class PairClassifierTests
{
    private static NliPairClassifier Classifier()
    {
        MiniLm.Require();
        return NliPairClassifier.Default;
    }

    [Theory]
    [InlineData("At least 12 people were killed.", "No one was killed.")]
    [InlineData("The minister confirmed that the talks had collapsed.", "The talks did not collapse.")]
    [InlineData("A man is riding a bicycle.", "Nobody is riding a bicycle.")]
    public void APairThatCannotBothBeTrueIsJudgedAContradiction(string premise, string hypothesis)
    {
        var judgment = Classifier().Judge(premise, hypothesis);
        judgment.Relation.ShouldBe(PairRelation.Contradicts, judgment.ToString());
    }

    [Theory]
    [InlineData("The toll rose to 24.", "24 people died.")]
    [InlineData("The death toll rose to 24 on Tuesday.", "24 people died.")]
    [InlineData("Rescuers found 24 bodies under the rubble, officials said.", "At least 24 people were killed.")]
    [InlineData("A woman is slicing an onion in the kitchen.", "A woman is cutting an onion.")]
    public void APairThatAgreesIsNeverJudgedAContradiction(string premise, string hypothesis)
    {
        var judgment = Classifier().Judge(premise, hypothesis);
        judgment.Relation.ShouldNotBe(PairRelation.Contradicts, judgment.ToString());
        judgment.Contradicts.ShouldBeLessThan(0.5f);
    }

    [Fact]
    public void AParaphraseIsJudgedAnEntailment()
    {
        var judgment = Classifier().Judge("A group of children is playing football in a park.", "Some kids are playing football in a park.");
        judgment.Relation.ShouldBe(PairRelation.Entails, judgment.ToString());
    }

    [Fact]
    public void ProbabilitiesSumToOne()
    {
        var judgment = Classifier().Judge("The port was closed to shipping.", "Ships could not enter the port.");
        (judgment.Entails + judgment.Contradicts + judgment.Neutral).ShouldBe(1f, 1e-4f);
    }

    [Fact]
    public void TheBatchFormGivesTheSameJudgmentsAsOneByOne()
    {
        var classifier = Classifier();
        (string, string)[] pairs = [("A dog runs on the beach.", "A cat sleeps indoors."), ("The vote passed.", "The vote failed.")];
        var batch = classifier.Judge(pairs, TestContext.Current.CancellationToken);
        for (var i = 0; i < pairs.Length; i++)
        {
            var single = classifier.Judge(pairs[i].Item1, pairs[i].Item2);
            batch[i].Contradicts.ShouldBe(single.Contradicts, 1e-5f);
            batch[i].Entails.ShouldBe(single.Entails, 1e-5f);
        }
    }

    [Fact]
    public void EmptyAndTenThousandWordInputsAreJudgedWithoutError()
    {
        var classifier = Classifier();
        var huge = string.Join(' ', Enumerable.Range(0, 10_000).Select(i => i % 7 == 0 ? "not" : "report"));
        foreach (var (premise, hypothesis) in new[] { ("", ""), ("", "Something happened."), (huge, "A report."), ("A report.", huge), (huge, huge) })
        {
            var judgment = classifier.Judge(premise, hypothesis);
            float.IsFinite(judgment.Confidence).ShouldBeTrue();
        }
    }
}
