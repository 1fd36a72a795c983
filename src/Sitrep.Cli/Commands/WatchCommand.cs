using System.CommandLine;
using Sitrep.Engine;
using Sitrep.Engine.Watch;
using Sitrep.Errors;
using Sitrep.Ingest;
using Sitrep.Ingest.Manifest;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep watch DIR [--db FILE] [--interval MS] [--max-bytes N] [--settle MS] [--out DIR]</c>: ingests new and
/// changed files once they are stable, records renames and deletions, one line per document, until Ctrl+C.
/// </summary>
/// <remarks>
/// New reports update the stored picture with the brief deferred (<see cref="RunOptions.DeferBrief"/>): the brief is
/// built when it is next read (<c>sitrep brief</c>, <c>sitrep serve</c>) or, with <c>--out</c>, once a scan finds
/// nothing new (a burst has ended) or <see cref="MaxBriefDelay"/> after the first report it leaves out, never once per
/// report. The models the corpus stages load on first use are loaded at start (<see cref="DefaultPipeline.WarmUp"/>).
/// </remarks>
internal static class WatchCommand
{
    /// <summary>Longest the brief files stay behind the picture while reports keep arriving.</summary>
    private static readonly TimeSpan MaxBriefDelay = TimeSpan.FromSeconds(30);

    public static Command Create()
    {
        var directory = new Argument<string>("dir") { Description = "The folder to watch (with its subfolders)." };
        var db = CommandOptions.Db();
        var interval = new Option<int>("--interval")
        {
            Description = "Milliseconds between scans (a file-system event triggers a scan sooner).",
            DefaultValueFactory = _ => 1000,
        };
        var maxBytes = new Option<long>("--max-bytes")
        {
            Description = "Refuse files larger than this many bytes.",
            DefaultValueFactory = _ => IngestOptions.DefaultMaxBytes,
        };
        var settle = new Option<int>("--settle")
        {
            Description = "Milliseconds a file's size and write time must stay the same before it is read.",
            DefaultValueFactory = _ => 2000,
        };
        var output = new Option<string?>("--out")
        {
            Description = "Folder for brief.json, brief.md and brief.html, rewritten once a burst of changes has ended. Without it the picture is kept in the store only ('sitrep brief' renders it).",
            HelpName = "DIR",
        };
        var command = new Command("watch", "Ingest new and changed files in a folder as they appear, and update the story's picture, until stopped.") { directory, db, interval, maxBytes, settle, output };
        command.SetAction((parse, cancellationToken) => Run(parse.GetValue(directory)!, parse.GetValue(db)!, parse.GetValue(interval), parse.GetValue(maxBytes), parse.GetValue(settle), parse.GetValue(output), cancellationToken));
        return command;
    }

    private static async Task<int> Run(string directory, string db, int interval, long maxBytes, int settle, string? output, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            Console.Error.WriteLine($"sitrep: {SitrepErrors.NotFound.Format(directory)}");
            return ExitCodes.Usage;
        }

        if (interval < 50 || maxBytes < 1)
        {
            Console.Error.WriteLine($"sitrep: {SitrepErrors.BadOption.Format(interval < 50 ? "--interval" : "--max-bytes", interval < 50 ? interval : maxBytes, interval < 50 ? "at least 50 milliseconds" : "a positive number of bytes")}");
            return ExitCodes.Usage;
        }

        if (settle < 0)
        {
            Console.Error.WriteLine($"sitrep: {SitrepErrors.BadOption.Format("--settle", settle, "zero or more milliseconds")}");
            return ExitCodes.Usage;
        }

        try
        {
            var manifestPath = Path.Combine(directory, "manifest.csv");
            var manifest = File.Exists(manifestPath) ? SourceManifest.Load(manifestPath) : SourceManifest.Empty;
            var dbFull = Path.GetFullPath(db);
            using var store = StoreFactory.Open(db);
            var watch = new DirectoryWatch(DefaultPipeline.Build(), store, directory, IngestOptions.Default with { MaxBytes = maxBytes }, manifest, [Path.GetFullPath(manifestPath), dbFull, dbFull + "-wal", dbFull + "-shm", dbFull + "-journal"])
            {
                SettleTime = TimeSpan.FromMilliseconds(settle),
            };
            // One run object for the whole watch: it reads each stored document back once and keeps it.
            var story = new AnalysisRun(DefaultPipeline.Build(aliases: EntityAliasSettings.Load(store, null), ach: AchOptionsFromFiles.Load(store, null, null, suggest: true)), store);
            using var signal = new SemaphoreSlim(0);
            using var watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            watcher.Created += (_, _) => Release(signal);
            watcher.Changed += (_, _) => Release(signal);
            watcher.Renamed += (_, _) => Release(signal);
            watcher.Deleted += (_, _) => Release(signal);
            Console.WriteLine($"Watching {Path.GetFullPath(directory)} (Ctrl+C to stop); store {db}.");

            // Beside the first scan: a long-lived process pays for the models once, not in the first report that needs them.
            _ = Task.Run(DefaultPipeline.WarmUp, cancellationToken);
            DateTime? behindSince = null;
            while (!cancellationToken.IsCancellationRequested)
            {
                var changes = watch.Poll(cancellationToken);
                foreach (var line in changes)
                {
                    Console.WriteLine(line);
                }

                var changed = changes.Any(c => c.Change is "new" or "changed" or "renamed" or "deleted");
                if (changed)
                {
                    // New reports update the picture kept in the store, the brief left behind it; a changed, renamed or
                    // deleted file takes documents out of the story, so the picture is computed again over every stored
                    // document (the reference), and its brief with it.
                    var onlyNew = changes.All(c => c.Change is "new" or "same" or "error");
                    var added = onlyNew ? changes.Where(c => c.Change == "new" && c.Document is not null).Select(c => c.Document!.Id).ToList() : [];
                    var render = onlyNew ? null : output;
                    var picture = story.Execute(new RunOptions { Inputs = [], OutputDirectory = render, Incremental = onlyNew, DeferBrief = onlyNew, Stored = added }, progress: null, cancellationToken);
                    var took = picture.Phases.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b).TotalMilliseconds;
                    behindSince = output is null || render is not null ? null : behindSince ?? DateTime.UtcNow;
                    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"picture  {picture.StoryDocuments} documents, {took:N0} ms; ")
                        + (picture.BriefDeferred ? (output is null ? "brief built when read ('sitrep brief')" : "brief written when the folder is quiet")
                            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{picture.Brief.Propositions.Count} propositions{(render is null ? string.Empty : "; brief in " + render)}")));
                }

                if (output is not null && behindSince is { } since && (!changed || DateTime.UtcNow - since >= MaxBriefDelay))
                {
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    story.WriteStoryBrief(output, cancellationToken: cancellationToken);
                    behindSince = null;
                    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"brief    {clock.Elapsed.TotalMilliseconds:N0} ms; in {output}"));
                }

                await signal.WaitAsync(interval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: everything read so far is in the store.
        }
        catch (SitrepException ex)
        {
            return CommandErrors.Report(ex);
        }

        Console.WriteLine("Stopped.");
        return ExitCodes.Ok;
    }

    private static void Release(SemaphoreSlim signal)
    {
        if (signal.CurrentCount == 0)
        {
            signal.Release();
        }
    }
}
