using Shouldly;
using Sitrep.Brief.Building;
using Sitrep.Brief.Model;
using static Sitrep.Tests.Brief.BriefFixtures;

namespace Sitrep.Tests.Brief;

/// <summary>
/// Faults an analyst found reading front parts of news the project had not seen (brief13 round): a bottom line that
/// opens with a detail two reports' leads share rather than the result every report leads with in its own words, and a
/// later line whose subject is only a pronoun. Each case is built by hand with invented words.
/// </summary>
public sealed class FrontPartLeadTests
{
    private static readonly Dictionary<string, string> NoTexts = [];

    private static readonly BriefDocument[] Papers =
        [Doc("a", "Alpha Wire", "B"), Doc("b", "Beta Courier", "C"), Doc("c", "Gamma Agency", "B"), Doc("d", "Delta Post", "B")];

    [Fact]
    public void AContestsResultThatEveryLeadTellsInItsOwnWords_OpensTheBottomLine_BeforeADetailTwoLeadsShare()
    {
        var back = new BriefFrame("move", "return", []);
        BriefClaim[] returned =
        [
            Claim("a-c2", "a", "Captain Orla Brennan returned to the boat for the first time since her shoulder operation.", start: 120, frame: back),
            Claim("b-c2", "b", "Captain Orla Brennan returned to the boat for the first time since her shoulder operation.", start: 120, frame: back),
        ];
        BriefClaim[] results =
        [
            Claim("a-c1", "a", "The harbour rowing club won the regional final against the river crew on Sunday.", start: 0),
            Claim("b-c1", "b", "Rowers from the harbour club took a narrow victory over the river crew in the regional final.", start: 0),
            Claim("c-c1", "c", "The river crew were defeated by the harbour rowing club in the regional final on Sunday.", start: 0),
            Claim("d-c1", "d", "The harbour club's eight won the regional final by half a length.", start: 0),
        ];
        var report = Report(
            Papers,
            [.. results, .. returned],
            [Proposition("p2", returned, 2, 2), .. results.Select((c, i) => Proposition("r" + i, [c], 1, 3, "single-source"))]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.ShouldNotBeEmpty();
        brief.BottomLine[0].Text.ShouldContain("the act told in the leads of 4 of 4 reports");
        brief.BottomLine[0].Text.ShouldContain("regional final");
        brief.BottomLine[0].Proposition.ShouldBeNull();
        brief.BottomLine.ShouldContain(b => b.Proposition == "p2");
    }

    [Fact]
    public void ALeadOfTheSameFamilyThatSharesOnlyNames_IsNotCountedAsTellingTheAct()
    {
        // Three leads tell the crew's taking of the depot; the fourth is another story (an accident), of the movement
        // family only by its relative clause, and shares nothing with them but the names.
        BriefClaim[] leads =
        [
            Claim("a-c1", "a", "Fighters of the Norvale Brigade under Tomas Ekberg seized the fuel depot at Harrow early on Friday.", start: 0),
            Claim("b-c1", "b", "The Norvale Brigade seized the fuel depot at Harrow on Friday, after Tomas Ekberg ordered his fighters north.", start: 0),
            Claim("c-c1", "c", "Tomas Ekberg's fighters captured the fuel depot at Harrow without resistance.", start: 0),
            Claim("d-c1", "d", "Tomas Ekberg, whose Norvale Brigade marched on Harrow in May, was listed among the passengers of a ferry that sank on Tuesday.", start: 0),
        ];
        var report = Report(Papers, leads, leads.Select((c, i) => Proposition("r" + i, [c], 1, 3, "single-source")));

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.ShouldNotBeEmpty();
        brief.BottomLine[0].Text.ShouldContain("fuel depot");
        brief.BottomLine[0].Text.ShouldContain("the act told in the leads of 3 of 4 reports");
        brief.BottomLine[0].Cites.Count.ShouldBe(3);
    }

    [Fact]
    public void TheActTheLeadsTell_IsNotRepeatedAsAKeyJudgment()
    {
        BriefClaim[] results =
        [
            Claim("a-c1", "a", "The harbour rowing club won the regional final against the river crew on Sunday.", start: 0),
            Claim("b-c1", "b", "Rowers from the harbour club took a narrow victory over the river crew in the regional final.", start: 0),
            Claim("c-c1", "c", "The river crew were defeated by the harbour rowing club in the regional final on Sunday.", start: 0),
        ];
        // Told again further down two reports, in the same words: a corroborated proposition, but no report's lead.
        BriefClaim[] later =
        [
            Claim("a-c5", "a", "The harbour rowing club won the regional final against the river crew by a length.", start: 900),
            Claim("b-c5", "b", "The harbour rowing club won the regional final against the river crew by a length.", start: 900),
        ];
        BriefClaim[] weather =
        [
            Claim("a-c2", "a", "The water on the estuary was calm and cold all morning.", start: 100),
            Claim("a-c3", "a", "A few hundred people watched from the embankment and the bridge.", start: 200),
            Claim("b-c2", "b", "The water on the estuary was calm and cold all morning.", start: 100),
            Claim("b-c3", "b", "A few hundred people watched from the embankment and the bridge.", start: 200),
        ];
        var report = Report(
            Papers,
            [.. results, .. weather, .. later],
            [Proposition("p5", later, 2, 2), .. results.Select((c, i) => Proposition("r" + i, [c], 1, 3, "single-source"))]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.ShouldNotBeEmpty();
        brief.BottomLine[0].Text.ShouldContain("the act told in the leads of");
        brief.KeyJudgments.ShouldNotContain(j => j.Proposition == "p5");
    }

    [Fact]
    public void ADetailThatMoreLeadsTellThanTheResult_StillLeadsWhenItIsTheResultsOwnAct()
    {
        // The seizure is told in three leads as one proposition; a fourth report words it otherwise. The act and the
        // proposition are of one family, and the proposition stays the opening line.
        BriefClaim[] seized =
        [
            Claim("a-c1", "a", "Rebel fighters seized the regional army headquarters in the city overnight.", start: 0),
            Claim("b-c1", "b", "Rebel fighters seized the regional army headquarters in the city.", start: 0),
            Claim("c-c1", "c", "The regional army headquarters in the city was seized by rebel fighters.", start: 0),
        ];
        var other = Claim("d-c1", "d", "Armed rebels captured the headquarters of the southern command before dawn.", start: 0);
        var report = Report(Papers, [.. seized, other], [Proposition("p1", seized, 3, 1), Proposition("p9", [other], 1, 3, "single-source")]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.ShouldNotBeEmpty();
        brief.BottomLine[0].Proposition.ShouldBe("p1");
    }

    [Fact]
    public void ALineWhoseSubjectIsOnlyAPronoun_IsNoLineOfTheBottomLine_EvenAfterTheFirst()
    {
        BriefClaim[] seized =
        [
            Claim("a-c1", "a", "Rebel fighters seized the regional army headquarters in the city overnight.", start: 400),
            Claim("b-c1", "b", "Rebel fighters seized the regional army headquarters in the city.", start: 400),
            Claim("c-c1", "c", "The regional army headquarters in the city was seized by rebel fighters.", start: 400),
        ];
        var held = new BriefFrame("arrest", "arrest", []);
        BriefClaim[] arrested =
        [
            Claim("a-c3", "a", "After he left the meeting, he was arrested by military police outside the ministry.", start: 900, frame: held),
            Claim("b-c3", "b", "After he left the meeting, he was arrested by military police outside the ministry.", start: 900, frame: held),
        ];
        var report = Report(Papers, [.. seized, .. arrested], [Proposition("p1", seized, 3, 1), Proposition("p3", arrested, 2, 2)]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.ShouldContain(b => b.Proposition == "p1");
        brief.BottomLine.ShouldNotContain(b => b.Proposition == "p3");
        brief.BottomLine.ShouldNotContain(b => b.Text.Contains("After he left", StringComparison.Ordinal));
    }

    [Fact]
    public void TheActTheLeadsTell_IsDatedAndGraded_AndAWireStoryAndItsCopyAreOneSource()
    {
        // Alpha Wire's lead is carried word for word by Beta Courier (no syndication group found); Gamma Agency tells the
        // act in its own words; Delta Post is a syndicated copy of Gamma's story.
        var papers = Papers.Select(d => d.Id is "c" or "d" ? d with { SyndicationGroup = "s1", SyndicatedWith = [d.Id == "c" ? "d" : "c"] } : d).ToArray();
        const string Wire = "Fighters of the Norvale Brigade seized the fuel depot at Harrow early on Friday.";
        BriefClaim[] leads =
        [
            Claim("a-c1", "a", Wire, start: 0) with { ReportTime = "2023-06-24T08:00:00+00:00" },
            Claim("b-c1", "b", Wire, start: 0) with { ReportTime = "2023-06-24T09:30:00+00:00" },
            Claim("c-c1", "c", "The Norvale Brigade seized the fuel depot at Harrow, after Tomas Ekberg ordered his fighters north.", start: 0) with { ReportTime = "2023-06-24T11:00:00+00:00" },
            Claim("d-c1", "d", "The Norvale Brigade seized the fuel depot at Harrow, after Tomas Ekberg ordered his fighters north.", start: 0) with { ReportTime = "2023-06-24T11:20:00+00:00" },
        ];
        var report = Report(papers, leads, leads.Select((c, i) => Proposition("r" + i, [c], 1, 3, "single-source")));

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.ShouldNotBeEmpty();
        brief.BottomLine[0].Text.ShouldContain("fuel depot");
        brief.BottomLine[0].Text.ShouldContain("(24 Jun 2023; the act told in the leads of 4 of 4 reports; 2 independent sources, 2 graded outlets)");
    }

    [Fact]
    public void AnActOnlyAWireStoryAndItsCopiesTell_DoesNotOpenTheBottomLineAsTheLeadsAct()
    {
        // One story, carried word for word by three outlets: one source, however many leads tell it.
        const string Statement = "Fighters of the Norvale Brigade seized the fuel depot at Harrow early on Friday.";
        BriefClaim[] leads = [.. Papers.Take(3).Select(d => Claim(d.Id + "-c1", d.Id, Statement, start: 0))];
        var report = Report(Papers, leads, leads.Select((c, i) => Proposition("r" + i, [c], 1, 3, "single-source")));

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.ShouldNotContain(b => b.Text.Contains("the act told in the leads", StringComparison.Ordinal));
    }

    [Fact]
    public void BesideACorroboratedAct_AnUngradedCorpusSingleAccountsComeFromReportsLeads_NotFromAPlayByPlayDetail()
    {
        BriefDocument[] papers = [Doc("a", "Alpha Wire", string.Empty), Doc("b", "Beta Courier", string.Empty), Doc("c", "Gamma Agency", string.Empty), Doc("d", "Delta Post", string.Empty)];
        BriefClaim[] won =
        [
            Claim("a-c1", "a", "The harbour rowing club won the regional final against the river crew on Sunday.", start: 0),
            Claim("b-c1", "b", "The harbour rowing club won the regional final against the river crew on Sunday.", start: 0),
        ];
        var lead = Claim("c-c1", "c", "Police arrested two fans of the river club outside the boathouse after the final.", start: 0);
        BriefClaim[] d =
        [
            Claim("d-c1", "d", "The regional final drew the biggest crowd the embankment has seen in years.", start: 0),
            Claim("d-c2", "d", "Tickets for the stands on the bridge had sold out by Friday afternoon.", start: 100),
            Claim("d-c3", "d", "The coaches of both crews praised the organisers before the start.", start: 200),
            Claim("d-c9", "d", "Late in the second half of the race the river crew's stroke was injured in a collision with a buoy.", start: 1500),
        ];
        var report = Report(
            papers,
            [.. won, lead, .. d],
            [Proposition("p1", won, 2, 0), Proposition("r1", [lead], 1, 0, "single-source"), .. d.Select((c, i) => Proposition("q" + i, [c], 1, 0, "single-source"))]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.ShouldContain(b => b.Proposition == "p1");
        brief.BottomLine.ShouldContain(b => b.Proposition == "r1");
        brief.BottomLine.ShouldNotContain(b => b.Text.Contains("collision", StringComparison.Ordinal));
    }

    [Fact]
    public void ACriticsSayingThatSeveralOutletsReport_DoesNotOpenTheBottomLineAsWhatHappened()
    {
        BriefClaim[] said =
        [
            Claim("a-c4", "a", "Harriet Vale, head of the Harrow Wildlife League, said Thursday that the new rules attack the heart of the water act.", start: 600),
            Claim("b-c4", "b", "Harriet Vale, head of the Harrow Wildlife League, said Thursday that the new rules attack the heart of the water act.", start: 600),
            Claim("c-c4", "c", "Harriet Vale, head of the Harrow Wildlife League, said Thursday that the new rules attack the heart of the water act.", start: 600),
        ];
        var report = Report(Papers, said, [Proposition("p1", said, 3, 3)]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.ShouldNotContain(b => b.Proposition == "p1");
    }

    [Theory]
    [InlineData("Harriet Vale … said Thursday that the new rules attack the heart of the water act.", true)]
    [InlineData("Harriet Vale said that the new rules attack the heart of the water act.", true)]
    [InlineData("The harbour club's rowers seized the boathouse, the club said.", false)]
    [InlineData("Police said that two fans were arrested outside the boathouse.", false)]
    [InlineData("The Harrow Police said that two fans were arrested outside the boathouse.", false)]
    public void ANamedSpeakersSayingIsReadFromItsOpening(string text, bool saying) =>
        BriefFacts.OpensWithSaying(text).ShouldBe(saying);

    [Theory]
    [InlineData("The harbour rowing club won the regional final", "win")]
    [InlineData("A narrow victory for the harbour club", "win")]
    [InlineData("The river crew were defeated in the final", "win")]
    [InlineData("Police beat the protesters outside the ministry", null)]
    [InlineData("The club lost two rowers before the final", null)]
    public void AContestsResultIsAnEventOfConsequence_AnAssaultOrALossIsNot(string text, string? eventClass) =>
        Consequence.ClassOf(Claim("x", "a", text), text).ShouldBe(eventClass);
}
