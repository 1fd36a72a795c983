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
        dom.Output.ShouldContain("Bottom line");
        dom.Output.ShouldContain("Meridian Wire");

        // A citation opened in place: navigating to its excerpt opens the closed <details> around it, no script.
        var cited = Path.Combine(dir, "out", "brief-cite.png");
        var opened = RunWith(new Dictionary<string, string> { ["FRAGMENT"] = "ex-1", ["HEIGHT"] = "900" }, "bash", Path.Combine(SharedData.RepositoryRoot, "scripts", "screenshot-brief.sh"), html, cited);
        opened.ExitCode.ShouldBe(0, opened.Output);
        var first = Path.Combine(dir, "out", "brief-first.png");
        RunWith(new Dictionary<string, string> { ["HEIGHT"] = "900" }, "bash", Path.Combine(SharedData.RepositoryRoot, "scripts", "screenshot-brief.sh"), html, first).ExitCode.ShouldBe(0);
        File.ReadAllBytes(cited).ShouldNotBe(File.ReadAllBytes(first), "the opened citation changes what the screen shows");
        HighlightShare(File.ReadAllBytes(cited)).ShouldBeGreaterThan(HighlightShare(File.ReadAllBytes(first)), "the opened excerpt shows the cited characters highlighted");
        var staticHtml = File.ReadAllText(html);
        staticHtml.ShouldContain("<details class=\"cite\"");
        staticHtml.ShouldContain("<nav class=\"toc\"");
        staticHtml.ShouldContain("<details class=\"appendix\"");
        staticHtml.ShouldContain("@media print");
        staticHtml.ShouldNotContain("<script");
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

    private static (int ExitCode, string Output) Run(string file, params string[] args) => RunWith([], file, args);

    private static (int ExitCode, string Output) RunWith(Dictionary<string, string> environment, string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

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

    // The share of pixels in the excerpt highlight's yellow (#fff0a8), read from the decoded RGB(A) rows.
    private static double HighlightShare(byte[] png)
    {
        var bytes = Inflate(png);
        var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        var channels = png[25] == 6 ? 4 : 3;
        var stride = 1 + (width * channels);
        var rows = bytes.Length / stride;
        var previous = new byte[stride - 1];
        var current = new byte[stride - 1];
        long yellow = 0;
        for (var r = 0; r < rows; r++)
        {
            var filter = bytes[r * stride];
            for (var i = 0; i < stride - 1; i++)
            {
                var x = bytes[(r * stride) + 1 + i];
                var a = i >= channels ? current[i - channels] : 0;
                var b = previous[i];
                var c = i >= channels ? previous[i - channels] : 0;
                current[i] = filter switch
                {
                    1 => (byte)(x + a),
                    2 => (byte)(x + b),
                    3 => (byte)(x + ((a + b) / 2)),
                    4 => (byte)(x + Paeth(a, b, c)),
                    _ => x,
                };
            }

            for (var i = 0; i + 2 < current.Length; i += channels)
            {
                if (current[i] == 0xff && current[i + 1] == 0xf0 && current[i + 2] == 0xa8)
                {
                    yellow++;
                }
            }

            (previous, current) = (current, previous);
        }

        return yellow / (double)Math.Max(1, rows * width);

        static int Paeth(int a, int b, int c)
        {
            var p = a + b - c;
            var pa = Math.Abs(p - a);
            var pb = Math.Abs(p - b);
            var pc = Math.Abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
    }

    private static byte[] Inflate(byte[] png)
    {
        using var idat = new MemoryStream();
        var position = 8;
        while (position + 8 <= png.Length)
        {
            var length = (png[position] << 24) | (png[position + 1] << 16) | (png[position + 2] << 8) | png[position + 3];
            if (System.Text.Encoding.ASCII.GetString(png, position + 4, 4) == "IDAT")
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

        return inflated.ToArray();
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
