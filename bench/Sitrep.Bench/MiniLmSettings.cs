using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Sitrep.Meaning.Encoding;

namespace Sitrep.Bench;

/// <summary>
/// ONNX Runtime settings for MiniLM compared in one process: each setting encodes the same sentences (one per line of
/// <c>--texts</c>) in turn, round after round, so a busy machine slows them alike; prints each one's median CPU and wall
/// seconds a round and how far its vectors are from the shipped setting's.
/// </summary>
public static class MiniLmSettings
{
    /// <summary><c>minilm-settings --texts FILE [--rounds 5]</c>.</summary>
    public static int Run(string[] args)
    {
        var path = CorpusMaker.Arg(args, "--texts") ?? throw new ArgumentException("--texts FILE is required");
        var rounds = int.Parse(CorpusMaker.Arg(args, "--rounds") ?? "5", CultureInfo.InvariantCulture);
        var texts = File.ReadAllLines(path).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var shipped = new MiniLmOptions { Parallelism = 1 };
        var settings = new (string Name, MiniLmOptions Options)[]
        {
            ("shipped (all optimisations, sequential, arena, pattern, 1 intra-op thread)", shipped),
            ("extended optimisations", shipped with { GraphOptimization = GraphOptimizationLevel.ORT_ENABLE_EXTENDED }),
            ("parallel execution mode", shipped with { Mode = ExecutionMode.ORT_PARALLEL }),
            ("no memory arena", shipped with { MemoryArena = false }),
            ("no memory pattern", shipped with { MemoryPattern = false }),
            ("2 intra-op threads", shipped with { IntraOpThreads = 2 }),
        };
        var encoders = settings.Select(s => new MiniLmSentenceEncoder(s.Options)).ToArray();
        var reference = encoders[0].Encode(texts);
        var cpu = settings.Select(_ => new List<double>()).ToArray();
        var wall = settings.Select(_ => new List<double>()).ToArray();
        var deviation = new (int Differ, double MaxAbs)[settings.Length];
        for (var s = 1; s < settings.Length; s++)
        {
            var vectors = encoders[s].Encode(texts);
            var differ = 0;
            var max = 0.0;
            for (var i = 0; i < texts.Length; i++)
            {
                var d = vectors[i].Zip(reference[i], (x, y) => (double)Math.Abs(x - y)).Max();
                differ += d > 0 ? 1 : 0;
                max = Math.Max(max, d);
            }

            deviation[s] = (differ, max);
        }

        using var process = Process.GetCurrentProcess();
        for (var r = 0; r < rounds; r++)
        {
            for (var k = 0; k < settings.Length; k++)
            {
                // Start each round at another setting, so none always runs first after the collector.
                var s = (k + r) % settings.Length;
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                encoders[s].Encode(texts);
                clock.Stop();
                process.Refresh();
                cpu[s].Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
                wall[s].Add(clock.Elapsed.TotalSeconds);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{texts.Length:N0} sentences, {rounds} rounds, load average before {File.ReadAllText("/proc/loadavg").Trim()}"));
        for (var s = 0; s < settings.Length; s++)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {settings[s].Name} | CPU s median {Median(cpu[s]):0.00} (all: {string.Join(" ", cpu[s].Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))}) | wall s median {Median(wall[s]):0.00} | vectors not bit-identical to shipped {deviation[s].Differ:N0}, largest component difference {deviation[s].MaxAbs:0.0e0} |"));
        }

        foreach (var encoder in encoders)
        {
            encoder.Dispose();
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
