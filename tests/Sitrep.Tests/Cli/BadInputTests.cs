using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Shouldly;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Cli;

/// <summary>
/// A folder of hostile inputs: every bad file yields one clear error entry, the good file is analysed, memory stays
/// bounded and the exit code says "partial".
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BadInputTests
{
    private const int PartialExitCode = 2;

    [Fact]
    [Trait("Category", "Slow")]
    public void AFolderOfBadFilesYieldsOneErrorEachAnalysesTheRestAndExitsPartial()
    {
        var dir = Some.TempDirectory();
        try
        {
            CheckBadFolder(dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void CheckBadFolder(string dir)
    {
        var inputs = Path.Combine(dir, "inputs");
        Directory.CreateDirectory(inputs);
        File.WriteAllText(Path.Combine(inputs, "good.txt"), "Wagner fighters seized the headquarters in Rostov on Saturday. The Kremlin called it treason.");
        File.WriteAllBytes(Path.Combine(inputs, "image.txt"), [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3]);
        File.WriteAllBytes(Path.Combine(inputs, "empty.txt"), []);
        File.WriteAllText(Path.Combine(inputs, "blank.txt"), "   \n\n\t  ");
        File.WriteAllBytes(Path.Combine(inputs, "latin.txt"), [.. Encoding.ASCII.GetBytes("The convoy passed Voronezh "), 0xFF, 0xFE, 0xC3, 0x28, .. Encoding.ASCII.GetBytes(" and stopped; caf"), 0xE9, (byte)'.']);
        WriteLargeText(Path.Combine(inputs, "huge.txt"), 1L << 30);
        var locked = Path.Combine(inputs, "locked.txt");
        File.WriteAllText(locked, "You cannot read this report.");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        Directory.CreateDirectory(Path.Combine(inputs, "nested"));
        File.CreateSymbolicLink(Path.Combine(inputs, "nested", "loop"), inputs);
        SetOwnerToNobodyWhenRoot(dir);

        var info = SitrepProcess.StartInfo(dir, "analyze", "inputs", "--out", "out", "--db", "s.db", "--max-bytes", (64L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        RunUnprivilegedWhenRoot(info);
        var (result, peakBytes) = RunMeasuringPeakMemory(info);

        result.ExitCode.ShouldBe(PartialExitCode, result.Stderr);
        using var brief = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "brief.json")));
        var errors = brief.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (Path: e.GetProperty("path").GetString()!, Code: e.GetProperty("code").GetString()!, Message: e.GetProperty("message").GetString()!))
            .ToList();
        CodeFor(errors, "image.txt").ShouldBe("SR1003");
        CodeFor(errors, "empty.txt").ShouldBe("SR1004");
        CodeFor(errors, "blank.txt").ShouldBe("SR1004");
        CodeFor(errors, "huge.txt").ShouldBe("SR1002");
        CodeFor(errors, "locked.txt").ShouldBe("SR1006");
        CodeFor(errors, "loop").ShouldBe("SR1007");
        CodeFor(errors, "latin.txt").ShouldBeOneOf("SR1009", "SR1005");
        errors.Single(e => e.Path.EndsWith("huge.txt", StringComparison.Ordinal)).Message.ShouldContain("1,073,741,824");

        var documents = brief.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("path").GetString()).ToList();
        documents.ShouldContain("inputs/good.txt");
        result.Stderr.ShouldContain("SR1003");
        peakBytes.ShouldBeLessThan(600L * 1024 * 1024, "a 1 GB input must never be loaded into memory");
    }

    [Fact]
    public void AnInputThatMatchesNothingIsAnErrorEntryNotACrash()
    {
        var dir = Some.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "a.txt"), "Lukashenko said he had brokered a deal with the Wagner chief.");
        var result = SitrepProcess.Run(dir, "analyze", "a.txt", "missing.txt", "nothing/*.html", "--out", "out", "--db", "s.db", "--quiet");
        result.ExitCode.ShouldBe(PartialExitCode);
        result.Stderr.ShouldContain("SR1001 missing.txt");
        result.Stderr.ShouldContain("SR1001 nothing/*.html");
    }

    [Fact]
    public void AWrongOptionIsAUsageError()
    {
        var result = SitrepProcess.Run(Some.TempDirectory(), "analyze", "x", "--max-bytes", "lots");
        result.ExitCode.ShouldBe(64);
        result.Stderr.ShouldContain("lots");
    }

    [Fact]
    public void AnInvalidManifestValueNamesTheLineTheValueAndTheValidOptionsAndTheRunGoesOn()
    {
        var dir = Some.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "a.txt"), "A short report about the mutiny.");
        File.WriteAllText(Path.Combine(dir, "b.txt"), "Another short report about the mutiny.");
        File.WriteAllText(Path.Combine(dir, "manifest.csv"), "path,outlet,reliability,kind\na.txt,Wire,Q,article\nb.txt,Daily,B,newspaper\n");
        var result = SitrepProcess.Run(dir, "analyze", ".", "--out", "out", "--db", "s.db");
        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldContain("Analysed 2 documents");
        result.Stderr.ShouldContain("'newspaper'");
        result.Stderr.ShouldContain("SR3002");
        result.Stderr.ShouldContain("'Q'");
        result.Stderr.ShouldContain("A, B, C, D, E, F");
    }

    private static string CodeFor(List<(string Path, string Code, string Message)> errors, string name)
    {
        var match = errors.Where(e => e.Path.EndsWith(name, StringComparison.Ordinal)).ToList();
        match.Count.ShouldBe(1, $"expected one error entry for {name}; entries: {string.Join("; ", errors)}");
        return match[0].Code;
    }

    private static void WriteLargeText(string path, long bytes)
    {
        var line = Encoding.UTF8.GetBytes("The column drove north along the highway and stopped short of the capital. ");
        var block = new byte[1 << 20];
        for (var i = 0; i < block.Length; i++)
        {
            block[i] = line[i % line.Length];
        }

        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        for (long written = 0; written < bytes; written += block.Length)
        {
            stream.Write(block, 0, (int)Math.Min(block.Length, bytes - written));
        }
    }

    // Root reads any file whatever its mode, so as root the child runs as nobody to meet a real permission error.
    private static void RunUnprivilegedWhenRoot(ProcessStartInfo info)
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/setpriv"))
        {
            return;
        }

        var original = info.ArgumentList.ToList();
        info.FileName = "/usr/bin/setpriv";
        info.ArgumentList.Clear();
        foreach (var arg in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", .. original])
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["HOME"] = Path.GetTempPath();
        info.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
    }

    private static void SetOwnerToNobodyWhenRoot(string dir)
    {
        if (Environment.UserName != "root")
        {
            return;
        }

        using var chown = Process.Start("chown", ["-R", "-h", "65534:65534", dir])!;
        chown.WaitForExit();
        var locked = Path.Combine(dir, "inputs", "locked.txt");
        File.SetUnixFileMode(locked, UnixFileMode.None);
    }

    private static (SitrepProcess.Result Result, long PeakBytes) RunMeasuringPeakMemory(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var clock = Stopwatch.StartNew();
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, ReadRss(process.Id));
            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("sitrep analyze did not finish");
            }
        }

        return (new SitrepProcess.Result(process.ExitCode, stdout.Result, stderr.Result), peak);
    }

    // The resident set of the process and its children (setpriv execs dotnet in place, so the pid is the same).
    private static long ReadRss(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
                    return kb * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }
}
