using System.Net;
using AngleSharp.Html.Parser;
using Sitrep.Documents;
using Sitrep.Errors;
using Sitrep.Ingest.Files;

namespace Sitrep.Ingest.Readers.Html;

/// <summary>
/// Web pages: main-content extraction with title, byline, publication time, canonical URL and outlet from JSON-LD
/// and meta tags. The document's text is the title line followed by the main text; furniture left in it is marked as
/// boilerplate by structure recovery.
/// </summary>
/// <remarks>
/// Parsing is AngleSharp's HTML5 parser (spec-compliant error recovery for malformed markup). Nesting depth is
/// measured as the tree builder would build it before parsing (the parser's scope checks are quadratic in depth) and
/// again on the parsed tree; a page nesting deeper than <see cref="IngestOptions.MaxNestingDepth"/> is read as flat
/// text (tags stripped in one linear pass) with a warning, so no tree walk can overflow the stack.
/// </remarks>
public sealed class HtmlReader : IDocumentReader
{
    private const int RetryBelowChars = 500;
    private readonly IngestOptions _options;

    /// <summary>Creates the reader.</summary>
    public HtmlReader(IngestOptions? options = null) => _options = options ?? IngestOptions.Default;

    /// <inheritdoc />
    public string Name => "read.html.v1";

    /// <inheritdoc />
    public int Score(RawInput input, ReadOnlySpan<char> head)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Extension is ".html" or ".htm" or ".xhtml" or ".shtml")
        {
            return 90;
        }

        return HtmlSniffer.LooksLikeHtml(head) ? 80 : 0;
    }

    /// <inheritdoc />
    public ReadResult Read(RawInput input, string text)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(text);
        var path = input.File.DisplayPath;
        var extraction = Extract(text, _options);
        var errors = new List<SitrepError>();
        if (extraction.Depth > _options.MaxNestingDepth)
        {
            errors.Add(SitrepErrors.NestingTooDeep.At(path, extraction.Depth, _options.MaxNestingDepth));
        }

        var body = extraction.Text;
        if (body.Length > _options.MaxDocumentChars)
        {
            errors.Add(SitrepErrors.TextTruncated.At(path, body.Length, _options.MaxDocumentChars));
            body = body[.._options.MaxDocumentChars];
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            errors.Add(SitrepErrors.Empty.At(path));
            return new ReadResult([], errors);
        }

        var meta = extraction.Metadata;
        var title = meta?.Title;
        var documentText = title is not null && !body.StartsWith(title, StringComparison.Ordinal) ? title + "\n\n" + body : body;
        var document = PlainTextReader.Build(documentText, path, title ?? PlainTextReader.GuessTitle(body), meta?.ToSource() ?? Source.Unknown);
        return new ReadResult([document], errors);
    }

    private sealed record Extraction(string Text, HtmlMetadata? Metadata, int Depth);

    /// <summary>Extracts the main text of a page (no title); the entry point of <c>sitrep eval extract</c>.</summary>
    /// <remarks>Furniture that structure recovery marks as boilerplate is left out, as it is left out of analysis.</remarks>
    public static string ExtractMainText(string html, IngestOptions? options = null)
    {
        var text = Extract(html, options ?? IngestOptions.Default).Text;
        var furniture = Boilerplate.BoilerplateDetector.Detect(text);
        if (furniture.Count == 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        var at = 0;
        foreach (var range in furniture)
        {
            builder.Append(text, at, range.Start - at);
            at = range.End;
        }

        builder.Append(text, at, text.Length - at);
        return builder.ToString().Trim();
    }

    private static Extraction Extract(string html, IngestOptions options)
    {
        var depth = MarkupDepth.Max(html, options.MaxNestingDepth);
        if (depth > options.MaxNestingDepth)
        {
            return new Extraction(FlatText(html), null, depth);
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false, IsKeepingSourceReferences = false });
        using var page = parser.ParseDocument(html);
        var treeDepth = MarkupDepth.Of(page);
        if (treeDepth > options.MaxNestingDepth)
        {
            // The parsed tree is the final word (adoption-agency repairs can nest deeper than the tags suggest).
            return new Extraction(FlatText(html), null, treeDepth);
        }

        depth = Math.Max(depth, treeDepth);
        var meta = HtmlMetadata.Read(page);
        var main = HtmlContentExtractor.Extract(page);
        if (main.Length < RetryBelowChars)
        {
            using var again = parser.ParseDocument(html);
            var relaxed = HtmlContentExtractor.Extract(again, stripUnlikely: false);
            if (relaxed.Length > main.Length)
            {
                main = relaxed;
            }
        }

        if (meta.JsonLdBody is { Length: >= 200 } ld)
        {
            var ldText = ld.Contains('<', StringComparison.Ordinal) ? FlatText(ld) : HtmlContentExtractor.Normalize(WebUtility.HtmlDecode(ld));
            if (ldText.Length >= main.Length * 0.6)
            {
                main = ldText;
            }
        }

        return new Extraction(main, meta, depth);
    }

    /// <summary>Strips tags in one linear pass, dropping script and style content and decoding entities.</summary>
    internal static string FlatText(string html)
    {
        var builder = new System.Text.StringBuilder(html.Length / 2);
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                builder.Append(html, i, html.Length - i);
                break;
            }

            builder.Append(html, i, lt - i);
            var gt = html.IndexOf('>', lt);
            if (gt < 0)
            {
                break;
            }

            var tag = html.AsSpan(lt + 1, Math.Min(gt - lt - 1, 10));
            if (tag.StartsWith("script", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("style", StringComparison.OrdinalIgnoreCase))
            {
                var close = html.IndexOf("</", gt, StringComparison.Ordinal);
                gt = close < 0 ? html.Length - 1 : html.IndexOf('>', close) is var g and >= 0 ? g : html.Length - 1;
            }
            else if (tag.StartsWith("p", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("/p", StringComparison.OrdinalIgnoreCase)
                || tag.StartsWith("br", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("/div", StringComparison.OrdinalIgnoreCase)
                || tag.StartsWith("h", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("li", StringComparison.OrdinalIgnoreCase))
            {
                builder.Append('\n');
            }

            i = gt + 1;
        }

        var lines = WebUtility.HtmlDecode(builder.ToString()).Split('\n');
        return string.Join("\n\n", lines.Select(HtmlContentExtractor.Normalize).Where(l => l.Length > 0));
    }
}
