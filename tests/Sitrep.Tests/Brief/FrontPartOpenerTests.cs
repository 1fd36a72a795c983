using Shouldly;
using Sitrep.Brief.Building;
using Sitrep.Brief.Model;
using static Sitrep.Tests.Brief.BriefFixtures;

namespace Sitrep.Tests.Brief;

/// <summary>
/// Faults an analyst found reading whole front parts (issue 19, brief7 round): a bottom line that opens on a time
/// relative to something unsaid or on a writer's colour word, a feeling listed as a source's analytic judgment, and a
/// judgment quoted only up to a title's period. Each case is built by hand with invented words.
/// </summary>
public sealed class FrontPartOpenerTests
{
    private static readonly Dictionary<string, string> NoTexts = [];

    [Theory]
    [InlineData("Several hours later, the neighbouring president had brokered a deal", true)]
    [InlineData("Hours later the convoy turned back", true)]
    [InlineData("The next morning the convoy turned back", true)]
    [InlineData("Then the convoy turned back towards its camps", true)]
    [InlineData("However, the talks with the rebel leader failed", true)]
    [InlineData("This was the first mutiny in decades", true)]
    [InlineData("By then the rebel column had crossed the river", true)]
    [InlineData("The neighbouring president miraculously brokered a deal", true)]
    [InlineData("The incident resulted in the loss of at least nine soldiers", true)]
    [InlineData("The neighbouring president brokered a deal with the rebel leader", false)]
    [InlineData("Rebel fighters seized the regional army headquarters", false)]
    [InlineData("Two soldiers later died of their wounds", false)]
    [InlineData("Thousands of fighters marched north on Saturday", false)]
    public void AStatementThatLeansOnWhatCameBefore_OrCarriesTheWritersColour_IsKnown(string clause, bool leans) =>
        BriefFacts.LeansOnContext(clause).ShouldBe(leans);

    [Theory]
    [InlineData("One crucial development involved negotiations between the two presidents and the rebel leader", true)]
    [InlineData("A key factor was the silence of the regular army", true)]
    [InlineData("The main outcome was a deal with the rebel leader", true)]
    [InlineData("One of the rebels crossed the river", false)]
    [InlineData("The neighbouring president brokered a deal with the rebel leader", false)]
    [InlineData("A development company bought the harbour", false)]
    public void AWritersFramingOfWhatHappened_IsKnown(string clause, bool framing) =>
        BriefFacts.IsFraming(clause).ShouldBe(framing);

    [Fact]
    public void AWritersFraming_IsNeverQuotedInTheBottomLine_AnotherClaimOfItsPropositionTellsIt()
    {
        BriefClaim[] seized =
        [
            Claim("a-c1", "a", "Rebel fighters seized the regional army headquarters in the city overnight.", start: 400),
            Claim("b-c1", "b", "Rebel fighters seized the regional army headquarters in the city.", start: 400),
        ];
        BriefClaim[] talks =
        [
            Claim("a-c2", "a", "One crucial development involved negotiations between the neighbouring president and the rebel leader.", start: 600),
            Claim("b-c2", "b", "Several hours later, the neighbouring president had brokered a deal with the rebel leader.", start: 600),
        ];
        var report = Report(FourOutlets, [.. seized, .. talks], [Proposition("p1", seized, 2, 1), Proposition("p2", talks, 2, 1)]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.ShouldNotContain(b => b.Text.Contains("crucial development", StringComparison.Ordinal));
        brief.BottomLine.ShouldContain(b => b.Proposition == "p2" && b.Text.Contains("brokered a deal", StringComparison.Ordinal));
    }

    private static BriefClaim[] Deal(int start = 200) =>
    [
        Claim("a-c2", "a", "Several hours later, the neighbouring president had miraculously brokered a deal to end the revolt.", start: start),
        Claim("b-c2", "b", "Several hours later, the neighbouring president had miraculously brokered a deal to end the revolt.", start: start),
        Claim("c-c2", "c", "Several hours later, the neighbouring president had miraculously brokered a deal to end the revolt.", start: start),
    ];

    [Fact]
    public void ALineThatLeansOnWhatCameBefore_NeverOpensTheBottomLine()
    {
        // The deal opens every report, so by the reports' leads it would be told first.
        BriefClaim[] seized =
        [
            Claim("a-c1", "a", "Rebel fighters seized the regional army headquarters in the city overnight.", start: 400),
            Claim("b-c1", "b", "Rebel fighters seized the regional army headquarters in the city.", start: 400),
            Claim("c-c1", "c", "The regional army headquarters in the city was seized by rebel fighters.", start: 400),
        ];
        var deal = Deal(start: 0);
        var report = Report(FourOutlets, [.. seized, .. deal], [Proposition("p2", deal, 3, 1), Proposition("p1", seized, 3, 1)]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.ShouldNotBeEmpty();
        BriefFacts.LeansOnContext(brief.BottomLine[0].Text.TrimStart('“')).ShouldBeFalse();
        brief.BottomLine[0].Proposition.ShouldBe("p1");
        brief.BottomLine.ShouldContain(b => b.Proposition == "p2");
    }

    [Fact]
    public void WhenNoCorroboratedLineCanOpen_ASingleReportsAccountOpens_Attributed()
    {
        var deal = Deal();
        var march = Claim("b-c3", "b", "Rebel fighters seized the regional army headquarters in the city overnight.", start: 400);
        var report = Report(FourOutlets, [.. deal, march], [Proposition("p2", deal, 3, 1), Proposition("p3", [march], 1, 3, "single-source")]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.Count.ShouldBeGreaterThanOrEqualTo(2);
        brief.BottomLine[0].Text.ShouldContain("a single source, says “Rebel fighters seized");
        brief.BottomLine[0].Proposition.ShouldBe("p3");
        brief.BottomLine.ShouldContain(b => b.Proposition == "p2");
    }

    [Theory]
    [InlineData("We're certainly pleased with the outcome of the vote", "certainly", true)]
    [InlineData("We are definitely very relieved that the crew is safe", "definitely", true)]
    [InlineData("The strike was almost certainly planned weeks in advance", "almost certainly", false)]
    [InlineData("It is certainly possible that the envoy knew", "certainly", false)]
    public void AnEstimativeWordThatOnlyStrengthensAFeeling_JudgesNothing(string text, string term, bool feeling) =>
        BriefFacts.IsFeeling(text, term).ShouldBe(feeling);

    [Fact]
    public void AFeelingIsNeverListedAsASourcesJudgment()
    {
        var pleased = Claim("a-c9", "a", "\"We're certainly pleased Mr. Lorne has been charged,\" the mayor said.", "judgment", new BriefModality("certainly", 0.95, 1.0, "almost_certain"), start: 300);
        var assessed = Claim("c-c9", "c", "We assess that the envoy very likely knew of the plan in advance.", "judgment", new BriefModality("very likely", 0.8, 0.95, "very_likely"), start: 300);

        var brief = FrontPartBuilder.Build(Report(FourOutlets, [pleased, assessed], []), NoTexts);

        brief.SourceJudgments.ShouldHaveSingleItem().Text.ShouldContain("the envoy very likely knew of the plan in advance");
    }

    [Theory]
    [InlineData("We assess that Mr. Lorne very likely left the country. He was last seen on Friday.", "very likely", "“We assess that Mr. Lorne very likely left the country”")]
    [InlineData("It is likely that Gen. Orlov and J. Marsh knew of the plan. Both deny it.", "likely", "“It is likely that Gen. Orlov and J. Marsh knew of the plan”")]
    [InlineData("It is likely that the envoy knew. Both deny it.", "likely", "“It is likely that the envoy knew”")]
    public void AJudgmentIsNeverCutAtATitlesPeriod(string text, string term, string quoted) =>
        BriefFacts.JudgmentClause(text, term).ShouldBe(quoted);
}
