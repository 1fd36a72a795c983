using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Sitrep.Web.Web;

/// <summary>
/// Lets in only requests that carry the access token, when one is set: as <c>Authorization: Bearer TOKEN</c> (programs)
/// or as the HttpOnly cookie that the login form sets (people). Without a token every request passes, which is safe
/// because the server then binds only to loopback. Health checks, assets and the login form are always open.
/// </summary>
public sealed class TokenGate(RequestDelegate next, WorkbenchOptions options)
{
    /// <summary>The cookie the login form sets.</summary>
    public const string CookieName = "sitrep_token";

    /// <summary>Checks the token, then runs the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!options.HasToken || IsOpen(context.Request.Path) || Carries(context.Request))
        {
            return next(context);
        }

        if (ErrorPages.IsApi(context))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "An access token is required", detail: "Send it as 'Authorization: Bearer TOKEN'.").ExecuteAsync(context);
        }

        context.Response.Redirect("/login?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
        return Task.CompletedTask;
    }

    /// <summary>True when <paramref name="candidate"/> is the token (compared in constant time).</summary>
    public static bool Matches(string? token, string? candidate) =>
        token is { Length: > 0 } && candidate is not null &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token)), SHA256.HashData(Encoding.UTF8.GetBytes(candidate)));

    private static bool IsOpen(PathString path) =>
        path.StartsWithSegments("/login", StringComparison.Ordinal) || path.StartsWithSegments("/assets", StringComparison.Ordinal) ||
        path.StartsWithSegments("/healthz", StringComparison.Ordinal) || path.StartsWithSegments("/readyz", StringComparison.Ordinal);

    private bool Carries(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal) && Matches(options.Token, header["Bearer ".Length..].Trim()))
        {
            return true;
        }

        return request.Cookies.TryGetValue(CookieName, out var cookie) && Matches(options.Token, cookie);
    }
}
