using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Sitrep.Web.Decisions;
using Sitrep.Web.Story;
using Sitrep.Web.Web;

namespace Sitrep.Web.Pages;

/// <summary>Actors: entities with aliases and mentions; merge, split and retype in place.</summary>
[OutputCache(PolicyName = StoryViewCache.PolicyName)]
public sealed class ActorsModel(StoryService story, Workbench workbench) : PageModel
{
    /// <summary>Largest number of actors listed.</summary>
    public const int Shown = 150;

    /// <summary>The actors, most mentioned first.</summary>
    public IReadOnlyList<ActorView> Actors { get; private set; } = [];

    /// <summary>What the last edit did.</summary>
    [TempData]
    public string? Message { get; set; }

    /// <summary>Why the last edit was refused.</summary>
    public string? Error { get; private set; }

    /// <summary>Lists the actors.</summary>
    public void OnGet() => Actors = story.Actors();

    /// <summary>Merges another actor into this one.</summary>
    public IActionResult OnPostMerge(string id, string other, string? etag, string? who, string? why) =>
        PageResults.After(this, workbench.Merge(id, other, etag, true, Accounts.Analysts.Who(HttpContext, who), why), m => Message = m, e => Error = e, OnGet);

    /// <summary>Splits an actor's aliases off.</summary>
    public IActionResult OnPostSplit(string id, string? etag, string? who, string? why) =>
        PageResults.After(this, workbench.Split(id, etag, true, Accounts.Analysts.Who(HttpContext, who), why), m => Message = m, e => Error = e, OnGet);

    /// <summary>Sets an actor's type.</summary>
    public IActionResult OnPostRetype(string id, string type, string? etag, string? who, string? why) =>
        PageResults.After(this, workbench.Retype(id, type, etag, true, Accounts.Analysts.Who(HttpContext, who), why), m => Message = m, e => Error = e, OnGet);
}
