using System.Text;
using Shouldly;
using Sitrep.Documents;
using Sitrep.Errors;
using Sitrep.Ingest.Encoding;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Manifest;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Ingest;

public sealed class ManifestAndGlobTests
{
    [Theory]
    [InlineData("*.txt", "a.txt", true)]
    [InlineData("*.txt", "sub/a.txt", false)]
    [InlineData("**/*.txt", "sub/deeper/a.txt", true)]
    [InlineData("**/*.txt", "a.txt", true)]
    [InlineData("wire-??.txt", "wire-01.txt", true)]
    [InlineData("*.{txt,md}", "brief.md", true)]
    [InlineData("[0-9]*.txt", "7-report.txt", true)]
    [InlineData("[!0-9]*.txt", "7-report.txt", false)]
    public void GlobsMatchLikeAShell(string pattern, string path, bool matches) => Glob.Parse(pattern).IsMatch(path).ShouldBe(matches);

    [Fact]
    public void APatternThatWouldBacktrackWithoutBoundStillAnswersInsteadOfTimingOut()
    {
        // Seven "**" before a letter the path lacks: a backtracking matcher tries every way to split 5,000 letters
        // seven times and gave up with a time-out exception; the pattern comes from the user, so it must answer.
        var glob = Glob.Parse("**a**a**a**a**a**a**a**b");

        glob.IsMatch(new string('a', 5_000)).ShouldBeFalse();
        glob.IsMatch(new string('a', 5_000) + "b").ShouldBeTrue();
    }

    [Fact]
    public void AManifestRowGivesItsFileOutletAuthorUrlTimeGradeAndKind()
    {
        var csv = "path,outlet,author,url,published,reliability,kind,title\n" +
                  "wire/01.txt,Meridian Wire,\"Kessel, Daria\",https://example.com/1,2023-06-24T11:40:00+03:00,b,article,\n" +
                  "forum/*.txt,Forum,,,,F,thread,\n";
        var manifest = SourceManifest.Parse(new StringReader(csv), "manifest.csv", "/data");

        var wire = manifest.Find("/data/wire/01.txt").ShouldNotBeNull();
        wire.Outlet.ShouldBe("Meridian Wire");
        wire.Author.ShouldBe("Kessel, Daria");
        wire.Reliability.ShouldBe(Reliability.B);
        wire.Published.ShouldBe(new DateTimeOffset(2023, 6, 24, 11, 40, 0, TimeSpan.FromHours(3)));
        wire.Kind.ShouldBe(DocumentKind.Article);
        manifest.Find("/data/forum/thread-7.txt")!.Kind.ShouldBe(DocumentKind.Thread);
        manifest.Find("/data/other.txt").ShouldBeNull();
    }

    [Fact]
    public void AManifestWithoutAPathColumnNamesTheColumnsItFound()
    {
        var ex = Should.Throw<SitrepException>(() => SourceManifest.Parse(new StringReader("file,outlet\na.txt,X\n"), "m.csv", "."));
        ex.ErrorCode.ShouldBe(SitrepErrors.ManifestColumns);
        ex.Message.ShouldContain("file, outlet");
    }

    [Theory]
    [InlineData("published", "yesterday", "ISO 8601")]
    [InlineData("kind", "newspaper", "article, thread, liveblog")]
    public void AnInvalidManifestValueNamesItAndTheValidForms(string column, string value, string expected)
    {
        var csv = $"path,{column}\na.txt,{value}\n";
        var manifest = SourceManifest.Parse(new StringReader(csv), "m.csv", ".");
        var error = manifest.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("SR3002");
        error.Message.ShouldContain($"'{value}'");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void EveryBadManifestCellIsReportedAndTheRestOfItsRowStillApplies()
    {
        var csv = "path,outlet,published,reliability,kind\na.txt,Wire,yesterday,Q,article\nb.txt,Daily,2023-06-24,B,newspaper\nc.txt,Post,,,\n";
        var manifest = SourceManifest.Parse(new StringReader(csv), "m.csv", "/base");
        manifest.Errors.Select(e => e.Message).ShouldSatisfyAllConditions(
            m => m.Count().ShouldBe(3),
            m => m.ShouldContain(x => x.Contains("line 2", StringComparison.Ordinal) && x.Contains("'yesterday'", StringComparison.Ordinal)),
            m => m.ShouldContain(x => x.Contains("line 2", StringComparison.Ordinal) && x.Contains("'Q'", StringComparison.Ordinal)),
            m => m.ShouldContain(x => x.Contains("line 3", StringComparison.Ordinal) && x.Contains("'newspaper'", StringComparison.Ordinal)));
        var a = manifest.Find("/base/a.txt").ShouldNotBeNull();
        a.Outlet.ShouldBe("Wire");
        a.Published.ShouldBeNull();
        a.Kind.ShouldBe(DocumentKind.Article);
        manifest.Find("/base/b.txt").ShouldNotBeNull().Reliability.ShouldBe(Reliability.B);
        manifest.Find("/base/c.txt").ShouldNotBeNull().Outlet.ShouldBe("Post");
    }

    [Fact]
    public void Utf8WithAByteOrderMarkLosesTheMarkAndNothingElse()
    {
        var (text, diagnostic) = TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Łukaszenka – «deal»")], "a.txt");
        text.ShouldBe("Łukaszenka – «deal»");
        diagnostic.ShouldBeNull();
    }

    [Fact]
    public void Utf16IsDecodedFromItsByteOrderMark()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Пригожин said")).ToArray();
        TextDecoder.SniffBinary(bytes).ShouldBeNull();
        TextDecoder.Decode(bytes, "a.txt").Text.ShouldBe("Пригожин said");
    }

    [Fact]
    public void Windows1252TextIsDecodedWithAWarningNamingTheEncoding()
    {
        var text = "The convoy stopped near the café at 20:30; “everyone” was surprised — including the Kremlin’s spokesman, Peskov. " +
                   "Résumé of events: Rostov, Voronezh, Lipetsk; no further advance toward Moscow was reported on Saturday night.";
        // Code page 1252 comes from the code-pages provider, which TextDecoder registers; register it here too so the test
        // does not depend on another test having touched TextDecoder first.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes(text);
        var (decoded, diagnostic) = TextDecoder.Decode(bytes, "legacy.txt");
        decoded.ShouldBe(text);
        diagnostic!.Code.ShouldBe("SR1009");
        diagnostic.Severity.ShouldBe(ErrorSeverity.Warning);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, "PDF")]
    [InlineData(new byte[] { 0x50, 0x4B, 3, 4, 0 }, "ZIP")]
    [InlineData(new byte[] { 0x41, 0x00, 0x42 }, "NUL")]
    public void BinariesAreRecognisedAndNamed(byte[] head, string expected) => TextDecoder.SniffBinary(head)!.ShouldContain(expected);

    [Fact]
    public void ScanningSortsDeduplicatesAndSkipsHiddenFiles()
    {
        var dir = Some.TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir, "b"));
        File.WriteAllText(Path.Combine(dir, "b", "2.txt"), "x");
        File.WriteAllText(Path.Combine(dir, "1.txt"), "x");
        File.WriteAllText(Path.Combine(dir, ".hidden"), "x");

        var scan = InputScanner.Scan([dir, Path.Combine(dir, "1.txt"), Path.Combine(dir, "**", "*.txt")], dir);

        scan.Files.Select(f => f.DisplayPath).ShouldBe(["1.txt", "b/2.txt"]);
        scan.Errors.ShouldBeEmpty();
    }
}
