using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Sitrep.Web.Decisions;
using Sitrep.Web.Story;
using Sitrep.Web.Web;

namespace Sitrep.Web.Pages;

/// <summary>Hypotheses (ACH): add, edit and remove hypotheses, rate evidence with a reason, see the scores change.</summary>
[OutputCache(PolicyName = StoryViewCache.PolicyName)]
public sealed class HypothesesModel(StoryService story, Workbench workbench) : PageModel
{
    /// <summary>The matrix and its scores.</summary>
    public AchView Ach { get; private set; } = null!;

    /// <summary>Evidence that may be rated (id and label), best first.</summary>
    public IReadOnlyList<(string Id, string Label)> Pool { get; private set; } = [];

    /// <summary>The hypothesis and rating decisions.</summary>
    public IReadOnlyList<Sitrep.Storage.StoredDecision> Decisions { get; private set; } = [];

    /// <summary>What the last edit did.</summary>
    [TempData]
    public string? Message { get; set; }

    /// <summary>Why the last edit was refused.</summary>
    public string? Error { get; private set; }

    /// <summary>Scores the matrix.</summary>
    public void OnGet()
    {
        Ach = story.Ach();
        Pool = [.. (story.Current.Ach?.Evidence ?? []).Where(e => e.Status != "unverified").OrderBy(e => e.Credibility).Take(300).Select(e => (e.Id, e.Label))];
        Decisions = [.. story.Decisions.All.Where(d => d.Kind is DecisionKinds.Hypothesis or DecisionKinds.Rating).Reverse().Take(20)];
    }

    /// <summary>Adds a hypothesis.</summary>
    public IActionResult OnPostAdd(string text, string? etag, string? who, string? why) =>
        PageResults.After(this, workbench.AddHypothesis(text, etag, true, Accounts.Analysts.Who(HttpContext, who), why), m => Message = m, e => Error = e, OnGet);

    /// <summary>Edits a hypothesis.</summary>
    public IActionResult OnPostEdit(string id, string text, string? etag, string? who, string? why) =>
        PageResults.After(this, workbench.EditHypothesis(id, text, etag, true, Accounts.Analysts.Who(HttpContext, who), why), m => Message = m, e => Error = e, OnGet);

    /// <summary>Removes a hypothesis.</summary>
    public IActionResult OnPostRemove(string id, string? etag, string? who, string? why) =>
        PageResults.After(this, workbench.RemoveHypothesis(id, etag, true, Accounts.Analysts.Who(HttpContext, who), why), m => Message = m, e => Error = e, OnGet);

    /// <summary>Rates evidence against a hypothesis.</summary>
    public IActionResult OnPostRate(string evidence, string hypothesis, string rating, string? etag, string? who, string? why) =>
        PageResults.After(this, workbench.Rate(evidence, hypothesis, rating, etag, true, Accounts.Analysts.Who(HttpContext, who), why), m => Message = m, e => Error = e, OnGet);
}
