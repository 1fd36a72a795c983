using Sitrep.Brief.Model;
using Sitrep.Engine;
using Sitrep.Ingest;
using Sitrep.Ingest.Manifest;
using Sitrep.Storage;
using Sitrep.Web.Decisions;

namespace Sitrep.Web.Analysis;

/// <summary>
/// The engine's analysis with the store (<see cref="AnalysisRun"/> over the default pipeline), with the analyst's
/// decisions (from the files the CLI remembered and from the workbench's audit log) applied.
/// </summary>
/// <remarks>
/// The run is given only the new files: it reads the documents already stored back from their stored layers
/// (<see cref="RunOptions.WholeStory"/>), so the picture covers the whole story without analysing old reports again.
/// The story's files on disk are still read for one thing: the manifest beside them. New reports update the stored
/// picture with the brief deferred (<see cref="RunOptions.DeferBrief"/>); <see cref="BuildBrief"/> builds it from the
/// picture (<see cref="AnalysisRun.StoryBrief"/>) when the worker's schedule says so, once for many additions.
/// </remarks>
public sealed class StoryAnalyzer(WorkbenchOptions options) : IReportAnalyzer, IDisposable
{
    // Files analysed by one run object before a new one is made.
    private const int MaxFilesPerRun = 512;

    // The component names a picture of the default pipeline carries (they do not depend on the analyst's decisions).
    private static readonly Lazy<string> Components = new(() => Engine.Story.StoryPicture.Components(DefaultPipeline.Build()));

    // Held for the server's life (only the worker's thread calls in): opening a SQLite store runs its quick check, which
    // reads the whole file (seconds on a story of a few hundred MB), and the run keeps the stored documents it has read.
    private IStoryStore? _store;
    private string? _storePath;
    private (string Decisions, AnalysisRun Run)? _run;
    private (bool Known, string? Path) _manifest;
    private int _runFiles;

    /// <inheritdoc />
    public IReadOnlyList<string> Analyze(string dbPath, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var store = Store(dbPath);
        if (!_manifest.Known)
        {
            // From the story's files named in the stored brief (read again after each build of the brief).
            var storyFiles = StoryFiles(store.GetSetting(BriefSnapshot.Key));
            _manifest = (true, storyFiles.Select(Path.GetDirectoryName).Distinct(StringComparer.Ordinal)
                .Select(d => Path.Combine(d ?? ".", "manifest.csv"))
                .FirstOrDefault(File.Exists));
        }

        var manifestPath = _manifest.Path;

        // The run keeps every document it analyses (for the neighbourhoods of later additions): a fresh one now and then
        // keeps that from growing with the server's life.
        _runFiles += files.Count;
        if (_runFiles > MaxFilesPerRun)
        {
            _run = null;
            _runFiles = files.Count;
        }

        var result = Run(store).Execute(
            new RunOptions
            {
                Inputs = [.. files.Distinct(StringComparer.Ordinal)],
                Manifest = manifestPath is null ? SourceManifest.Empty : SourceManifest.Load(manifestPath),
                Outlets = SourceSettings.Load(store, null),
                Ingest = IngestOptions.Default with { MaxBytes = options.MaxFileBytes },
                WorkingDirectory = options.WorkingDirectory,
                Excluded = [.. StoreFactory.Files(dbPath, options.WorkingDirectory), .. manifestPath is null ? Array.Empty<string>() : [manifestPath]],

                // New reports update the stored picture (the first run, with no picture yet, computes the whole story and
                // its brief); the brief is left to BuildBrief.
                Incremental = true,
                DeferBrief = true,
            },
            progress: null,
            cancellationToken);
        return [.. result.Errors.Select(e => $"{e.Code} {e.Path}: {e.Message}")];
    }

    /// <inheritdoc />
    public bool BriefIsBehind(string dbPath) => Behind(Store(dbPath));

    /// <inheritdoc />
    public bool BuildBrief(string dbPath, CancellationToken cancellationToken)
    {
        var store = Store(dbPath);
        if (!Behind(store))
        {
            return false;
        }

        Run(store).StoryBrief(cancellationToken: cancellationToken);
        _manifest = default;
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _store?.Dispose();
        _store = null;
        _run = null;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The models of the document stages (tagger, parser, claims…) are loaded by analysing one short made-up report,
    /// which is not stored; those of the corpus stages by <see cref="DefaultPipeline.WarmUp"/>.
    /// </remarks>
    public void WarmUp()
    {
        var pipeline = DefaultPipeline.Build();
        var text = "The regional governor said on Saturday that the convoy had stopped 200 km from the capital. "
            + "Officials in the city denied the report and said the roads stayed open.";
        pipeline.AnalyzeBatch([Documents.Document.Create(text, "warm-up.txt").Build()]);
        DefaultPipeline.WarmUp();
    }

    // Behind, and by a picture this pipeline can build the brief from (a picture of other components is rebuilt whole by
    // the next addition, brief included; until then there is nothing to build).
    private static bool Behind(IDocumentStore store) =>
        Engine.Story.StoryPicture.BriefIsBehind(store)
        && string.Equals(store.GetSetting(Engine.Story.StoryPicture.ComponentsKey), Components.Value, StringComparison.Ordinal);

    private IStoryStore Store(string dbPath)
    {
        if (_store is null || !string.Equals(_storePath, dbPath, StringComparison.Ordinal))
        {
            Dispose();
            _store = StoreFactory.Open(dbPath);
            _storePath = dbPath;
            _manifest = default;
        }

        return _store;
    }

    // One run (pipeline and the stored documents it has read) while the analyst's decisions stay the same; a new
    // decision, or alias, hypothesis or rating files remembered by the CLI, builds a new one.
    private AnalysisRun Run(IStoryStore store)
    {
        var key = string.Join(
            '\u001F',
            store.Stamp().LastDecision.ToString(System.Globalization.CultureInfo.InvariantCulture),
            store.GetSetting(Entities.Aliases.AliasDecisions.SettingKey),
            store.GetSetting(DecisionBook.HypothesesSetting),
            store.GetSetting(DecisionBook.RatingsSetting));
        if (_run is { } held && string.Equals(held.Decisions, key, StringComparison.Ordinal))
        {
            return held.Run;
        }

        var decisions = DecisionBook.Read(store, store);
        var run = new AnalysisRun(DefaultPipeline.Build(aliases: decisions.Aliases(EntityAliasSettings.Load(store, null)), ach: decisions.Ach(store, suggest: true)), store);
        _run = (key, run);
        return run;
    }

    private List<string> StoryFiles(string? briefJson)
    {
        if (briefJson is null)
        {
            return [];
        }

        BriefReport brief;
        try
        {
            brief = BriefSnapshot.FromJson(briefJson);
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }

        return [.. brief.Documents
            .Select(d => d.Path.Split('#')[0])
            .Where(p => !p.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !p.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            .Select(p => Path.GetFullPath(p, options.WorkingDirectory))
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)];
    }
}
