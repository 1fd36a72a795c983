using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sitrep.Web.Accounts;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests.Team;

public sealed class TeamRoleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AViewerReadsEverythingButCannotDecideOrUpload()
    {
        using var factory = TeamSupport.Create(null, ("vera", AccountRoles.Viewer, null));
        var client = await factory.SignedIn("vera");
        foreach (var url in new[] { "/", "/evidence", "/documents", "/sources", "/timeline", "/actors", "/hypotheses", "/audit" })
        {
            (await client.GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }

        var page = await client.GetPage("/hypotheses");
        var form = await client.PostForm("/hypotheses?handler=Rate", page, ("evidence", "P1"), ("hypothesis", "S1"), ("rating", "CC"), ("why", "a viewer's view"), ("etag", Forms.HiddenValue(page, "etag")));
        form.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await form.Content.ReadAsStringAsync(Ct)).ShouldContain("is a viewer on story");

        var etag = (await client.GetAsync("/api/hypotheses", Ct)).Headers.ETag!.Tag;
        using var rate = new HttpRequestMessage(HttpMethod.Put, "/api/ratings") { Content = JsonContent.Create(new { evidence = "P1", hypothesis = "S1", rating = "CC", why = "x" }) };
        rate.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var api = await client.SendAsync(rate, Ct);
        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        using var upload = new MultipartFormDataContent { { new ByteArrayContent("Prigozhin flew to Minsk."u8.ToArray()), "files", "minsk.txt" } };
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = upload };
        post.Headers.Add("X-Sitrep-Client", "test");
        (await client.SendAsync(post, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var store = Storage.Sqlite.SqliteDocumentStore.Open(factory.Seed.DbPath);
        store.Decisions().ShouldBeEmpty();
        store.Uploads().ShouldBeEmpty();
    }

    [Fact]
    public async Task AnAccountWithARoleOnlyOnAnotherStoryIsRefused403()
    {
        using var factory = TeamSupport.Create(null, ("otto", AccountRoles.Admin, "kherson-dam"));
        var client = await factory.SignedIn("otto");

        var page = await client.GetAsync("/", Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var html = await page.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("has no role on story");
        html.ShouldContain(TeamSupport.StoryOf(factory));
        (await client.GetAsync("/api/overview", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ARoleForEveryStoryAppliesUnlessTheStoryHasItsOwn()
    {
        using var factory = TeamSupport.Create(null, ("eva", AccountRoles.Admin, AccountRoles.EveryStory));
        using (var store = Storage.Sqlite.SqliteDocumentStore.Open(factory.Seed.DbPath))
        {
            new AccountService(store).SetRole("eva", AccountRoles.Viewer, TeamSupport.StoryOf(factory));
        }

        var client = await factory.SignedIn("eva");
        var session = await client.GetFromJsonAsync<JsonElement>("/api/session", Ct);
        session.GetProperty("role").GetString().ShouldBe("viewer");
    }

    [Fact]
    public async Task EveryDecisionNamesTheSignedInAccountWhateverTheRequestClaims()
    {
        using var factory = TeamSupport.Create(null, ("anna", AccountRoles.Analyst, null));
        var client = await factory.SignedIn("anna");
        var page = await client.GetPage("/hypotheses");
        (await client.PostForm("/hypotheses?handler=Add", page, ("text", "A deal was struck"), ("who", "mallory"), ("etag", Forms.HiddenValue(page, "etag")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var etag = (await client.GetAsync("/api/hypotheses", Ct)).Headers.ETag!.Tag;
        using var rate = new HttpRequestMessage(HttpMethod.Put, "/api/ratings") { Content = JsonContent.Create(new { evidence = "P1", hypothesis = "S1", rating = "C", why = "fits", who = "mallory" }) };
        rate.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        rate.Headers.Add(Analysts.Header, "mallory");
        (await client.SendAsync(rate, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var upload = new MultipartFormDataContent { { new ByteArrayContent("Prigozhin flew to Minsk."u8.ToArray()), "files", "minsk.txt" } };
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = upload };
        post.Headers.Add("X-Sitrep-Client", "test");
        (await client.SendAsync(post, Ct)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var decisions = await client.GetFromJsonAsync<JsonElement>("/api/decisions", Ct);
        decisions.EnumerateArray().Select(d => d.GetProperty("who").GetString()).ShouldBe(["anna", "anna", "anna"]);
        decisions.EnumerateArray().Select(d => d.GetProperty("kind").GetString()).ShouldBe(["hypothesis", "rating", "upload"]);
        var audit = await client.GetPage("/audit");
        audit.ShouldContain("<td class=\"who\">anna</td>");
        audit.ShouldNotContain("mallory");
        (await client.GetPage("/hypotheses")).ShouldContain("anna: rating P1|S1");
    }

    [Fact]
    public async Task AHostileAccountNameIsEscapedWhereverItIsShown()
    {
        const string hostile = "<img src=x onerror=alert(1)>";
        using var factory = TeamSupport.Create(null, (hostile, AccountRoles.Admin, null));
        var client = await factory.SignedIn(hostile);
        var page = await client.GetPage("/hypotheses");
        (await client.PostForm("/hypotheses?handler=Add", page, ("text", "A deal was struck"), ("etag", Forms.HiddenValue(page, "etag")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        foreach (var url in new[] { "/audit", "/audit/sign-ins", "/hypotheses" })
        {
            var html = await client.GetPage(url);
            html.ShouldNotContain(hostile, customMessage: url);
            html.ShouldContain("&lt;img src=x", customMessage: url);
        }
    }

    [Fact]
    public async Task AFormPostWithoutTheAntiforgeryTokenIsRefused()
    {
        using var factory = TeamSupport.Create(null, ("anna", AccountRoles.Analyst, null));
        var client = await factory.SignedIn("anna");
        var page = await client.GetPage("/hypotheses");

        var forged = await client.PostAsync("/hypotheses?handler=Add", new FormUrlEncodedContent([new("text", "forged"), new("etag", Forms.HiddenValue(page, "etag"))]), Ct);

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var store = Storage.Sqlite.SqliteDocumentStore.Open(factory.Seed.DbPath);
        store.Decisions().ShouldBeEmpty();
    }
}
