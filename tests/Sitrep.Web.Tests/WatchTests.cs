using Sitrep.Web.Tests.Support;
using static Sitrep.Web.Tests.Support.StatusPolling;

namespace Sitrep.Web.Tests;

/// <summary><c>sitrep serve --watch DIR</c>: files dropped into the folder join the story without a reload or a restart.</summary>
public sealed class WatchTests : IDisposable
{
    private readonly WorkbenchFactory _factory;

    public WatchTests()
    {
        _factory = new WorkbenchFactory(
            configure: static (factory, options) => options with { WatchDirectory = Path.Combine(factory.Directory, "inbox") },
            analyzer: new SeedAnalyzer());
        Directory.CreateDirectory(Inbox);
        File.WriteAllText(Path.Combine(Inbox, "before-start.txt"), "Wagner columns were reported north of Voronezh on Saturday morning.");
    }

    private string Inbox => _factory.Options.WatchDirectory!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AFileInTheWatchedFolderAtStartJoinsTheStory()
    {
        using var client = _factory.CreateClient();
        var before = _factory.Seed.DocumentCount;

        var status = await WaitFor(client, s => s.Documents == before + 1);

        status.AnalysisRuns.ShouldBe(1);
    }

    [Fact]
    public async Task AFileDroppedLaterJoinsTheStoryOnceAndAnUnchangedFileIsNotAnalysedAgain()
    {
        using var client = _factory.CreateClient();
        var before = _factory.Seed.DocumentCount;
        await WaitFor(client, s => s.Documents == before + 1);

        var dropped = Path.Combine(Inbox, "later", "dropped.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(dropped)!);
        await File.WriteAllTextAsync(dropped, "The governor said the column had turned back toward its camps.", Ct);
        var after = await WaitFor(client, s => s.Documents == before + 2);

        // Several more scans pass (one a second); nothing changed on disk, so nothing is analysed again.
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        var quiet = await Status(client);
        quiet.Documents.ShouldBe(before + 2);
        quiet.AnalysisRuns.ShouldBe(after.AnalysisRuns);
    }

    [Fact]
    public async Task TheOverviewSaysWhatChangedWhenAWatchedFileArrives()
    {
        using var client = _factory.CreateClient();
        var before = _factory.Seed.DocumentCount;
        await WaitFor(client, s => s.Documents == before + 1);

        var overview = await client.GetStringAsync("/api/overview", Ct);

        overview.ShouldContain("The death toll");
    }
}
