using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sitrep.Ingest;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Manifest;
using Sitrep.Tests.Support;

namespace Sitrep.Bench;

/// <summary>
/// <c>readers [--mb 8] [--formats pdf,docx,mbox,md,html] [--repeat 3] [--dir DIR]</c>: how fast each document reader
/// turns a file of about <c>--mb</c> megabytes of prose into a document, and the peak memory it takes. The files are
/// written first (PDF, Word and mbox with the test suite's <c>DocumentFactory</c>); then each is read in a fresh process
/// (<c>readers --one FILE</c>), so one reader's peak working set is not another's. Reported: file MB/s and extracted
/// text MB/s (best of <c>--repeat</c> reads after one warm-up read of a small file of the same kind), bytes allocated
/// per character of extracted text (a Word file is compressed, so per file byte would mislead), and the process's peak working set beside its working set before the first read.
/// </summary>
public static class ReaderThroughput
{
    private const string Prose =
        "The column moved north along the motorway overnight and stopped near the river crossing before dawn. Officials in the regional " +
        "capital said that at least 13 airmen had died, while a channel close to the group claimed that 25,000 fighters were on the road. " +
        "Witnesses described armoured vehicles outside the headquarters and residents filming them from balconies. ";

    public static int Run(string[] args)
    {
        if (args.Length >= 2 && args[0] == "--one")
        {
            return ReadOne(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
        }

        var mb = double.Parse(CorpusMaker.Arg(args, "--mb") ?? "8", CultureInfo.InvariantCulture);
        var formats = (CorpusMaker.Arg(args, "--formats") ?? "pdf,docx,mbox,md,html").Split(',');
        var repeat = CorpusMaker.Arg(args, "--repeat") ?? "3";
        var dir = CorpusMaker.Arg(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "sitrep-reader-bench");
        Directory.CreateDirectory(dir);
        Console.WriteLine("| format | file MB | text MB | documents | file MB/s | text MB/s | allocated per text byte | working set before | peak working set |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var format in formats)
        {
            var path = Path.Combine(dir, "bench." + format);
            File.WriteAllBytes(path, Make(format, (int)(mb * 1_000_000)));
            File.WriteAllBytes(Path.Combine(dir, "warm." + format), Make(format, 200_000));
            var (exe, prefix) = Self();
            var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in prefix.Concat(["readers", "--one", path, repeat]))
            {
                start.ArgumentList.Add(a);
            }

            using var child = Process.Start(start)!;
            var line = child.StandardOutput.ReadToEnd().Trim();
            child.WaitForExit();
            Console.WriteLine(line);
        }

        return 0;
    }

    private static (string Exe, string[] Prefix) Self()
    {
        var exe = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(exe) == "dotnet" ? (exe, [typeof(ReaderThroughput).Assembly.Location]) : (exe, []);
    }

    private static int ReadOne(string path, int repeat)
    {
        var format = Path.GetExtension(path).TrimStart('.');
        var options = IngestOptions.Default with { MaxBytes = 256L * 1024 * 1024, MaxDocumentChars = 64 * 1024 * 1024 };
        var ingestor = new DocumentIngestor(options, SourceManifest.Empty);
        using var process = Process.GetCurrentProcess();
        var warm = Path.Combine(Path.GetDirectoryName(path)!, "warm." + format);
        ingestor.Ingest(new RawInput(new InputFile(warm, "warm." + format), File.ReadAllBytes(warm)));
        GC.Collect();
        process.Refresh();
        var before = process.WorkingSet64;
        var bytes = File.ReadAllBytes(path);
        var best = TimeSpan.MaxValue;
        long chars = 0, allocated = 0;
        var documents = 0;
        for (var i = 0; i < repeat; i++)
        {
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var result = ingestor.Ingest(new RawInput(new InputFile(path, Path.GetFileName(path)), bytes));
            clock.Stop();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            if (result.Errors.Any(e => !e.Code.StartsWith("SR9", StringComparison.Ordinal)))
            {
                Console.Error.WriteLine(string.Join("; ", result.Errors.Select(e => e.Code + " " + e.Message)));
            }

            best = clock.Elapsed < best ? clock.Elapsed : best;
            chars = result.Documents.Sum(d => (long)d.Text.Length);
            documents = result.Documents.Count;
        }

        process.Refresh();
        var fileMb = bytes.Length / 1e6;
        var textMb = chars / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {format} | {fileMb:0.0} | {textMb:0.0} | {documents:N0} | {fileMb / best.TotalSeconds:0.00} | {textMb / best.TotalSeconds:0.00} | {allocated / (double)Math.Max(1, chars):0} | {before / 1e6:N0} MB | {process.PeakWorkingSet64 / 1e6:N0} MB |"));
        return 0;
    }

    /// <summary>A file of the format holding about <paramref name="bytes"/> bytes of prose (the Word file's XML, before compression).</summary>
    private static byte[] Make(string format, int bytes)
    {
        var paragraphs = Enumerable.Range(0, Math.Max(1, bytes / Prose.Length)).Select(i => $"Report {i}. {Prose}").ToList();
        switch (format)
        {
            case "pdf":
                // About 4 KB of text to a page; within the reader's 2,000-page limit up to 8 MB.
                return DocumentFactory.Pdf("Bench", "Sitrep", null, [.. paragraphs.Chunk(9).Select(c => (IReadOnlyList<string>)[.. c])]);
            case "docx":
                return DocumentFactory.Docx("Bench", "Sitrep", null, paragraphs.Select((p, i) => new DocumentFactory.WordBlock(p, Heading: i % 50 == 0 ? 1 : 0)));
            case "mbox":
                var start = new DateTimeOffset(2023, 6, 24, 6, 0, 0, TimeSpan.FromHours(3));
                var mails = paragraphs.Chunk(8).Select((c, i) => new DocumentFactory.Mail(
                    $"m{i}@example.org", "Desk " + (i % 7), $"desk{i % 7}@example.org", start.AddMinutes(i), "Column " + (i / 20),
                    string.Join("\n\n", c), InReplyTo: i % 20 == 0 ? null : $"m{i - 1}@example.org")).ToList();
                return DocumentFactory.Mbox(mails);
            case "md":
                var md = new StringBuilder();
                for (var i = 0; i < paragraphs.Count; i++)
                {
                    md.Append(i % 40 == 0 ? $"## Part {i / 40}\n\n" : string.Empty).Append(i % 5 == 0 ? "- " : string.Empty)
                      .Append(paragraphs[i].Replace("at least 13 airmen", "**at least 13 airmen**", StringComparison.Ordinal)).Append("\n\n");
                }

                return Encoding.UTF8.GetBytes(md.ToString());
            case "html":
                var html = new StringBuilder("<!doctype html><html><head><title>Bench | Example</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>Bench</h1>");
                foreach (var p in paragraphs)
                {
                    html.Append("<p>").Append(p.Replace("25,000 fighters", "<b>25,000 fighters</b>", StringComparison.Ordinal)).Append("</p>\n");
                }

                return Encoding.UTF8.GetBytes(html.Append("</article><footer>© Example</footer></body></html>").ToString());
            default:
                throw new ArgumentException($"Unknown format '{format}'. Known: pdf, docx, mbox, md, html.", nameof(format));
        }
    }
}
