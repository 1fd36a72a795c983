using Shouldly;
using Sitrep.Documents;
using Sitrep.Engine.Story;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;
using Sitrep.Tests.Support;
using Sitrep.Text;

namespace Sitrep.Tests.Story;

public sealed class StoredStoryTests
{
    [Fact]
    public void ADocumentStoredByTheSameComponentsIsReadBackWithoutBeingAnalysedAgain()
    {
        var counting = new CountingStage("count.v1");
        var pipeline = new AnalysisPipelineBuilder().Use(new SentenceStage()).Use(counting).Build();
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"));
        var analyzed = Analyse(pipeline, Some.Document("Rostov fell. Moscow waited.", "b.txt"));
        store.Save([new StoredDocument(analyzed.Document, Sitrep.Engine.PersistedLayers.Export(pipeline, analyzed))]);
        var calls = counting.Calls;

        var story = StoredStory.Load(pipeline, store, new HashSet<string>(StringComparer.Ordinal), TestContext.Current.CancellationToken);

        counting.Calls.ShouldBe(calls);
        story.Imported.ShouldBe(1);
        story.Reanalysed.ShouldBe(0);
        story.Errors.ShouldBeEmpty();
        var back = story.Documents.ShouldHaveSingleItem();
        back.Sentences.ShouldBe(analyzed.Sentences);
        back.Layers.Get<CountLayer>().ShouldBe(new CountLayer(2));
        back.StagesRun.ShouldBe(["text.rules.v1", "count.v1"]);
    }

    [Fact]
    public void ALayerFromAnOlderComponentMeansTheDocumentIsAnalysedAgainWithANotice()
    {
        var old = new AnalysisPipelineBuilder().Use(new SentenceStage()).Use(new CountingStage("count.v1")).Build();
        var counting = new CountingStage("count.v2");
        var pipeline = new AnalysisPipelineBuilder().Use(new SentenceStage()).Use(counting).Build();
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"));
        var analyzed = Analyse(old, Some.Document("Rostov fell. Moscow waited.", "b.txt"));
        store.Save([new StoredDocument(analyzed.Document, Sitrep.Engine.PersistedLayers.Export(old, analyzed))]);

        var story = StoredStory.Load(pipeline, store, new HashSet<string>(StringComparer.Ordinal), TestContext.Current.CancellationToken);

        counting.Calls.ShouldBe(1);
        story.Reanalysed.ShouldBe(1);
        var notice = story.Errors.ShouldHaveSingleItem();
        notice.Code.ShouldBe("SR2005");
        notice.Path.ShouldBe("b.txt");
        notice.Message.ShouldContain("count.v1");
        notice.Message.ShouldContain("count.v2");
        story.Documents.ShouldHaveSingleItem().Layers.Get<CountLayer>().ShouldBe(new CountLayer(2));
        store.FindAnnotation(analyzed.Document.Id, CountingStage.LayerName)!.Component.ShouldBe("count.v2");

        // Saved again: the next read imports it.
        StoredStory.Load(pipeline, store, new HashSet<string>(StringComparer.Ordinal), TestContext.Current.CancellationToken).Reanalysed.ShouldBe(0);
        counting.Calls.ShouldBe(1);
    }

    [Fact]
    public void DocumentsOfTheCurrentRunAreSkippedAndTheRestComeInPathOrder()
    {
        var pipeline = new AnalysisPipelineBuilder().Use(new SentenceStage()).Build();
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"));
        var docs = new[] { Some.Document("Third.", "c.txt"), Some.Document("First.", "a.txt"), Some.Document("Second.", "b.txt") };
        store.Save([.. docs.Select(d => new StoredDocument(d, Sitrep.Engine.PersistedLayers.Export(pipeline, Analyse(pipeline, d))))]);

        var story = StoredStory.Load(pipeline, store, new HashSet<string>([docs[2].Id], StringComparer.Ordinal), TestContext.Current.CancellationToken);

        story.Documents.Select(d => d.Document.Path).ShouldBe(["a.txt", "c.txt"]);
    }

    [Fact]
    public void ACachedStoryReadsEachStoredDocumentOnceAndForgetsOnesThatLeftTheStore()
    {
        var pipeline = new AnalysisPipelineBuilder().Use(new SentenceStage()).Build();
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"));
        var kept = Some.Document("Kept.", "a.txt");
        var gone = Some.Document("Gone.", "b.txt");
        store.Save([.. new[] { kept, gone }.Select(d => new StoredDocument(d, Sitrep.Engine.PersistedLayers.Export(pipeline, Analyse(pipeline, d))))]);
        var cache = new Dictionary<string, AnalyzedDocument>(StringComparer.Ordinal);
        var none = new HashSet<string>(StringComparer.Ordinal);

        var first = StoredStory.Load(pipeline, store, none, cache, TestContext.Current.CancellationToken);
        store.RemoveFile("b.txt").ShouldBe(1);
        var second = StoredStory.Load(pipeline, store, none, cache, TestContext.Current.CancellationToken);

        first.Documents.Count.ShouldBe(2);
        second.Documents.ShouldHaveSingleItem().ShouldBeSameAs(first.Documents.Single(d => d.Document.Id == kept.Id));
        cache.Keys.ShouldBe([kept.Id]);
    }

    [Fact]
    public void TheStoreReadsDocumentsBackWithTheirLayoutAndEveryLayer()
    {
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"));
        var text = "Page one text.\nPage two text.";
        var doc = Document.Create(text, "r.pdf")
            .AddRegion(new DocumentRegion(RegionKind.Page, new TextRange(0, 15), 1))
            .AddRegion(new DocumentRegion(RegionKind.Page, new TextRange(15, text.Length), 2))
            .AddSourceSegments([new SourceSegment(new TextRange(0, 4), new TextRange(2, 6))])
            .Build();
        store.Save([new StoredDocument(doc, [new StoredAnnotation("b.layer", "b.v1", "{}"), new StoredAnnotation("a.layer", "a.v1", "[]")])]);

        var back = store.Load([doc.Id, "d-not-stored"]).ShouldHaveSingleItem();

        back.Document.Regions.ShouldBe(doc.Regions);
        back.Document.SourceMap.ShouldBe(doc.SourceMap);
        back.Annotations.Select(a => a.Layer).ShouldBe(["a.layer", "b.layer"]);
        store.FindAnnotations(doc.Id).Count.ShouldBe(2);
        store.DocumentIds().ShouldBe([doc.Id]);
    }

    private static AnalyzedDocument Analyse(AnalysisPipeline pipeline, Document document)
    {
        var analyzed = new AnalyzedDocument(document);
        pipeline.Analyze(analyzed, TestContext.Current.CancellationToken).ShouldBeNull();
        return analyzed;
    }

    private sealed record CountLayer(int Sentences);

    private sealed class CountingStage(string name) : PersistedDocumentStage<CountLayer>
    {
        public const string LayerName = "test.count";

        private int _calls;

        public int Calls => _calls;

        public override string Name => name;

        public override string PersistedLayerName => LayerName;

        public override IReadOnlyList<string> Requires { get; } = [Capabilities.Sentences];

        public override IReadOnlyList<string> Assigns { get; } = ["test.count"];

        public override CountLayer Predict(AnalyzedDocument document, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return new CountLayer(document.Sentences.Count);
        }
    }
}
