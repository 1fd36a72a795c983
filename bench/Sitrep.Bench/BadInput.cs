using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sitrep.Engine;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Bench;

/// <summary>
/// <c>bad-input [--docs 2500,5000] [--jobs N] [--keep DIR]</c>: the whole run (ingest, every stage, store, brief) over
/// a story of N documents that holds the inputs that break naive code: one sentence of 10,000 words, a table of
/// numbers, 1,000 documents that make the same claim word for word, and a text with no verbs; the rest are short
/// news-like reports. Each size is one run; time that grows with N and not with N² is the point, as is finishing at all.
/// </summary>
public static class BadInput
{
    private static readonly string[] Words =
        "the army said troops moved toward the city on Monday while officials in Kyiv denied reports that the bridge was destroyed by a missile strike near the border according to witnesses and 300 people fled"
            .Split(' ');

    private static readonly string[] Nouns =
        "bridge city border river convoy harbour airport station tower village road ministry council office market square depot checkpoint valley ridge"
            .Split(' ');

    private static readonly string[] Adjectives = "old new northern southern empty quiet main central eastern western".Split(' ');

    public static int Run(string[] args)
    {
        var sizes = (CorpusMaker.Arg(args, "--docs") ?? "2500,5000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var jobs = int.Parse(CorpusMaker.Arg(args, "--jobs") ?? Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        Console.WriteLine("| documents | MB | wall | document stages | corpus stages | brief | brief.json | brief.html | errors | phases |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var n in sizes)
        {
            var work = Path.Combine(Path.GetTempPath(), "sitrep-bad-" + Guid.NewGuid().ToString("N"));
            var input = Path.Combine(work, "in");
            var output = Path.Combine(work, "out");
            Directory.CreateDirectory(input);
            try
            {
                var bytes = Make(input, n);
                var clock = Stopwatch.StartNew();
                RunResult result;
                using (var store = SqliteDocumentStore.Open(Path.Combine(work, "bench.db")))
                {
                    var run = new AnalysisRun(DefaultPipeline.Build(jobs), store);
                    result = run.Execute(new RunOptions { Inputs = [input], OutputDirectory = output });
                }

                clock.Stop();
                var phases = result.Phases;
                double Sum(Func<string, bool> which) => phases.Where(p => which(p.Key)).Sum(p => p.Value.TotalSeconds);
                var corpus = Sum(k => k == "corpus");
                var brief = Sum(k => k.StartsWith("brief:", StringComparison.Ordinal) && k != "brief:snapshot");
                var analyse = Sum(k => k is "analyse" or "queue");
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {result.Documents:N0} | {bytes / 1e6:0.0} | {clock.Elapsed.TotalSeconds:0.0} s | {analyse:0.0} s | {corpus:0.0} s | {brief:0.0} s | {new FileInfo(Path.Combine(output, "brief.json")).Length / 1e3:N0} KB | {new FileInfo(Path.Combine(output, "brief.html")).Length / 1e3:N0} KB | {result.Errors.Count} | {string.Join(", ", phases.Where(p => !p.Key.StartsWith("corpus:", StringComparison.Ordinal)).Select(p => $"{p.Key} {p.Value.TotalSeconds:0.0} s"))} |"));
                foreach (var error in result.Errors)
                {
                    Console.WriteLine($"  {error.Severity} {error.Code} {error.Path}: {error.Message}");
                }

                if (CorpusMaker.Arg(args, "--keep") is { } keep)
                {
                    CopyDirectory(output, Path.Combine(keep, n.ToString(CultureInfo.InvariantCulture)));
                }
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        return 0;
    }

    /// <summary>Writes the story's <paramref name="count"/> documents into <paramref name="folder"/>; returns their bytes.</summary>
    internal static long Make(string folder, int count)
    {
        long bytes = 0;
        void Write(int i, string text)
        {
            var data = Encoding.UTF8.GetBytes(text);
            File.WriteAllBytes(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{i:D5}.txt")), data);
            bytes += data.Length;
        }

        // One sentence of 10,000 words: no full stop until the end.
        var sb = new StringBuilder("Run-on report\n\n");
        for (var w = 0; w < 10_000; w++)
        {
            sb.Append(Words[w % Words.Length]).Append(w % 97 == 96 ? ", " : " ");
        }

        sb.Append("today.\n");
        Write(0, sb.ToString());

        // A table of numbers: 2,000 rows of 8 columns.
        sb.Clear().Append("Casualty table\n\nregion\tday\tkilled\twounded\tmissing\tdisplaced\tshelters\tconvoys\n");
        for (var r = 0; r < 2_000; r++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"R{r % 40}\t{1 + (r % 30)}\t{(r * 7) % 300}\t{(r * 13) % 900}\t{r % 17}\t{(r * 31) % 5000}\t{r % 9}\t{r % 4}\n");
        }

        Write(1, sb.ToString());

        // Text with no verbs: fragments of adjectives and nouns.
        sb.Clear().Append("Places\n\n");
        for (var f = 0; f < 3_000; f++)
        {
            sb.Append(FirstUpper(Adjectives[f % Adjectives.Length])).Append(' ').Append(Nouns[(f * 7) % Nouns.Length]).Append(f % 6 == 5 ? ".\n\n" : ". ");
        }

        Write(2, sb.ToString());

        // 1,000 documents that make the same claim word for word (distinct headers, so none is a duplicate file).
        var identical = Math.Min(1_000, Math.Max(0, count - 3));
        for (var i = 0; i < identical; i++)
        {
            Write(3 + i, string.Create(CultureInfo.InvariantCulture, $"Bulletin {i}\n\nOfficials said 300 people were killed when a missile struck the bridge near the border on Monday.\n"));
        }

        // The rest: short reports, each a different rotation of the benchmark sentences with its own figures.
        for (var i = 3 + identical; i < count; i++)
        {
            var body = BenchText.English(1_200);
            var cut = (i * 37) % Math.Max(1, body.Length / 2);
            var at = body.IndexOf(". ", cut, StringComparison.Ordinal);
            var rotated = at < 0 ? body : body[(at + 2)..] + " " + body[..(at + 1)];
            Write(i, string.Create(CultureInfo.InvariantCulture, $"Report {i}\n\nOn day {i % 28 + 1} officials said {i % 500 + 10} people had left the city. {rotated}\n"));
        }

        return bytes;
    }

    private static string FirstUpper(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }
}
