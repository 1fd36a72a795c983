using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Sitrep.Brief.Model;
using Sitrep.Storage;
using Sitrep.Web.Analysis;
using Sitrep.Web.Story;
using Sitrep.Web.Web;

namespace Sitrep.Web.Pages.Documents;

/// <summary>Documents: the list, full-text search and the upload form.</summary>
[OutputCache(PolicyName = StoryViewCache.PolicyName)]
public sealed class IndexModel(StoryService story, UploadService uploads, WorkbenchOptions options, Decisions.Workbench workbench) : PageModel
{
    /// <summary>The search query.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>The story's documents.</summary>
    public IReadOnlyList<BriefDocument> Documents { get; private set; } = [];

    /// <summary>Search hits.</summary>
    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];

    /// <summary>Uploads and their state.</summary>
    public IReadOnlyList<StoredUpload> Uploads { get; private set; } = [];

    /// <summary>What the last upload did.</summary>
    [TempData]
    public string? Message { get; set; }

    /// <summary>Why the search failed, if it did.</summary>
    public string? SearchError { get; private set; }

    /// <summary>Lists or searches.</summary>
    public void OnGet()
    {
        Documents = story.Current.Brief.Documents;
        Uploads = [.. story.Uploads().Take(20)];
        if (!string.IsNullOrWhiteSpace(Q))
        {
            try
            {
                Hits = story.Search(Q, 100);
            }
            catch (Errors.SitrepException ex)
            {
                SearchError = ex.Message;
            }
        }
    }

    /// <summary>Takes uploaded files: kept, journalled, analysed in the background; the page says what happened.</summary>
    public async Task<IActionResult> OnPostUploadAsync(IFormFileCollection files)
    {
        if (Request.ContentLength > options.MaxUploadBytes)
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (files is null || files.Count == 0)
        {
            Message = "Choose at least one file.";
            return RedirectToPage();
        }

        var messages = new List<string>();
        foreach (var file in files)
        {
            await using var stream = file.OpenReadStream();
            var outcome = await uploads.AcceptAsync(file.FileName, stream, HttpContext.RequestAborted).ConfigureAwait(false);
            if (outcome.Accepted && options.Team)
            {
                workbench.RecordUpload(outcome.Name, Accounts.Analysts.Who(HttpContext, null));
            }

            messages.Add(outcome.Message);
        }

        Message = string.Join(" ", messages);
        return RedirectToPage();
    }
}
