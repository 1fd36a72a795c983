using System.Globalization;
using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Errors;
using Sitrep.Ingest.Files;

namespace Sitrep.Ingest.Readers.JsonLines;

/// <summary>
/// JSON Lines from a scraper: one object per line with <c>text</c> (or <c>content</c>/<c>body</c>) and optional
/// <c>title</c>, <c>url</c>, <c>published</c>, <c>author</c>, <c>outlet</c>, <c>kind</c>. Each line is a document; a bad
/// line is one error entry and the others are still read. Unknown fields are ignored.
/// </summary>
public sealed class JsonLinesReader : IDocumentReader
{
    private readonly IngestOptions _options;

    /// <summary>Creates the reader.</summary>
    public JsonLinesReader(IngestOptions? options = null) => _options = options ?? IngestOptions.Default;

    /// <inheritdoc />
    public string Name => "read.jsonl.v1";

    /// <inheritdoc />
    public int Score(RawInput input, ReadOnlySpan<char> head)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Extension is ".jsonl" or ".ndjson")
        {
            return 90;
        }

        var trimmed = head.TrimStart();
        if (input.Extension == ".json" && !trimmed.Contains("\"messages\"", StringComparison.Ordinal))
        {
            // A .json file that is not an export: read as records, so anything else gets a clear error entry.
            return 35;
        }

        return trimmed.StartsWith("{") && !trimmed.Contains("\"messages\"", StringComparison.Ordinal) && head.Contains("\"text\"", StringComparison.Ordinal) ? 40 : 0;
    }

    /// <inheritdoc />
    public ReadResult Read(RawInput input, string text)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(text);
        var path = input.File.DisplayPath;
        var documents = new List<Document>();
        var errors = new List<SitrepError>();
        var lineNumber = 0;
        var dropped = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            if (documents.Count >= _options.MaxItems)
            {
                dropped++;
                continue;
            }

            if (line.Length > _options.MaxDocumentChars * 2L)
            {
                errors.Add(SitrepErrors.FieldTooLong.At(path, $"line {lineNumber}", line.Length, _options.MaxDocumentChars, "line skipped"));
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line.ToString(), new JsonDocumentOptions { MaxDepth = 32 });
                var document = ToDocument(doc.RootElement, $"{path}#{lineNumber}", lineNumber, path, errors);
                if (document is not null)
                {
                    documents.Add(document);
                }
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException)
            {
                errors.Add(SitrepErrors.JsonLineInvalid.At(path, lineNumber, ex.Message));
            }
            catch (InvalidOperationException ex)
            {
                // Valid JSON whose string escapes make invalid UTF-16 (a lone surrogate such as \udc00): only this line is lost.
                errors.Add(SitrepErrors.LineDropped.At(path, $"line {lineNumber}", ex.Message));
            }
        }

        if (dropped > 0)
        {
            errors.Add(SitrepErrors.ItemsDropped.At(path, dropped, documents.Count + dropped, string.Create(CultureInfo.InvariantCulture, $"over the limit of {_options.MaxItems:N0} records per file")));
        }

        return new ReadResult(documents, errors);
    }

    private Document? ToDocument(JsonElement record, string documentPath, int lineNumber, string path, List<SitrepError> errors)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            errors.Add(SitrepErrors.JsonLineInvalid.At(path, lineNumber, $"a JSON {record.ValueKind.ToString().ToLowerInvariant()}, not an object"));
            return null;
        }

        var text = Field(record, "text") ?? Field(record, "content") ?? Field(record, "body") ?? Field(record, "articleBody");
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(SitrepErrors.JsonLineInvalid.At(path, lineNumber, "no 'text' field"));
            return null;
        }

        if (text.Length > _options.MaxDocumentChars)
        {
            errors.Add(SitrepErrors.FieldTooLong.At(path, "text", text.Length, _options.MaxDocumentChars, "cut at the limit"));
            text = text[.._options.MaxDocumentChars];
        }

        var published = Field(record, "published") ?? Field(record, "date");
        var source = new Source(
            Field(record, "outlet") ?? Field(record, "source"),
            Field(record, "author"),
            Field(record, "url"),
            published is not null && DateTimeOffset.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var p) ? p : null);
        var kind = Field(record, "kind") is { } k ? DocumentKinds.Parse(k) : null;
        return PlainTextReader.Build(text, documentPath, Field(record, "title"), source, kind);
    }

    private static string? Field(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
