using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Sitrep.Web.Story;

/// <summary>One page of a list that grows with the story.</summary>
/// <typeparam name="T">The items.</typeparam>
/// <param name="Items">The items of this page, at most <paramref name="Limit"/>.</param>
/// <param name="Total">How many items the whole list holds (after the filter).</param>
/// <param name="Offset">Where this page starts in the whole list (0 first).</param>
/// <param name="Limit">The most items one page holds, as asked (bounded by <see cref="Paging.MaxLimit"/>).</param>
/// <param name="Next">The address of the next page, or null on the last one.</param>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total, int Offset, int Limit, string? Next);

/// <summary>
/// Offset paging for the read endpoints whose answers grow with the story: <c>?offset=N&amp;limit=M</c>, a default and
/// a largest limit, and the next page's address in the answer and in a <c>Link: &lt;…&gt;; rel="next"</c> header.
/// </summary>
/// <remarks>
/// An offset, not a cursor: the lists are those of one stored picture, and a view is keyed by the picture's version
/// (<see cref="Web.StoryViewCache"/>), so the same offset gives the same items until the story changes; after a change
/// a reader starting again from the first page sees the new order.
/// </remarks>
public static class Paging
{
    /// <summary>Items on a page when no limit is asked for.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The most items one page may hold.</summary>
    public const int MaxLimit = 200;

    /// <summary>The offset and limit asked for, or the reason they cannot be served.</summary>
    /// <param name="offset">The <c>offset</c> parameter (default 0).</param>
    /// <param name="limit">The <c>limit</c> parameter (default <see cref="DefaultLimit"/>, at most <see cref="MaxLimit"/>).</param>
    /// <returns>The window, or an error naming the bad value and what is allowed.</returns>
    public static (int Offset, int Limit, string? Error) Window(int? offset, int? limit)
    {
        if (offset is < 0)
        {
            return (0, 0, string.Create(CultureInfo.InvariantCulture, $"offset {offset} is negative; use 0 or more."));
        }

        if (limit is < 1 or > MaxLimit)
        {
            return (0, 0, string.Create(CultureInfo.InvariantCulture, $"limit {limit} is out of range; use 1 to {MaxLimit} (default {DefaultLimit})."));
        }

        return (offset ?? 0, limit ?? DefaultLimit, null);
    }

    /// <summary>A page holding <paramref name="items"/>, with the next page's address built from <paramref name="request"/> when there is one.</summary>
    public static PageOf<T> Of<T>(IReadOnlyList<T> items, int total, int offset, int limit, HttpRequest? request)
    {
        ArgumentNullException.ThrowIfNull(items);
        var next = offset + limit < total && request is not null ? NextUrl(request, offset + limit, limit) : null;
        return new PageOf<T>(items, total, offset, limit, next);
    }

    /// <summary>The same address with another <c>offset</c> (and the same <c>limit</c>), the other parameters kept.</summary>
    public static string NextUrl(HttpRequest request, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new List<KeyValuePair<string, string?>>();
        foreach (var (key, values) in request.Query)
        {
            if (!string.Equals(key, "offset", StringComparison.OrdinalIgnoreCase) && !string.Equals(key, "limit", StringComparison.OrdinalIgnoreCase))
            {
                query.AddRange(values.Select(v => new KeyValuePair<string, string?>(key, v)));
            }
        }

        query.Add(new("offset", offset.ToString(CultureInfo.InvariantCulture)));
        query.Add(new("limit", limit.ToString(CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }

    /// <summary>Sets the <c>Link</c> header to the next page, when there is one.</summary>
    public static void LinkNext<T>(HttpResponse response, PageOf<T> page)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(page);
        if (page.Next is { } next)
        {
            response.Headers.Link = "<" + next + ">; rel=\"next\"";
        }
    }
}
