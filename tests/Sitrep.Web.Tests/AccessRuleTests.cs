using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Sitrep.Storage.Sqlite;
using Sitrep.Web.Accounts;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests;

/// <summary>
/// The access rules, one test per rule, over every endpoint and every form the running workbench has (read from its
/// endpoint data source and its rendered pages, so a new one is covered without being listed): a viewer cannot edit,
/// a signed-out request gets 401 or the sign-in page, an account without a role on the story gets 403, every form
/// carries an anti-forgery token and is refused without it, a cross-site form cannot reach the API, hostile text is
/// escaped and every answer carries the Content-Security-Policy.
/// </summary>
public sealed class AccessRuleTests
{
    /// <summary>Sign-in and sign-out: any account, whatever its role (or none), may use them.</summary>
    private static readonly WayIn[] SessionWays =
    [
        new("POST", "/login", true), new("POST", "/logout", true), new("POST", "/api/session", false), new("DELETE", "/api/session", false),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AViewerIsRefusedEveryUnsafeEndpointTheWorkbenchMaps()
    {
        using var factory = TeamSupport.Create(null, ("vera", AccountRoles.Viewer, null));
        var client = await factory.SignedIn("vera");
        var token = Forms.Token(await client.GetPage("/evidence"));
        var ways = (await Ways(factory)).Where(w => w.Unsafe && !SessionWays.Contains(w)).ToList();

        ways.ShouldContain(new WayIn("PUT", "/api/ratings", false));
        ways.ShouldContain(new WayIn("POST", "/hypotheses?handler=Rate", true));
        ways.ShouldContain(new WayIn("POST", "/documents?handler=Upload", true));
        ways.Count.ShouldBeGreaterThanOrEqualTo(16);
        foreach (var way in ways)
        {
            using var request = EndpointCatalog.Request(way, token);
            using var response = await client.SendAsync(request, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, way.ToString());
            (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("is a viewer on story", customMessage: way.ToString());
        }

        using var store = SqliteDocumentStore.Open(factory.Seed.DbPath);
        store.Decisions().ShouldBeEmpty();
        store.Uploads().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("team")]
    [InlineData("token")]
    public async Task ASignedOutRequestToAnyEndpointGets401FromTheApiOrIsSentToSignIn(string mode)
    {
        using var factory = mode == "team" ? TeamSupport.Create(null, ("vera", AccountRoles.Viewer, null)) : new WorkbenchFactory(token: "s3cret");
        var client = factory.Client();
        var ways = (await Ways(factory)).Where(w => !IsOpen(w, mode)).ToList();

        ways.Count.ShouldBeGreaterThanOrEqualTo(30);
        foreach (var way in ways)
        {
            using var request = EndpointCatalog.Request(way);
            using var response = await client.SendAsync(request, Ct);
            if (IsApi(way))
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, way.ToString());
                response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", way.ToString());
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, way.ToString());
                response.Headers.Location!.OriginalString.ShouldStartWith("/login?returnUrl=", customMessage: way.ToString());
            }
        }

        using var store = SqliteDocumentStore.Open(factory.Seed.DbPath);
        store.Decisions().ShouldBeEmpty();
        store.Uploads().ShouldBeEmpty();
    }

    [Fact]
    public async Task AnAccountWithARoleOnlyOnAnotherStoryIsRefusedEveryEndpoint()
    {
        using var factory = TeamSupport.Create(null, ("otto", AccountRoles.Admin, "kherson-dam"));
        var client = await factory.SignedIn("otto");
        var token = Forms.Token(await client.GetPage("/login"));
        var ways = (await Ways(factory)).Where(w => !IsOpen(w, "team") && w.Url is not ("/logout" or "/api/session")).ToList();

        ways.Count.ShouldBeGreaterThanOrEqualTo(30);
        foreach (var way in ways)
        {
            using var request = EndpointCatalog.Request(way, token);
            using var response = await client.SendAsync(request, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, way.ToString());
            (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("has no role on story", customMessage: way.ToString());
        }

        using var store = SqliteDocumentStore.Open(factory.Seed.DbPath);
        store.Decisions().ShouldBeEmpty();
        store.Uploads().ShouldBeEmpty();
    }

    [Fact]
    public async Task AnAccountWithNoRoleOnTheStoryCanStillSeeWhoItIsAndSignOut()
    {
        using var factory = TeamSupport.Create(null, ("otto", AccountRoles.Admin, "kherson-dam"));
        var client = await factory.SignedIn("otto");

        var session = await client.GetFromJsonAsync<JsonElement>("/api/session", Ct);
        session.GetProperty("name").GetString().ShouldBe("otto");
        session.TryGetProperty("role", out _).ShouldBeFalse();
        var signOut = await client.PostForm("/logout", await client.GetPage("/login"));
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signOut.Headers.Location!.OriginalString.ShouldBe("/login");
        (await client.GetAsync("/api/overview", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("single")]
    [InlineData("token")]
    [InlineData("team")]
    public async Task EveryFormCarriesAnAntiforgeryTokenAndIsRefusedWithoutIt(string mode)
    {
        using var factory = Factory(mode);
        var client = await Client(factory, mode);
        var forms = await PostForms(factory, client);

        forms.Select(f => f.Action).ShouldContain(a => a.Contains("handler=Rate", StringComparison.Ordinal));
        forms.Select(f => f.Action).ShouldContain(a => a.Contains("handler=Upload", StringComparison.Ordinal));
        forms.Select(f => f.Action).ShouldContain(a => a.Contains("handler=Merge", StringComparison.Ordinal));
        if (mode == "team")
        {
            forms.Select(f => f.Action).ShouldContain("/logout");
        }

        foreach (var form in forms)
        {
            form.Token.ShouldNotBeNullOrWhiteSpace($"the form posting to {form.Action} on {form.Page} carries no anti-forgery token");
        }

        foreach (var form in forms.DistinctBy(f => f.Action + "|" + string.Join(',', f.Fields.Select(x => x.Key))))
        {
            using var response = await client.PostAsync(form.Action, form.Body(withToken: false), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"POST {form.Action} (from {form.Page}) without its token");
        }

        using var store = SqliteDocumentStore.Open(factory.Seed.DbPath);
        store.Decisions().ShouldBeEmpty();
        store.Uploads().ShouldBeEmpty();
        (Directory.Exists(factory.Options.UploadDirectory) ? Directory.EnumerateFiles(factory.Options.UploadDirectory).Count() : 0).ShouldBe(0, "no uploaded file kept");
        if (mode == "team")
        {
            (await client.GetFromJsonAsync<JsonElement>("/api/session", Ct)).GetProperty("name").GetString().ShouldBe("anna", "a sign-out without the token is refused");
        }
    }

    [Theory]
    [InlineData("single")]
    [InlineData("team")]
    public async Task ACrossSiteFormCannotChangeAnythingThroughTheApi(string mode)
    {
        using var factory = Factory(mode);
        var client = await Client(factory, mode);

        // An HTML form sends only GET and POST, as form fields, multipart or plain text, with no header of its choosing;
        // PUT, DELETE or JSON from another site need a CORS preflight, which the workbench never grants.
        var posts = (await Ways(factory)).Where(w => !w.Page && w.Method == "POST").ToList();
        posts.ShouldContain(new WayIn("POST", "/api/documents", false));
        foreach (var way in posts)
        {
            foreach (var body in CrossSiteBodies())
            {
                using var response = await client.PostAsync(way.Url, body, Ct);
                ((int)response.StatusCode).ShouldBeInRange(400, 499, $"{way} as {body.Headers.ContentType?.MediaType}");
            }
        }

        using var store = SqliteDocumentStore.Open(factory.Seed.DbPath);
        store.Decisions().ShouldBeEmpty();
        store.Uploads().ShouldBeEmpty();
        if (mode == "team")
        {
            (await client.GetFromJsonAsync<JsonElement>("/api/session", Ct)).GetProperty("name").GetString().ShouldBe("anna");
        }
    }

    [Fact]
    public async Task TheHostileCorpusIsRenderedEncodedOnEveryPageInTeamMode()
    {
        using var factory = TeamSupport.Create(null, ("vera", AccountRoles.Viewer, null));
        var client = await factory.SignedIn("vera");
        var pages = (await Ways(factory)).Where(w => w.Page && !w.Unsafe && w.Url != "/audit/sign-ins").ToList();

        pages.Count.ShouldBeGreaterThanOrEqualTo(10);
        foreach (var page in pages)
        {
            using var response = await client.GetAsync(page.Url, Ct);
            SecurityTests.AssertNoMarkupFromSources(await response.Content.ReadAsStringAsync(Ct), response.IsSuccessStatusCode ? 1 : 0);
        }

        var reader = await client.GetPage($"/documents/{factory.Seed.Evil.Id}");
        reader.ShouldContain("&lt;script&gt;alert(&#x27;text&#x27;)&lt;/script&gt;");
    }

    [Fact]
    public async Task AnAccountNameWithQuotesAndMarkupIsEscapedInTheHeaderTheAuditAndARefusal()
    {
        const string name = "o'neil \"x\" onmouseover=\"alert(1)\" <b>bold</b>";
        using var factory = TeamSupport.Create(null, (name, AccountRoles.Admin, null));
        var client = await factory.SignedIn(name);
        var page = await client.GetPage("/hypotheses");
        (await client.PostForm("/hypotheses?handler=Add", page, ("text", "A deal was struck"), ("etag", Forms.HiddenValue(page, "etag")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        foreach (var url in new[] { "/", "/audit", "/audit/sign-ins", "/hypotheses" })
        {
            var html = await client.GetPage(url);
            SecurityTests.AssertNoMarkupFromSources(html);
            using var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
            doc.QuerySelector("#signed-in-as")!.TextContent.ShouldBe(name, url);
            doc.QuerySelectorAll("b").Length.ShouldBe(0, url);
            if (url != "/")
            {
                doc.Body!.TextContent.ShouldContain(name, customMessage: url);
            }
        }

        using (var store = SqliteDocumentStore.Open(factory.Seed.DbPath))
        {
            new AccountService(store).SetRole(name, AccountRoles.Viewer, TeamSupport.StoryOf(factory));
        }

        var hypotheses = await client.GetPage("/hypotheses");
        var refused = await client.PostForm("/hypotheses?handler=Add", hypotheses, ("text", "Another"), ("etag", Forms.HiddenValue(hypotheses, "etag")));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var refusal = await refused.Content.ReadAsStringAsync(Ct);
        SecurityTests.AssertNoMarkupFromSources(refusal, scriptsExpected: 0);
        using (var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(refusal))
        {
            doc.Body!.TextContent.ShouldContain($"Account '{name}' is a viewer");
            doc.QuerySelectorAll("b").Length.ShouldBe(0);
        }

        using var api = await client.PostAsJsonAsync("/api/hypotheses", new { text = "Another" }, Ct);
        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!.ShouldStartWith($"Account '{name}' is a viewer");
    }

    [Theory]
    [InlineData("single")]
    [InlineData("team")]
    public async Task EveryAnswerCarriesTheContentSecurityPolicy(string mode)
    {
        using var factory = Factory(mode);
        var signedIn = await Client(factory, mode);
        var signedOut = factory.Client();

        // The events stream never ends while the server runs, so it is asked for its headers only.
        var gets = (await Ways(factory)).Where(w => !w.Unsafe && w.Url != "/events").Append(new WayIn("GET", "/no-such-page", true)).ToList();
        foreach (var (client, way) in gets.Select(w => (signedIn, w)).Concat(gets.Select(w => (signedOut, w))))
        {
            using var response = await client.GetAsync(way.Url, Ct);
            response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(Web.SecurityHeaders.ContentSecurityPolicy, $"{way} ({(int)response.StatusCode})");
            response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff", way.ToString());
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        using var events = await signedIn.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        events.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(Web.SecurityHeaders.ContentSecurityPolicy);
        await cancel.CancelAsync();
    }

    private static WorkbenchFactory Factory(string mode) => mode switch
    {
        "team" => TeamSupport.Create(null, ("anna", AccountRoles.Analyst, null)),
        "token" => new WorkbenchFactory(token: "s3cret"),
        _ => new WorkbenchFactory(),
    };

    private static async Task<HttpClient> Client(WorkbenchFactory factory, string mode)
    {
        if (mode == "team")
        {
            return await factory.SignedIn("anna");
        }

        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (mode == "token")
        {
            var login = await client.GetPage("/login");
            (await client.PostForm("/login", login, ("token", "s3cret"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        return client;
    }

    private static async Task<IReadOnlyList<WayIn>> Ways(WorkbenchFactory factory)
    {
        _ = factory.Server;
        return await EndpointCatalog.AllAsync(factory.Services, new Dictionary<string, string> { ["id"] = factory.Seed.Wire.Id, ["documentName"] = "v1" });
    }

    private static bool IsApi(WayIn way) =>
        way.Url.StartsWith("/api/", StringComparison.Ordinal) || way.Url == "/events" || way.Url.StartsWith("/openapi/", StringComparison.Ordinal);

    private static bool IsOpen(WayIn way, string mode) =>
        way.Url.StartsWith("/login", StringComparison.OrdinalIgnoreCase) || way.Url.StartsWith("/assets/", StringComparison.Ordinal) ||
        way.Url is "/healthz" or "/readyz" || (mode == "team" && way == new WayIn("POST", "/api/session", false));

    /// <summary>Every form with method POST on every page the client can open (the reader of one document included).</summary>
    private static async Task<IReadOnlyList<PostForm>> PostForms(WorkbenchFactory factory, HttpClient client)
    {
        var pages = (await Ways(factory)).Where(w => w.Page && !w.Unsafe).Select(w => w.Url).Append("/login").Distinct().ToList();
        var forms = new List<PostForm>();
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        foreach (var url in pages)
        {
            using var response = await client.GetAsync(url, Ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            using var doc = parser.ParseDocument(await response.Content.ReadAsStringAsync(Ct));
            foreach (var form in doc.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
            {
                forms.Add(PostForm.Read(url, form));
            }
        }

        return forms;
    }

    private static IEnumerable<HttpContent> CrossSiteBodies()
    {
        yield return new FormUrlEncodedContent([new("text", "x"), new("why", "x"), new("name", "anna"), new("password", TeamSupport.Password)]);
        yield return new MultipartFormDataContent { { new ByteArrayContent("Prigozhin flew to Minsk."u8.ToArray()), "files", "minsk.txt" }, { new StringContent("x"), "text" } };
        yield return new StringContent("{\"text\":\"x\",\"why\":\"x\"}", System.Text.Encoding.UTF8, "text/plain");
    }

    /// <summary>A form as a browser would submit it: its action, its fields with their values, its encoding.</summary>
    private sealed record PostForm(string Page, string Action, IReadOnlyList<KeyValuePair<string, string>> Fields, string? Token, bool Multipart)
    {
        public static PostForm Read(string page, IHtmlFormElement form)
        {
            var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page;
            var fields = new List<KeyValuePair<string, string>>();
            string? token = null;
            foreach (var element in form.Elements)
            {
                var name = element.GetAttribute("name");
                if (string.IsNullOrEmpty(name))
                {
                    continue;
                }

                var value = element switch
                {
                    IHtmlSelectElement select => select.Options.FirstOrDefault()?.Value ?? string.Empty,
                    IHtmlTextAreaElement area => area.Value is { Length: > 0 } v ? v : "x",
                    IHtmlInputElement input when input.Type is "file" => null,
                    IHtmlInputElement input => input.Value is { Length: > 0 } v ? v : "x",
                    _ => null,
                };
                if (name == "__RequestVerificationToken")
                {
                    token = value;
                }
                else if (value is not null)
                {
                    fields.Add(new(name, value));
                }
            }

            return new PostForm(page, action, fields, token, string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase));
        }

        public HttpContent Body(bool withToken)
        {
            var fields = withToken && Token is not null ? Fields.Append(new("__RequestVerificationToken", Token)) : Fields;
            if (!Multipart)
            {
                return new FormUrlEncodedContent(fields);
            }

            var content = new MultipartFormDataContent { { new ByteArrayContent("Prigozhin flew to Minsk."u8.ToArray()), "files", "minsk.txt" } };
            foreach (var field in fields)
            {
                content.Add(new StringContent(field.Value), field.Key);
            }

            return content;
        }
    }
}
