using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sitrep.Storage.Sqlite;
using Sitrep.Web.Accounts;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests.Team;

public sealed class TeamSignInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheRightPasswordOpensAnHttpOnlyStrictSessionAndTheWrongOneIs401()
    {
        using var factory = TeamSupport.Create(null, ("anna", AccountRoles.Analyst, null));
        var client = factory.Client();

        var wrong = await client.SignIn("anna", "not the password at all");
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await wrong.Content.ReadAsStringAsync(Ct)).ShouldContain("Wrong name or password.");
        var unknown = await client.SignIn("nobody", TeamSupport.Password);
        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await unknown.Content.ReadAsStringAsync(Ct)).ShouldContain("Wrong name or password.", customMessage: "an unknown name reads as a wrong password");

        var right = await client.SignIn("ANNA", url: "/login?returnUrl=%2Fevidence");
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        right.Headers.Location!.ToString().ShouldBe("/evidence");
        right.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(TeamSessions.CookieName + "=", StringComparison.Ordinal) && c.Contains("httponly") && c.Contains("samesite=strict"));

        var page = await client.GetPage("/evidence");
        page.ShouldContain("id=\"signed-in-as\">anna<");
        page.ShouldContain("analyst");
    }

    [Fact]
    public async Task ASignedOutRequestIsSentToSignInAndTheApiAnswers401()
    {
        using var factory = TeamSupport.Create(null, ("anna", AccountRoles.Viewer, null));
        var client = factory.Client();

        var page = await client.GetAsync("/hypotheses", Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldBe("/login?returnUrl=%2Fhypotheses");
        var api = await client.GetAsync("/api/overview", Ct);
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await client.GetAsync("/events", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/healthz", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/login", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AProgramSignsInWithJsonAndActsWithTheCookie()
    {
        using var factory = TeamSupport.Create(null, ("bot", AccountRoles.Analyst, null));
        var client = factory.Client();

        var failed = await client.PostAsJsonAsync("/api/session", new { name = "bot", password = "wrong password here" }, Ct);
        failed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var ok = await client.PostAsJsonAsync("/api/session", new { name = "bot", password = TeamSupport.Password }, Ct);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        var session = await ok.Content.ReadFromJsonAsync<JsonElement>(Ct);
        session.GetProperty("role").GetString().ShouldBe("analyst");
        session.GetProperty("story").GetString().ShouldBe(TeamSupport.StoryOf(factory));

        (await client.GetFromJsonAsync<JsonElement>("/api/session", Ct)).GetProperty("name").GetString().ShouldBe("bot");
        (await client.DeleteAsync("/api/session", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync("/api/overview", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        using var factory = TeamSupport.Create(null, ("anna", AccountRoles.Viewer, null));
        var client = await factory.SignedIn("anna");
        var page = await client.GetPage("/");

        var response = await client.PostForm("/logout", page);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/login");
        (await client.GetAsync("/", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task RemovingAnAccountOrChangingItsPasswordEndsItsOpenSessions()
    {
        using var factory = TeamSupport.Create(null, ("anna", AccountRoles.Viewer, null), ("bob", AccountRoles.Viewer, null));
        var anna = await factory.SignedIn("anna");
        var bob = await factory.SignedIn("bob");
        (await anna.GetAsync("/", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using (var store = SqliteDocumentStore.Open(factory.Seed.DbPath))
        {
            new AccountService(store).Remove("anna");
            new AccountService(store).SetPassword("bob", "a brand new passphrase");
        }

        (await anna.GetAsync("/", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await bob.GetAsync("/api/overview", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignInIsRateLimitedPerNameAndAddressWith429AndRetryAfter()
    {
        using var factory = TeamSupport.Create(new SignInOptions { PermitsPerWindow = 3, Window = TimeSpan.FromMinutes(5), LockoutFailures = 100 }, ("anna", AccountRoles.Viewer, null));
        var client = factory.Client();
        for (var i = 0; i < 3; i++)
        {
            (await client.SignIn("anna", "guess number " + i)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var limited = await client.SignIn("anna");

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 300);
        (await limited.Content.ReadAsStringAsync(Ct)).ShouldContain("Too many sign-in attempts");
        var json = await client.PostAsJsonAsync("/api/session", new { name = "Anna", password = TeamSupport.Password }, Ct);
        json.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the same name, however written, shares the limit");
        json.Headers.RetryAfter.ShouldNotBeNull();
        (await client.SignIn("bob", "another guess")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "another name is not limited");
    }

    [Fact]
    public async Task ANameIsLockedAfterTooManyFailuresEvenForTheRightPassword()
    {
        using var factory = TeamSupport.Create(new SignInOptions { PermitsPerWindow = 100, LockoutFailures = 3, LockoutDuration = TimeSpan.FromMinutes(10) }, ("anna", AccountRoles.Viewer, null));
        var client = factory.Client();
        for (var i = 0; i < 3; i++)
        {
            (await client.SignIn("anna", "guess number " + i)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var locked = await client.SignIn("anna");

        locked.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(locked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(500, 600);
        (await locked.Content.ReadAsStringAsync(Ct)).ShouldContain("locked");
        (await client.PostAsJsonAsync("/api/session", new { name = "anna", password = TeamSupport.Password }, Ct)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        using var store = SqliteDocumentStore.Open(factory.Seed.DbPath);
        store.SignIns("anna", DateTimeOffset.MinValue, 100).Count.ShouldBe(3, "attempts refused while locked are not counted");
    }

    [Fact]
    public async Task TheSignInAuditIsForAdminsOnly()
    {
        using var factory = TeamSupport.Create(null, ("root", AccountRoles.Admin, null), ("anna", AccountRoles.Analyst, null));
        var anna = await factory.SignedIn("anna");
        (await anna.GetAsync("/audit/sign-ins", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anna.GetAsync("/api/sign-ins", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var root = await factory.SignedIn("root");
        var page = await root.GetPage("/audit/sign-ins");
        page.ShouldContain(">anna<");
        page.ShouldContain("signed in");
        var attempts = await root.GetFromJsonAsync<JsonElement>("/api/sign-ins", Ct);
        attempts.GetArrayLength().ShouldBe(2);
    }
}
