using System.Diagnostics;
using System.Globalization;
using Sitrep.Engine;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Bench;

/// <summary>
/// A growing story (issue 16): <c>story build</c> analyses the first N files of a corpus folder into a store (this run's
/// files only, no brief), then <c>story add</c>, in a fresh process, adds the next files one at a time, each run
/// computing the picture over everything stored from the stored layers (<see cref="RunOptions.WholeStory"/>), and
/// reports the median and p99 wall time of one addition with its phases, and the process's peak memory (VmHWM).
/// </summary>
public static class StoryGrowth
{
    /// <summary>
    /// <c>story build --corpus DIR --docs N --db FILE [--jobs J] [--from M]</c> (files M … N-1 into the store) or
    /// <c>story add --corpus DIR --docs N --add K --db FILE [--jobs J] [--out DIR] [--incremental [--defer] [--warm]]</c> (adds files
    /// N … N+K-1; with <c>--incremental</c> each addition updates the stored picture instead of recomputing the whole story,
    /// and with <c>--defer</c> builds no brief, which is built once on read after the additions), or
    /// <c>story rebuild --corpus DIR --db FILE</c> (the corpus stages over the whole story, which writes the stored picture), or
    /// <c>story grow --corpus DIR --from M --docs N --batch B --db FILE [--stored]</c> (files M … N-1 into the stored
    /// picture, B per incremental run; with <c>--stored</c> the files' documents are already stored and are not analysed again).
    /// </summary>
    public static int Run(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : throw new ArgumentException("story build|add ...");
        if (mode == "serve-add")
        {
            return ServeAdd.Run(args[1..]);
        }

        var corpus = CorpusMaker.Arg(args, "--corpus") ?? throw new ArgumentException("--corpus DIR is required");
        var docs = int.Parse(CorpusMaker.Arg(args, "--docs") ?? "1000", CultureInfo.InvariantCulture);
        var db = CorpusMaker.Arg(args, "--db") ?? throw new ArgumentException("--db FILE is required");
        var jobs = int.Parse(CorpusMaker.Arg(args, "--jobs") ?? Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var files = Directory.EnumerateFiles(corpus).Order(StringComparer.Ordinal).ToList();
        var pipeline = DefaultPipeline.Build(jobs);
        using var store = SqliteDocumentStore.Open(db, StoreCheck.None);
        var run = new AnalysisRun(pipeline, store);
        if (mode == "build")
        {
            var clock = Stopwatch.StartNew();
            var from = int.Parse(CorpusMaker.Arg(args, "--from") ?? "0", CultureInfo.InvariantCulture);
            var result = run.Execute(new RunOptions { Inputs = files.Skip(from).Take(docs - from).ToList(), WholeStory = false });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"built {store.CountDocuments():N0} documents in {clock.Elapsed.TotalSeconds:0.0} s; peak {PeakMegabytes():N0} MB"));
            return result.HasErrors ? 2 : 0;
        }

        if (mode == "grow")
        {
            // Files M … N-1 added to the stored picture in batches of B (each batch one incremental run, as a watch
            // that finds B new files does): a story too large to rebuild whole on this machine grows to N this way.
            var clock = Stopwatch.StartNew();
            var from = int.Parse(CorpusMaker.Arg(args, "--from") ?? "0", CultureInfo.InvariantCulture);
            var size = int.Parse(CorpusMaker.Arg(args, "--batch") ?? "50", CultureInfo.InvariantCulture);

            // --stored: the files were analysed and stored before (`story build`), so each batch adds their stored
            // documents to the picture (read back from their layers, as watch does) instead of analysing them again.
            var stored = args.Contains("--stored", StringComparer.Ordinal) ? StoredIds(store, files.Skip(from).Take(docs - from)) : null;
            for (var at = from; at < docs; at += size)
            {
                var batch = files.Skip(at).Take(Math.Min(size, docs - at)).ToList();
                var result = run.Execute(stored is null
                    ? new RunOptions { Inputs = batch, Incremental = true }
                    : new RunOptions { Inputs = [], Stored = [.. batch.Select(Path.GetFileName).SelectMany(f => stored.TryGetValue(f!, out var ids) ? ids : [])], Incremental = true });
                if (result.PictureUpdate is null)
                {
                    Console.Error.WriteLine("the store holds no current picture: run `story rebuild` first");
                    return 2;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"grown to {result.StoryDocuments:N0} documents, {clock.Elapsed.TotalSeconds:0} s, peak {PeakMegabytes():N0} MB"));
            }

            return 0;
        }

        if (mode == "rebuild")
        {
            var clock = Stopwatch.StartNew();
            var result = run.Execute(new RunOptions { Inputs = [] });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rebuilt the picture of {result.StoryDocuments:N0} documents in {clock.Elapsed.TotalSeconds:0.0} s; peak {PeakMegabytes():N0} MB"));
            Console.WriteLine("phases: " + string.Join(", ", result.Phases.OrderByDescending(p => p.Value).Take(12).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value.TotalMilliseconds:N0} ms"))));
            return 0;
        }

        var incremental = args.Contains("--incremental", StringComparer.Ordinal);

        var add = int.Parse(CorpusMaker.Arg(args, "--add") ?? "20", CultureInfo.InvariantCulture);

        // --defer: each addition updates the picture only, and the brief is built once when read after them (as a
        // workbench reading the overview now and then does), timed on its own below.
        var defer = incremental && args.Contains("--defer", StringComparer.Ordinal);

        // --warm: the models loaded on first use are loaded before the first addition, as a long-lived process does at start.
        if (args.Contains("--warm", StringComparer.Ordinal))
        {
            var warm = Stopwatch.StartNew();
            DefaultPipeline.WarmUp();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"models loaded before the first addition in {warm.Elapsed.TotalMilliseconds:N0} ms"));
        }
        var output = CorpusMaker.Arg(args, "--out");
        var times = new List<double>();
        var phases = new Dictionary<string, List<double>>(StringComparer.Ordinal);

        // One addition in three parts: analysing the new report itself (read, document stages, store), updating the
        // stored picture, and the brief over the story (read from the picture on the incremental path).
        var parts = new Dictionary<string, List<double>>(StringComparer.Ordinal) { ["document"] = [], ["picture"] = [], ["brief"] = [], ["whole"] = [], ["cpu"] = [] };
        foreach (var file in files.Skip(docs).Take(add))
        {
            var vectorsBefore = DefaultPipeline.SentenceVectors;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var result = run.Execute(new RunOptions { Inputs = [file], OutputDirectory = defer ? null : output, Incremental = incremental, DeferBrief = defer });
            clock.Stop();

            // CPU time of the whole process over the addition (every thread, GC included): on a machine shared with other
            // work the wall time is inflated by the load, the CPU time much less so.
            parts["cpu"].Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
            times.Add(clock.Elapsed.TotalMilliseconds);
            parts["whole"].Add(clock.Elapsed.TotalMilliseconds);
            parts["document"].Add(Sum(result.Phases, "read", "analyse", "queue", "store", "story"));
            parts["picture"].Add(Sum(result.Phases, "picture", "picture:rebuild", "corpus"));
            parts["brief"].Add(Sum(result.Phases, "brief:story", "brief:build", "brief:bound", "brief:render", "brief:snapshot", "brief:snapshot wait"));
            foreach (var (phase, time) in result.Phases)
            {
                if (!phases.TryGetValue(phase, out var list))
                {
                    phases[phase] = list = [];
                }

                list.Add(time.TotalMilliseconds);
            }

            var update = result.PictureUpdate is { } u
                ? string.Create(CultureInfo.InvariantCulture, $", touched {string.Join(' ', u.Touched.Select(t => t.Key + " " + t.Value))}, read {u.DocumentsRead} stored documents")
                : incremental ? ", whole story (no current picture)" : string.Empty;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"added {Path.GetFileName(file)}: {clock.Elapsed.TotalMilliseconds:N0} ms, story {result.StoryDocuments:N0} documents, {result.Reanalysed} analysed again{update}"));

            // Where this addition's picture update went (the slow ones are what p99 is made of).
            var vectors = DefaultPipeline.SentenceVectors;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  cpu {parts["cpu"][^1]:N0} ms; sentences encoded {vectors.Encoded - vectorsBefore.Encoded}, read from the store {vectors.FromStore - vectorsBefore.FromStore}; picture ") + string.Join(", ", result.Phases.Where(p => p.Key.StartsWith("picture:", StringComparison.Ordinal) && p.Value.TotalMilliseconds >= 1)
                .OrderByDescending(p => p.Value).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key["picture:".Length..]} {p.Value.TotalMilliseconds:N0}"))));
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {docs:N0} | {times.Count} | {Percentile(times, 0.5):N0} ms | {Percentile(times, 0.99):N0} ms | {PeakMegabytes():N0} MB |"));
        Console.WriteLine(string.Join("; ", parts.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}: median {Percentile(p.Value, 0.5):N0} ms, p95 {Percentile(p.Value, 0.95):N0} ms, p99 {Percentile(p.Value, 0.99):N0} ms"))));
        var later = parts.ToDictionary(p => p.Key, p => p.Value.Skip(1).ToList(), StringComparer.Ordinal);
        if (later["picture"].Count > 0)
        {
            Console.WriteLine("after the first: " + string.Join("; ", later.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}: median {Percentile(p.Value, 0.5):N0} ms, p95 {Percentile(p.Value, 0.95):N0} ms, p99 {Percentile(p.Value, 0.99):N0} ms"))));
        }

        if (defer)
        {
            var read = Stopwatch.StartNew();
            var brief = run.StoryBrief();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the brief built on read after {times.Count} additions: {read.Elapsed.TotalMilliseconds:N0} ms ({brief?.Propositions.Count ?? 0} propositions); read again: {Time(() => run.StoryBrief()):N0} ms"));
        }

        Console.WriteLine("median per phase: " + string.Join(", ", phases.OrderByDescending(p => Percentile(p.Value, 0.5)).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {Percentile(p.Value, 0.5):N0} ms"))));
        return 0;
    }

    /// <summary>The stored documents' ids by the file name they were read from, for the files given.</summary>
    private static Dictionary<string, List<string>> StoredIds(SqliteDocumentStore store, IEnumerable<string> files)
    {
        var names = files.Select(f => Path.GetFileName(f)).ToHashSet(StringComparer.Ordinal);
        var byName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var all = store.DocumentIds();
        for (var page = 0; page < all.Count; page += 512)
        {
            foreach (var stored in store.Load([.. all.Skip(page).Take(512)]))
            {
                var name = Path.GetFileName(stored.Document.Path.Split('#')[0]);
                if (names.Contains(name))
                {
                    if (!byName.TryGetValue(name, out var list))
                    {
                        byName[name] = list = [];
                    }

                    list.Add(stored.Document.Id);
                }
            }
        }

        return byName;
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Sum(IReadOnlyDictionary<string, TimeSpan> phases, params string[] names) =>
        names.Sum(n => phases.TryGetValue(n, out var t) ? t.TotalMilliseconds : 0);

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>The process's peak resident set (VmHWM) in MB, or the peak working set where /proc is missing.</summary>
    public static double PeakMegabytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return double.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1e6;
    }
}
