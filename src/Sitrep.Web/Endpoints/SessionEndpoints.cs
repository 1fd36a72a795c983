using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sitrep.Storage;
using Sitrep.Web.Accounts;
using Sitrep.Web.Story;

namespace Sitrep.Web.Endpoints;

/// <summary>
/// Signing in and out for programs in team mode (<c>/api/session</c>), and the admin's view of sign-in attempts
/// (<c>/api/sign-ins</c>). People use the form at <c>/login</c>; both go through the same rate limiter and lockout.
/// </summary>
public static class SessionEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api").WithTags("session");
        api.MapPost("/session", SignIn);
        api.MapGet("/session", Current);
        api.MapDelete("/session", SignOut);
        api.MapGet("/sign-ins", SignIns);
        return endpoints;
    }

    /// <summary>A name and password.</summary>
    public sealed record SignInRequest(string? Name, string? Password);

    /// <summary>Who is signed in, with which role on which story; <c>Team</c> is false for the local workbench.</summary>
    public sealed record SessionDto(bool Team, string? Name, string? Role, string Story);

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult, EmptyHttpResult>> SignIn(HttpContext context, WorkbenchOptions options, SignInService signIn, SignInRequest body)
    {
        if (!options.Team)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "The workbench is not in team mode: there is nobody to sign in as.");
        }

        var outcome = signIn.SignIn(body.Name ?? string.Empty, body.Password ?? string.Empty, SignInLimiter.Address(context));
        if (outcome.RetryAfter is { } wait)
        {
            await SignInLimiter.TooMany(context, wait, $"'{body.Name}' is locked after too many failed sign-ins").ConfigureAwait(false);
            return TypedResults.Empty;
        }

        if (outcome.Account is not { } account)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "Wrong name or password.");
        }

        await TeamSessions.SignInAsync(context, account).ConfigureAwait(false);
        var role = AccountRoles.On(context.RequestServices.GetRequiredService<StoryService>().Store.Roles(account.Name), options.StoryName);
        return TypedResults.Ok(new SessionDto(true, account.Name, role, options.StoryName));
    }

    private static Ok<SessionDto> Current(HttpContext context, WorkbenchOptions options) =>
        TypedResults.Ok(new SessionDto(options.Team, options.Team ? context.User.Identity?.Name : null, Analysts.Role(context), options.StoryName));

    private static async Task<NoContent> SignOut(HttpContext context, WorkbenchOptions options)
    {
        if (options.Team)
        {
            await TeamSessions.SignOutAsync(context).ConfigureAwait(false);
        }

        return TypedResults.NoContent();
    }

    private static Results<Ok<IReadOnlyList<StoredSignIn>>, ProblemHttpResult> SignIns(WorkbenchOptions options, StoryService story, int? limit)
    {
        if (!options.Team)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "The workbench is not in team mode: nobody signs in.");
        }

        return TypedResults.Ok(story.Store.SignIns(null, DateTimeOffset.MinValue, Math.Clamp(limit ?? 200, 1, 5000)));
    }
}
