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
/// The story's files on disk are still read for one thing: the manifest beside them.
/// </remarks>
public sealed class StoryAnalyzer(WorkbenchOptions options) : IReportAnalyzer
{
    /// <inheritdoc />
    public IReadOnlyList<string> Analyze(string dbPath, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var store = StoreFactory.Open(dbPath);
        var storyFiles = StoryFiles(store.GetSetting(BriefSnapshot.Key));
        var manifestPath = storyFiles.Select(Path.GetDirectoryName).Distinct(StringComparer.Ordinal)
            .Select(d => Path.Combine(d ?? ".", "manifest.csv"))
            .FirstOrDefault(File.Exists);
        var decisions = DecisionBook.Read(store, store);
        var run = new AnalysisRun(DefaultPipeline.Build(aliases: decisions.Aliases(EntityAliasSettings.Load(store, null)), ach: decisions.Ach(store, suggest: true)), store);
        var result = run.Execute(
            new RunOptions
            {
                Inputs = [.. files.Distinct(StringComparer.Ordinal)],
                Manifest = manifestPath is null ? SourceManifest.Empty : SourceManifest.Load(manifestPath),
                Outlets = SourceSettings.Load(store, null),
                Ingest = IngestOptions.Default with { MaxBytes = options.MaxFileBytes },
                WorkingDirectory = options.WorkingDirectory,
                Excluded = [.. StoreFactory.Files(dbPath, options.WorkingDirectory), .. manifestPath is null ? Array.Empty<string>() : [manifestPath]],

                // New reports update the stored picture (the first run, with no picture yet, computes the whole story).
                Incremental = true,
            },
            progress: null,
            cancellationToken);
        return [.. result.Errors.Select(e => $"{e.Code} {e.Path}: {e.Message}")];
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
