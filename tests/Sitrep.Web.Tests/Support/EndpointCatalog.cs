using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Sitrep.Web.Tests.Support;

/// <summary>One way into the workbench: a method and an address with its route values filled in.</summary>
/// <param name="Method">GET, POST, PUT, DELETE…</param>
/// <param name="Url">The address, with <c>?handler=</c> for a page's named handler.</param>
/// <param name="Page">True for a Razor page (HTML), false for an endpoint of the API or the events stream.</param>
public sealed record WayIn(string Method, string Url, bool Page)
{
    /// <summary>True for a method that may change something (anything but GET, HEAD, OPTIONS).</summary>
    public bool Unsafe => !(HttpMethods.IsGet(Method) || HttpMethods.IsHead(Method) || HttpMethods.IsOptions(Method));

    public override string ToString() => $"{Method} {Url}";
}

/// <summary>
/// Every endpoint the running workbench maps, read from its <see cref="EndpointDataSource"/> (minimal API endpoints
/// by their HTTP method metadata, Razor pages by their compiled handler methods), so a new endpoint or page handler is
/// covered by the security tests without anyone listing it.
/// </summary>
public static partial class EndpointCatalog
{
    /// <summary>Every way in, each once; route parameters get <paramref name="values"/>, or a placeholder.</summary>
    public static async Task<IReadOnlyList<WayIn>> AllAsync(IServiceProvider services, IReadOnlyDictionary<string, string>? values = null)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var loader = services.GetRequiredService<PageLoader>();
        var found = new List<WayIn>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var path = Fill(endpoint.RoutePattern.RawText ?? string.Empty, values);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                {
                    var url = handler.Name is { Length: > 0 } name ? $"{path}?handler={name}" : path;
                    found.Add(new WayIn(handler.HttpMethod.ToUpperInvariant(), url, Page: true));
                }

                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            found.AddRange(methods.Select(m => new WayIn(m.ToUpperInvariant(), path, Page: false)));
        }

        return [.. found.Distinct().OrderBy(w => w.Url, StringComparer.Ordinal).ThenBy(w => w.Method, StringComparer.Ordinal)];
    }

    /// <summary>A request for <paramref name="way"/>: unsafe page handlers post a form (with <paramref name="token"/> when given), unsafe API calls send JSON.</summary>
    public static HttpRequestMessage Request(WayIn way, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(way);
        var request = new HttpRequestMessage(new HttpMethod(way.Method), way.Url);
        if (!way.Unsafe)
        {
            return request;
        }

        if (way.Page)
        {
            var fields = new List<KeyValuePair<string, string>> { new("text", "x"), new("why", "x") };
            if (token is not null)
            {
                fields.Add(new("__RequestVerificationToken", token));
            }

            request.Content = new FormUrlEncodedContent(fields);
        }
        else
        {
            request.Content = new StringContent("{\"text\":\"x\",\"why\":\"x\",\"other\":\"E2\",\"type\":\"ORG\",\"reliability\":\"A\",\"evidence\":\"P1\",\"hypothesis\":\"S1\",\"rating\":\"C\"}", System.Text.Encoding.UTF8, "application/json");
            request.Headers.TryAddWithoutValidation("If-Match", "*");
        }

        return request;
    }

    private static string Fill(string pattern, IReadOnlyDictionary<string, string>? values)
    {
        var path = ParameterPattern().Replace(pattern, m => values is not null && values.TryGetValue(m.Groups[1].Value, out var v) ? Uri.EscapeDataString(v) : "x1");
        return "/" + path.TrimStart('/');
    }

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z]+)[^}]*\}")]
    private static partial Regex ParameterPattern();
}
