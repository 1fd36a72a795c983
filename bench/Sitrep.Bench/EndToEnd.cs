using System.Diagnostics;
using System.Globalization;
using Sitrep.Engine;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Bench;

/// <summary>
/// End-to-end throughput: the whole <c>sitrep analyze</c> run (scan, read, analyse, store, corpus stages, brief) over a
/// folder, reporting documents/s, MB/s and peak memory. Run in Release on an otherwise idle machine.
/// </summary>
public static class EndToEnd
{
    /// <summary>
    /// <c>e2e --corpus DIR [--jobs N] [--out DIR] [--db FILE] [--no-brief] [--full] [--tally [--pairs FILE]]</c>; <c>--no-brief</c> skips
    /// writing the brief files, <c>--full</c> writes them with the full evidence instead of a bounded appendix, <c>--db</c>
    /// keeps the store (for <c>brief-phase</c>), <c>--tally</c> counts the sentences MiniLM encodes by the stage that
    /// first asked for them (reading the stack costs CPU, so not for timed runs) and <c>--pairs</c> writes the meaning alignment's
    /// scored pairs (<see cref="AlignmentPairs"/>).
    /// </summary>
    public static int Run(string[] args)
    {
        var corpus = CorpusMaker.Arg(args, "--corpus") ?? throw new ArgumentException("--corpus DIR is required");
        var jobs = int.Parse(CorpusMaker.Arg(args, "--jobs") ?? Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        LoadBefore = LoadAverage();
        Sitrep.Meaning.Encoding.EncoderTally.Enabled = args.Contains("--tally", StringComparer.Ordinal);
        Sitrep.Corroboration.Alignment.AlignmentTally.Enabled = Sitrep.Meaning.Encoding.EncoderTally.Enabled;
        var work = Path.Combine(Path.GetTempPath(), "sitrep-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var db = CorpusMaker.Arg(args, "--db") ?? Path.Combine(work, "bench.db");
            var clock = Stopwatch.StartNew();
            RunResult result;
            using (var store = SqliteDocumentStore.Open(db))
            {
                var run = new AnalysisRun(DefaultPipeline.Build(jobs), store);
                var noBrief = args.Contains("--no-brief", StringComparer.Ordinal);
                result = run.Execute(new RunOptions
                {
                    Inputs = [corpus],
                    OutputDirectory = noBrief ? null : CorpusMaker.Arg(args, "--out") ?? Path.Combine(work, "out"),
                    FullBrief = args.Contains("--full", StringComparer.Ordinal),
                });
            }

            clock.Stop();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var seconds = clock.Elapsed.TotalSeconds;
            var mb = result.BytesRead / 1e6;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {result.Documents:N0} docs | {mb:0.0} MB | {seconds:0.0} s | {result.Documents / seconds:N0} docs/s | {mb / seconds:0.00} MB/s | peak working set {process.PeakWorkingSet64 / 1e6:N0} MB | jobs {jobs} | stages: {string.Join(", ", result.Brief.Generator.Stages)} |"));
            // On a shared machine the wall time is the scheduler's share; the process's CPU time is the code's.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cpu {process.TotalProcessorTime.TotalSeconds:0.0} s (user {process.UserProcessorTime.TotalSeconds:0.0} s), {process.TotalProcessorTime.TotalSeconds / mb:0.00} CPU s/MB; load average before the run {LoadBefore}"));
            Console.WriteLine("files: " + string.Join(", ", result.WrittenFiles.Select(f => string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(f)} {new FileInfo(f).Length / 1e6:0.00} MB"))));
            var (sentences, batches, slots, pieces, byCharacters, batchTime) = Sitrep.Meaning.Encoding.MiniLmSentenceEncoder.Default.Counters();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MiniLM: {sentences:N0} sentences encoded in {batches:N0} batches, {slots:N0} token positions ({pieces:N0} word pieces, the rest padding; {byCharacters:N0} positions had the batches been cut by characters), batches {batchTime.TotalSeconds:0.0} s summed over threads ({(sentences == 0 ? 0 : batchTime.TotalMilliseconds / sentences):0.00} ms a sentence)"));
            foreach (var (caller, (asked, encoded, positions)) in Sitrep.Meaning.Encoding.EncoderTally.Snapshot().OrderByDescending(c => c.Value.Positions))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MiniLM by first caller: {caller}: {asked:N0} asked, {encoded:N0} encoded, {positions:N0} token positions"));
            }

            foreach (var ((bound, what), count) in Sitrep.Corroboration.Alignment.AlignmentTally.Snapshot().OrderBy(c => c.Key.Bound).ThenBy(c => c.Key.What, StringComparer.Ordinal))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"meaning alignment, posting ≤ {bound}: {what} {count:N0}"));
            }

            if (CorpusMaker.Arg(args, "--pairs") is { } pairs)
            {
                AlignmentPairs.Write(pairs);
            }

            Console.WriteLine("phases: " + string.Join(", ", result.Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value.TotalSeconds:0.0} s"))));
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string LoadBefore { get; set; } = "unknown";

    /// <summary>The 1, 5 and 15 minute load averages (Linux), or "unknown".</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
