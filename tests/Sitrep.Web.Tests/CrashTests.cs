using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Web.Tests;

/// <summary>The real <c>sitrep serve</c> as a process, killed with SIGKILL while it works.</summary>
public sealed class CrashTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "sitrep.dll");

    [Fact]
    public async Task AKillDuringUploadsLosesNothingAcknowledgedAndDuplicatesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = Path.Combine(Path.GetTempPath(), "sitrep-web-crash", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var db = Path.Combine(dir, "story.db");
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var acknowledged = new List<string>();
        using (var server = Start(dir, db, url))
        {
            using var client = await Ready(url, server, ct);
            for (var i = 0; i < 3; i++)
            {
                var text = $"Report {i}: Wagner fighters were seen near Voronezh at {i} o'clock, a witness said.";
                using var form = new MultipartFormDataContent { { new StringContent(text), "files", $"report-{i}.txt" } };
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = form };
                request.Headers.Add("X-Sitrep-Client", "crash-test");
                var response = await client.SendAsync(request, ct);
                response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
                acknowledged.Add(text);
            }

            // A fourth upload is cut off mid-body: it was never acknowledged, so it may be lost, but it must leave nothing behind.
            using var slow = new TcpClient();
            await slow.ConnectAsync(IPAddress.Loopback, port, ct);
            var stream = slow.GetStream();
            await stream.WriteAsync("POST /api/documents HTTP/1.1\r\nHost: x\r\nX-Sitrep-Client: t\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"cut.txt\"\r\n\r\nhalf a report"u8.ToArray(), ct);
            await Task.Delay(200, ct);
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(ct);
        }

        using (var server = Start(dir, db, url))
        {
            using var client = await Ready(url, server, ct);
            var until = DateTime.UtcNow.AddMinutes(3);
            while (true)
            {
                using var store = SqliteDocumentStore.Open(db, StoreCheck.None);
                if (store.PendingUploads().Count == 0 && store.Uploads().Count == acknowledged.Count)
                {
                    break;
                }

                DateTime.UtcNow.ShouldBeLessThan(until, "the uploads were not analysed after the restart");
                await Task.Delay(250, ct);
            }

            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(ct);
        }

        using (var store = SqliteDocumentStore.Open(db, StoreCheck.None))
        {
            store.Uploads().Count.ShouldBe(acknowledged.Count);
            foreach (var text in acknowledged)
            {
                store.Search($"\"{text[..8]}\"", 10).Count.ShouldBe(1, text);
            }

            store.CountDocuments().ShouldBe(acknowledged.Count);
        }

        Directory.EnumerateFiles(db + ".uploads", ".part-*").ShouldBeEmpty();
        Directory.EnumerateFiles(db + ".uploads").Count().ShouldBe(acknowledged.Count);
    }

    private static Process Start(string dir, string db, string url)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Dll, "serve", "--db", db, "--urls", url })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<HttpClient> Ready(string url, Process server, CancellationToken ct)
    {
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            server.HasExited.ShouldBeFalse("sitrep serve exited");
            try
            {
                if ((await client.GetAsync("/readyz", ct)).IsSuccessStatusCode)
                {
                    return client;
                }
            }
            catch (HttpRequestException)
            {
            }

            DateTime.UtcNow.ShouldBeLessThan(until, "sitrep serve did not start");
            await Task.Delay(200, ct);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
