using System.Diagnostics;
using System.Globalization;
using Sitrep.Brief.Building;
using Sitrep.Brief.Model;
using Sitrep.Brief.Rendering;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Bench;

/// <summary>
/// <c>brief-phase --db FILE [--full]</c>: the brief phase alone, from the full brief a run stored (<c>e2e --db FILE</c>):
/// the front part, the bound, each renderer and the store's snapshot, timed one after another on one thread, with
/// the size of each file. Compare two corpus sizes to see whether the brief grows linearly.
/// </summary>
public static class BriefPhase
{
    public static int Run(string[] args)
    {
        var db = CorpusMaker.Arg(args, "--db") ?? throw new ArgumentException("--db FILE is required");
        var full = args.Contains("--full", StringComparer.Ordinal);
        using var store = SqliteDocumentStore.Open(db);
        using (var self = Process.GetCurrentProcess())
        {
            _cpu = self.TotalProcessorTime;
        }

        var clock = Stopwatch.StartNew();
        var stored = BriefSnapshot.FromJson(store.GetSetting(BriefSnapshot.Key) ?? throw new InvalidOperationException("no stored brief"));
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var doc in stored.Documents)
        {
            if (store.Find(doc.Id) is { } found)
            {
                texts[doc.Id] = found.Text;
            }
        }

        var line = new List<string> { Step("load", clock) };
        var report = FrontPartBuilder.Build(stored, texts);
        line.Add(Step("front part", clock));
        if (!full)
        {
            report = BriefBounds.Apply(report, BriefLimits.Default);
            line.Add(Step("bound", clock));
        }

        var context = new BriefContext(report, texts);
        var folder = Path.Combine(Path.GetTempPath(), "sitrep-brief-phase-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var renderer in BriefRenderers.All)
            {
                var path = Path.Combine(folder, renderer.FileName);
                using (var writer = new StreamWriter(path))
                {
                    renderer.Render(context, writer);
                }

                line.Add(Step(renderer.FileName, clock) + string.Create(CultureInfo.InvariantCulture, $" ({new FileInfo(path).Length / 1e6:0.00} MB)"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var json = BriefSnapshot.ToJson(stored);
        line.Add(Step("snapshot JSON", clock) + string.Create(CultureInfo.InvariantCulture, $" ({json.Length / 1e6:0.0} M chars)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stored.Corpus.DocumentCount:N0} documents, {stored.Claims.Count:N0} claims, {stored.Propositions.Count:N0} propositions, {stored.Entities.Count:N0} entities: ") + string.Join(", ", line));
        return 0;
    }

    private static TimeSpan _cpu;

    /// <summary>A step's wall time and the process's CPU time over it (all threads): on a shared machine the wall time is the scheduler's share, the CPU time is the code's.</summary>
    private static string Step(string name, Stopwatch clock)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var text = string.Create(CultureInfo.InvariantCulture, $"{name} {clock.Elapsed.TotalSeconds:0.00} s (cpu {(cpu - _cpu).TotalSeconds:0.00} s)");
        _cpu = cpu;
        clock.Restart();
        return text;
    }
}
