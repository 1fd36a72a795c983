using System.Reflection;

namespace Sitrep.Ingest.Fetch;

/// <summary>Limits and manners of <see cref="WebFetcher"/>: how long, how often, how far and how much it fetches.</summary>
public sealed record FetchOptions
{
    /// <summary>
    /// What the user agent says Sitrep is. The project has no public address yet; a deployment that has one sets
    /// <see cref="UserAgent"/> to name it, as crawler etiquette asks.
    /// </summary>
    public const string Description = "open-source analyst workbench; robots token sitrep";

    /// <summary>The product token robots.txt groups are matched against (case-insensitive).</summary>
    public const string RobotsToken = "sitrep";

    /// <summary>Longest wait for one attempt: connecting, the headers and the whole body.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Longest wait for one address, all attempts, back-off and redirects included.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after a failed attempt (network error, timeout, HTTP 408, 429 or 5xx); 0 tries once.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>The first back-off; each later one doubles (with jitter).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Redirects followed before giving up (a loop is given up as soon as it repeats an address).</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Most bytes of one answer (after content decoding); a larger answer is stopped and refused.</summary>
    public long MaxBytes { get; init; } = IngestOptions.DefaultMaxBytes;

    /// <summary>Most bytes of a robots.txt that are parsed (RFC 9309 asks for at least 500 KiB).</summary>
    public int MaxRobotsBytes { get; init; } = 512 * 1024;

    /// <summary>When true (the default), an address that robots.txt disallows for <see cref="RobotsToken"/> is not fetched.</summary>
    public bool HonourRobots { get; init; } = true;

    /// <summary>The User-Agent header sent with every request.</summary>
    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary><c>Sitrep/&lt;version&gt; (what it is)</c>.</summary>
    public static string DefaultUserAgent { get; } =
        $"Sitrep/{typeof(FetchOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0"} ({Description})";

    /// <summary>Default options.</summary>
    public static FetchOptions Default { get; } = new();
}
