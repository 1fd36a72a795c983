using System.Text.Json;
using Microsoft.Data.Sqlite;
using Shouldly;
using Sitrep.Tests.Ingest.Fetch;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Cli;

public sealed class FetchCommandTests(LoopbackSite site) : IClassFixture<LoopbackSite>
{
    [Fact]
    public void FetchKeepsTheSnapshotAndTheDocumentAndReportsEachFailedAddressOnce()
    {
        var dir = Some.TempDirectory();

        var result = SitrepProcess.Run(dir, "fetch", site.Url("/page"), site.Url("/private/secret"), site.Url("/missing"), "--db", "s.db", "--retries", "0");

        result.ExitCode.ShouldBe(2, result.Stderr);
        result.Stdout.ShouldContain($"fetched {site.Url("/page")} -> {site.Url("/page")} (HTTP 200, text/html");
        result.Stderr.ShouldContain("error SR1107 " + site.Url("/private/secret"));
        result.Stderr.ShouldContain("error SR1104 " + site.Url("/missing"));
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dir, "s.db")}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*), max(final_url) FROM snapshots";
        using var reader = cmd.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetInt32(0).ShouldBe(1);
        reader.GetString(1).ShouldBe(site.Url("/page"));
        SqliteConnection.ClearAllPools();

        var search = SitrepProcess.Run(dir, "search", "Voronezh", "--db", "s.db");
        search.Stdout.ShouldContain("[Voronezh]");
    }

    [Fact]
    public void AnalyzeReadsAWebAddressBesideFilesAndGradesItFromTheSourcesFile()
    {
        var dir = Some.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "local.txt"), "The Kremlin said the criminal case against Wagner fighters would be dropped after the deal.");
        File.WriteAllText(Path.Combine(dir, "sources.csv"), "outlet,reliability,notes,aliases\nLoopback Gazette,C,test site,127.0.0.1\n");

        var result = SitrepProcess.Run(dir, "analyze", site.Url("/page"), "local.txt", site.Url("/slow-missing-page"), "--sources", "sources.csv", "--out", "out", "--db", "s.db");

        result.ExitCode.ShouldBe(2, result.Stderr);
        result.Stderr.ShouldContain("SR1104 " + site.Url("/slow-missing-page"));
        using var brief = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "brief.json")));
        var documents = brief.RootElement.GetProperty("documents").EnumerateArray().ToList();
        documents.Count.ShouldBe(2);
        var page = documents.Single(d => d.GetProperty("path").GetString() == site.Url("/page"));
        page.GetProperty("source").GetProperty("outlet").GetString().ShouldBe("Loopback Gazette");
        page.GetProperty("source").GetProperty("reliability").GetString().ShouldBe("C");
        page.GetProperty("source").GetProperty("published").GetString().ShouldNotBeNull();

        // The sources file is remembered: a later run without it still grades the page.
        var again = SitrepProcess.Run(dir, "analyze", site.Url("/page"), "--out", "out2", "--db", "s.db");
        again.ExitCode.ShouldBe(0, again.Stderr);
        using var second = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out2", "brief.json")));
        second.RootElement.GetProperty("documents")[0].GetProperty("source").GetProperty("reliability").GetString().ShouldBe("C");
    }
}
