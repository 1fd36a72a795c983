using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Sitrep.Web.Story;

namespace Sitrep.Web.Web;

/// <summary>
/// The read views' answers, pages and JSON, kept in ASP.NET Core's output cache under the story's stamp
/// (<see cref="StoryService.Stamp"/>: the picture's version and where decisions and uploads stand in the store, read on
/// every request), so a view is drawn once per change of the story rather than once per request, and never shown stale:
/// a new analysis, decision or upload, from this server or another process on the same store, changes the key.
/// </summary>
/// <remarks>
/// <para>
/// A page carries who is signed in (the header, in team mode) and an anti-forgery token bound to the browser's
/// anti-forgery cookie and account, so an answer is kept per account, role and anti-forgery cookie: a browser is only
/// ever given back its own page, and the tokens in it stay valid. An answer that sets a cookie (a new anti-forgery
/// cookie, a renewed session) is not kept (clearing one is no obstacle), nor is any answer but a 200, nor one to a
/// request carrying another cookie (a message left for the next page, say), which is drawn fresh every time.
/// </para>
/// <para>
/// Before the key is read, a brief left behind by reports added since it was built is asked for, and waited for at
/// most <see cref="WorkbenchOptions.BriefWait"/> (<see cref="StoryService.FreshAsync"/>): the view is then drawn from the
/// current brief, or from the last one marked as being updated (whose stamp differs from the current one's, so it is
/// never given out once the new brief is in force). A page's live redraw (<see cref="LiveHeader"/>) does not ask: it
/// follows a build, and asking from it would build the brief once per report while pages are open.
/// </para>
/// <para>
/// The cache sits after the doors (<see cref="TokenGate"/>, sign-in, <see cref="Accounts.TeamGate"/>), so every request
/// is still let in or refused as before; only drawing the view is saved. Answers carry an ETag over the same key
/// (unless the endpoint sets its own), and a request whose <c>If-None-Match</c> names it gets 304 from the cache.
/// </para>
/// </remarks>
public sealed class StoryViewCache : IOutputCachePolicy
{
    /// <summary>The policy's name, for <c>CacheOutput(…)</c> on endpoints and <c>[OutputCache(PolicyName = …)]</c> on pages.</summary>
    public const string PolicyName = "story";

    /// <summary>How long an answer is kept at most; a change of the story makes it unreachable at once.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    // The picture's version counts from 1 again when the server restarts; this keeps an ETag from before a restart
    // from matching an answer drawn after it.
    private static readonly string Instance = Guid.NewGuid().ToString("N")[..12];

    // The cookies a read view may depend on; a request with any other is not served from the cache.
    private static readonly string[] KnownCookies = [Accounts.TeamSessions.CookieName, TokenGate.CookieName, AntiforgeryCookie];

    /// <summary>The anti-forgery cookie's name (set in <see cref="WorkbenchHost.ConfigureServices"/>).</summary>
    internal const string AntiforgeryCookie = "sitrep_csrf";

    /// <summary>The header live.js sends with a page's redraw after a notice.</summary>
    public const string LiveHeader = "X-Sitrep-Live";

    /// <inheritdoc />
    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return;
        }

        var story = http.RequestServices.GetRequiredService<StoryService>();
        var wait = request.Headers.ContainsKey(LiveHeader) ? TimeSpan.Zero : http.RequestServices.GetRequiredService<WorkbenchOptions>().BriefWait;
        var picture = wait > TimeSpan.Zero ? await story.FreshAsync(wait, cancellation).ConfigureAwait(false) : story.Current;

        // The view says "updating" by this picture, the one its key is read from: the data drawn after may only be newer.
        http.Items[StoryService.PictureItem] = picture;

        if (!HttpMethods.IsGet(request.Method) || request.Cookies.Keys.Any(name => !KnownCookies.Any(known => name.StartsWith(known, StringComparison.Ordinal))))
        {
            return;
        }

        var stamp = new StoryStamp(picture.Version, story.Store.Stamp()).ToString();
        var signedIn = http.User.Identity?.IsAuthenticated == true;
        var who = signedIn ? http.User.Identity!.Name ?? string.Empty : string.Empty;
        var role = signedIn ? http.User.FindFirst(ClaimTypes.Role)?.Value ?? "none" : string.Empty;
        var csrf = request.Cookies[AntiforgeryCookie] ?? string.Empty;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["story"] = stamp + "." + Instance;
        // Separate values: the cache refuses a key whose values hold its own delimiters (control characters, which
        // account names cannot hold either).
        context.CacheVaryByRules.VaryByValues["who"] = who;
        context.CacheVaryByRules.VaryByValues["role"] = role;
        context.CacheVaryByRules.VaryByValues["csrf"] = csrf;
        http.Response.Headers.ETag = ETags.Of("view", Instance, stamp, request.Path, request.QueryString.Value ?? string.Empty, who, role, csrf);
    }

    /// <inheritdoc />
    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <inheritdoc />
    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Any(SetsACookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    // A page with a message slot clears the (absent) message cookie on every answer: replaying that clearing is
    // harmless, since a request that carries the cookie is never served from the cache.
    private static bool SetsACookie(string? header) =>
        !SetCookieHeaderValue.TryParse(header, out var cookie) || cookie.Value.Length > 0 || cookie.Expires is not { } expires || expires > DateTimeOffset.UtcNow;
}
