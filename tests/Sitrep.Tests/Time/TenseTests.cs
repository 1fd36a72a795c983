using Shouldly;
using Sitrep.Time;
using Sitrep.Time.Normalisation;
using static Sitrep.Tests.Time.TimeSupport;

namespace Sitrep.Tests.Time;

/// <summary>
/// Underspecified expressions (a weekday, a month without a year) take the previous or the next occurrence from the
/// tense of the verb that governs them, as HeidelTime does. All sentences are ours.
/// </summary>
public class TenseTests
{
    /// <summary>Thursday 26 October 1989: a reference late in the year, so that months can fall either side.</summary>
    private static readonly ReferenceTime LateOctober = ReferenceTime.TryParse("1989-10-26", AnchorKind.Document)!.Value;

    /// <summary>Monday 3 April 2000.</summary>
    private static readonly ReferenceTime Monday = ReferenceTime.TryParse("2000-04-03", AnchorKind.Document)!.Value;

    [Theory]
    [InlineData("The mill cut its payroll in March, the union said.", "March", "1989-03")]
    [InlineData("Exports fell sharply in February.", "February", "1989-02")]
    [InlineData("The company will report its results in January.", "January", "1990-01")]
    [InlineData("The lender is to repay the bonds in February.", "February", "1990-02")]
    [InlineData("The dividend will be paid Dec. 14 to holders.", "Dec. 14", "1989-12-14")]
    [InlineData("The board declared a dividend payable Dec. 1 to holders.", "Dec. 1", "1989-12-01")]
    [InlineData("The carrier has been on patrol since March and will stay.", "March", "1989-03")]
    public void WhenAMonthHasNoYear_TheVerbDecidesWhetherItIsThePreviousOrTheNextOne(string text, string expression, string value) =>
        Find(text, expression, LateOctober).Value.ShouldBe(value);

    [Theory]
    [InlineData("The father could leave for the coast as soon as Tuesday.", "Tuesday", "2000-04-04")]
    [InlineData("Protesters planned a march through the old town on Saturday.", "Saturday", "2000-04-08")]
    [InlineData("Officials postponed until Tuesday any decision on the permit.", "Tuesday", "2000-04-04")]
    [InlineData("Two bombs exploded next to the embassies on Friday.", "Friday", "2000-03-31")]
    [InlineData("Until Thursday, the police had not named a suspect.", "Thursday", "2000-03-30")]
    [InlineData("The merger had been due to close on Friday evening.", "Friday evening", "2000-03-31TEV")]
    [InlineData("The family said they would appeal against Thursday's ruling.", "Thursday", "2000-03-30")]
    [InlineData("The family said they would appeal on Thursday.", "Thursday", "2000-04-06")]
    public void WhenAWeekdayIsNamed_PlansAndDeadlinesLookAheadAndReportsLookBack(string text, string expression, string value) =>
        Find(text, expression, Monday).Value.ShouldBe(value);

    [Fact]
    public void WhenTheSentenceHasNoVerbCue_AMonthIsTheNearestOne()
    {
        Find("Results in November.", "November", LateOctober).Value.ShouldBe("1989-11");
        Find("Results in March.", "March", LateOctober).Value.ShouldBe("1990-03");
    }

    [Fact]
    public void WhenThereIsNoAnchor_TenseCannotInventAYear() =>
        Find("The company will report its results in January.", "January").Value.ShouldBe("XXXX-01");
}

/// <summary>Report-language expressions added while tuning on the TempEval-3 development data. All sentences are ours.</summary>
public class ReportExpressionTests
{
    private static readonly ReferenceTime LateOctober = ReferenceTime.TryParse("1989-10-26", AnchorKind.Document)!.Value;

    [Fact]
    public void TheYearOfAReportIsTheAnchorsYearAndTheYearEndedIsAPeriod()
    {
        Find("For the year, pet food volume was flat.", "the year", LateOctober).Value.ShouldBe("1989");
        Find("Sales for the full year rose 13%.", "the full year", LateOctober).Value.ShouldBe("1989");
        var ended = Find("Net income for the year ended March 31 was $2 million.", "the year", LateOctober);
        ended.Type.ShouldBe(TimexType.Duration);
        ended.Value.ShouldBe("P1Y");
        Tag("The year before, nothing happened.", LateOctober).ShouldNotContain(t => t.Value == "1989");
    }

    [Theory]
    [InlineData("In nineteen ninety-one the firm was sold.", "nineteen ninety-one", "1991")]
    [InlineData("The raid took place in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01")]
    [InlineData("It was the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "1994-WI")]
    public void WhenAYearIsSpelledOut_ItIsStillAYear(string text, string expression, string value) =>
        Find(text, expression, LateOctober).Value.ShouldBe(value);

    [Fact]
    public void NineteenAloneIsACount() =>
        Tag("Nineteen people were hurt.", LateOctober).ShouldBeEmpty();

    [Fact]
    public void WhenAnEarningsReportComparesWithAYearEarlier_ItMeansTheSameQuarterAYearBefore()
    {
        const string text = "Third-quarter profit rose 12%. Sales climbed to $80 million from $70 million a year earlier.";
        Find(text, "a year earlier", LateOctober).Value.ShouldBe("1988-Q3");
        Find("The town was quieter a year earlier.", "a year earlier", LateOctober).Value.ShouldBe("1988");
    }

    [Fact]
    public void TheNearTermLooksAhead() =>
        Find("Analysts expect little change in the near term.", "the near term", LateOctober).Value.ShouldBe("FUTURE_REF");
}
