using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests;

public sealed class PageTests : IDisposable
{
    private readonly WorkbenchFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/", "Bottom line")]
    [InlineData("/evidence", "Wagner fighters seized the headquarters in Rostov")]
    [InlineData("/documents", "Rostov seized")]
    [InlineData("/sources", "Wire Agency")]
    [InlineData("/timeline", "Wagner seizes Rostov headquarters")]
    [InlineData("/actors", "Yevgeny Prigozhin")]
    [InlineData("/hypotheses", "Wagner staged a mutiny to seize power")]
    public async Task EveryViewOpensWithItsContentAndTheSecurityHeaders(string url, string expected)
    {
        var response = await Client().GetAsync(url, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        html.ShouldContain(expected);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(Web.SecurityHeaders.ContentSecurityPolicy);
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }

    [Fact]
    public async Task TheReaderMarksTheCitedSpan()
    {
        var wire = _factory.Seed.Wire;
        var start = wire.Text.IndexOf("Yevgeny", StringComparison.Ordinal);
        var html = await Client().GetPage($"/documents/{wire.Id}?start={start}&end={start + 17}");
        html.ShouldContain("<mark class=\"cited\" id=\"cited\" title=\"cited span\">Yevgeny Prigozhin</mark>");
    }

    [Fact]
    public async Task AnUnknownDocumentIsA404Page()
    {
        var response = await Client().GetAsync("/documents/nope", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Not found");
    }

    [Fact]
    public async Task EvidenceFiltersBySourceAndStatus()
    {
        var client = Client();
        var bySource = await client.GetPage("/evidence?source=State%20Daily");
        bySource.ShouldContain("The Kremlin denied that Wagner");
        bySource.ShouldNotContain("Yevgeny Prigozhin said his men");
        var byStatus = await client.GetPage("/evidence?status=single-source");
        byStatus.ShouldContain("Prigozhin controlled the city");
        byStatus.ShouldNotContain("The Kremlin denied that Wagner");
        var byActor = await client.GetPage("/evidence?actor=E1");
        byActor.ShouldContain("Yevgeny Prigozhin said his men");
        var byTime = await client.GetPage("/evidence?from=2023-07-01");
        byTime.ShouldContain("0 propositions");
    }

    [Fact]
    public async Task SearchFindsStoredText()
    {
        var html = await Client().GetPage("/documents?q=Kremlin");
        html.ShouldContain("1 hits");
        html.ShouldContain("Kremlin denies");
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenIsRefused()
    {
        var response = await Client().PostAsync("/actors?handler=Merge", new FormUrlEncodedContent([new("id", "E2"), new("other", "E3")]), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        _factory.Services.GetService(typeof(Story.StoryService)).ShouldBeOfType<Story.StoryService>().Decisions.All.ShouldBeEmpty();
    }

    [Fact]
    public async Task MergingTwoActorsIsRecordedAndShownWhereItApplies()
    {
        var client = Client();
        var page = await client.GetPage("/actors");
        var etag = System.Text.RegularExpressions.Regex.Match(page, "<tr data-actor=\"E2\">[\\s\\S]*?name=\"etag\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostForm("/actors?handler=Merge", page, ("id", "E2"), ("other", "E3"), ("etag", WebUtility.HtmlDecode(etag)), ("who", "tester"), ("why", "same group"));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await client.GetPage("/actors");
        after.ShouldNotContain("data-actor=\"E3\"");
        after.ShouldContain("also: Wagner fighters");
        after.ShouldContain("tester: merge Wagner → Wagner fighters — same group");
    }

    [Fact]
    public async Task AStaleFormEditIsRefusedWith412AndNothingIsOverwritten()
    {
        var client = Client();
        var page = await client.GetPage("/sources");
        var response = await client.PostForm("/sources?handler=Grade", page, ("outlet", "Wire Agency"), ("reliability", "C"), ("etag", "\"stale\""), ("why", "x"));
        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("nothing was overwritten");
    }

    [Fact]
    public async Task GradingAnOutletStoresItOnceForAllItsDocuments()
    {
        var client = Client();
        var page = await client.GetPage("/sources");
        var etag = System.Text.RegularExpressions.Regex.Match(page, "name=\"outlet\" value=\"Wire Agency\">\\s*<input type=\"hidden\" name=\"etag\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostForm("/sources?handler=Grade", page, ("outlet", "Wire Agency"), ("reliability", "A"), ("etag", WebUtility.HtmlDecode(etag)), ("why", "long record"));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var story = (Story.StoryService)_factory.Services.GetService(typeof(Story.StoryService))!;
        story.Store.Outlets().Single(o => o.Name == "Wire Agency").Reliability.ShouldBe("A");
        story.Decisions.All.Single().Why.ShouldBe("long record");
    }

    [Fact]
    public async Task AddingAHypothesisAndRatingEvidenceChangesTheRanking()
    {
        var client = Client();
        var story = (Story.StoryService)_factory.Services.GetService(typeof(Story.StoryService))!;
        var page = await client.GetPage("/hypotheses");
        (await client.PostForm("/hypotheses?handler=Add", page, ("text", "Prigozhin bluffed to win a deal"), ("etag", Forms.HiddenValue(page, "etag")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        story.Ach().Hypotheses.ShouldContain(h => h.Id == "W1");
        page = await client.GetPage("/hypotheses");
        (await client.PostForm("/hypotheses?handler=Rate", page, ("evidence", "P1"), ("hypothesis", "W1"), ("rating", "CC"), ("why", "the seizure fits a bluff"), ("etag", Forms.HiddenValue(page, "etag")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await client.GetPage("/hypotheses");
        (await client.PostForm("/hypotheses?handler=Rate", page, ("evidence", "P1"), ("hypothesis", "S1"), ("rating", "II"), ("why", "no power grab followed"), ("etag", Forms.HiddenValue(page, "etag")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var ach = story.Ach();
        ach.Ach!.BayesRanking[0].ShouldBe("W1");
        ach.Hypotheses.Single(h => h.Id == "W1").Ratings.Single(r => r.Evidence == "P1").Rating.ShouldBe("CC");
    }

    [Fact]
    public async Task UploadsAreJournalledOnceAndHandedToTheAnalysis()
    {
        var client = Client();
        var page = await client.GetPage("/documents");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Forms.Token(page)), "__RequestVerificationToken" },
            { new ByteArrayContent("Wagner fighters left Rostov at night."u8.ToArray()), "files", "../../new report.txt" },
        };
        var response = await client.PostAsync("/documents?handler=Upload", form, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var story = (Story.StoryService)_factory.Services.GetService(typeof(Story.StoryService))!;
        var upload = story.Uploads().ShouldHaveSingleItem();
        Path.GetFileName(upload.Path).ShouldEndWith("-new_report.txt");
        Path.GetDirectoryName(upload.Path).ShouldBe(_factory.Options.UploadDirectory);
        var recorder = (RecordingAnalyzer)_factory.Analyzer;
        await Eventually(() => recorder.Files.Contains(upload.Path));
        using var again = new MultipartFormDataContent
        {
            { new StringContent(Forms.Token(page)), "__RequestVerificationToken" },
            { new ByteArrayContent("Wagner fighters left Rostov at night."u8.ToArray()), "files", "copy.txt" },
        };
        (await client.PostAsync("/documents?handler=Upload", again, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        story.Uploads().Count.ShouldBe(1);
    }

    internal static async Task Eventually(Func<bool> condition, int seconds = 10)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("the condition did not become true");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
