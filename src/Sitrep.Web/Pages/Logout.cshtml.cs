using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sitrep.Web.Accounts;

namespace Sitrep.Web.Pages;

/// <summary>Ends the team-mode session (a POST with the anti-forgery token, so another site cannot sign anyone out).</summary>
public sealed class LogoutModel(WorkbenchOptions options) : PageModel
{
    /// <summary>Shows a button that signs out.</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs out and goes to the sign-in form.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (options.Team)
        {
            await TeamSessions.SignOutAsync(HttpContext).ConfigureAwait(false);
        }

        return LocalRedirect(options.Team ? "/login" : "/");
    }
}
