using System.Diagnostics;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests;

/// <summary>The CLI's decision files keep working beside the workbench and are validated against the stored analysis.</summary>
public sealed class CliDecisionTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "sitrep.dll");

    [Theory]
    [InlineData("evidence,hypothesis,rating,reason\nP99,S1,C,guess\n", "evidence 'P99'")]
    [InlineData("evidence,hypothesis,rating,reason\nP1,H7,C,guess\n", "hypothesis 'H7'")]
    public async Task ARatingsFileNamingAnUnknownIdIsAnErrorNamingIt(string csv, string named)
    {
        var dir = Path.Combine(Path.GetTempPath(), "sitrep-web-tests", Guid.NewGuid().ToString("N"));
        var seed = StorySeed.Create(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "ratings.csv"), csv, TestContext.Current.CancellationToken);
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { Dll, "ach", "--db", seed.DbPath, "--ratings", "ratings.csv", "--no-suggest" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(1);
        stderr.ShouldContain("SR3007");
        stderr.ShouldContain(named);
        using var store = Storage.Sqlite.SqliteDocumentStore.Open(seed.DbPath);
        store.GetSetting(Decisions.DecisionBook.RatingsSetting).ShouldBeNull("a refused file is not remembered");
    }
}
