using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sitrep.Web.Accounts;
using Sitrep.Web.Web;

namespace Sitrep.Web.Pages;

/// <summary>
/// The door: in team mode, a name and password that open a cookie session (rate-limited, with a lockout); otherwise
/// the access token, kept in an HttpOnly, SameSite=Strict cookie.
/// </summary>
public sealed class LoginModel(WorkbenchOptions options, SignInService signIn) : PageModel
{
    /// <summary>Where to go after signing in (a local path only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The name last given, shown again after a failure.</summary>
    public string? Name { get; private set; }

    /// <summary>Why the sign-in failed.</summary>
    public string? Error { get; private set; }

    /// <summary>True in team mode (name and password rather than a token).</summary>
    public bool Team => options.Team;

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the name and password (team mode) or the token.</summary>
    public async Task<IActionResult> OnPostAsync(string? token, string? name, string? password)
    {
        if (options.Team)
        {
            Name = name;
            var outcome = signIn.SignIn(name ?? string.Empty, password ?? string.Empty, SignInLimiter.Address(HttpContext));
            if (outcome.RetryAfter is { } wait)
            {
                var seconds = SignInLimiter.Seconds(wait);
                Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Error = $"This name is locked after too many failed sign-ins; try again in {seconds} s.";
                return Page();
            }

            if (outcome.Account is not { } account)
            {
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                Error = "Wrong name or password.";
                return Page();
            }

            await TeamSessions.SignInAsync(HttpContext, account).ConfigureAwait(false);
            return LocalRedirect(Local(ReturnUrl));
        }

        if (!options.HasToken)
        {
            return LocalRedirect("/");
        }

        if (!TokenGate.Matches(options.Token, token))
        {
            Error = "That is not the access token.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        Response.Cookies.Append(TokenGate.CookieName, token!, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = Request.IsHttps, IsEssential = true });
        return LocalRedirect(Local(ReturnUrl));
    }

    private static string Local(string? url) => url is { Length: > 1 } u && u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal) && !u.StartsWith("/\\", StringComparison.Ordinal) ? u : "/";
}
