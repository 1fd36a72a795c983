using System.Globalization;
using System.Text;
using MimeKit;
using MimeKit.Text;
using Sitrep.Documents;
using Sitrep.Errors;
using Sitrep.Ingest.Boilerplate;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Readers.Html;

namespace Sitrep.Ingest.Readers.Email;

/// <summary>
/// E-mail: one message (<c>.eml</c>) or a mailbox (<c>.mbox</c>), parsed with MimeKit. Messages are grouped into
/// threads by <c>In-Reply-To</c> and <c>References</c>; each thread is one document whose posts are its messages (sender,
/// date, subject in the post header; a reply's parent is the message it answers), as for forum threads. The text/plain
/// body is preferred, an HTML-only body goes through the HTML main-content extractor; quoted lines ("&gt; …") and
/// signatures are left out because the message they quote is its own post. Attachments are handed back as
/// <see cref="ReadResult.Attachments"/>, read by the ingestor as documents of their own and linked to their message by
/// a <c>mid:</c> address (RFC 2392) and their path (<c>box.mbox#m2/report.pdf</c>).
/// </summary>
/// <remarks>
/// Messages are parsed one at a time and only their text is kept, so a large mailbox costs the text it yields, capped
/// at <see cref="IngestOptions.MaxDocumentChars"/> in all and <see cref="IngestOptions.MaxItems"/> messages; the rest
/// is counted and reported. A MIME tree nested deeper than <see cref="IngestOptions.MaxMimeDepth"/> is refused.
/// </remarks>
public sealed class EmailReader : IBinaryDocumentReader
{
    private static readonly string[] HeaderNames = ["From:", "To:", "Subject:", "Date:", "Message-ID:", "MIME-Version:", "Received:", "Return-Path:", "Delivered-To:", "Content-Type:"];
    private readonly IngestOptions _options;

    /// <summary>Creates the reader.</summary>
    public EmailReader(IngestOptions? options = null) => _options = options ?? IngestOptions.Default;

    /// <inheritdoc />
    public string Name => "read.email.v1";

    /// <inheritdoc />
    public int Score(RawInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var head = input.Head(4096);
        if (IsMbox(head))
        {
            return input.Extension is ".mbox" or ".mbx" or "" ? 85 : 60;
        }

        var headers = CountHeaders(head);
        if (input.Extension is ".eml" or ".msg" or ".mbox")
        {
            return headers > 0 ? 85 : 0;
        }

        // A text file that opens with several mail headers is a saved message whatever its name.
        return headers >= 3 ? 70 : 0;
    }

    /// <inheritdoc />
    public ReadResult Read(RawInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var path = input.File.DisplayPath;
        var errors = new List<SitrepError>();
        var messages = new List<Mail>();
        var attachments = new List<Attachment>();
        var mbox = IsMbox(input.Head(4096));
        var options = ParserOptions.Default.Clone();
        options.MaxMimeDepth = _options.MaxMimeDepth + 2;
        using var stream = new MemoryStream(input.Bytes, writable: false);
        var parser = new MimeParser(options, stream, mbox ? MimeFormat.Mbox : MimeFormat.Entity);
        var chars = 0L;
        var seen = 0;
        while (!parser.IsEndOfStream)
        {
            MimeMessage message;
            try
            {
                message = parser.ParseMessage();
            }
            catch (FormatException ex)
            {
                errors.Add(SitrepErrors.Malformed.At(path, "MIME", seen == 0 ? ex.Message : string.Create(CultureInfo.InvariantCulture, $"message {seen + 1} and after not read: {ex.Message}")));
                break;
            }

            seen++;
            if (messages.Count >= _options.MaxItems || chars >= _options.MaxDocumentChars)
            {
                errors.Add(SitrepErrors.TooManyItems.At(path, messages.Count));
                break;
            }

            var mail = Read(message, seen, input.File, errors, attachments);
            if (mail is null)
            {
                continue;
            }

            chars += mail.Body.Length;
            messages.Add(mail);
            if (!mbox)
            {
                break;
            }
        }

        if (messages.Count == 0)
        {
            if (errors.Count == 0)
            {
                errors.Add(SitrepErrors.NoText.At(path, mbox ? "mailbox" : "message"));
            }

            return new ReadResult([], errors) { Attachments = attachments };
        }

        var documents = Threads(messages).Select(t => Build(t, path, messages.Count > 1)).ToList();
        return new ReadResult(documents, errors) { Attachments = attachments };
    }

    private Mail? Read(MimeMessage message, int number, InputFile file, List<SitrepError> errors, List<Attachment> attachments)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"{file.DisplayPath} message {number}");
        var depth = Depth(message.Body, 0);
        if (depth > _options.MaxMimeDepth)
        {
            errors.Add(SitrepErrors.Malformed.At(file.DisplayPath, "MIME", string.Create(CultureInfo.InvariantCulture, $"message {number} nests its parts more than {_options.MaxMimeDepth} levels deep; it was not read")));
            return null;
        }

        var from = message.From.Mailboxes.FirstOrDefault();
        var author = from is null ? null : string.IsNullOrWhiteSpace(from.Name) ? from.Address : from.Name.Trim();
        DateTimeOffset? date = message.Headers.Contains(HeaderId.Date) ? message.Date : null;
        var id = string.IsNullOrWhiteSpace(message.MessageId) ? null : message.MessageId;
        var slug = string.Create(CultureInfo.InvariantCulture, $"m{number}");
        var names = new List<string>();
        var n = 0;
        foreach (var entity in message.Attachments)
        {
            n++;
            var name = SafeName(entity.ContentDisposition?.FileName ?? entity.ContentType.Name, entity, n);
            var bytes = Content(entity, _options.MaxBytes);
            if (bytes is null)
            {
                errors.Add(SitrepErrors.AttachmentSkipped.At(file.DisplayPath + "#" + slug + "/" + name, string.Create(CultureInfo.InvariantCulture, $"'{name}' is over the limit of {_options.MaxBytes:N0} bytes")));
                continue;
            }

            names.Add(name);
            var inner = new InputFile(file.FullPath + "#" + slug + "/" + name, file.DisplayPath + "#" + slug + "/" + name);
            var url = id is null ? null : "mid:" + Uri.EscapeDataString(id);
            attachments.Add(new Attachment(new RawInput(inner, bytes), new Source(Author: author, Url: url, Published: date)));
        }

        string body;
        try
        {
            body = Body(message);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException)
        {
            errors.Add(SitrepErrors.Malformed.At(file.DisplayPath, "MIME", $"the body of message {number} cannot be decoded: {ex.Message}"));
            body = string.Empty;
        }

        if (body.Length > _options.MaxDocumentChars)
        {
            errors.Add(SitrepErrors.FieldTooLong.At(where, "body", body.Length, _options.MaxDocumentChars, "cut at the limit"));
            body = body[.._options.MaxDocumentChars];
        }

        if (body.Length == 0 && names.Count == 0)
        {
            errors.Add(SitrepErrors.NoText.At(file.DisplayPath, string.Create(CultureInfo.InvariantCulture, $"message {number}")));
            return null;
        }

        var references = message.References.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        var parent = !string.IsNullOrWhiteSpace(message.InReplyTo) ? message.InReplyTo : references.Count > 0 ? references[^1] : null;
        return new Mail(id ?? slug, parent, references, author, from?.Address, date, message.Subject?.Trim() ?? string.Empty, body, names);
    }

    private static int Depth(MimeEntity? entity, int depth) => entity switch
    {
        Multipart multipart => multipart.Count == 0 ? depth + 1 : multipart.Max(child => Depth(child, depth + 1)),
        MessagePart { Message: { } inner } => Depth(inner.Body, depth + 1),
        _ => depth,
    };

    private string Body(MimeMessage message)
    {
        var plain = message.GetTextBody(TextFormat.Plain);
        if (!string.IsNullOrWhiteSpace(plain))
        {
            return WithoutQuotes(plain);
        }

        var html = message.HtmlBody;
        return string.IsNullOrWhiteSpace(html) ? string.Empty : HtmlReader.ExtractMainText(html, _options).Trim();
    }

    /// <summary>
    /// A reply's own words: quoted lines ("&gt; …"), the "On … wrote:" line before them, a signature after "-- " and
    /// a forwarded or original message below its separator are left out.
    /// </summary>
    public static string WithoutQuotes(string body)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var kept = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line is "-- " or "--" || line.StartsWith("-----Original Message-----", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            if (line.TrimStart().StartsWith('>'))
            {
                continue;
            }

            var next = NextNonEmpty(lines, i + 1);
            if (line.TrimEnd().EndsWith("wrote:", StringComparison.OrdinalIgnoreCase) && next is not null && next.TrimStart().StartsWith('>'))
            {
                continue;
            }

            kept.Add(line.TrimEnd());
        }

        var text = string.Join('\n', kept).Trim();
        while (text.Contains("\n\n\n", StringComparison.Ordinal))
        {
            text = text.Replace("\n\n\n", "\n\n", StringComparison.Ordinal);
        }

        return text;
    }

    private static string? NextNonEmpty(string[] lines, int from)
    {
        for (var i = from; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                return lines[i];
            }
        }

        return null;
    }

    private static byte[]? Content(MimeEntity entity, long max)
    {
        using var buffer = new CappedStream(max);
        try
        {
            switch (entity)
            {
                case MimePart part when part.Content is not null:
                    part.Content.DecodeTo(buffer);
                    break;
                case MessagePart { Message: { } inner }:
                    inner.WriteTo(buffer);
                    break;
                default:
                    return [];
            }
        }
        catch (CappedStream.FullException)
        {
            return null;
        }

        return buffer.ToArray();
    }

    private static string SafeName(string? name, MimeEntity entity, int n)
    {
        var safe = new string((name ?? string.Empty).Select(c => char.IsControl(c) || c is '/' or '\\' or '#' or ':' ? '_' : c).ToArray()).Trim().TrimStart('.');
        if (safe.Length > 0)
        {
            return safe.Length > 120 ? safe[^120..] : safe;
        }

        var extension = entity is MessagePart ? ".eml" : MimeTypes.TryGetExtension(entity.ContentType.MimeType, out var ext) ? ext : ".bin";
        return string.Create(CultureInfo.InvariantCulture, $"attachment-{n}{extension}");
    }

    // Each message joins the thread of the first message it names (In-Reply-To, then References from the newest) that
    // is in the mailbox; a message whose parent is missing starts a thread of its own.
    private static List<List<(Mail Mail, int Parent)>> Threads(List<Mail> messages)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < messages.Count; i++)
        {
            index.TryAdd(messages[i].Id, i);
        }

        var parent = new int[messages.Count];
        var root = new int[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            parent[i] = -1;
            var candidates = new List<string>();
            if (messages[i].Parent is { } p)
            {
                candidates.Add(p);
            }

            candidates.AddRange(Enumerable.Reverse(messages[i].References));
            foreach (var candidate in candidates)
            {
                if (index.TryGetValue(candidate, out var at) && at != i)
                {
                    parent[i] = at;
                    break;
                }
            }
        }

        for (var i = 0; i < messages.Count; i++)
        {
            var at = i;
            var steps = 0;
            while (parent[at] >= 0 && steps++ < messages.Count)
            {
                at = parent[at];
            }

            root[i] = at;
        }

        return [.. Enumerable.Range(0, messages.Count)
            .GroupBy(i => root[i])
            .OrderBy(g => g.Key)
            .Select(g => g.OrderBy(i => messages[i].Date ?? DateTimeOffset.MaxValue).ThenBy(i => i).Select(i => (messages[i], parent[i] >= 0 && root[parent[i]] == g.Key ? parent[i] : -1)).ToList())];
    }

    private static Document Build(List<(Mail Mail, int Parent)> thread, string path, bool manyInFile)
    {
        var text = new StringBuilder();
        var posts = new List<Post>();
        var postIds = new Dictionary<Mail, string>(ReferenceEqualityComparer.Instance);
        var depths = new Dictionary<Mail, int>(ReferenceEqualityComparer.Instance);
        var root = thread[0].Mail;
        foreach (var (mail, _) in thread)
        {
            postIds[mail] = "p" + (postIds.Count + 1).ToString(CultureInfo.InvariantCulture);
        }

        var byIndex = thread.Select(t => t.Mail).ToList();
        foreach (var (mail, parentIndex) in thread)
        {
            var parentMail = parentIndex >= 0 ? FindParent(byIndex, mail) : null;
            var depth = parentMail is not null && depths.TryGetValue(parentMail, out var d) ? d + 1 : 0;
            depths[mail] = depth;
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            var start = text.Length;
            text.Append("From: ").Append(mail.Author ?? mail.Address ?? "unknown");
            if (mail.Address is not null && mail.Author is not null && mail.Author != mail.Address)
            {
                text.Append(" <").Append(mail.Address).Append('>');
            }

            PostTime? time = null;
            if (mail.Date is { } date)
            {
                text.Append("\nDate: ");
                var dateText = date.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
                time = new PostTime(dateText, date.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture), new TextRange(text.Length, text.Length + dateText.Length));
                text.Append(dateText);
            }

            if (mail.Subject.Length > 0)
            {
                text.Append("\nSubject: ").Append(OneLine(mail.Subject));
            }

            if (mail.Attachments.Count > 0)
            {
                text.Append("\nAttachments: ").Append(string.Join(", ", mail.Attachments.Select(OneLine)));
            }

            var header = new TextRange(start, text.Length);
            if (mail.Body.Length > 0)
            {
                text.Append("\n\n").Append(mail.Body);
            }

            posts.Add(new Post(postIds[mail], parentMail is null ? null : postIds[parentMail], depth, mail.Author ?? mail.Address, time, new TextRange(start, text.Length), header));
        }

        var documentText = text.ToString();
        var title = Subject(root.Subject);
        var documentPath = manyInFile ? path + "#" + Uri.EscapeDataString(root.Id) : path;
        return Document.Create(documentText, documentPath)
            .WithTitle(title.Length > 0 ? title : null)
            .WithKind(thread.Count > 1 ? DocumentKind.Thread : DocumentKind.Article)
            .WithSource(new Source(Author: root.Author ?? root.Address, Url: root.Id.Contains('@', StringComparison.Ordinal) ? "mid:" + Uri.EscapeDataString(root.Id) : null, Published: root.Date))
            .WithLanguage(Language.LanguageIdentifier.Identify(documentText))
            .AddPosts(posts)
            .AddBoilerplates(BoilerplateDetector.Detect(documentText))
            .Build();
    }

    private static Mail? FindParent(List<Mail> thread, Mail mail)
    {
        var ids = new List<string>();
        if (mail.Parent is { } p)
        {
            ids.Add(p);
        }

        ids.AddRange(Enumerable.Reverse(mail.References));
        foreach (var id in ids)
        {
            if (thread.FirstOrDefault(m => m.Id == id && !ReferenceEquals(m, mail)) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>The subject without reply and forward prefixes ("Re: Fwd: …").</summary>
    public static string Subject(string subject)
    {
        var s = OneLine(subject).Trim();
        while (true)
        {
            var colon = s.IndexOf(':', StringComparison.Ordinal);
            if (colon is < 2 or > 4 || !s[..colon].Trim().ToUpperInvariant().All(char.IsLetter) || s[..colon].Trim().ToUpperInvariant() is not ("RE" or "FW" or "FWD" or "AW" or "WG" or "SV" or "TR"))
            {
                return s;
            }

            s = s[(colon + 1)..].Trim();
        }
    }

    private static bool IsMbox(ReadOnlySpan<byte> head) => head.StartsWith("From "u8);

    private static int CountHeaders(ReadOnlySpan<byte> head)
    {
        var text = System.Text.Encoding.ASCII.GetString(head[..Math.Min(head.Length, 2048)]);
        var count = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.Trim().Length == 0)
            {
                break;
            }

            if (HeaderNames.Any(h => line.StartsWith(h, StringComparison.OrdinalIgnoreCase)))
            {
                count++;
            }
        }

        return count;
    }

    private sealed record Mail(string Id, string? Parent, IReadOnlyList<string> References, string? Author, string? Address, DateTimeOffset? Date, string Subject, string Body, IReadOnlyList<string> Attachments);

    /// <summary>A memory stream that refuses to grow past a limit, so one attachment cannot exhaust memory.</summary>
    private sealed class CappedStream(long max) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > max)
            {
                throw new FullException();
            }

            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Length + buffer.Length > max)
            {
                throw new FullException();
            }

            base.Write(buffer);
        }

        public override void WriteByte(byte value)
        {
            if (Length + 1 > max)
            {
                throw new FullException();
            }

            base.WriteByte(value);
        }

        public sealed class FullException : Exception
        {
            public FullException()
                : base("The attachment is over the size limit.")
            {
            }
        }
    }
}
