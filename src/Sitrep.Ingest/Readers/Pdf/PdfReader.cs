using System.Globalization;
using System.Text;
using Sitrep.Documents;
using Sitrep.Errors;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Structure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Sitrep.Ingest.Readers.Pdf;

/// <summary>
/// PDF documents (PdfPig): the text layer page by page in content order, each page a
/// <see cref="RegionKind.Page"/> region so a citation can name its page; title, author and creation date from the
/// document information dictionary. A PDF without any text (a scan) is an error that says so, pages without text
/// are a warning naming them, an encrypted PDF is one error, and pages beyond <see cref="IngestOptions.MaxPages"/>
/// are counted and reported, not read.
/// </summary>
/// <remarks>
/// The document's text is the extracted text, pages separated by a blank line; a PDF has no character offsets of its
/// own, so there is no <see cref="Document.SourceMap"/>: the page number is the way back to the file. Images, layout
/// (columns, fonts), annotations and form fields are not read.
/// </remarks>
public sealed class PdfReader : IBinaryDocumentReader
{
    private const int MaxListedPages = 12;
    private const int WrapMinimumMeasure = 40;
    private const double WrapFill = 0.7;
    private readonly IngestOptions _options;

    /// <summary>Creates the reader.</summary>
    public PdfReader(IngestOptions? options = null) => _options = options ?? IngestOptions.Default;

    /// <inheritdoc />
    public string Name => "read.pdf.v1";

    /// <inheritdoc />
    public int Score(RawInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ContainerFormats.IsPdf(input.Head(ContainerFormats.PdfHeaderWindow)) ? 90 : 0;
    }

    /// <inheritdoc />
    public ReadResult Read(RawInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var path = input.File.DisplayPath;
        try
        {
            using var pdf = PdfDocument.Open(input.Bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, ClipPaths = false });
            return Read(pdf, path);
        }
        catch (PdfDocumentEncryptedException ex)
        {
            return ReadResult.Failed(SitrepErrors.PdfEncrypted.At(path, ex.Message));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // PdfPig reports broken files through many exception types (its own, and IndexOutOfRange or InvalidCast from
            // a damaged object graph); each is one error entry for this file.
            return ReadResult.Failed(SitrepErrors.Malformed.At(path, "PDF", ex.Message));
        }
    }

    private ReadResult Read(PdfDocument pdf, string path)
    {
        var errors = new List<SitrepError>();
        var pageCount = pdf.NumberOfPages;
        var read = Math.Min(pageCount, _options.MaxPages);
        if (pageCount > read)
        {
            errors.Add(SitrepErrors.PdfPagesCapped.At(path, pageCount, _options.MaxPages));
        }

        var text = new StringBuilder();
        var pages = new List<DocumentRegion>();
        var empty = new List<int>();
        for (var number = 1; number <= read; number++)
        {
            var pageText = Clean(ContentOrderTextExtractor.GetText(pdf.GetPage(number), addDoubleNewline: true));
            if (pageText.Length == 0)
            {
                empty.Add(number);
                continue;
            }

            if (text.Length + pageText.Length + 2 > _options.MaxDocumentChars)
            {
                errors.Add(SitrepErrors.FieldTooLong.At(path, "pages", text.Length + pageText.Length, _options.MaxDocumentChars, string.Create(CultureInfo.InvariantCulture, $"pages {number} to {read} not read")));
                break;
            }

            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            var start = text.Length;
            text.Append(pageText);
            pages.Add(new DocumentRegion(RegionKind.Page, new TextRange(start, text.Length), number));
        }

        if (pages.Count == 0)
        {
            errors.Add(SitrepErrors.PdfNoText.At(path, pageCount));
            return new ReadResult([], errors);
        }

        if (empty.Count > 0)
        {
            var listed = string.Join(", ", empty.Take(MaxListedPages).Select(p => p.ToString(CultureInfo.InvariantCulture))) + (empty.Count > MaxListedPages ? ", …" : string.Empty);
            errors.Add(SitrepErrors.PdfPagesWithoutText.At(path, empty.Count, read, listed));
        }

        var documentText = text.ToString();
        var info = pdf.Information;
        var title = Usable(info.Title) ?? PlainTextReader.GuessTitle(documentText);
        var published = info.GetCreatedDateTimeOffset() ?? info.GetModifiedDateTimeOffset();
        var structure = StructureRecovery.Recover(documentText);
        var document = Document.Create(documentText, path)
            .WithTitle(title)
            .WithKind(structure.Kind)
            .WithSource(new Source(Author: Usable(info.Author), Published: published))
            .WithLanguage(Language.LanguageIdentifier.Identify(documentText))
            .AddPosts(structure.Posts)
            .AddBoilerplates(structure.Boilerplate)
            .AddRegions(pages)
            .Build();
        return new ReadResult([document], errors);
    }

    // Trims each line, drops the control characters a text layer sometimes carries (form feeds, NULs) and joins lines
    // that a PDF wrapped at the page's measure, so a sentence is not cut at each line end.
    private static string Clean(string text)
    {
        var lines = new List<string>();
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = new StringBuilder(raw.Length);
            foreach (var c in raw.Trim())
            {
                if (!char.IsControl(c) || c == '\t')
                {
                    line.Append(c);
                }
            }

            lines.Add(line.ToString());
        }

        var measure = lines.Count == 0 ? 0 : lines.Max(l => l.Length);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            builder.Append(line);
            if (i + 1 == lines.Count)
            {
                break;
            }

            builder.Append(Wrapped(line, lines[i + 1], measure) ? ' ' : '\n');
        }

        return builder.ToString().Trim();
    }

    /// <summary>
    /// True when a line was wrapped into the next: it fills most of the page's widest line, does not end a sentence or
    /// a clause, and the next line goes on with text. A short line (a heading, the end of a paragraph) is kept.
    /// </summary>
    internal static bool Wrapped(string line, string next, int measure) =>
        measure >= WrapMinimumMeasure
        && line.Length >= measure * WrapFill
        && next.Length > 0
        && line[^1] is not ('.' or '!' or '?' or ':' or ';' or '|')
        && !char.IsWhiteSpace(next[0]);

    private static string? Usable(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
