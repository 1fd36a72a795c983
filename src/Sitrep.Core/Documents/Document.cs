using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Documents;

/// <summary>
/// A report as Sitrep read it. The document owns its text; everything else Sitrep knows about it is a span into that
/// text or metadata beside it.
/// </summary>
/// <remarks>
/// The id is derived from the content hash, so the same text read twice, from any path, is the same document. A
/// document is immutable once built; analysis results live in <c>AnalyzedDocument</c> layers.
/// </remarks>
public sealed class Document
{
    private Document(
        string text,
        string path,
        string? title,
        DocumentKind kind,
        Source source,
        IReadOnlyList<Post> posts,
        IReadOnlyList<TextRange> boilerplate,
        string? language,
        IReadOnlyList<DocumentRegion> regions,
        IReadOnlyList<SourceSegment> sourceMap)
    {
        Text = text;
        Path = path;
        Title = title;
        Kind = kind;
        Source = source;
        Posts = posts;
        Boilerplate = boilerplate;
        Language = language;
        Regions = regions;
        SourceMap = sourceMap;
        ContentHash = HashOf(text);
        Id = "d" + ContentHash[..12];
    }

    /// <summary>Stable id derived from the content hash (<c>d</c> + 12 hex digits).</summary>
    public string Id { get; }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 encoded text.</summary>
    public string ContentHash { get; }

    /// <summary>The text as read, after decoding; never altered by analysis.</summary>
    public string Text { get; }

    /// <summary>Where the document was read from (relative to the working directory when possible).</summary>
    public string Path { get; }

    /// <summary>Headline or title, when the input has one.</summary>
    public string? Title { get; }

    /// <summary>The kind of report.</summary>
    public DocumentKind Kind { get; }

    /// <summary>What is known of the source.</summary>
    public Source Source { get; }

    /// <summary>Posts or updates, in text order; empty for single-author prose.</summary>
    public IReadOnlyList<Post> Posts { get; }

    /// <summary>Ranges of page furniture (navigation, widgets, disclaimers): kept in the text, excluded from analysis.</summary>
    public IReadOnlyList<TextRange> Boilerplate { get; }

    /// <summary>ISO 639-1 language code when identified.</summary>
    public string? Language { get; }

    /// <summary>
    /// The layout the input gave the text (PDF pages, headings, tables, code blocks), in text order; empty when the
    /// format has none. Regions of one kind never overlap; regions of different kinds may nest.
    /// </summary>
    public IReadOnlyList<DocumentRegion> Regions { get; }

    /// <summary>
    /// Where the text came from in the input when a reader rebuilt it (Markdown with its markup removed), in text
    /// order; empty when the text is the input's own characters or when the input has no character offsets (PDF).
    /// </summary>
    public IReadOnlyList<SourceSegment> SourceMap { get; }

    /// <summary>Reads the characters a span covers.</summary>
    /// <exception cref="ArgumentException">The span belongs to another document or lies outside the text.</exception>
    public string Slice(Span span)
    {
        if (!string.Equals(span.DocumentId, Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Span {span} belongs to document '{span.DocumentId}', not '{Id}'.", nameof(span));
        }

        return Slice(span.Range);
    }

    /// <summary>Reads the characters a range covers.</summary>
    public string Slice(TextRange range)
    {
        if (range.End > Text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(range), $"Range {range} lies outside a text of {Text.Length} characters.");
        }

        return Text.Substring(range.Start, range.Length);
    }

    /// <summary>A span of this document.</summary>
    public Span SpanOf(int start, int end) => new(Id, start, end);

    /// <summary>True when the offset falls inside a boilerplate range.</summary>
    public bool IsBoilerplate(int offset)
    {
        foreach (var range in Boilerplate)
        {
            if (range.Contains(offset))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The post that contains the offset, or null.</summary>
    public Post? PostAt(int offset)
    {
        Post? found = null;
        foreach (var post in Posts)
        {
            if (post.Range.Contains(offset))
            {
                found = post;
            }
        }

        return found;
    }

    /// <summary>The 1-based number of the page the offset lies on, or null when the input has no pages.</summary>
    public int? PageAt(int offset)
    {
        foreach (var region in Regions)
        {
            if (region.Kind == RegionKind.Page && region.Range.Contains(offset))
            {
                return region.Number;
            }
        }

        return null;
    }

    /// <summary>
    /// The characters of the input that a range of the text came from, through <see cref="SourceMap"/>: from the start
    /// of the segment holding <paramref name="range"/>'s first character to the end of the one holding its last.
    /// </summary>
    /// <returns>The input range; null when the document has no source map or the range lies in text the reader added.</returns>
    public TextRange? OriginalRange(TextRange range)
    {
        if (SourceMap.Count == 0 || range.Length == 0)
        {
            return null;
        }

        var first = SegmentAt(range.Start);
        var last = SegmentAt(range.End - 1);
        if (first is not { } a || last is not { } b)
        {
            return null;
        }

        // Equal lengths mean a verbatim copy, so offsets inside the segment carry over one to one.
        var start = a.Text.Length == a.Original.Length ? a.Original.Start + (range.Start - a.Text.Start) : a.Original.Start;
        var end = b.Text.Length == b.Original.Length ? b.Original.Start + (range.End - b.Text.Start) : b.Original.End;
        return new TextRange(start, Math.Max(start, end));
    }

    /// <summary>The same document (same text, id, posts and boilerplate) with other metadata.</summary>
    public Document WithMetadata(string? title, DocumentKind kind, Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new Document(Text, Path, title, kind, source, Posts, Boilerplate, Language, Regions, SourceMap);
    }

    /// <summary>A builder that starts from this document's text, metadata and structure.</summary>
    public DocumentBuilder ToBuilder() =>
        new DocumentBuilder(Text, Path).WithTitle(Title).WithKind(Kind).WithSource(Source).WithLanguage(Language).AddPosts(Posts).AddBoilerplates(Boilerplate)
            .AddRegions(Regions).AddSourceSegments(SourceMap);

    /// <summary>Starts building a document over <paramref name="text"/>.</summary>
    public static DocumentBuilder Create(string text, string path) => new(text, path);

    private SourceSegment? SegmentAt(int offset)
    {
        int lo = 0, hi = SourceMap.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var segment = SourceMap[mid];
            if (offset < segment.Text.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= segment.Text.End)
            {
                lo = mid + 1;
            }
            else
            {
                return segment;
            }
        }

        return null;
    }

    /// <summary>Hex SHA-256 of the UTF-8 bytes of a text.</summary>
    public static string HashOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Builds an immutable <see cref="Document"/>; validates that every range lies inside the text.</summary>
    public sealed class DocumentBuilder
    {
        private readonly string _text;
        private readonly string _path;
        private readonly List<Post> _posts = [];
        private readonly List<TextRange> _boilerplate = [];
        private readonly List<DocumentRegion> _regions = [];
        private readonly List<SourceSegment> _sourceMap = [];
        private string? _title;
        private DocumentKind _kind = DocumentKind.Other;
        private Source _source = Source.Unknown;
        private string? _language;

        internal DocumentBuilder(string text, string path)
        {
            ArgumentNullException.ThrowIfNull(text);
            ArgumentNullException.ThrowIfNull(path);
            _text = text;
            _path = path;
        }

        /// <summary>Sets the title.</summary>
        public DocumentBuilder WithTitle(string? title)
        {
            _title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
            return this;
        }

        /// <summary>Sets the kind.</summary>
        public DocumentBuilder WithKind(DocumentKind kind)
        {
            _kind = kind;
            return this;
        }

        /// <summary>Sets the source.</summary>
        public DocumentBuilder WithSource(Source source)
        {
            ArgumentNullException.ThrowIfNull(source);
            _source = source;
            return this;
        }

        /// <summary>Sets the language code.</summary>
        public DocumentBuilder WithLanguage(string? language)
        {
            _language = language;
            return this;
        }

        /// <summary>Adds a post.</summary>
        public DocumentBuilder AddPost(Post post)
        {
            ArgumentNullException.ThrowIfNull(post);
            CheckRange(post.Range);
            _posts.Add(post);
            return this;
        }

        /// <summary>Adds posts.</summary>
        public DocumentBuilder AddPosts(IEnumerable<Post> posts)
        {
            ArgumentNullException.ThrowIfNull(posts);
            foreach (var post in posts)
            {
                AddPost(post);
            }

            return this;
        }

        /// <summary>Marks a range as boilerplate.</summary>
        public DocumentBuilder AddBoilerplate(TextRange range)
        {
            CheckRange(range);
            _boilerplate.Add(range);
            return this;
        }

        /// <summary>Marks ranges as boilerplate.</summary>
        public DocumentBuilder AddBoilerplates(IEnumerable<TextRange> ranges)
        {
            ArgumentNullException.ThrowIfNull(ranges);
            foreach (var range in ranges)
            {
                AddBoilerplate(range);
            }

            return this;
        }

        /// <summary>Adds a layout region.</summary>
        public DocumentBuilder AddRegion(DocumentRegion region)
        {
            ArgumentNullException.ThrowIfNull(region);
            CheckRange(region.Range);
            _regions.Add(region);
            return this;
        }

        /// <summary>Adds layout regions.</summary>
        public DocumentBuilder AddRegions(IEnumerable<DocumentRegion> regions)
        {
            ArgumentNullException.ThrowIfNull(regions);
            foreach (var region in regions)
            {
                AddRegion(region);
            }

            return this;
        }

        /// <summary>Adds source-map segments; they must not overlap one another in the text.</summary>
        public DocumentBuilder AddSourceSegments(IEnumerable<SourceSegment> segments)
        {
            ArgumentNullException.ThrowIfNull(segments);
            foreach (var segment in segments)
            {
                CheckRange(segment.Text);
                _sourceMap.Add(segment);
            }

            return this;
        }

        /// <summary>Removes all posts (structure recovery replaces them).</summary>
        public DocumentBuilder ClearPosts()
        {
            _posts.Clear();
            return this;
        }

        /// <summary>Builds the document.</summary>
        public Document Build()
        {
            var posts = _posts.OrderBy(p => p.Range.Start).ToArray();
            var boilerplate = _boilerplate.OrderBy(r => r.Start).ToArray();
            var regions = _regions.OrderBy(r => r.Range.Start).ThenByDescending(r => r.Range.End).ToArray();
            var map = _sourceMap.OrderBy(s => s.Text.Start).ToArray();
            for (var i = 1; i < map.Length; i++)
            {
                if (map[i].Text.Start < map[i - 1].Text.End)
                {
                    throw new ArgumentException($"Source-map segments {map[i - 1].Text} and {map[i].Text} overlap.");
                }
            }

            return new Document(_text, _path, _title, _kind, _source, posts, boilerplate, _language, regions, map);
        }

        private void CheckRange(TextRange range)
        {
            if (range.End > _text.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(range), $"Range {range} lies outside a text of {_text.Length} characters.");
            }
        }
    }
}
