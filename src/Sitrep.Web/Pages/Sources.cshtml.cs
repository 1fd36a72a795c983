using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Sitrep.Web.Decisions;
using Sitrep.Web.Story;
using Sitrep.Web.Web;

namespace Sitrep.Web.Pages;

/// <summary>Sources: outlets with their Admiralty reliability, set once per outlet and applied to all its documents.</summary>
[OutputCache(PolicyName = StoryViewCache.PolicyName)]
public sealed class SourcesModel(StoryService story, Workbench workbench) : PageModel
{
    /// <summary>The outlets.</summary>
    public IReadOnlyList<OutletView> Outlets { get; private set; } = [];

    /// <summary>What the last edit did.</summary>
    [TempData]
    public string? Message { get; set; }

    /// <summary>Why the last edit was refused.</summary>
    public string? Error { get; private set; }

    /// <summary>Lists the outlets.</summary>
    public void OnGet() => Outlets = story.Outlets();

    /// <summary>Grades an outlet.</summary>
    public IActionResult OnPostGrade(string outlet, string reliability, string? etag, string? who, string? why)
    {
        var result = workbench.Grade(outlet, reliability, etag, requireMatch: true, Accounts.Analysts.Who(HttpContext, who), why);
        return PageResults.After(this, result, m => Message = m, e => Error = e, OnGet);
    }
}
