using Shouldly;
using Sitrep.Brief.Building;
using Sitrep.Brief.Model;
using static Sitrep.Tests.Brief.BriefFixtures;

namespace Sitrep.Tests.Brief;

/// <summary>
/// Faults an analyst found reading whole front parts (brief12 round): a deal line that keeps the writer's "Several hours
/// later … miraculously", a bottom line that opens on a pronoun-only detail, and where a town lies told as what
/// happened. Each case is built by hand with invented words.
/// </summary>
public sealed class FrontPartPlainTests
{
    private static readonly Dictionary<string, string> NoTexts = [];

    private const string DealText = "Several hours later, the neighbouring president had miraculously brokered a deal to end the revolt.";

    private static BriefClaim[] Seized() =>
    [
        Claim("a-c1", "a", "Rebel fighters seized the regional army headquarters in the city overnight.", start: 400),
        Claim("b-c1", "b", "Rebel fighters seized the regional army headquarters in the city.", start: 400),
        Claim("c-c1", "c", "The regional army headquarters in the city was seized by rebel fighters.", start: 400),
    ];

    [Fact]
    public void ADealLineAfterTheFirst_StatesTheFactPlainly_WithoutTheWritersTimeOrColour()
    {
        BriefClaim[] deal =
        [
            Claim("a-c2", "a", DealText, start: 600),
            Claim("b-c2", "b", DealText, start: 600),
        ];
        var seized = Seized();
        var report = Report(FourOutlets, [.. seized, .. deal], [Proposition("p1", seized, 3, 1), Proposition("p2", deal, 2, 1)]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        var line = brief.BottomLine.Where(b => b.Proposition == "p2").ShouldHaveSingleItem();
        line.Text.ShouldStartWith("“the neighbouring president had … brokered a deal");
        line.Text.ShouldNotContain("miraculously");
        line.Text.ShouldNotContain("hours later");

        // The quote's span starts where its first quoted word does.
        var cite = line.Cites[0];
        cite.Start.ShouldBe(600 + "Several hours later, ".Length);
        DealText[(cite.Start - 600)..].ShouldStartWith("the neighbouring president had");
    }

    [Theory]
    [InlineData("Several hours later, the envoy had miraculously brokered a deal", 21, "the envoy had … brokered a deal")]
    [InlineData("The next day, the envoy flew home to the capital", 14, "the envoy flew home to the capital")]
    [InlineData("The envoy had, astonishingly, brokered a deal", 0, "The envoy had … brokered a deal")]
    public void APlainStatement_DropsTheCountedTimeAndElidesTheColour(string clause, int dropped, string plain) =>
        BriefFacts.Plain(clause).ShouldBe((dropped, plain));

    [Theory]
    [InlineData("The envoy brokered a deal with the rebel leader")]
    [InlineData("Two days later than planned, talks began")]
    public void AStatementWithNothingToDrop_IsLeftAsItIs(string clause) => BriefFacts.Plain(clause).ShouldBeNull();

    [Theory]
    [InlineData("After she was disciplined, she went to her car and made several calls", true)]
    [InlineData("When they reached the gate, they opened fire", true)]
    [InlineData("After the vote, the council adjourned for the summer", false)]
    [InlineData("When the guards reached the gate, the gunman fled", false)]
    public void AFrontedClauseWithOnlyAPronounForItsSubject_LeansOnWhatCameBefore(string clause, bool leans) =>
        BriefFacts.LeansOnContext(clause).ShouldBe(leans);

    [Theory]
    [InlineData("Harbourton, the mayor's home town, is 40 kilometres north of the capital", true)]
    [InlineData("The village lies about 12 miles from the border", true)]
    [InlineData("The convoy drove 40 kilometres north of the capital", false)]
    [InlineData("The quake struck 10 km north of the town", false)]
    public void WhereAPlaceLies_IsGeography(string clause, bool geography) =>
        BriefFacts.IsGeography(clause).ShouldBe(geography);

    [Theory]
    [InlineData("It does seem odd that the clerk carried a. 38 revolver to work. Nobody asked.", "seem", "“It does seem odd that the clerk carried a. 38 revolver to work”")]
    [InlineData("It is likely that the guard had a. 45 pistol. He denies it.", "likely", "“It is likely that the guard had a. 45 pistol”")]
    public void AJudgmentIsNeverCutAtACalibresDotAfterAnArticle(string text, string term, string quoted) =>
        BriefFacts.JudgmentClause(text, term).ShouldBe(quoted);

    [Fact]
    public void WhereAPlaceLies_IsNeverALineOfTheBottomLine()
    {
        var frame = new BriefFrame("move", "is", []);
        BriefClaim[] where =
        [
            Claim("a-c3", "a", "Harbourton, the mayor's home town, is 40 kilometres north of the capital.", start: 800, frame: frame),
            Claim("b-c3", "b", "Harbourton, the mayor's home town, is 40 kilometres north of the capital.", start: 800, frame: frame),
        ];
        var seized = Seized();
        var report = Report(FourOutlets, [.. seized, .. where], [Proposition("p1", seized, 3, 1), Proposition("p3", where, 2, 1)]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.ShouldContain(b => b.Proposition == "p1");
        brief.BottomLine.ShouldNotContain(b => b.Text.Contains("kilometres north", StringComparison.Ordinal));
        brief.KeyJudgments.ShouldNotContain(j => j.Proposition == "p3");
    }
}
