using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Sitrep.Web.Web;

namespace Sitrep.Web.Accounts;

/// <summary>
/// Team mode's door, after cookie authentication: a signed-out request to a page is sent to <c>/login</c>, one to the
/// API, the OpenAPI document or the events stream gets 401; a signed-in account with no role on the story gets 403
/// (except on <c>/logout</c> and <c>/api/session</c>: it may see who it is and sign out); a viewer's unsafe request
/// (POST, PUT, DELETE: every decision and upload) gets 403, as does anyone but an admin on <c>/audit/sign-ins</c>.
/// Outside team mode every request passes (the local workbench, guarded by loopback or <see cref="TokenGate"/>).
/// </summary>
/// <remarks>
/// The rule is by method and path, in one place, rather than by attributes on each page: a page's handlers for reading
/// and deciding share one page model, and a new page or endpoint is guarded without anyone remembering to.
/// </remarks>
public sealed class TeamGate(RequestDelegate next, WorkbenchOptions options)
{
    /// <summary>Checks who is asking, then runs the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!options.Team || IsOpen(context.Request))
        {
            return next(context);
        }

        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            if (ErrorPages.IsApi(context))
            {
                context.Response.Headers.WWWAuthenticate = "Cookie realm=\"sitrep\", sign in with POST /api/session";
                return ErrorPages.WriteAsync(context, StatusCodes.Status401Unauthorized, "Sign-in required", "Sign in with POST /api/session {\"name\", \"password\"}, or at /login.");
            }

            context.Response.Redirect("/login?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
            return Task.CompletedTask;
        }

        // Who one is and signing out are every signed-in account's, a role on the story or not.
        if (IsSession(context.Request))
        {
            return next(context);
        }

        var role = user.FindFirst(ClaimTypes.Role)?.Value;
        var needed = Needed(context.Request);
        if (!AccountRoles.Includes(role, needed))
        {
            var detail = role is null
                ? $"Account '{user.Identity.Name}' has no role on story '{options.StoryName}'."
                : $"Account '{user.Identity.Name}' is {Article(role)} {role} on story '{options.StoryName}'; this needs {Article(needed)} {needed}.";
            return ErrorPages.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", detail);
        }

        return next(context);
    }

    /// <summary>The role a request needs: admin for the sign-in audit, analyst to change anything, else viewer.</summary>
    public static string Needed(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Path.StartsWithSegments("/audit/sign-ins", StringComparison.OrdinalIgnoreCase) || request.Path.StartsWithSegments("/api/sign-ins", StringComparison.OrdinalIgnoreCase))
        {
            return AccountRoles.Admin;
        }

        var safe = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method);
        return safe || IsSession(request) ? AccountRoles.Viewer : AccountRoles.Analyst;
    }

    // Signing out is an unsafe request any signed-in account may make, with a role on the story or without.
    private static bool IsSession(HttpRequest request) =>
        request.Path.StartsWithSegments("/logout", StringComparison.OrdinalIgnoreCase) || request.Path.StartsWithSegments("/api/session", StringComparison.OrdinalIgnoreCase);

    private static bool IsOpen(HttpRequest request) =>
        request.Path.StartsWithSegments("/login", StringComparison.OrdinalIgnoreCase) || request.Path.StartsWithSegments("/assets", StringComparison.Ordinal) ||
        request.Path.StartsWithSegments("/healthz", StringComparison.Ordinal) || request.Path.StartsWithSegments("/readyz", StringComparison.Ordinal) ||
        (HttpMethods.IsPost(request.Method) && request.Path.Equals("/api/session", StringComparison.OrdinalIgnoreCase));

    private static string Article(string role) => role == AccountRoles.Admin || role == AccountRoles.Analyst ? "an" : "a";
}
