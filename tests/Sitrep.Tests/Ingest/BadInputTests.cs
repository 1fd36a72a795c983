using System.IO.Compression;
using System.Text;
using Shouldly;
using Sitrep.Engine;
using Sitrep.Errors;
using Sitrep.Ingest;
using Sitrep.Ingest.Manifest;
using Sitrep.Storage.Sqlite;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Ingest;

/// <summary>Hostile and broken input: no crash, bounded time and memory, one clear error entry, nothing else lost.</summary>
public sealed class BadInputTests
{
    private static readonly IngestOptions Small = IngestOptions.Default with
    {
        MaxBytes = 2 * 1024 * 1024,
        MaxDecompressedBytes = 1024 * 1024,
        MaxDocumentChars = 256 * 1024,
    };

    [Fact]
    public void WhenHtmlIsMalformed_ItIsStillReadForItsText()
    {
        const string html = "<html><body><p>The harbour <b>barrier <i>was approved</b> on Tuesday</i><div><table><p>after a long <span>debate</table></p></div></li></ul><p>Nine votes to four.<!-- unclosed comment";

        var result = Fixture.ReadBytes("broken.html", Encoding.UTF8.GetBytes(html));

        var doc = result.Documents.ShouldHaveSingleItem();
        doc.Text.ShouldContain("was approved");
    }

    [Fact]
    public void WhenHtmlNests100000LevelsDeep_ItIsReadAsFlatTextWithAWarning()
    {
        var html = new StringBuilder("<html><body>");
        html.Insert(html.Length, "<div>", 100_000).Append("The deepest sentence survives.").Insert(html.Length, "</div>", 100_000).Append("</body></html>");

        var result = Fixture.ReadBytes("deep.html", Encoding.UTF8.GetBytes(html.ToString()));

        result.Documents.ShouldHaveSingleItem().Text.ShouldContain("The deepest sentence survives.");
        result.Errors.ShouldContain(e => e.Code == SitrepErrors.NestingTooDeep.Code);
    }

    [Fact]
    public void WhenAFileIsOneGigabyte_ItIsRefusedWithoutBeingRead()
    {
        var dir = Some.TempDirectory();
        var path = Path.Combine(dir, "huge.html");
        using (var stream = File.Create(path))
        {
            // Sparse on Linux and macOS: the test costs no disk and no time, the reader only sees the size.
            stream.SetLength(1L << 30);
        }

        var result = Fixture.ReadFile(path);

        result.Documents.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().Code.ShouldBe(SitrepErrors.TooLarge.Code);
    }

    [Fact]
    public void WhenAGzipFileIsABomb_DecompressionStopsAtTheLimit()
    {
        var bomb = GzipBomb(64 * 1024 * 1024);

        var result = Fixture.ReadBytes("bomb.html.gz", bomb, Small);

        result.Documents.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().Code.ShouldBe(SitrepErrors.DecompressedTooLarge.Code);
    }

    [Fact]
    public void WhenAGzipFileIsCorrupt_ItIsOneErrorEntry()
    {
        var result = Fixture.ReadBytes("corrupt.html.gz", [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF, 0x00, 0x13]);

        result.Documents.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().Code.ShouldBe(SitrepErrors.CompressionCorrupt.Code);
    }

    [Fact]
    public void WhenAFeedDeclaresAnExternalEntity_ItIsRefusedAndNothingIsFetched()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>x</title><item><title>&secret;</title><description>&secret;</description></item></channel></rss>
            """;

        var result = Fixture.ReadBytes("xxe.rss", Encoding.UTF8.GetBytes(xxe));

        result.Documents.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().Code.ShouldBe(SitrepErrors.FeedDtdRefused.Code);
    }

    [Fact]
    public void WhenAFeedCarriesABillionLaughs_ItIsRefusedWithoutExpansion()
    {
        var laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            laughs.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"");
            laughs.Insert(laughs.Length, $"&lol{(i == 1 ? string.Empty : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10).Append("\">\n");
        }

        laughs.Append("]>\n<rss><channel><title>t</title><item><title>&lol9;</title></item></channel></rss>");

        var result = Fixture.ReadBytes("laughs.xml", Encoding.UTF8.GetBytes(laughs.ToString()));

        result.Documents.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().Code.ShouldBe(SitrepErrors.FeedDtdRefused.Code);
    }

    [Fact]
    public void WhenAJsonFileIsOneHugeString_ItIsRefusedWithAFieldLimitError()
    {
        var json = "\"" + new string('a', 1024 * 1024) + "\"";

        var result = Fixture.ReadBytes("blob.json", Encoding.UTF8.GetBytes(json), Small);

        result.Documents.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().Code.ShouldBe(SitrepErrors.FieldTooLong.Code);
    }

    [Fact]
    public void WhenAJsonFileIsOneStringUnderTheLimit_ItIsOneClearErrorEntry()
    {
        var result = Fixture.ReadBytes("note.json", Encoding.UTF8.GetBytes("\"just a string\""));

        result.Documents.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().Code.ShouldBe(SitrepErrors.JsonLineInvalid.Code);
    }

    [Fact]
    public void WhenATelegramExportHasUnexpectedShapes_KnownMessagesAreReadAndTheRestIgnored()
    {
        const string export = """
            {"name": "Odd Channel", "messages": [
              {"id": 1, "type": "message", "date": 12, "from": {"weird": true}, "text": 42},
              {"id": 2, "type": "message", "date": "2024-01-01T10:00:00", "from": "Odd Channel", "text": [7, null, {"type": "plain"}, "Real words here."], "new_field_2030": [[[]]]},
              "not even an object",
              {"id": 3, "type": "sticker", "text": "ignored"}
            ], "extra": {"deep": {"er": 1}}}
            """;

        var result = Fixture.ReadBytes("result.json", Encoding.UTF8.GetBytes(export));

        var doc = result.Documents.ShouldHaveSingleItem();
        doc.Posts.ShouldHaveSingleItem().Time!.Value.ShouldBe("2024-01-01T10:00");
        doc.Text.ShouldContain("Real words here.");
    }

    [Fact]
    public void WhenATelegramExportIsTruncated_ItIsOneErrorEntry()
    {
        var result = Fixture.ReadBytes("result.json", Encoding.UTF8.GetBytes("{\"name\": \"Cut\", \"messages\": [{\"id\": 1, \"type\": \"message\", \"text\": \"half"));

        result.Documents.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().Code.ShouldBe(SitrepErrors.ExportInvalid.Code);
    }

    [Fact]
    public void WhenBadFilesSitAmongGoodOnes_EachBadFileIsOneErrorAndEveryGoodDocumentIsAnalysed()
    {
        var dir = Some.TempDirectory();
        File.Copy(Fixture.PathOf("wire-original.txt"), Path.Combine(dir, "good.txt"));
        File.Copy(Fixture.PathOf("feed.xml"), Path.Combine(dir, "feed.xml"));
        File.WriteAllBytes(Path.Combine(dir, "bomb.html.gz"), GzipBomb(8 * 1024 * 1024));
        File.WriteAllText(Path.Combine(dir, "xxe.rss"), "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><rss><channel><item><title>&e;</title></item></channel></rss>");
        File.WriteAllText(Path.Combine(dir, "broken.jsonl"), "{\"text\": \"The ferry resumed on Monday after the storm.\"}\n{oops\n");

        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"));
        var run = new AnalysisRun(DefaultPipeline.Build(1), store);
        var result = run.Execute(new RunOptions
        {
            Inputs = [dir],
            Ingest = Small,
            WorkingDirectory = dir,
            Manifest = SourceManifest.Empty,
        }, cancellationToken: TestContext.Current.CancellationToken);

        result.Documents.ShouldBe(4);
        var errors = result.Errors.Where(e => e.Severity == ErrorSeverity.Error).Select(e => e.Code).OrderBy(c => c, StringComparer.Ordinal).ToList();
        errors.ShouldBe([SitrepErrors.DecompressedTooLarge.Code, SitrepErrors.JsonLineInvalid.Code, SitrepErrors.FeedDtdRefused.Code], ignoreOrder: true);
    }

    private static byte[] GzipBomb(int zeros)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            var block = new byte[1 << 20];
            for (var written = 0; written < zeros; written += block.Length)
            {
                gzip.Write(block);
            }
        }

        return buffer.ToArray();
    }
}
