using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Sitrep.Documents;
using Sitrep.Errors;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Structure;
using Document = Sitrep.Documents.Document;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Sitrep.Ingest.Readers.Word;

/// <summary>
/// Word documents (<c>.docx</c>, Office Open XML, read with DocumentFormat.OpenXml): headings (as
/// <see cref="RegionKind.Heading"/> regions with their level), paragraphs, tables (one row per line, cells joined by
/// " | ", a <see cref="RegionKind.Table"/> region), and the comments as posts after the body, each with its author
/// and date. Title, author and creation date come from the document properties.
/// </summary>
/// <remarks>
/// The package is checked before it is opened: the XML parts may expand to at most
/// <see cref="IngestOptions.MaxDecompressedBytes"/> together and the ZIP may hold at most <see cref="MaxEntries"/>
/// entries, so a zip bomb named <c>.docx</c> ends in one error. Deleted text of tracked changes, headers, footers,
/// footnotes, text boxes' layout, images and formatting are not read.
/// </remarks>
public sealed class WordReader : IBinaryDocumentReader
{
    /// <summary>Most entries a package may hold.</summary>
    public const int MaxEntries = 10_000;

    private readonly IngestOptions _options;

    /// <summary>Creates the reader.</summary>
    public WordReader(IngestOptions? options = null) => _options = options ?? IngestOptions.Default;

    /// <inheritdoc />
    public string Name => "read.docx.v1";

    /// <inheritdoc />
    public int Score(RawInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ContainerFormats.IsZip(input.Head(4)))
        {
            return 0;
        }

        return input.Extension is ".docx" or ".docm" or ".dotx" or ".dotm" ? 90 : 20;
    }

    /// <inheritdoc />
    public ReadResult Read(RawInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var path = input.File.DisplayPath;
        try
        {
            if (CheckPackage(input, path) is { } refused)
            {
                return ReadResult.Failed(refused);
            }

            using var stream = new MemoryStream(input.Bytes, writable: false);
            using var word = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = _options.MaxDecompressedBytes });
            return Read(word, path);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FormatException or IOException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return ReadResult.Failed(SitrepErrors.Malformed.At(path, "Word document", ex.Message));
        }
    }

    // Inflates every XML part into nothing, counting: the declared sizes in a ZIP's directory can lie.
    private SitrepError? CheckPackage(RawInput input, string path)
    {
        using var stream = new MemoryStream(input.Bytes, writable: false);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        if (zip.Entries.Count > MaxEntries)
        {
            return SitrepErrors.ArchiveTooLarge.At(path, "Word document", _options.MaxDecompressedBytes, string.Create(CultureInfo.InvariantCulture, $"{zip.Entries.Count:N0} entries, over the limit of {MaxEntries:N0}"));
        }

        if (zip.GetEntry("word/document.xml") is null && !zip.Entries.Any(e => e.FullName.EndsWith("document.xml", StringComparison.OrdinalIgnoreCase) && e.FullName.StartsWith("word/", StringComparison.OrdinalIgnoreCase)))
        {
            return SitrepErrors.NotWordDocument.At(path, "no word/document.xml part");
        }

        var total = 0L;
        var buffer = new byte[81920];
        foreach (var entry in zip.Entries)
        {
            if (!entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            using var part = entry.Open();
            int read;
            while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                if (total > _options.MaxDecompressedBytes)
                {
                    return SitrepErrors.ArchiveTooLarge.At(path, "Word document", _options.MaxDecompressedBytes, "part '" + entry.FullName + "'");
                }
            }
        }

        return null;
    }

    private ReadResult Read(WordprocessingDocument word, string path)
    {
        var errors = new List<SitrepError>();
        var main = word.MainDocumentPart;
        var body = main?.Document?.Body;
        if (main is null || body is null)
        {
            return ReadResult.Failed(SitrepErrors.NotWordDocument.At(path, "no document body"));
        }

        var headingLevels = HeadingLevels(main.StyleDefinitionsPart?.Styles);
        var writer = new TextWriter(_options.MaxDocumentChars);
        string? title = null;
        foreach (var element in body.ChildElements)
        {
            writer.Element(element, headingLevels, ref title, 0);
        }

        var posts = new List<Post>();
        if (main.WordprocessingCommentsPart?.Comments is { } comments)
        {
            var n = 0;
            foreach (var comment in comments.Elements<Comment>())
            {
                var said = string.Join(' ', comment.Elements<Paragraph>().Select(ParagraphText).Where(t => t.Length > 0));
                if (said.Length == 0 || writer.Full)
                {
                    continue;
                }

                n++;
                var author = comment.Author?.Value is { Length: > 0 } a ? a : null;
                var date = comment.Date?.Value;
                var dateText = date?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                var header = "Comment by " + (author ?? "unknown") + (dateText is null ? string.Empty : " · " + dateText);
                writer.Break();
                var start = writer.Length;
                writer.Append(header);
                var headerRange = new TextRange(start, writer.Length);
                writer.Append("\n" + said);
                var time = dateText is null ? null : new PostTime(dateText, date!.Value.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), new TextRange(headerRange.End - dateText.Length, headerRange.End));
                posts.Add(new Post("c" + n.ToString(CultureInfo.InvariantCulture), null, 0, author, time, new TextRange(start, writer.Length), headerRange));
            }
        }

        if (writer.Truncated)
        {
            errors.Add(SitrepErrors.TextTruncated.At(path, writer.Wanted, _options.MaxDocumentChars));
        }

        var text = writer.ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(SitrepErrors.NoText.At(path, "Word document"));
            return new ReadResult([], errors);
        }

        var properties = word.PackageProperties;
        var bodyEnd = posts.Count > 0 ? posts[0].Range.Start : text.Length;
        var structure = StructureRecovery.Recover(text[..bodyEnd]);
        var document = Document.Create(text, path)
            .WithTitle(Usable(properties.Title) ?? title ?? PlainTextReader.GuessTitle(text))
            .WithKind(structure.Kind)
            .WithSource(new Source(
                Author: Usable(properties.Creator),
                Published: properties.Created is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : null))
            .WithLanguage(Language.LanguageIdentifier.Identify(text))
            .AddPosts(structure.Posts)
            .AddPosts(posts)
            .AddBoilerplates(structure.Boilerplate)
            .AddRegions(writer.Regions)
            .Build();
        return new ReadResult([document], errors);
    }

    // Style id -> outline level, from the style's name ("heading 2") or its outline level; "Title" counts as level 1.
    private static Dictionary<string, int> HeadingLevels(Styles? styles)
    {
        var levels = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var style in styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is not { } id)
            {
                continue;
            }

            var name = style.StyleName?.Val?.Value ?? id;
            if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } outline && outline < 9)
            {
                levels[id] = outline + 1;
            }
            else if (name.StartsWith("heading ", StringComparison.OrdinalIgnoreCase) && int.TryParse(name.AsSpan(8), CultureInfo.InvariantCulture, out var level))
            {
                levels[id] = level;
            }
            else if (name.Equals("Title", StringComparison.OrdinalIgnoreCase))
            {
                levels[id] = 1;
            }
        }

        return levels;
    }

    private static int? HeadingLevel(Paragraph paragraph, Dictionary<string, int> levels)
    {
        var properties = paragraph.ParagraphProperties;
        if (properties?.OutlineLevel?.Val?.Value is { } outline && outline < 9)
        {
            return outline + 1;
        }

        if (properties?.ParagraphStyleId?.Val?.Value is not { } style)
        {
            return null;
        }

        if (levels.TryGetValue(style, out var level))
        {
            return level;
        }

        // A document without a styles part still names its heading styles "Heading1"… and "Title".
        if (style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) && int.TryParse(style.AsSpan(7), CultureInfo.InvariantCulture, out level))
        {
            return level;
        }

        return style.Equals("Title", StringComparison.OrdinalIgnoreCase) ? 1 : null;
    }

    /// <summary>The visible text of a paragraph: runs, tabs and breaks; deleted text of tracked changes is left out.</summary>
    internal static string ParagraphText(Paragraph paragraph)
    {
        var builder = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case WordText text:
                    builder.Append(text.Text);
                    break;
                case TabChar:
                    builder.Append('\t');
                    break;
                case Break or CarriageReturn:
                    builder.Append('\n');
                    break;
                case NoBreakHyphen:
                    builder.Append('-');
                    break;
            }
        }

        return builder.ToString().Trim();
    }

    private static string? Usable(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The document's text as it is built, with its regions and the character cap.</summary>
    private sealed class TextWriter(int max)
    {
        private const int MaxDepth = 32;
        private readonly StringBuilder _text = new();

        public List<DocumentRegion> Regions { get; } = [];

        public int Length => _text.Length;

        public bool Full => _text.Length >= max;

        public bool Truncated { get; private set; }

        public long Wanted { get; private set; }

        public void Element(OpenXmlElement element, Dictionary<string, int> headingLevels, ref string? title, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            switch (element)
            {
                case Paragraph paragraph:
                    {
                        var text = ParagraphText(paragraph);
                        if (text.Length == 0)
                        {
                            return;
                        }

                        Break();
                        var start = _text.Length;
                        Append(text);
                        if (HeadingLevel(paragraph, headingLevels) is { } level && _text.Length > start)
                        {
                            Regions.Add(new DocumentRegion(RegionKind.Heading, new TextRange(start, _text.Length), level));
                            if (level == 1)
                            {
                                title ??= text;
                            }
                        }

                        break;
                    }

                case Table table:
                    {
                        Break();
                        var start = _text.Length;
                        foreach (var row in table.Elements<TableRow>())
                        {
                            var cells = row.Elements<TableCell>().Select(c => string.Join(' ', c.Descendants<Paragraph>().Select(ParagraphText).Where(t => t.Length > 0)).Replace('\n', ' '));
                            var line = string.Join(" | ", cells);
                            if (line.Trim('|', ' ').Length == 0)
                            {
                                continue;
                            }

                            if (_text.Length > start)
                            {
                                Append("\n");
                            }

                            Append(line);
                        }

                        if (_text.Length > start)
                        {
                            Regions.Add(new DocumentRegion(RegionKind.Table, new TextRange(start, _text.Length)));
                        }

                        break;
                    }

                default:
                    // Content controls, custom XML and the like wrap paragraphs and tables.
                    foreach (var child in element.ChildElements)
                    {
                        Element(child, headingLevels, ref title, depth + 1);
                    }

                    break;
            }
        }

        public void Break()
        {
            if (_text.Length > 0)
            {
                Append("\n\n");
            }
        }

        public void Append(string piece)
        {
            Wanted += piece.Length;
            if (Truncated)
            {
                return;
            }

            if (_text.Length + piece.Length > max)
            {
                Truncated = true;
                return;
            }

            _text.Append(piece);
        }

        public override string ToString() => _text.ToString().TrimEnd();
    }
}
