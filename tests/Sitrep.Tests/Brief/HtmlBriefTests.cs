using System.Diagnostics;
using System.IO.Compression;
using Shouldly;
using Sitrep.Engine;
using Sitrep.Storage.Sqlite;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Brief;

public sealed class HtmlBriefTests
{
    private const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(2)> \"quoted\" & <b>bold</b> [link](javascript:alert(3)) | pipe";

    [Fact]
    public void SourceTextIsEscapedInEveryFormat()
    {
        var (dir, _) = AnalyzeHostileDocument();
        var html = File.ReadAllText(Path.Combine(dir, "out", "brief.html"));
        var markdown = File.ReadAllText(Path.Combine(dir, "out", "brief.md"));

        html.ShouldNotContain("<script");
        html.ShouldNotContain("<img");
        html.ShouldNotContain("<b>bold");
        html.ShouldContain("&lt;script&gt;");
        html.ShouldContain("Content-Security-Policy");
        markdown.ShouldNotContain("<script");
        markdown.ShouldContain("&lt;script&gt;");
        markdown.ShouldNotContain("[link](javascript");
    }

    [Fact]
    public void TheBriefRendersInHeadlessChromium()
    {
        var chromium = EnsureChromium();
        var dir = Some.TempDirectory();
        var samples = Path.Combine(SharedData.RepositoryRoot, "samples", "wagner-2023");
        SitrepProcess.Run(dir, "analyze", samples, "--out", "out", "--db", "s.db").ExitCode.ShouldBe(0);
        var html = Path.Combine(dir, "out", "brief.html");
        var png = Path.Combine(dir, "out", "brief.png");

        var shot = Run("bash", Path.Combine(SharedData.RepositoryRoot, "scripts", "screenshot-brief.sh"), html, png);
        shot.ExitCode.ShouldBe(0, shot.Output);

        File.Exists(png).ShouldBeTrue();
        var (distinct, whiteShare) = PixelStatistics(File.ReadAllBytes(png));
        distinct.ShouldBeGreaterThan(20, "a rendered brief has text, a header band and links, not a blank page");
        whiteShare.ShouldBeLessThan(0.97);

        var dom = Run(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--user-data-dir=" + Path.Combine(dir, "profile"), "--dump-dom", "file://" + html);
        dom.Output.ShouldContain("Key takeaways");
        dom.Output.ShouldContain("Meridian Wire");
    }

    [Fact]
    public void AHostileDocumentRunsNoScriptInChromium()
    {
        var chromium = EnsureChromium();
        var (dir, _) = AnalyzeHostileDocument();
        var html = Path.Combine(dir, "out", "brief.html");

        var dom = Run(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--user-data-dir=" + Path.Combine(dir, "profile"), "--dump-dom", "file://" + html);

        dom.Output.ShouldNotContain("<script");
        dom.Output.ShouldNotContain("<img");
        dom.Output.ShouldContain("&lt;script&gt;alert");
    }

    private static (string Dir, string Doc) AnalyzeHostileDocument()
    {
        var dir = Some.TempDirectory();
        var text = $"{Hostile}\n\nThe column of Wagner fighters stopped two hundred kilometres from Moscow on Saturday evening. {Hostile} The Kremlin said the agreement ended the armed revolt without further bloodshed.\n";
        File.WriteAllText(Path.Combine(dir, "hostile.txt"), text);
        using var store = SqliteDocumentStore.Open(Path.Combine(dir, "s.db"));
        var result = new AnalysisRun(DefaultPipeline.Build(), store).Execute(new RunOptions { Inputs = ["hostile.txt"], WorkingDirectory = dir, OutputDirectory = Path.Combine(dir, "out") });
        result.Brief.Documents.Single().Title.ShouldBe(Hostile, "the hostile text must reach the brief for this test to mean anything");
        return (dir, text);
    }

    private static string EnsureChromium()
    {
        const string Chromium = "/usr/bin/chromium";
        if (!File.Exists(Chromium))
        {
            var install = Run("bash", Path.Combine(SharedData.RepositoryRoot, "scripts", "install-chromium.sh"));
            if (install.ExitCode != 0 || !File.Exists(Chromium))
            {
                Assert.Skip("Skipped: headless Chromium is not installed and scripts/install-chromium.sh could not install it: " + install.Output);
            }
        }

        return Chromium;
    }

    private static (int ExitCode, string Output) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    // Decompresses the PNG's image data and measures byte variety: enough to tell a rendered page from a blank one.
    private static (int Distinct, double WhiteShare) PixelStatistics(byte[] png)
    {
        using var idat = new MemoryStream();
        var position = 8;
        while (position + 8 <= png.Length)
        {
            var length = (png[position] << 24) | (png[position + 1] << 16) | (png[position + 2] << 8) | png[position + 3];
            var type = System.Text.Encoding.ASCII.GetString(png, position + 4, 4);
            if (type == "IDAT")
            {
                idat.Write(png, position + 8, length);
            }

            position += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }

        var bytes = inflated.ToArray();
        var counts = new int[256];
        foreach (var b in bytes)
        {
            counts[b]++;
        }

        return (counts.Count(c => c > 0), counts[255] / (double)bytes.Length);
    }
}
