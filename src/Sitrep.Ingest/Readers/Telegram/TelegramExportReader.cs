using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Errors;
using Sitrep.Ingest.Boilerplate;
using Sitrep.Ingest.Files;

namespace Sitrep.Ingest.Readers.Telegram;

/// <summary>
/// Telegram Desktop's channel or chat export (<c>result.json</c>): one document for the export, one post per message
/// with its author and date, formatted-text arrays joined into plain text. Unknown fields are ignored; service
/// messages and messages without text are skipped.
/// </summary>
public sealed class TelegramExportReader : IDocumentReader
{
    private readonly IngestOptions _options;

    /// <summary>Creates the reader.</summary>
    public TelegramExportReader(IngestOptions? options = null) => _options = options ?? IngestOptions.Default;

    /// <inheritdoc />
    public string Name => "read.telegram.v1";

    /// <inheritdoc />
    public int Score(RawInput input, ReadOnlySpan<char> head)
    {
        ArgumentNullException.ThrowIfNull(input);
        var json = head.TrimStart().StartsWith("{");
        var messages = head.Contains("\"messages\"", StringComparison.Ordinal);
        if (json && messages && (head.Contains("\"type\"", StringComparison.Ordinal) || Path.GetFileName(input.File.FullPath).Equals("result.json", StringComparison.OrdinalIgnoreCase)))
        {
            return 95;
        }

        return json && input.Extension == ".json" ? 30 : 0;
    }

    /// <inheritdoc />
    public ReadResult Read(RawInput input, string text)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(text);
        var path = input.File.DisplayPath;
        var errors = new List<SitrepError>();
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            {
                return ReadResult.Failed(SitrepErrors.ExportInvalid.At(path, "Telegram export", "no 'messages' array at the top level"));
            }

            string? channel;
            try
            {
                channel = Str(root, "name");
            }
            catch (InvalidOperationException ex)
            {
                channel = null;
                errors.Add(SitrepErrors.LineDropped.At(path, "the channel name", ex.Message));
            }

            var builder = new StringBuilder();
            var posts = new List<Post>();
            if (channel is not null)
            {
                builder.Append(channel).Append("\n\n");
            }

            var count = 0;
            var seen = 0;
            foreach (var message in messages.EnumerateArray())
            {
                if (count >= _options.MaxItems)
                {
                    var total = messages.GetArrayLength();
                    errors.Add(SitrepErrors.ItemsDropped.At(path, total - seen, total, string.Create(CultureInfo.InvariantCulture, $"over the limit of {_options.MaxItems:N0} messages per export")));
                    break;
                }

                seen++;

                if (message.ValueKind != JsonValueKind.Object || Str(message, "type") is { } type && type != "message")
                {
                    continue;
                }

                string body, date;
                string? author;
                try
                {
                    body = message.TryGetProperty("text", out var t) ? Flatten(t) : string.Empty;
                    author = Str(message, "from") ?? Str(message, "author") ?? channel;
                    date = Str(message, "date") ?? string.Empty;
                }
                catch (InvalidOperationException ex)
                {
                    // A lone surrogate in one message's escapes (\udc00) cannot become text: that message alone is lost.
                    var id = message.TryGetProperty("id", out var idValue) ? idValue.GetRawText() : $"#{count + 1}";
                    errors.Add(SitrepErrors.LineDropped.At(path, $"message {id}", ex.Message));
                    continue;
                }

                if (string.IsNullOrWhiteSpace(body))
                {
                    continue;
                }

                if (builder.Length + body.Length > _options.MaxDocumentChars)
                {
                    errors.Add(SitrepErrors.FieldTooLong.At(path, "messages", builder.Length + body.Length, _options.MaxDocumentChars, "later messages not read"));
                    break;
                }

                count++;
                var start = builder.Length;
                var header = new StringBuilder();
                header.Append(author ?? "unknown");
                if (date.Length > 0)
                {
                    header.Append(" · ").Append(date);
                }

                builder.Append(header);
                var headerRange = new TextRange(start, builder.Length);
                builder.Append('\n').Append(body.Trim());
                var time = date.Length == 0 ? null : new PostTime(date, TimexOf(date), new TextRange(start + header.Length - date.Length, start + header.Length));
                posts.Add(new Post("p" + count.ToString(CultureInfo.InvariantCulture), null, 0, author, time, new TextRange(start, builder.Length), headerRange));
                builder.Append("\n\n");
            }

            if (posts.Count == 0)
            {
                errors.Add(SitrepErrors.NoText.At(path, "export"));
                return new ReadResult([], errors);
            }

            var documentText = builder.ToString().TrimEnd();
            var document = Document.Create(documentText, path)
                .WithTitle(channel)
                .WithKind(DocumentKind.FeedItem)
                .WithSource(new Source(channel))
                .WithLanguage(Language.LanguageIdentifier.Identify(documentText))
                .AddPosts(posts)
                .AddBoilerplates(BoilerplateDetector.Detect(documentText))
                .Build();
            return new ReadResult([document], errors);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return ReadResult.Failed(SitrepErrors.ExportInvalid.At(path, "Telegram export", ex.Message));
        }
    }

    /// <summary>
    /// Telegram writes local times without an offset (<c>2023-06-24T10:15:00</c>); the value keeps them local, to the
    /// minute, as TIMEX3 does for a time whose zone is unknown.
    /// </summary>
    private static string? TimexOf(string date) =>
        DateTime.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)
            : null;

    private static string Flatten(JsonElement text)
    {
        switch (text.ValueKind)
        {
            case JsonValueKind.String:
                return text.GetString() ?? string.Empty;
            case JsonValueKind.Array:
                var builder = new StringBuilder();
                foreach (var part in text.EnumerateArray())
                {
                    if (part.ValueKind == JsonValueKind.String)
                    {
                        builder.Append(part.GetString());
                    }
                    else if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var inner) && inner.ValueKind == JsonValueKind.String)
                    {
                        builder.Append(inner.GetString());
                    }
                }

                return builder.ToString();
            default:
                return string.Empty;
        }
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
