using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;
using Sitrep.Web.Accounts;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests;

/// <summary>The read views are kept under the story's stamp: served again while nothing changed, drawn again when anything did.</summary>
public sealed class ViewCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/evidence", false)]
    [InlineData("/api/evidence", false)]
    [InlineData("/timeline", false)]
    [InlineData("/api/actors", false)]
    [InlineData("/evidence", true)]
    [InlineData("/api/timeline", true)]
    public async Task ASecondReadIsServedFromTheCacheWithTheSameBody(string url, bool team)
    {
        using var factory = team ? TeamSupport.Create(null, ("vera", AccountRoles.Viewer, null)) : new WorkbenchFactory();
        var client = team ? await factory.SignedIn("vera") : Browser(factory);

        using var first = await client.GetAsync(url, Ct);
        using var second = await client.GetAsync(url, Ct);

        first.Headers.Age.ShouldBeNull();
        second.Headers.Age.ShouldNotBeNull("the second answer comes from the cache");
        (await second.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
        second.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(Web.SecurityHeaders.ContentSecurityPolicy);
    }

    [Fact]
    public async Task ADecisionAppendedByAnotherProcessShowsAtTheNextRead()
    {
        using var factory = new WorkbenchFactory();
        var client = Browser(factory);
        (await client.GetFromJsonAsync<JsonElement>("/api/decisions", Ct)).GetArrayLength().ShouldBe(0);

        using (var other = SqliteDocumentStore.Open(factory.Seed.DbPath))
        {
            other.AppendDecision(new StoredDecision(0, "retype", "Rostov", "ORG", "cli", DateTimeOffset.UtcNow, "a test"));
        }

        (await client.GetFromJsonAsync<JsonElement>("/api/decisions", Ct)).GetArrayLength().ShouldBe(1);
        var actors = await client.GetFromJsonAsync<JsonElement>("/api/actors", Ct);
        actors.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Rostov").GetProperty("type").GetString().ShouldBe("ORG");
    }

    [Fact]
    public async Task AnIfNoneMatchNamingTheViewGets304UntilTheStoryChanges()
    {
        using var factory = new WorkbenchFactory();
        var client = Browser(factory);
        using var first = await client.GetAsync("/api/timeline", Ct);
        var etag = first.Headers.ETag.ShouldNotBeNull();

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/timeline");
        again.Headers.IfNoneMatch.Add(etag);
        (await client.SendAsync(again, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotModified);

        using (var other = SqliteDocumentStore.Open(factory.Seed.DbPath))
        {
            other.AppendDecision(new StoredDecision(0, "grade", "Wire Agency", "A", "cli", DateTimeOffset.UtcNow, null));
        }

        using var changed = new HttpRequestMessage(HttpMethod.Get, "/api/timeline");
        changed.Headers.IfNoneMatch.Add(etag);
        using var answer = await client.SendAsync(changed, Ct);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        answer.Headers.ETag.ShouldNotBe(etag);
    }

    [Fact]
    public async Task APageWithFormsIsKeptPerBrowserAndItsTokenStaysValid()
    {
        using var factory = new WorkbenchFactory();
        var alice = Browser(factory);
        var bob = Browser(factory);

        await alice.GetPage("/hypotheses");
        await alice.GetPage("/hypotheses");
        using var cached = await alice.GetAsync("/hypotheses", Ct);
        cached.Headers.Age.ShouldNotBeNull("the page is kept once the browser holds its anti-forgery cookie");
        var alicePage = await cached.Content.ReadAsStringAsync(Ct);
        var bobPage = await bob.GetPage("/hypotheses");
        Forms.Token(bobPage).ShouldNotBe(Forms.Token(alicePage), "each browser gets the token for its own cookie");

        var added = await alice.PostForm("/hypotheses?handler=Add", alicePage, ("text", "A deal was struck"), ("etag", Forms.HiddenValue(alicePage, "etag")));
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await alice.GetPage("/hypotheses");
        after.ShouldContain("A deal was struck");
        after.ShouldContain("id=\"edit-message\"", customMessage: "the message left for the next page is shown, not a kept page");
        var bobAfter = await bob.GetPage("/hypotheses");
        bobAfter.ShouldContain("A deal was struck");
        (await bob.PostForm("/hypotheses?handler=Add", bobAfter, ("text", "Moscow knew in advance"), ("etag", Forms.HiddenValue(bobAfter, "etag")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task TwoAccountsNeverSeeEachOthersPage()
    {
        using var factory = TeamSupport.Create(null, ("anna", AccountRoles.Analyst, null), ("vera", AccountRoles.Viewer, null));
        var anna = await factory.SignedIn("anna");
        var vera = await factory.SignedIn("vera");

        foreach (var url in new[] { "/evidence", "/evidence", "/hypotheses", "/hypotheses", "/hypotheses" })
        {
            (await anna.GetPage(url)).ShouldContain("id=\"signed-in-as\">anna<");
            (await vera.GetPage(url)).ShouldContain("id=\"signed-in-as\">vera<");
        }

        var session = await vera.GetFromJsonAsync<JsonElement>("/api/session", Ct);
        session.GetProperty("name").GetString().ShouldBe("vera");
        using (var store = SqliteDocumentStore.Open(factory.Seed.DbPath))
        {
            new AccountService(store).SetRole("vera", AccountRoles.Analyst, TeamSupport.StoryOf(factory));
        }

        (await vera.GetPage("/evidence")).ShouldContain("analyst · ", customMessage: "a new role is a new page, not the viewer's kept one");
    }

    private static HttpClient Browser(WorkbenchFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
