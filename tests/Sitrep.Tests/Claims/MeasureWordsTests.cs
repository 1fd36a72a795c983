using Shouldly;
using Sitrep.Claims;
using Sitrep.Claims.Frames;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Claims;

/// <summary>How a figure reads back in the brief: an amount said in words stays in words.</summary>
public sealed class MeasureWordsTests
{
    [Theory]
    [InlineData("Our sources say dozens of fighters are already dead.", "dozens")]
    [InlineData("Thousands of troops were moving north on the highway.", "thousands")]
    [InlineData("Tens of thousands of people were displaced by the flood.", "tens of thousands")]
    public void AVagueAmountIsShownAsWritten(string text, string shown) =>
        MeasuresOf(text).ShouldHaveSingleItem().Describe().ShouldBe(shown);

    [Theory]
    [InlineData("At least 12 people were killed in the blast.", "at least 12")]
    [InlineData("Between 5,000 and 8,000 fighters took part in the march.", "5,000–8,000")]
    public void ANumberIsShownAsItsBounds(string text, string shown) =>
        MeasuresOf(text).ShouldHaveSingleItem().Describe().ShouldBe(shown);

    [Theory]
    [InlineData("About 5,000 fighters took part in the march.", "about 5,000")]
    [InlineData("The column stopped roughly 300 km from Tarvin.", "roughly 300 km")]
    public void AnApproximationIsShownAsWritten_NotAsTheBoundsItIsComparedBy(string text, string shown)
    {
        var measure = MeasuresOf(text).ShouldHaveSingleItem();
        measure.Describe().ShouldBe(shown);
        measure.Min.ShouldNotBe(measure.Max);
    }

    [Fact]
    public void ABoundFromNothingUpIsShownAsUpTo() =>
        new Measure(MeasureRoles.Force, "fighters", 0, 8000, "people", "no more than 8,000", new Sitrep.Documents.TextRange(0, 18)).Describe().ShouldBe("up to 8,000");

    private static List<Measure> MeasuresOf(string text) =>
        [.. new ClaimAnalyzer().Analyze(Some.Analyzed(text), TestContext.Current.CancellationToken).SelectMany(c => c.Frame.Measures)];
}
