using System.Diagnostics;
using System.Globalization;

namespace Sitrep.Bench;

/// <summary>
/// The fixed cost of a run: each shipped model loaded once, in the order a run first asks for them, timed in CPU and
/// wall seconds (a fresh process, so the JIT of each loader is counted with it, as in a real run).
/// </summary>
public static class ModelLoading
{
    /// <summary><c>models</c>: one line per model, then the total.</summary>
    public static int Run(string[] args)
    {
        _ = args;
        var loads = new (string Name, Func<object?> Load)[]
        {
            ("timex tagger (rules)", () => Sitrep.Time.Tagging.TimexTagger.Default),
            ("NER tagger and lexicon", () => Sitrep.Entities.Recognition.PerceptronTagger.Default),
            ("word clusters", () => Sitrep.Syntax.Features.WordClusters.Default),
            ("parser (syntax-ewt)", () => Sitrep.Syntax.SyntaxModel.Default),
            ("check-worthiness", () => Sitrep.Claims.Worthiness.CheckWorthinessModel.Default),
            ("SDQC stance", () => Sitrep.Corroboration.Stance.SdqcStanceClassifier.Default),
            ("MiniLM (ONNX session)", () => Sitrep.Meaning.Encoding.MiniLmSentenceEncoder.Default),
            ("WordNet 3.0", () => Sitrep.Meaning.Lexicon.WordNet.Shared),
            ("NLI pair classifier", () => Sitrep.Meaning.Pairs.NliPairClassifier.Default),
            ("same-event classifier", () => Sitrep.Meaning.Events.SameEventClassifier.Default),
        };

        using var process = Process.GetCurrentProcess();
        var totalCpu = 0.0;
        var totalWall = 0.0;
        foreach (var (name, load) in loads)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            GC.KeepAlive(load());
            clock.Stop();
            process.Refresh();
            var spent = (process.TotalProcessorTime - cpu).TotalSeconds;
            totalCpu += spent;
            totalWall += clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {spent:0.00} CPU s | {clock.Elapsed.TotalSeconds:0.00} s wall |"));
        }

        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| all models | {totalCpu:0.00} CPU s | {totalWall:0.00} s wall | process {process.TotalProcessorTime.TotalSeconds:0.00} CPU s, peak working set {process.PeakWorkingSet64 / 1e6:N0} MB |"));
        return 0;
    }
}
