using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Sitrep.Web.Story;
using Sitrep.Web.Web;

namespace Sitrep.Web.Pages;

/// <summary>Evidence: propositions with their sources side by side, filtered by actor, status, source, credibility and time.</summary>
[OutputCache(PolicyName = StoryViewCache.PolicyName)]
public sealed class EvidenceModel(StoryService story) : PageModel
{
    /// <summary>Actor id or name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    /// <summary>Proposition status.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>Outlet.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    /// <summary>Credibility at least this good (1–6).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Credibility { get; set; }

    /// <summary>From this day.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>To this day.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<EvidenceRow> Rows { get; private set; } = [];

    /// <summary>Actors to filter by.</summary>
    public IReadOnlyList<ActorView> Actors { get; private set; } = [];

    /// <summary>Statuses to filter by.</summary>
    public IReadOnlyList<string> Statuses { get; private set; } = [];

    /// <summary>Sources to filter by.</summary>
    public IReadOnlyList<string> Sources { get; private set; } = [];

    /// <summary>Runs the filter.</summary>
    public void OnGet()
    {
        var brief = story.Current.Brief;
        Actors = story.Actors();
        Statuses = EvidenceQuery.Statuses(brief);
        Sources = EvidenceQuery.Sources(brief);
        Rows = EvidenceQuery.Run(brief, Actors, new EvidenceFilter(Actor, Status, Source, Credibility, From, To));
    }
}
