using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sitrep.Tests.Ingest.Fetch;

/// <summary>
/// A Kestrel server on the loopback interface serving the fetch fixtures: a page, slow answers, redirect loops and
/// chains, 500s, a 2 GB stream generated on the fly, a wrong charset header, a picture, and a robots.txt that keeps
/// Sitrep out of <c>/private/</c>. No test reaches the internet.
/// </summary>
public sealed class LoopbackSite : IAsyncLifetime
{
    public const string PageText = "Wagner columns reached the outskirts of Voronezh on Saturday morning, the regional governor said.";
    public const string RussianText = "Пригожин заявил, что с ним 25 тысяч бойцов. Вчера колонна прошла Воронеж.";
    public const long HugeBytes = 2L * 1024 * 1024 * 1024;

    private WebApplication? _app;
    private int _flaky;
    private int _failing;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Requests the failing endpoint has had.</summary>
    public int FailingHits => Volatile.Read(ref _failing);

    /// <summary>User agents seen, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> UserAgents { get; } = new();

    public string Url(string path) => BaseUrl + path;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            UserAgents.Enqueue(context.Request.Headers.UserAgent.ToString());
            await next(context);
        });
        app.MapGet("/robots.txt", () => Results.Text("User-agent: sitrep\nDisallow: /private/\nAllow: /private/open\n\nUser-agent: *\nDisallow: /\n", "text/plain"));
        app.MapGet("/page", () => Results.Text($"<html><head><title>Convoy nears Voronezh</title></head><body><article><h1>Convoy nears Voronezh</h1><p>{PageText}</p><p>Residents were told to stay indoors while the column passed along the M4 motorway.</p></article></body></html>", "text/html", Encoding.UTF8));
        app.MapGet("/private/secret", () => Results.Text("never fetched", "text/plain"));
        app.MapGet("/private/open", () => Results.Text("This page is open to Sitrep even inside the private folder of the site.", "text/plain"));
        app.MapGet("/slow", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            return Results.Text("too late");
        });
        app.MapGet("/loop/a", () => Results.Redirect("/loop/b"));
        app.MapGet("/loop/b", () => Results.Redirect("/loop/a"));
        app.MapGet("/chain/{n:int}", (int n) => n >= 10 ? Results.Text(PageText, "text/plain") : Results.Redirect($"/chain/{n + 1}"));
        app.MapGet("/always500", () =>
        {
            Interlocked.Increment(ref _failing);
            return Results.StatusCode(500);
        });
        app.MapGet("/flaky", () => Interlocked.Increment(ref _flaky) == 1 ? Results.StatusCode(503) : Results.Text(PageText, "text/plain"));
        app.MapGet("/missing", () => Results.NotFound());
        app.MapGet("/picture", () => Results.Bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png"));
        app.MapGet("/huge", (HttpContext context) => Stream(context, declareLength: false));
        app.MapGet("/huge-declared", (HttpContext context) => Stream(context, declareLength: true));
        app.MapGet("/wrong-charset", (HttpContext context) =>
        {
            // The header says Latin-1; the bytes are UTF-8 Cyrillic, as misconfigured servers send.
            context.Response.ContentType = "text/plain; charset=iso-8859-1";
            return context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(RussianText)).AsTask();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.TrimEnd('/');
        _app = app;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    // 2 GB of text generated chunk by chunk: never held in memory, and stopped as soon as the client hangs up.
    private static async Task Stream(HttpContext context, bool declareLength)
    {
        context.Response.ContentType = "text/plain";
        if (declareLength)
        {
            context.Response.ContentLength = HugeBytes;
        }

        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("All quiet on the M4 today. ", 2400)));
        try
        {
            for (long sent = 0; sent < HugeBytes; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, HugeBytes - sent)), context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }
    }
}
