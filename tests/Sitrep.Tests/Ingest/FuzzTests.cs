using System.Diagnostics;
using System.Text;
using FsCheck.Fluent;
using Shouldly;
using Sitrep.Ingest;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Readers;
using Sitrep.Pipeline;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Tests.Ingest;

/// <summary>
/// Every reader on random and mutated inputs for a fixed budget: nothing may throw, and every range a reader returns
/// must lie inside its document's text.
/// </summary>
public sealed class FuzzTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(4);

    private static readonly string[] Tokens =
    [
        "<div>", "</div>", "<p>", "</p>", "<!DOCTYPE x [", "<!ENTITY a \"b\">", "]>", "&a;", "<![CDATA[", "]]>", "<script>", "</script>",
        "<rss>", "<item>", "<title>", "</title>", "</item>", "<feed>", "<entry>", "{", "}", "[", "]", "\"", ":", ",", "\"text\":",
        "\"messages\":", "\n", "\n\n", "    ", "• ☆ Name ☆\n", "  1 year ago\n", "UPDATE 05:37 CET: ", "14:02 BST — ", "name · 3h\n",
        "Latest News\n", "Click on a star to rate it!\n", "\uD83D\uDE00", "\uD800", "\0", "\r\n", "é", "Ж", "<", ">", "&amp;", "&#x0;",
    ];

    private static readonly string[] FileNames = ["x.html", "x.txt", "x.md", "x.rss", "x.xml", "x.jsonl", "x.json", "result.json", "x.html.gz", "x"];

    [Fact]
    public void EveryReaderSurvivesRandomAndMutatedInput()
    {
        var seeds = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Ingest", "Fixtures")).Select(File.ReadAllText).ToArray();
        var mutated =
            from seed in Gen.Elements(seeds)
            from operations in Gen.ListOf(Gen.Zip(Gen.Choose(0, 4), Gen.Zip(Gen.Choose(0, 1 << 20), Gen.Zip(Gen.Choose(0, 200), Gen.Elements(Tokens)))))
            select Mutate(seed, operations);
        var random =
            from parts in Gen.ListOf(Gen.OneOf(Gen.Elements(Tokens), ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty)))
            select string.Concat(parts);
        var input = Gen.Zip(Gen.Frequency((3, mutated), (1, random)), Gen.Elements(FileNames));
        var readers = DocumentIngestor.CreateReaders(IngestOptions.Default);
        var ingestor = new DocumentIngestor(IngestOptions.Default, Sitrep.Ingest.Manifest.SourceManifest.Empty);
        var clock = Stopwatch.StartNew();
        var runs = 0;
        while (clock.Elapsed < Budget)
        {
            foreach (var (text, name) in input.Sample(50, 20))
            {
                var raw = new RawInput(new InputFile("/fuzz/" + name, name), Encoding.UTF8.GetBytes(text));
                foreach (var reader in readers)
                {
                    _ = reader.Score(raw, text.AsSpan(0, Math.Min(text.Length, 8192)));
                    Check(reader.Read(raw, text), reader.Name, text);
                }

                Check(ingestor.Ingest(raw), "ingest", text);
                runs++;
            }
        }

        runs.ShouldBeGreaterThan(20);
    }

    /// <summary>
    /// The fuzz campaign: <c>SITREP_FUZZ_COUNT</c> mutated inputs (default 300, a few seconds; <c>scripts/fuzz.sh</c> runs
    /// 10,000) through every reader, the whole ingest (gzip, sniffing, decoding, reader choice, limits) and the first
    /// analysis stages. Mutations work on characters and on bytes, so decoders meet broken UTF-8, UTF-16 and gzip too.
    /// Each input runs under its own cancellation bound: a crash, a hang or an invalid output (a range outside its
    /// document) is counted, and the counts go to <c>SITREP_FUZZ_REPORT</c> when set.
    /// </summary>
    [Fact]
    public async Task TheFuzzCampaignFindsNoCrashNoHangAndNoInvalidOutput()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("SITREP_FUZZ_COUNT"), out var n) && n > 0 ? n : 300;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SITREP_FUZZ_SEED"), out var s) ? s : 18;
        var seeds = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Ingest", "Fixtures")).Select(File.ReadAllText).ToArray();
        var mutated =
            from text in Gen.Elements(seeds)
            from operations in Gen.ListOf(Gen.Zip(Gen.Choose(0, 4), Gen.Zip(Gen.Choose(0, 1 << 20), Gen.Zip(Gen.Choose(0, 200), Gen.Elements(Tokens)))))
            select Mutate(text, operations);
        var random =
            from parts in Gen.ListOf(Gen.OneOf(Gen.Elements(Tokens), ArbMap.Default.GeneratorFor<string>().Select(x => x ?? string.Empty)))
            select string.Concat(parts);
        var bytes =
            from text in Gen.Frequency((3, mutated), (1, random))
            from encoding in Gen.Choose(0, 5)
            from flips in Gen.ListOf(Gen.Zip(Gen.Choose(0, 1 << 20), Gen.Choose(0, 255)))
            select MutateBytes(Encode(text, encoding), flips);
        var inputs = Gen.Zip(bytes, Gen.Elements(FileNames)).Sample(count, new FsCheck.Rnd((ulong)seed), 30);
        var readers = DocumentIngestor.CreateReaders(IngestOptions.Default);
        var ingestor = new DocumentIngestor(IngestOptions.Default, Sitrep.Ingest.Manifest.SourceManifest.Empty);
        var stages = new IDocumentStage[] { new SentenceStage(), new TimexStage() };
        int crashes = 0, hangs = 0, invalid = 0;
        var failures = new List<string>();
        foreach (var (data, name) in inputs)
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            bound.CancelAfter(TimeSpan.FromSeconds(60));
            try
            {
                var problems = await Task.Run(() => One(data, name, readers, ingestor, stages), bound.Token).WaitAsync(bound.Token);
                if (problems is not null)
                {
                    invalid++;
                    failures.Add(problems);
                }
            }
            catch (OperationCanceledException) when (bound.IsCancellationRequested && !TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                hangs++;
                failures.Add($"hang on {name}: {Show(Encoding.UTF8.GetString(data))}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                crashes++;
                failures.Add($"crash on {name}: {ex.GetType().Name}: {ex.Message} input {Show(Encoding.UTF8.GetString(data))}");
            }
        }

        var summary = $"inputs {count}, crashes {crashes}, hangs {hangs}, invalid outputs {invalid} (seed {seed})";
        if (Environment.GetEnvironmentVariable("SITREP_FUZZ_REPORT") is { Length: > 0 } report)
        {
            await File.WriteAllTextAsync(report, summary + Environment.NewLine + string.Join(Environment.NewLine, failures.Take(20)) + Environment.NewLine, TestContext.Current.CancellationToken);
        }

        failures.ShouldBeEmpty(summary);
    }

    private static string? One(byte[] data, string name, IReadOnlyList<IDocumentReader> readers, DocumentIngestor ingestor, IDocumentStage[] stages)
    {
        var raw = new RawInput(new InputFile("/fuzz/" + name, name), data);
        var text = Encoding.UTF8.GetString(data);
        foreach (var reader in readers)
        {
            _ = reader.Score(raw, text.AsSpan(0, Math.Min(text.Length, 8192)));
            // Called directly a reader may be handed empty text (the ingest refuses that first), so only ranges count here.
            if (Invalid(reader.Read(raw, text), requireText: false) is { } problem)
            {
                return $"{reader.Name}: {problem} on {Show(text)}";
            }
        }

        var result = ingestor.Ingest(raw);
        if (Invalid(result, requireText: true) is { } wrong)
        {
            return $"ingest: {wrong} on {Show(text)}";
        }

        foreach (var document in result.Documents)
        {
            var analyzed = new AnalyzedDocument(document);
            foreach (var stage in stages)
            {
                stage.Process(analyzed, CancellationToken.None);
            }

            if (analyzed.Sentences.Any(x => x.Range.Start < 0 || x.Range.End > document.Text.Length || x.Range.Start > x.Range.End))
            {
                return $"sentence outside the text of {document.Path}";
            }
        }

        return null;
    }

    private static string? Invalid(ReadResult result, bool requireText)
    {
        foreach (var doc in result.Documents)
        {
            if (requireText && string.IsNullOrWhiteSpace(doc.Text))
            {
                return "a document with no text";
            }

            if (doc.Posts.Any(p => p.Range.End > doc.Text.Length || p.Range.Start > p.Range.End) || doc.Boilerplate.Any(r => r.End > doc.Text.Length || r.Start > r.End))
            {
                return "a range outside its document";
            }
        }

        return result.Errors.Any(e => string.IsNullOrEmpty(e.Code) || string.IsNullOrEmpty(e.Message)) ? "an error entry without code or message" : null;
    }

    private static byte[] Encode(string text, int encoding) => encoding switch
    {
        1 => Encoding.Unicode.GetBytes(text),
        2 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        3 => Gzip(Encoding.UTF8.GetBytes(text)),
        4 => Encoding.Latin1.GetBytes(text),
        _ => Encoding.UTF8.GetBytes(text),
    };

    private static byte[] MutateBytes(byte[] data, IEnumerable<(int Position, int Value)> flips)
    {
        if (data.Length == 0)
        {
            return data;
        }

        foreach (var (position, value) in flips)
        {
            data[position % data.Length] = (byte)value;
        }

        return data;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    private static void Check(ReadResult result, string reader, string input)
    {
        foreach (var doc in result.Documents)
        {
            foreach (var post in doc.Posts)
            {
                post.Range.End.ShouldBeLessThanOrEqualTo(doc.Text.Length, $"{reader} on {Show(input)}");
            }

            foreach (var range in doc.Boilerplate)
            {
                range.End.ShouldBeLessThanOrEqualTo(doc.Text.Length, $"{reader} on {Show(input)}");
            }
        }
    }

    private static string Show(string input) => input.Length > 200 ? input[..200] + "…" : input;

    private static string Mutate(string seed, IEnumerable<(int Kind, (int Position, (int Length, string Token) Tail) Where)> operations)
    {
        var text = new StringBuilder(seed);
        foreach (var (kind, (position, (length, token))) in operations)
        {
            var at = text.Length == 0 ? 0 : position % text.Length;
            var span = Math.Min(length, text.Length - at);
            switch (kind)
            {
                case 0:
                    text.Remove(at, span);
                    break;
                case 1:
                    text.Insert(at, token);
                    break;
                case 2:
                    text.Insert(at, text.ToString(at, span));
                    break;
                case 3:
                    text.Insert(at, token, 1 + (length % 50));
                    break;
                default:
                    if (text.Length > 0)
                    {
                        text[at] = (char)(text[at] ^ (1 << (length % 16)));
                    }

                    break;
            }
        }

        return text.ToString();
    }
}
