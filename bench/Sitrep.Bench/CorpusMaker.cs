using System.Globalization;
using System.Text;
using CsvHelper;

namespace Sitrep.Bench;

/// <summary>
/// Builds the end-to-end benchmark corpus: one file per FNC-1 training body, repeated (each copy with a distinct id
/// line, so content hashes differ and nothing is de-duplicated) until the folder holds the target size.
/// </summary>
public static class CorpusMaker
{
    /// <summary><c>make-corpus --bodies train_bodies.csv --out DIR [--mb 50]</c>.</summary>
    public static int Run(string[] args)
    {
        var bodies = Arg(args, "--bodies") ?? Path.Combine("..", "shared", "datasets", "fnc-1", "train_bodies.csv");
        var output = Arg(args, "--out") ?? Path.Combine(Path.GetTempPath(), "sitrep-bench-corpus");
        var megabytes = double.Parse(Arg(args, "--mb") ?? "50", CultureInfo.InvariantCulture);
        var texts = new List<(string Id, string Body)>();
        using (var csv = CsvReader.FromFile(bodies, new CsvReaderOptions { Separator = ',' }))
        {
            while (csv.Read())
            {
                texts.Add((csv.GetString(0), csv.GetString(1)));
            }
        }

        Directory.CreateDirectory(output);
        long written = 0;
        var target = (long)(megabytes * 1_000_000);
        var copy = 0;
        var files = 0;
        while (written < target)
        {
            copy++;
            foreach (var (id, body) in texts)
            {
                var text = $"FNC-1 body {id}, copy {copy}\n\n{body}\n";
                var bytes = Encoding.UTF8.GetBytes(text);
                File.WriteAllBytes(Path.Combine(output, $"{copy:D2}-{id}.txt"), bytes);
                written += bytes.Length;
                files++;
                if (written >= target)
                {
                    break;
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {files} files, {written / 1e6:0.0} MB, to {output}"));
        return 0;
    }

    internal static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
