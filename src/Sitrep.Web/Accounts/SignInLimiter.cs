using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Sitrep.Storage;
using Sitrep.Web.Web;

namespace Sitrep.Web.Accounts;

/// <summary>
/// ASP.NET Core's rate limiter on sign-in, per account name and client address: each pair may try
/// <see cref="SignInOptions.PermitsPerWindow"/> times per <see cref="SignInOptions.Window"/>, then gets 429 with
/// <c>Retry-After</c>. Other requests are not limited. The name is read from the form or the JSON body before the
/// limiter runs (<see cref="CaptureName"/>), so it can partition by it.
/// </summary>
public static class SignInLimiter
{
    private const string NameItem = "sitrep.sign-in.name";
    private const int LargestBody = 8 * 1024;

    /// <summary>True for the two ways to sign in: the form at <c>/login</c> and <c>POST /api/session</c>.</summary>
    public static bool IsSignIn(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsPost(request.Method) &&
            (request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase) || request.Path.Equals("/api/session", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Middleware that reads the name a sign-in names (the form stays readable to the page, the body is rewound).</summary>
    public static async Task CaptureName(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (IsSignIn(context.Request) && context.Request.ContentLength is null or <= LargestBody)
        {
            context.Items[NameItem] = await ReadName(context.Request).ConfigureAwait(false) ?? string.Empty;
        }

        await next(context).ConfigureAwait(false);
    }

    /// <summary>Sets the limiter up: one fixed window per name and address on sign-in, no limit elsewhere.</summary>
    public static void Configure(RateLimiterOptions limiter, SignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(options);
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.Items.TryGetValue(NameItem, out var name) && name is string given
                ? RateLimitPartition.GetFixedWindowLimiter(
                    Address(context) + "\n" + IAccountStore.AccountKey(given),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitsPerWindow, Window = options.Window, QueueLimit = 0, AutoReplenishment = true })
                : RateLimitPartition.GetNoLimiter(string.Empty));
        limiter.OnRejected = (rejected, _) =>
        {
            var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : options.Window;
            return new ValueTask(TooMany(rejected.HttpContext, wait, "Too many sign-in attempts for this name from your address"));
        };
    }

    /// <summary>Answers 429 with <c>Retry-After</c> in whole seconds (at least 1) and a message saying when to try again.</summary>
    public static Task TooMany(HttpContext context, TimeSpan wait, string what)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seconds = Seconds(wait);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ErrorPages.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests", $"{what}; try again in {seconds} s.");
    }

    /// <summary>Whole seconds to wait, rounded up, at least 1.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>The client's address (after a trusted proxy's <c>X-Forwarded-For</c>, when one is in front).</summary>
    public static string Address(HttpContext context) =>
        (context ?? throw new ArgumentNullException(nameof(context))).Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async Task<string?> ReadName(HttpRequest request)
    {
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
                return form["name"].ToString();
            }

            if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
            {
                request.EnableBuffering(LargestBody);
                using var json = await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted).ConfigureAwait(false);
                request.Body.Position = 0;
                return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or IOException or BadHttpRequestException)
        {
            if (request.Body.CanSeek)
            {
                request.Body.Position = 0;
            }
        }

        return null;
    }
}
