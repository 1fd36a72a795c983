using Shouldly;
using Sitrep.Meaning.Pairs;

namespace Sitrep.Tests.Meaning;

public sealed class LexicalFeatureTests
{
    private static float Feature(string premise, string hypothesis, string name)
    {
        var values = new float[LexicalFeatures.Names.Length];
        LexicalFeatures.Compute(premise, hypothesis, values);
        return values[Array.IndexOf(LexicalFeatures.Names, name)];
    }

    [Fact]
    public void NegationOnOneSideOnlyIsAMismatch()
    {
        Feature("At least 12 people were killed.", "No one was killed.", "negation.mismatch").ShouldBe(1f);
        Feature("At least 12 people were killed.", "No one was killed.", "nobody.hypothesis").ShouldBe(1f);
        Feature("The mayor didn't resign.", "The mayor did not resign.", "negation.mismatch").ShouldBe(0f);
    }

    [Fact]
    public void ANumberMissingFromThePremiseIsUnmatched()
    {
        Feature("The toll rose to 24.", "24 people died.", "number.all-matched").ShouldBe(1f);
        Feature("The toll rose to 24.", "30 people died.", "number.hypothesis-unmatched").ShouldBe(1f);
        Feature("Three boats sank.", "3 boats sank.", "number.all-matched").ShouldBe(1f);
    }

    [Fact]
    public void AntonymsFacingEachOtherAreFound()
    {
        Feature("A man is sitting on a bench.", "A man is standing on a bench.", "antonym.facing").ShouldBe(1f);
        Feature("A man is sitting on a bench.", "A man is sitting on a bench.", "antonym.facing").ShouldBe(0f);
    }

    [Fact]
    public void OverlapCountsTheHypothesisContentWordsFoundInThePremise()
    {
        Feature("A dog runs on the beach.", "A dog runs.", "overlap.hypothesis-in-premise").ShouldBe(1f);
        Feature("A dog runs on the beach.", "A cat sleeps.", "overlap.hypothesis-in-premise").ShouldBe(0f);
    }
}
