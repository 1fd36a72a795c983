using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Errors;

namespace Sitrep.Pipeline;

/// <summary>
/// An immutable, thread-safe sequence of stages, built once by <see cref="AnalysisPipelineBuilder"/> and reused for
/// every document and every run.
/// </summary>
/// <remarks>
/// Documents are analysed in parallel; results come back in input order so output is deterministic. A stage that throws
/// on one document turns into one <see cref="SitrepError"/> for that document and the batch goes on.
/// </remarks>
public sealed class AnalysisPipeline
{
    internal AnalysisPipeline(ImmutableArray<IDocumentStage> documentStages, ImmutableArray<ICorpusStage> corpusStages, int maxDegreeOfParallelism)
    {
        DocumentStages = documentStages;
        CorpusStages = corpusStages;
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
        CorpusDependencies = Dependencies(corpusStages);
    }

    /// <summary>Per-document stages in run order.</summary>
    public ImmutableArray<IDocumentStage> DocumentStages { get; }

    /// <summary>Corpus stages in run order, after all document stages.</summary>
    public ImmutableArray<ICorpusStage> CorpusStages { get; }

    /// <summary>
    /// Work that loads what the corpus stages use (<see cref="AnalysisPipelineBuilder.WarmCorpus"/>), started when the
    /// corpus stages start so that a model is read while the stages before the one that needs it run.
    /// </summary>
    public ImmutableArray<Action> CorpusWarmUps { get; init; } = [];

    /// <summary>The fewest documents a corpus must hold for <see cref="CorpusWarmUps"/> to run (<see cref="AnalysisPipelineBuilder.MinDocumentsToWarm"/>).</summary>
    public int MinDocumentsToWarm { get; init; } = 1;

    /// <summary>How many documents are analysed at once.</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>Versioned names of all stages, in order.</summary>
    public IEnumerable<string> StageNames => DocumentStages.Select(s => s.Name).Concat(CorpusStages.Select(s => s.Name));

    /// <summary>Runs the document stages over a batch in parallel; results keep the batch order.</summary>
    public BatchResult AnalyzeBatch(IReadOnlyList<Document> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new AnalyzedDocument?[batch.Count];
        var errors = new SitrepError?[batch.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, batch.Count, options, i =>
        {
            var analyzed = new AnalyzedDocument(batch[i]);
            var error = Analyze(analyzed, cancellationToken);
            results[i] = error is null ? analyzed : null;
            errors[i] = error;
        });

        return new BatchResult(
            [.. results.Where(r => r is not null).Select(r => r!)],
            [.. errors.Where(e => e is not null).Select(e => e!)]);
    }

    /// <summary>Runs the document stages over one document; returns the error entry if a stage failed.</summary>
    public SitrepError? Analyze(AnalyzedDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var stage in DocumentStages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                stage.Process(document, cancellationToken);
                document.StagesRun.Add(stage.Name);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                return SitrepErrors.StageFailed.At(document.Document.Path, stage.Name, FaultSite.Describe(ex));
            }
        }

        return null;
    }

    /// <summary>
    /// For each corpus stage, the earlier corpus stages it must wait for: those assigning a capability it requires,
    /// and those reading or assigning a capability it assigns (it would replace their input or their result).
    /// </summary>
    public ImmutableArray<ImmutableArray<int>> CorpusDependencies { get; }

    /// <summary>
    /// Runs the corpus stages. A stage starts once every stage it depends on (<see cref="CorpusDependencies"/>) has
    /// finished, so independent stages (entity resolution and proposition grouping, say) run side by side, at most
    /// <see cref="MaxDegreeOfParallelism"/> at once. A failing stage adds an error entry to <see cref="Corpus.Errors"/>
    /// and the rest still run. Errors and timings are recorded in stage order, so output stays deterministic.
    /// The <see cref="CorpusWarmUps"/> run beside the stages (on a corpus of at least <see cref="MinDocumentsToWarm"/> documents) and are waited for before this
    /// returns; one that fails is ignored here (the stage that loads the same thing meets the failure itself).
    /// </summary>
    public void AnalyzeCorpus(Corpus corpus, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var warming = corpus.Documents.Count < MinDocumentsToWarm ? [] : CorpusWarmUps.Select(w => Task.Run(w, CancellationToken.None)).ToArray();
        try
        {
            RunCorpusStages(corpus, cancellationToken);
        }
        finally
        {
            WaitQuietly(warming);
        }
    }

    private void RunCorpusStages(Corpus corpus, CancellationToken cancellationToken)
    {
        var count = CorpusStages.Length;
        var errors = new SitrepError?[count];
        var times = new TimeSpan[count];
        var tasks = new Task[count];
        using var gate = new SemaphoreSlim(MaxDegreeOfParallelism);
        for (var i = 0; i < count; i++)
        {
            var index = i;
            var before = CorpusDependencies[i].Select(d => tasks[d]).ToArray();
            tasks[i] = Task.WhenAll(before).ContinueWith(
                _ =>
                {
                    gate.Wait(cancellationToken);
                    try
                    {
                        (errors[index], times[index]) = RunCorpusStage(CorpusStages[index], corpus, cancellationToken);
                    }
                    finally
                    {
                        gate.Release();
                    }
                },
                cancellationToken,
                TaskContinuationOptions.None,
                TaskScheduler.Default);
        }

        try
        {
            Task.WaitAll(tasks, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stages already running see the token and stop; none is left running once this returns.
            WaitQuietly(tasks);
            throw;
        }
        catch (AggregateException) when (cancellationToken.IsCancellationRequested)
        {
            WaitQuietly(tasks);
            throw new OperationCanceledException(cancellationToken);
        }

        for (var i = 0; i < count; i++)
        {
            corpus.StageTimes[CorpusStages[i].Name] = times[i];
            if (errors[i] is { } error)
            {
                corpus.Errors.Add(error);
            }
        }
    }

    private static void WaitQuietly(Task[] tasks)
    {
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException)
        {
            // Cancelled stages end in cancellation; that is the expected outcome here.
        }
    }

    private static (SitrepError? Error, TimeSpan Time) RunCorpusStage(ICorpusStage stage, Corpus corpus, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            stage.Process(corpus, cancellationToken);
            return (null, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return (SitrepErrors.CorpusStageFailed.At("(corpus)", stage.Name, FaultSite.Describe(ex)), System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>The dependencies of each corpus stage on earlier ones, from what the stages require and assign.</summary>
    internal static ImmutableArray<ImmutableArray<int>> Dependencies(IReadOnlyList<ICorpusStage> stages)
    {
        var result = ImmutableArray.CreateBuilder<ImmutableArray<int>>(stages.Count);
        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            var before = new List<int>();
            for (var j = 0; j < i; j++)
            {
                var earlier = stages[j];
                if (earlier.Assigns.Any(c => stage.Requires.Contains(c, StringComparer.Ordinal) || stage.Assigns.Contains(c, StringComparer.Ordinal))
                    || earlier.Requires.Any(c => stage.Assigns.Contains(c, StringComparer.Ordinal)))
                {
                    before.Add(j);
                }
            }

            result.Add([.. before]);
        }

        return result.MoveToImmutable();
    }
}

/// <summary>What analysing a batch produced.</summary>
/// <param name="Documents">Documents every stage completed, in batch order.</param>
/// <param name="Errors">One entry per document a stage failed on.</param>
public sealed record BatchResult(IReadOnlyList<AnalyzedDocument> Documents, IReadOnlyList<SitrepError> Errors);
