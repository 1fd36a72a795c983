using Shouldly;
using Sitrep.Errors;
using Sitrep.Ingest;
using Sitrep.Ingest.Fetch;
using Sitrep.Ingest.Manifest;

namespace Sitrep.Tests.Ingest.Fetch;

public sealed class WebFetcherTests(LoopbackSite site) : IClassFixture<LoopbackSite>
{
    private static readonly FetchOptions Fast = FetchOptions.Default with
    {
        AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(20),
        RetryDelay = TimeSpan.FromMilliseconds(20),
        MaxBytes = 1024 * 1024,
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APageIsFetchedWithItsFinalAddressFetchTimeAndRawBytes()
    {
        using var fetcher = new WebFetcher(Fast);
        var before = DateTimeOffset.UtcNow;

        var outcome = await fetcher.FetchAsync(site.Url("/page"), Cancel);

        outcome.Error.ShouldBeNull();
        var snapshot = outcome.Snapshot.ShouldNotBeNull();
        snapshot.FinalUrl.ShouldBe(site.Url("/page"));
        snapshot.Status.ShouldBe(200);
        snapshot.ContentType.ShouldBe("text/html");
        snapshot.FetchedAt.ShouldBeGreaterThanOrEqualTo(before);
        System.Text.Encoding.UTF8.GetString(snapshot.Bytes).ShouldContain(LoopbackSite.PageText);
        site.UserAgents.ShouldAllBe(ua => ua.StartsWith("Sitrep/", StringComparison.Ordinal) && ua.Contains("(open-source analyst workbench", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFetchedPageGoesThroughTheHtmlReaderAndIsDatedByItsFetchTime()
    {
        using var fetcher = new WebFetcher(Fast);
        var snapshot = (await fetcher.FetchAsync(site.Url("/page"), Cancel)).Snapshot!;

        var read = FetchedPages.Read(new DocumentIngestor(IngestOptions.Default, SourceManifest.Empty), snapshot);

        var doc = read.Documents.ShouldHaveSingleItem();
        doc.Path.ShouldBe(site.Url("/page"));
        doc.Title.ShouldBe("Convoy nears Voronezh");
        doc.Text.ShouldContain(LoopbackSite.PageText);
        doc.Text.ShouldNotContain("<p>");
        doc.Source.Url.ShouldBe(site.Url("/page"));
        doc.Source.Published.ShouldBe(snapshot.FetchedAt);
    }

    [Fact]
    public async Task ASlowAnswerEndsInOneTimeoutError()
    {
        // robots.txt is not this test's subject: under a loaded machine the loopback site's first answer can take
        // longer than the 300 ms attempt timeout, and a robots.txt that does not answer fails the fetch (SR1102).
        using var fetcher = new WebFetcher(Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(300), MaxRetries = 1, HonourRobots = false });

        var outcome = await fetcher.FetchAsync(site.Url("/slow"), Cancel);

        outcome.Snapshot.ShouldBeNull();
        outcome.Error!.Code.ShouldBe(SitrepErrors.FetchTimedOut.Code);
        outcome.Error.Path.ShouldBe(site.Url("/slow"));
        outcome.Error.Message.ShouldContain("after 2 attempt(s)");
    }

    [Fact]
    public async Task ARedirectLoopIsCaughtAtTheFirstRepeatedAddress()
    {
        using var fetcher = new WebFetcher(Fast);

        var outcome = await fetcher.FetchAsync(site.Url("/loop/a"), Cancel);

        outcome.Error!.Code.ShouldBe(SitrepErrors.FetchRedirects.Code);
        outcome.Error.Message.ShouldStartWith("Redirect loop after 2 redirect(s)");
    }

    [Fact]
    public async Task RedirectsAreFollowedUpToTheCapAndNoFurther()
    {
        using var fetcher = new WebFetcher(Fast with { MaxRedirects = 10 });
        var followed = await fetcher.FetchAsync(site.Url("/chain/0"), Cancel);
        followed.Snapshot!.FinalUrl.ShouldBe(site.Url("/chain/10"));
        followed.Snapshot.Redirects.ShouldBe(10);

        using var capped = new WebFetcher(Fast with { MaxRedirects = 3 });
        var refused = await capped.FetchAsync(site.Url("/chain/0"), Cancel);
        refused.Error!.Code.ShouldBe(SitrepErrors.FetchRedirects.Code);
        refused.Error.Message.ShouldContain("Too many redirects");
    }

    [Fact]
    public async Task AServerErrorIsRetriedWithBackOffThenReportedOnce()
    {
        using var fetcher = new WebFetcher(Fast with { MaxRetries = 2 });
        var before = site.FailingHits;

        var outcome = await fetcher.FetchAsync(site.Url("/always500"), Cancel);

        outcome.Error!.Code.ShouldBe(SitrepErrors.FetchStatus.Code);
        outcome.Error.Message.ShouldContain("HTTP 500");
        outcome.Error.Message.ShouldContain("after 3 attempt(s)");
        (site.FailingHits - before).ShouldBe(3);
    }

    [Fact]
    public async Task ATransientErrorIsRetriedAndTheSecondAttemptSucceeds()
    {
        using var fetcher = new WebFetcher(Fast);

        var outcome = await fetcher.FetchAsync(site.Url("/flaky"), Cancel);

        outcome.Snapshot!.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task ANotFoundIsNotRetried()
    {
        using var fetcher = new WebFetcher(Fast);

        var outcome = await fetcher.FetchAsync(site.Url("/missing"), Cancel);

        outcome.Error!.Code.ShouldBe(SitrepErrors.FetchStatus.Code);
        outcome.Error.Message.ShouldContain("HTTP 404");
        outcome.Error.Message.ShouldContain("after 1 attempt(s)");
    }

    [Fact]
    public async Task ATwoGigabyteStreamIsStoppedAtTheSizeCap()
    {
        using var fetcher = new WebFetcher(Fast);
        var memory = GC.GetTotalMemory(forceFullCollection: true);

        var streamed = await fetcher.FetchAsync(site.Url("/huge"), Cancel);
        var declared = await fetcher.FetchAsync(site.Url("/huge-declared"), Cancel);

        streamed.Error!.Code.ShouldBe(SitrepErrors.FetchTooLarge.Code);
        streamed.Error.Message.ShouldContain("the body went on past it");
        declared.Error!.Code.ShouldBe(SitrepErrors.FetchTooLarge.Code);
        declared.Error.Message.ShouldContain("2,147,483,648");
        (GC.GetTotalMemory(forceFullCollection: true) - memory).ShouldBeLessThan(64L * 1024 * 1024);
    }

    [Fact]
    public async Task AWrongCharsetHeaderDoesNotGarbleTheText()
    {
        using var fetcher = new WebFetcher(Fast);
        var snapshot = (await fetcher.FetchAsync(site.Url("/wrong-charset"), Cancel)).Snapshot!;

        var read = FetchedPages.Read(new DocumentIngestor(IngestOptions.Default, SourceManifest.Empty), snapshot);

        snapshot.Charset.ShouldBe("iso-8859-1");
        var doc = read.Documents.ShouldHaveSingleItem();
        doc.Text.ShouldContain("25 тысяч бойцов");
        doc.Language.ShouldBe("ru");
    }

    [Fact]
    public async Task RobotsTxtKeepsSitrepOutOfWhatItDisallows()
    {
        using var fetcher = new WebFetcher(Fast);

        var secret = await fetcher.FetchAsync(site.Url("/private/secret"), Cancel);
        var open = await fetcher.FetchAsync(site.Url("/private/open"), Cancel);

        secret.Error!.Code.ShouldBe(SitrepErrors.FetchDisallowed.Code);
        secret.Error.Message.ShouldContain("/private/secret");
        open.Snapshot.ShouldNotBeNull();
    }

    [Fact]
    public async Task APictureIsRefusedByItsContentType()
    {
        using var fetcher = new WebFetcher(Fast);

        var outcome = await fetcher.FetchAsync(site.Url("/picture"), Cancel);

        outcome.Error!.Code.ShouldBe(SitrepErrors.FetchContentType.Code);
        outcome.Error.Message.ShouldContain("image/png");
    }

    [Theory]
    [InlineData("ftp://example.net/file.txt")]
    [InlineData("https://")]
    [InlineData("not a url")]
    public async Task AnAddressThatIsNotHttpIsRefusedUnfetched(string url)
    {
        using var fetcher = new WebFetcher(Fast);

        var outcome = await fetcher.FetchAsync(url, Cancel);

        outcome.Error!.Code.ShouldBe(SitrepErrors.UrlInvalid.Code);
    }

    [Fact]
    public async Task ARefusedConnectionEndsInOneErrorAndTheOtherAddressesGoOn()
    {
        using var fetcher = new WebFetcher(Fast with { MaxRetries = 1 });
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var outcomes = await fetcher.FetchAllAsync([$"http://127.0.0.1:{port}/gone", site.Url("/page")], parallel: 2, Cancel);

        outcomes[0].Error!.Code.ShouldBe(SitrepErrors.FetchFailed.Code);
        outcomes[0].Error!.Message.ShouldContain("robots.txt");
        outcomes[1].Snapshot.ShouldNotBeNull();
    }
}

public sealed class RobotsTxtTests
{
    [Theory]
    [InlineData("/news/today", true)]
    [InlineData("/private/x", false)]
    [InlineData("/private/open/page", true)]
    [InlineData("/search?q=wagner", false)]
    [InlineData("/files/report.pdf", false)]
    [InlineData("/files/report.pdf?v=2", true)]
    [InlineData("/robots.txt", true)]
    public void TheLongestMatchingRuleOfSitrepsGroupDecides(string path, bool allowed)
    {
        var robots = RobotsTxt.Parse(
            "User-agent: *\nDisallow: /\n\nUser-agent: Googlebot\nUser-agent: Sitrep # us\nDisallow: /private/\nAllow: /private/open\nDisallow: /search\nDisallow: /*.pdf$\n",
            FetchOptions.RobotsToken);

        robots.IsAllowed(path).ShouldBe(allowed);
    }

    [Fact]
    public void WithoutAGroupForSitrepTheStarGroupApplies()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /admin\n", FetchOptions.RobotsToken);

        robots.IsAllowed("/admin/users").ShouldBeFalse();
        robots.IsAllowed("/news").ShouldBeTrue();
    }

    [Fact]
    public void AnEmptyDisallowInSitrepsGroupAllowsEverything()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /\n\nUser-agent: sitrep\nDisallow:\n", FetchOptions.RobotsToken);

        robots.IsAllowed("/anything").ShouldBeTrue();
    }
}
