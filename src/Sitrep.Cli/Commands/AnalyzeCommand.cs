using System.CommandLine;
using System.Globalization;
using Sitrep.Engine;
using Sitrep.Errors;
using Sitrep.Ingest;
using Sitrep.Ingest.Fetch;
using Sitrep.Ingest.Manifest;
using Sitrep.Storage;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep analyze PATHS... [--db FILE] [--out DIR] [--manifest FILE] [--full]</c>.</summary>
internal static class AnalyzeCommand
{
    private const string ManifestFileName = "manifest.csv";
    private const int ProgressBarThreshold = 50;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, directories, globs (quote globs: \"reports/**/*.html\") or web addresses (https://…, fetched politely and kept in the store).",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = CommandOptions.Db();
        var output = new Option<string>("--out")
        {
            Description = "Folder for brief.json, brief.md and brief.html.",
            DefaultValueFactory = _ => "out",
            HelpName = "DIR",
        };
        var manifest = new Option<string?>("--manifest")
        {
            Description = "CSV of source metadata (path, outlet, author, url, published, reliability, kind, title). Default: manifest.csv in an input folder, if there is one.",
            HelpName = "FILE",
        };
        var maxBytes = new Option<long>("--max-bytes")
        {
            Description = "Refuse files larger than this many bytes.",
            DefaultValueFactory = _ => IngestOptions.DefaultMaxBytes,
        };
        var jobs = new Option<int>("--jobs")
        {
            Description = "Documents analysed in parallel (default: one per core).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var quiet = new Option<bool>("--quiet") { Description = "Print only errors and the summary line." };
        var aliases = new Option<string?>("--aliases")
        {
            Description = "Entity decisions to pin, merge or split (lines like 'merge | Yevgeny Prigozhin | Prigozhin'); kept in the store for later runs.",
            HelpName = "FILE",
        };
        var hypotheses = AchOptionsFromFiles.HypothesesOption();
        var ratings = AchOptionsFromFiles.RatingsOption();
        var sources = CommandOptions.Sources();
        var full = CommandOptions.Full();
        var incremental = new Option<bool>("--incremental")
        {
            Description = "Update the stored picture with these reports (only what they touch is computed again) and write the brief of what they touched, instead of computing the picture over every stored document (which also rebuilds the stored picture).",
        };
        var command = new Command("analyze", "Analyse reports and write a cited brief.") { paths, db, output, manifest, maxBytes, jobs, quiet, aliases, hypotheses, ratings, sources, full, incremental };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            parse.GetValue(paths)!,
            parse.GetValue(db)!,
            parse.GetValue(output)!,
            parse.GetValue(manifest),
            parse.GetValue(maxBytes),
            parse.GetValue(jobs),
            parse.GetValue(quiet),
            parse.GetValue(aliases),
            parse.GetValue(hypotheses),
            parse.GetValue(ratings),
            parse.GetValue(sources),
            parse.GetValue(full),
            parse.GetValue(incremental),
            cancellationToken)));
        return command;
    }

    private static int Run(string[] paths, string db, string output, string? manifestPath, long maxBytes, int jobs, bool quiet, string? aliasesPath, string? hypothesesPath, string? ratingsPath, string? sourcesPath, bool full, bool incremental, CancellationToken cancellationToken)
    {
        try
        {
            if (maxBytes < 1)
            {
                throw SitrepErrors.BadOption.Exception("--max-bytes", maxBytes, "a positive number of bytes");
            }

            if (jobs < 1)
            {
                throw SitrepErrors.BadOption.Exception("--jobs", jobs, "a whole number of at least 1");
            }

            var workingDirectory = Environment.CurrentDirectory;
            var (urls, files) = WebInputs.Split(paths);
            manifestPath ??= FindManifest([.. files], workingDirectory);
            var manifest = manifestPath is null ? SourceManifest.Empty : SourceManifest.Load(manifestPath);
            using var store = StoreFactory.Open(db);
            var outlets = SourceSettings.Load(store, sourcesPath);
            var fetched = WebInputs.FetchAsync(urls, FetchOptions.Default with { MaxBytes = maxBytes }, store, Math.Min(jobs, 4), cancellationToken).GetAwaiter().GetResult();
            var options = new RunOptions
            {
                Inputs = files,
                Outlets = outlets,
                Fetched = fetched.Snapshots,
                FetchErrors = fetched.Errors,
                OutputDirectory = output,
                FullBrief = full,
                Incremental = incremental,
                Manifest = manifest,
                Ingest = IngestOptions.Default with { MaxBytes = maxBytes },
                WorkingDirectory = workingDirectory,
                Excluded = StoreFactory.Files(db, workingDirectory).Concat(manifestPath is null ? [] : [Path.GetFullPath(manifestPath, workingDirectory)]).Concat(sourcesPath is null ? [] : [Path.GetFullPath(sourcesPath, workingDirectory)]).ToList(),
            };
            // The workbench's decisions (sitrep serve: merges, splits, types, hypotheses, ratings) apply after the files'.
            var book = Web.Decisions.DecisionBook.Read(store, store);
            var decisions = book.Aliases(EntityAliasSettings.Load(store, aliasesPath));
            AchOptionsFromFiles.Load(store, hypothesesPath, ratingsPath, suggest: true);
            var ach = book.Ach(store, suggest: true);
            var run = new AnalysisRun(DefaultPipeline.Build(jobs, decisions, ach), store);
            var result = quiet || !AnsiConsole.Profile.Capabilities.Interactive
                ? run.Execute(options, progress: null, cancellationToken)
                : RunWithProgress(run, options, cancellationToken);

            foreach (var error in result.Errors)
            {
                var level = error.Severity == ErrorSeverity.Error ? "error" : "warning";
                Console.Error.WriteLine($"{level} {error.Code} {error.Path}: {error.Message}");
            }

            var seconds = Math.Max(result.Elapsed.TotalSeconds, 1e-6);
            var brief = result.WrittenFiles.FirstOrDefault(f => f.EndsWith(".html", StringComparison.Ordinal));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Analysed {result.Documents} documents ({result.Inserted} new in {StoreFactory.Display(db)}), {result.BytesRead / 1e6:0.###} MB in {seconds:0.##} s ({result.BytesRead / 1e6 / seconds:0.##} MB/s); {result.Errors.Count(e => e.Severity == ErrorSeverity.Error)} inputs failed. The story holds {result.StoryDocuments} documents{(result.Reanalysed > 0 ? $" ({result.Reanalysed} stored ones analysed again)" : string.Empty)}.{(brief is null ? string.Empty : " Brief: " + brief)}"));
            if (result.Documents == 0)
            {
                return ExitCodes.Failed;
            }

            return result.HasErrors ? ExitCodes.Partial : ExitCodes.Ok;
        }
        catch (SitrepException ex)
        {
            Console.Error.WriteLine($"sitrep: {ex.Message}");
            return CommandErrors.ExitCodeOf(ex.ErrorCode) == ExitCodes.Usage || ex.ErrorCode.Code.StartsWith("SR3", StringComparison.Ordinal)
                ? ExitCodes.Usage
                : ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("sitrep: cancelled; every batch committed before the cancel is in the store.");
            return ExitCodes.Cancelled;
        }
    }

    private static RunResult RunWithProgress(AnalysisRun run, RunOptions options, CancellationToken cancellationToken)
    {
        RunResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("Analysing", autoStart: true, maxValue: 1);
                var shown = false;
                var progress = new SyncProgress(p =>
                {
                    if (!shown && p.FilesTotal < ProgressBarThreshold)
                    {
                        return;
                    }

                    shown = true;
                    task.MaxValue = Math.Max(1, p.BytesTotal);
                    task.Value = p.BytesDone;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"Analysing {p.FilesDone}/{p.FilesTotal} files");
                });
                result = run.Execute(options, progress, cancellationToken);
            });
        return result!;
    }

    // The store and its WAL files are never reports, even when they sit inside an input folder.
    private static string? FindManifest(string[] paths, string workingDirectory)
    {
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, workingDirectory);
            var candidate = Path.Combine(full, ManifestFileName);
            if (Directory.Exists(full) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Reports synchronously on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
