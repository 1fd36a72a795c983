using System.Net.Http.Json;
using System.Text.Json;
using Sitrep.Web.Tests.Support;
using static Sitrep.Web.Tests.Support.StatusPolling;

namespace Sitrep.Web.Tests;

/// <summary>
/// Reports added through the server update the picture with the brief deferred: the brief is built when a view is read
/// and it is behind, or once a burst has ended, never once per report, and a brief behind the picture is never shown
/// as the current one.
/// </summary>
public sealed class DeferredBriefTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReportsAddedOneByOneBuildNoBriefUntilAViewIsReadAndThenOneThatShowsEveryReport()
    {
        using var analyzer = new DeferringAnalyzer();
        using var factory = new WorkbenchFactory(static (_, o) => o with { BriefQuiet = TimeSpan.FromHours(1), BriefMaxDelay = TimeSpan.FromHours(1), BriefWait = TimeSpan.FromSeconds(30) }, analyzer);
        var client = factory.CreateClient();
        var before = factory.Seed.DocumentCount;

        for (var i = 0; i < 4; i++)
        {
            await Upload(client, $"report-{i}.txt", $"Report number {i} says the column stopped near the river crossing.");
            await WaitFor(client, s => s.PendingUploads == 0 && analyzer.Additions == i + 1);
        }

        var status = await Status(client);
        status.BriefBuilds.ShouldBe(0, "no view was read: the additions built no brief");
        status.BriefUpdating.ShouldBeTrue();

        var overview = await client.GetFromJsonAsync<JsonElement>("/api/overview", Ct);
        overview.GetProperty("corpus").GetProperty("documentCount").GetInt32().ShouldBe(before + 4);
        overview.GetProperty("updating").GetBoolean().ShouldBeFalse();
        analyzer.Builds.ShouldBe(1);

        // Reads with nothing added in between build nothing more.
        (await client.GetStringAsync("/", Ct)).ShouldNotContain("brief-updating");
        await client.GetStringAsync("/api/evidence", Ct);
        await client.GetStringAsync("/evidence", Ct);
        analyzer.Builds.ShouldBe(1);
        (await Status(client)).BriefUpdating.ShouldBeFalse();
    }

    [Fact]
    public async Task ABurstOfReportsBuildsTheBriefOnceAfterItEnds()
    {
        using var analyzer = new DeferringAnalyzer();
        using var factory = new WorkbenchFactory(static (_, o) => o with { BriefQuiet = TimeSpan.FromSeconds(3), BriefMaxDelay = TimeSpan.FromHours(1) }, analyzer);
        var client = factory.CreateClient();
        var before = factory.Seed.DocumentCount;

        for (var i = 0; i < 5; i++)
        {
            await Upload(client, $"burst-{i}.txt", $"Burst report {i}: the governor confirmed the roadblock on the highway.");
        }

        // No view is read: the build comes from the quiet after the last report.
        var done = await WaitFor(client, s => s.PendingUploads == 0 && !s.BriefUpdating && s.BriefBuilds > 0);

        done.Documents.ShouldBe(before + 5);
        analyzer.Builds.ShouldBe(1, $"{analyzer.Additions} additions, one burst: one build");
    }

    [Fact]
    public async Task AViewReadWhileTheBriefIsBeingBuiltShowsTheLastBriefMarkedAsUpdatingNeverAsCurrent()
    {
        using var analyzer = new DeferringAnalyzer();
        using var factory = new WorkbenchFactory(static (_, o) => o with { BriefQuiet = TimeSpan.FromHours(1), BriefMaxDelay = TimeSpan.FromHours(1), BriefWait = TimeSpan.FromMilliseconds(200) }, analyzer);
        var client = factory.CreateClient();
        var before = factory.Seed.DocumentCount;
        var first = await client.GetAsync("/api/overview", Ct);
        var firstTag = first.Headers.ETag!.Tag;

        analyzer.Hold();
        await Upload(client, "late.txt", "A late report says the convoy turned back before dawn.");
        await WaitFor(client, s => s.PendingUploads == 0 && s.BriefUpdating);

        // The build waits on the test: the read gives up after BriefWait and shows the last brief, marked.
        var overview = await client.GetAsync("/api/overview", Ct);
        var json = JsonDocument.Parse(await overview.Content.ReadAsStringAsync(Ct)).RootElement;
        json.GetProperty("updating").GetBoolean().ShouldBeTrue();
        json.GetProperty("corpus").GetProperty("documentCount").GetInt32().ShouldBe(before);
        overview.Headers.ETag!.Tag.ShouldNotBe(firstTag, "the view of the brief behind the picture is not the one cached as current");
        (await client.GetStringAsync("/", Ct)).ShouldContain("id=\"brief-updating\"");

        analyzer.Release();
        await WaitFor(client, s => !s.BriefUpdating);
        var fresh = await client.GetFromJsonAsync<JsonElement>("/api/overview", Ct);
        fresh.GetProperty("updating").GetBoolean().ShouldBeFalse();
        fresh.GetProperty("corpus").GetProperty("documentCount").GetInt32().ShouldBe(before + 1);
        (await client.GetStringAsync("/", Ct)).ShouldNotContain("brief-updating");
        analyzer.Builds.ShouldBe(1);
    }

    [Fact]
    public async Task ALiveRedrawDoesNotAskForTheBrief()
    {
        using var analyzer = new DeferringAnalyzer();
        using var factory = new WorkbenchFactory(static (_, o) => o with { BriefQuiet = TimeSpan.FromHours(1), BriefMaxDelay = TimeSpan.FromHours(1) }, analyzer);
        var client = factory.CreateClient();
        await Upload(client, "quiet.txt", "The ministry said nothing more about the column that evening.");
        await WaitFor(client, s => s.PendingUploads == 0 && s.BriefUpdating);

        using var redraw = new HttpRequestMessage(HttpMethod.Get, "/");
        redraw.Headers.Add(Web.StoryViewCache.LiveHeader, "1");
        var page = await (await client.SendAsync(redraw, Ct)).Content.ReadAsStringAsync(Ct);

        page.ShouldContain("id=\"brief-updating\"");
        await Task.Delay(500, Ct);
        analyzer.Builds.ShouldBe(0);
        (await Status(client)).BriefUpdating.ShouldBeTrue();
    }

    private static async Task Upload(HttpClient client, string name, string text)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text)), "files", name } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = form };
        request.Headers.Add("X-Sitrep-Client", "test");
        (await client.SendAsync(request, Ct)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted);
    }
}
