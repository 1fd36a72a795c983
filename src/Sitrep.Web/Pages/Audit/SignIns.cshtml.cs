using Microsoft.AspNetCore.Mvc.RazorPages;
using Sitrep.Storage;
using Sitrep.Web.Story;

namespace Sitrep.Web.Pages.Audit;

/// <summary>The sign-in attempts (team mode, admins only: <see cref="Accounts.TeamGate"/> refuses anyone else).</summary>
public sealed class SignInsModel(StoryService story) : PageModel
{
    /// <summary>Most attempts shown.</summary>
    public const int Shown = 500;

    /// <summary>The attempts, newest first.</summary>
    public IReadOnlyList<StoredSignIn> Attempts { get; private set; } = [];

    /// <summary>Reads them.</summary>
    public void OnGet() => Attempts = story.Store.SignIns(null, DateTimeOffset.MinValue, Shown);
}
