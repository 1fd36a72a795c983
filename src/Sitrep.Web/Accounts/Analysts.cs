using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Sitrep.Web.Accounts;

/// <summary>Who makes a decision, as the audit log records it.</summary>
public static class Analysts
{
    /// <summary>The header a program may name its analyst with outside team mode.</summary>
    public const string Header = "X-Sitrep-Analyst";

    /// <summary>
    /// In team mode the signed-in account, whatever the request claims; outside it the name the request gives (a
    /// form's <c>who</c>, the JSON <c>who</c>, the <c>X-Sitrep-Analyst</c> header), else <c>analyst</c>.
    /// </summary>
    public static string Who(HttpContext context, string? claimed)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.RequestServices.GetRequiredService<WorkbenchOptions>().Team)
        {
            return context.User.Identity?.Name ?? throw new InvalidOperationException("A decision in team mode reached the workbench without a signed-in account.");
        }

        return !string.IsNullOrWhiteSpace(claimed) ? claimed.Trim() : context.Request.Headers[Header].ToString() is { Length: > 0 } header ? header : "analyst";
    }

    /// <summary>The signed-in account's role on the story, or null (always null outside team mode).</summary>
    public static string? Role(HttpContext context) =>
        (context ?? throw new ArgumentNullException(nameof(context))).User.FindFirst(ClaimTypes.Role)?.Value;
}
