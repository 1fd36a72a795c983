using Sitrep.Errors;
using Sitrep.Ingest.Fetch;
using Sitrep.Storage;

namespace Sitrep.Engine;

/// <summary>What fetching the web addresses of a run gave.</summary>
/// <param name="Snapshots">The pages fetched, in the order given.</param>
/// <param name="Errors">One entry per address that could not be fetched.</param>
public sealed record WebFetchResult(IReadOnlyList<WebSnapshot> Snapshots, IReadOnlyList<SitrepError> Errors);

/// <summary>Fetches the web addresses among a run's inputs and keeps each raw snapshot in the store.</summary>
public static class WebInputs
{
    /// <summary>Splits inputs into web addresses and paths.</summary>
    public static (IReadOnlyList<string> Urls, IReadOnlyList<string> Paths) Split(IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var urls = new List<string>();
        var paths = new List<string>();
        foreach (var input in inputs)
        {
            (WebFetcher.LooksLikeUrl(input) ? urls : paths).Add(input);
        }

        return (urls, paths);
    }

    /// <summary>
    /// Fetches <paramref name="urls"/> (a few at a time) and saves each snapshot to <paramref name="store"/> when one is
    /// given. A failed address is one error entry; the others go on.
    /// </summary>
    public static async Task<WebFetchResult> FetchAsync(IReadOnlyList<string> urls, FetchOptions options, ISourceStore? store, int parallel, CancellationToken cancellationToken = default, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(options);
        if (urls.Count == 0)
        {
            return new WebFetchResult([], []);
        }

        using var fetcher = new WebFetcher(options, handler);
        var outcomes = await fetcher.FetchAllAsync(urls, parallel, cancellationToken).ConfigureAwait(false);
        var snapshots = new List<WebSnapshot>();
        var errors = new List<SitrepError>();
        foreach (var outcome in outcomes)
        {
            if (outcome.Snapshot is { } snapshot)
            {
                store?.SaveSnapshot(new StoredSnapshot(snapshot.RequestedUrl, snapshot.FinalUrl, snapshot.FetchedAt, snapshot.Status, snapshot.ContentType, snapshot.Charset, snapshot.Bytes));
                snapshots.Add(snapshot);
            }
            else if (outcome.Error is { } error)
            {
                errors.Add(error);
            }
        }

        return new WebFetchResult(snapshots, errors);
    }
}
