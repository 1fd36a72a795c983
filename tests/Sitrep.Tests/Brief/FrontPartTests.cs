using Shouldly;
using Sitrep.Brief.Building;
using Sitrep.Brief.Model;
using static Sitrep.Tests.Brief.BriefFixtures;

namespace Sitrep.Tests.Brief;

/// <summary>The front part is chosen from what the pipeline computed; briefs here are built by hand (issue 19).</summary>
public sealed class FrontPartTests
{
    private static readonly Dictionary<string, string> NoTexts = [];

    /// <summary>Three graded outlets report the seizure; one outlet alone reports the arrest; only a forum says the rumour.</summary>
    private static BriefReport Sample()
    {
        BriefDocument[] docs =
        [
            Doc("a", "Alpha Wire", "B"), Doc("b", "Beta Courier", "C"), Doc("c", "Gamma Agency", "B"),
            Doc("f", "forum.example c/news", "F", "thread"), Doc("g", "forum.example c/news", "F", "thread"),
        ];
        BriefClaim[] seized = [Claim("a-c1", "a", "Rebel fighters seized the regional army headquarters in the city overnight."), Claim("b-c1", "b", "Rebel fighters seized the regional army headquarters in the city."), Claim("c-c1", "c", "The regional army headquarters in the city was seized by rebel fighters.")];
        BriefClaim[] arrest = [Claim("a-c2", "a", "Police arrested the deputy governor of the province on Sunday morning.", start: 100)];
        BriefClaim[] rumour = [Claim("f-c1", "f", "The whole uprising was staged by the security service from the start.", post: "p1"), Claim("g-c1", "g", "The whole uprising was staged by the security service.", post: "p2")];
        var claims = seized.Concat(arrest).Concat(rumour).ToList();
        return Report(docs, claims, [Proposition("p1", seized, 3, 1), Proposition("p2", arrest, 1, 3, "single-source"), Proposition("p3", rumour, 2, 2)]);
    }

    [Fact]
    public void WhenThreeGradedOutletsAgree_TheBottomLineStatesIt_AndItsJudgmentIsAlmostCertainWithHighConfidence()
    {
        var report = Sample();
        var brief = FrontPartBuilder.Build(report, NoTexts);
        var view = new BriefFacts(report).ById["p1"];

        brief.BottomLine.ShouldContain(b => b.Proposition == "p1" && b.Text.Contains("3 independent sources, 3 graded outlets", StringComparison.Ordinal) && b.Cites.Count > 0);
        brief.KeyJudgments.ShouldNotContain(j => j.Proposition == "p1");
        FrontPartBuilder.LikelihoodOf(view).ShouldBe("almost certain");
        FrontPartBuilder.ConfidenceOf(view).ShouldBe("high");
        FrontPartBuilder.Basis(view, new BriefFacts(report)).ShouldBe("3 independent sources, B1 (3 graded); not disputed");
    }

    [Fact]
    public void ASingleSourceClaimNeverLeads_ItWaitsForASecondSource()
    {
        var brief = FrontPartBuilder.Build(Sample(), NoTexts);

        brief.BottomLine.ShouldNotContain(b => b.Proposition == "p2");
        brief.KeyJudgments.ShouldNotContain(j => j.Proposition == "p2");
        brief.Status.Confirmed.ShouldNotContain(c => c.Proposition == "p2");
        brief.Watch.ShouldContain(w => w.Proposition == "p2" && w.Text.Contains("Alpha Wire (B)", StringComparison.Ordinal));
    }

    [Fact]
    public void AForumRumourIsNeverStatedAsFact_ItIsWatchedAndAttributed()
    {
        var brief = FrontPartBuilder.Build(Sample(), NoTexts);

        brief.BottomLine.ShouldNotContain(b => b.Proposition == "p3");
        brief.KeyJudgments.ShouldNotContain(j => j.Proposition == "p3");
        brief.Status.Confirmed.ShouldNotContain(c => c.Proposition == "p3");
        var watched = brief.Watch.Where(w => w.Proposition == "p3").ShouldHaveSingleItem();
        watched.Text.ShouldStartWith("Unconfirmed");
        watched.Text.ShouldContain("(F)");
    }

    [Fact]
    public void EveryFrontPartStatementCitesSourceCharacters()
    {
        var brief = FrontPartBuilder.Build(Sample(), NoTexts);

        brief.BottomLine.ShouldAllBe(b => b.Cites.Count > 0);
        brief.KeyJudgments.ShouldAllBe(j => j.Cites.Count > 0);
        brief.Watch.ShouldAllBe(w => w.Cites.Count > 0);
        brief.Status.Confirmed.Concat(brief.Status.Disputed).Concat(brief.Status.Open).Concat(brief.Status.Changed).ShouldAllBe(i => i.Cites.Count > 0);
    }

    [Fact]
    public void AnAnalystsOwnEstimateIsReportedAsTheirs_NotAsSitrepsJudgment()
    {
        var report = Sample();
        var estimate = Claim("c-c9", "c", "We assess that the uprising was very likely a genuine gamble by its leader.", "judgment", new BriefModality("very likely", 0.8, 0.95, "very_likely"), 300);
        report = report with { Claims = [.. report.Claims, estimate] };

        var brief = FrontPartBuilder.Build(report, NoTexts);

        var theirs = brief.SourceJudgments.ShouldHaveSingleItem();
        theirs.Holder.ShouldBe("Gamma Agency (B)");
        theirs.Term.ShouldBe("very likely");
        theirs.Text.ShouldStartWith("Gamma Agency (B)");
        brief.KeyJudgments.ShouldNotContain(j => j.Text.Contains("genuine gamble", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenGradedOutletsDenyAClaim_ItIsLabelledDebunked()
    {
        var report = Sample();
        BriefClaim[] claim = [Claim("f-c5", "f", "Thousands of soldiers joined the rebels in the capital overnight.", post: "p9", start: 400)];
        var denied = Proposition("p9", claim, 1, 5, "contested", ("f", "support"), ("a", "deny"), ("b", "deny")) with { Support = 0.2, Denial = 1.5 };
        report = report with { Claims = [.. report.Claims, .. claim], Propositions = [.. report.Propositions, denied] };

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.Status.Disputed.ShouldContain(d => d.Proposition == "p9" && d.Label == "debunked");
        brief.BottomLine.ShouldNotContain(b => b.Proposition == "p9");
    }

    [Fact]
    public void WhenAStoryStateChanged_ChangedTellsTheStepsAndSinceKeepsOnlyLaterOnes()
    {
        var report = Sample() with
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

        var all = FrontPartBuilder.Build(report, NoTexts);
        var later = FrontPartBuilder.Build(report, NoTexts, DateTimeOffset.Parse("2023-06-28T00:00+00:00", System.Globalization.CultureInfo.InvariantCulture));

        var changed = all.Status.Changed.ShouldHaveSingleItem();
        changed.Topic.ShouldBe("criminal case");
        changed.Text.ShouldContain("open (Alpha Wire, 24 Jun 2023) → closed (Beta Courier, 27 Jun 2023)");
        all.BottomLine.ShouldContain(b => b.Text.Contains("criminal case is now closed", StringComparison.Ordinal));
        later.Status.Changed.ShouldBeEmpty();
        later.Status.Since.ShouldNotBeNull();
    }

    [Fact]
    public void OutletsBylinesAndCommonNounsAreNotActors()
    {
        var report = Sample() with
        {
            Documents = [.. Sample().Documents.Select(d => d.Id == "a" ? d with { Source = d.Source with { Author = "Jane Byline" } } : d)],
            Entities =
            [
                new BriefEntity("e1", "Ivan Petrov", "PERSON", ["the rebel commander"], [new BriefSpan("a", 0, 5), new BriefSpan("b", 0, 5)]),
                new BriefEntity("e2", "Alpha Wire", "ORG", [], [new BriefSpan("a", 0, 5), new BriefSpan("b", 0, 5)]),
                new BriefEntity("e3", "Jane Byline", "PERSON", [], [new BriefSpan("a", 0, 5), new BriefSpan("c", 0, 5)]),
                new BriefEntity("e4", "Treason", "ORG", ["the treason chief"], [new BriefSpan("a", 0, 5), new BriefSpan("c", 0, 5)]),
            ],
        };
        var texts = new Dictionary<string, string>(StringComparer.Ordinal) { ["a"] = "The president called it treason on television." };

        var actors = FrontPartBuilder.Build(report, texts).ActorsThatMatter;

        var actor = actors.ShouldHaveSingleItem();
        actor.Name.ShouldBe("Ivan Petrov");
        actor.Role.ShouldStartWith("rebel commander");
    }

    [Fact]
    public void ALongCorpusStillGivesAFrontPartWithinTheWordBudget()
    {
        var docs = Enumerable.Range(0, 40).Select(i => Doc("d" + i, "Outlet " + i, i % 2 == 0 ? "B" : "C")).ToList();
        var claims = new List<BriefClaim>();
        var propositions = new List<BriefProposition>();
        for (var i = 0; i < 30; i++)
        {
            BriefClaim[] pair =
            [
                Claim($"d{i}-c1", "d" + i, $"Convoy number {i} of armoured vehicles crossed the northern river bridge near the old textile town before dawn on the second day of the march."),
                Claim($"d{i + 1}-c1", "d" + (i + 1), $"Convoy number {i} of armoured vehicles crossed the northern river bridge near the old textile town before dawn."),
            ];
            claims.AddRange(pair);
            propositions.Add(Proposition("p" + i, pair, 2, 2));
        }

        var brief = FrontPartBuilder.Build(Report(docs, claims, propositions), NoTexts);

        FrontPartBuilder.WordCount(brief).ShouldBeLessThanOrEqualTo(FrontPartBuilder.WordBudget);
        brief.BottomLine.ShouldNotBeEmpty();
    }
    [Fact]
    public void AStatusTheStoryHasMovedPastIsNeverStatedAsCurrent_TheBottomLineSaysWhereItStandsNow()
    {
        var report = Sample();
        BriefClaim[] promise =
        [
            Claim("a-c7", "a", "The spokesman said the criminal case against the rebel leader will be dropped.", start: 200),
            Claim("b-c7", "b", "The criminal case against the rebel leader will be dropped, the spokesman said.", start: 200),
            Claim("c-c7", "c", "Officials said the criminal case against the rebel leader will be dropped.", start: 200),
        ];
        report = report with
        {
            Claims = [.. report.Claims, .. promise],
            Propositions = [.. report.Propositions, Proposition("p7", promise, 3, 1)],
            States =
            [
                new BriefStoryState("criminal case", "closed", "criminal case: to be dropped → closed", false,
                [
                    new BriefStatusStep("to be dropped", "a-c7", "Alpha Wire", "2023-06-24T10:00+00:00", new BriefSpan("a", 200, 270)),
                    new BriefStatusStep("closed", "b-c1", "Beta Courier", "2023-06-27T10:00+00:00", new BriefSpan("b", 0, 10)),
                ]),
            ],
        };

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.ShouldNotContain(b => b.Proposition == "p7");
        brief.KeyJudgments.ShouldNotContain(j => j.Proposition == "p7");
        brief.Status.Confirmed.ShouldNotContain(c => c.Proposition == "p7");
        brief.BottomLine.ShouldContain(b => b.Text.Contains("criminal case is now closed", StringComparison.Ordinal) && b.Text.Contains("superseded", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEventOfConsequenceOutranksAWidelyRepeatedRemark()
    {
        BriefDocument[] docs = [Doc("a", "Alpha Wire", "B"), Doc("b", "Beta Courier", "B"), Doc("c", "Gamma Agency", "B"), Doc("d", "Delta News", "B")];
        BriefClaim[] remark = [.. docs.Select((d, i) => Claim($"{d.Id}-r", d.Id, "The spokesman told reporters that the president was working in his office as usual.", start: 300))];
        BriefClaim[] seized = [.. docs.Take(3).Select(d => Claim($"{d.Id}-s", d.Id, "Rebel fighters seized the regional army headquarters in the southern city overnight."))];
        var report = Report(docs, [.. remark, .. seized], [Proposition("remark", remark, 4, 1), Proposition("seized", seized, 3, 1)]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine[0].Proposition.ShouldBe("seized");
        brief.BottomLine.ShouldNotContain(b => b.Proposition == "remark");
        brief.KeyJudgments.ShouldNotContain(j => j.Proposition == "seized", "the judgments add to the bottom line rather than repeat it");
    }

    [Fact]
    public void TheBottomLineTellsTheOutcomeBesideTheMainEvent_OneSentenceEachInTheOrderTheyHappened()
    {
        var report = Sample();
        BriefClaim[] deal =
        [
            Claim("a-c8", "a", "The rebel leader halted the march after the neighbouring president brokered a deal.", start: 500) with { ReportTime = "2023-06-25T10:00+00:00" },
            Claim("b-c8", "b", "The march was halted under a deal brokered by the neighbouring president.", start: 500) with { ReportTime = "2023-06-25T11:00+00:00" },
        ];
        report = report with { Claims = [.. report.Claims, .. deal], Propositions = [.. report.Propositions, Proposition("p8", deal, 2, 2)] };

        var brief = FrontPartBuilder.Build(report, NoTexts);

        var order = brief.BottomLine.Select(b => b.Proposition).OfType<string>().ToList();
        order.ShouldBe(["p1", "p8"]);
    }

    [Fact]
    public void TheMainEventTheReportsLeadWithOpensTheBottomLine_AMoreRepeatedDetailFollows()
    {
        BriefDocument[] docs = [Doc("a", "Alpha Wire", "B"), Doc("b", "Beta Courier", "B"), Doc("c", "Gamma Agency", "B"), Doc("d", "Delta News", "B")];
        BriefClaim[] main = [.. docs.Take(3).Select(d => Claim($"{d.Id}-m", d.Id, "The warship thwarted an attack by pirates on five merchant vessels in the gulf."))];
        BriefClaim[] filler = [.. docs.SelectMany(d => new[] { Claim($"{d.Id}-f1", d.Id, "The vessels were sailing through the transit corridor at the time.", start: 200), Claim($"{d.Id}-f2", d.Id, "The warship was escorting the merchant vessels on patrol duty.", start: 400), Claim($"{d.Id}-f3", d.Id, "The crew of the warship challenged the suspicious boats at once.", start: 600) })];
        BriefClaim[] rifles = [.. docs.Select(d => Claim($"{d.Id}-r", d.Id, "Six rifles and 300 rounds of ammunition were seized from the pirates' boats.", start: 900))];
        var report = Report(docs, [.. main, .. filler, .. rifles], [Proposition("rifles", rifles, 4, 1), Proposition("main", main, 3, 1)]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine[0].Proposition.ShouldBe("main");
        brief.BottomLine.Select(b => b.Proposition).ShouldContain("rifles");
    }

    [Fact]
    public void ADefendantsOwnWordsNeverLeadTheBottomLine_NorBecomeAJudgment()
    {
        BriefDocument[] docs = [Doc("a", "Alpha Wire", "B"), Doc("b", "Beta Courier", "B"), Doc("c", "Gamma Agency", "B")];
        BriefClaim[] quote = [.. docs.Select(d => Claim($"{d.Id}-q", d.Id, "“I never killed anyone in that courtroom,” the defendant told the judge on Saturday."))];
        BriefClaim[] sentence = [.. docs.Take(2).Select(d => Claim($"{d.Id}-s", d.Id, "The defendant was sentenced to life in prison without parole on Saturday.", start: 200))];
        var report = Report(docs, [.. quote, .. sentence], [Proposition("quote", quote, 3, 1), Proposition("sentence", sentence, 2, 2)]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.BottomLine.ShouldNotContain(b => b.Proposition == "quote");
        brief.KeyJudgments.ShouldNotContain(j => j.Proposition == "quote");
        brief.BottomLine[0].Proposition.ShouldBe("sentence");
    }

    [Fact]
    public void ASourcesOwnEstimateRepeatedByThreeReportsIsNeverSitrepsKeyJudgment()
    {
        BriefDocument[] docs = [Doc("a", "Alpha Wire", "B"), Doc("b", "Beta Courier", "B"), Doc("c", "Gamma Agency", "B")];
        var likely = new BriefModality("likely", 0.55, 0.8, "likely");
        BriefClaim[] estimate = [.. docs.Select(d => Claim($"{d.Id}-e", d.Id, "The defendant will likely die in prison after the judge handed down the maximum sentence.", "judgment", likely))];
        BriefClaim[] sentence = [.. docs.Take(2).Select(d => Claim($"{d.Id}-s", d.Id, "The defendant was sentenced to life in prison without parole on Saturday.", start: 200))];
        var report = Report(docs, [.. estimate, .. sentence], [Proposition("estimate", estimate, 3, 1), Proposition("sentence", sentence, 2, 2)]);

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.KeyJudgments.ShouldNotContain(j => j.Proposition == "estimate");
        brief.BottomLine.ShouldNotContain(b => b.Proposition == "estimate");
    }

    [Theory]
    [InlineData("“I will not bring dishonor to the decision,” Nichols told the court.", true)]
    [InlineData("`` And I just wanted to say that I will not bring dishonor to the decision.", true)]
    [InlineData("I just want to say that I will not bring dishonor, '' the convicted killer said.", true)]
    [InlineData("Nichols was sentenced to life without parole on Saturday.", false)]
    public void AQuotationIsAPartysOwnWords(string text, bool speech) =>
        BriefFacts.IsSpeech(Claim("x", "a", text)).ShouldBe(speech);

    [Fact]
    public void UngradedReportsThatAgreeAreReportedByIndependentSources_NeverConfirmedWithHighConfidence()
    {
        BriefDocument[] docs = [Doc("a", "Alpha Blog", string.Empty), Doc("b", "Beta Site", string.Empty), Doc("c", "Gamma Page", string.Empty), Doc("f", "forum.example", string.Empty, "thread")];
        BriefClaim[] seized = [Claim("a-c1", "a", "Rebel fighters seized the regional army headquarters in the city overnight."), Claim("b-c1", "b", "Rebel fighters seized the regional army headquarters in the city."), Claim("c-c1", "c", "The regional army headquarters in the city was seized by rebel fighters.")];
        var report = Report(docs, seized, [Proposition("p1", seized, 3, 6, "corroborated")]);

        var brief = FrontPartBuilder.Build(report, NoTexts);
        var facts = new BriefFacts(report);
        var view = facts.ById["p1"];

        FrontPartBuilder.LikelihoodOf(view, ungraded: true).ShouldBe("likely");
        FrontPartBuilder.ConfidenceOf(view, ungraded: true).ShouldBe("moderate");
        FrontPartBuilder.Basis(view, facts).ShouldStartWith("reported by 3 independent sources, none graded");
        brief.BottomLine.ShouldContain(b => b.Proposition == "p1" && b.Text.Contains("reported by 3 independent sources", StringComparison.Ordinal));
        brief.Status.Confirmed.ShouldAllBe(c => c.Label == "reported, not confirmed");
    }

    [Fact]
    public void AForumPostThatQuotesSomeoneIsTheCommentersClaim_NotThatPersons()
    {
        var report = Sample();
        var quoted = Claim("f-c9", "f", "Putin says that the criminal charges will NOT be dropped after all.", post: "p1", start: 700) with
        {
            Attribution = new BriefAttribution("ent-putin", "Putin", "named", "says"),
        };
        var echo = Claim("g-c9", "g", "Putin says the criminal charges will not be dropped.", post: "p2", start: 700);
        report = report with { Claims = [.. report.Claims, quoted, echo], Propositions = [.. report.Propositions, Proposition("p9", [quoted, echo], 2, 3)] };

        var brief = FrontPartBuilder.Build(report, NoTexts);

        var watched = brief.Watch.Where(w => w.Proposition == "p9").ShouldHaveSingleItem();
        watched.Text.ShouldContain("a commenter on forum.example c/news (citing Putin) (F)");
        watched.Text.ShouldNotContain("Putin (via", Case.Sensitive);
    }

    [Fact]
    public void AQuotedClauseLeavesOutTheDatelineAndAnAppositive_AndCitesExactlyTheQuotedCharacters()
    {
        const string text = "RIGA, 24 August 2023 — Ivan Petrov, the founder of the rebel group whose men marched on the capital, was on a jet that crashed near the lake, killing all ten people on board, the aviation agency said.";
        var docs = new[] { Doc("a", "Alpha Wire", "B"), Doc("b", "Beta Courier", "B"), Doc("c", "Gamma Agency", "B") };
        BriefClaim[] crash = [.. docs.Select(d => Claim($"{d.Id}-c1", d.Id, text, start: 40))];
        var brief = FrontPartBuilder.Build(Report(docs, crash, [Proposition("p1", crash, 3, 1)]), NoTexts);

        var line = brief.BottomLine.First(b => b.Proposition == "p1");
        line.Text.ShouldStartWith("“Ivan Petrov … was on a jet that crashed near the lake, killing all ten people on board”");
        var cite = line.Cites.ShouldHaveSingleItem();
        var source = new string(' ', 40) + text;
        var cited = source[cite.Start..cite.End];
        cited.ShouldStartWith("Ivan Petrov, the founder");
        cited.ShouldEndWith("all ten people on board");
    }
    [Fact]
    public void CopiesOfOneSentenceAtOtherOffsets_EachCiteTheirOwnDocumentsCharacters()
    {
        // The quoted clause is worked out once per distinct text; where it is cited must still be each copy's own place.
        const string text = "MOSCOW, June 24, 2023 (Agency) — Rebel fighters seized the regional army headquarters in the city overnight, the ministry said.";
        var docs = new[] { Doc("a", "Alpha Wire", "B"), Doc("b", "Beta Courier", "B"), Doc("c", "Gamma Agency", "B") };
        BriefClaim[] copies = [Claim("a-c1", "a", text, start: 7), Claim("b-c1", "b", text, start: 250), Claim("c-c1", "c", text, start: 1234)];
        var brief = FrontPartBuilder.Build(Report(docs, copies, [Proposition("p1", copies, 3, 1)]), NoTexts);

        var cites = brief.BottomLine.SelectMany(b => b.Cites).Concat(brief.KeyJudgments.SelectMany(j => j.Cites)).ToList();
        cites.ShouldNotBeEmpty();
        foreach (var cite in cites)
        {
            var claim = copies.Single(c => c.Doc == cite.Doc);
            var cited = text[(cite.Start - claim.Start)..(cite.End - claim.Start)];
            cited.ShouldStartWith("Rebel fighters seized");
            cited.ShouldNotContain("the ministry said");
        }
    }

    [Fact]
    public void AClaimNamingTheStorysCentralActorOutranksAnOtherwiseEqualOne()
    {
        var docs = new[] { Doc("a", "Alpha Wire", "B"), Doc("b", "Beta Courier", "B") };
        BriefClaim[] named = [Claim("a-c1", "a", "Ivan Petrov ordered the column to turn back toward the border.", start: 100), Claim("b-c1", "b", "Ivan Petrov ordered the column to turn back toward the border.", start: 300)];
        BriefClaim[] plain = [Claim("a-c2", "a", "The column was ordered to turn back toward the border at dusk.", start: 500), Claim("b-c2", "b", "The column was ordered to turn back toward the border at dusk.", start: 700)];
        var report = Report(docs, named.Concat(plain), [Proposition("p2", plain, 2, 2), Proposition("p1", named, 2, 2)]) with
        {
            // Mentions outside the claim (at 0) and inside it (at 100 and 300): only those inside make the claim name him.
            Entities = [new BriefEntity("e1", "Ivan Petrov", "PERSON", [], [new BriefSpan("a", 0, 11), new BriefSpan("a", 100, 111), new BriefSpan("b", 300, 311)])],
        };

        var brief = FrontPartBuilder.Build(report, NoTexts);

        var said = brief.BottomLine.Select(b => b.Proposition).Concat(brief.KeyJudgments.Select(j => j.Proposition)).Concat(brief.Status.Confirmed.Select(c => c.Proposition)).OfType<string>().ToList();
        said.ShouldContain("p1");
        said.IndexOf("p1").ShouldBeLessThan(said.Contains("p2") ? said.IndexOf("p2") : int.MaxValue);
    }

    [Fact]
    public void ADisputedFigureIsNeverAKeyJudgment_ItIsShownUnderDisputedWithEverySourcesValue()
    {
        var report = Sample();
        BriefClaim[] values = [Claim("a-c7", "a", "At least 13 airmen were killed when the helicopters were shot down.", start: 500), Claim("b-c7", "b", "At least 13 airmen died in the attacks on the aircraft.", start: 500), Claim("f-c7", "f", "No airmen were killed at all, it is all made up.", post: "p1", start: 500)];
        BriefFigureValue Value(BriefClaim c, string value) =>
            new(c.Id, c.Doc, value, new BriefMeasure("count", "airmen", 13, null, "person", value, c.Start, c.End), null, null, new BriefSpan(c.Doc, c.Start, c.End));
        report = report with
        {
            Claims = [.. report.Claims, .. values],
            Figures = [new BriefFigure("fig1", "airmen killed", "dispute", "values differ", [Value(values[0], "at least 13"), Value(values[1], "at least 13"), Value(values[2], "0")], [])],
        };

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.KeyJudgments.ShouldAllBe(j => j.Figure == null);
        brief.KeyJudgments.ShouldNotContain(j => j.Text.Contains("airmen", StringComparison.OrdinalIgnoreCase));
        brief.Status.Disputed.ShouldContain(d => d.Figure == "fig1");
    }

    [Fact]
    public void AHolderThatTookInPartOfTheSentenceIsNamedByItsEntity_AndAFigureValueByTheHolderNotTheSourceKey()
    {
        var report = Sample();
        var claim = Claim("c-c8", "c", "The force was 4,000 to 6,000 men, far fewer than the 25,000 Prigozhin claimed.", start: 600) with
        {
            Attribution = new BriefAttribution("ent-p", "far fewer than the 25,000 Prigozhin", "named", "claimed"),
        };
        var measure = new BriefMeasure("count", "men", 4000, 6000, "person", "4,000 to 6,000", 620, 634);
        report = report with
        {
            Claims = [.. report.Claims, claim],
            Entities = [new BriefEntity("ent-p", "Yevgeny Prigozhin", "PERSON", ["Prigozhin"], [])],
            Figures = [new BriefFigure("fig2", "force size", "dispute", "values differ", [new BriefFigureValue(claim.Id, "far fewer than the 25,000 Prigozhin (via Gamma Agency)", "4,000–6,000", measure, null, null, new BriefSpan("c", 600, 680))], [])],
        };

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.Figures.Single(f => f.Id == "fig2").Values.Single().Source.ShouldBe("Yevgeny Prigozhin (via Gamma Agency)");
    }

    [Theory]
    [InlineData("Kremlin spokesman Dmitry Peskov", true)]
    [InlineData("the Kremlin", true)]
    [InlineData("far fewer than the 25,000 Prigozhin", false)]
    [InlineData("tallies compiled by pro-war Russian military bloggers", false)]
    public void AHolderAsWrittenReadsAsANameOnlyWhenItLooksLikeOne(string holder, bool name) =>
        BriefFacts.ReadsAsName(holder).ShouldBe(name);

    [Fact]
    public void ASourcesOwnJudgmentIsQuotedToTheEndOfItsClause_NotCutMidPhrase()
    {
        var report = Sample();
        var estimate = Claim("c-c9", "c", "First, we can be 100% certain this is not any kind of popular uprising. It is a choreographed conflict.", "judgment", new BriefModality("100% certain", 0.95, 1, "almost_certain"), 300);
        report = report with { Claims = [.. report.Claims, estimate] };

        var brief = FrontPartBuilder.Build(report, NoTexts);

        brief.SourceJudgments.ShouldHaveSingleItem().Text.ShouldContain("“First, we can be 100% certain this is not any kind of popular uprising”");
    }

    [Fact]
    public void WhenNothingIsCorroborated_AHeadlinesSubtitleNeverLeads_AndTheBottomLineSaysEachAccountIsOneReportsWord()
    {
        const string blog = "The Coup is Under Way\n\nRebel troops seize the port and the regime looks paralysed. Updates follow.\n\nAs I write, channels are flooded with videos of armed detachments in the port city, and in the north they have reportedly exchanged fire with regular forces at two checkpoints on the main road.\n";
        var subtitleAt = blog.IndexOf("Rebel troops", StringComparison.Ordinal);
        var bodyAt = blog.IndexOf("As I write", StringComparison.Ordinal);
        BriefDocument[] docs = [Doc("blog", "Live Blog", string.Empty, "liveblog"), Doc("wire", "Other Site", string.Empty)];
        var subtitle = Claim("blog-c1", "blog", "Rebel troops seize the port and the regime looks paralysed.", start: subtitleAt);
        var body = Claim("blog-c2", "blog", "In the north they have reportedly exchanged fire with regular forces at two checkpoints on the main road.", start: bodyAt + 90);
        var other = Claim("wire-c1", "wire", "Police arrested the deputy governor of the province on Sunday morning after the clashes.", start: 10);
        var report = Report(docs, [subtitle, body, other], [Proposition("p1", [subtitle], 1, 6, "single-source"), Proposition("p2", [body], 1, 6, "single-source"), Proposition("p3", [other], 1, 6, "single-source")]);
        var texts = new Dictionary<string, string> { ["blog"] = blog, ["wire"] = new string(' ', 10) + other.Text };

        var brief = FrontPartBuilder.Build(report, texts);

        brief.BottomLine.ShouldNotContain(b => b.Proposition == "p1");
        brief.BottomLine[0].Text.ShouldContain("single report's word");
    }

    [Theory]
    [InlineData("Headline of the story\n\nA short subtitle that sells it.\n\n" + Body, "A short", true)]
    [InlineData("Headline of the story\n\nBy A. Writer\n\n" + Body, "Fighters", false)]
    [InlineData("Only short lines here.\n\nAnd another short one.\n", "And another", false)]
    public void TheOpeningBlockIsTheShortParagraphsBeforeTheFirstParagraphOfRunningText(string text, string at, bool opening) =>
        Standfirst.InOpening(text, text.IndexOf(at, StringComparison.Ordinal)).ShouldBe(opening);

    private const string Body = "Fighters from the group held the headquarters of the district in the city on Saturday morning, after their commander turned his private army against the country's military leadership in the gravest test of the president's rule in two decades.";
}
