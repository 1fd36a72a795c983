using System.Globalization;
using System.Xml;
using Sitrep.Documents;
using Sitrep.Errors;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Readers.Html;

namespace Sitrep.Ingest.Readers.Feeds;

/// <summary>
/// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item is a document of kind feed-item, with the feed's title as outlet.
/// </summary>
/// <remarks>
/// Read with <see cref="XmlReader"/> and <see cref="DtdProcessing.Prohibit"/>, no resolver and a cap on characters, so
/// neither an external entity (XXE) nor an entity-expansion payload (billion laughs) is ever expanded: a feed that
/// declares a DTD is refused with SR9004. Item bodies that carry HTML are reduced to text.
/// </remarks>
public sealed class FeedReader : IDocumentReader
{
    private readonly IngestOptions _options;

    /// <summary>Creates the reader.</summary>
    public FeedReader(IngestOptions? options = null) => _options = options ?? IngestOptions.Default;

    /// <inheritdoc />
    public string Name => "read.feed.v1";

    /// <inheritdoc />
    public int Score(RawInput input, ReadOnlySpan<char> head)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sniffed = head.Contains("<rss", StringComparison.OrdinalIgnoreCase) || head.Contains("<feed", StringComparison.Ordinal) || head.Contains("<rdf:RDF", StringComparison.Ordinal);
        if (sniffed)
        {
            return 95;
        }

        return input.Extension is ".rss" or ".atom" or ".xml" ? 60 : 0;
    }

    /// <inheritdoc />
    public ReadResult Read(RawInput input, string text)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(text);
        var path = input.File.DisplayPath;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = Math.Max(1, (long)_options.MaxDocumentChars * 4),
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        var documents = new List<Document>();
        var errors = new List<SitrepError>();
        string? feedTitle = null;
        Item? item = null;
        var index = 0;
        var dropped = 0;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            var depth = -1;
            var cursor = new Cursor(reader);
            while (cursor.Positioned || reader.Read())
            {
                // ReadElementContentAsString leaves the reader on the next node already: do not skip it.
                cursor.Positioned = false;
                if (reader.EOF)
                {
                    break;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    if (reader.NodeType == XmlNodeType.EndElement && item is not null && reader.Depth == depth && IsItem(reader.LocalName))
                    {
                        index++;
                        if (documents.Count < _options.MaxItems)
                        {
                            Add(item, feedTitle, path, index, documents, errors);
                        }
                        else
                        {
                            // Over the limit: the rest are only counted (never built), so the analyst learns how many were lost.
                            dropped++;
                        }

                        item = null;
                    }

                    continue;
                }

                var name = reader.LocalName;
                if (IsItem(name))
                {
                    item = new Item();
                    depth = reader.Depth;
                    continue;
                }

                if (item is null)
                {
                    if (name == "title" && feedTitle is null)
                    {
                        feedTitle = cursor.Text();
                    }

                    continue;
                }

                switch (name)
                {
                    case "title":
                        item.Title ??= cursor.Text();
                        break;
                    case "link":
                        var href = reader.GetAttribute("href");
                        var rel = reader.GetAttribute("rel");
                        if (href is not null)
                        {
                            if (rel is null or "alternate")
                            {
                                item.Url ??= href;
                            }
                        }
                        else
                        {
                            item.Url ??= cursor.Text();
                        }

                        break;
                    case "encoded" or "content":
                        item.Content = cursor.Text();
                        break;
                    case "description" or "summary":
                        item.Summary ??= cursor.Text();
                        break;
                    case "pubDate" or "published" or "date" or "updated" or "issued":
                        item.Published ??= cursor.Text();
                        break;
                    case "creator" or "author" when reader.IsEmptyElement is false:
                        item.Author ??= Author(reader);
                        break;
                }
            }
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("entit", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(SitrepErrors.FeedDtdRefused.At(path, ex.Message));
        }
        catch (XmlException ex)
        {
            errors.Add(SitrepErrors.Malformed.At(path, "RSS/Atom", ex.Message));
        }

        if (documents.Count == 0 && errors.Count == 0)
        {
            errors.Add(SitrepErrors.Malformed.At(path, "RSS/Atom", "no items"));
        }

        if (dropped > 0)
        {
            errors.Add(SitrepErrors.ItemsDropped.At(path, dropped, index, string.Create(CultureInfo.InvariantCulture, $"over the limit of {_options.MaxItems:N0} items per file")));
        }

        return new ReadResult(documents, errors);
    }

    private static bool IsItem(string name) => name is "item" or "entry";

    private void Add(Item item, string? feedTitle, string path, int index, List<Document> documents, List<SitrepError> errors)
    {
        var body = item.Content ?? item.Summary ?? string.Empty;
        var text = body.Contains('<', StringComparison.Ordinal) ? HtmlReader.FlatText(body) : HtmlContentExtractor.Normalize(System.Net.WebUtility.HtmlDecode(body));
        if (item.Title is { } title && !text.StartsWith(title, StringComparison.Ordinal))
        {
            text = string.IsNullOrWhiteSpace(text) ? title : title + "\n\n" + text;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(SitrepErrors.NoText.At(path, index));
            return;
        }

        if (text.Length > _options.MaxDocumentChars)
        {
            errors.Add(SitrepErrors.TextTruncated.At(path, text.Length, _options.MaxDocumentChars));
            text = text[.._options.MaxDocumentChars];
        }

        var source = new Source(feedTitle, item.Author, item.Url, ParseDate(item.Published));
        documents.Add(PlainTextReader.Build(text, $"{path}#{index}", item.Title, source, DocumentKind.FeedItem));
    }

    /// <summary>The reader with a flag telling whether it already stands on the next node.</summary>
    private sealed class Cursor(XmlReader reader)
    {
        public bool Positioned { get; set; }

        public string Text()
        {
            if (reader.IsEmptyElement)
            {
                return string.Empty;
            }

            Positioned = true;
            return reader.ReadElementContentAsString().Trim();
        }
    }

    private static string? Author(XmlReader reader)
    {
        // Atom: <author><name>...</name></author>; RSS: <author>mail (Name)</author>; Dublin Core: <dc:creator>.
        using var sub = reader.ReadSubtree();
        string? name = null;
        var all = new System.Text.StringBuilder();
        while (sub.Read())
        {
            if (sub.NodeType == XmlNodeType.Element && sub.LocalName == "name")
            {
                name = sub.ReadElementContentAsString();
            }
            else if (sub.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                all.Append(sub.Value);
            }
        }

        var result = (name ?? all.ToString()).Trim();
        return result.Length == 0 ? null : result;
    }

    private static DateTimeOffset? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        var comma = value.IndexOf(',', StringComparison.Ordinal);
        if (comma is > 0 and < 10)
        {
            // Feeds often name the wrong weekday; the date itself is what counts.
            value = value[(comma + 1)..].Trim();
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        // RFC 822 with a zone name ("Sat, 24 Jun 2023 10:15:00 GMT" parses above; "EST" and friends do not).
        var space = value.LastIndexOf(' ');
        if (space > 0 && DateTimeOffset.TryParse(value[..space], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsed))
        {
            return parsed;
        }

        return null;
    }

    private sealed class Item
    {
        public string? Title { get; set; }

        public string? Url { get; set; }

        public string? Content { get; set; }

        public string? Summary { get; set; }

        public string? Published { get; set; }

        public string? Author { get; set; }
    }
}
