using Shouldly;
using Sitrep.Claims;
using Sitrep.Claims.Frames;
using Sitrep.Corroboration;
using Sitrep.Corroboration.Figures;
using Sitrep.Corroboration.State;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Corroboration;

/// <summary>
/// A headline is the outlet's claim that may take part in a dispute of figures, labelled so, and never a claim of the
/// document's text; an institution that is a person's office is read as its holder when the texts name one.
/// </summary>
public sealed class HeadlineAndOfficeTests
{
    [Fact]
    public void AHeadlineIsKeptApartFromTheClaims()
    {
        var corpus = Analyze(Doc("a.txt", "The Bloodless Raid on Harlow That Never Was\n\nThe militia entered Harlow at dawn and left the town by noon.", "Harbour Times"));

        var layer = corpus.Documents[0].Layers.Get<ClaimLayer>();
        var headline = layer.Headline.ShouldNotBeNull();
        headline.Id.ShouldBe("h1");
        corpus.Documents[0].Document.Slice(headline.Span).ShouldStartWith("The Bloodless Raid");
        layer.Items.ShouldNotContain(c => c.Span.Start == headline.Span.Start);
    }

    [Theory]
    [InlineData("Some key points:\n\nThe militia entered Harlow at dawn and left the town by noon.")]
    [InlineData("OPINION WORLD NEWS TODAY\n\nThe militia entered Harlow at dawn and left the town by noon.")]
    [InlineData("Top Story\n\nThe militia entered Harlow at dawn and left the town by noon.")]
    public void ALabelAPageBannerOrAShortTagIsNoHeadline(string text) =>
        Analyze(Doc("a.txt", text, "Harbour Times")).Documents[0].Layers.Get<ClaimLayer>().Headline.ShouldBeNull();

    /// <summary>
    /// A headline adjective is not a count: "The Bloodless Raid …" characterises the raid to draw the reader in; set
    /// beside a report's toll it read as "0 killed" that no source gave (the seeds' opinion piece, brief7). It was once
    /// kept as the headline's figure; it is now no figure at all, and the report's toll stands alone.
    /// </summary>
    [Fact]
    public void AHeadlinesBloodlessIsNoCount_TheTollInTheTextStandsUndisputed()
    {
        var corpus = Analyze(
            Doc("a.txt", "The Bloodless Raid on Harlow by the Militia\n\nThe militia raided Harlow at dawn and left the town by noon.", "Harbour Times"),
            Doc("b.txt", "At least 15 soldiers were killed in the militia raid on Harlow at dawn.", "Valley Post"));

        var figures = corpus.Layers.Get<FigureLayer>().Figures;
        figures.ShouldNotContain(f => f.Verdict == FigureVerdict.Dispute);
        figures.SelectMany(f => f.Values).ShouldNotContain(v => v.IsHeadline || v.Measure.IsZero);
    }

    [Fact]
    public void AHeadlineThatStatesATollStillTakesPart_LabelledAsTheHeadlines()
    {
        var corpus = Analyze(
            Doc("a.txt", "Militia Raid on Harlow Kills 40 Soldiers\n\nThe militia raided Harlow at dawn and left the town by noon.", "Harbour Times"),
            Doc("b.txt", "At least 15 soldiers were killed in the militia raid on Harlow at dawn.", "Valley Post"));

        var values = corpus.Layers.Get<FigureLayer>().Figures.SelectMany(f => f.Values).ToList();
        var headline = values.Where(v => v.IsHeadline).ShouldHaveSingleItem();
        headline.Source.ShouldEndWith("(headline)");
        headline.Measure.Min.ShouldBe(40);
    }

    [Theory]
    [InlineData("bloodless", true)]
    [InlineData("without bloodshed", true)]
    [InlineData("no one", false)]
    public void OnlyAWordThatCharacterisesTheEventIsACharacterisation(string text, bool expected) =>
        FigureFinder.IsCharacterisation(new Measure(MeasureRoles.Killed, "people", 0, 0, "people", text, default)).ShouldBe(expected);

    [Fact]
    public void TheInstitutionThatIsAPersonsOfficeIsReadAsThatPerson_WhenTheTextsNameTheHolder()
    {
        var state = Analyze(
            Doc("a.txt", "The Kremlin struggled to respond, probably due to surprise and heavy losses.", "Harbour Times"),
            Doc("b.txt", "There was no way the raid could have been a surprise to Dorin. Russian President Viktor Dorin spoke on television.", "Valley Post"))
            .Layers.Get<StoryStateLayer>().States.ShouldHaveSingleItem();

        state.Disputed.ShouldBeTrue();
        state.Topic.ShouldBe("whether Viktor Dorin knew in advance");
        state.Disputing.ShouldContain(s => s.Status == Foreknowledge.Surprised && s.Source.Contains("the Kremlin", StringComparison.Ordinal));
        state.Disputing.ShouldContain(s => s.Status == Foreknowledge.Knew);
    }

    [Fact]
    public void WithoutATextThatNamesTheHolder_TheInstitutionStaysItsOwnParty() =>
        Analyze(
            Doc("a.txt", "The Kremlin struggled to respond, probably due to surprise and heavy losses.", "Harbour Times"),
            Doc("b.txt", "There was no way the raid could have been a surprise to Dorin.", "Valley Post"))
            .Layers.Get<StoryStateLayer>().States.ShouldBeEmpty();

    [Fact]
    public void TwoHoldersOfOneOfficeMeanNeither() =>
        Sitrep.Corroboration.Alignment.Offices.Holders(["Russian President Viktor Dorin met the envoy.", "Russian President Ivan Marek resigned in 1999."]).ShouldBeEmpty();

    [Fact]
    public void AFiguresLabelTakesThePlaceAsTheSourcesSpellIt()
    {
        var figure = Analyze(
            Doc("a.txt", "The convoy stopped 120 km from Tarvin, the governor said.", "Harbour Times"),
            Doc("b.txt", "The convoy stopped 180 km from Tarvin, officials said.", "Valley Post"))
            .Layers.Get<FigureLayer>().Figures.ShouldHaveSingleItem();

        figure.Label.ShouldBe("distance from Tarvin");
    }

    private static Document Doc(string path, string text, string outlet) =>
        Document.Create(text, path).WithKind(DocumentKind.Article).WithSource(new Source(outlet, null, null, null, Reliability.B)).Build();

    private static Corpus Analyze(params Document[] documents) => PropositionPipeline.Analyze(new PropositionStage(withFigures: true), documents);
}
