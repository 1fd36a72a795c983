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

    /// <summary>Where the page starts among the propositions that pass the filter.</summary>
    [BindProperty(SupportsGet = true)]
    public int Offset { get; set; }

    /// <summary>The rows of this page.</summary>
    public IReadOnlyList<EvidenceRow> Rows { get; private set; } = [];

    /// <summary>How many propositions pass the filter in all.</summary>
    public int Total { get; private set; }

    /// <summary>The address of the next page, or null on the last one.</summary>
    public string? Next { get; private set; }

    /// <summary>The address of the previous page, or null on the first one.</summary>
    public string? Previous { get; private set; }

    /// <summary>Actors to filter by.</summary>
    public IReadOnlyList<ActorView> Actors { get; private set; } = [];

    /// <summary>Statuses to filter by.</summary>
    public IReadOnlyList<string> Statuses { get; private set; } = [];

    /// <summary>Sources to filter by.</summary>
    public IReadOnlyList<string> Sources { get; private set; } = [];

    /// <summary>Runs the filter; one page of <see cref="Paging.DefaultLimit"/> propositions.</summary>
    public void OnGet()
    {
        var brief = story.Shown(HttpContext).Brief;
        Offset = Math.Max(0, Offset);
        Actors = story.Actors();
        Statuses = EvidenceQuery.Statuses(brief);
        Sources = EvidenceQuery.Sources(brief);
        var found = EvidenceQuery.Run(brief, Actors, new EvidenceFilter(Actor, Status, Source, Credibility, From, To), Offset, Paging.DefaultLimit);
        Rows = found.Rows;
        Total = found.Total;
        Next = Offset + Paging.DefaultLimit < Total ? Paging.NextUrl(Request, Offset + Paging.DefaultLimit, Paging.DefaultLimit) : null;
        Previous = Offset > 0 ? Paging.NextUrl(Request, Math.Max(0, Offset - Paging.DefaultLimit), Paging.DefaultLimit) : null;
    }
}
