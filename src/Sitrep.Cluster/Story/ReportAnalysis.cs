using Sitrep.Engine;
using Sitrep.Ingest;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Manifest;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Cluster.Story;

/// <summary>What reading, analysing and storing one report did.</summary>
/// <param name="DocumentIds">The stored documents the report was read into (one for most formats, several for a feed).</param>
/// <param name="Inserted">Documents new to the store; the others were stored before (same content).</param>
/// <param name="Errors">One line per error (the report could not be read, or a document failed a stage).</param>
public sealed record ReportResult(IReadOnlyList<string> DocumentIds, int Inserted, IReadOnlyList<string> Errors);

/// <summary>
/// The work a cluster's analysis workers do for one report: read it with the ingest's readers, run the pipeline's
/// document stages over it and save the documents with their layers to the story's store in one transaction, as a
/// single-node run does (<see cref="AnalysisRun"/> with <see cref="PersistedLayers"/>). Saving is idempotent: the store
/// keeps a content once (its hash), so a report sent again after a failure is not stored twice.
/// </summary>
public sealed class ReportAnalysis
{
    private readonly AnalysisPipeline _pipeline;
    private readonly DocumentIngestor _ingestor;

    /// <summary>Analyses with <paramref name="pipeline"/> (only its document stages run here).</summary>
    public ReportAnalysis(AnalysisPipeline pipeline, IngestOptions? ingest = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _pipeline = pipeline;
        _ingestor = new DocumentIngestor(ingest ?? IngestOptions.Default, SourceManifest.Empty);
    }

    /// <summary>Reads, analyses and stores one report.</summary>
    /// <param name="store">The story's store.</param>
    /// <param name="name">The report's name, stored as its path (its extension picks the reader).</param>
    /// <param name="content">The report's bytes.</param>
    /// <param name="cancellationToken">Stops the analysis; nothing is stored then.</param>
    public ReportResult Analyse(IDocumentStore store, string name, byte[] content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(content);
        var read = _ingestor.Ingest(new RawInput(new InputFile(name, name), content));
        var errors = read.Errors.Select(e => $"{e.Code} {e.Path}: {e.Message}").ToList();
        if (read.Documents.Count == 0)
        {
            return new ReportResult([], 0, errors);
        }

        var analysis = _pipeline.AnalyzeBatch(read.Documents, cancellationToken);
        errors.AddRange(analysis.Errors.Select(e => $"{e.Code} {e.Path}: {e.Message}"));
        var byId = analysis.Documents.ToDictionary(a => a.Document.Id, StringComparer.Ordinal);
        var saved = store.Save([.. read.Documents.Select(d => new StoredDocument(d, PersistedLayers.Export(_pipeline, byId.GetValueOrDefault(d.Id))))]);
        return new ReportResult([.. read.Documents.Select(d => d.Id).Distinct(StringComparer.Ordinal)], saved.Inserted, errors);
    }
}
