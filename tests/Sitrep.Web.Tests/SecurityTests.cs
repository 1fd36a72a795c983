using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests;

public sealed class SecurityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://192.168.1.5:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://127.0.0.1:5080;http://example.org:80")]
    public void ANonLoopbackAddressIsRefusedWithoutAToken(string urls)
    {
        var error = Should.Throw<Errors.SitrepException>(() => new WorkbenchOptions { DbPath = "x.db", Urls = urls }.Validate());
        error.ErrorCode.Code.ShouldBe("SR5001");
        error.Message.ShouldContain("--token");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public void ALoopbackAddressNeedsNoToken(string urls) => new WorkbenchOptions { DbPath = "x.db", Urls = urls }.Validate();

    [Fact]
    public void ANonLoopbackAddressIsAllowedWithAToken() => new WorkbenchOptions { DbPath = "x.db", Urls = "http://0.0.0.0:5080", Token = "s3cret" }.Validate();

    [Fact]
    public async Task WithATokenPagesAskForItAndTheApiAnswers401()
    {
        using var factory = new WorkbenchFactory(token: "s3cret");
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetAsync("/evidence", Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldStartWith("/login");
        var api = await client.GetAsync("/api/overview", Ct);
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await client.GetAsync("/healthz", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/overview");
        bearer.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret");
        (await client.SendAsync(bearer, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var login = await client.GetPage("/login");
        var wrong = await client.PostForm("/login", login, ("token", "guess"));
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var right = await client.PostForm("/login?returnUrl=%2Fevidence", login, ("token", "s3cret"));
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        right.Headers.GetValues("Set-Cookie").ShouldContain(c => c.Contains("sitrep_token=") && c.Contains("httponly") && c.Contains("samesite=strict"));
    }

    [Fact]
    public async Task HealthAndReadinessAnswer()
    {
        using var factory = new WorkbenchFactory();
        var client = factory.CreateClient();
        (await client.GetStringAsync("/healthz", Ct)).ShouldBe("ok");
        (await client.GetStringAsync("/readyz", Ct)).ShouldBe("ok");
    }

    [Fact]
    public async Task AssetsAreServedByHashWithAnImmutableCache()
    {
        using var factory = new WorkbenchFactory();
        var client = factory.CreateClient();
        var html = await client.GetStringAsync("/", Ct);
        var url = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/assets/[0-9a-f]+/live\\.js)\"").Groups[1].Value;
        var response = await client.GetAsync(url, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.ToString().ShouldContain("immutable");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        (await client.GetAsync("/assets/0000/live.js", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/evidence")]
    [InlineData("/documents")]
    [InlineData("/sources")]
    [InlineData("/timeline")]
    [InlineData("/actors")]
    [InlineData("/hypotheses")]
    public async Task TheHostileCorpusIsRenderedEncodedInEveryView(string url)
    {
        using var factory = new WorkbenchFactory();
        var client = factory.CreateClient();
        var html = await client.GetStringAsync(url, Ct);
        AssertNoMarkupFromSources(html);
    }

    [Fact]
    public async Task TheHostileDocumentIsRenderedEncodedInTheReader()
    {
        using var factory = new WorkbenchFactory();
        var html = await factory.CreateClient().GetStringAsync($"/documents/{factory.Seed.Evil.Id}?start=0&end=10", Ct);
        AssertNoMarkupFromSources(html);
        html.ShouldContain("ert(&#x27;text&#x27;)&lt;/script&gt;");
    }

    /// <summary>
    /// Parses the page as a browser would: one script element (the page's own, from /assets; none on an error page), no
    /// element with an event handler attribute, no javascript: address, no style, image, frame or object element, one
    /// title element.
    /// </summary>
    internal static void AssertNoMarkupFromSources(string html, int scriptsExpected = 1)
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        using var doc = parser.ParseDocument(html);
        var scripts = doc.QuerySelectorAll("script");
        scripts.Length.ShouldBe(scriptsExpected);
        foreach (var script in scripts)
        {
            script.GetAttribute("src")!.ShouldStartWith("/assets/");
        }

        foreach (var element in doc.All)
        {
            foreach (var attribute in element.Attributes)
            {
                attribute.Name.ShouldNotStartWith("on", customMessage: $"<{element.LocalName} {attribute.Name}=...> in the page");
                if (attribute.Name is "href" or "src" or "action" or "xlink:href")
                {
                    attribute.Value.TrimStart().ShouldNotStartWith("javascript:", Case.Insensitive);
                }
            }
        }

        doc.QuerySelectorAll("style, img, iframe, object, embed, base, meta[http-equiv]").Length.ShouldBe(0);
        doc.QuerySelectorAll("svg").Length.ShouldBeLessThanOrEqualTo(1);
        doc.Title.ShouldNotBeNull().ShouldEndWith("· Sitrep");
    }
}
