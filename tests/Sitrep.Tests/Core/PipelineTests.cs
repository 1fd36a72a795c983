using Shouldly;
using Sitrep.Documents;
using Sitrep.Errors;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;
using Sitrep.Text;

namespace Sitrep.Tests.Core;

public sealed class PipelineTests
{
    [Fact]
    public void WhenAStageRequiresWhatNoEarlierStageAssigns_BuildingFailsNamingTheStageAndTheProviders()
    {
        var builder = new AnalysisPipelineBuilder()
            .Use(new FakeStage("claims.test.v1", requires: [Capabilities.Sentences], assigns: [Capabilities.Claims]))
            .Use(new SentenceStage());

        var ex = Should.Throw<SitrepException>(builder.Build);
        ex.ErrorCode.ShouldBe(SitrepErrors.MissingCapability);
        ex.Message.ShouldContain("claims.test.v1");
        ex.Message.ShouldContain(Capabilities.Sentences);
        ex.Message.ShouldContain("text.rules.v1");
    }

    [Fact]
    public void WhenStagesAreInDependencyOrder_ThePipelineBuilds()
    {
        var pipeline = new AnalysisPipelineBuilder()
            .Use(new SentenceStage())
            .Use(new FakeStage("claims.test.v1", requires: [Capabilities.Sentences], assigns: [Capabilities.Claims]))
            .Build();
        pipeline.StageNames.ShouldBe(["text.rules.v1", "claims.test.v1"]);
    }

    [Fact]
    public void ACorpusStageMayRequireWhatADocumentStageAssigns()
    {
        var pipeline = new AnalysisPipelineBuilder()
            .Use(new FakeCorpusStage("timeline.test.v1", requires: [Capabilities.Sentences]))
            .Use(new SentenceStage())
            .Build();
        pipeline.CorpusStages.Length.ShouldBe(1);
    }

    [Fact]
    public void TwoStagesWithTheSameNameAreRefused()
    {
        var builder = new AnalysisPipelineBuilder().Use(new SentenceStage());
        var ex = Should.Throw<SitrepException>(() => builder.Use(new SentenceStage()));
        ex.ErrorCode.ShouldBe(SitrepErrors.DuplicateStage);
        ex.Message.ShouldContain("Existing stages: text.rules.v1");
    }

    [Fact]
    public void WhenAStageThrowsOnOneDocument_ThatDocumentGetsOneErrorAndTheOthersAreAnalysed()
    {
        var pipeline = new AnalysisPipelineBuilder()
            .Use(new SentenceStage())
            .Use(new FakeStage("boom.v1", requires: [Capabilities.Sentences], assigns: [], onProcess: d =>
            {
                if (d.Text.Contains("poison", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("poisoned input");
                }
            }))
            .Build();
        var batch = new[] { Some.Document("First report.", "a.txt"), Some.Document("A poison report.", "b.txt"), Some.Document("Third report.", "c.txt") };

        var result = pipeline.AnalyzeBatch(batch);

        result.Documents.Select(d => d.Document.Path).ShouldBe(["a.txt", "c.txt"]);
        result.Errors.Count.ShouldBe(1);
        result.Errors[0].Path.ShouldBe("b.txt");
        result.Errors[0].Code.ShouldBe("SR2003");
        result.Errors[0].Message.ShouldContain("boom.v1");
        result.Errors[0].Message.ShouldContain("poisoned input");
        result.Errors[0].Message.ShouldContain("(InvalidOperationException in PipelineTests.WhenAStageThrowsOnOneDocument_ThatDocumentGetsOneErrorAndTheOthersAreAnalysed)");
    }

    [Fact]
    public void ParallelAnalysisReturnsDocumentsInInputOrder()
    {
        var pipeline = new AnalysisPipelineBuilder { MaxDegreeOfParallelism = 4 }.Use(new SentenceStage()).Build();
        var batch = Enumerable.Range(0, 200).Select(i => Some.Document($"Report number {i}. It is short.", $"{i:D3}.txt")).ToArray();

        var result = pipeline.AnalyzeBatch(batch);

        result.Documents.Select(d => d.Document.Path).ShouldBe(batch.Select(d => d.Path));
        result.Documents.ShouldAllBe(d => d.Sentences.Count == 2);
    }

    [Fact]
    public void AFailingCorpusStageAddsAnErrorAndTheNextCorpusStageStillRuns()
    {
        var ran = false;
        var pipeline = new AnalysisPipelineBuilder()
            .Use(new SentenceStage())
            .Use(new FakeCorpusStage("first.v1", [], _ => throw new InvalidOperationException("bad corpus")))
            .Use(new FakeCorpusStage("second.v1", [], _ => ran = true))
            .Build();
        var corpus = new Corpus(pipeline.AnalyzeBatch([Some.Document()]).Documents);

        pipeline.AnalyzeCorpus(corpus);

        ran.ShouldBeTrue();
        corpus.Errors.Single().Code.ShouldBe("SR2004");
        corpus.Errors.Single().Message.ShouldContain("bad corpus (InvalidOperationException in PipelineTests.AFailingCorpusStageAddsAnErrorAndTheNextCorpusStageStillRuns)");
    }

    [Fact]
    public void CorpusStagesWaitForTheStagesAssigningWhatTheyRequireAndForEarlierWritersOfWhatTheyAssign()
    {
        var pipeline = new AnalysisPipelineBuilder()
            .Use(new SentenceStage())
            .Use(new FakeCorpusStage("entities.v1", [Capabilities.Sentences], assigns: [Capabilities.Entities]))
            .Use(new FakeCorpusStage("propositions.v1", [Capabilities.Sentences], assigns: [Capabilities.Propositions]))
            .Use(new FakeCorpusStage("takeaways.v1", [Capabilities.Sentences], assigns: [Capabilities.Takeaways]))
            .Use(new FakeCorpusStage("corroborated.v1", [Capabilities.Propositions, Capabilities.Takeaways], assigns: [Capabilities.Takeaways]))
            .Use(new FakeCorpusStage("actors.v1", [Capabilities.Entities], assigns: []))
            .Build();

        pipeline.CorpusDependencies.Select(d => d.ToArray()).ShouldBe([[], [], [], [1, 2], [0]]);
    }

    [Fact]
    public void InTheDefaultPipeline_PropositionsWaitForSyndicationEntitiesAndFigures()
    {
        // Claims are aligned by the story their documents tell (their resolved entities), so grouping waits for
        // entity resolution; figure disputes join the contradictions, so it waits for the figures too.
        var pipeline = Sitrep.Engine.DefaultPipeline.Build(2);
        var names = pipeline.CorpusStages.Select(s => s.Name).ToList();
        var propositions = names.IndexOf("corroboration.propositions.v2");

        var waitsFor = pipeline.CorpusDependencies[propositions].Select(i => names[i]).ToList();

        waitsFor.ShouldContain("syndication.minhash.v1");
        waitsFor.ShouldContain("entities.resolve.v2");
        waitsFor.ShouldContain("corroboration.figures.v1");
    }

    [Fact]
    public void IndependentCorpusStagesRunSideBySide()
    {
        // Each stage waits for the other to have started: run one after the other, the first would time out.
        using var firstStarted = new ManualResetEventSlim();
        using var secondStarted = new ManualResetEventSlim();
        var sawEachOther = new bool[2];
        var pipeline = new AnalysisPipelineBuilder { MaxDegreeOfParallelism = 2 }
            .Use(new SentenceStage())
            .Use(new FakeCorpusStage("first.v1", [], _ =>
            {
                firstStarted.Set();
                sawEachOther[0] = secondStarted.Wait(TimeSpan.FromSeconds(30));
            }))
            .Use(new FakeCorpusStage("second.v1", [], _ =>
            {
                secondStarted.Set();
                sawEachOther[1] = firstStarted.Wait(TimeSpan.FromSeconds(30));
            }))
            .Build();
        var corpus = new Corpus(pipeline.AnalyzeBatch([Some.Document()]).Documents);

        pipeline.AnalyzeCorpus(corpus);

        sawEachOther.ShouldBe([true, true]);
        corpus.StageTimes.Keys.ShouldBe(["first.v1", "second.v1"]);
    }

    [Fact]
    public void ACorpusWarmUpRunsBesideTheFirstStageAndHasFinishedWhenTheCorpusStagesReturn()
    {
        // The first stage waits for the warm-up to have started: were it run after the stages (or not at all), the wait
        // would time out.
        using var warming = new ManualResetEventSlim();
        var sawWarmUp = false;
        var warmedUp = false;
        var pipeline = new AnalysisPipelineBuilder { MaxDegreeOfParallelism = 1 }
            .Use(new SentenceStage())
            .Use(new FakeCorpusStage("first.v1", [], _ => sawWarmUp = warming.Wait(TimeSpan.FromSeconds(30)), assigns: [Capabilities.Entities]))
            .Use(new FakeCorpusStage("second.v1", [Capabilities.Entities]))
            .WarmCorpus(() =>
            {
                warming.Set();
                Thread.Sleep(200);
                Volatile.Write(ref warmedUp, true);
            })
            .Build();
        var corpus = new Corpus(pipeline.AnalyzeBatch([Some.Document()]).Documents);

        pipeline.AnalyzeCorpus(corpus);

        sawWarmUp.ShouldBeTrue();
        Volatile.Read(ref warmedUp).ShouldBeTrue();
        corpus.StageTimes.Keys.ShouldBe(["first.v1", "second.v1"]);
    }

    [Fact]
    public void AFailingCorpusWarmUpIsNoErrorAndAnEmptyCorpusWarmsNothing()
    {
        var warmUps = 0;
        var pipeline = new AnalysisPipelineBuilder()
            .Use(new SentenceStage())
            .Use(new FakeCorpusStage("only.v1", []))
            .WarmCorpus(() =>
            {
                Interlocked.Increment(ref warmUps);
                throw new InvalidOperationException("no model");
            })
            .Build();
        var corpus = new Corpus(pipeline.AnalyzeBatch([Some.Document()]).Documents);

        pipeline.AnalyzeCorpus(corpus);
        pipeline.AnalyzeCorpus(new Corpus([]));

        corpus.Errors.ShouldBeEmpty();
        Volatile.Read(ref warmUps).ShouldBe(1);
    }

    [Fact]
    public void ACorpusSmallerThanTheWarmUpBound_WarmsNothing_AndOneAtTheBoundWarms()
    {
        var warmUps = 0;
        var pipeline = new AnalysisPipelineBuilder { MinDocumentsToWarm = 2 }
            .Use(new SentenceStage())
            .Use(new FakeCorpusStage("only.v1", []))
            .WarmCorpus(() => Interlocked.Increment(ref warmUps))
            .Build();

        pipeline.AnalyzeCorpus(new Corpus(pipeline.AnalyzeBatch([Some.Document()]).Documents));
        Volatile.Read(ref warmUps).ShouldBe(0);

        pipeline.AnalyzeCorpus(new Corpus(pipeline.AnalyzeBatch([Some.Document("The column stopped near the city.", "a.txt"), Some.Document("The leader flew to the capital.", "b.txt")]).Documents));
        Volatile.Read(ref warmUps).ShouldBe(1);
    }

    [Fact]
    public void WhenTheRunIsCancelledDuringCorpusStages_ItThrowsOnlyOnceNoStageIsStillRunningAndLaterStagesNeverStart()
    {
        using var cancel = new CancellationTokenSource();
        var finished = false;
        var laterStarted = false;
        var pipeline = new AnalysisPipelineBuilder { MaxDegreeOfParallelism = 2 }
            .Use(new SentenceStage())
            .Use(new FakeCorpusStage("slow.v1", [], _ =>
            {
                cancel.Cancel();
                Thread.Sleep(300);
                Volatile.Write(ref finished, true);
            }, assigns: [Capabilities.Entities]))
            .Use(new FakeCorpusStage("later.v1", [Capabilities.Entities], _ => laterStarted = true))
            .Build();
        var corpus = new Corpus(pipeline.AnalyzeBatch([Some.Document()]).Documents);

        Should.Throw<OperationCanceledException>(() => pipeline.AnalyzeCorpus(corpus, cancel.Token));

        Volatile.Read(ref finished).ShouldBeTrue();
        laterStarted.ShouldBeFalse();
    }

    [Fact]
    public void ACorpusStageStartsOnlyAfterTheStageAssigningItsRequirementHasFinished()
    {
        var finished = false;
        var sawFinished = false;
        var pipeline = new AnalysisPipelineBuilder { MaxDegreeOfParallelism = 4 }
            .Use(new SentenceStage())
            .Use(new FakeCorpusStage("producer.v1", [], _ =>
            {
                Thread.Sleep(200);
                finished = true;
            }, assigns: [Capabilities.Entities]))
            .Use(new FakeCorpusStage("consumer.v1", [Capabilities.Entities], _ => sawFinished = Volatile.Read(ref finished)))
            .Build();
        var corpus = new Corpus(pipeline.AnalyzeBatch([Some.Document()]).Documents);

        pipeline.AnalyzeCorpus(corpus);

        sawFinished.ShouldBeTrue();
    }

    [Fact]
    public void PostBoundariesAndBoilerplateAreNotAnalysed()
    {
        var text = "Top post here. Still top\n  reply text here.\nShare this article";
        var replyStart = text.IndexOf("  reply", StringComparison.Ordinal);
        var furniture = text.IndexOf("Share", StringComparison.Ordinal);
        var doc = Document.Create(text, "t.txt")
            .AddPost(new Post("p1", null, 0, "a", null, new TextRange(0, replyStart)))
            .AddPost(new Post("p2", "p1", 1, "b", null, new TextRange(replyStart, furniture)))
            .AddBoilerplate(new TextRange(furniture, text.Length))
            .Build();
        var analyzed = new AnalyzedDocument(doc);

        new SentenceStage().Process(analyzed, CancellationToken.None);

        analyzed.Sentences.Select(analyzed.TextOf).ShouldBe(["Top post here.", "Still top", "reply text here."]);
    }

    private sealed class FakeStage(string name, IReadOnlyList<string> requires, IReadOnlyList<string> assigns, Action<AnalyzedDocument>? onProcess = null) : IDocumentStage
    {
        public string Name => name;

        public IReadOnlyList<string> Requires => requires;

        public IReadOnlyList<string> Assigns => assigns;

        public void Process(AnalyzedDocument document, CancellationToken cancellationToken) => onProcess?.Invoke(document);
    }

    private sealed class FakeCorpusStage(string name, IReadOnlyList<string> requires, Action<Corpus>? onProcess = null, IReadOnlyList<string>? assigns = null) : ICorpusStage
    {
        public string Name => name;

        public IReadOnlyList<string> Requires => requires;

        public IReadOnlyList<string> Assigns => assigns ?? [];

        public void Process(Corpus corpus, CancellationToken cancellationToken) => onProcess?.Invoke(corpus);
    }
}
