using Shouldly;
using Sitrep.Brief.Building;
using Sitrep.Brief.Model;
using Sitrep.Engine;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Brief;

/// <summary>A claim's holder links to the entity resolved across the corpus, so brief.json says who holds what.</summary>
public sealed class HolderLinkTests
{
    private static BriefReport Brief(params string[] texts)
    {
        var pipeline = DefaultPipeline.Build(1);
        var documents = texts.Select((t, i) => new AnalyzedDocument(Some.Document(t, $"{i}.txt"))).ToList();
        foreach (var document in documents)
        {
            pipeline.Analyze(document, TestContext.Current.CancellationToken).ShouldBeNull();
        }

        var corpus = new Corpus(documents);
        pipeline.AnalyzeCorpus(corpus, TestContext.Current.CancellationToken);
        return BriefBuilder.Build(corpus, pipeline.StageNames, [], "test");
    }

    [Fact]
    public void NamedHoldersInTwoDocumentsLinkToTheOneEntityTheirNamesResolveTo()
    {
        var report = Brief(
            "Yevgeny Petrov told reporters on Monday that the convoy had stopped outside the city.",
            "Petrov claimed that his men would go back to their camps.");

        var petrov = report.Entities.Single(e => e.Name == "Yevgeny Petrov");
        var held = report.Claims.Where(c => c.Attribution.Kind == "named").ToList();
        held.Count.ShouldBe(2);
        held.ShouldAllBe(c => c.Attribution.Holder == petrov.Id);
    }

    [Fact]
    public void APronounHolderLinksToTheEntityOfTheNamedHolderItWasResolvedTo()
    {
        var report = Brief("Anna Brandt said that the bridge was closed. She added that it would reopen on Friday.");

        var brandt = report.Entities.Single(e => e.Name == "Anna Brandt");
        var claim = report.Claims.Single(c => c.Attribution.Text == "She");
        claim.Attribution.Refers.ShouldBe("Anna Brandt");
        claim.Attribution.Holder.ShouldBe(brandt.Id);
    }

    [Fact]
    public void AHeOrSheHolderWithNoEarlierHolderLinksToThePersonMentionedJustBefore()
    {
        var report = Brief("Governor Anna Brandt spoke at noon. She said that the bridge had been closed since dawn.");

        var brandt = report.Entities.Single(e => e.Name == "Anna Brandt");
        report.Claims.Single(c => c.Attribution.Text == "She").Attribution.Holder.ShouldBe(brandt.Id);
    }

    [Fact]
    public void AHeWhoseNamedHolderIsAnOrganisationLinksToThePersonMentionedBeforeInstead()
    {
        var report = Brief("Colonel Piotr Adamski toured the port at dawn. The Interior Ministry said that the quay was shut. He said that the ferries would sail on Monday.");

        var adamski = report.Entities.Single(e => e.Name == "Piotr Adamski");
        var claim = report.Claims.Single(c => c.Attribution.Text == "He");
        claim.Attribution.Holder.ShouldBe(adamski.Id);
    }

    [Fact]
    public void UnnamedAndAuthorHoldersKeepTheirKind()
    {
        var report = Brief("Officials said the airport was shut. The airport reopened on Tuesday.");

        report.Claims.Select(c => c.Attribution.Holder).ShouldBe(["unnamed", "author"]);
    }

    [Theory]
    [InlineData("Very likely (3 independent sources, credibility 2): “{0}”", "Very likely (3 independent sources, credibility 2): “He [Oleg Marchenko] ordered the column to turn back.”")]
    [InlineData("{0}", "He [Oleg Marchenko] ordered the column to turn back.")]
    public void ATakeawayThatOpensWithHeNamesThePersonInBrackets(string template, string expected)
    {
        const string text = "Oleg Marchenko spoke to his commanders on Saturday night. He ordered the column to turn back.";
        var (corpus, pipeline) = Analyzed(text);
        var start = text.IndexOf("He ordered", StringComparison.Ordinal);
        var sentence = text[start..];
        var cite = new Sitrep.Documents.Span(corpus.Documents[0].Document.Id, start, text.Length);
        corpus.Layers.Set(new Sitrep.Takeaways.TakeawayLayer([new Sitrep.Takeaways.Takeaway(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, sentence), [cite], 1)]));

        var report = BriefBuilder.Build(corpus, pipeline.StageNames, [], "test");

        report.Takeaways.Single().Text.ShouldBe(expected);
    }

    [Fact]
    public void ATakeawayThatOpensWithHeAndNoPersonBeforeItIsLeftAsWritten()
    {
        const string text = "The column stopped on Saturday night. He ordered it to turn back.";
        var (corpus, pipeline) = Analyzed(text);
        var start = text.IndexOf("He ordered", StringComparison.Ordinal);
        corpus.Layers.Set(new Sitrep.Takeaways.TakeawayLayer([new Sitrep.Takeaways.Takeaway(text[start..], [new Sitrep.Documents.Span(corpus.Documents[0].Document.Id, start, text.Length)], 1)]));

        BriefBuilder.Build(corpus, pipeline.StageNames, [], "test").Takeaways.Single().Text.ShouldBe(text[start..]);
    }

    private static (Corpus Corpus, AnalysisPipeline Pipeline) Analyzed(string text)
    {
        var pipeline = DefaultPipeline.Build(1);
        var document = new AnalyzedDocument(Some.Document(text, "0.txt"));
        pipeline.Analyze(document, TestContext.Current.CancellationToken).ShouldBeNull();
        var corpus = new Corpus([document]);
        pipeline.AnalyzeCorpus(corpus, TestContext.Current.CancellationToken);
        return (corpus, pipeline);
    }
}
