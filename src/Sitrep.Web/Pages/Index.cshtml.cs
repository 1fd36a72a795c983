using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Sitrep.Storage;
using Sitrep.Web.Story;
using Sitrep.Web.Web;

namespace Sitrep.Web.Pages;

/// <summary>Overview: the front part of the stored brief (bottom line, key judgments, status, actors, watch).</summary>
[OutputCache(PolicyName = StoryViewCache.PolicyName)]
public sealed class IndexModel(StoryService story) : PageModel
{
    /// <summary>The picture shown.</summary>
    public Picture Picture { get; private set; } = null!;

    /// <summary>The latest decisions.</summary>
    public IReadOnlyList<StoredDecision> Recent { get; private set; } = [];

    /// <summary>Uploads waiting for analysis.</summary>
    public int Pending { get; private set; }

    /// <summary>Reads the story.</summary>
    public void OnGet()
    {
        Picture = story.Current;
        Recent = [.. story.Decisions.All.Reverse().Take(8)];
        Pending = story.Store.PendingUploads().Count;
    }
}
