using Shouldly;
using Sitrep.Brief.Building;
using Sitrep.Brief.Model;
using Sitrep.Brief.Rendering;
using static Sitrep.Tests.Brief.BriefFixtures;

namespace Sitrep.Tests.Brief;

/// <summary>
/// Faults an analyst found reading whole front parts (issue 19, brief8 round): a corroborated event quoted only in the
/// words that lean on what came before it, single reports' accounts that tell a demand or a reported speaker's word
/// instead of what happened, and one bound over one thing shown as two rows of the Disputed table, a commenter's repeat
/// beside the outlet it repeats. Each case is built by hand with invented words.
/// </summary>
public sealed class FrontPartAccountTests
{
    private static readonly Dictionary<string, string> NoTexts = [];

    private static readonly BriefDocument[] Outlets =
        [Doc("a", "Alpha Wire", "B"), Doc("b", "Beta Courier", "C"), Doc("c", "Gamma Agency", "B"), Doc("f", "forum.example c/news", "F", "thread")];

    private static BriefClaim[] Deal() =>
    [
        Claim("a-c2", "a", "Several hours later, the neighbouring president had miraculously brokered a deal to end the revolt.", start: 200),
        Claim("b-c2", "b", "The rebel leader and the capital agreed a deal, brokered by the neighbouring president.", start: 600),
    ];

    [Fact]
    public void ACorroboratedEventWhoseBestWordsLeanOnWhatCameBefore_IsToldInItsOtherSourcesPlainWords()
    {
        var deal = Deal();
        var report = Report(Outlets, deal, [Proposition("p2", deal, 2, 2)]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        var line = brief.BottomLine.ShouldHaveSingleItem();
        line.Proposition.ShouldBe("p2");
        line.Text.ShouldContain("“The rebel leader and the capital agreed a deal");
        line.Text.ShouldNotContain("Several hours later");
    }

    [Fact]
    public void InAnUngradedCorpusWithOneCorroboratedEvent_SingleReportsAccountsFollowIt_Attributed()
    {
        var deal = Deal();
        var march = Claim("c-c3", "c", "Rebel fighters seized the regional army headquarters in the city overnight.", start: 400);
        BriefDocument[] ungraded = [Doc("a", "Alpha Wire", string.Empty), Doc("b", "Beta Courier", string.Empty), Doc("c", "Gamma Agency", string.Empty)];
        var report = Report(ungraded, [.. deal, march], [Proposition("p2", deal, 2, 6), Proposition("p3", [march], 1, 6, "single-source")]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.Count.ShouldBeGreaterThanOrEqualTo(2);
        brief.BottomLine[0].Proposition.ShouldBe("p2");
        brief.BottomLine[0].Text.ShouldNotContain("Several hours later");
        brief.BottomLine[1].Proposition.ShouldBe("p3");
        brief.BottomLine[1].Text.ShouldStartWith("Gamma Agency (ungraded), a single source, says “Rebel fighters seized");
    }

    [Fact]
    public void WhenTwoReportsShareAStatementThatTellsNoAct_TheBottomLineDoesNotSayNothingIsToldByTwoSources()
    {
        // ECB+ topic 9, read by the lead: "No event in these 10 reports is told by two independent sources" above Key
        // judgments that list three statements two or three reports share (a rule change that is no act of consequence).
        BriefDocument[] ungraded = [Doc("a", "Alpha Wire", string.Empty), Doc("b", "Beta Courier", string.Empty), Doc("c", "Gamma Agency", string.Empty)];
        var rules = new[]
        {
            Claim("a-c1", "a", "The new rules are longer than the earlier ones and cover more of the rare species.", start: 300),
            Claim("b-c1", "b", "The new rules are longer than the earlier ones and cover more of the rare species.", start: 500),
        };
        var march = Claim("c-c3", "c", "Rebel fighters seized the regional army headquarters in the city overnight.", start: 400);
        var report = Report(ungraded, [.. rules, march], [Proposition("p1", rules, 2, 6), Proposition("p3", [march], 1, 6, "single-source")]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.ShouldNotContain(b => b.Text.StartsWith("No event in these", StringComparison.Ordinal));
        brief.BottomLine[0].Text.ShouldBe("The accounts below are each a single report's word: no second independent source tells them.");
        brief.BottomLine.ShouldContain(b => b.Text.StartsWith("Gamma Agency (ungraded), a single source, says “Rebel fighters seized", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenNoStatementHasTwoSources_TheBottomLineSaysNoEventIsToldByTwo()
    {
        BriefDocument[] ungraded = [Doc("a", "Alpha Wire", string.Empty), Doc("c", "Gamma Agency", string.Empty)];
        var march = Claim("c-c3", "c", "Rebel fighters seized the regional army headquarters in the city overnight.", start: 400);
        var report = Report(ungraded, [march], [Proposition("p3", [march], 1, 6, "single-source")]);

        FrontPartBuilder.Build(report, NoTexts).BottomLine[0].Text.ShouldStartWith("No event in these 2 reports is told by two independent sources");
    }

    [Fact]
    public void InAGradedCorpus_ASingleSourcesAccountStillWaitsForASecondSource()
    {
        var deal = Deal();
        var march = Claim("c-c3", "c", "Rebel fighters seized the regional army headquarters in the city overnight.", start: 400);
        var report = Report(Outlets, [.. deal, march], [Proposition("p2", deal, 2, 2), Proposition("p3", [march], 1, 3, "single-source")]);

        FrontPartBuilder.Build(report, NoTexts).BottomLine.ShouldNotContain(b => b.Proposition == "p3");
    }

    [Fact]
    public void ASingleReportsAccountTellsWhatHappened_NotADemandItReportsSomeoneAnnounced()
    {
        // The announcement names a resignation (a weighty event word) but tells a demand, in the words of the group it
        // quotes; the march is what the report itself says happened, done by a named participant.
        var demand = Claim("a-c1", "a", "The rebel group announced that it demanded the resignation of the defence minister, an old ally of the president.", start: 100) with
        {
            Attribution = new BriefAttribution("ent-group", "The rebel group", "named", "announced"),
            Frame = new BriefFrame(null, "announced", []) { Participants = [new BriefParticipant("agent", "The rebel group", "ent-group", new BriefSpan("a", 100, 115))] },
        };
        var march = Claim("b-c1", "b", "The rebel leader marched on the southern city and sent an armed column toward the capital.", start: 100) with
        {
            Frame = new BriefFrame("move", "marched", []) { Participants = [new BriefParticipant("agent", "The rebel leader", "ent-leader", new BriefSpan("b", 100, 116))] },
        };
        var report = Report(Outlets, [demand, march], [Proposition("p1", [demand], 1, 3, "single-source"), Proposition("p2", [march], 1, 3, "single-source")]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.ShouldContain(b => b.Proposition == "p2");
        brief.BottomLine.ShouldNotContain(b => b.Proposition == "p1");
        brief.BottomLine.ShouldNotContain(b => b.Text.Contains("demanded the resignation", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("author", false, "move", true, true)]
    [InlineData("named", false, "move", true, false)]
    [InlineData("author", true, "move", true, false)]
    [InlineData("author", false, null, true, false)]
    [InlineData("author", false, "move", false, false)]
    public void AnAccountOfWhatHappenedIsNarratedByItsReport_AndItsPredicateIsTheEvent(string attribution, bool derived, string? eventClass, bool entity, bool tells)
    {
        var claim = Claim("a-c1", "a", "The rebel leader marched on the southern city.") with
        {
            Attribution = new BriefAttribution(attribution == "author" ? "author" : "ent-x", attribution == "author" ? null : "The spokesman", attribution),
            DerivedFrom = derived ? "a-c0" : null,
            Frame = new BriefFrame(eventClass, "marched", []) { Participants = [new BriefParticipant("agent", "The rebel leader", entity ? "ent-leader" : null, new BriefSpan("a", 0, 16))] },
        };

        FrontPartBuilder.TellsWhatHappened(claim).ShouldBe(tells);
    }

    [Fact]
    public void OneBoundOverOneThingIsOneRow_AndACommentersRepeatOfAnOutletsValueIsLeftOut()
    {
        BriefClaim[] claims =
        [
            Claim("a-c1", "a", "At least 9 airmen were killed when the transport was shot down."),
            Claim("b-c1", "b", "Officials gave no names for the at least 9 airmen whose deaths were confirmed."),
            Claim("f-c1", "f", "It was theatre, there were no casualties at all.", post: "p1"),
            Claim("f-c2", "f", "At least 9 airmen dead, my cousin says.", post: "p2", start: 100),
        ];
        BriefFigureValue V(BriefClaim c, string counted, string value, string said) =>
            new(c.Id, c.Doc, value, new BriefMeasure("killed", counted, null, null, "people", said, c.Start, c.End), "2023-06-24T10:00+00:00", null, new BriefSpan(c.Doc, c.Start, c.End));
        var zero = V(claims[2], "people", "0", "no casualties") with { Measure = new BriefMeasure("casualties", "people", 0, 0, "people", "no casualties", 15, 28) };
        BriefFigure[] figures =
        [
            new("f1", "airmen killed", "dispute", "values differ", [V(claims[0], "airmen", "at least 9", "At least 9 airmen"), zero], [new BriefContradiction("a-c1", "f-c1", "contradiction", "both cannot hold")]),
            new("f2", "killed", "dispute", "values differ", [V(claims[1], "people", "at least 9", "at least 9 airmen whose deaths"), zero, V(claims[3], "people", "at least 9", "At least 9 airmen dead")], [new BriefContradiction("b-c1", "f-c1", "contradiction", "both cannot hold")]),
        ];

        var brief = FrontPartBuilder.Build(Report(Outlets, claims, [], figures), NoTexts);

        var item = brief.Status.Disputed.Where(d => d.Figures.Contains("f1")).ShouldHaveSingleItem();
        var rows = FrontPartMarkdown.FigureRows(FrontPartMarkdown.RowOf(brief, item).ShouldNotBeNull()).ToList();
        rows.Select(r => r.Value).ShouldBe(["at least 9 airmen", "none (‘no casualties’)"], ignoreOrder: true);
        var nine = rows.Single(r => r.Value == "at least 9 airmen");
        nine.Sources.ShouldBe("Alpha Wire; Beta Courier");
        rows.Single(r => r.Value.StartsWith("none", StringComparison.Ordinal)).Sources.ShouldContain("a commenter");
    }

    [Theory]
    [InlineData("I honestly thought she was shot in the head", true)]
    [InlineData("“We believe our son is innocent", true)]
    [InlineData("Investigators believe the gunman acted alone", false)]
    [InlineData("It was a trap", false)]
    public void AFirstPersonAccountIsKnown(string clause, bool first) => BriefFacts.IsFirstPerson(clause).ShouldBe(first);

    [Fact]
    public void AWitnesssFirstPersonWords_AreNeverConfirmed()
    {
        BriefClaim[] thought = [Claim("a-c1", "a", "I honestly thought she was shot in the head.", start: 50), Claim("b-c1", "b", "I honestly thought she was shot in the head.", start: 50)];
        var report = Report(Outlets, thought, [Proposition("p1", thought, 2, 2)]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.Status.Confirmed.ShouldNotContain(c => c.Proposition == "p1");
        brief.BottomLine.ShouldNotContain(b => b.Proposition == "p1");
        brief.KeyJudgments.ShouldNotContain(j => j.Proposition == "p1");
    }

    [Theory]
    [InlineData("Around 2:18 p.m., the teacher and two other parents are seen waiting at the corner", true)]
    [InlineData("The gunman can be heard shouting at the guards", true)]
    [InlineData("The president is seen as the winner of the standoff", false)]
    [InlineData("The gunman fired at the guards from the roof", false)]
    public void AClauseThatDescribesARecordingIsKnown(string clause, bool recording) => BriefFacts.DescribesRecording(clause).ShouldBe(recording);

    [Fact]
    public void WhatAVideoShowsIsNeverAKeyJudgment()
    {
        BriefClaim[] seen =
        [
            Claim("a-c1", "a", "The teacher and two other parents are seen waiting at the corner as the school bus pulls up.", start: 50),
            Claim("b-c1", "b", "The teacher and two other parents are seen waiting at the corner as a bus pulls up.", start: 50),
            Claim("c-c1", "c", "The teacher and two other parents are seen waiting at the corner.", start: 50),
        ];
        BriefClaim[] seized =
        [
            Claim("a-c2", "a", "Rebel fighters seized the regional army headquarters in the city overnight.", start: 400),
            Claim("b-c2", "b", "Rebel fighters seized the regional army headquarters in the city.", start: 400),
            Claim("c-c2", "c", "The regional army headquarters in the city was seized by rebel fighters.", start: 400),
        ];
        var report = Report(Outlets, [.. seen, .. seized], [Proposition("p1", seized, 3, 1), Proposition("p2", seen, 3, 1)]);

        FrontPartBuilder.Build(report, NoTexts).KeyJudgments.ShouldNotContain(j => j.Proposition == "p2");
    }

    [Fact]
    public void UndatedReadingsOfAStatusThatMoves_AreAnOpenQuestion_NotADispute()
    {
        var open = Claim("f-c1", "f", "The president says that criminal charges will NOT be dropped.", post: "p1");
        var closed = Claim("b-c1", "b", "All criminal charges against the rebel leader were quietly dropped.", start: 300);
        var state = new BriefStoryState("criminal case", "disputed", "criminal case: open vs closed; the reports' order is unknown", true, [])
        {
            Disputing =
            [
                new BriefStatusStep("open", open.Id, "the president", null, new BriefSpan("f", open.Start, open.End)),
                new BriefStatusStep("closed", closed.Id, "Beta Courier", null, new BriefSpan("b", closed.Start, closed.End)),
            ],
        };
        var report = Report(Outlets, [open, closed], []) with { States = [state] };

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.Status.Disputed.ShouldNotContain(d => d.Topic == "criminal case");
        brief.BottomLine.ShouldNotContain(b => b.Text.Contains("criminal case", StringComparison.Ordinal));
        var item = brief.Status.Open.Where(o => o.Topic == "criminal case").ShouldHaveSingleItem();
        item.Text.ShouldContain("no report is dated");
        item.Cites.Count.ShouldBe(2);
    }

    [Fact]
    public void UndatedOppositeReadingsOfAFact_StayADispute()
    {
        var surprised = Claim("a-c1", "a", "The president was caught by surprise by the revolt.");
        var knew = Claim("b-c1", "b", "The president knew of the revolt in advance, the general says.", start: 300);
        var state = new BriefStoryState("whether the president knew in advance", "disputed", "whether the president knew in advance: caught by surprise vs knew in advance", true, [])
        {
            Disputing =
            [
                new BriefStatusStep("caught by surprise", surprised.Id, "Alpha Wire", null, new BriefSpan("a", surprised.Start, surprised.End)),
                new BriefStatusStep("knew in advance", knew.Id, "Beta Courier", null, new BriefSpan("b", knew.Start, knew.End)),
            ],
        };
        var report = Report(Outlets, [surprised, knew], []) with { States = [state] };

        FrontPartBuilder.Build(report, NoTexts).Status.Disputed.ShouldContain(d => d.Topic == "whether the president knew in advance");
    }
}
