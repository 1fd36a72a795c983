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
    }

    /// <summary>Per-document stages in run order.</summary>
    public ImmutableArray<IDocumentStage> DocumentStages { get; }

    /// <summary>Corpus stages in run order, after all document stages.</summary>
    public ImmutableArray<ICorpusStage> CorpusStages { get; }

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
                return SitrepErrors.StageFailed.At(document.Document.Path, stage.Name, ex.Message);
            }
        }

        return null;
    }

    /// <summary>Runs the corpus stages. A failing stage adds an error entry to <see cref="Corpus.Errors"/>; the rest still run.</summary>
    public void AnalyzeCorpus(Corpus corpus, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        foreach (var stage in CorpusStages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                stage.Process(corpus, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                corpus.Errors.Add(SitrepErrors.CorpusStageFailed.At("(corpus)", stage.Name, ex.Message));
            }
            finally
            {
                corpus.StageTimes[stage.Name] = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            }
        }
    }
}

/// <summary>What analysing a batch produced.</summary>
/// <param name="Documents">Documents every stage completed, in batch order.</param>
/// <param name="Errors">One entry per document a stage failed on.</param>
public sealed record BatchResult(IReadOnlyList<AnalyzedDocument> Documents, IReadOnlyList<SitrepError> Errors);
