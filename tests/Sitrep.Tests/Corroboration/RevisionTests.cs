using Shouldly;
using Sitrep.Corroboration;
using Sitrep.Corroboration.Contradictions;
using Sitrep.Corroboration.Figures;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Corroboration;

/// <summary>
/// A story that moved, told apart from a conflict without report times: a report that says what was first reported and
/// then revised, and two reports whose own datelines order them. Sentences of our own.
/// </summary>
public sealed class RevisionTests
{
    [Fact]
    public void AStatementFirstReportedAndThenRevisedInTheSameReportIsAnUpdate()
    {
        var found = Revisions.Find(
            [
                Item("d-c1", "The ranger was taken to hospital after the fire on the ridge."),
                Item("d-c2", "Park officials initially reported that a second ranger was burned, but later said his injuries came from a fall."),
                Item("d-c3", "Officials said the second ranger was hurt when he slipped on the trail."),
            ],
            "Ridge Gazette").ShouldHaveSingleItem();

        found.Earlier.ShouldBe("d-c2");
        found.Later.ShouldBe("d-c3");
        found.Reason.ShouldStartWith("the story moved: Ridge Gazette tells that it was first reported that “a second ranger was burned”");
    }

    [Fact]
    public void AFirstReportWithNoStatementThatRevisesItGivesNothing()
    {
        Revisions.Find(
            [
                Item("d-c1", "Officials initially reported that the fire started in the kitchen."),
                Item("d-c2", "The ferry left the harbour at noon."),
            ],
            "Ridge Gazette").ShouldBeEmpty();
    }

    [Fact]
    public void ARevisedCountOfDeadIsRevisedByTheReportsOtherCountNotBySharedWords()
    {
        var found = Revisions.Find(
            [
                Item("d-c1", "A driver rammed two cars at the crossing, killing one person.", 1),
                Item("d-c2", "The second victim died on the way to the clinic."),
                Item("d-c3", "Local radio originally reported that two of the three victims died."),
            ],
            "Crossing Post").ShouldHaveSingleItem();

        found.Earlier.ShouldBe("d-c3");
        found.Later.ShouldBe("d-c1");
    }

    [Fact]
    public void ASentenceThatPointsBackAndLaterAdmitsRevisesTheStatementBeforeIt()
    {
        var found = Revisions.Find(
            [
                Item("d-c1", "The witness said his cousin asked him to tell detectives they were together until about midnight on the night of the fire."),
                Item("d-c2", "He did tell detectives that originally, and later admitted that they had only been together until about eight on the night of the fire."),
            ],
            "Court Reporter").ShouldHaveSingleItem();

        found.Earlier.ShouldBe("d-c1");
        found.Later.ShouldBe("d-c2");
    }

    [Fact]
    public void APointBackCutFromItsLaterAdmissionStillRevisesTheStatementBeforeIt()
    {
        var found = Revisions.Find(
            [
                Item("d-c1", "The witness said his cousin asked him to tell detectives they were together until about 11 p.m. on the night of the fire."),
                Item("d-c2", "He did tell detectives that originally"),
                Item("d-c3", "later admitted that they had only been together until about 8:00 on the night of the fire."),
            ],
            "Court Reporter").ShouldHaveSingleItem();

        found.Earlier.ShouldBe("d-c1");
        found.Later.ShouldBe("d-c3");
    }

    [Theory]
    [InlineData("Police later said the suspect had been arrested near the station.")]
    [InlineData("The mayor first visited the site on Tuesday.")]
    [InlineData("Reports said the bridge had been closed since Monday.")]
    public void NarrativeWithoutARevisionCueIsNoRevision(string text)
    {
        Revisions.HasCue(text).ShouldBeFalse();
        Revisions.Find([Item("d-c1", "The suspect was arrested near the station on Monday, police said."), Item("d-c2", text)], "Ridge Gazette").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("two of the three victims died", 2.0)]
    [InlineData("three people were killed", 3.0)]
    [InlineData("12 dead", 12.0)]
    public void ADeathCountIsReadFromTheRevisedClause(string clause, double count) => Revisions.DeathCount(clause).ShouldBe(count);

    [Fact]
    public void ATollRisingBetweenTwoDatelinedReportsIsAnUpdate()
    {
        var figure = Figures(Analyze(
            Doc("a.txt", "Harlow quake\nNov 27, 2031\nThe earthquake near Harlow killed three people, the governor said."),
            Doc("b.txt", "Harlow quake toll\nPublished: November 28, 2031\nThe earthquake near Harlow killed 10 people, the governor said."))).ShouldHaveSingleItem();

        figure.Verdict.ShouldBe(FigureVerdict.Update);
        var conflict = figure.Conflicts.ShouldHaveSingleItem();
        conflict.IsUpdate.ShouldBeTrue();
        conflict.Earlier.Measure.Min.ShouldBe(3.0);
        conflict.Later.Measure.Min.ShouldBe(10.0);
    }

    [Fact]
    public void TwoDatelinesOfOneDayGiveNoOrderSoTheTollsStayADispute()
    {
        var figure = Figures(Analyze(
            Doc("a.txt", "Harlow quake\nNov 27, 2031\nThe earthquake near Harlow killed three people, the governor said."),
            Doc("b.txt", "Harlow quake toll\nNovember 27, 2031\nThe earthquake near Harlow killed 10 people, the governor said."))).ShouldHaveSingleItem();

        figure.Verdict.ShouldBe(FigureVerdict.Dispute);
    }

    [Fact]
    public void AReportThatHasNoDatelineCannotBeOrderedSoTheTollsStayADispute()
    {
        var figure = Figures(Analyze(
            Doc("a.txt", "Harlow quake\nThe earthquake near Harlow killed three people, the governor said."),
            Doc("b.txt", "Harlow quake toll\nPublished: November 28, 2031\nThe earthquake near Harlow killed 10 people, the governor said."))).ShouldHaveSingleItem();

        figure.Verdict.ShouldBe(FigureVerdict.Dispute);
    }

    [Fact]
    public void ALaterDatelinedTollThatFallsIsStillADispute()
    {
        var figure = Figures(Analyze(
            Doc("a.txt", "Harlow quake\nNov 27, 2031\nThe earthquake near Harlow killed 10 people, the governor said."),
            Doc("b.txt", "Harlow quake toll\nNov 29, 2031\nThe earthquake near Harlow killed three people, the governor said."))).ShouldHaveSingleItem();

        figure.Verdict.ShouldBe(FigureVerdict.Dispute);
    }

    [Fact]
    public void AFigureItsReportSaysWasTheFirstReportedIsTheEarlierSideOfAnUpdate()
    {
        var figure = Figures(Analyze(
            Doc("a.txt", "Police initially reported that four people were killed in the blast at the Harlow depot."),
            Doc("b.txt", "Two people were killed in the blast at the Harlow depot, police said."))).ShouldHaveSingleItem();

        var conflict = figure.Conflicts.ShouldHaveSingleItem();
        conflict.IsUpdate.ShouldBeTrue();
        conflict.Earlier.Measure.Min.ShouldBe(4.0);
        conflict.Later.Measure.Min.ShouldBe(2.0);
    }

    [Theory]
    [InlineData("Ten dead in southern quake on Nov 27, 2031")]
    [InlineData("Rescuers searched the rubble on Nov 27, 2031")]
    public void AHeadlineOrASentenceWithADateIsNoDateline(string line)
    {
        var doc = Analyze(Doc("a.txt", line + "\nThe earthquake near Harlow killed three people.")).Documents[0];
        Datelines.Of(doc).ShouldBeNull();
    }

    [Theory]
    [InlineData("Nov 27, 2031", false)]
    [InlineData("Posted: Nov 27, 2031 8:20 AM ET Last Updated: Nov 27, 2031 8:10 PM ET", true)]
    [InlineData("Published: November 27, 2031", false)]
    public void ADatelineGivesTheDayAndTheLatestStamp(string line, bool clock)
    {
        var doc = Analyze(Doc("a.txt", "Harlow quake\n" + line + "\nThe earthquake near Harlow killed three people.")).Documents[0];
        var stamp = Datelines.Of(doc).ShouldNotBeNull();
        stamp.Time.UtcDateTime.Date.ShouldBe(new DateTime(2031, 11, 27));
        stamp.HasClock.ShouldBe(clock);
    }

    [Theory]
    [InlineData("The Herons have offered a five-year contract to Dana Ruiz, the club said.", "Herons", "offer made")]
    [InlineData("Herons general manager Lee Park confirmed that his club had also made a five-year offer.", "Herons", "offer made")]
    [InlineData("A spokesman confirmed Sunday the Herons have withdrawn their offer.", "Herons", "offer withdrawn")]
    [InlineData("On Sunday night, the Coastal Herons withdrew their contract offer to Ruiz.", "Herons", "offer withdrawn")]
    [InlineData("The Los Angeles Herons withdrew their offer to Ruiz.", "Herons", "offer withdrawn")]
    public void AnOfferMadeOrWithdrawnIsReadWithItsParty(string text, string party, string status) =>
        Sitrep.Corroboration.State.Offers.Read(text).ShouldBe((party, status));

    [Theory]
    [InlineData("The Herons declined to make an offer during that time.")]
    [InlineData("The Herons could make an offer before the deadline.")]
    [InlineData("The Kestrels offered him the same deal as the Herons.")]
    [InlineData("Nobody knows what the offer will be worth.")]
    public void NoOfferIsReadFromARefusalAPossibilityOrAnotherPartysOffer(string text) =>
        Sitrep.Corroboration.State.Offers.Read(text).ShouldNotBe(("Herons", "offer made"));

    [Fact]
    public void AnOfferMadeThenWithdrawnIsAStoryThatMovedWithoutReportTimes()
    {
        var corpus = Analyze(
            Doc("a.txt", "The Herons have offered a five-year contract to Dana Ruiz, the club said."),
            Doc("b.txt", "A spokesman confirmed Sunday the Herons have withdrawn their offer to Dana Ruiz."));

        var state = corpus.Layers.Get<Sitrep.Corroboration.State.StoryStateLayer>().States.ShouldHaveSingleItem();
        state.Steps.Select(s => s.Status).ShouldBe(["offer made", "offer withdrawn"]);
        state.Disputed.ShouldBeFalse();
        state.Summary.ShouldStartWith("offer of the Herons: offer made (");
    }

    [Fact]
    public void AnOfferOnlyMadeTellsNoStory()
    {
        var corpus = Analyze(
            Doc("a.txt", "The Herons have offered a five-year contract to Dana Ruiz, the club said."),
            Doc("b.txt", "The Kestrels have offered a six-year contract to Dana Ruiz, the club said."));

        corpus.Layers.Get<Sitrep.Corroboration.State.StoryStateLayer>().States.ShouldBeEmpty();
    }

    private static Revisions.Item Item(string key, string text, params double[] counts) => new(key, text, counts);

    private static List<Figure> Figures(Corpus corpus) => [.. corpus.Layers.Get<FigureLayer>().Figures];

    private static Document Doc(string path, string text) =>
        Document.Create(text, path).WithKind(DocumentKind.Article).WithSource(new Source(path == "a.txt" ? "Harbour Times" : "Valley Post", null, null, null, Reliability.B)).Build();

    private static Corpus Analyze(params Document[] documents) => PropositionPipeline.Analyze(new PropositionStage(withFigures: true), documents);
}
