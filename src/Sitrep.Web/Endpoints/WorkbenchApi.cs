using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sitrep.Brief.Model;
using Sitrep.Storage;
using Sitrep.Web.Analysis;
using Sitrep.Web.Decisions;
using Sitrep.Web.Story;
using Sitrep.Web.Web;

namespace Sitrep.Web.Endpoints;

/// <summary>
/// The same data as the pages, as JSON under <c>/api</c>: GETs carry an ETag; edits take If-Match and answer 412 when
/// the resource changed since it was read, 428 when no If-Match was sent; errors are ProblemDetails. The read views are
/// kept in the output cache under the story's stamp (<see cref="StoryViewCache"/>).
/// </summary>
/// <remarks>
/// An unsafe request must be one a cross-site form cannot forge: JSON, or one carrying <c>Authorization</c> or
/// <c>X-Sitrep-Client</c> (headers a browser only sends cross-origin after a CORS preflight, which is never granted).
/// </remarks>
public static class WorkbenchApi
{
    /// <summary>Maps the API.</summary>
    public static IEndpointRouteBuilder MapWorkbenchApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api").WithTags("workbench").AddEndpointFilter(RefuseForgeable);
        api.MapGet("/status", Status);
        api.MapGet("/overview", Overview).CacheOutput(StoryViewCache.PolicyName);
        api.MapGet("/evidence", Evidence).CacheOutput(StoryViewCache.PolicyName);
        api.MapGet("/documents", Documents).CacheOutput(StoryViewCache.PolicyName);
        api.MapGet("/documents/{id}", Document).CacheOutput(StoryViewCache.PolicyName);
        api.MapPost("/documents", Upload).DisableAntiforgery();
        api.MapGet("/sources", Sources).CacheOutput(StoryViewCache.PolicyName);
        api.MapPut("/sources/{name}", SetGrade);
        api.MapGet("/timeline", Timeline).CacheOutput(StoryViewCache.PolicyName);
        api.MapGet("/actors", Actors).CacheOutput(StoryViewCache.PolicyName);
        api.MapPost("/actors/{id}/merge", Merge);
        api.MapPost("/actors/{id}/split", Split);
        api.MapPut("/actors/{id}/type", Retype);
        api.MapGet("/hypotheses", Hypotheses).CacheOutput(StoryViewCache.PolicyName);
        api.MapPost("/hypotheses", AddHypothesis);
        api.MapPut("/hypotheses/{id}", EditHypothesis);
        api.MapDelete("/hypotheses/{id}", RemoveHypothesis);
        api.MapPut("/ratings", Rate);
        api.MapGet("/decisions", AllDecisions).CacheOutput(StoryViewCache.PolicyName);
        return endpoints;
    }

    /// <summary>What the server is doing.</summary>
    /// <param name="Version">The picture's version on this server.</param>
    /// <param name="Documents">Reports in the brief in force (behind the store while <paramref name="BriefUpdating"/>).</param>
    /// <param name="AnalysisRuns">Runs that added reports.</param>
    /// <param name="Analysing">True while reports are analysed or the brief is built.</param>
    /// <param name="PendingUploads">Uploads waiting for analysis.</param>
    /// <param name="Generator">The brief's generator and version.</param>
    /// <param name="BriefUpdating">True when reports were added since the brief in force was built (it is being built again).</param>
    /// <param name="BriefBuilds">Times this server built the brief from the picture.</param>
    public sealed record StatusDto(long Version, int Documents, long AnalysisRuns, bool Analysing, int PendingUploads, string Generator, bool BriefUpdating, long BriefBuilds);

    /// <summary>The brief's front part; <paramref name="Updating"/> when reports were added since it was built.</summary>
    public sealed record OverviewDto(BriefCorpus Corpus, IReadOnlyList<BriefStatement> BottomLine, IReadOnlyList<BriefJudgment> KeyJudgments, BriefStatus Status, IReadOnlyList<BriefActor> ActorsThatMatter, IReadOnlyList<BriefWatchItem> Watch, string? Problem, bool Updating);

    /// <summary>A document's metadata and text, with what the analysis found in it.</summary>
    public sealed record DocumentDto(BriefDocument? Metadata, string Id, string Path, string? Title, string Text, IReadOnlyList<BriefClaim> Claims, IReadOnlyList<BriefSpan> Mentions);

    /// <summary>Search hits, or one page of the list of documents (<paramref name="Total"/> in all, the next page at <paramref name="Next"/>).</summary>
    public sealed record DocumentsDto(IReadOnlyList<BriefDocument> Documents, IReadOnlyList<SearchHit> Hits, int Total, int Offset, int Limit, string? Next);

    /// <summary>A grade to set.</summary>
    public sealed record GradeRequest(string Reliability, string? Why, string? Who);

    /// <summary>An actor to merge into the one addressed.</summary>
    public sealed record MergeRequest(string Other, string? Why, string? Who);

    /// <summary>A reason, for edits that need nothing else.</summary>
    public sealed record ReasonRequest(string? Why, string? Who);

    /// <summary>A type to set.</summary>
    public sealed record TypeRequest(string Type, string? Why, string? Who);

    /// <summary>A hypothesis text.</summary>
    public sealed record HypothesisRequest(string Text, string? Why, string? Who);

    /// <summary>A rating of one evidence row against one hypothesis.</summary>
    public sealed record RatingRequest(string Evidence, string Hypothesis, string Rating, string Why, string? Who);

    /// <summary>What an edit recorded.</summary>
    public sealed record EditDto(string Message, StoredDecision? Decision, string ETag);

    private static async ValueTask<object?> RefuseForgeable(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return await next(context).ConfigureAwait(false);
        }

        var json = request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;
        if (json || request.Headers.ContainsKey("Authorization") || request.Headers.ContainsKey("X-Sitrep-Client"))
        {
            return await next(context).ConfigureAwait(false);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Request refused",
            detail: "A change through the API must be sent as JSON or carry an Authorization or X-Sitrep-Client header.");
    }

    private static Ok<StatusDto> Status(StoryService story, AnalysisWorker worker)
    {
        var picture = story.Current;
        return TypedResults.Ok(new StatusDto(picture.Version, picture.Brief.Documents.Count, worker.Runs, worker.Busy, story.Store.PendingUploads().Count, picture.Brief.Generator.Name + " " + picture.Brief.Generator.Version, picture.Updating, worker.BriefBuilds));
    }

    private static Ok<OverviewDto> Overview(StoryService story, HttpContext context)
    {
        var picture = story.Shown(context);
        var b = picture.Brief;
        context.Response.Headers.ETag = ETags.Of("overview", picture.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return TypedResults.Ok(new OverviewDto(b.Corpus, b.BottomLine, b.KeyJudgments, b.Status, b.ActorsThatMatter, b.Watch, picture.Problem, picture.Updating));
    }

    private static Results<Ok<PageOf<EvidenceRow>>, ProblemHttpResult> Evidence(StoryService story, HttpContext context, string? actor, string? status, string? source, int? credibility, DateOnly? from, DateOnly? to, int? offset, int? limit)
    {
        if (BadWindow(offset, limit) is { } bad)
        {
            return bad;
        }

        var window = Paging.Window(offset, limit);
        var found = EvidenceQuery.Run(story.Shown(context).Brief, story.Actors(), new EvidenceFilter(actor, status, source, credibility, from, to), window.Offset, window.Limit);
        return Paged(context, Paging.Of(found.Rows, found.Total, window.Offset, window.Limit, context.Request));
    }

    private static Results<Ok<DocumentsDto>, ProblemHttpResult> Documents(StoryService story, HttpContext context, string? q, int? offset, int? limit)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            if (BadWindow(offset, limit) is { } bad)
            {
                return bad;
            }

            var window = Paging.Window(offset, limit);
            var all = story.Shown(context).Brief.Documents;
            var page = Paging.Of([.. all.Skip(window.Offset).Take(window.Limit)], all.Count, window.Offset, window.Limit, context.Request);
            Paging.LinkNext(context.Response, page);
            return TypedResults.Ok(new DocumentsDto(page.Items, [], page.Total, page.Offset, page.Limit, page.Next));
        }

        var hits = story.Search(q, Math.Clamp(limit ?? 50, 1, 500));
        return TypedResults.Ok(new DocumentsDto([], hits, hits.Count, 0, hits.Count, null));
    }

    private static ProblemHttpResult? BadWindow(int? offset, int? limit) =>
        Paging.Window(offset, limit).Error is { } error
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid value", detail: error)
            : null;

    private static Ok<PageOf<T>> Paged<T>(HttpContext context, PageOf<T> page)
    {
        Paging.LinkNext(context.Response, page);
        return TypedResults.Ok(page);
    }

    private static Results<Ok<DocumentDto>, ProblemHttpResult> Document(StoryService story, string id)
    {
        if (story.Find(id) is not { } doc)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No document '{id}'.");
        }

        var brief = story.Current.Brief;
        return TypedResults.Ok(new DocumentDto(
            brief.Documents.FirstOrDefault(d => d.Id == id),
            doc.Id,
            doc.Path,
            doc.Title,
            doc.Text,
            [.. brief.Claims.Where(c => c.Doc == id)],
            [.. brief.Entities.SelectMany(e => e.Mentions).Where(m => m.Doc == id)]));
    }

    private static async Task<Results<Accepted<IReadOnlyList<UploadOutcome>>, ProblemHttpResult>> Upload(HttpContext context, UploadService uploads, WorkbenchOptions options)
    {
        if (context.Request.ContentLength > options.MaxUploadBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large", detail: $"An upload may hold at most {options.MaxUploadBytes:N0} bytes.");
        }

        if (!context.Request.HasFormContentType)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send the files as multipart/form-data.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (form.Files.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No file", detail: "The form holds no file.");
        }

        var outcomes = new List<UploadOutcome>();
        foreach (var file in form.Files)
        {
            await using var stream = file.OpenReadStream();
            var outcome = await uploads.AcceptAsync(file.FileName, stream, context.RequestAborted).ConfigureAwait(false);
            if (outcome.Accepted && options.Team)
            {
                context.RequestServices.GetRequiredService<Workbench>().RecordUpload(outcome.Name, Who(context, null));
            }

            outcomes.Add(outcome);
        }

        return TypedResults.Accepted("/api/status", (IReadOnlyList<UploadOutcome>)outcomes);
    }

    private static Ok<IReadOnlyList<OutletView>> Sources(StoryService story) => TypedResults.Ok(story.Outlets());

    private static Results<Ok<EditDto>, ProblemHttpResult> SetGrade(Workbench workbench, StoryService story, HttpContext context, string name, GradeRequest body) =>
        Answer(workbench.Grade(name, body.Reliability, IfMatch(context), true, Who(context, body.Who), body.Why), context, () => story.Outlets().FirstOrDefault(o => o.Name == name)?.ETag);

    private static Results<Ok<PageOf<BriefTimelineEntry>>, ProblemHttpResult> Timeline(StoryService story, HttpContext context, int? offset, int? limit) =>
        Window(context, story.Shown(context).Brief.Timeline, offset, limit);

    private static Results<Ok<PageOf<ActorView>>, ProblemHttpResult> Actors(StoryService story, HttpContext context, int? offset, int? limit) =>
        Window(context, story.Actors(), offset, limit);

    private static Results<Ok<PageOf<T>>, ProblemHttpResult> Window<T>(HttpContext context, IReadOnlyList<T> all, int? offset, int? limit)
    {
        if (BadWindow(offset, limit) is { } bad)
        {
            return bad;
        }

        var window = Paging.Window(offset, limit);
        return Paged(context, Paging.Of([.. all.Skip(window.Offset).Take(window.Limit)], all.Count, window.Offset, window.Limit, context.Request));
    }

    private static Results<Ok<EditDto>, ProblemHttpResult> Merge(Workbench workbench, StoryService story, HttpContext context, string id, MergeRequest body) =>
        Answer(workbench.Merge(id, body.Other, IfMatch(context), true, Who(context, body.Who), body.Why), context, () => story.Actors().FirstOrDefault(a => a.Id == id)?.ETag);

    private static Results<Ok<EditDto>, ProblemHttpResult> Split(Workbench workbench, StoryService story, HttpContext context, string id, ReasonRequest body) =>
        Answer(workbench.Split(id, IfMatch(context), true, Who(context, body.Who), body.Why), context, () => story.Actors().FirstOrDefault(a => a.Id == id)?.ETag);

    private static Results<Ok<EditDto>, ProblemHttpResult> Retype(Workbench workbench, StoryService story, HttpContext context, string id, TypeRequest body) =>
        Answer(workbench.Retype(id, body.Type, IfMatch(context), true, Who(context, body.Who), body.Why), context, () => story.Actors().FirstOrDefault(a => a.Id == id)?.ETag);

    private static Ok<AchView> Hypotheses(StoryService story, HttpContext context)
    {
        var ach = story.Ach();
        context.Response.Headers.ETag = ach.ETag;
        return TypedResults.Ok(ach);
    }

    private static Results<Ok<EditDto>, ProblemHttpResult> AddHypothesis(Workbench workbench, StoryService story, HttpContext context, HypothesisRequest body) =>
        Answer(workbench.AddHypothesis(body.Text, IfMatch(context), false, Who(context, body.Who), body.Why), context, () => story.Ach().ETag);

    private static Results<Ok<EditDto>, ProblemHttpResult> EditHypothesis(Workbench workbench, StoryService story, HttpContext context, string id, HypothesisRequest body) =>
        Answer(workbench.EditHypothesis(id, body.Text, IfMatch(context), true, Who(context, body.Who), body.Why), context, () => story.Ach().ETag);

    private static Results<Ok<EditDto>, ProblemHttpResult> RemoveHypothesis(Workbench workbench, StoryService story, HttpContext context, string id) =>
        Answer(workbench.RemoveHypothesis(id, IfMatch(context), true, Who(context, null), context.Request.Query["why"]), context, () => story.Ach().ETag);

    private static Results<Ok<EditDto>, ProblemHttpResult> Rate(Workbench workbench, StoryService story, HttpContext context, RatingRequest body) =>
        Answer(workbench.Rate(body.Evidence, body.Hypothesis, body.Rating, IfMatch(context), true, Who(context, body.Who), body.Why), context, () => story.Ach().ETag);

    private static Ok<IReadOnlyList<StoredDecision>> AllDecisions(StoryService story) => TypedResults.Ok(story.Decisions.All);

    private static string? IfMatch(HttpContext context) => context.Request.Headers.IfMatch.ToString() is { Length: > 0 } value ? value : null;

    private static string Who(HttpContext context, string? who) => Accounts.Analysts.Who(context, who);

    private static Results<Ok<EditDto>, ProblemHttpResult> Answer(EditResult result, HttpContext context, Func<string?> etag)
    {
        if (result.Status == EditStatus.Done)
        {
            var now = etag() ?? string.Empty;
            context.Response.Headers.ETag = now;
            return TypedResults.Ok(new EditDto(result.Message, result.Decision, now));
        }

        var status = result.Status switch
        {
            EditStatus.NotFound => StatusCodes.Status404NotFound,
            EditStatus.Stale => StatusCodes.Status412PreconditionFailed,
            EditStatus.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
            _ => StatusCodes.Status400BadRequest,
        };
        if (result.Current is not null && etag() is { } latest)
        {
            context.Response.Headers.ETag = latest;
        }

        return TypedResults.Problem(statusCode: status, detail: result.Message, extensions: result.Current is null ? null : new Dictionary<string, object?> { ["current"] = result.Current }, title: status switch
        {
            404 => "Not found",
            412 => "The resource changed since you read it",
            428 => "If-Match required",
            _ => "Invalid value",
        });
    }
}
