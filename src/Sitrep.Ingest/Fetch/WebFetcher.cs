using System.Collections.Concurrent;
using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Sitrep.Errors;

namespace Sitrep.Ingest.Fetch;

/// <summary>What fetching one address gave: a snapshot, or the one error entry that explains why there is none.</summary>
/// <param name="Url">The address as given.</param>
/// <param name="Snapshot">The snapshot, or null.</param>
/// <param name="Error">The error entry, or null.</param>
public sealed record FetchOutcome(string Url, WebSnapshot? Snapshot, SitrepError? Error);

/// <summary>
/// Fetches web pages politely and within limits: robots.txt honoured, a clear user agent, a timeout per attempt and
/// per address, retries with exponential back-off for transient failures (Polly), redirects followed by hand so each
/// hop is checked against robots.txt and loops are caught, and a size cap enforced while the body streams in, so a
/// 2 GB answer costs at most <see cref="FetchOptions.MaxBytes"/> of memory.
/// </summary>
/// <remarks>
/// Never throws for a bad address or a bad server: every failure is one <see cref="SitrepError"/> (SR11xx) naming the
/// address. Only cancellation by the caller's token propagates. Thread-safe; one instance can fetch many addresses in
/// parallel and caches each origin's robots.txt.
/// </remarks>
public sealed class WebFetcher : IDisposable
{
    /// <summary>Versioned component name.</summary>
    public const string Name = "fetch.http.v1";

    private static readonly HttpStatusCode[] Transient = [HttpStatusCode.RequestTimeout, HttpStatusCode.TooManyRequests];
    private readonly FetchOptions _options;
    private readonly HttpClient _client;
    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsTxt>>> _robots = new(StringComparer.Ordinal);

    /// <summary>Creates a fetcher; <paramref name="handler"/> replaces the network stack (tests), and is then owned by the fetcher.</summary>
    public WebFetcher(FetchOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        handler ??= new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.AttemptTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5");
    }

    /// <summary>True when <paramref name="input"/> is meant as a web address rather than a path.</summary>
    public static bool LooksLikeUrl(string input) =>
        input is not null && (input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    /// <summary>Fetches several addresses, at most <paramref name="parallel"/> at a time, in the order given.</summary>
    public async Task<IReadOnlyList<FetchOutcome>> FetchAllAsync(IReadOnlyList<string> urls, int parallel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var results = new FetchOutcome[urls.Count];
        await Parallel.ForAsync(0, urls.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel), CancellationToken = cancellationToken }, async (i, ct) =>
        {
            results[i] = await FetchAsync(urls[i], ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return results;
    }

    /// <summary>Fetches one address.</summary>
    public async Task<FetchOutcome> FetchAsync(string url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return Fail(url, SitrepErrors.UrlInvalid.At(url, url));
        }

        using var total = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        total.CancelAfter(_options.TotalTimeout);
        var visited = new HashSet<string>(StringComparer.Ordinal) { uri.AbsoluteUri };
        var attempts = 0;
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                if (_options.HonourRobots && await RobotsFor(uri, total.Token).ConfigureAwait(false) is var robots && !robots.IsAllowed(uri.PathAndQuery))
                {
                    return Fail(url, robots.UnreachableReason is { } reason
                        ? SitrepErrors.FetchFailed.At(url, 1, $"robots.txt of {uri.GetLeftPart(UriPartial.Authority)} could not be fetched ({reason}), so nothing was fetched")
                        : SitrepErrors.FetchDisallowed.At(url, uri.GetLeftPart(UriPartial.Authority), uri.PathAndQuery, FetchOptions.RobotsToken));
                }

                attempts = 0;
                var current = uri;
                var answer = await Pipeline(() => attempts++).ExecuteAsync(ct => new ValueTask<Answer>(AttemptAsync(current, ct)), total.Token).ConfigureAwait(false);
                if (answer.Error is { } error)
                {
                    return Fail(url, error.At(url, attempts));
                }

                if (answer.Location is { } location)
                {
                    if (!Uri.TryCreate(uri, location, out var next) || (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps))
                    {
                        return Fail(url, SitrepErrors.UrlInvalid.At(url, location));
                    }

                    if (!visited.Add(next.AbsoluteUri))
                    {
                        return Fail(url, SitrepErrors.FetchRedirects.At(url, "Redirect loop", redirects + 1, _options.MaxRedirects, next.AbsoluteUri));
                    }

                    if (redirects + 1 > _options.MaxRedirects)
                    {
                        return Fail(url, SitrepErrors.FetchRedirects.At(url, "Too many redirects", redirects + 1, _options.MaxRedirects, next.AbsoluteUri));
                    }

                    uri = next;
                    continue;
                }

                if (answer.Status is < 200 or >= 300)
                {
                    return Fail(url, SitrepErrors.FetchStatus.At(url, answer.Status, answer.Reason, attempts));
                }

                return new FetchOutcome(url, new WebSnapshot(url, uri.AbsoluteUri, DateTimeOffset.UtcNow, answer.Status, answer.MediaType, answer.Charset, answer.Bytes!, attempts, redirects), null);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(url, SitrepErrors.FetchTimedOut.At(url, _options.TotalTimeout.TotalSeconds, Math.Max(1, attempts)));
        }
        catch (TimeoutRejectedException)
        {
            return Fail(url, SitrepErrors.FetchTimedOut.At(url, _options.AttemptTimeout.TotalSeconds, Math.Max(1, attempts)));
        }
        catch (HttpRequestException ex)
        {
            return Fail(url, SitrepErrors.FetchFailed.At(url, Math.Max(1, attempts), Describe(ex)));
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _client.Dispose();

    private static FetchOutcome Fail(string url, SitrepError error) => new(url, null, error);

    private static string Describe(HttpRequestException ex) =>
        ex.InnerException is { } inner && !string.IsNullOrWhiteSpace(inner.Message) ? $"{ex.Message.TrimEnd('.')} ({inner.Message.TrimEnd('.')})" : ex.Message.TrimEnd('.');

    // Built per address so the attempt counter is the address's own; building is cheap next to a request.
    private ResiliencePipeline<Answer> Pipeline(Action counted)
    {
        var builder = new ResiliencePipelineBuilder<Answer>();
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<Answer>
            {
                MaxRetryAttempts = _options.MaxRetries,
                Delay = _options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<Answer>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(a => a.Retryable),
            });
        }

        return builder
            .AddTimeout(_options.AttemptTimeout)
            .AddStrategy(_ => new CountingStrategy(counted), new CountingOptions())
            .Build();
    }

    private async Task<Answer> AttemptAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var charset = response.Content.Headers.ContentType?.CharSet;
        if (status is >= 300 and < 400 && response.Headers.Location is { } location)
        {
            return new Answer { Status = status, Location = location.OriginalString };
        }

        if (status is < 200 or >= 300)
        {
            return new Answer { Status = status, Reason = response.ReasonPhrase ?? response.StatusCode.ToString(), Retryable = status >= 500 || Transient.Contains(response.StatusCode) };
        }

        if (mediaType is not null && IsNeverADocument(mediaType))
        {
            return Refused(SitrepErrors.FetchContentType, mediaType);
        }

        if (response.Content.Headers.ContentLength is { } declared && declared > _options.MaxBytes)
        {
            return Refused(SitrepErrors.FetchTooLarge, _options.MaxBytes, $"the server declared {declared:N0} bytes");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var bytes = await ReadBoundedAsync(stream, _options.MaxBytes, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                return Refused(SitrepErrors.FetchTooLarge, _options.MaxBytes, "the body went on past it");
            }

            return new Answer { Status = status, MediaType = mediaType, Charset = charset, Bytes = bytes };
        }
    }

    private static Answer Refused(ErrorCode code, params object?[] args) => new() { Error = new DeferredError(code, args) };

    private static bool IsNeverADocument(string mediaType) =>
        mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) || mediaType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)
        || mediaType.StartsWith("video/", StringComparison.OrdinalIgnoreCase) || mediaType.StartsWith("font/", StringComparison.OrdinalIgnoreCase);

    private static async Task<byte[]?> ReadBoundedAsync(Stream stream, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }
    }

    private Task<RobotsTxt> RobotsFor(Uri uri, CancellationToken cancellationToken)
    {
        var origin = uri.GetLeftPart(UriPartial.Authority);
        var lazy = _robots.GetOrAdd(origin, o => new Lazy<Task<RobotsTxt>>(() => LoadRobotsAsync(new Uri(o + "/robots.txt"), cancellationToken)));
        return lazy.Value;
    }

    // RFC 9309: follow up to five redirects; 4xx means no rules; 5xx or no answer means "assume complete disallow".
    private async Task<RobotsTxt> LoadRobotsAsync(Uri robots, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.AttemptTimeout);
        try
        {
            for (var hop = 0; hop <= 5; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, robots);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location && Uri.TryCreate(robots, location, out var next))
                {
                    robots = next;
                    continue;
                }

                if (status is >= 400 and < 500)
                {
                    return RobotsTxt.AllowAll;
                }

                if (status is < 200 or >= 300)
                {
                    return RobotsTxt.DisallowAll;
                }

                var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    var head = new byte[_options.MaxRobotsBytes];
                    var total = 0;
                    int read;
                    while (total < head.Length && (read = await stream.ReadAsync(head.AsMemory(total), timeout.Token).ConfigureAwait(false)) > 0)
                    {
                        total += read;
                    }

                    return RobotsTxt.Parse(System.Text.Encoding.UTF8.GetString(head, 0, total), FetchOptions.RobotsToken);
                }
            }

            return RobotsTxt.AllowAll;
        }
        catch (HttpRequestException ex)
        {
            return RobotsTxt.Unreachable(Describe(ex));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return RobotsTxt.Unreachable(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"no answer within {_options.AttemptTimeout.TotalSeconds:0.#} s"));
        }
    }

    /// <summary>One attempt's answer: a body, a redirect, an error status, or a refusal that is not worth retrying.</summary>
    private sealed record Answer
    {
        public int Status { get; init; }

        public string? Reason { get; init; }

        public string? MediaType { get; init; }

        public string? Charset { get; init; }

        public byte[]? Bytes { get; init; }

        public string? Location { get; init; }

        public bool Retryable { get; init; }

        public DeferredError? Error { get; init; }
    }

    /// <summary>An error whose path is filled in once the address is known to the caller.</summary>
    private sealed record DeferredError(ErrorCode Code, object?[] Args)
    {
        public SitrepError At(string url, int attempts) => Code.At(url, Args);
    }

    private sealed class CountingOptions : ResilienceStrategyOptions;

    /// <summary>Counts attempts: the innermost strategy runs once per try.</summary>
    private sealed class CountingStrategy(Action counted) : ResilienceStrategy
    {
        protected override ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
        {
            counted();
            return callback(context, state);
        }
    }
}
