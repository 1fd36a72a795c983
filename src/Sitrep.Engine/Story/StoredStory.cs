using Sitrep.Errors;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Engine.Story;

/// <summary>What reading the stored story back produced.</summary>
/// <param name="Documents">Every document read (imported, taken from the cache or analysed again); callers order them.</param>
/// <param name="Imported">Documents whose every layer was read from the store.</param>
/// <param name="Reanalysed">Documents analysed again because a layer was missing, outdated or unreadable.</param>
/// <param name="Errors">One notice per document analysed again (<c>SR2005</c>), and the error of any that failed.</param>
public sealed record StoryLoad(IReadOnlyList<AnalyzedDocument> Documents, int Imported, int Reanalysed, IReadOnlyList<SitrepError> Errors);

/// <summary>
/// Reads the story a store holds back into analysed documents, from their stored layers, without analysing them again:
/// every <see cref="IPersistedStage"/> imports its layer, and a document stage that persists nothing (the on-demand
/// syntax layer) runs, as it only prepares what later document stages would ask of it. A document whose layer is
/// missing, was stored by another component version or cannot be read is analysed again by the whole pipeline and
/// saved again, with an <c>SR2005</c> notice.
/// </summary>
public static class StoredStory
{
    /// <summary>Ids read from the store per round trip.</summary>
    public const int PageSize = 256;

    /// <summary>Reads every stored document except those in <paramref name="skip"/> (analysed by the current run).</summary>
    public static StoryLoad Load(AnalysisPipeline pipeline, IDocumentStore store, IReadOnlySet<string> skip, CancellationToken cancellationToken = default) =>
        Load(pipeline, store, skip, cache: null, cancellationToken);

    /// <summary>
    /// Reads every stored document except those in <paramref name="skip"/>, taking those already in
    /// <paramref name="cache"/> from it (a long-lived caller such as <c>watch</c> reads each stored document once) and
    /// adding the ones it reads; a document no longer stored leaves the cache.
    /// </summary>
    /// <param name="pipeline">The pipeline whose persisted stages import the layers (and analyse outdated documents).</param>
    /// <param name="store">The story.</param>
    /// <param name="skip">Ids of the documents the caller already holds (this run's).</param>
    /// <param name="cache">Documents read before, by id, built with the same pipeline; null to read everything.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static StoryLoad Load(AnalysisPipeline pipeline, IDocumentStore store, IReadOnlySet<string> skip, IDictionary<string, AnalyzedDocument>? cache, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(skip);
        var all = store.DocumentIds();
        if (cache is not null)
        {
            var stored = all.ToHashSet(StringComparer.Ordinal);
            foreach (var gone in cache.Keys.Where(id => !stored.Contains(id)).ToList())
            {
                cache.Remove(gone);
            }
        }

        var documents = new List<AnalyzedDocument>(all.Count);
        var errors = new List<SitrepError>();
        var imported = 0;
        var reanalysed = 0;
        var ids = new List<string>();
        foreach (var id in all)
        {
            if (skip.Contains(id))
            {
                continue;
            }

            if (cache is not null && cache.TryGetValue(id, out var held))
            {
                documents.Add(held);
                imported++;
            }
            else
            {
                ids.Add(id);
            }
        }

        for (var page = 0; page < ids.Count; page += PageSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stored = store.Load(ids.GetRange(page, Math.Min(PageSize, ids.Count - page)));
            var results = new (AnalyzedDocument? Document, SitrepError? Notice)[stored.Count];
            Parallel.For(0, stored.Count, new ParallelOptions { MaxDegreeOfParallelism = pipeline.MaxDegreeOfParallelism, CancellationToken = cancellationToken }, i =>
            {
                results[i] = Import(pipeline, stored[i], cancellationToken);
            });

            var again = new List<Documents.Document>();
            var order = new List<(int Index, AnalyzedDocument? Document)>();
            for (var i = 0; i < stored.Count; i++)
            {
                if (results[i].Document is { } document)
                {
                    order.Add((i, document));
                    imported++;
                }
                else
                {
                    errors.Add(results[i].Notice!);
                    again.Add(stored[i].Document);
                    order.Add((i, null));
                }
            }

            if (again.Count > 0)
            {
                var analysis = pipeline.AnalyzeBatch(again, cancellationToken);
                errors.AddRange(analysis.Errors);
                reanalysed += analysis.Documents.Count;
                store.Save([.. analysis.Documents.Select(d => new StoredDocument(d.Document, PersistedLayers.Export(pipeline, d)))]);
                var byId = analysis.Documents.ToDictionary(d => d.Document.Id, StringComparer.Ordinal);
                for (var k = 0; k < order.Count; k++)
                {
                    if (order[k].Document is null && byId.TryGetValue(stored[order[k].Index].Document.Id, out var fresh))
                    {
                        order[k] = (order[k].Index, fresh);
                    }
                }
            }

            foreach (var (_, document) in order)
            {
                if (document is not null)
                {
                    documents.Add(document);
                    cache?.TryAdd(document.Document.Id, document);
                }
            }
        }

        return new StoryLoad(documents, imported, reanalysed, errors);
    }

    /// <summary>
    /// One stored document with its layers imported, or the notice saying why it must be analysed again.
    /// </summary>
    public static (AnalyzedDocument? Document, SitrepError? Notice) Import(AnalysisPipeline pipeline, StoredDocument stored, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(stored);
        var layers = stored.Annotations.ToDictionary(a => a.Layer, StringComparer.Ordinal);
        var document = new AnalyzedDocument(stored.Document);
        foreach (var stage in pipeline.DocumentStages)
        {
            if (stage is IPersistedStage persisted)
            {
                if (!layers.TryGetValue(persisted.PersistedLayerName, out var layer))
                {
                    return (null, SitrepErrors.LayerOutdated.At(stored.Document.Path, persisted.PersistedLayerName, "is missing", stage.Name));
                }

                if (!string.Equals(layer.Component, stage.Name, StringComparison.Ordinal))
                {
                    return (null, SitrepErrors.LayerOutdated.At(stored.Document.Path, layer.Layer, "was made by '" + layer.Component + "'", stage.Name));
                }

                if (!persisted.Import(document, new PersistedLayer(layer.Layer, layer.Component, layer.Json)))
                {
                    return (null, SitrepErrors.LayerOutdated.At(stored.Document.Path, layer.Layer, "cannot be read", stage.Name));
                }
            }
            else
            {
                stage.Process(document, cancellationToken);
            }

            document.StagesRun.Add(stage.Name);
        }

        return (document, null);
    }
}
