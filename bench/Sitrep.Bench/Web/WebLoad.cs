using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Sitrep.Storage;
using Sitrep.Web;
using Sitrep.Web.Accounts;

namespace Sitrep.Bench.Web;

/// <summary>
/// <c>load-web --db FILE [--rate 500] [--seconds 30] [--warmup 5] [--mode single|team|both] [--in-flight 256] [--profile N]</c>:
/// the workbench's read endpoints under an open-loop load. A copy of the stored story is served in this process by
/// <see cref="WorkbenchHost"/> on Kestrel at a free loopback port (the same host <c>sitrep serve</c> builds), single-user
/// and, in team mode, with a viewer account signed in through <c>POST /api/session</c>. The load takes in turn the
/// overview, the evidence list, a document search, the timeline, the actors, the hypotheses and the reader of a
/// document, each as a page and as JSON, and the document list page; it reports the rate achieved, latency from each
/// request's due time (p50, p95, p99) and errors, overall and per endpoint, with the load average of the machine.
/// <c>--profile N</c> first times each endpoint alone, N requests one at a time (wall and CPU per request).
/// </summary>
public static class WebLoad
{
    private const string Viewer = "bench-viewer";
    private const string ViewerPassword = "a viewer who reads the load";

    public static int Run(string[] args)
    {
        var db = CorpusMaker.Arg(args, "--db") ?? throw new ArgumentException("--db FILE (a story stored by sitrep analyze) is required");
        var rate = double.Parse(CorpusMaker.Arg(args, "--rate") ?? "500", CultureInfo.InvariantCulture);
        var seconds = double.Parse(CorpusMaker.Arg(args, "--seconds") ?? "30", CultureInfo.InvariantCulture);
        var warmup = double.Parse(CorpusMaker.Arg(args, "--warmup") ?? "5", CultureInfo.InvariantCulture);
        var inFlight = int.Parse(CorpusMaker.Arg(args, "--in-flight") ?? "256", CultureInfo.InvariantCulture);
        var mode = CorpusMaker.Arg(args, "--mode") ?? "both";
        var profile = int.Parse(CorpusMaker.Arg(args, "--profile") ?? "0", CultureInfo.InvariantCulture);
        if (StoreFactory.IsPostgres(db) || !File.Exists(db))
        {
            Console.Error.WriteLine($"--db must be an existing SQLite file; '{db}' is not.");
            return 2;
        }

        var modes = mode switch
        {
            "single" => new[] { false },
            "team" => [true],
            "both" => [false, true],
            _ => throw new ArgumentException($"--mode '{mode}': single, team or both"),
        };
        foreach (var team in modes)
        {
            RunMode(db, team, rate, seconds, warmup, inFlight, profile).GetAwaiter().GetResult();
        }

        return 0;
    }

    private static async Task RunMode(string db, bool team, double rate, double seconds, double warmup, int inFlight, int profile)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sitrep-load-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var copy = CopyStore(db, folder);
            var options = new WorkbenchOptions { DbPath = copy, WorkingDirectory = folder, Urls = $"http://127.0.0.1:{FreePort()}", Team = team };
            if (team)
            {
                using var store = StoreFactory.Open(copy);
                new AccountService(store).Add(Viewer, ViewerPassword, AccountRoles.Viewer, options.StoryName);
            }

            using var host = WorkbenchHost.CreateHostBuilder(options).Build();
            await host.StartAsync().ConfigureAwait(false);
            try
            {
                using var handler = new SocketsHttpHandler
                {
                    MaxConnectionsPerServer = inFlight,
                    UseCookies = true,
                    CookieContainer = new CookieContainer(),
                    PooledConnectionLifetime = TimeSpan.FromMinutes(10),
                };
                // No client-wide timeout: the first hypotheses request loads the pair model (tens of seconds); the load itself
                // bounds each request (OpenLoop.RequestTimeout).
                using var client = new HttpClient(handler) { BaseAddress = new Uri(options.Urls), Timeout = Timeout.InfiniteTimeSpan };
                var label = team ? "team mode, signed in as a viewer" : "single-user";
                if (team)
                {
                    using var signIn = await client.PostAsJsonAsync("/api/session", new { name = Viewer, password = ViewerPassword }).ConfigureAwait(false);
                    signIn.EnsureSuccessStatusCode();
                }

                var targets = await Targets(client).ConfigureAwait(false);
                Console.WriteLine($"## {label}: {Path.GetFileName(db)}, {targets.Sum(t => t.Urls.Count)} addresses in {targets.Count} endpoints");
                var lengths = await WarmUp(client, targets).ConfigureAwait(false);
                if (profile > 0)
                {
                    await Profile(client, targets, profile).ConfigureAwait(false);
                }

                if (warmup > 0)
                {
                    var warm = await OpenLoop.RunAsync(client, targets, rate, warmup, inFlight, TimeSpan.FromSeconds(15)).ConfigureAwait(false);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up at {rate:0}/s for {warmup:0} s: p99 {OpenLoop.Ms(warm.Percentile(99))} ms, {warm.Errors} errors"));
                }

                var before = LoadAverage();
                var result = await OpenLoop.RunAsync(client, targets, rate, seconds, inFlight, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
                var after = LoadAverage();
                Report(label, targets, result, before, after, lengths);
            }
            finally
            {
                await host.StopAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The endpoints, with the story's own document ids and its most-mentioned actors' names as search words.</summary>
    private static async Task<IReadOnlyList<LoadTarget>> Targets(HttpClient client)
    {
        // Every document's id, page by page, so the readers asked for are spread over the whole story.
        var all = new List<string>();
        for (string? next = "/api/documents?limit=200"; next is not null;)
        {
            using var docs = JsonDocument.Parse(await client.GetStringAsync(next).ConfigureAwait(false));
            all.AddRange(docs.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()!));
            next = docs.RootElement.TryGetProperty("next", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
        }

        var ids = all.Where((_, i) => i % Math.Max(1, all.Count / 40) == 0).Take(40).ToList();
        using var actors = JsonDocument.Parse(await client.GetStringAsync("/api/actors").ConfigureAwait(false));
        var words = actors.RootElement.GetProperty("items").EnumerateArray().Take(10).Select(a => a.GetProperty("name").GetString()!).ToList();
        if (ids.Count == 0 || words.Count == 0)
        {
            throw new InvalidOperationException("The story holds no documents or no actors; analyse one first (sitrep analyze DIR --db FILE).");
        }

        static string Q(string word) => Uri.EscapeDataString(word);
        return
        [
            new("page /", ["/"]),
            new("api /api/overview", ["/api/overview"]),
            new("page /evidence", ["/evidence"]),
            new("api /api/evidence", ["/api/evidence"]),
            new("page /documents?q=", [.. words.Select(w => "/documents?q=" + Q(w))]),
            new("api /api/documents?q=", [.. words.Select(w => "/api/documents?q=" + Q(w))]),
            new("page /timeline", ["/timeline"]),
            new("api /api/timeline", ["/api/timeline"]),
            new("page /actors", ["/actors"]),
            new("api /api/actors", ["/api/actors"]),
            new("page /hypotheses", ["/hypotheses"]),
            new("api /api/hypotheses", ["/api/hypotheses"]),
            new("page /documents/{id}", [.. ids.Select(id => "/documents/" + id)]),
            new("api /api/documents/{id}", [.. ids.Select(id => "/api/documents/" + id)]),
            new("page /documents", ["/documents"]),
        ];
    }

    /// <summary>
    /// Each address once, in turn (first use: compiled views, the pair model for the hypotheses), timed; returns each
    /// address's body length, which every answer under load must have too.
    /// </summary>
    private static async Task<Dictionary<string, long>> WarmUp(HttpClient client, IReadOnlyList<LoadTarget> targets)
    {
        var lengths = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            var clock = Stopwatch.StartNew();
            var slowest = 0.0;
            foreach (var url in target.Urls)
            {
                var one = Stopwatch.StartNew();
                using var response = await client.GetAsync(url).ConfigureAwait(false);
                lengths[url] = (await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false)).LongLength;
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}");
                }

                slowest = Math.Max(slowest, one.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  first use {target.Name}: {target.Urls.Count} addresses in {clock.Elapsed.TotalMilliseconds:0} ms, slowest {slowest:0} ms"));
        }

        return lengths;
    }

    /// <summary>
    /// Each endpoint alone, one request at a time, <paramref name="count"/> times: wall and process CPU per request, so
    /// the costly ones stand out even on a loaded machine (CPU time does not count the time waiting for a core).
    /// </summary>
    private static async Task Profile(HttpClient client, IReadOnlyList<LoadTarget> targets, int count)
    {
        Console.WriteLine("| endpoint (one at a time) | wall ms/request | CPU ms/request | bytes |");
        Console.WriteLine("|---|---|---|---|");
        var process = Process.GetCurrentProcess();
        foreach (var target in targets)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            long bytes = 0;
            for (var i = 0; i < count; i++)
            {
                var sample = await OpenLoop.SendAsync(client, 0, target.Urls[i % target.Urls.Count], Stopwatch.GetTimestamp(), CancellationToken.None).ConfigureAwait(false);
                bytes += sample.Bytes;
            }

            process.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {target.Name} | {clock.Elapsed.TotalMilliseconds / count:0.00} | {(process.TotalProcessorTime - cpu).TotalMilliseconds / count:0.00} | {bytes / count:N0} |"));
        }
    }

    private static void Report(string label, IReadOnlyList<LoadTarget> targets, LoadResult result, string before, string after, Dictionary<string, long> lengths)
    {
        var inv = CultureInfo.InvariantCulture;
        var differing = result.Samples.Count(s => s.Status == 200 && lengths.TryGetValue(s.Url, out var length) && length != s.Bytes);
        Console.WriteLine(string.Create(inv, $"{label}: asked {result.Rate:0}/s for {result.Planned} requests; achieved {result.Achieved:0.0}/s over {result.Seconds:0.0} s; p50 {OpenLoop.Ms(result.Percentile(50))} ms, p95 {OpenLoop.Ms(result.Percentile(95))} ms, p99 {OpenLoop.Ms(result.Percentile(99))} ms, max {OpenLoop.Ms(result.Percentile(100))} ms (from due time; p99 from send {OpenLoop.Ms(result.SendPercentile(99))} ms); errors {result.Errors} ({result.Skipped} not sent: in-flight bound); {differing} answers of another length than the same address alone"));
        Console.WriteLine(string.Create(inv, $"process CPU {result.CpuSeconds:0.0} s ({result.CpuSeconds / result.Seconds:0.00} cores), GC gen0 {result.Gen0}, gen2 {result.Gen2}; load average before {before}, after {after}"));
        Console.WriteLine("| endpoint | requests | p50 ms | p95 ms | p99 ms | errors | bytes |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        for (var i = 0; i < targets.Count; i++)
        {
            var mine = result.Samples.Where(s => s.Target == i).ToList();
            var errors = mine.Count(s => s.Status is not (>= 200 and < 300 or 304));
            var bytes = mine.Count == 0 ? 0 : (long)mine.Average(s => s.Bytes);
            Console.WriteLine(string.Create(inv, $"| {targets[i].Name} | {mine.Count} | {OpenLoop.Ms(result.Percentile(50, i))} | {OpenLoop.Ms(result.Percentile(95, i))} | {OpenLoop.Ms(result.Percentile(99, i))} | {errors} | {bytes:N0} |"));
        }
    }

    /// <summary>Copies the SQLite file (and its write-ahead log, when one is left) under its own name, so the story keeps its name.</summary>
    private static string CopyStore(string db, string folder)
    {
        var copy = Path.Combine(folder, Path.GetFileName(db));
        File.Copy(db, copy);
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            if (File.Exists(db + suffix))
            {
                File.Copy(db + suffix, copy + suffix);
            }
        }

        using var store = StoreFactory.Open(copy);
        if (store.Accounts().Count > 0)
        {
            throw new InvalidOperationException($"{db} holds accounts; give a store without any (the bench adds its own viewer for team mode).");
        }

        return copy;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
