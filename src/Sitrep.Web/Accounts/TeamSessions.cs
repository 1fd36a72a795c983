using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sitrep.Storage;

namespace Sitrep.Web.Accounts;

/// <summary>
/// Team mode's sessions: ASP.NET Core cookie authentication with an HttpOnly, SameSite=Strict cookie (Secure whenever
/// the request came over HTTPS, directly or through a trusted proxy), a sliding idle expiry, and a check on every request
/// that the account still exists with the same password stamp. The role is read from the store on each request, never
/// kept in the cookie, so a role changed or taken away with <c>sitrep user</c> applies at once.
/// </summary>
public static class TeamSessions
{
    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "sitrep_session";

    /// <summary>The claim that carries the account's password stamp.</summary>
    public const string StampClaim = "sitrep:stamp";

    /// <summary>Registers cookie authentication with the workbench's settings.</summary>
    public static void AddTeamSessions(this IServiceCollection services, WorkbenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.IsEssential = true;
            cookie.ExpireTimeSpan = options.SignIn.SessionIdle;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/login";
            cookie.LogoutPath = "/logout";
            cookie.Events.OnValidatePrincipal = Validate;
        });
    }

    /// <summary>The principal a signed-in account carries in its cookie: its name and password stamp.</summary>
    public static ClaimsPrincipal Principal(StoredAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, account.Name), new Claim(StampClaim, account.Stamp)], CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>Opens a session for <paramref name="account"/>.</summary>
    public static Task SignInAsync(HttpContext context, StoredAccount account) =>
        (context ?? throw new ArgumentNullException(nameof(context))).SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(account), new AuthenticationProperties { IsPersistent = false });

    /// <summary>Ends the session.</summary>
    public static Task SignOutAsync(HttpContext context) =>
        (context ?? throw new ArgumentNullException(nameof(context))).SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);

    private static async Task Validate(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<WorkbenchOptions>();
        var store = services.GetRequiredService<Story.StoryService>().Store;
        var name = context.Principal?.Identity?.Name;
        var account = name is null ? null : store.FindAccount(name);
        if (account is null || !string.Equals(account.Stamp, context.Principal!.FindFirst(StampClaim)?.Value, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return;
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, account.Name), new(StampClaim, account.Stamp) };
        if (AccountRoles.On(store.Roles(account.Name), options.StoryName) is { } role)
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }

        context.ReplacePrincipal(new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
    }
}
