using System.Diagnostics;
using System.Globalization;
using Sitrep.Web;
using Sitrep.Web.Analysis;

namespace Sitrep.Bench;

/// <summary>
/// <c>story serve-add --corpus DIR --docs N --add K --db FILE [--warm]</c>: adds files N … N+K-1 to a stored story one
/// at a time through the analyzer <c>sitrep serve</c> runs for uploads and its watched folder (<see cref="StoryAnalyzer"/>:
/// the picture updated, the brief deferred), then builds the brief once as a read would, and reports each addition's
/// wall and CPU time. With <c>--warm</c> the models are loaded first (<see cref="StoryAnalyzer.WarmUp"/>, what the
/// server does in the background at start), and the warm-up is timed; without it the first addition pays for them.
/// </summary>
public static class ServeAdd
{
    /// <summary>Runs it; the store must hold a picture (<c>story build</c> then <c>story rebuild</c>).</summary>
    public static int Run(string[] args)
    {
        var corpus = CorpusMaker.Arg(args, "--corpus") ?? throw new ArgumentException("--corpus DIR is required");
        var docs = int.Parse(CorpusMaker.Arg(args, "--docs") ?? "1000", CultureInfo.InvariantCulture);
        var add = int.Parse(CorpusMaker.Arg(args, "--add") ?? "20", CultureInfo.InvariantCulture);
        var db = Path.GetFullPath(CorpusMaker.Arg(args, "--db") ?? throw new ArgumentException("--db FILE is required"));
        var files = Directory.EnumerateFiles(corpus).Order(StringComparer.Ordinal).ToList();
        using var analyzer = new StoryAnalyzer(new WorkbenchOptions { DbPath = db, WorkingDirectory = Path.GetDirectoryName(db)! });
        if (args.Contains("--warm", StringComparer.Ordinal))
        {
            var (wall, cpu) = Measure(analyzer.WarmUp);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: {wall:N0} ms wall, {cpu:N0} ms CPU"));
        }

        var walls = new List<double>();
        var cpus = new List<double>();
        foreach (var file in files.Skip(docs).Take(add))
        {
            IReadOnlyList<string> errors = [];
            var (wall, cpu) = Measure(() => errors = analyzer.Analyze(db, [file], CancellationToken.None));
            walls.Add(wall);
            cpus.Add(cpu);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"added {Path.GetFileName(file)}: {wall:N0} ms wall, {cpu:N0} ms CPU; brief behind: {analyzer.BriefIsBehind(db)}{(errors.Count > 0 ? "; " + errors[0] : string.Empty)}"));
        }

        var built = false;
        var (briefWall, briefCpu) = Measure(() => built = analyzer.BuildBrief(db, CancellationToken.None));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the brief built once after {walls.Count} additions: {briefWall:N0} ms wall, {briefCpu:N0} ms CPU (built: {built}); behind after: {analyzer.BriefIsBehind(db)}"));
        if (walls.Count > 0)
        {
            var later = walls.Skip(1).ToList();
            var laterCpu = cpus.Skip(1).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first addition: {walls[0]:N0} ms wall, {cpus[0]:N0} ms CPU; after the first ({later.Count}): wall median {StoryGrowth.Percentile(later, 0.5):N0} ms, p95 {StoryGrowth.Percentile(later, 0.95):N0} ms, max {later.DefaultIfEmpty(0).Max():N0} ms; CPU median {StoryGrowth.Percentile(laterCpu, 0.5):N0} ms; peak {StoryGrowth.PeakMegabytes():N0} MB"));
        }

        return 0;
    }

    private static (double Wall, double Cpu) Measure(Action action)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        clock.Stop();
        return (clock.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
    }
}
