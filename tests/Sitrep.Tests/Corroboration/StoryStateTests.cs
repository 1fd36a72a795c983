using Shouldly;
using Sitrep.Corroboration;
using Sitrep.Corroboration.State;
using Sitrep.Documents;

namespace Sitrep.Tests.Corroboration;

/// <summary>Matters the story keeps returning to: a case's status over time, and whether a party knew in advance.</summary>
public sealed class StoryStateTests
{
    private static readonly DateTimeOffset Morning = new(2024, 3, 4, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("So Halvorsen, surprised like everyone else, called an emergency meeting.", Foreknowledge.Surprised, "Halvorsen")]
    [InlineData("There was no way the raid could have been a surprise to Halvorsen.", Foreknowledge.Knew, "Halvorsen")]
    [InlineData("The Ministry struggled to respond, probably due to surprise and heavy losses.", Foreknowledge.Surprised, "Ministry")]
    [InlineData("Police had advance warning of the march, the report said.", Foreknowledge.Knew, "Police")]
    [InlineData("Halvorsen was not surprised by the march.", Foreknowledge.Knew, "Halvorsen")]
    [InlineData("Halvorsen was caught completely off guard.", Foreknowledge.Surprised, "Halvorsen")]
    public void ASentenceThatSaysWhoKnewIsRead(string text, string status, string party)
    {
        var reading = Foreknowledge.Read(text).ShouldNotBeNull();
        reading.Status.ShouldBe(status);
        text[reading.PartyStart..reading.PartyEnd].ShouldBe(party);
    }

    [Theory]
    [InlineData("Halvorsen unsurprisingly sided with the ministry.")]
    [InlineData("Surprisingly, the talks never touched the ministry's leadership.")]
    [InlineData("The rebels launched a surprise attack on the depot.")]
    [InlineData("It was only somewhat surprising to anyone following the story.")]
    [InlineData("I'm surprised they are letting him go.")]
    [InlineData("The governor, surprised like everyone else, called an emergency meeting.")]
    public void WordsThatDoNotSayWhoKnewAreNotRead(string text) => Foreknowledge.Read(text).ShouldBeNull();

    [Fact]
    public void TwoSourcesThatSayOppositeThingsAboutWhoKnewDisputeIt()
    {
        var state = States(
            Doc("a.txt", "So Halvorsen, surprised like everyone else, called an emergency meeting.", "Harbour Times"),
            Doc("b.txt", "There was no way the raid could have been a surprise to Halvorsen.", "Valley Post")).ShouldHaveSingleItem();

        state.Disputed.ShouldBeTrue();
        state.Topic.ShouldBe("whether Halvorsen knew in advance");
        state.Disputing.Select(s => s.Status).ShouldBe([Foreknowledge.Surprised, Foreknowledge.Knew]);
        state.Summary.ShouldContain("Harbour Times");
        state.Summary.ShouldContain("Valley Post");
    }

    [Fact]
    public void SourcesThatAgreeOnWhoKnewMakeNoDispute() =>
        States(
            Doc("a.txt", "So Halvorsen, surprised like everyone else, called an emergency meeting.", "Harbour Times"),
            Doc("b.txt", "Halvorsen was caught completely off guard.", "Valley Post")).ShouldBeEmpty();

    [Fact]
    public void UndatedReportsThatTheCaseStaysOpenAndThatItWasDroppedDisputeIt()
    {
        var state = States(
            Doc("a.txt", "The mayor says the charges against the commander will not be dropped.", "Forum post"),
            Doc("b.txt", "All charges against the commander were quietly dropped.", "Valley Post")).ShouldHaveSingleItem();

        state.Topic.ShouldBe("criminal case");
        state.Disputed.ShouldBeTrue();
        state.Now.ShouldBe("disputed");
        state.Disputing.Select(s => s.Status).ShouldBe(["open", "closed"], ignoreOrder: true);
        state.Summary.ShouldContain("order is unknown");
    }

    [Fact]
    public void UndatedReportsOfAPromiseAndAClosingAreNoDispute() =>
        States(
            Doc("a.txt", "The spokesman said the charges against the commander would be dropped.", "Harbour Times"),
            Doc("b.txt", "All charges against the commander were dropped.", "Valley Post")).ShouldBeEmpty();

    [Fact]
    public void AnUndatedReportThatClashesWithWhereADatedStoryEndsDisputesIt()
    {
        var state = States(
            Doc("a.txt", "The spokesman said the criminal case against the commander would be dropped.", "Harbour Times", Morning),
            Doc("b.txt", "The security service said it had closed the criminal case against the commander.", "Lakeside Wire", Morning.AddDays(3)),
            Doc("c.txt", "The charges against the commander will not be dropped.", "Forum post")).ShouldHaveSingleItem();

        state.Steps.Select(s => s.Status).ShouldBe(["to be dropped", "closed"]);
        state.Now.ShouldBe("closed");
        state.Disputed.ShouldBeTrue();
        state.Disputing.ShouldHaveSingleItem().Status.ShouldBe("open");
    }

    private static IReadOnlyList<StoryState> States(params Document[] documents) =>
        PropositionPipeline.Analyze(new PropositionStage(withFigures: true), documents).Layers.Get<StoryStateLayer>().States;

    private static Document Doc(string path, string text, string outlet, DateTimeOffset? published = null) =>
        Document.Create(text, path).WithKind(DocumentKind.Article).WithSource(new Source(outlet, null, null, published, Reliability.B)).Build();
}
