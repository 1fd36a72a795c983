using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests;

public sealed class ApiTests : IDisposable
{
    private readonly WorkbenchFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/status")]
    [InlineData("/api/overview")]
    [InlineData("/api/evidence?status=contested")]
    [InlineData("/api/documents")]
    [InlineData("/api/documents?q=Rostov")]
    [InlineData("/api/sources")]
    [InlineData("/api/timeline")]
    [InlineData("/api/actors")]
    [InlineData("/api/hypotheses")]
    [InlineData("/api/decisions")]
    public async Task EveryApiAnswersJson(string url)
    {
        var response = await Client().GetAsync(url, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        json.RootElement.ValueKind.ShouldBeOneOf(JsonValueKind.Object, JsonValueKind.Array);
    }

    [Fact]
    public async Task TheOpenApiDocumentListsTheApi()
    {
        var json = await Client().GetStringAsync("/openapi/v1.json", Ct);
        using var doc = JsonDocument.Parse(json);
        var paths = doc.RootElement.GetProperty("paths");
        paths.TryGetProperty("/api/evidence", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/hypotheses/{id}", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/ratings", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task ADocumentAnswersWithItsTextAndClaims()
    {
        var doc = await Client().GetFromJsonAsync<JsonElement>($"/api/documents/{_factory.Seed.Wire.Id}", Ct);
        doc.GetProperty("text").GetString().ShouldBe(StorySeed.WireText);
        doc.GetProperty("claims").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task AnUnknownDocumentIsAProblemDetails404()
    {
        var response = await Client().GetAsync("/api/documents/nope", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("No document 'nope'");
    }

    [Fact]
    public async Task AnUnknownApiRouteIsAProblemDetails404()
    {
        var response = await Client().GetAsync("/api/nothing-here", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task AnEditWithoutIfMatchIs428()
    {
        var response = await Client().PutAsJsonAsync("/api/sources/Wire%20Agency", new { reliability = "A", why = "x" }, Ct);
        response.StatusCode.ShouldBe((HttpStatusCode)428);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task AStaleEditIs412AndTheFreshOneWins()
    {
        var client = Client();
        var first = await client.GetAsync("/api/hypotheses", Ct);
        var etag = first.Headers.ETag!.Tag;
        using var add = new HttpRequestMessage(HttpMethod.Post, "/api/hypotheses") { Content = JsonContent.Create(new { text = "A deal was struck in advance", why = "sources" }) };
        add.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var added = await client.SendAsync(add, Ct);
        added.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fresh = added.Headers.ETag!.Tag;
        fresh.ShouldNotBe(etag);

        using var stale = new HttpRequestMessage(HttpMethod.Put, "/api/hypotheses/W1") { Content = JsonContent.Create(new { text = "overwritten?" }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var refused = await client.SendAsync(stale, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        using var edit = new HttpRequestMessage(HttpMethod.Put, "/api/hypotheses/W1") { Content = JsonContent.Create(new { text = "A deal was struck before the march" }) };
        edit.Headers.IfMatch.Add(new EntityTagHeaderValue(fresh));
        (await client.SendAsync(edit, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ach = await client.GetFromJsonAsync<JsonElement>("/api/hypotheses", Ct);
        ach.GetProperty("hypotheses").EnumerateArray().Single(h => h.GetProperty("id").GetString() == "W1").GetProperty("text").GetString().ShouldBe("A deal was struck before the march");
    }

    [Fact]
    public async Task ARatingOfUnknownEvidenceIsA404NamingIt()
    {
        var client = Client();
        var etag = (await client.GetAsync("/api/hypotheses", Ct)).Headers.ETag!.Tag;
        using var rate = new HttpRequestMessage(HttpMethod.Put, "/api/ratings") { Content = JsonContent.Create(new { evidence = "P99", hypothesis = "S1", rating = "C", why = "x" }) };
        rate.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var response = await client.SendAsync(rate, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("P99");
    }

    [Fact]
    public async Task AnInvalidRatingIsA400()
    {
        var client = Client();
        var etag = (await client.GetAsync("/api/hypotheses", Ct)).Headers.ETag!.Tag;
        using var rate = new HttpRequestMessage(HttpMethod.Put, "/api/ratings") { Content = JsonContent.Create(new { evidence = "P1", hypothesis = "S1", rating = "maybe", why = "x" }) };
        rate.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var response = await client.SendAsync(rate, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("'maybe'");
    }

    [Fact]
    public async Task AFormPostToTheApiCannotBeForgedCrossSite()
    {
        using var upload = new MultipartFormDataContent { { new ByteArrayContent("forged"u8.ToArray()), "files", "forged.txt" } };
        var response = await Client().PostAsync("/api/documents", upload, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var form = await Client().PostAsync("/api/hypotheses", new FormUrlEncodedContent([new("text", "forged")]), Ct);
        form.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        _factory.Services.GetService(typeof(Story.StoryService)).ShouldBeOfType<Story.StoryService>().Decisions.All.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnUploadOverTheLimitIs413()
    {
        using var factory = new WorkbenchFactory(maxUpload: 1024);
        var client = factory.CreateClient();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[4096]), "files", "big.txt" } };
        form.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = form };
        request.Headers.Add("X-Sitrep-Client", "test");
        var response = await client.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task AnUploadThroughTheApiIsAccepted()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent("Prigozhin flew to Minsk."u8.ToArray()), "files", "minsk.txt" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = form };
        request.Headers.Add("X-Sitrep-Client", "test");
        var response = await Client().SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("being analysed");
    }

    [Fact]
    public async Task TheEvidenceComesInPagesWithALinkToTheNext()
    {
        var client = Client();
        var first = await client.GetAsync("/api/evidence?limit=1", Ct);
        var page = JsonDocument.Parse(await first.Content.ReadAsStringAsync(Ct)).RootElement;
        page.GetProperty("items").GetArrayLength().ShouldBe(1);
        page.GetProperty("total").GetInt32().ShouldBe(2);
        var next = page.GetProperty("next").GetString()!;
        next.ShouldBe("/api/evidence?offset=1&limit=1");
        first.Headers.GetValues("Link").Single().ShouldBe("</api/evidence?offset=1&limit=1>; rel=\"next\"");

        var second = await client.GetFromJsonAsync<JsonElement>(next, Ct);
        second.GetProperty("items").GetArrayLength().ShouldBe(1);
        second.GetProperty("items")[0].GetProperty("proposition").GetProperty("id").GetString()
            .ShouldNotBe(page.GetProperty("items")[0].GetProperty("proposition").GetProperty("id").GetString());
        second.TryGetProperty("next", out _).ShouldBeFalse("the last page has no next");
    }

    [Fact]
    public async Task AFilteredPageKeepsItsFilterInTheNextLink()
    {
        var page = await Client().GetFromJsonAsync<JsonElement>("/api/documents?limit=2", Ct);
        page.GetProperty("documents").GetArrayLength().ShouldBe(2);
        page.GetProperty("total").GetInt32().ShouldBe(_factory.Seed.DocumentCount);
        page.GetProperty("next").GetString().ShouldBe("/api/documents?offset=2&limit=2");

        var evidence = await Client().GetFromJsonAsync<JsonElement>("/api/evidence?status=contested&limit=1", Ct);
        evidence.GetProperty("total").GetInt32().ShouldBe(1);
        evidence.TryGetProperty("next", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("/api/evidence?limit=0")]
    [InlineData("/api/evidence?limit=201")]
    [InlineData("/api/actors?offset=-1")]
    [InlineData("/api/timeline?limit=100000")]
    [InlineData("/api/documents?limit=0")]
    public async Task APageOutOfBoundsIsAProblemDetails400(string url)
    {
        var response = await Client().GetAsync(url, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task WithoutALimitAPageHoldsTheDefaultNumber()
    {
        var actors = await Client().GetFromJsonAsync<JsonElement>("/api/actors", Ct);
        actors.GetProperty("limit").GetInt32().ShouldBe(Story.Paging.DefaultLimit);
        actors.GetProperty("offset").GetInt32().ShouldBe(0);
        actors.GetProperty("items").GetArrayLength().ShouldBe(actors.GetProperty("total").GetInt32());
    }
}
