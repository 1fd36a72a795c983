using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sitrep.Web.Accounts;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests.Team;

public sealed class RatingConflictTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> Rate(HttpClient client, string etag, string evidence, string hypothesis, string rating, string why)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/ratings") { Content = JsonContent.Create(new { evidence, hypothesis, rating, why }) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task TheSecondAnalystRatingTheSameCellGetsAConflictWithTheCurrentValue()
    {
        using var factory = TeamSupport.Create(null, ("anna", AccountRoles.Analyst, null), ("bob", AccountRoles.Analyst, null));
        var anna = await factory.SignedIn("anna");
        var bob = await factory.SignedIn("bob");
        var annaRead = (await anna.GetAsync("/api/hypotheses", Ct)).Headers.ETag!.Tag;
        var bobRead = (await bob.GetAsync("/api/hypotheses", Ct)).Headers.ETag!.Tag;

        (await Rate(anna, annaRead, "P1", "S1", "CC", "the seizure is the mutiny")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await Rate(bob, bobRead, "P1", "S1", "II", "it was a show of force");

        second.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        second.Headers.ETag.ShouldNotBeNull().Tag.ShouldNotBe(bobRead);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("detail").GetString()!.ShouldContain("it is now CC, set by anna");
        problem.GetProperty("detail").GetString()!.ShouldContain("Nothing was overwritten");
        var current = problem.GetProperty("current");
        current.GetProperty("value").GetString().ShouldBe("CC");
        current.GetProperty("who").GetString().ShouldBe("anna");
        current.GetProperty("why").GetString().ShouldBe("the seizure is the mutiny");

        var matrix = await bob.GetFromJsonAsync<JsonElement>("/api/hypotheses", Ct);
        matrix.GetProperty("hypotheses").EnumerateArray().Single(h => h.GetProperty("id").GetString() == "S1")
            .GetProperty("ratings").EnumerateArray().Single(r => r.GetProperty("evidence").GetString() == "P1")
            .GetProperty("rating").GetString().ShouldBe("CC", "the first rating stands");
    }

    [Fact]
    public async Task AnotherCellRatedSinceTheReadIsNoConflict()
    {
        using var factory = TeamSupport.Create(null, ("anna", AccountRoles.Analyst, null), ("bob", AccountRoles.Analyst, null));
        var anna = await factory.SignedIn("anna");
        var bob = await factory.SignedIn("bob");
        var read = (await anna.GetAsync("/api/hypotheses", Ct)).Headers.ETag!.Tag;

        (await Rate(anna, read, "P1", "S1", "CC", "fits")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Rate(bob, read, "P2", "S1", "I", "does not fit")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Rate(bob, read, "P1", "S1", "I", "late")).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task TheFormShowsTheConflictAndTheCurrentValue()
    {
        using var factory = TeamSupport.Create(null, ("anna", AccountRoles.Analyst, null), ("bob", AccountRoles.Analyst, null));
        var anna = await factory.SignedIn("anna");
        var bob = await factory.SignedIn("bob");
        var annaPage = await anna.GetPage("/hypotheses");
        var bobPage = await bob.GetPage("/hypotheses");

        (await anna.PostForm("/hypotheses?handler=Rate", annaPage, ("evidence", "P1"), ("hypothesis", "S2"), ("rating", "C"), ("why", "a deal"), ("etag", Forms.HiddenValue(annaPage, "etag")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var second = await bob.PostForm("/hypotheses?handler=Rate", bobPage, ("evidence", "P1"), ("hypothesis", "S2"), ("rating", "II"), ("why", "no deal"), ("etag", Forms.HiddenValue(bobPage, "etag")));

        second.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var html = await second.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("id=\"edit-error\"");
        html.ShouldContain("it is now C, set by anna");
    }
}
