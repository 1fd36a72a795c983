using System.Diagnostics;
using Sitrep.Brief.Building;
using Sitrep.Brief.Model;
using Sitrep.Brief.Rendering;
using Sitrep.Documents;
using Sitrep.Engine.Story;
using Sitrep.Errors;
using Sitrep.Ingest;
using Sitrep.Ingest.Fetch;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Manifest;
using Sitrep.Ingest.Readers;
using Sitrep.Ingest.Sources;
using Sitrep.Meaning.Encoding;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Engine;

/// <summary>What a run is asked to do.</summary>
public sealed record RunOptions
{
    /// <summary>Paths, directories and globs to read.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>Folder for brief.json, brief.md and brief.html; null writes no brief.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>
    /// Whether the brief files carry the full evidence (every claim, proposition, entity, …) instead of the front part,
    /// what it cites and a bounded appendix (<see cref="BriefBounds"/>, the default). The store keeps the full brief
    /// either way.
    /// </summary>
    public bool FullBrief { get; init; }

    /// <summary>The limits of a bounded brief (ignored with <see cref="FullBrief"/>).</summary>
    public BriefLimits BriefLimits { get; init; } = BriefLimits.Default;

    /// <summary>Optional manifest.</summary>
    public SourceManifest Manifest { get; init; } = SourceManifest.Empty;

    /// <summary>Ingest limits.</summary>
    public IngestOptions Ingest { get; init; } = IngestOptions.Default;

    /// <summary>Working directory that relative inputs and display paths are resolved against.</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>Upper bound of raw bytes read into one batch before it is analysed and stored.</summary>
    public long BatchBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>Full paths never read as documents (the manifest itself, the store); the output folder is skipped too.</summary>
    public IReadOnlyCollection<string> Excluded { get; init; } = [];

    /// <summary>Upper bound of files in one batch.</summary>
    public int BatchFiles { get; init; } = 256;

    /// <summary>The analyst's outlets (a sources file), applied to every document the manifest leaves ungraded.</summary>
    public OutletCatalog Outlets { get; init; } = OutletCatalog.Empty;

    /// <summary>Web pages already fetched (<see cref="WebFetcher"/>), read before the files as one batch.</summary>
    public IReadOnlyList<WebSnapshot> Fetched { get; init; } = [];

    /// <summary>Error entries of the addresses that could not be fetched, reported with the run's own.</summary>
    public IReadOnlyList<SitrepError> FetchErrors { get; init; } = [];

    /// <summary>
    /// True (the default): the picture is computed over every document the store holds, the ones stored by earlier
    /// runs read back from their stored layers (<see cref="Story.StoredStory"/>) and the inputs of this run. False:
    /// over this run's inputs alone (the store still keeps them).
    /// </summary>
    public bool WholeStory { get; init; } = true;

    /// <summary>
    /// True: when the store holds a picture made by this pipeline's components (<see cref="StoryPicture"/>), this run's
    /// documents update it (only the items they touch are computed again) instead of the corpus stages running over the
    /// whole story, and the brief covers what they touched. False (the default): the corpus stages run over the whole
    /// story and the stored picture is rebuilt from it, the reference an incremental picture is checked against.
    /// </summary>
    public bool Incremental { get; init; }

    /// <summary>
    /// Ids of documents the caller has already analysed and stored (as <c>watch</c> does), added to the picture by an
    /// <see cref="Incremental"/> run as if they were this run's inputs; read back from their stored layers.
    /// </summary>
    public IReadOnlyList<string> Stored { get; init; } = [];

    /// <summary>Bounds of the story an incremental run's brief is built over (<see cref="StoryPicture.StoryCorpus"/>).</summary>
    public StoryCorpusLimits StoryLimits { get; init; } = StoryCorpusLimits.Default;

    /// <summary>
    /// True: an <see cref="Incremental"/> run that writes no brief files (<see cref="OutputDirectory"/> null) updates the
    /// stored picture and stops there; the stored brief is then older than the picture and is built again when it is
    /// next read (<see cref="AnalysisRun.StoryBrief"/>), once for however many additions came in between. The run's
    /// <see cref="RunResult.Brief"/> then holds only the story's document count (<see cref="RunResult.BriefDeferred"/>).
    /// </summary>
    public bool DeferBrief { get; init; }
}

/// <summary>Progress of a run, reported after each batch.</summary>
/// <param name="FilesDone">Files read so far.</param>
/// <param name="FilesTotal">Files found.</param>
/// <param name="BytesDone">Bytes read so far.</param>
/// <param name="BytesTotal">Bytes of all files found (from their sizes).</param>
public sealed record RunProgress(int FilesDone, int FilesTotal, long BytesDone, long BytesTotal);

/// <summary>What a run did.</summary>
/// <param name="Brief">The brief model with the full evidence (the files written may be bounded: <see cref="RunOptions.FullBrief"/>).</param>
/// <param name="Documents">Documents analysed in this run.</param>
/// <param name="Errors">Error entries and warnings.</param>
/// <param name="Inserted">Documents new to the store.</param>
/// <param name="BytesRead">Raw bytes read.</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="WrittenFiles">Brief files written.</param>
/// <param name="Phases">Wall time per phase (read, analyse, store, corpus, brief), for benchmarks.</param>
public sealed record RunResult(BriefReport Brief, int Documents, IReadOnlyList<SitrepError> Errors, int Inserted, long BytesRead, TimeSpan Elapsed, IReadOnlyList<string> WrittenFiles, IReadOnlyDictionary<string, TimeSpan> Phases)
{
    /// <summary>Documents in the picture: this run's and, with <see cref="RunOptions.WholeStory"/>, every other one stored.</summary>
    public int StoryDocuments { get; init; }

    /// <summary>Stored documents analysed again because a stored layer was missing or from another component version.</summary>
    public int Reanalysed { get; init; }

    /// <summary>What the incremental update of the stored picture did, or null when the corpus stages ran over the whole story.</summary>
    public PictureUpdateResult? PictureUpdate { get; init; }

    /// <summary>
    /// True when the run updated the picture but built no brief (<see cref="RunOptions.DeferBrief"/>): <see cref="Brief"/>
    /// holds only the story's document count, and <see cref="AnalysisRun.StoryBrief"/> builds the brief.
    /// </summary>
    public bool BriefDeferred { get; init; }

    /// <summary>True when at least one input failed (warnings do not count).</summary>
    public bool HasErrors => Errors.Any(e => e.Severity == ErrorSeverity.Error);
}

/// <summary>
/// One run: expands the inputs, then streams them in bounded batches through ingest, the document stages and the
/// store (one transaction per batch), then runs the corpus stages and writes the brief.
/// </summary>
public sealed class AnalysisRun
{
    private readonly AnalysisPipeline _pipeline;
    private readonly IDocumentStore _store;

    // Stored documents read back by earlier executions of this run object, by id: a caller that keeps the object (watch,
    // a server) reads each stored document once. Documents are immutable once analysed, and their layers are those of
    // this pipeline, so they can be shared between executions; one that leaves the store leaves this cache.
    private readonly Dictionary<string, AnalyzedDocument> _story = new(StringComparer.Ordinal);
    private readonly Lock _storyGate = new();

    /// <summary>Creates a run over a pipeline and a store.</summary>
    public AnalysisRun(AnalysisPipeline pipeline, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(store);
        _pipeline = pipeline;
        _store = store;
    }

    /// <summary>Runs.</summary>
    public RunResult Execute(RunOptions options, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Sentence vectors the models encode during the run are kept in the store, and those of stored documents read
        // from it: a neighbour read by the next report's update is not encoded again in a new process.
        using var vectors = UseStoredVectors();
        var result = ExecuteCore(options, progress, cancellationToken);
        vectors?.Flush();
        return result;
    }

    private RunResult ExecuteCore(RunOptions options, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (options.OutputDirectory is { } outputDirectory)
        {
            // An output folder that cannot be made fails the run before any work, not after it.
            try
            {
                Directory.CreateDirectory(Path.GetFullPath(outputDirectory, options.WorkingDirectory));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                throw SitrepErrors.OutputUnwritable.Exception(outputDirectory, ex.Message);
            }
        }

        var scan = InputScanner.Scan(options.Inputs, options.WorkingDirectory);
        var errors = new List<SitrepError>([.. options.Manifest.Errors, .. options.Outlets.Errors, .. options.FetchErrors, .. scan.Errors]);
        var excluded = new HashSet<string>(options.Excluded, StringComparer.Ordinal);
        var outputPrefix = options.OutputDirectory is null ? null : Path.GetFullPath(options.OutputDirectory, options.WorkingDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var files = scan.Files
            .Where(f => !excluded.Contains(f.FullPath) && (outputPrefix is null || !f.FullPath.StartsWith(outputPrefix, StringComparison.Ordinal)))
            .ToList();
        var ingestor = new DocumentIngestor(options.Ingest, options.Manifest) { Outlets = options.Outlets };
        var analyzed = new List<AnalyzedDocument>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var totalBytes = files.Sum(f => SafeLength(f.FullPath));
        long bytesRead = 0;
        var filesDone = 0;
        var phases = new PhaseClock();
        using var writer = new StoreWriter(_store);
        IEnumerable<List<InputFile>> batches = Batches(files, options);
        if (options.Fetched.Count > 0)
        {
            // Fetched pages come first, as one batch; an empty file list marks it below.
            batches = batches.Prepend([]);
        }

        foreach (var batch in batches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            phases.Start("read");
            var fetched = batch.Count == 0 ? options.Fetched : [];
            var results = new ReadResult[batch.Count + fetched.Count];
            Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = _pipeline.MaxDegreeOfParallelism, CancellationToken = cancellationToken }, i =>
            {
                results[i] = i < batch.Count ? ingestor.Ingest(batch[i]) : FetchedPages.Read(ingestor, fetched[i - batch.Count]);
            });

            var documents = new List<Document>();
            foreach (var result in results)
            {
                errors.AddRange(result.Errors);
                foreach (var doc in result.Documents)
                {
                    if (seen.Add(doc.Id))
                    {
                        documents.Add(doc);
                    }
                }
            }

            phases.Start("analyse");
            var analysis = _pipeline.AnalyzeBatch(documents, cancellationToken);
            phases.Start("queue");
            errors.AddRange(analysis.Errors);
            var byDocument = analysis.Documents.ToDictionary(a => a.Document.Id, StringComparer.Ordinal);
            // Each document's layers are exported (JSON) on both cores, in the batch's order: between two batches this
            // ran on one thread while the other core waited.
            var stored = new StoredDocument[documents.Count];
            Parallel.For(0, stored.Length, new ParallelOptions { MaxDegreeOfParallelism = _pipeline.MaxDegreeOfParallelism, CancellationToken = cancellationToken }, i =>
            {
                stored[i] = new StoredDocument(documents[i], PersistedLayers.Export(_pipeline, byDocument.GetValueOrDefault(documents[i].Id)));
            });
            writer.Enqueue(stored, cancellationToken);
            analyzed.AddRange(analysis.Documents);
            filesDone += batch.Count;
            bytesRead += batch.Sum(f => SafeLength(f.FullPath)) + fetched.Sum(s => (long)s.Bytes.Length);
            phases.Stop();
            progress?.Report(new RunProgress(filesDone, files.Count, bytesRead, totalBytes));
        }

        phases.Start("store");
        var inserted = writer.Complete();
        phases.Start("story");
        var incremental = options.Incremental && options.WholeStory && (analyzed.Count > 0 || options.Stored.Count > 0) && StoryPicture.IsCurrent(_pipeline, _store);
        StoryLoad story;
        lock (_storyGate)
        {
            story = options.WholeStory && !incremental
                ? StoredStory.Load(_pipeline, _store, seen, _story, cancellationToken)
                : new StoryLoad([], 0, 0, []);
            if (options.WholeStory)
            {
                foreach (var document in analyzed)
                {
                    _story[document.Document.Id] = document;
                }
            }
        }

        errors.AddRange(story.Errors);

        if (incremental)
        {
            var stored = options.Stored.Where(id => !seen.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
            var added = stored.Count == 0 ? analyzed : [.. analyzed, .. ReadStored(stored, cancellationToken)];
            return ExecuteIncremental(options, added, errors, inserted, bytesRead, clock, phases, cancellationToken);
        }

        phases.Start("corpus");

        var ordered = analyzed
            .Concat(story.Documents)
            .OrderBy(d => d.Document.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Document.Id, StringComparer.Ordinal)
            .ToList();
        var corpus = new Corpus(ordered);
        _pipeline.AnalyzeCorpus(corpus, cancellationToken);
        foreach (var (stage, time) in corpus.StageTimes)
        {
            phases.Add("corpus:" + stage, time);
        }

        // The run's new sentence vectors, the layers' snapshots and the stored picture are written beside the brief's
        // build, which only reads the corpus (none of them changes it), in the order they were written before; the
        // snapshot below waits for them, so the store still has one writer at a time. The flush runs on this run's
        // embedding scope, which the task carries with it.
        var scope = EmbeddingScope.Current;
        var pictureTask = Task.Run(() =>
        {
            var started = Stopwatch.GetTimestamp();
            scope?.Flush();
            var flushed = Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            foreach (var snapshot in corpus.Layers.All.OfType<ISnapshotLayer>())
            {
                _store.SetSetting(snapshot.SnapshotKey, snapshot.ToSnapshotJson());
            }

            var snapshots = Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            if (options.WholeStory)
            {
                StoryPicture.Rebuild(_pipeline, _store, corpus);
            }

            return (Vectors: flushed, Snapshots: snapshots, Picture: Stopwatch.GetElapsedTime(started));
        });

        phases.Start("brief:build");
        BriefReport brief;
        try
        {
            brief = BriefBuilder.Build(corpus, _pipeline.StageNames, errors, SitrepVersion.Current);
        }
        catch
        {
            // The store must not be closed under the picture's write.
            ((IAsyncResult)pictureTask).AsyncWaitHandle.WaitOne();
            throw;
        }

        // Kept whole so that `sitrep brief` can render it again (another format, changes since a time, --full) without
        // re-analysing; written beside the rendering, which only reads the model. Its JSON is made as soon as the brief
        // is built; only the write waits for the picture's.
        var snapshotJson = Task.Run(() =>
        {
            var started = Stopwatch.GetTimestamp();
            var json = BriefSnapshot.ToJson(brief);
            return (Json: json, Time: Stopwatch.GetElapsedTime(started));
        });
        var snapshotTask = Task.Run(() =>
        {
            var before = pictureTask.GetAwaiter().GetResult();
            var (json, serialised) = snapshotJson.GetAwaiter().GetResult();
            var started = Stopwatch.GetTimestamp();
            _store.SetSetting(BriefSnapshot.Key, json);
            if (options.WholeStory)
            {
                // The brief of the whole story, from the picture just rebuilt: current until the next update.
                StoryPicture.StampBrief(_store);
            }

            return (Before: before, Snapshot: serialised + Stopwatch.GetElapsedTime(started));
        });
        var written = new List<string>();
        if (options.OutputDirectory is { } outDir)
        {
            phases.Start("brief:bound");
            var shown = options.FullBrief ? brief : BriefBounds.Apply(brief, options.BriefLimits);
            phases.Start("brief:render");
            try
            {
                var texts = ordered.ToDictionary(d => d.Document.Id, d => d.Text, StringComparer.Ordinal);
                written.AddRange(BriefRenderers.WriteAll(new BriefContext(shown, texts), outDir));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw SitrepErrors.OutputUnwritable.Exception(outDir, ex.Message);
            }
            finally
            {
                // The store must not be closed under the snapshot's write when rendering fails.
                ((IAsyncResult)snapshotTask).AsyncWaitHandle.WaitOne();
            }
        }

        phases.Start("brief:snapshot wait");
        var (beside, snapshotTime) = snapshotTask.GetAwaiter().GetResult();
        phases.Stop();
        phases.Add("corpus:vectors", beside.Vectors);
        phases.Add("corpus:snapshots", beside.Snapshots);
        if (options.WholeStory)
        {
            phases.Add("picture:rebuild", beside.Picture);
        }

        phases.Add("brief:snapshot", snapshotTime);
        return new RunResult(brief, analyzed.Count, [.. errors, .. corpus.Errors], inserted, bytesRead, clock.Elapsed, written, phases.Totals)
        {
            StoryDocuments = ordered.Count,
            Reanalysed = story.Reanalysed,
        };
    }

    /// <summary>
    /// The incremental path: this run's documents update the stored picture (<see cref="StoryPicture.Update"/>), then the
    /// brief is built over the story as the stored picture holds it (<see cref="StoryPicture.StoryCorpus"/>: the most
    /// important items of each kind and the documents they cite, bounded), with the structure of a whole-story brief;
    /// it is kept in the store as the brief snapshot, with the ACH snapshot of its evidence.
    /// </summary>
    private RunResult ExecuteIncremental(RunOptions options, List<AnalyzedDocument> analyzed, List<SitrepError> errors, int inserted, long bytesRead, Stopwatch clock, PhaseClock phases, CancellationToken cancellationToken)
    {
        phases.Start("picture");
        var update = StoryPicture.Update(_pipeline, _store, analyzed, ids => ReadStored(ids, cancellationToken), cancellationToken);
        foreach (var (phase, time) in update.Phases)
        {
            phases.Add("picture:" + phase, time);
        }

        var flushed = Stopwatch.GetTimestamp();
        EmbeddingScope.Current?.Flush();
        phases.Add("picture:vectors", Stopwatch.GetElapsedTime(flushed));

        var storyDocuments = (int)Math.Min(int.MaxValue, _store.CountDocuments());
        if (options.DeferBrief && options.OutputDirectory is null)
        {
            phases.Stop();
            var counted = new BriefReport
            {
                Generator = new BriefGenerator("sitrep", SitrepVersion.Current, [.. _pipeline.StageNames]),
                Corpus = new BriefCorpus(storyDocuments, analyzed.Sum(d => (long)d.Text.Length), analyzed.Sum(d => (long)d.Sentences.Count), errors.Count(e => e.Severity == ErrorSeverity.Error)),
            };
            return new RunResult(counted, analyzed.Count, [.. errors, .. update.Neighbourhood.Errors], inserted, bytesRead, clock.Elapsed, [], phases.Totals)
            {
                StoryDocuments = storyDocuments,
                PictureUpdate = update,
                BriefDeferred = true,
            };
        }

        var (brief, corpus) = BuildStoryBrief(options.StoryLimits, analyzed, errors, phases, storyDocuments, cancellationToken);
        var written = new List<string>();
        if (options.OutputDirectory is { } outDir)
        {
            phases.Start("brief:render");
            var shown = options.FullBrief ? brief : BriefBounds.Apply(brief, options.BriefLimits);
            try
            {
                var texts = corpus.Documents.ToDictionary(d => d.Document.Id, d => d.Text, StringComparer.Ordinal);
                written.AddRange(BriefRenderers.WriteAll(new BriefContext(shown, texts), outDir));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw SitrepErrors.OutputUnwritable.Exception(outDir, ex.Message);
            }
        }

        phases.Stop();
        return new RunResult(brief, analyzed.Count, [.. errors, .. update.Neighbourhood.Errors, .. corpus.Errors], inserted, bytesRead, clock.Elapsed, written, phases.Totals)
        {
            StoryDocuments = storyDocuments,
            PictureUpdate = update,
        };
    }

    /// <summary>
    /// The story's brief: the stored one when it was built from the picture as it stands, else one built now from the
    /// stored picture (<see cref="StoryPicture.StoryCorpus"/>, as an incremental run builds it) and stored, with its ACH
    /// snapshot, for the next reader. An incremental run with <see cref="RunOptions.DeferBrief"/> leaves the brief to
    /// this, so a story that takes many reports between two reads builds it once. Null when the store holds neither a
    /// current picture nor a brief.
    /// </summary>
    /// <param name="limits">Bounds of the story the brief is built over; <see cref="StoryCorpusLimits.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    public BriefReport? StoryBrief(StoryCorpusLimits? limits = null, CancellationToken cancellationToken = default)
    {
        using var vectors = UseStoredVectors();
        var json = _store.GetSetting(BriefSnapshot.Key);
        if (!StoryPicture.IsCurrent(_pipeline, _store) || (json is not null && StoryPicture.BriefIsCurrent(_store)))
        {
            return json is null ? null : BriefSnapshot.FromJson(json);
        }

        var storyDocuments = (int)Math.Min(int.MaxValue, _store.CountDocuments());
        return BuildStoryBrief(limits ?? StoryCorpusLimits.Default, [], [], new PhaseClock(), storyDocuments, cancellationToken).Brief;
    }

    /// <summary>
    /// Writes the story's brief (<see cref="StoryBrief"/>, built first when it is behind the picture) as the brief files
    /// (<see cref="BriefRenderers.All"/>: JSON, Markdown, HTML, the ACH matrix) into <paramref name="outputDirectory"/>: bounded by <paramref name="limits"/> unless
    /// <paramref name="full"/>, with the cited excerpts read from the stored documents. Nothing is written when the
    /// store holds no brief.
    /// </summary>
    /// <exception cref="SitrepException">SR error <see cref="SitrepErrors.OutputUnwritable"/> when the folder cannot be written.</exception>
    public IReadOnlyList<string> WriteStoryBrief(string outputDirectory, bool full = false, BriefLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outputDirectory);
        if (StoryBrief(cancellationToken: cancellationToken) is not { } brief)
        {
            return [];
        }

        var shown = full ? brief : BriefBounds.Apply(brief, limits ?? BriefLimits.Default);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var doc in shown.Documents)
        {
            if (_store.Find(doc.Id) is { } found)
            {
                texts[doc.Id] = found.Text;
            }
        }

        try
        {
            return BriefRenderers.WriteAll(new BriefContext(shown, texts), outputDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw SitrepErrors.OutputUnwritable.Exception(outputDirectory, ex.Message);
        }
    }

    /// <summary>The brief over the story as the stored picture holds it, kept in the store as the brief snapshot.</summary>
    private (BriefReport Brief, Corpus Corpus) BuildStoryBrief(StoryCorpusLimits limits, List<AnalyzedDocument> analyzed, List<SitrepError> errors, PhaseClock phases, int storyDocuments, CancellationToken cancellationToken)
    {
        phases.Start("brief:story");
        var corpus = StoryPicture.StoryCorpus(_pipeline, _store, analyzed, ids => ReadStored(ids, cancellationToken), limits, cancellationToken);
        EmbeddingScope.Current?.Flush();
        foreach (var (stage, time) in corpus.StageTimes)
        {
            phases.Add("brief:story:" + stage, time);
        }

        phases.Start("brief:build");
        var brief = BriefBuilder.Build(corpus, _pipeline.StageNames, errors, SitrepVersion.Current);
        brief = brief with { Corpus = brief.Corpus with { DocumentCount = Math.Max(storyDocuments, brief.Corpus.DocumentCount) } };
        phases.Start("brief:snapshot");
        foreach (var snapshot in corpus.Layers.All.OfType<ISnapshotLayer>())
        {
            _store.SetSetting(snapshot.SnapshotKey, snapshot.ToSnapshotJson());
        }

        _store.SetSetting(BriefSnapshot.Key, BriefSnapshot.ToJson(brief));
        StoryPicture.StampBrief(_store);
        phases.Stop();
        return (brief, corpus);
    }

    /// <summary>The store's sentence vectors as the models' persistent cache until disposed (null when the store keeps none).</summary>
    private EmbeddingScope? UseStoredVectors() => EmbeddingScope.Use((_store as IEmbeddingStore)?.Embeddings);

    /// <summary>Stored documents by id, from this run object's cache or read back from their layers (and then cached).</summary>
    private List<AnalyzedDocument> ReadStored(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var result = new List<AnalyzedDocument>(ids.Count);
        var missing = new List<string>();
        lock (_storyGate)
        {
            foreach (var id in ids)
            {
                if (_story.TryGetValue(id, out var held))
                {
                    result.Add(held);
                }
                else
                {
                    missing.Add(id);
                }
            }
        }

        if (missing.Count > 0)
        {
            foreach (var stored in _store.Load(missing))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (StoredStory.Import(_pipeline, stored, cancellationToken).Document is { } document)
                {
                    result.Add(document);
                    lock (_storyGate)
                    {
                        if (_story.Count < MaxCachedIncremental)
                        {
                            _story.TryAdd(document.Document.Id, document);
                        }
                    }
                }
            }
        }

        return result;
    }

    // Documents an incremental run keeps once read: enough for the neighbourhoods of a session's additions, bounded so
    // that memory does not grow with the story.
    private const int MaxCachedIncremental = 512;

    private static IEnumerable<List<InputFile>> Batches(IReadOnlyList<InputFile> files, RunOptions options)
    {
        var batch = new List<InputFile>();
        long bytes = 0;
        foreach (var file in files)
        {
            var length = SafeLength(file.FullPath);
            if (batch.Count > 0 && (batch.Count >= options.BatchFiles || bytes + Math.Min(length, options.Ingest.MaxBytes) > options.BatchBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }

            batch.Add(file);
            bytes += Math.Min(length, options.Ingest.MaxBytes);
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static long SafeLength(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? info.Length : 0;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }
}

/// <summary>The layers a pipeline's persisted stages export for one document, ready for the store.</summary>
public static class PersistedLayers
{
    /// <summary>What every <see cref="IPersistedStage"/> of the pipeline exports for the document; empty when it was not analysed.</summary>
    public static IReadOnlyList<StoredAnnotation> Export(AnalysisPipeline pipeline, AnalyzedDocument? analyzed)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var annotations = new List<StoredAnnotation>();
        if (analyzed is null)
        {
            return annotations;
        }

        foreach (var stage in pipeline.DocumentStages.OfType<IPersistedStage>())
        {
            if (stage.Export(analyzed) is { } layer)
            {
                annotations.Add(new StoredAnnotation(layer.Layer, layer.Component, layer.Json));
            }
        }

        return annotations;
    }
}

/// <summary>
/// Writes batches to the store on a background thread, so that storing one batch overlaps reading and analysing the
/// next. At most two batches wait in the queue, which bounds memory; a write failure surfaces on the next call.
/// </summary>
internal sealed class StoreWriter : IDisposable
{
    private readonly System.Collections.Concurrent.BlockingCollection<IReadOnlyList<StoredDocument>> _queue = new(boundedCapacity: 2);
    private readonly CancellationTokenSource _failed = new();
    private readonly Task<int> _worker;

    public StoreWriter(IDocumentStore store)
    {
        _worker = Task.Factory.StartNew(
            () =>
            {
                var inserted = 0;
                try
                {
                    foreach (var batch in _queue.GetConsumingEnumerable())
                    {
                        inserted += store.Save(batch).Inserted;
                    }
                }
                catch
                {
                    // Wakes a producer waiting for room in the full queue: no one will ever take from it again.
                    _failed.Cancel();
                    throw;
                }

                return inserted;
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    public void Enqueue(IReadOnlyList<StoredDocument> batch, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _failed.Token);
        try
        {
            _queue.Add(batch, linked.Token);
        }
        catch (OperationCanceledException) when (_failed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
        }

        if (_worker.IsFaulted)
        {
            _worker.GetAwaiter().GetResult();
        }
    }

    /// <summary>Waits for every queued batch to be committed; returns how many documents were new.</summary>
    public int Complete()
    {
        _queue.CompleteAdding();
        return _worker.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        if (!_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
        }

        // On cancellation the batches already queued are still committed whole before the store is closed.
        try
        {
            _worker.Wait();
        }
        catch (AggregateException)
        {
        }

        _queue.Dispose();
        _failed.Dispose();
    }
}

/// <summary>Accumulates wall time per named phase.</summary>
internal sealed class PhaseClock
{
    private readonly Dictionary<string, TimeSpan> _totals = new(StringComparer.Ordinal);
    private readonly Stopwatch _watch = new();
    private string? _current;

    public IReadOnlyDictionary<string, TimeSpan> Totals => _totals;

    public void Start(string phase)
    {
        Stop();
        _current = phase;
        _watch.Restart();
    }

    public void Add(string phase, TimeSpan time) => _totals[phase] = _totals.GetValueOrDefault(phase) + time;

    public void Stop()
    {
        if (_current is not null)
        {
            _totals[_current] = _totals.GetValueOrDefault(_current) + _watch.Elapsed;
            _current = null;
        }
    }
}

/// <summary>The running Sitrep's version.</summary>
public static class SitrepVersion
{
    /// <summary>The informational version of the engine assembly.</summary>
    public static string Current { get; } =
        typeof(SitrepVersion).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
