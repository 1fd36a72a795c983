using Sitrep.Ingest.Files;
using Sitrep.Ingest.Readers;

namespace Sitrep.Ingest.Fetch;

/// <summary>Reads a fetched page through the ordinary readers, as if it were a file, and dates it.</summary>
public static class FetchedPages
{
    /// <summary>
    /// The snapshot as an input: shown and stored under the address as requested; its extension (which helps the
    /// readers choose) comes from the final address's path, or else from the declared media type.
    /// </summary>
    public static RawInput ToRawInput(WebSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var final = new Uri(snapshot.FinalUrl);
        var path = final.GetLeftPart(UriPartial.Path);
        if (Path.GetExtension(final.AbsolutePath).Length == 0 && ExtensionOf(snapshot.ContentType) is { } extension)
        {
            path = path.TrimEnd('/') + "/index" + extension;
        }

        return new RawInput(new InputFile(path, snapshot.RequestedUrl), snapshot.Bytes);
    }

    /// <summary>
    /// Reads the snapshot with <paramref name="ingestor"/>: every document gets the final address when its page names
    /// none, and the fetch time as its report time when the page carries no date.
    /// </summary>
    public static ReadResult Read(DocumentIngestor ingestor, WebSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(ingestor);
        ArgumentNullException.ThrowIfNull(snapshot);
        var result = ingestor.Ingest(ToRawInput(snapshot));
        var documents = result.Documents
            .Select(d => d.WithMetadata(d.Title, d.Kind, ingestor.Outlets.Apply(d.Source with { Url = d.Source.Url ?? snapshot.FinalUrl, Published = d.Source.Published ?? snapshot.FetchedAt })))
            .ToList();
        return new ReadResult(documents, result.Errors);
    }

    private static string? ExtensionOf(string? mediaType) => mediaType?.ToLowerInvariant() switch
    {
        "text/html" or "application/xhtml+xml" => ".html",
        "text/plain" => ".txt",
        "text/markdown" => ".md",
        "application/rss+xml" or "application/atom+xml" or "application/xml" or "text/xml" => ".xml",
        "application/json" => ".json",
        "application/x-ndjson" or "application/jsonl" => ".jsonl",
        "application/pdf" => ".pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => ".docx",
        "message/rfc822" => ".eml",
        _ => null,
    };
}
