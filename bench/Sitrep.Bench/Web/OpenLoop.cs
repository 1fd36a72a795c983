using System.Diagnostics;
using System.Globalization;

namespace Sitrep.Bench.Web;

/// <summary>One kind of request the load mixes in: a name for the report and the addresses it cycles through.</summary>
/// <param name="Name">How the report names it (<c>page /evidence</c>, <c>api /api/documents/{id}</c>).</param>
/// <param name="Urls">Addresses, taken in turn.</param>
public sealed record LoadTarget(string Name, IReadOnlyList<string> Urls);

/// <summary>What one request took.</summary>
/// <param name="Target">Index of its <see cref="LoadTarget"/>.</param>
/// <param name="FromDue">Milliseconds from the moment it was due to the last byte of the answer (queueing included).</param>
/// <param name="FromSend">Milliseconds from the moment it was sent to the last byte.</param>
/// <param name="Status">HTTP status, or 0 when no answer came.</param>
/// <param name="Bytes">Body length.</param>
/// <param name="Url">The address asked for.</param>
public readonly record struct LoadSample(int Target, double FromDue, double FromSend, int Status, long Bytes, string Url);

/// <summary>The outcome of one run at a fixed arrival rate.</summary>
/// <param name="Rate">Arrivals asked for, per second.</param>
/// <param name="Planned">Requests the schedule held.</param>
/// <param name="Seconds">Wall time from the first due request to the last answer.</param>
/// <param name="Samples">Every request sent, in the order due.</param>
/// <param name="Skipped">Requests not sent because the bound on requests in flight was reached (counted as errors).</param>
/// <param name="CpuSeconds">Process CPU time over the run (server and load generator together when in one process).</param>
/// <param name="Gen0">Gen 0 collections over the run.</param>
/// <param name="Gen2">Gen 2 collections over the run.</param>
public sealed record LoadResult(double Rate, int Planned, double Seconds, IReadOnlyList<LoadSample> Samples, int Skipped, double CpuSeconds, int Gen0, int Gen2)
{
    /// <summary>Requests answered with a 2xx or 304.</summary>
    public int Ok => Samples.Count(s => s.Status is >= 200 and < 300 or 304);

    /// <summary>Requests that failed (no answer, timeout, a status outside 2xx/304) or were never sent.</summary>
    public int Errors => Samples.Count - Ok + Skipped;

    /// <summary>Answers per second over the run.</summary>
    public double Achieved => Samples.Count / Math.Max(Seconds, 1e-9);

    /// <summary>The <paramref name="p"/>-th percentile (0–100) of latency from the due time, in ms.</summary>
    public double Percentile(double p, int? target = null) => Percentile(Samples.Where(s => target is null || s.Target == target).Select(s => s.FromDue), p);

    /// <summary>The <paramref name="p"/>-th percentile of latency from the send time, in ms.</summary>
    public double SendPercentile(double p, int? target = null) => Percentile(Samples.Where(s => target is null || s.Target == target).Select(s => s.FromSend), p);

    /// <summary>Nearest-rank percentile; NaN for no values.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>
/// An open-loop load: requests are due at a fixed rate whatever the server does (a slow answer does not slow the
/// arrivals, so queueing shows up in the latency, which is measured from the due time), at most a bounded number in
/// flight (beyond it a due request is skipped and counted as an error), a bounded count and a bounded time.
/// </summary>
public static class OpenLoop
{
    /// <summary>
    /// Sends <paramref name="rate"/> × <paramref name="seconds"/> requests, the targets taken in turn, and waits at most
    /// <paramref name="drain"/> after the last one is due for those still in flight (then cancels them: errors).
    /// </summary>
    public static async Task<LoadResult> RunAsync(HttpClient client, IReadOnlyList<LoadTarget> targets, double rate, double seconds, int maxInFlight, TimeSpan drain)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(targets);
        var planned = (int)Math.Round(rate * seconds);
        var samples = new LoadSample?[planned];
        var turns = new int[targets.Count];
        var inFlight = 0;
        var skipped = 0;
        var running = new List<Task>(planned);
        using var stop = new CancellationTokenSource();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var start = Stopwatch.GetTimestamp();
        var ticksPerRequest = Stopwatch.Frequency / rate;
        var next = 0;
        while (next < planned)
        {
            var now = Stopwatch.GetTimestamp();
            while (next < planned && start + (long)(next * ticksPerRequest) <= now)
            {
                var due = start + (long)(next * ticksPerRequest);
                var target = next % targets.Count;
                var urls = targets[target].Urls;
                var url = urls[turns[target]++ % urls.Count];
                if (Volatile.Read(ref inFlight) >= maxInFlight)
                {
                    skipped++;
                }
                else
                {
                    Interlocked.Increment(ref inFlight);
                    var slot = next;
                    running.Add(Task.Run(async () =>
                    {
                        try
                        {
                            samples[slot] = await SendAsync(client, target, url, due, stop.Token).ConfigureAwait(false);
                        }
                        finally
                        {
                            Interlocked.Decrement(ref inFlight);
                        }
                    }));
                }

                next++;
            }

            if (next < planned)
            {
                // Linux timers wake within about a millisecond; every request already due is sent on waking, so a late
                // wake-up delays sends by at most that and never drops arrivals.
                await Task.Delay(1).ConfigureAwait(false);
            }
        }

        var all = Task.WhenAll(running);
        if (await Task.WhenAny(all, Task.Delay(drain)).ConfigureAwait(false) != all)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await all.ConfigureAwait(false);
        }

        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        process.Refresh();
        return new LoadResult(
            rate,
            planned,
            elapsed,
            [.. samples.OfType<LoadSample>()],
            skipped,
            (process.TotalProcessorTime - cpu).TotalSeconds,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(2) - gen2);
    }

    /// <summary>Longest wait for one answer under load; a request still unanswered then is an error.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>One request, timed from its due time and from its send time to the last byte of the body.</summary>
    public static async Task<LoadSample> SendAsync(HttpClient client, int target, string url, long due, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(RequestTimeout);
        var cancellationToken = timeout.Token;
        var sent = Stopwatch.GetTimestamp();
        var status = 0;
        long bytes = 0;
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[16 * 1024];
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    bytes += read;
                }
            }

            status = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            status = 0;
        }
        catch (OperationCanceledException)
        {
            status = 0;
        }
        catch (IOException)
        {
            status = 0;
        }

        var end = Stopwatch.GetTimestamp();
        return new LoadSample(target, Millis(end - due), Millis(end - sent), status, bytes, url);
    }

    /// <summary>Formats a millisecond figure for the report.</summary>
    public static string Ms(double ms) => double.IsNaN(ms) ? "–" : ms.ToString(ms < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private static double Millis(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
