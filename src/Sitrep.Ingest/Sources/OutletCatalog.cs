using System.Globalization;
using CsvHelper;
using Sitrep.Documents;
using Sitrep.Errors;

namespace Sitrep.Ingest.Sources;

/// <summary>One outlet of a sources file: its grade and every name or domain it goes by.</summary>
/// <param name="Name">The outlet's name, as documents and the brief show it.</param>
/// <param name="Reliability">Admiralty reliability grade, or null.</param>
/// <param name="Notes">The analyst's notes on the outlet.</param>
/// <param name="Aliases">Other names (an English mirror, a Latin spelling) and domain names (<c>meridianwire.example.com</c>).</param>
public sealed record Outlet(string Name, Reliability? Reliability, string? Notes, IReadOnlyList<string> Aliases);

/// <summary>
/// The analyst's sources file: per outlet, a reliability grade A–F, notes and aliases, set once and applied to every
/// document of that outlet, found by its outlet name, an alias, or the domain of its address. CSV columns:
/// <c>outlet</c> (required), <c>reliability</c>, <c>notes</c>, <c>aliases</c> (separated by <c>;</c>).
/// </summary>
/// <remarks>
/// The manifest still decides per file: a grade the manifest gives is never replaced; the catalog only fills a grade
/// (and an outlet name) the document lacks.
/// </remarks>
public sealed class OutletCatalog
{
    private readonly Dictionary<string, Outlet> _byName;
    private readonly List<(string Domain, Outlet Outlet)> _byDomain;

    private OutletCatalog(IReadOnlyList<Outlet> outlets, IReadOnlyList<SitrepError> errors)
    {
        Outlets = outlets;
        Errors = errors;
        _byName = new Dictionary<string, Outlet>(StringComparer.Ordinal);
        _byDomain = [];
        foreach (var outlet in outlets)
        {
            _byName.TryAdd(Key(outlet.Name), outlet);
            foreach (var alias in outlet.Aliases)
            {
                if (IsDomain(alias))
                {
                    _byDomain.Add((alias.Trim().ToLowerInvariant().TrimEnd('.'), outlet));
                }
                else
                {
                    _byName.TryAdd(Key(alias), outlet);
                }
            }
        }

        // The most specific domain first: news.example.com before example.com.
        _byDomain.Sort((a, b) => b.Domain.Length.CompareTo(a.Domain.Length));
    }

    /// <summary>No outlets.</summary>
    public static OutletCatalog Empty { get; } = new([], []);

    /// <summary>The outlets, in file order.</summary>
    public IReadOnlyList<Outlet> Outlets { get; }

    /// <summary>Every invalid cell (<c>SR3005</c>); the cell is left empty and the rest of its row still applies.</summary>
    public IReadOnlyList<SitrepError> Errors { get; }

    /// <summary>Makes a catalog of outlets (the first of two with the same name wins).</summary>
    public static OutletCatalog Of(IEnumerable<Outlet> outlets)
    {
        ArgumentNullException.ThrowIfNull(outlets);
        return new OutletCatalog([.. outlets], []);
    }

    /// <summary>Reads a sources file.</summary>
    /// <exception cref="SitrepException">The file cannot be read or has no <c>outlet</c> column (<c>SR3004</c>).</exception>
    public static OutletCatalog Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var reader = new StreamReader(Path.GetFullPath(path));
            return Parse(reader, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw SitrepErrors.SourcesUnreadable.Exception(path, ex.Message.TrimEnd('.'));
        }
    }

    /// <summary>Parses sources CSV text; <paramref name="name"/> names it in error entries.</summary>
    public static OutletCatalog Parse(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(name);
        var options = new CsvReaderOptions { Separator = ',', TrimWhitespace = true, TrackLineNumbers = true };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        var outlets = new List<Outlet>();
        var errors = new List<SitrepError>();
        try
        {
            csv.ReadHeader();
            var headers = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            if (!headers.Contains("outlet"))
            {
                throw SitrepErrors.SourcesUnreadable.Exception(name, "there is no 'outlet' column (columns found: " + (headers.Length == 0 ? "none" : string.Join(", ", headers)) + ")");
            }

            while (csv.Read())
            {
                var line = (int)csv.LineNumber;
                var outlet = Field(csv, headers, "outlet");
                if (outlet is null)
                {
                    continue;
                }

                Reliability? grade = null;
                if (Field(csv, headers, "reliability") is { } value)
                {
                    if (value.Length == 1 && Enum.TryParse<Reliability>(value, ignoreCase: true, out var parsed))
                    {
                        grade = parsed;
                    }
                    else
                    {
                        errors.Add(SitrepErrors.SourcesValue.At(name, name, line, "reliability", value, "one of A, B, C, D, E, F"));
                    }
                }

                var aliases = (Field(csv, headers, "aliases") ?? string.Empty)
                    .Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                outlets.Add(new Outlet(outlet, grade, Field(csv, headers, "notes"), aliases));
            }
        }
        catch (CsvFormatException ex)
        {
            throw SitrepErrors.SourcesUnreadable.Exception(name, ex.Message.TrimEnd('.'));
        }

        return new OutletCatalog(outlets, errors);
    }

    /// <summary>This catalog with <paramref name="newer"/>'s outlets added; where both name one outlet, the newer row wins.</summary>
    public OutletCatalog Then(OutletCatalog newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        var names = newer.Outlets.Select(o => Key(o.Name)).ToHashSet(StringComparer.Ordinal);
        return new OutletCatalog([.. Outlets.Where(o => !names.Contains(Key(o.Name))), .. newer.Outlets], newer.Errors);
    }

    /// <summary>The outlet a source belongs to: by its outlet name or an alias, else by its address's domain; null when none.</summary>
    public Outlet? Find(Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Outlet is { } name && _byName.TryGetValue(Key(name), out var named))
        {
            return named;
        }

        if (source.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            var host = uri.Host.ToLowerInvariant().TrimEnd('.');
            foreach (var (domain, outlet) in _byDomain)
            {
                if (host == domain || host.EndsWith("." + domain, StringComparison.Ordinal))
                {
                    return outlet;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The source with the outlet's grade where it has none, and the outlet's name where it names no outlet;
    /// unchanged when no outlet matches.
    /// </summary>
    public Source Apply(Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Find(source) is not { } outlet)
        {
            return source;
        }

        return source with { Outlet = source.Outlet ?? outlet.Name, Reliability = source.Reliability ?? outlet.Reliability };
    }

    private static bool IsDomain(string alias) =>
        alias.Contains('.', StringComparison.Ordinal) && !alias.Any(char.IsWhiteSpace) && Uri.CheckHostName(alias.Trim().TrimEnd('.')) is UriHostNameType.Dns or UriHostNameType.IPv4;

    private static string Key(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLower(CultureInfo.InvariantCulture);

    private static string? Field(CsvReader csv, string[] headers, string name)
    {
        var index = Array.IndexOf(headers, name);
        if (index < 0 || index >= csv.FieldCount)
        {
            return null;
        }

        var value = csv.GetString(index);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
