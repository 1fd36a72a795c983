using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Shouldly;
using Sitrep.Storage.Sqlite;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Cli;

/// <summary>
/// Regression tests for issue 18, items 7–10, through the real command: a store or output failure is one line with an
/// SR code and exit 1, never a stack trace, and never a half-written brief.
/// </summary>
public sealed class StoreAndOutputFailureTests
{
    private static readonly string[] StaleMarks = [".tmp", ".sitrep-"];

    [Fact]
    public void AFullDiskUnderTheStoreEndsWithSR4005AndExitOneWithoutAStackTrace()
    {
        using var disk = TinyDisk.Mount(1024);
        var dir = Inputs(files: 100);

        var result = SitrepProcess.Run(dir, "analyze", "inputs", "--db", Path.Combine(disk.Path, "s.db"), "--out", "out", "--quiet");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stderr.ShouldContain("SR4005");
        result.Stderr.ShouldNotContain("   at ");
        Scalar(Path.Combine(disk.Path, "s.db"), "PRAGMA integrity_check;").ShouldBe("ok");
    }

    [Fact]
    public void AStoreOnAReadOnlyDiskEndsWithSR4003AndExitOne()
    {
        using var disk = TinyDisk.Mount(4096);
        var db = Path.Combine(disk.Path, "s.db");
        using (SqliteDocumentStore.Open(db))
        {
        }

        disk.MakeReadOnly();
        var dir = Inputs(files: 1);

        var result = SitrepProcess.Run(dir, "analyze", "inputs", "--db", db, "--out", "out", "--quiet");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stderr.ShouldContain("SR4003");
        result.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void AStoreFileTheUserCannotWriteEndsWithSR4003AndExitOne()
    {
        // chmod does not stop root, so as root the command runs as 'nobody' (setpriv), for whom the file is read-only.
        var dir = Inputs(files: 1);
        using (SqliteDocumentStore.Open(Path.Combine(dir, "s.db")))
        {
        }

        File.SetUnixFileMode(dir, (UnixFileMode)0b111_111_111);
        File.SetUnixFileMode(Path.Combine(dir, "s.db"), UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var command = new[] { "analyze", "inputs", "--db", "s.db", "--out", "out", "--quiet" };
        var info = SitrepProcess.StartInfo(dir, command);
        if (Environment.IsPrivilegedProcess)
        {
            info = AsNobody(dir, command);
            if (SitrepProcess.Run(AsNobody(dir, "--version")).ExitCode != 0)
            {
                Assert.Skip("setpriv cannot run sitrep as 'nobody' here, and root writes a read-only file");
            }
        }

        var result = SitrepProcess.Run(info);

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stderr.ShouldContain("SR4003");
        result.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task FourProcessesStartingTogetherOnANewStoreAllSucceed()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        for (var round = 0; round < 5; round++)
        {
            var dir = Some.TempDirectory();
            var runs = Enumerable.Range(0, 4).Select(_ => RunAsync(SitrepProcess.StartInfo(dir, "search", "convoy", "--db", "new.db"), timeout.Token)).ToList();
            foreach (var (exitCode, stderr) in await Task.WhenAll(runs))
            {
                exitCode.ShouldBe(0, stderr);
            }
        }
    }

    [Fact]
    public void AfterAManifestChangeSearchFindsTheNewTitleAndTheIndexIsInStep()
    {
        var dir = Inputs(files: 1);
        var manifest = Path.Combine(dir, "inputs", "manifest.csv");
        File.WriteAllText(manifest, "path,title\nr000.txt,Convoy halts\n");
        SitrepProcess.Run(dir, "analyze", "inputs", "--db", "s.db", "--out", "out", "--quiet").ExitCode.ShouldBe(0);
        File.WriteAllText(manifest, "path,title\nr000.txt,Mutiny ends near Yelets\n");

        var again = SitrepProcess.Run(dir, "analyze", "inputs", "--db", "s.db", "--out", "out", "--quiet");
        var search = SitrepProcess.Run(dir, "search", "Yelets", "--db", "s.db");

        again.ExitCode.ShouldBe(0, again.Stderr);
        search.Stdout.ShouldContain("Mutiny ends near Yelets");
        Scalar(Path.Combine(dir, "s.db"), "INSERT INTO documents_fts(documents_fts, rank) VALUES('integrity-check', 1); SELECT 'ok';").ShouldBe("ok");
    }

    [Fact]
    public void WhenOneBriefFileCannotBeReplacedTheOldBriefStaysWholeAndNoTemporaryFileIsLeft()
    {
        var dir = Inputs(files: 1);
        var output = Path.Combine(dir, "out");
        Directory.CreateDirectory(Path.Combine(output, "brief.html")); // a folder in the way of one file of the set
        File.WriteAllText(Path.Combine(output, "brief.json"), "{\"old\":true}");
        File.WriteAllText(Path.Combine(output, "brief.md"), "# Old brief");

        var result = SitrepProcess.Run(dir, "analyze", "inputs", "--db", "s.db", "--out", "out", "--quiet");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stderr.ShouldContain("SR5002");
        result.Stderr.ShouldNotContain("   at ");
        File.ReadAllText(Path.Combine(output, "brief.json")).ShouldBe("{\"old\":true}");
        File.ReadAllText(Path.Combine(output, "brief.md")).ShouldBe("# Old brief");
        Leftovers(dir).ShouldBeEmpty();
    }

    [Fact]
    public void WhenTheOutputDiskIsFullTheOldBriefStaysWholeAndNoTemporaryFileIsLeft()
    {
        using var disk = TinyDisk.Mount(512);
        var output = Path.Combine(disk.Path, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "brief.json"), "{\"old\":true}");
        File.WriteAllText(Path.Combine(output, "brief.html"), "<p>old</p>");
        disk.Fill();
        var dir = Inputs(files: 1);

        var result = SitrepProcess.Run(dir, "analyze", "inputs", "--db", "s.db", "--out", output, "--quiet");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stderr.ShouldContain("SR5002");
        result.Stderr.ShouldNotContain("   at ");
        File.ReadAllText(Path.Combine(output, "brief.json")).ShouldBe("{\"old\":true}");
        File.ReadAllText(Path.Combine(output, "brief.html")).ShouldBe("<p>old</p>");
        Leftovers(disk.Path).ShouldBeEmpty();
    }

    [Fact]
    public void AnOutputFolderThatCannotBeCreatedExitsOneAsTheReadmeSays()
    {
        var dir = Inputs(files: 1);
        File.WriteAllText(Path.Combine(dir, "taken"), "a file where the output folder should be");

        var result = SitrepProcess.Run(dir, "analyze", "inputs", "--db", "s.db", "--out", "taken", "--quiet");

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stderr.ShouldContain("SR5002");
        result.Stderr.ShouldContain("taken");
    }

    private static ProcessStartInfo AsNobody(string dir, params string[] args)
    {
        var info = SitrepProcess.StartInfo(dir, args);
        var wrapped = new ProcessStartInfo("setpriv")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "env", "HOME=" + dir, "DOTNET_CLI_HOME=" + dir, info.FileName, .. info.ArgumentList])
        {
            wrapped.ArgumentList.Add(arg);
        }

        return wrapped;
    }

    private static async Task<(int ExitCode, string Stderr)> RunAsync(ProcessStartInfo info, CancellationToken cancellationToken)
    {
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await stdout;
        return (process.ExitCode, await stderr);
    }

    private static string Inputs(int files)
    {
        var dir = Some.TempDirectory();
        var inputs = Path.Combine(dir, "inputs");
        Directory.CreateDirectory(inputs);
        for (var i = 0; i < files; i++)
        {
            var body = string.Concat(Enumerable.Repeat($"Report {i}: the column of trucks stopped {i % 300} km from the capital and turned back, officials said. ", 50));
            File.WriteAllText(Path.Combine(inputs, $"r{i:D3}.txt"), body);
        }

        return dir;
    }

    private static List<string> Leftovers(string root) =>
        [.. Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Where(p => StaleMarks.Any(m => Path.GetFileName(p).Contains(m, StringComparison.Ordinal)))];

    private static string? Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=false");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
