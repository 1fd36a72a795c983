using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Sitrep.Web.Web;

/// <summary>
/// The workbench's own script and style sheet, embedded in the assembly and hashed at startup: each is served from
/// <c>/assets/{hash}/{name}</c> with an ETag and a year-long immutable cache, so a new build gets new addresses.
/// </summary>
public sealed class AssetCatalog
{
    private readonly FrozenDictionary<string, Asset> _byName;

    /// <summary>Loads the embedded assets.</summary>
    public AssetCatalog()
    {
        var assembly = typeof(AssetCatalog).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("assets/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var bytes = memory.ToArray();
            var name = resource["assets/".Length..];
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 8));
            var type = name.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript; charset=utf-8" : name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "application/octet-stream";
            assets[name] = new Asset(name, hash, type, bytes);
        }

        _byName = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The address of an asset, e.g. <c>/assets/0123abcd/site.css</c>.</summary>
    public string Url(string name) => _byName.TryGetValue(name, out var asset) ? $"/assets/{asset.Hash}/{asset.Name}" : throw new ArgumentException($"No asset '{name}'. Known: {string.Join(", ", _byName.Keys)}.", nameof(name));

    /// <summary>Serves an asset by hash and name: 304 when the client has it, 404 when either does not match.</summary>
    public IResult Serve(string hash, string name, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_byName.TryGetValue(name, out var asset) || asset.Hash != hash)
        {
            return Results.NotFound();
        }

        var etag = "\"" + asset.Hash + "\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return context.Request.Headers.IfNoneMatch.ToString() == etag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(asset.Bytes, asset.ContentType);
    }

    private sealed record Asset(string Name, string Hash, string ContentType, byte[] Bytes);
}
