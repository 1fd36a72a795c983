using System.Globalization;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Sitrep.Documents;
using Sitrep.Errors;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Structure;

namespace Sitrep.Ingest.Readers.Markdown;

/// <summary>
/// Markdown (CommonMark with pipe tables and YAML front matter, parsed by Markdig). The document's text is the
/// cleaned text: headings, paragraphs, list items, quotes and table rows each on their own, without <c>#</c>,
/// <c>**</c>, link targets, HTML or list markers. <see cref="Document.SourceMap"/> ties every piece of it back to
/// the characters of the Markdown it came from, so a citation is exact in the text and traceable to the file.
/// </summary>
/// <remarks>
/// Headings and tables become <see cref="DocumentRegion"/>s; code blocks are kept verbatim as boilerplate (in the
/// text, not analysed). Raw HTML, images, link targets and thematic breaks are dropped. Structure recovery (posts of a
/// live blog) runs on the cleaned text as for plain text.
/// </remarks>
public sealed class MarkdownReader : IDocumentReader
{
    /// <summary>Containers nested deeper than this are read as their original characters, without markup removed.</summary>
    public const int MaxDepth = 64;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UsePipeTables()
        .UseYamlFrontMatter()
        .Build();

    private readonly IngestOptions _options;

    /// <summary>Creates the reader.</summary>
    public MarkdownReader(IngestOptions? options = null) => _options = options ?? IngestOptions.Default;

    /// <inheritdoc />
    public string Name => "read.markdown.v1";

    /// <inheritdoc />
    public int Score(RawInput input, ReadOnlySpan<char> head)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Extension is ".md" or ".markdown" or ".mdown" or ".mkd" ? 60 : 0;
    }

    /// <inheritdoc />
    public ReadResult Read(RawInput input, string text)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(text);
        var path = input.File.DisplayPath;
        var errors = new List<SitrepError>();
        if (text.Length > _options.MaxDocumentChars)
        {
            var cut = char.IsHighSurrogate(text[_options.MaxDocumentChars - 1]) ? _options.MaxDocumentChars - 1 : _options.MaxDocumentChars;
            errors.Add(SitrepErrors.TextTruncated.At(path, text.Length, _options.MaxDocumentChars));
            text = text[..cut];
        }

        var cleaned = Clean(text);
        if (cleaned.Flat)
        {
            errors.Add(SitrepErrors.MarkdownFlat.At(path));
        }

        if (string.IsNullOrWhiteSpace(cleaned.Text))
        {
            errors.Add(SitrepErrors.NoText.At(path, "Markdown file"));
            return new ReadResult([], errors);
        }

        var structure = StructureRecovery.Recover(cleaned.Text);
        var title = cleaned.Title ?? cleaned.FrontMatter.GetValueOrDefault("title") ?? PlainTextReader.GuessTitle(cleaned.Text);
        var source = new Source(
            Author: cleaned.FrontMatter.GetValueOrDefault("author"),
            Published: cleaned.FrontMatter.TryGetValue("date", out var date) && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when) ? when : null);
        var document = Document.Create(cleaned.Text, path)
            .WithTitle(title)
            .WithKind(structure.Kind)
            .WithSource(source)
            .WithLanguage(Language.LanguageIdentifier.Identify(cleaned.Text))
            .AddPosts(structure.Posts)
            .AddBoilerplates(structure.Boilerplate.Concat(cleaned.Code).OrderBy(r => r.Start))
            .AddRegions(cleaned.Regions)
            .AddSourceSegments(cleaned.Map)
            .Build();
        return new ReadResult([document], errors);
    }

    /// <summary>Markdown without its markup, with the map back to the original characters.</summary>
    public static CleanMarkdown Clean(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        MarkdownDocument parsed;
        try
        {
            parsed = Markdig.Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses input nested beyond its own depth limit: such a file is read as it is, markup and all.
            return new CleanMarkdown(markdown, [new SourceSegment(new TextRange(0, markdown.Length), new TextRange(0, markdown.Length))], [], [], null, new Dictionary<string, string>()) { Flat = true };
        }

        var writer = new CleanWriter(markdown);
        foreach (var block in parsed)
        {
            writer.Block(block, 0);
        }

        return writer.Finish();
    }

    private sealed class CleanWriter(string source)
    {
        private readonly System.Text.StringBuilder _text = new();
        private readonly List<SourceSegment> _map = [];
        private readonly List<DocumentRegion> _regions = [];
        private readonly List<TextRange> _code = [];
        private readonly Dictionary<string, string> _frontMatter = new(StringComparer.OrdinalIgnoreCase);
        private string? _title;

        public CleanMarkdown Finish()
        {
            TrimEnd(0);
            return new CleanMarkdown(_text.ToString(), _map, _regions, _code, _title, _frontMatter);
        }

        public void Block(Block block, int depth)
        {
            if (depth > MaxDepth)
            {
                Verbatim(block.Span);
                EndBlock();
                return;
            }

            switch (block)
            {
                case YamlFrontMatterBlock yaml:
                    ReadFrontMatter(yaml);
                    break;
                case HeadingBlock heading:
                    {
                        var start = _text.Length;
                        Inlines(heading.Inline, depth);
                        TrimEnd(start);
                        if (_text.Length > start)
                        {
                            _regions.Add(new DocumentRegion(RegionKind.Heading, new TextRange(start, _text.Length), heading.Level));
                            if (heading.Level == 1 && _title is null)
                            {
                                _title = _text.ToString(start, _text.Length - start);
                            }
                        }

                        EndBlock();
                        break;
                    }

                case ParagraphBlock paragraph:
                    {
                        var start = _text.Length;
                        Inlines(paragraph.Inline, depth);
                        TrimEnd(start);
                        EndBlock();
                        break;
                    }

                case Table table:
                    TableRows(table, depth);
                    break;
                case CodeBlock code:
                    {
                        var start = _text.Length;
                        foreach (var line in code.Lines.Lines?.Take(code.Lines.Count) ?? [])
                        {
                            var slice = line.Slice;
                            if (slice.Text is not null && slice.Length > 0 && line.Position >= 0 && line.Position + slice.Length <= source.Length)
                            {
                                Copy(slice.ToString(), line.Position, line.Position + slice.Length);
                            }

                            _text.Append('\n');
                        }

                        TrimEnd(start);
                        if (_text.Length > start)
                        {
                            var range = new TextRange(start, _text.Length);
                            _regions.Add(new DocumentRegion(RegionKind.Code, range));
                            _code.Add(range);
                        }

                        EndBlock();
                        break;
                    }

                case QuoteBlock quote:
                    {
                        var start = _text.Length;
                        foreach (var child in quote)
                        {
                            Block(child, depth + 1);
                        }

                        var end = TrimmedEnd(start);
                        if (end > start)
                        {
                            _regions.Add(new DocumentRegion(RegionKind.Quote, new TextRange(start, end)));
                        }

                        break;
                    }

                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        Block(child, depth + 1);
                    }

                    break;
                default:
                    // Raw HTML blocks, thematic breaks and link reference definitions carry no prose.
                    break;
            }
        }

        private void TableRows(Table table, int depth)
        {
            var start = _text.Length;
            foreach (var row in table.OfType<TableRow>())
            {
                var first = true;
                foreach (var cell in row.OfType<TableCell>())
                {
                    if (!first)
                    {
                        _text.Append(" | ");
                    }

                    first = false;
                    foreach (var child in cell.OfType<ParagraphBlock>())
                    {
                        var cellStart = _text.Length;
                        Inlines(child.Inline, depth);
                        TrimEnd(cellStart);
                    }
                }

                _text.Append('\n');
            }

            TrimEnd(start);
            if (_text.Length > start)
            {
                _regions.Add(new DocumentRegion(RegionKind.Table, new TextRange(start, _text.Length)));
            }

            EndBlock();
        }

        private void Inlines(ContainerInline? container, int depth)
        {
            if (container is null)
            {
                return;
            }

            foreach (var inline in container)
            {
                Inline(inline, depth + 1);
            }
        }

        private void Inline(Markdig.Syntax.Inlines.Inline inline, int depth)
        {
            if (depth > MaxDepth)
            {
                Verbatim(inline.Span);
                return;
            }

            switch (inline)
            {
                case LiteralInline literal:
                    Copy(literal.Content.ToString(), literal.Span.Start, literal.Span.End + 1);
                    break;
                case CodeInline code:
                    Copy(code.Content, code.Span.Start, code.Span.End + 1);
                    break;
                case LineBreakInline lineBreak:
                    if (lineBreak.Span.Start >= 0 && lineBreak.Span.Start < source.Length && source[lineBreak.Span.Start] == '\n')
                    {
                        Copy("\n", lineBreak.Span.Start, lineBreak.Span.Start + 1);
                    }
                    else
                    {
                        _text.Append('\n');
                    }

                    break;
                case HtmlEntityInline entity:
                    Copy(entity.Transcoded.ToString(), entity.Span.Start, entity.Span.End + 1);
                    break;
                case AutolinkInline autolink:
                    Copy(autolink.Url, autolink.Span.Start, autolink.Span.End + 1);
                    break;
                case LinkInline { IsImage: true }:
                case HtmlInline:
                    break;
                case ContainerInline container:
                    Inlines(container, depth);
                    break;
                default:
                    Verbatim(inline.Span);
                    break;
            }
        }

        private void ReadFrontMatter(YamlFrontMatterBlock yaml)
        {
            foreach (var line in yaml.Lines.Lines?.Take(yaml.Lines.Count) ?? [])
            {
                var text = line.Slice.ToString();
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    var value = text[(colon + 1)..].Trim().Trim('"', '\'');
                    if (value.Length > 0)
                    {
                        _frontMatter.TryAdd(text[..colon].Trim(), value);
                    }
                }
            }
        }

        private void Verbatim(SourceSpan span)
        {
            if (span.Start >= 0 && span.End >= span.Start && span.End < source.Length)
            {
                Copy(source.Substring(span.Start, span.Length), span.Start, span.End + 1);
            }
        }

        // Appends text that came from source[start..end); equal lengths mark a verbatim copy.
        private void Copy(string piece, int start, int end)
        {
            if (piece.Length == 0)
            {
                return;
            }

            var at = _text.Length;
            _text.Append(piece);
            if (start >= 0 && end >= start && end <= source.Length)
            {
                _map.Add(new SourceSegment(new TextRange(at, _text.Length), new TextRange(start, end)));
            }
        }

        private void EndBlock()
        {
            if (_text.Length > 0 && !EndsWith("\n\n"))
            {
                _text.Append(EndsWith("\n") ? "\n" : "\n\n");
            }
        }

        private bool EndsWith(string tail) =>
            _text.Length >= tail.Length && _text.ToString(_text.Length - tail.Length, tail.Length) == tail;

        private int TrimmedEnd(int start)
        {
            var end = _text.Length;
            while (end > start && char.IsWhiteSpace(_text[end - 1]))
            {
                end--;
            }

            return end;
        }

        // Removes trailing white space of the current block, with any map segment that covered it.
        private void TrimEnd(int start)
        {
            var end = TrimmedEnd(start);
            if (end == _text.Length)
            {
                return;
            }

            _text.Length = end;
            while (_map.Count > 0 && _map[^1].Text.End > end)
            {
                var last = _map[^1];
                _map.RemoveAt(_map.Count - 1);
                if (last.Text.Start < end && last.Text.Length == last.Original.Length)
                {
                    var keep = end - last.Text.Start;
                    _map.Add(new SourceSegment(new TextRange(last.Text.Start, end), new TextRange(last.Original.Start, last.Original.Start + keep)));
                    break;
                }
            }
        }
    }
}

/// <summary>The cleaned text of a Markdown file and what was learnt while cleaning it.</summary>
/// <param name="Text">Text without markup.</param>
/// <param name="Map">Pieces of the text and the Markdown characters they came from, in text order.</param>
/// <param name="Regions">Headings, tables, quotes and code blocks.</param>
/// <param name="Code">Code blocks: kept in the text, excluded from analysis.</param>
/// <param name="Title">The first level-1 heading, when there is one.</param>
/// <param name="FrontMatter">Simple <c>key: value</c> pairs of YAML front matter (title, author, date).</param>
public sealed record CleanMarkdown(
    string Text,
    IReadOnlyList<SourceSegment> Map,
    IReadOnlyList<DocumentRegion> Regions,
    IReadOnlyList<TextRange> Code,
    string? Title,
    IReadOnlyDictionary<string, string> FrontMatter)
{
    /// <summary>True when the Markdown nests too deeply to parse and <see cref="Text"/> is the input unchanged.</summary>
    public bool Flat { get; init; }
}
