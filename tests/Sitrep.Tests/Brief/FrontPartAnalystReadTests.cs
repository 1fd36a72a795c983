using Shouldly;
using Sitrep.Brief.Building;
using Sitrep.Brief.Model;
using Sitrep.Entities.Resolution;
using static Sitrep.Tests.Brief.BriefFixtures;

namespace Sitrep.Tests.Brief;

/// <summary>
/// Faults an analyst found reading whole front parts (issue 19, brief6 round): a matter told twice, a quote cut
/// mid-sentence or mid-name, a judgment without what it hangs on, a framing sentence leading, a role read from a common
/// noun, sources and common nouns in the entity list. Each case is built by hand with invented words.
/// </summary>
public sealed class FrontPartAnalystReadTests
{
    private static readonly Dictionary<string, string> NoTexts = [];

    private static BriefClaim[] Seized() =>
    [
        Claim("a-c1", "a", "Rebel fighters seized the regional army headquarters in the city overnight."),
        Claim("b-c1", "b", "Rebel fighters seized the regional army headquarters in the city."),
        Claim("c-c1", "c", "The regional army headquarters in the city was seized by rebel fighters."),
    ];

    [Fact]
    public void WhenTheBottomLineSaysWhereAMatterStands_ChangedAloneTellsTheStepsThatLedThere()
    {
        var seized = Seized();
        var report = Report(FourOutlets, seized, [Proposition("p1", seized, 3, 1)]) with
        {
            States =
            [
                new BriefStoryState("criminal case", "closed", "criminal case: to be dropped → open → closed", false,
                [
                    new BriefStatusStep("to be dropped", "a-c1", "Alpha Wire", "2023-06-24T10:00+00:00", new BriefSpan("a", 0, 10)),
                    new BriefStatusStep("open", "c-c1", "Gamma Agency", "2023-06-26T10:00+00:00", new BriefSpan("c", 0, 10)),
                    new BriefStatusStep("closed", "b-c1", "Beta Courier", "2023-06-27T10:00+00:00", new BriefSpan("b", 0, 10)),
                ]),
            ],
        };

        var brief = FrontPartBuilder.Build(report, NoTexts);

        var now = brief.BottomLine.Where(b => b.Text.Contains("criminal case is now closed", StringComparison.Ordinal)).ShouldHaveSingleItem();
        now.Text.ShouldNotContain("to be dropped");
        now.Text.ShouldNotContain("open (");
        now.Text.ShouldContain("see Changed");
        // The path reads as English: the topic, a colon, its readings in order (never "went to be dropped").
        brief.Status.Changed.ShouldHaveSingleItem().Text.ShouldStartWith("The criminal case: to be dropped (Alpha Wire, 24 Jun 2023) → open (Gamma Agency, 26 Jun 2023) → closed");
        brief.Status.Changed[0].Text.ShouldEndWith("; it stands closed.");
    }

    [Fact]
    public void WhenChangedLeavesTheMatterOut_TheBottomLineStillNamesTheSupersededReadings()
    {
        var seized = Seized();
        var report = Report(FourOutlets, seized, [Proposition("p1", seized, 3, 1)]) with
        {
            States =
            [
                new BriefStoryState("criminal case", "closed", "criminal case: open → closed", false,
                [
                    new BriefStatusStep("open", "a-c1", "Alpha Wire", "2023-06-24T10:00+00:00", new BriefSpan("a", 0, 10)),
                    new BriefStatusStep("closed", "b-c1", "Beta Courier", "2023-06-27T10:00+00:00", new BriefSpan("b", 0, 10)),
                ]),
            ],
        };

        var brief = FrontPartBuilder.Build(report, NoTexts, DateTimeOffset.Parse("2023-06-28T00:00+00:00", System.Globalization.CultureInfo.InvariantCulture));

        brief.Status.Changed.ShouldBeEmpty();
        brief.BottomLine.ShouldContain(b => b.Text.Contains("earlier reports that it was open (24 Jun 2023) are superseded", StringComparison.Ordinal));
    }

    [Fact]
    public void AWatchedClaimIsQuotedAsAWholeClause_NeverCutMidSentence()
    {
        var seized = Seized();
        var longer = Claim("a-c2", "a", "The settlement brokered by the neighbouring president removes the rebel leader from the national stage for now without resolving the underlying contest over who controls the country's irregular forces and their many foreign contracts.", start: 100);
        var shorter = Claim("c-c2", "c", "Police arrested the deputy governor of the province on Sunday morning.", start: 100);
        var report = Report(FourOutlets, [.. seized, longer, shorter], [Proposition("p1", seized, 3, 1), Proposition("p2", [longer], 1, 3, "single-source"), Proposition("p3", [shorter], 1, 3, "single-source")]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        var watched = brief.Watch.Where(w => w.Text.StartsWith("Awaiting a second source", StringComparison.Ordinal)).ShouldHaveSingleItem();
        watched.Proposition.ShouldBe("p3");
        watched.Text.ShouldNotContain("…");
    }

    [Fact]
    public void AJudgmentThatThreeGradedOutletsCarry_HangsOnEachOfThem()
    {
        var seized = Seized();
        var facts = new BriefFacts(Report(FourOutlets, seized, [Proposition("p1", seized, 3, 1)]));

        FrontPartBuilder.ConfidenceOf(facts.ById["p1"]).ShouldBe("high");
        FrontPartBuilder.Linchpin(facts.ById["p1"], facts).ShouldBe("each of its 3 graded outlets (without any one, moderate confidence)");
    }

    [Fact]
    public void AJudgmentNoSingleSourceCarries_SaysSo()
    {
        BriefDocument[] docs = [Doc("a", "Alpha Wire", "B"), Doc("b", "Beta Courier", "B"), Doc("c", "Gamma Agency", "B"), Doc("d", "Delta News", "A")];
        BriefClaim[] claims = [.. docs.Select(d => Claim($"{d.Id}-c1", d.Id, "The defence minister and the chief of staff both remain in their posts."))];
        var facts = new BriefFacts(Report(docs, claims, [Proposition("p1", claims, 4, 1)]));

        FrontPartBuilder.Linchpin(facts.ById["p1"], facts).ShouldBe("no single source");
    }

    [Fact]
    public void AJudgmentOnlyTwoGradedOutletsCarry_HangsOnBothByName()
    {
        BriefDocument[] docs = [Doc("a", "Alpha Wire", "B"), Doc("b", "Beta Courier", "C"), Doc("f", "forum.example c/news", "F", "thread")];
        BriefClaim[] claims = [.. docs.Select(d => Claim($"{d.Id}-c1", d.Id, "The defence minister and the chief of staff both remain in their posts."))];
        var facts = new BriefFacts(Report(docs, claims, [Proposition("p1", claims, 3, 2)]));

        FrontPartBuilder.ConfidenceOf(facts.ById["p1"]).ShouldBe("high");
        FrontPartBuilder.Linchpin(facts.ById["p1"], facts).ShouldBe("Alpha Wire (B) and Beta Courier (C) (without either, it rests on one graded outlet)");
    }

    [Fact]
    public void UntitledReportsWhoseNamesReadAlike_AreSeparateReportsInTheLinchpin()
    {
        // Three ungraded reports with no outlet and the same headline: three reports, not one outlet of three.
        BriefDocument[] docs = [.. new[] { "a", "b", "c" }.Select(id => Doc(id, null!, "") with { Headline = "Gunman named by police" })];
        BriefClaim[] claims = [.. docs.Select(d => Claim($"{d.Id}-c1", d.Id, "The bystander was wounded in her left arm."))];
        var facts = new BriefFacts(Report(docs, claims, [Proposition("p1", claims, 3, 0)]));

        FrontPartBuilder.ConfidenceOf(facts.ById["p1"], ungraded: true).ShouldBe("moderate");
        FrontPartBuilder.Linchpin(facts.ById["p1"], facts).ShouldBe("each of its 3 ungraded reports (without any one, low confidence)");
    }

    [Fact]
    public void AnOutletHoldingTwoReports_TakesBothWithItInTheLinchpin()
    {
        // Two reports of one outlet and one of another: without the first outlet, one report is left.
        BriefDocument[] docs = [Doc("a", "Harbour Herald", ""), Doc("b", "Harbour Herald", ""), Doc("c", "Valley Times", "")];
        BriefClaim[] claims = [.. docs.Select(d => Claim($"{d.Id}-c1", d.Id, "The bystander was wounded in her left arm."))];
        var facts = new BriefFacts(Report(docs, claims, [Proposition("p1", claims, 3, 0)]));

        FrontPartBuilder.Linchpin(facts.ById["p1"], facts).ShouldBe("Harbour Herald and Valley Times (without either, it rests on one ungraded report)");
    }

    [Fact]
    public void WhenOnlyTheBottomLinesEventIsCorroborated_NoKeyJudgmentRepeatsIt()
    {
        var seized = Seized();

        var brief = FrontPartBuilder.Build(Report(FourOutlets, seized, [Proposition("p1", seized, 3, 1)]), NoTexts);

        brief.BottomLine.ShouldContain(b => b.Proposition == "p1");
        brief.KeyJudgments.ShouldBeEmpty();
    }

    [Fact]
    public void ASentenceThatFramesWhatHappened_GivesWayToOneThatTellsIt()
    {
        BriefClaim[] claims =
        [
            Claim("a-c1", "a", "One crucial development involved talks between the two presidents and the rebel leader."),
            Claim("b-c1", "b", "Several hours later, the neighbouring president had brokered a deal whereby the rebel leader would live in exile."),
        ];
        var facts = new BriefFacts(Report(FourOutlets, claims, [Proposition("p1", claims, 2, 2)]));

        var view = facts.ById["p1"];
        view.Display!.Id.ShouldBe("b-c1");
        view.Excerpt!.Text.ShouldBe("Several hours later, the neighbouring president had brokered a deal");
    }

    [Theory]
    [InlineData("Public defender Peter Lynch admitting that Timmons had a gun but then dropping a bombshell.", true)]
    [InlineData("Police investigating the case said that the gun was never found.", false)]
    [InlineData("Prosecutor David Rossi said Timmons is charged with murder.", false)]
    public void ANameFollowedByABareParticiple_IsACaptionNotAStatement(string text, bool fragment)
    {
        var claim = Claim("a-c1", "a", text);

        BriefFacts.IsFragment(claim, Excerpt.Of(claim)).ShouldBe(fragment);
    }

    [Theory]
    [InlineData("he also was convicted on killing Sgt. Hoyt Teasley and two others in the courthouse", "“he also was convicted on killing Sgt. Hoyt Teasley …”")]
    [InlineData("The court heard that the guard and Sgt. Ray Miller were shot first in the hall", "“The court heard that the guard and Sgt. Ray Miller …”")]
    [InlineData("The jury deadlocked on the sentence after a week of deliberation", "“The jury deadlocked on the sentence …”")]
    public void AnActorsShortQuote_IsNeverCutInsideAName(string text, string quoted) =>
        ActorPicker.ShortQuote(text, 8).ShouldBe(quoted);

    [Fact]
    public void ATitleAfterAnIndefiniteArticle_IsACommonNounNotTheNamesTitle()
    {
        const string text = "“He is proud of it,” said the widow of a sheriff's deputy Nichols murdered. Nichols was sentenced on Saturday.";
        var at = text.IndexOf("Nichols murdered", StringComparison.Ordinal);
        var second = text.LastIndexOf("Nichols", StringComparison.Ordinal);
        var nichols = new BriefEntity("e1", "Brian Nichols", "PERSON", ["Nichols"], [new BriefSpan("a", at, at + 7), new BriefSpan("a", second, second + 7)]);

        ActorPicker.Role(nichols, new Dictionary<string, string> { ["a"] = text }).ShouldBeNull();
    }

    [Fact]
    public void AnInstitutionReadAsAPersonsOffice_IsNamedInAParenthesis()
    {
        var claim = Claim("f-c1", "f", "The Kremlin was caught completely by surprise.", post: "p1");
        var facts = new BriefFacts(Report(FourOutlets, [claim], []));

        facts.StepSource(new BriefStatusStep("caught by surprise", "f-c1", "forum, of the Kremlin as Vladimir Putin's office", null, new BriefSpan("f", 0, 10)))
            .ShouldBe("a commenter on forum.example c/news (on the Kremlin, taken as Vladimir Putin's office)");
    }

    [Fact]
    public void ASourcesJudgmentThatRunsOn_IsNotQuoted()
    {
        var seized = Seized();
        var runOn = Claim("a-c9", "a", "Positing that there is no way that the agency could possibly know something about the group that the other service does not, the general makes the point that there was almost no chance that the actions by the leader could have been a surprise to anyone in the capital at all.", "judgment", new BriefModality("almost no chance", 0.0, 0.05, "almost_no_chance"), start: 300);
        var brief = FrontPartBuilder.Build(Report(FourOutlets, [.. seized, runOn], [Proposition("p1", seized, 3, 1)]), NoTexts);

        brief.SourceJudgments.ShouldBeEmpty();
    }

    [Fact]
    public void SourcesCommonNounsAndCodes_AreSetAsideFromTheEntityList_WithTheirReasons()
    {
        BriefDocument[] docs =
        [
            Doc("a", "Meridian Wire", "B", author: "Daria Kessel"), Doc("b", "Southern Wind (Telegram channel, English mirror)", "E"),
            Doc("c", "Gamma Agency", "B"),
        ];
        var texts = new Dictionary<string, string>
        {
            ["a"] = "MOSCOW — The Kremlin said the charge of treason stands. Meridian Wire Moscow reported it first.",
            ["b"] = "Nah. It was staged. The Kremlin knew. Posted on Telegram by the channel.",
            ["c"] = "Brief HPSA-2023-0628-RU. The Kremlin declined to comment on the Treason case.\n(Reporting by Ola Brenn in Oslo; editing by Hanne Vik and Per Lund)",
        };
        static BriefEntity Entity(string id, string name, string type) => new(id, name, type, [], [new BriefSpan("a", 0, 1)]);
        var report = Report(docs, [], []) with
        {
            Entities =
            [
                Entity("e1", "Kremlin", "ORG"), Entity("e2", "Meridian Wire Moscow", "LOC"), Entity("e3", "Daria Kessel", "PERSON"),
                Entity("e4", "Telegram", "LOC"), Entity("e5", "HPSA-2023-0628-RU", "MISC"), Entity("e6", "Treason", "ORG"), Entity("e7", "Nah", "LOC"),
                Entity("e8", "so-called", "ORG"), Entity("e9", "Hanne Vik", "PERSON"), Entity("e10", "Per Lund", "PERSON"),
                Entity("e11", "Ola Brenn", "PERSON"),
            ],
        };

        var brief = FrontPartBuilder.Build(report, texts);
        var bounded = BriefBounds.Apply(brief, BriefLimits.Default);

        var reasons = brief.Entities.ToDictionary(e => e.Name, e => e.SetAside);
        reasons["Kremlin"].ShouldBeNull();
        reasons["Meridian Wire Moscow"].ShouldBe(ActorPicker.SourceReason);
        reasons["Daria Kessel"].ShouldBe(ActorPicker.SourceReason);
        reasons["Telegram"].ShouldBe(ActorPicker.MediumReason);
        reasons["HPSA-2023-0628-RU"].ShouldBe(ActorPicker.CodeReason);
        reasons["Treason"].ShouldBe(ActorPicker.CommonNounReason);
        reasons["Nah"].ShouldBe(ActorPicker.CommonNounReason);
        reasons["so-called"].ShouldBe(ActorPicker.CommonNounReason);
        reasons["Hanne Vik"].ShouldBe(ActorPicker.SourceReason);
        reasons["Per Lund"].ShouldBe(ActorPicker.SourceReason);
        reasons["Ola Brenn"].ShouldBe(ActorPicker.SourceReason);
        bounded.Entities.ShouldHaveSingleItem().Name.ShouldBe("Kremlin");
        bounded.Omitted.ShouldNotBeNull().SetAside.ShouldNotBeNull().Values.Sum().ShouldBe(10);
    }

    [Theory]
    [InlineData("(Reporting by Ola Brenn in Oslo and Lena Dahl in Bergen; editing by Hanne Vik)", "Ola Brenn|Lena Dahl|Hanne Vik")]
    [InlineData("Additional reporting by Ola Brenn, Lena Dahl", "Ola Brenn|Lena Dahl")]
    [InlineData("The minister said the report was written by Ola Brenn.", "")]
    [InlineData("Reporting by the Moscow bureau", "")]
    public void ACreditLineNamesItsPeople_AndOnlyACreditLine(string text, string expected) =>
        string.Join('|', ActorFilter.CreditNames([text])).ShouldBe(expected);
}
