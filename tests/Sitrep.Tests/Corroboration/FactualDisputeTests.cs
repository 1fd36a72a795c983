using Shouldly;
using Sitrep.Claims;
using Sitrep.Claims.Frames;
using Sitrep.Corroboration;
using Sitrep.Corroboration.Contradictions;
using Sitrep.Corroboration.Figures;
using Sitrep.Corroboration.Propositions;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Corroboration;

/// <summary>
/// Factual disputes the figures alone do not carry: opposite directions from one place, a prison term, the calibre of a
/// named person's gun, whom a shooter aimed at, the day of one act, a faller known by age. Sentences of our own.
/// </summary>
public sealed class FactualDisputeTests
{
    private static List<Measure> MeasuresOf(string text) =>
        [.. new ClaimAnalyzer().Analyze(Some.Analyzed(text), TestContext.Current.CancellationToken).SelectMany(c => c.Frame.Measures)];

    [Fact]
    public void ACompassWordGivesADistanceItsBearing()
    {
        var m = MeasuresOf("The tanker was attacked 150 nautical miles east of Port Harlow.").Where(x => x.Role == MeasureRoles.Distance).ShouldHaveSingleItem();
        m.Bearing.ShouldBe(90);
        Compass.Angle(90, 270).ShouldBe(180);
        Compass.Angle(350, 10).ShouldBe(20);
    }

    [Fact]
    public void TheSameDistanceInOppositeDirectionsIsADispute()
    {
        var figure = Figures(Analyze(
            Doc("a.txt", "The tanker was attacked 150 nautical miles east of Port Harlow, the navy said.", "Harbour Times"),
            Doc("b.txt", "The tanker was attacked 150 nautical miles west of Port Harlow, its owners said.", "Valley Post")))
            .Where(f => f.Role == MeasureRoles.Distance).ShouldHaveSingleItem();
        figure.Verdict.ShouldBe(FigureVerdict.Dispute);
        figure.Conflicts.ShouldHaveSingleItem().Reason.ShouldContain("opposite directions");
    }

    [Fact]
    public void NeighbouringDirectionsAtTheSameDistanceAreNoDispute()
    {
        Figures(Analyze(
            Doc("a.txt", "The tanker was attacked 150 nautical miles east of Port Harlow, the navy said.", "Harbour Times"),
            Doc("b.txt", "The tanker was attacked 150 nautical miles south-east of Port Harlow, its owners said.", "Valley Post")))
            .Where(f => f.Verdict == FigureVerdict.Dispute).ShouldBeEmpty();
    }

    [Fact]
    public void APrisonTermIsReadInYearsWithItsHalf()
    {
        MeasuresOf("He was sentenced to 2 1/2 years, with 9 months to serve.").Where(x => x.Role == MeasureRoles.Term).ShouldHaveSingleItem().Min.ShouldBe(2.5);
        MeasuresOf("Marlow served 9 months of a 2-1/2 year sentence.").Where(x => x.Role == MeasureRoles.Term).ShouldHaveSingleItem().Min.ShouldBe(2.5);
        MeasuresOf("Imposing a sentence of 12 years and a fine, the judge spoke of a long career.").Where(x => x.Role == MeasureRoles.Term).ShouldHaveSingleItem().Min.ShouldBe(12);
        var life = MeasuresOf("Marlow was sentenced to 25 years to life.").Where(x => x.Role == MeasureRoles.Term).ShouldHaveSingleItem();
        (life.Min, life.Max).ShouldBe((25.0, (double?)null));
    }

    [Fact]
    public void TwoReportsThatEachGiveOneDifferentTermDisagree() =>
        Figures(Analyze(
            Doc("a.txt", "Dale Marlow was sentenced to seven years in prison for racketeering, the court said.", "Harbour Times"),
            Doc("b.txt", "Dale Marlow was sentenced to 12 years in prison for racketeering, prosecutors said.", "Valley Post")))
            .Where(f => f.Role == MeasureRoles.Term).ShouldHaveSingleItem().Verdict.ShouldBe(FigureVerdict.Dispute);

    [Fact]
    public void AReportThatGivesTwoTermsTellsTwoSentencesAndDisputesNeitherWithAnotherReport() =>
        Figures(Analyze(
            Doc("a.txt", "Dale Marlow was first convicted of smuggling and sentenced to seven years in prison. Decades later a jury convicted Marlow of racketeering, and he was sentenced to 12 years in prison.", "Harbour Times"),
            Doc("b.txt", "Dale Marlow was sentenced to 12 years in prison for racketeering, prosecutors said.", "Valley Post")))
            .Where(f => f.Role == MeasureRoles.Term && f.Verdict == FigureVerdict.Dispute).ShouldBeEmpty();

    [Fact]
    public void ATermAFigureCouldReachIsNoPrisonTerm() =>
        MeasuresOf("Marlow faces up to 25 years in prison if convicted.").Where(x => x.Role == MeasureRoles.Term).ShouldBeEmpty();

    [Fact]
    public void TheCalibreOfANamedPersonsGunIsHisSurnames()
    {
        var m = MeasuresOf("Defence lawyers said Dale Marlow had a .32 that night.").Where(x => x.Role == MeasureRoles.Calibre).ShouldHaveSingleItem();
        m.Counted.ShouldBe("marlow");
        m.Min.ShouldBe(32);
        m.Text.ShouldBe(".32");
        MeasuresOf("Marlow, now 16, was armed with a .45-caliber handgun.").Where(x => x.Role == MeasureRoles.Calibre).ShouldHaveSingleItem().Min.ShouldBe(45);
    }

    [Fact]
    public void AGunWithoutANamedHolderGivesNoCalibre() =>
        MeasuresOf("His client had a .32-caliber revolver, while the bullet was a .45.").Where(x => x.Role == MeasureRoles.Calibre).ShouldBeEmpty();

    [Fact]
    public void TwoTargetsOfOneShooterThatShareNoWordAreADispute()
    {
        var corpus = Analyze(
            Doc("a.txt", "Marlow told police he was aiming for rival gang members when the bullet hit the girl.", "Harbour Times"),
            Doc("b.txt", "Marlow was reportedly aiming for an 11-year old boy whom he was feuding with.", "Valley Post"));
        corpus.Layers.Get<PropositionLayer>().Contradictions.ShouldHaveSingleItem().Reason.ShouldContain("aiming at");
    }

    [Fact]
    public void TwoWordingsOfOneTargetAreNoDispute()
    {
        var corpus = Analyze(
            Doc("a.txt", "Marlow told police he was aiming for rival gang members when the bullet hit the girl.", "Harbour Times"),
            Doc("b.txt", "Marlow was allegedly targeting members of the Eastside gang.", "Valley Post"));
        corpus.Layers.Get<PropositionLayer>().Contradictions.ShouldBeEmpty();
    }

    [Fact]
    public void DaysAreReadFromCalendarDatesAndWeekdays()
    {
        EventDateContrast.Day("XXXX-11-19").ShouldBe(new EventDateContrast.DayOf(null, 11, 19, 0));
        EventDateContrast.Day("2008-11-18T10:00").ShouldBe(new EventDateContrast.DayOf(2008, 11, 18, 0));
        EventDateContrast.Day("XXXX-WXX-4").ShouldBe(new EventDateContrast.DayOf(null, 0, 0, 4));
        EventDateContrast.Day("2008-11").ShouldBeNull();
        EventDateContrast.Day("XXXX-XX-XX").ShouldBeNull();
    }

    [Fact]
    public void DaysAFewApartMayBeOneActAndDaysFurtherApartAreTwo()
    {
        EventDateContrast.Gap(new(null, 11, 19, 0), new(null, 11, 18, 0)).ShouldBe(1);
        EventDateContrast.Gap(new(null, 12, 31, 0), new(null, 1, 1, 0)).ShouldBe(1);
        EventDateContrast.Gap(new(null, 0, 0, 4), new(null, 0, 0, 5)).ShouldBeNull();
        EventDateContrast.Gap(new(null, 0, 0, 4), new(null, 11, 19, 0)).ShouldBeNull();
        EventDateContrast.Gap(new(2008, 11, 19, 0), new(2009, 11, 19, 0)).ShouldBeNull();
        (EventDateContrast.Gap(new(null, 11, 2, 0), new(null, 11, 19, 0)) > EventDateContrast.MaxDayGap).ShouldBeTrue();
    }

    [Fact]
    public void AMisparsedPerfectNamesTheActOfItsParticiple()
    {
        const string text = "it had sunk the trawler";
        var frame = new ClaimFrame(null, "had", []) { Lemma = "have", Participants = [new FrameParticipant(ParticipantRole.Patient, "sunk", new TextRange(7, 11), new TextRange(7, 11))] };
        EventDateContrast.Act(frame, text).ShouldBe("sink");
        EventDateContrast.Act(new ClaimFrame(null, "sank", []) { Lemma = "sank" }, text).ShouldBe("sink");
    }

    [Fact]
    public void AFallerKnownByAgeIsTheOnePersonOfThatAge()
    {
        var corpus = Analyze(
            Doc("a.txt", "A 36-year-old climber died after falling about 150 metres from the ridge.", "Harbour Times"),
            Doc("b.txt", "36-year-old Dale Marlow died after falling about 60 metres from the ridge.", "Valley Post"),
            Doc("c.txt", "36-year-old Dale Marlowe fell from the ridge, the police said.", "Hill Gazette"));
        var figure = Figures(corpus).Where(f => f.Role == MeasureRoles.Fall).ShouldHaveSingleItem();
        figure.Verdict.ShouldBe(FigureVerdict.Dispute);
    }

    [Fact]
    public void TwoPeopleOfOneAgeLeaveAFallerUnnamed()
    {
        var corpus = Analyze(
            Doc("a.txt", "A 36-year-old climber died after falling about 150 metres from the ridge.", "Harbour Times"),
            Doc("b.txt", "36-year-old Dale Marlow died after falling about 60 metres from the ridge.", "Valley Post"),
            Doc("c.txt", "36-year-old Anna Kowalski was rescued from the ridge, the police said.", "Hill Gazette"));
        Figures(corpus).Where(f => f.Role == MeasureRoles.Fall && f.Verdict == FigureVerdict.Dispute).ShouldBeEmpty();
    }

    [Fact]
    public void OnePostsHolderNamedWithTheSameGivenNameAndAnotherSurnameIsADispute()
    {
        var corpus = Analyze(
            Doc("a.txt", "Rovers receiver Tom Reyes was arrested on suspicion of drunken driving on Monday, and Rovers general manager J.D. Marsh said in a statement that the club was aware of it.", "Harbour Times"),
            Doc("b.txt", "Rovers receiver Tom Reyes was arrested on suspicion of drunken driving on Monday, and Rovers general manager JD Pell said in a statement that the club was aware of it.", "Valley Post"));

        var dispute = corpus.Layers.Get<PropositionLayer>().Contradictions.ShouldHaveSingleItem();
        dispute.IsUpdate.ShouldBeFalse();
        dispute.Reason.ShouldContain("Rovers general manager");
        dispute.Reason.ShouldContain("J.D. Marsh");
        dispute.Reason.ShouldContain("JD Pell");
    }

    [Theory]
    [InlineData("Rovers coach Ann Lee was fired on Monday.", "The Rovers named coach Tom Hale on Monday after the firing.")]
    [InlineData("Rovers coach Ann Lee was fired on Monday.", "The Rovers named interim coach Ann Ross on Monday after the firing.")]
    [InlineData("Rovers owner Ilene Wolfe spoke on Monday about the firing.", "Rovers owner Ilene Wolff spoke on Monday about the firing.")]
    [InlineData("Rovers coach Ann Lee spoke on Monday about the firing.", "Harbour coach Ann Ross spoke on Monday about the firing.")]
    public void ASuccessorASpellingVariantOrAnotherClubsPostIsNoDispute(string a, string b)
    {
        TitleHolderContrast.Shared(["Ilene", "Wolfe"], ["Ilene", "Wolff"]).ShouldBeNull();
        TitleHolderContrast.Shared(["AJ", "Smith"], ["AJ", "Butler"]).ShouldBe("AJ");
        var corpus = Analyze(Doc("a.txt", a, "Harbour Times"), Doc("b.txt", b, "Valley Post"));
        corpus.Layers.Get<PropositionLayer>().Contradictions.ShouldNotContain(c => c.Reason.StartsWith("who is ", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoYearsGivenToOneNamedWorkAreADispute()
    {
        var figure = Figures(Analyze(
            Doc("a.txt", "Film star Mara Venn died in Carlow on Monday. Her life inspired the 2005 film The Long Shore, her agent said.", "Harbour Times"),
            Doc("b.txt", "Film star Mara Venn died in Carlow on Monday. Her life inspired the 2006 Sky movie, The Long Shore, her agent said.", "Valley Post")))
            .Where(f => f.Role == MeasureRoles.WorkYear).ShouldHaveSingleItem();
        figure.Counted.ShouldBe("the long shore");
        figure.Verdict.ShouldBe(FigureVerdict.Dispute);
    }

    [Fact]
    public void TwoTitlesOrARemakeDecadesLaterAreNoDispute()
    {
        var corpus = Analyze(
            Doc("a.txt", "Film star Mara Venn died in Carlow on Monday. Her life inspired the 2005 film The Long Shore, her agent said.", "Harbour Times"),
            Doc("b.txt", "Film star Mara Venn died in Carlow on Monday. She starred in the 2009 film Night Roads, her agent said.", "Valley Post"),
            Doc("c.txt", "Film star Mara Venn died in Carlow on Monday. She first played the part in the 1958 film The Long Shore, her agent said.", "Hill Gazette"));
        Figures(corpus).Where(f => f.Role == MeasureRoles.WorkYear && f.Verdict == FigureVerdict.Dispute).ShouldBeEmpty();
        MeasuresOf("Her life inspired the 2005 film The Long Shore.").ShouldContain(m => m.Role == MeasureRoles.WorkYear && m.Min == 2005);
        MeasuresOf("The 2005 film was a hit.").ShouldNotContain(m => m.Role == MeasureRoles.WorkYear);
    }

    private static List<Figure> Figures(Corpus corpus) => [.. corpus.Layers.Get<FigureLayer>().Figures];

    private static Document Doc(string path, string text, string outlet) =>
        Document.Create(text, path).WithKind(DocumentKind.Article).WithSource(new Source(outlet, null, null, null, Reliability.B)).Build();

    private static Corpus Analyze(params Document[] documents) => PropositionPipeline.Analyze(new PropositionStage(withFigures: true), documents);
}
