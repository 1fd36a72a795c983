using Shouldly;
using Sitrep.Corroboration.Propositions;
using Sitrep.Documents;
using Sitrep.Engine;
using Sitrep.Ingest.Syndication;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Corroboration;

/// <summary>End to end through the default pipeline: wire copies republished by several outlets are one source.</summary>
public sealed class SyndicatedCorroborationTests
{
    private const string Wire =
        "The convoy of armoured trucks left the southern city shortly before midnight and turned north along the main "
        + "highway towards the capital. Residents watched the column pass for almost an hour while traffic police closed "
        + "the side roads and petrol stations along the route ran out of fuel. The mercenary commander agreed to withdraw "
        + "his fighters to their field camps before dawn. Local officials asked people to stay indoors and keep away from "
        + "the bridges until the last vehicles had gone, and the regional governor promised that the schools would open "
        + "again on Monday morning as usual.";

    [Fact]
    public void WireCopiesFromTwoOutletsCountOnceAndAnIndependentReportCountsAgain()
    {
        var original = Article("wire.txt", "Coastal Herald", "Convoy turns back before dawn\n\n" + Wire);
        var copy = Article("copy.txt", "Valley Gazette", "Mercenary column heads north, then withdraws\n\n"
            + Wire.Replace("almost an hour", "nearly an hour", StringComparison.Ordinal).Replace("Monday morning", "Monday", StringComparison.Ordinal));
        var independent = Article("own.txt", "Northern Courier", "Our reporter at the checkpoint\n\n"
            + "Standing at the checkpoint north of the city, our correspondent counted more than forty vehicles. "
            + "The mercenary commander agreed to withdraw his fighters to their field camps before dawn. "
            + "Shops near the checkpoint stayed shut and the streets were empty by ten in the evening.");

        var corpus = Analyze(original, copy, independent);

        corpus.Layers.Get<SyndicationLayer>().GroupOf(original.Id).ShouldNotBeNull().DocumentIds.ShouldBe([original.Id, copy.Id]);
        var proposition = corpus.Layers.Get<PropositionLayer>().Propositions
            .Single(p => p.Label.Contains("agreed to withdraw", StringComparison.Ordinal));
        proposition.Claims.Select(c => c.DocumentId).Distinct().Count().ShouldBe(3);
        proposition.IndependentSources.ShouldBe(2);
        proposition.Status.ShouldBe(CorroborationStatus.Corroborated);
    }

    [Fact]
    public void WithoutTheIndependentReportTheWireCopiesAreASingleSource()
    {
        var original = Article("wire.txt", "Coastal Herald", "Convoy turns back before dawn\n\n" + Wire);
        var copy = Article("copy.txt", "Valley Gazette", "Mercenary column heads north, then withdraws\n\n" + Wire);

        var corpus = Analyze(original, copy);

        var proposition = corpus.Layers.Get<PropositionLayer>().Propositions
            .Single(p => p.Label.Contains("agreed to withdraw", StringComparison.Ordinal));
        proposition.IndependentSources.ShouldBe(1);
        proposition.Status.ShouldBe(CorroborationStatus.SingleSource);
    }

    private static Document Article(string path, string outlet, string text) =>
        Document.Create(text, path).WithKind(DocumentKind.Article).WithSource(new Source(outlet, null, null, null, Reliability.B)).Build();

    private static Corpus Analyze(params Document[] documents)
    {
        var pipeline = DefaultPipeline.Build(1);
        var batch = pipeline.AnalyzeBatch(documents);
        batch.Errors.ShouldBeEmpty();
        var corpus = new Corpus(batch.Documents);
        pipeline.AnalyzeCorpus(corpus, TestContext.Current.CancellationToken);
        corpus.Errors.ShouldBeEmpty();
        return corpus;
    }
}
