using System.IO.Compression;
using System.Text;
using Shouldly;
using Sitrep.Ingest;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Manifest;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Ingest;

/// <summary>Hostile PDF, Word and e-mail inputs: each ends in one clear error entry, and the files beside it are read.</summary>
public sealed class BadDocumentTests
{
    /// <summary>
    /// A PDF whose trailer names a standard security handler (RC4, revision 2) whose user password is not empty: what a
    /// password-protected report looks like to a reader without the password.
    /// </summary>
    internal static byte[] EncryptedPdf()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            "<< /Length 16 >>\nstream\n\u0093\u00a7\u0011\u0042\u00fe\u0021\u0070\u0033\u0091\u00d4\u0002\u0077\u00ab\u00cd\u0010\u0055\nendstream",
            "<< /Filter /Standard /V 1 /R 2 /O <" + new string('7', 64) + "> /U <" + new string('3', 64) + "> /P -44 >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }

        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        pdf.Append("trailer\n<< /Size ").Append(objects.Length + 1).Append(" /Root 1 0 R /Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    /// <summary>A ZIP named .docx whose document part inflates from a few hundred kilobytes to 80 MB of spaces.</summary>
    internal static byte[] ZipBombDocx()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            }

            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var spaces = new byte[1 << 20];
            spaces.AsSpan().Fill((byte)' ');
            for (var i = 0; i < 80; i++)
            {
                document.Write(spaces);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A message whose multiparts nest 200 deep around one line of text.</summary>
    internal static byte[] DeepMime(int depth = 200)
    {
        var mime = new StringBuilder("From: Someone <a@example.org>\nSubject: deep\nMessage-ID: <deep@example.org>\nMIME-Version: 1.0\n");
        for (var i = 0; i < depth; i++)
        {
            mime.Append("Content-Type: multipart/mixed; boundary=\"b").Append(i).Append("\"\n\n--b").Append(i).Append('\n');
        }

        mime.Append("Content-Type: text/plain\n\nThe column stopped.\n");
        for (var i = depth - 1; i >= 0; i--)
        {
            mime.Append("--b").Append(i).Append("--\n");
        }

        return Encoding.ASCII.GetBytes(mime.ToString());
    }

    [Fact]
    public void AnEncryptedPdfEndsInOneErrorThatAsksForAnUnencryptedCopy()
    {
        var result = Fixture.ReadBytes("locked.pdf", EncryptedPdf());

        result.Documents.ShouldBeEmpty();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("SR9101");
        error.Message.ShouldContain("encrypted");
    }

    [Fact]
    public void APdfOfTenThousandPagesIsReadUpToThePageLimitWithOneWarning()
    {
        var pages = Enumerable.Range(1, 10_000).Select(n => (IReadOnlyList<string>)[$"Page {n} of the ledger."]).ToList();
        var pdf = DocumentFactory.Pdf("Ledger", null, null, pages);

        var result = Fixture.ReadBytes("ledger.pdf", pdf);

        var doc = result.Documents.ShouldHaveSingleItem();
        var warning = result.Errors.ShouldHaveSingleItem();
        warning.Code.ShouldBe("SR9104");
        warning.Message.ShouldContain("10,000 pages");
        doc.Regions.Count.ShouldBe(IngestOptions.Default.MaxPages);
        doc.PageAt(doc.Text.Length - 1).ShouldBe(IngestOptions.Default.MaxPages);
    }

    [Fact]
    public void AScannedPdfWithoutTextSaysItLooksScannedInsteadOfStayingSilent()
    {
        var result = Fixture.ReadBytes("scan.pdf", DocumentFactory.Pdf(null, null, null, [[], []]));

        result.Documents.ShouldBeEmpty();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("SR9102");
        error.Message.ShouldContain("scanned");
    }

    [Fact]
    public void ATruncatedPdfIsOneMalformedError()
    {
        var pdf = DocumentReaderTests.ThreePagePdf();

        var result = Fixture.ReadBytes("cut.pdf", pdf[..(pdf.Length / 3)]);

        result.Errors.Count.ShouldBe(1);
        result.Errors[0].Code.ShouldBeOneOf("SR1011", "SR9102", "SR9103");
    }

    [Fact]
    public void AZipBombNamedDocxEndsInOneErrorBeforeItIsInflated()
    {
        var bomb = ZipBombDocx();
        bomb.Length.ShouldBeLessThan(2_000_000);

        var result = Fixture.ReadBytes("report.docx", bomb);

        result.Documents.ShouldBeEmpty();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("SR9105");
        error.Message.ShouldContain("word/document.xml");
    }

    [Fact]
    public void AZipThatIsNotAWordDocumentIsRefusedAsSuch()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("photos/readme.txt").Open());
            writer.Write("holiday pictures");
        }

        var error = Fixture.ReadBytes("photos.zip", stream.ToArray()).Errors.ShouldHaveSingleItem();

        error.Code.ShouldBe("SR9107");
    }

    [Fact]
    public void AMimeTreeNestedTooDeepIsOneMalformedError()
    {
        var result = Fixture.ReadBytes("deep.eml", DeepMime());

        result.Documents.ShouldBeEmpty();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("SR1011");
        error.Message.ShouldContain("levels deep");
    }

    [Fact]
    public void AHundredMegabyteMailboxIsRefusedAtTheSizeLimitOrStreamedUnderTheCaps()
    {
        var dir = Some.TempDirectory();
        var path = Path.Combine(dir, "huge.mbox");
        var body = string.Join(' ', Enumerable.Repeat("The column moved north along the motorway overnight.", 36));
        using (var file = new FileStream(path, FileMode.Create))
        {
            var n = 0;
            while (file.Length < 100L * 1024 * 1024)
            {
                n++;
                file.Write(Encoding.ASCII.GetBytes($"From x@example.org Sat Jun 24 10:00:00 2023\nFrom: X <x@example.org>\nSubject: note {n}\nMessage-ID: <{n}@example.org>\nDate: Sat, 24 Jun 2023 10:00:00 +0300\n\n{body}\n\n"));
            }
        }

        var refused = Fixture.ReadFile(path);
        refused.Documents.ShouldBeEmpty();
        refused.Errors.ShouldHaveSingleItem().Code.ShouldBe("SR1002");

        var streamed = Fixture.ReadFile(path, IngestOptions.Default with { MaxBytes = 128L * 1024 * 1024, MaxDocumentChars = 1_000_000 });
        streamed.Documents.Count.ShouldBeInRange(400, 600);
        streamed.Errors.ShouldHaveSingleItem().Code.ShouldBe("SR9009");
    }

    [Fact]
    public void OneBadFileOfEachKindLeavesTheGoodFilesBesideItRead()
    {
        var dir = Some.TempDirectory();
        File.WriteAllBytes(Path.Combine(dir, "locked.pdf"), EncryptedPdf());
        File.WriteAllBytes(Path.Combine(dir, "bomb.docx"), ZipBombDocx());
        File.WriteAllBytes(Path.Combine(dir, "deep.eml"), DeepMime());
        File.WriteAllBytes(Path.Combine(dir, "good.pdf"), DocumentReaderTests.ThreePagePdf());
        File.WriteAllText(Path.Combine(dir, "good.md"), "# Note\n\nThe **bridge** is closed.\n");
        var ingestor = new DocumentIngestor(IngestOptions.Default, SourceManifest.Empty);

        var results = Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal).Select(f => ingestor.Ingest(new InputFile(f, Path.GetFileName(f)))).ToList();

        results.SelectMany(r => r.Errors).Select(e => (e.Path, e.Code)).Order().ShouldBe([("bomb.docx", "SR9105"), ("deep.eml", "SR1011"), ("locked.pdf", "SR9101")]);
        results.SelectMany(r => r.Documents).Select(d => d.Path).Order(StringComparer.Ordinal).ShouldBe(["good.md", "good.pdf"]);
    }
}
