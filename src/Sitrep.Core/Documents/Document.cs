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
        string? language)
    {
        Text = text;
        Path = path;
        Title = title;
        Kind = kind;
        Source = source;
        Posts = posts;
        Boilerplate = boilerplate;
        Language = language;
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

    /// <summary>The same document (same text, id, posts and boilerplate) with other metadata.</summary>
    public Document WithMetadata(string? title, DocumentKind kind, Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new Document(Text, Path, title, kind, source, Posts, Boilerplate, Language);
    }

    /// <summary>A builder that starts from this document's text, metadata and structure.</summary>
    public DocumentBuilder ToBuilder() =>
        new DocumentBuilder(Text, Path).WithTitle(Title).WithKind(Kind).WithSource(Source).WithLanguage(Language).AddPosts(Posts).AddBoilerplates(Boilerplate);

    /// <summary>Starts building a document over <paramref name="text"/>.</summary>
    public static DocumentBuilder Create(string text, string path) => new(text, path);

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
            return new Document(_text, _path, _title, _kind, _source, posts, boilerplate, _language);
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
