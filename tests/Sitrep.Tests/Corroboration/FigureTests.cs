using Shouldly;
using Sitrep.Claims.Frames;
using Sitrep.Corroboration;
using Sitrep.Corroboration.Figures;
using Sitrep.Corroboration.Propositions;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Corroboration;

/// <summary>Figures side by side: sentences of our own for each judgment and each tempting false pair.</summary>
public sealed class FigureTests
{
    private static readonly DateTimeOffset Morning = new(2024, 3, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ATollAgainstAReportThatNobodyDiedIsADispute()
    {
        var corpus = Analyze(
            Doc("a.txt", "At least 12 people were killed in the raid on Harlow.", "Harbour Times"),
            Doc("b.txt", "No one was killed in the raid on Harlow, the mayor's office said.", "Valley Post"));

        var figure = Figures(corpus).ShouldHaveSingleItem();
        figure.Verdict.ShouldBe(FigureVerdict.Dispute);
        figure.Values.Select(v => v.Measure.Min).ShouldBe([12.0, 0.0], ignoreOrder: true);
        corpus.Layers.Get<PropositionLayer>().Contradictions.ShouldContain(c => c.PropositionId == figure.Id && !c.IsUpdate);
    }

    [Fact]
    public void DifferentTollsFromDifferentSourcesAtOneTimeAreADispute()
    {
        var figure = Figures(Analyze(
            Doc("a.txt", "The ferry disaster killed 30 people, officials said.", "Harbour Times", Morning),
            Doc("b.txt", "The ferry disaster killed 43 people, according to the coast guard.", "Valley Post", Morning))).ShouldHaveSingleItem();
        figure.Verdict.ShouldBe(FigureVerdict.Dispute);
        figure.Conflicts.ShouldHaveSingleItem().Reason.ShouldContain("both cannot hold");
    }

    [Fact]
    public void ATollThatRisesOverADayIsAnUpdateNotADispute()
    {
        var figure = Figures(Analyze(
            Doc("a.txt", "Five people were killed when the building collapsed.", "Harbour Times", Morning),
            Doc("b.txt", "The number of people killed when the building collapsed rose to 24.", "Valley Post", Morning.AddHours(20)))).ShouldHaveSingleItem();
        figure.Verdict.ShouldBe(FigureVerdict.Update);
        figure.Conflicts.ShouldHaveSingleItem().IsUpdate.ShouldBeTrue();
    }

    [Fact]
    public void DeathsAndInjuriesAreNeverSetAgainstEachOther()
    {
        var corpus = Analyze(
            Doc("a.txt", "The storm killed 30 people across the province.", "Harbour Times"),
            Doc("b.txt", "The storm injured 40 people across the province.", "Valley Post"));
        Figures(corpus).ShouldBeEmpty();
        corpus.Layers.Get<PropositionLayer>().Contradictions.ShouldBeEmpty();
    }

    [Fact]
    public void DepthAndDistanceAreApartAndTheSameDepthInMilesAgrees()
    {
        var corpus = Analyze(
            Doc("a.txt", "The quake struck at a depth of 10 km, 40 km from Ridgeton.", "Harbour Times"),
            Doc("b.txt", "The quake was 6 miles deep, seismologists said.", "Valley Post"));
        var figure = Figures(corpus).ShouldHaveSingleItem();
        figure.Role.ShouldBe(MeasureRoles.Depth);
        figure.Verdict.ShouldBe(FigureVerdict.Consistent);
        corpus.Layers.Get<PropositionLayer>().Contradictions.ShouldBeEmpty();
    }

    [Fact]
    public void TwoQuakesYearsApartNeverShareAFigure()
    {
        var corpus = Analyze(
            Doc("a.txt", "In September 2009 an earthquake killed 1,100 people in Padang.", "Harbour Times"),
            Doc("b.txt", "The earthquake of July 2013 killed 40 people in Padang.", "Valley Post"));
        Figures(corpus).ShouldNotContain(f => f.Verdict == FigureVerdict.Dispute);
        corpus.Layers.Get<PropositionLayer>().Contradictions.ShouldBeEmpty();
    }

    [Fact]
    public void AFigureItsOwnSentenceRejectsIsNotASourcesValue()
    {
        var corpus = Analyze(
            Doc("a.txt", "At least 13 airmen were killed when the aircraft was shot down.", "Harbour Times"),
            Doc("b.txt", "Claims that there were no casualties are unsupported by the evidence.", "Valley Post"));
        Figures(corpus).ShouldNotContain(f => f.Verdict == FigureVerdict.Dispute);
    }

    [Fact]
    public void ANegationInAnotherClauseDoesNotMakeADenial()
    {
        var corpus = Analyze(
            Doc("a.txt", "The spokesman said the criminal case against the commander will be dropped.", "Harbour Times"),
            Doc("b.txt", "The criminal case against the commander will be dropped, and the fighters will not be prosecuted.", "Valley Post"));
        var layer = corpus.Layers.Get<PropositionLayer>();
        layer.Propositions.ShouldNotContain(p => p.Status == CorroborationStatus.Contested);
        layer.Contradictions.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("seize", "seized")]
    [InlineData("drop", "dropped")]
    [InlineData("kill", "killed")]
    [InlineData("closes", "closed")]
    public void FormsOfOneVerbShareAStem(string a, string b) =>
        Sitrep.Corroboration.Contradictions.ContradictionFinder.Stem(a).ShouldBe(Sitrep.Corroboration.Contradictions.ContradictionFinder.Stem(b));

    [Fact]
    public void ACaseSaidToBeDroppedThenOpenThenClosedIsAStoryThatMoved()
    {
        var corpus = Analyze(
            Doc("a.txt", "The spokesman said the criminal case against the commander would be dropped.", "Harbour Times", Morning),
            Doc("b.txt", "Prosecutors said the charges have not been dropped.", "Valley Post", Morning.AddDays(2)),
            Doc("c.txt", "The security service said it had closed the criminal case against the commander.", "Lakeside Wire", Morning.AddDays(3)));
        var state = corpus.Layers.Get<Sitrep.Corroboration.State.StoryStateLayer>().States.ShouldHaveSingleItem();
        state.Steps.Select(s => s.Status).ShouldBe(["to be dropped", "open", "closed"]);
        state.Now.ShouldBe("closed");
        state.Disputed.ShouldBeFalse();
    }

    [Fact]
    public void AnEarlierQuakeToldForContextIsNotSetAgainstTheStorysQuake()
    {
        var corpus = Analyze(
            Doc("a.txt", "The quake on Sunday killed 10 people on Harrow island.", "Harbour Times"),
            Doc("b.txt", "In February, a quake in Dunmore killed 600 people. The quake on Sunday killed 10 people on Harrow island.", "Valley Post"));

        Figures(corpus).ShouldNotContain(f => f.Verdict == FigureVerdict.Dispute);
    }

    [Theory]
    [InlineData("The last time the two gangs met in Harrow, a riot killed 25 people.")]
    [InlineData("In their previous clash in Harrow, a riot killed 25 people.")]
    public void AnEarlierMeetingOfTheSamePartiesIsNotSetAgainstTheStorysEvent(string background)
    {
        var corpus = Analyze(
            Doc("a.txt", "The riot on Sunday killed 10 people in Harrow.", "Harbour Times"),
            Doc("b.txt", background + " The riot on Sunday killed 10 people in Harrow.", "Valley Post"));

        Figures(corpus).ShouldNotContain(f => f.Verdict == FigureVerdict.Dispute);
    }

    [Fact]
    public void TheFirstMeetingSinceATruceIsTheStorysEventAndItsTollIsStillDisputed()
    {
        var corpus = Analyze(
            Doc("a.txt", "The riot on Sunday killed 10 people in Harrow.", "Harbour Times"),
            Doc("b.txt", "In their first clash since the truce, the riot on Sunday killed 14 people in Harrow.", "Valley Post"));

        Figures(corpus).ShouldContain(f => f.Verdict == FigureVerdict.Dispute);
    }

    [Fact]
    public void AContractionSplitAtItsApostropheStillNegatesWhatTheOtherSays()
    {
        Sitrep.Corroboration.Contradictions.ContradictionFinder.NegatesShared("The case hadn ’ t been filed.", "The case had been filed.", requireNegation: true).ShouldBeTrue();
        Sitrep.Corroboration.Contradictions.ContradictionFinder.NegatesShared("The case had n't been filed.", "The case had been filed.", requireNegation: true).ShouldBeTrue();
        Sitrep.Corroboration.Contradictions.ContradictionFinder.NegatesShared("The case hadn ’ t been filed.", "The appeal was lodged.", requireNegation: true).ShouldBeFalse();
    }

    [Fact]
    public void ASentenceThatOpensWithItCarriesOnTheBackgroundOfTheOneBefore()
    {
        var corpus = Analyze(
            Doc("a.txt", "The quake on Sunday killed 10 people on Harrow island.", "Harbour Times"),
            Doc("b.txt", "The last big quake in the region was in February. It killed 600 people and left thousands homeless.", "Valley Post"));

        Figures(corpus).ShouldNotContain(f => f.Verdict == FigureVerdict.Dispute);
    }

    [Fact]
    public void TwoDistancesOfDifferentThingsFromOneCityAreNotADispute()
    {
        var corpus = Analyze(
            Doc("a.txt", "Police evacuated the building, about 15 miles north of Carlow.", "Harbour Times"),
            Doc("b.txt", "A driver 50 miles north of Carlow spotted the car.", "Valley Post"));

        Figures(corpus).ShouldNotContain(f => f.Verdict == FigureVerdict.Dispute);
    }

    [Fact]
    public void AMagnitudeAWholePointApartIsAnotherShockNotADispute()
    {
        var corpus = Analyze(
            Doc("a.txt", "A 5.9-magnitude quake struck Harrow island on Sunday.", "Harbour Times"),
            Doc("b.txt", "The observatory registered a quake measuring 3.8 on the Richter scale on Harrow island.", "Valley Post"));

        Figures(corpus).ShouldNotContain(f => f.Verdict == FigureVerdict.Dispute);
    }

    [Fact]
    public void TwoAgesOfOneNamedPersonAreADispute()
    {
        var figure = Figures(Analyze(
            Doc("a.txt", "Tobias Marren, 32, died while climbing on Sunday.", "Harbour Times"),
            Doc("b.txt", "The 31-year-old Tobias Marren fell from the ridge.", "Valley Post"))).ShouldHaveSingleItem();
        figure.Role.ShouldBe(MeasureRoles.Age);
        figure.Counted.ShouldBe("tobias marren");
        figure.Verdict.ShouldBe(FigureVerdict.Dispute);
    }

    [Fact]
    public void TwoFinalTurnoutsThatCannotBothHoldAreADispute()
    {
        var figure = Figures(Analyze(
            Doc("a.txt", "In the Brindle council election, turnout reached 71.4 percent, the commission said.", "Harbour Times"),
            Doc("b.txt", "The commission said turnout in the Brindle council election was almost 60%.", "Valley Post"))).ShouldHaveSingleItem();
        figure.Role.ShouldBe(MeasureRoles.Turnout);
        figure.Verdict.ShouldBe(FigureVerdict.Dispute);
        figure.Conflicts.ShouldHaveSingleItem().Reason.ShouldContain("71.4 percent");
    }

    [Fact]
    public void TwoValuesOfOneSignedContractThatCannotBothHoldAreADispute()
    {
        var figure = Figures(Analyze(
            Doc("a.txt", "The Harbour club signed free agent Dana Brook to an $82 million deal, the club said on Monday.", "Harbour Times"),
            Doc("b.txt", "The Harbour club signed Dana Brook to a five-year deal worth nearly $80 million, the club said on Monday.", "Valley Post"))).ShouldHaveSingleItem();
        figure.Role.ShouldBe(MeasureRoles.Contract);
        figure.Verdict.ShouldBe(FigureVerdict.Dispute);
        figure.Conflicts.ShouldHaveSingleItem().Reason.ShouldContain("nearly $80 million");
    }

    [Fact]
    public void ARoundContractValueAndTwoPlayersContractsAreNoDispute()
    {
        var corpus = Analyze(
            Doc("a.txt", "The Harbour club signed free agent Dana Brook to an $82 million deal, the club said on Monday.", "Harbour Times"),
            Doc("b.txt", "The Harbour club signed Dana Brook to a five-year, $80 million contract, the club said on Monday.", "Valley Post"),
            Doc("c.txt", "The Harbour club also signed Lee Ashdown to a three-year, $25 million contract, the club said on Monday.", "Hill Courier"));

        Figures(corpus).ShouldNotContain(f => f.Verdict == FigureVerdict.Dispute);
        corpus.Layers.Get<PropositionLayer>().Contradictions.ShouldBeEmpty();
    }

    [Fact]
    public void TwoRecordsOfOneFighterAfterOneBoutAreADisputeAndACareerRecordIsAnotherFigure()
    {
        var corpus = Analyze(
            Doc("a.txt", "Jonas Varga (31-2, 20 KOs) stopped Emil Horvath in Graz on Saturday to keep his title.", "Harbour Times"),
            Doc("b.txt", "Jonas Varga, 32-2, 21 KO's, stopped Emil Horvath in Graz on Saturday to keep his title.", "Valley Post"),
            Doc("c.txt", "In Graz on Saturday Jonas Varga stopped Emil Horvath (18-4) and kept his title; Varga has a career record of 40-5.", "Hill Courier"));

        var figure = Figures(corpus).Where(f => f.Verdict == FigureVerdict.Dispute).ShouldHaveSingleItem();
        figure.Role.ShouldBe(MeasureRoles.Record);
        figure.Counted.ShouldBe("varga");
    }

    [Fact]
    public void AFightersRecordsSixBoutsApartAreTwoMomentsOfHisCareerNotADispute()
    {
        var corpus = Analyze(
            Doc("a.txt", "Jonas Varga (31-2, 20 KOs) stopped Emil Horvath in Graz on Saturday to keep his title.", "Harbour Times"),
            Doc("b.txt", "Jonas Varga, 37-2 with 25 knockouts, stopped Emil Horvath in Graz on Saturday to keep his title.", "Valley Post"));

        Figures(corpus).ShouldNotContain(f => f.Verdict == FigureVerdict.Dispute);
    }

    [Fact]
    public void ARoundedTurnoutAndAPartWayCountAreNoDispute()
    {
        var corpus = Analyze(
            Doc("a.txt", "In the Brindle council election, turnout reached 71.4 percent, the commission said.", "Harbour Times"),
            Doc("b.txt", "The commission said turnout in the Brindle council election was 71 percent.", "Valley Post"),
            Doc("c.txt", "Turnout in the Brindle council election stood at 40 percent as of noon.", "Hill Courier"));

        Figures(corpus).ShouldNotContain(f => f.Verdict == FigureVerdict.Dispute);
        corpus.Layers.Get<PropositionLayer>().Contradictions.ShouldBeEmpty();
    }

    [Fact]
    public void AgesOfTwoDifferentPeopleAreNeverSetAgainstEachOther()
    {
        var corpus = Analyze(
            Doc("a.txt", "Tobias Marren, 32, died while climbing on Sunday.", "Harbour Times"),
            Doc("b.txt", "A day earlier, 36-year-old Colm Adair died after a fall.", "Valley Post"));

        Figures(corpus).ShouldNotContain(f => f.Verdict == FigureVerdict.Dispute);
    }

    [Fact]
    public void WellEquippedAgainstPoorlyEquippedForOneNamedPersonIsADispute()
    {
        var corpus = Analyze(
            Doc("a.txt", "Police said Mr Hollis was well equipped for the climb but had little experience.", "Harbour Times"),
            Doc("b.txt", "Rangers said that Mr Hollis's party appeared to be poorly equipped for the climb.", "Valley Post"));

        var dispute = corpus.Layers.Get<PropositionLayer>().Contradictions.ShouldHaveSingleItem();
        dispute.IsUpdate.ShouldBeFalse();
        dispute.Reason.ShouldContain("well equipped");
        dispute.Reason.ShouldContain("poorly equipped");
    }

    [Fact]
    public void OnePersonDyingAtTheSceneAndOnTheWayToHospitalIsADispute()
    {
        var corpus = Analyze(
            Doc("a.txt", "A gunman opened fire at the Carlow office of Brindle Accounts on Monday. A hospital spokeswoman said Ada Quill died on the way to the hospital.", "Harbour Times"),
            Doc("b.txt", "A gunman opened fire at the Carlow office of Brindle Accounts on Monday. Police said receptionist Ada Quill died at the scene.", "Valley Post"));

        var dispute = corpus.Layers.Get<PropositionLayer>().Contradictions.ShouldHaveSingleItem();
        dispute.IsUpdate.ShouldBeFalse();
        dispute.Reason.ShouldContain("at the scene");
        dispute.Reason.ShouldContain("on the way to the hospital");
    }

    [Fact]
    public void InAStoryWithTwoDeadOneAtTheSceneAndOneInHospitalIsNoDispute()
    {
        var corpus = Analyze(
            Doc("a.txt", "Two people were killed when a gunman opened fire at the Carlow office of Brindle Accounts on Monday. A hospital spokeswoman said one victim died on the way to the hospital.", "Harbour Times"),
            Doc("b.txt", "A gunman opened fire at the Carlow office of Brindle Accounts on Monday. The receptionist died at the scene, police said.", "Valley Post"));

        corpus.Layers.Get<PropositionLayer>().Contradictions.ShouldBeEmpty();
    }

    [Fact]
    public void WellEquippedAndPoorlyEquippedAboutDifferentPeopleAreNoDispute()
    {
        var corpus = Analyze(
            Doc("a.txt", "Police said Mr Hollis was well equipped for the climb.", "Harbour Times"),
            Doc("b.txt", "Rangers said that Mr Adair's party appeared to be poorly equipped for the climb.", "Valley Post"));

        corpus.Layers.Get<PropositionLayer>().Contradictions.ShouldBeEmpty();
    }

    [Fact]
    public void ACountInANarrowerPlaceIsAnotherQuantityNotARivalToll()
    {
        var corpus = Analyze(
            Doc("a.txt", "The gunman killed four people in the courthouse escape on Friday.", "Harbour Times"),
            Doc("b.txt", "The gunman killed three people in the courtroom before he fled on Friday.", "Valley Post"));
        Figures(corpus).ShouldNotContain(f => f.Verdict == FigureVerdict.Dispute);
        corpus.Layers.Get<PropositionLayer>().Contradictions.ShouldBeEmpty();
    }

    [Fact]
    public void WhatACountIsMadeOfIsNoNarrowerScope_SoItsTollStillMeetsTheOthers()
    {
        var figure = Figures(Analyze(
            Doc("a.txt", "At least 9 soldiers were killed in the raid on Saturday, most of them aircrew.", "Harbour Times"),
            Doc("b.txt", "At least 20 soldiers were killed in the raid on Saturday, the ministry said.", "Valley Post"))).ShouldHaveSingleItem();
        figure.Values.Count.ShouldBe(2);
    }

    [Fact]
    public void UndatedTollsOfAStoryWhoseTollRoseAreAnUpdateFromTheSmallerCount()
    {
        var figure = Figures(Analyze(
            Doc("a.txt", "The quake on the island killed three people, the governor said.", "Harbour Times"),
            Doc("b.txt", "The quake on the island killed 10 people, and the death toll was not expected to rise further.", "Valley Post"))).ShouldHaveSingleItem();
        figure.Verdict.ShouldBe(FigureVerdict.Update);
        var conflict = figure.Conflicts.ShouldHaveSingleItem();
        conflict.Earlier.Measure.Min.ShouldBe(3);
        conflict.Later.Measure.Min.ShouldBe(10);
    }

    [Fact]
    public void OverAKeyHeldByMoreDocumentsThanTheCut_TheFiguresHoldTheFirstHoldersByIdWhateverTheOrderOfTheCorpus()
    {
        // One count of injured from each of 130 outlets: two more holders of the key than the finder sets side by side.
        var documents = Enumerable.Range(0, 130)
            .Select(i => Doc($"r{i:D3}.txt", $"{3 + i} people were injured in the fire at the Harlow grain depot.", "Outlet " + i))
            .ToList();
        var first = documents.Select(d => d.Id).Order(StringComparer.Ordinal).Take(128).ToHashSet(StringComparer.Ordinal);

        var forward = Figures(Analyze([.. documents])).SelectMany(f => f.Values).Select(v => v.DocumentId + " " + v.Measure.Describe()).Order(StringComparer.Ordinal).ToList();
        var backward = Figures(Analyze([.. Enumerable.Reverse(documents)])).SelectMany(f => f.Values).Select(v => v.DocumentId + " " + v.Measure.Describe()).Order(StringComparer.Ordinal).ToList();

        forward.Select(v => v.Split(' ')[0]).ToHashSet(StringComparer.Ordinal).SetEquals(first).ShouldBeTrue();
        backward.ShouldBe(forward);
    }

    private static List<Figure> Figures(Corpus corpus) => [.. corpus.Layers.Get<FigureLayer>().Figures];

    private static Document Doc(string path, string text, string outlet, DateTimeOffset? published = null) =>
        Document.Create(text, path).WithKind(DocumentKind.Article).WithSource(new Source(outlet, null, null, published, Reliability.B)).Build();

    private static Corpus Analyze(params Document[] documents) => PropositionPipeline.Analyze(new PropositionStage(withFigures: true), documents);
}
