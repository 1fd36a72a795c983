using Shouldly;
using Sitrep.Corroboration;
using Sitrep.Corroboration.Contradictions;
using Sitrep.Corroboration.Propositions;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Corroboration;

/// <summary>A prospect (talks, an expectation, a possibility) against a definite outcome: the story moved, nobody disputes it.</summary>
public sealed class ProspectTests
{
    private static readonly DateTimeOffset Monday = new(2031, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Thursday = new(2031, 3, 13, 9, 0, 0, TimeSpan.Zero);

    private const string Talks = "Director Marla Voss is in negotiations to direct the sequel to the desert thriller.";
    private const string Outcome = "Director Marla Voss will not direct the sequel to the desert thriller.";

    [Theory]
    [InlineData("Marla Voss in talks to direct the sequel")]
    [InlineData("The studio is back in early talks with Marla Voss.")]
    [InlineData("The studio is considering Marla Voss for the sequel.")]
    [InlineData("Marla Voss is expected to direct the sequel.")]
    [InlineData("Marla Voss set to direct the sequel")]
    [InlineData("Marla Voss may direct the sequel, a source said.")]
    [InlineData("The studio is close to a deal with Marla Voss to direct the sequel.")]
    public void TalksExpectationsAndPossibilitiesAreProspects(string text) => Prospects.IsTentative(text).ShouldBeTrue();

    [Theory]
    [InlineData("Marla Voss will not direct the sequel.")]
    [InlineData("Marla Voss has signed to direct the sequel.")]
    [InlineData("Marla Voss dropped out of the sequel in May 2031.")]
    [InlineData("Considering the weather, the premiere was moved indoors.")]
    [InlineData("The talks collapsed on Thursday.")]
    public void OutcomesAndPlainFactsAreNoProspects(string text) => Prospects.IsTentative(text).ShouldBeFalse();

    [Fact]
    public void TalksReportedBeforeTheOutcomeAreAnUpdateAndContestNothing()
    {
        var corpus = Analyze(Doc("a.txt", Talks, "Harbour Times", Monday), Doc("b.txt", Outcome, "Valley Post", Thursday));

        var layer = corpus.Layers.Get<PropositionLayer>();
        var item = layer.Contradictions.ShouldHaveSingleItem();
        item.IsUpdate.ShouldBeTrue();
        item.Reason.ShouldStartWith("the story moved:");
        layer.Propositions.ShouldNotContain(p => p.Status == CorroborationStatus.Contested);
    }

    [Fact]
    public void WithoutReportTimesTalksAndAnOutcomeAreNoContradiction()
    {
        var corpus = Analyze(Doc("a.txt", Talks, "Harbour Times", null), Doc("b.txt", Outcome, "Valley Post", null));

        var layer = corpus.Layers.Get<PropositionLayer>();
        layer.Contradictions.ShouldBeEmpty();
        layer.Propositions.ShouldNotContain(p => p.Status == CorroborationStatus.Contested);
    }

    [Fact]
    public void TalksReportedAfterTheOutcomeAreNoContradictionEither()
    {
        var corpus = Analyze(Doc("a.txt", Talks, "Harbour Times", Thursday), Doc("b.txt", Outcome, "Valley Post", Monday));

        corpus.Layers.Get<PropositionLayer>().Contradictions.ShouldBeEmpty();
    }

    [Fact]
    public void TwoDefiniteOutcomesThatNegateEachOtherAreStillAContradiction()
    {
        var corpus = Analyze(
            Doc("a.txt", "Director Marla Voss will direct the sequel to the desert thriller.", "Harbour Times", Monday),
            Doc("b.txt", Outcome, "Valley Post", Thursday));

        var layer = corpus.Layers.Get<PropositionLayer>();
        var item = layer.Contradictions.ShouldHaveSingleItem();
        item.IsUpdate.ShouldBeFalse();
        item.Reason.ShouldStartWith("negation:");
    }

    private static Document Doc(string path, string text, string outlet, DateTimeOffset? published) =>
        Document.Create(text, path).WithKind(DocumentKind.Article).WithSource(new Source(outlet, null, null, published, Reliability.B)).Build();

    private static Corpus Analyze(params Document[] documents) => PropositionPipeline.Analyze(new PropositionStage(), documents);
}
