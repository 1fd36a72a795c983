using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sitrep.Web.Web;

namespace Sitrep.Web.Pages;

/// <summary>Asks for the access token and keeps it in an HttpOnly, SameSite=Strict cookie.</summary>
public sealed class LoginModel(WorkbenchOptions options) : PageModel
{
    /// <summary>Where to go after logging in (a local path only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the login failed.</summary>
    public string? Error { get; private set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the token.</summary>
    public IActionResult OnPost(string? token)
    {
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
        return LocalRedirect(ReturnUrl is { Length: > 1 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/");
    }
}
