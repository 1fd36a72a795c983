using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Sitrep.Web.Web;

/// <summary>
/// Errors as the two doors want them: ProblemDetails (4xx/5xx JSON) under <c>/api</c>, a small HTML page for people.
/// Never a 200 carrying error text.
/// </summary>
public static class ErrorPages
{
    /// <summary>The status an exception maps to: 413 for a body over the limit, 400 for a bad request, 503 for the store, else 500.</summary>
    public static int StatusOf(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException => StatusCodes.Status413PayloadTooLarge,
        Errors.SitrepException s when s.ErrorCode.Code.StartsWith("SR4", StringComparison.Ordinal) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>Writes the error for an unhandled exception.</summary>
    public static Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = exception is null ? StatusCodes.Status500InternalServerError : StatusOf(exception);
        var detail = exception switch
        {
            BadHttpRequestException or InvalidDataException => exception.Message,
            Errors.SitrepException s => s.Message,
            _ => "The server failed to answer; the error is in its log.",
        };
        return WriteAsync(context, status, Title(status), detail);
    }

    /// <summary>Writes a body for a bare error status (404, 405, 412…).</summary>
    public static Task StatusCodeAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.HttpContext.Response.StatusCode;
        return WriteAsync(context.HttpContext, status, Title(status), null);
    }

    /// <summary>True for requests to the JSON API, the events stream or the OpenAPI document (any case), or asking for JSON: they get ProblemDetails.</summary>
    public static bool IsApi(HttpContext context) =>
        (context ?? throw new ArgumentNullException(nameof(context))).Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ||
        context.Request.Path.StartsWithSegments("/events", StringComparison.OrdinalIgnoreCase) ||
        context.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase) ||
        context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal);

    /// <summary>Writes an error with its own title and detail (both encoded in the HTML page).</summary>
    public static async Task WriteAsync(HttpContext context, int status, string title, string? detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        if (IsApi(context))
        {
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
            }).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        var css = context.RequestServices.GetRequiredService<AssetCatalog>().Url("site.css");
        await context.Response.WriteAsync(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{status} {WebUtility.HtmlEncode(title)} · Sitrep</title><link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"{css}\"></head>" +
            $"<body><header class=\"top\"><a class=\"brand\" href=\"/\">Sitrep</a></header><main><h1>{status} {WebUtility.HtmlEncode(title)}</h1>" +
            (detail is null ? string.Empty : $"<p class=\"error\">{WebUtility.HtmlEncode(detail)}</p>") +
            "<p><a href=\"/\">Back to the overview</a></p></main></body></html>").ConfigureAwait(false);
    }

    private static string Title(int status) => status switch
    {
        400 => "Bad request",
        401 => "An access token is required",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        409 => "Conflict",
        412 => "Precondition failed: the resource changed since you read it",
        413 => "Request too large",
        415 => "Unsupported media type",
        428 => "Precondition required: send If-Match with the ETag you read",
        429 => "Too many requests",
        503 => "Service unavailable",
        _ => status >= 500 ? "Server error" : "Request failed",
    };
}
