using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Sitrep.Web.Live;

namespace Sitrep.Web.Endpoints;

/// <summary><c>GET /events</c>: the story's changes as server-sent events, resumed from <c>Last-Event-ID</c>.</summary>
public static class LiveEndpoints
{
    /// <summary>Maps the events stream.</summary>
    public static IEndpointRouteBuilder MapLiveEvents(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/events", (HttpContext context, LiveHub hub, IHostApplicationLifetime lifetime) =>
        {
            long? last = long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

            // The stream ends when the page goes or the server stops, so a shutdown never waits on open pages.
            var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            context.Response.RegisterForDispose(stop);
            return TypedResults.ServerSentEvents(Stream(hub, last, stop.Token));
        }).ExcludeFromDescription();
        return endpoints;
    }

    private static async IAsyncEnumerable<SseItem<LiveNotice>> Stream(LiveHub hub, long? last, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = hub.Subscribe(last);
        IAsyncEnumerator<LiveNotice>? notices = null;
        try
        {
            notices = subscription.ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                bool more;
                try
                {
                    more = await notices.MoveNextAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }

                if (!more)
                {
                    yield break;
                }

                yield return new SseItem<LiveNotice>(notices.Current, "notice") { EventId = notices.Current.Id.ToString(CultureInfo.InvariantCulture) };
            }
        }
        finally
        {
            if (notices is not null)
            {
                await notices.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
