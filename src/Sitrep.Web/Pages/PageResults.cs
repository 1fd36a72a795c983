using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sitrep.Web.Decisions;

namespace Sitrep.Web.Pages;

/// <summary>How a page answers an edit: redirect after success (PRG), else the page again with the error and its status.</summary>
public static class PageResults
{
    /// <summary>Redirects with the message, or re-renders with the error and 400/404/412.</summary>
    public static IActionResult After(PageModel page, EditResult result, Action<string> message, Action<string> error, Action reload)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(reload);
        if (result.Status == EditStatus.Done)
        {
            message(result.Message);
            return page.RedirectToPage();
        }

        error(result.Message);
        reload();
        page.Response.StatusCode = result.Status switch
        {
            EditStatus.NotFound => StatusCodes.Status404NotFound,
            EditStatus.Stale => StatusCodes.Status412PreconditionFailed,
            EditStatus.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
            _ => StatusCodes.Status400BadRequest,
        };
        return page.Page();
    }
}
