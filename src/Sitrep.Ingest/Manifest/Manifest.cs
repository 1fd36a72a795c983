using System.Globalization;
using CsvHelper;
using Sitrep.Documents;
using Sitrep.Errors;
using Sitrep.Ingest.Files;

namespace Sitrep.Ingest.Manifest;

/// <summary>
/// The optional CSV that tells Sitrep what the text cannot: outlet, author, url, published time, Admiralty reliability,
/// kind and title, per file or per glob. Columns: <c>path</c> (required) and any of <c>outlet, author, url, published,
/// reliability, kind, title</c>. Paths are relative to the manifest's folder; the first matching row wins.
/// </summary>
public sealed class SourceManifest
{
    private static readonly string[] KnownColumns = ["path", "outlet", "author", "url", "published", "reliability", "kind", "title"];
    private readonly List<(Glob? Glob, string Path, ManifestEntry Entry)> _rows;
    private readonly string _baseDirectory;

    private SourceManifest(string baseDirectory, List<(Glob?, string, ManifestEntry)> rows, IReadOnlyList<SitrepError> errors)
    {
        _baseDirectory = baseDirectory;
        _rows = rows;
        Errors = errors;
    }

    /// <summary>A manifest with no rows.</summary>
    public static SourceManifest Empty { get; } = new(".", [], []);

    /// <summary>
    /// Every invalid cell (<c>SR3002</c>), one entry each: the cell is left empty and the rest of its row still applies,
    /// so one mistyped date neither stops the run nor hides the other mistakes.
    /// </summary>
    public IReadOnlyList<SitrepError> Errors { get; }

    /// <summary>Number of rows.</summary>
    public int Count => _rows.Count;

    /// <summary>Reads a manifest file.</summary>
    /// <exception cref="SitrepException">The file cannot be read or lacks the path column; invalid values are in <see cref="Errors"/>.</exception>
    public static SourceManifest Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        try
        {
            using var reader = new StreamReader(full);
            return Parse(reader, path, Path.GetDirectoryName(full) ?? ".");
        }
        catch (IOException ex)
        {
            throw SitrepErrors.ManifestUnreadable.Exception(path, ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw SitrepErrors.ManifestUnreadable.Exception(path, ex.Message);
        }
    }

    /// <summary>Parses manifest CSV text.</summary>
    public static SourceManifest Parse(TextReader reader, string name, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = new CsvReaderOptions { Separator = ',', TrimWhitespace = true, TrackLineNumbers = true };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        var rows = new List<(Glob?, string, ManifestEntry)>();
        var errors = new List<SitrepError>();
        try
        {
            csv.ReadHeader();
            var headers = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            if (!headers.Contains("path"))
            {
                throw SitrepErrors.ManifestColumns.Exception(name, "path", headers.Length == 0 ? "none" : string.Join(", ", headers));
            }

            while (csv.Read())
            {
                var line = (int)csv.LineNumber;
                var rowPath = Field(csv, headers, "path");
                if (string.IsNullOrWhiteSpace(rowPath))
                {
                    continue;
                }

                var entry = new ManifestEntry(
                    Field(csv, headers, "outlet"),
                    Field(csv, headers, "author"),
                    Field(csv, headers, "url"),
                    ParsePublished(Field(csv, headers, "published"), name, line, errors),
                    ParseReliability(Field(csv, headers, "reliability"), name, line, errors),
                    ParseKind(Field(csv, headers, "kind"), name, line, errors),
                    Field(csv, headers, "title"));
                var normalized = rowPath.Replace('\\', '/');
                if (normalized.StartsWith("./", StringComparison.Ordinal))
                {
                    normalized = normalized[2..];
                }

                rows.Add((Glob.IsPattern(normalized) ? Glob.Parse(normalized) : null, normalized, entry));
            }
        }
        catch (CsvFormatException ex)
        {
            throw SitrepErrors.ManifestUnreadable.Exception(name, ex.Message);
        }

        return new SourceManifest(baseDirectory, rows, errors);
    }

    /// <summary>The entry for a file, or null when no row matches.</summary>
    public ManifestEntry? Find(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        var relative = Path.GetRelativePath(_baseDirectory, fullPath).Replace('\\', '/');
        foreach (var (glob, path, entry) in _rows)
        {
            if (glob is not null ? glob.IsMatch(relative) : string.Equals(path, relative, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

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

    private static DateTimeOffset? ParsePublished(string? value, string name, int line, List<SitrepError> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        errors.Add(SitrepErrors.ManifestValue.At(name, name, line, "published", value, "an ISO 8601 time such as 2023-06-24T09:15:00+03:00"));
        return null;
    }

    private static Reliability? ParseReliability(string? value, string name, int line, List<SitrepError> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length == 1 && Enum.TryParse<Reliability>(value, ignoreCase: true, out var grade))
        {
            return grade;
        }

        errors.Add(SitrepErrors.ManifestValue.At(name, name, line, "reliability", value, "one of A, B, C, D, E, F"));
        return null;
    }

    private static DocumentKind? ParseKind(string? value, string name, int line, List<SitrepError> errors)
    {
        if (value is null)
        {
            return null;
        }

        var kind = DocumentKinds.Parse(value);
        if (kind is null)
        {
            errors.Add(SitrepErrors.ManifestValue.At(name, name, line, "kind", value, "one of " + string.Join(", ", DocumentKinds.Names)));
        }

        return kind;
    }

    /// <summary>The columns a manifest may have.</summary>
    public static IReadOnlyList<string> Columns => KnownColumns;
}

/// <summary>What the manifest says about one file.</summary>
/// <param name="Outlet">Outlet.</param>
/// <param name="Author">Author.</param>
/// <param name="Url">Url.</param>
/// <param name="Published">Publication time.</param>
/// <param name="Reliability">Admiralty reliability.</param>
/// <param name="Kind">Kind, overriding detection.</param>
/// <param name="Title">Title, overriding the reader's.</param>
public sealed record ManifestEntry(
    string? Outlet,
    string? Author,
    string? Url,
    DateTimeOffset? Published,
    Reliability? Reliability,
    DocumentKind? Kind,
    string? Title)
{
    /// <summary>The source these fields describe, filling gaps from <paramref name="fallback"/>.</summary>
    public Source ToSource(Source fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return new Source(
            Outlet ?? fallback.Outlet,
            Author ?? fallback.Author,
            Url ?? fallback.Url,
            Published ?? fallback.Published,
            Reliability ?? fallback.Reliability);
    }
}
