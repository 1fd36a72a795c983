using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Sitrep.Storage;
using Sitrep.Web.Accounts;
using Sitrep.Web.Decisions;
using Sitrep.Web.Story;
using Sitrep.Web.Web;

namespace Sitrep.Web.Pages.Audit;

/// <summary>The audit log: every analyst decision with who made it, when and why, newest first, filtered by who or kind.</summary>
[OutputCache(PolicyName = StoryViewCache.PolicyName)]
public sealed class IndexModel(StoryService story, WorkbenchOptions options) : PageModel
{
    /// <summary>Most decisions shown.</summary>
    public const int Shown = 500;

    /// <summary>Only decisions by this name (without case), when given.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Who { get; set; }

    /// <summary>Only decisions of this kind, when given.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <summary>The kinds a decision may have.</summary>
    public IReadOnlyList<string> Kinds { get; } = [.. DecisionKinds.All, DecisionKinds.Upload];

    /// <summary>The decisions shown.</summary>
    public IReadOnlyList<StoredDecision> Decisions { get; private set; } = [];

    /// <summary>True in team mode.</summary>
    public bool Team => options.Team;

    /// <summary>True when the signed-in account is an admin of the story.</summary>
    public bool Admin => AccountRoles.Includes(Analysts.Role(HttpContext), AccountRoles.Admin);

    /// <summary>Reads the log.</summary>
    public void OnGet() => Decisions = [.. story.Store.Decisions(string.IsNullOrWhiteSpace(Kind) ? null : Kind)
        .Where(d => string.IsNullOrWhiteSpace(Who) || string.Equals(d.Who, Who.Trim(), StringComparison.OrdinalIgnoreCase))
        .Reverse()
        .Take(Shown)];
}
