using System.Diagnostics;
using System.Text;
using Shouldly;
using Sitrep.Ingest;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Manifest;
using Sitrep.Ingest.Readers;
using Sitrep.Ingest.Readers.Markdown;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Ingest;

/// <summary>
/// Each of the PDF, Word, e-mail and Markdown readers on mutated copies of a valid file (bytes flipped, cut, spliced,
/// repeated) for a fixed budget: nothing may throw, every range must lie inside its document, and every error entry has
/// a code. <c>SITREP_FUZZ_COUNT</c> raises the number of inputs per reader (default 150).
/// </summary>
public sealed class DocumentReaderFuzzTests
{
    private static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("SITREP_FUZZ_COUNT"), out var n) && n > 0 ? n : 150;

    public static TheoryData<string> Formats => new() { "pdf", "docx", "mbox", "md" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void TheReaderSurvivesMutatedFiles(string format)
    {
        var seed = Seed(format);
        var ingestor = new DocumentIngestor(IngestOptions.Default, SourceManifest.Empty);
        var random = new Random(18 + format.Length);
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        for (var i = 0; i < Count && clock.Elapsed < TimeSpan.FromSeconds(60); i++)
        {
            var data = Mutate(seed, random);
            try
            {
                if (Invalid(ingestor.Ingest(new RawInput(new InputFile("/fuzz/x." + format, "x." + format), data))) is { } problem)
                {
                    failures.Add($"input {i}: {problem}");
                }

                if (format == "md" && Invalid(MarkdownReader.Clean(Encoding.UTF8.GetString(data)), data) is { } wrong)
                {
                    failures.Add($"input {i}: {wrong}");
                }
            }
            catch (Exception ex)
            {
                failures.Add($"input {i}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        failures.ShouldBeEmpty();
    }

    private static byte[] Seed(string format) => format switch
    {
        "pdf" => DocumentReaderTests.ThreePagePdf(),
        "docx" => DocumentFactory.Docx("t", "a", null, [new("Heading", Heading: 1), new("Body text here.", Comment: ("r", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), "note")), new("a | b\nc | d", Table: true)]),
        "mbox" => DocumentFactory.Mbox(DocumentReaderTests.Thread()),
        _ => Encoding.UTF8.GetBytes(Fixture.Text("desk-notes.md") + "\n" + string.Concat(Enumerable.Repeat("> ", 300)) + "deep *a **b [c](d) `e`** f*\n"),
    };

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var data = seed.ToList();
        var operations = random.Next(1, 8);
        for (var k = 0; k < operations && data.Count > 0; k++)
        {
            var at = random.Next(data.Count);
            switch (random.Next(5))
            {
                case 0:
                    data[at] = (byte)random.Next(256);
                    break;
                case 1:
                    data.RemoveRange(at, Math.Min(data.Count - at, random.Next(1, 512)));
                    break;
                case 2:
                    var from = random.Next(data.Count);
                    data.InsertRange(at, data.Skip(from).Take(random.Next(1, 256)).ToList());
                    break;
                case 3:
                    data.RemoveRange(at, data.Count - at);
                    break;
                default:
                    data.InsertRange(at, Encoding.UTF8.GetBytes(random.Next(4) switch { 0 => "\n> ", 1 => "**[", 2 => "Content-Type: multipart/mixed; boundary=x\n\n--x\n", _ => " obj << /Length 99999999 >> stream\n" }));
                    break;
            }
        }

        return [.. data];
    }

    private static string? Invalid(ReadResult result)
    {
        foreach (var doc in result.Documents)
        {
            var length = doc.Text.Length;
            if (doc.Posts.Any(p => p.Range.End > length || p.Header is { } h && h.End > length)
                || doc.Boilerplate.Any(r => r.End > length)
                || doc.Regions.Any(r => r.Range.End > length)
                || doc.SourceMap.Any(s => s.Text.End > length))
            {
                return "a range outside its document " + doc.Path;
            }
        }

        return result.Errors.Any(e => string.IsNullOrEmpty(e.Code) || string.IsNullOrEmpty(e.Message)) ? "an error entry without code or message" : null;
    }

    private static string? Invalid(CleanMarkdown cleaned, byte[] data)
    {
        var original = Encoding.UTF8.GetString(data);
        foreach (var segment in cleaned.Map)
        {
            if (segment.Text.End > cleaned.Text.Length || segment.Original.End > original.Length)
            {
                return "a map segment outside its text";
            }

            if (segment.Text.Length == segment.Original.Length && cleaned.Text.AsSpan(segment.Text.Start, segment.Text.Length).SequenceEqual(original.AsSpan(segment.Original.Start, segment.Original.Length)) is false)
            {
                return $"a verbatim segment {segment} that differs from the original";
            }
        }

        return null;
    }
}
