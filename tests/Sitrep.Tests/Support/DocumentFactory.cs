using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MimeKit;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using PageSize = UglyToad.PdfPig.Content.PageSize;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Sitrep.Tests.Support;

/// <summary>
/// Writes PDF, Word and e-mail files from plain descriptions, for reader tests and for the sample corpus
/// (<c>scripts/make-samples</c> links this file), so every binary fixture can be rebuilt from source.
/// </summary>
public static class DocumentFactory
{
    /// <summary>A PDF with one page per entry; each page's lines are written top to bottom, long lines wrapped.</summary>
    public static byte[] Pdf(string? title, string? author, DateTimeOffset? created, IReadOnlyList<IReadOnlyList<string>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.DocumentInformation.Title = title;
        builder.DocumentInformation.Author = author;
        if (created is { } when)
        {
            builder.DocumentInformation.CreationDate = "D:" + when.ToUniversalTime().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "Z";
        }

        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 780.0;
            foreach (var line in lines.SelectMany(l => Wrap(l, 92)))
            {
                if (line.Length > 0)
                {
                    page.AddText(line, 10, new PdfPoint(50, y), font);
                }

                y -= line.Length == 0 ? 8 : 14;
                if (y < 40)
                {
                    break;
                }
            }

            if (lines.Count == 0)
            {
                // A page with a drawing and no text, as a scanned page looks to a text extractor.
                page.DrawRectangle(new PdfPoint(50, 50), 400, 600, 2, fill: false);
            }
        }

        return builder.Build();
    }

    /// <summary>A block of a Word document.</summary>
    /// <param name="Text">Paragraph text, or the rows of a table with cells separated by <c>|</c>.</param>
    /// <param name="Heading">Heading level (1, 2…), 0 for a paragraph.</param>
    /// <param name="Table">True for a table.</param>
    /// <param name="Comment">A reviewer's comment anchored on this paragraph: (author, date, text).</param>
    public sealed record WordBlock(string Text, int Heading = 0, bool Table = false, (string Author, DateTime Date, string Text)? Comment = null);

    /// <summary>A .docx file with headings, paragraphs, tables and comments, and the given core properties.</summary>
    public static byte[] Docx(string? title, string? author, DateTime? created, IEnumerable<WordBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "heading 1" }) { StyleId = "Heading1", Type = StyleValues.Paragraph },
                new Style(new StyleName { Val = "heading 2" }) { StyleId = "Heading2", Type = StyleValues.Paragraph });
            var comments = new Comments();
            var commentId = 0;
            foreach (var block in blocks)
            {
                if (block.Table)
                {
                    var table = new Table();
                    foreach (var row in block.Text.Split('\n'))
                    {
                        table.Append(new TableRow(row.Split('|').Select(cell => new TableCell(new Paragraph(new Run(new WordText(cell.Trim())))))));
                    }

                    body.Append(table);
                    continue;
                }

                var paragraph = new Paragraph();
                if (block.Heading > 0)
                {
                    paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = "Heading" + block.Heading.ToString(CultureInfo.InvariantCulture) }));
                }

                if (block.Comment is { } c)
                {
                    var id = (commentId++).ToString(CultureInfo.InvariantCulture);
                    paragraph.Append(new CommentRangeStart { Id = id });
                    paragraph.Append(new Run(new WordText(block.Text) { Space = SpaceProcessingModeValues.Preserve }));
                    paragraph.Append(new CommentRangeEnd { Id = id });
                    paragraph.Append(new Run(new CommentReference { Id = id }));
                    comments.Append(new Comment(new Paragraph(new Run(new WordText(c.Text)))) { Id = id, Author = c.Author, Date = c.Date });
                }
                else
                {
                    paragraph.Append(new Run(new WordText(block.Text) { Space = SpaceProcessingModeValues.Preserve }));
                }

                body.Append(paragraph);
            }

            if (commentId > 0)
            {
                main.AddNewPart<WordprocessingCommentsPart>().Comments = comments;
            }

            word.PackageProperties.Title = title;
            word.PackageProperties.Creator = author;
            word.PackageProperties.Created = created;
        }

        return stream.ToArray();
    }

    /// <summary>One e-mail message.</summary>
    /// <param name="Id">Message-ID without angle brackets.</param>
    /// <param name="FromName">Sender's name.</param>
    /// <param name="FromAddress">Sender's address.</param>
    /// <param name="Date">Date header.</param>
    /// <param name="Subject">Subject.</param>
    /// <param name="Body">text/plain body.</param>
    /// <param name="InReplyTo">The Message-ID it answers.</param>
    /// <param name="Attachments">Attached files: name, MIME type, bytes.</param>
    /// <param name="Html">An HTML body instead of (or beside) the text body.</param>
    public sealed record Mail(
        string Id,
        string FromName,
        string FromAddress,
        DateTimeOffset Date,
        string Subject,
        string? Body,
        string? InReplyTo = null,
        IReadOnlyList<(string Name, string Type, byte[] Bytes)>? Attachments = null,
        string? Html = null);

    /// <summary>A MIME message with Unix line ends.</summary>
    public static byte[] Eml(Mail mail, IReadOnlyList<Mail>? thread = null)
    {
        ArgumentNullException.ThrowIfNull(mail);
        using var stream = new MemoryStream();
        ToMime(mail, thread ?? [mail]).WriteTo(Unix, stream);
        return stream.ToArray();
    }

    /// <summary>An mbox mailbox (mboxrd "From " separators) holding the messages in order.</summary>
    public static byte[] Mbox(IReadOnlyList<Mail> mails)
    {
        ArgumentNullException.ThrowIfNull(mails);
        using var stream = new MemoryStream();
        foreach (var mail in mails)
        {
            var separator = "From " + mail.FromAddress + " " + mail.Date.UtcDateTime.ToString("ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture) + "\n";
            stream.Write(System.Text.Encoding.ASCII.GetBytes(separator));
            using var message = new MemoryStream();
            ToMime(mail, mails).WriteTo(Unix, message);
            var text = System.Text.Encoding.UTF8.GetString(message.ToArray()).Replace("\nFrom ", "\n>From ", StringComparison.Ordinal);
            stream.Write(System.Text.Encoding.UTF8.GetBytes(text.EndsWith('\n') ? text : text + "\n"));
            stream.WriteByte((byte)'\n');
        }

        return stream.ToArray();
    }

    private static FormatOptions Unix { get; } = CreateUnix();

    private static FormatOptions CreateUnix()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Unix;
        return options;
    }

    private static MimeMessage ToMime(Mail mail, IReadOnlyList<Mail> thread)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.FromName, mail.FromAddress));
        message.To.Add(new MailboxAddress("Desk", "desk@example.org"));
        message.Subject = mail.Subject;
        message.Date = mail.Date;
        message.MessageId = mail.Id;
        if (mail.InReplyTo is { } parent)
        {
            message.InReplyTo = parent;
            foreach (var ancestor in Ancestors(parent, thread))
            {
                message.References.Add(ancestor);
            }
        }

        var body = new BodyBuilder { TextBody = mail.Body, HtmlBody = mail.Html };
        foreach (var (name, type, bytes) in mail.Attachments ?? [])
        {
            body.Attachments.Add(name, bytes, ContentType.Parse(type));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    private static List<string> Ancestors(string id, IReadOnlyList<Mail> thread)
    {
        var chain = new List<string>();
        var at = id;
        while (at is not null && chain.Count < thread.Count)
        {
            chain.Insert(0, at);
            at = thread.FirstOrDefault(m => m.Id == at)?.InReplyTo!;
        }

        return chain;
    }

    private static IEnumerable<string> Wrap(string line, int width)
    {
        if (line.Length <= width)
        {
            yield return line;
            yield break;
        }

        var start = 0;
        while (start < line.Length)
        {
            var end = Math.Min(line.Length, start + width);
            if (end < line.Length)
            {
                var space = line.LastIndexOf(' ', end, end - start);
                end = space > start ? space : end;
            }

            yield return line[start..end].Trim();
            start = end;
        }
    }
}
