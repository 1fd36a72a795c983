using Sitrep.Documents;
using Sitrep.Errors;
using Sitrep.Ingest.Encoding;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Manifest;
using Sitrep.Ingest.Readers;
using Sitrep.Ingest.Readers.Email;
using Sitrep.Ingest.Readers.Feeds;
using Sitrep.Ingest.Readers.Html;
using Sitrep.Ingest.Readers.JsonLines;
using Sitrep.Ingest.Readers.Markdown;
using Sitrep.Ingest.Readers.Pdf;
using Sitrep.Ingest.Readers.Telegram;
using Sitrep.Ingest.Readers.Word;
using Sitrep.Ingest.Sources;

namespace Sitrep.Ingest;

/// <summary>
/// Turns one input file into documents: bounded read, the best-fitting binary reader (PDF, Word, e-mail) when one
/// claims the bytes, else binary sniffing, decoding and the best-fitting text reader; then the manifest's metadata.
/// Attachments a reader finds are read the same way, as documents of their own. Never throws for bad input: every problem is an error entry and the run goes on.
/// </summary>
/// <remarks>
/// One ingestor serves one run: it holds the run's <see cref="DecompressionBudget"/>
/// (<see cref="IngestOptions.MaxDecompressedBytesPerRun"/>), shared by every compressed file it reads.
/// </remarks>
public sealed class DocumentIngestor
{
    /// <summary>How deep attachments are followed: a message attached to a message attached to a message is not read.</summary>
    public const int MaxAttachmentDepth = 2;

    private readonly IReadOnlyList<IDocumentReader> _readers;
    private readonly IReadOnlyList<IBinaryDocumentReader> _binaryReaders;
    private readonly IngestOptions _options;
    private readonly SourceManifest _manifest;
    private readonly DecompressionBudget _budget;

    /// <summary>Creates an ingestor with text readers only: binary formats are refused as binary.</summary>
    public DocumentIngestor(IReadOnlyList<IDocumentReader> readers, IngestOptions options, SourceManifest manifest)
        : this(readers, [], options, manifest)
    {
    }

    /// <summary>Creates an ingestor with text readers and binary readers (offered the raw bytes first).</summary>
    public DocumentIngestor(IReadOnlyList<IDocumentReader> readers, IReadOnlyList<IBinaryDocumentReader> binaryReaders, IngestOptions options, SourceManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(readers);
        ArgumentNullException.ThrowIfNull(binaryReaders);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(manifest);
        if (readers.Count == 0)
        {
            throw new ArgumentException("At least one reader is needed.", nameof(readers));
        }

        _readers = readers;
        _binaryReaders = binaryReaders;
        _options = options;
        _manifest = manifest;
        _budget = new DecompressionBudget(options.MaxDecompressedBytesPerRun);
    }

    /// <summary>Creates an ingestor with the readers Sitrep ships, bound to <paramref name="options"/>' limits.</summary>
    public DocumentIngestor(IngestOptions options, SourceManifest manifest)
        : this(CreateReaders(options), CreateBinaryReaders(options), options, manifest)
    {
    }

    /// <summary>
    /// The analyst's outlets (a sources file): they fill the grade and outlet name of every document of theirs that the
    /// manifest leaves without one.
    /// </summary>
    public OutletCatalog Outlets { get; init; } = OutletCatalog.Empty;

    /// <summary>The readers Sitrep ships, with default limits.</summary>
    public static IReadOnlyList<IDocumentReader> DefaultReaders { get; } = CreateReaders(IngestOptions.Default);

    /// <summary>The readers Sitrep ships, bound to the given limits. The highest <see cref="IDocumentReader.Score"/> wins.</summary>
    public static IReadOnlyList<IDocumentReader> CreateReaders(IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [new PlainTextReader(options), new MarkdownReader(options), new HtmlReader(options), new FeedReader(options), new JsonLinesReader(options), new TelegramExportReader(options)];
    }

    /// <summary>The binary readers Sitrep ships (PDF, Word, e-mail), bound to the given limits.</summary>
    public static IReadOnlyList<IBinaryDocumentReader> CreateBinaryReaders(IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [new PdfReader(options), new WordReader(options), new EmailReader(options)];
    }

    /// <summary>Reads one file.</summary>
    public ReadResult Ingest(InputFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var (raw, loadError) = FileLoader.Load(file, _options);
        if (raw is null)
        {
            return ReadResult.Failed(loadError!);
        }

        return Ingest(raw);
    }

    /// <summary>Reads bytes already loaded.</summary>
    public ReadResult Ingest(RawInput raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return Ingest(raw, 0);
    }

    private ReadResult Ingest(RawInput raw, int depth)
    {
        var path = raw.File.DisplayPath;
        if (raw.Bytes.Length == 0)
        {
            return ReadResult.Failed(SitrepErrors.Empty.At(path));
        }

        if (Decompression.IsGzip(raw.Bytes))
        {
            var (inflated, error) = Inflate(raw);
            if (inflated is null)
            {
                return ReadResult.Failed(error!);
            }

            raw = inflated;
            if (raw.Bytes.Length == 0)
            {
                return ReadResult.Failed(SitrepErrors.Empty.At(path));
            }
        }

        if (ChooseBinary(raw) is { } binaryReader)
        {
            ReadResult read;
            try
            {
                read = binaryReader.Read(raw);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                read = ReadResult.Failed(SitrepErrors.Malformed.At(path, binaryReader.Name, ex.Message));
            }

            return Finish(raw, read, null, depth);
        }

        var binary = TextDecoder.SniffBinary(raw.Head(_options.SniffBytes));
        if (binary is not null)
        {
            return ReadResult.Failed(SitrepErrors.Binary.At(path, binary));
        }

        var (text, diagnostic) = TextDecoder.Decode(raw.Bytes, path);
        if (text is null)
        {
            return ReadResult.Failed(diagnostic!);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return ReadResult.Failed(SitrepErrors.Empty.At(path));
        }

        var reader = Choose(raw, text);
        ReadResult result;
        try
        {
            result = reader.Read(raw, text);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            result = ReadResult.Failed(SitrepErrors.Malformed.At(path, reader.Name, ex.Message));
        }

        return Finish(raw, result, diagnostic, depth);
    }

    private ReadResult Finish(RawInput raw, ReadResult result, SitrepError? diagnostic, int depth)
    {
        var errors = diagnostic is null ? result.Errors : [diagnostic, .. result.Errors];
        var foreign = result.Documents.Where(d => d.Language is { } l && l != "en").Select(d => SitrepErrors.NotEnglish.At(d.Path, d.Language)).ToList();
        if (foreign.Count > 0)
        {
            errors = [.. errors, .. foreign];
        }

        var entry = _manifest.Find(raw.File.FullPath);
        var documents = entry is null
            ? result.Documents
            : [.. result.Documents.Select(d => d.WithMetadata(entry.Title ?? d.Title, entry.Kind ?? d.Kind, entry.ToSource(d.Source)))];
        documents = [.. documents.Select(d => d.WithMetadata(d.Title, d.Kind, Outlets.Apply(d.Source)))];
        var path = raw.File.DisplayPath;
        if (depth == 0 && entry is null && _manifest.Count > 0 && !Fetch.WebFetcher.LooksLikeUrl(path) && documents.Count > 0)
        {
            errors = [.. errors, Unlisted(path, documents[0].Source)];
        }

        if (result.Attachments.Count == 0)
        {
            return new ReadResult(documents, errors);
        }

        var all = documents.ToList();
        var allErrors = errors.ToList();
        foreach (var attachment in result.Attachments)
        {
            if (depth >= MaxAttachmentDepth)
            {
                allErrors.Add(SitrepErrors.AttachmentSkipped.At(attachment.Input.File.DisplayPath, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"attachments nest more than {MaxAttachmentDepth} deep")));
                continue;
            }

            var carrier = entry is null ? attachment.Source : entry.ToSource(attachment.Source);
            var read = Ingest(attachment.Input, depth + 1);
            allErrors.AddRange(read.Errors);
            all.AddRange(read.Documents.Select(d => d.WithMetadata(d.Title, d.Kind, Inherit(d.Source, carrier))));
        }

        return new ReadResult(all, allErrors);
    }

    // The attachment's own metadata (a PDF's author) wins; the message fills what it lacks.
    private static Source Inherit(Source own, Source carrier) => own with
    {
        Outlet = own.Outlet ?? carrier.Outlet,
        Author = own.Author ?? carrier.Author,
        Url = own.Url ?? carrier.Url,
        Published = own.Published ?? carrier.Published,
        Reliability = own.Reliability ?? carrier.Reliability,
    };

    private IBinaryDocumentReader? ChooseBinary(RawInput raw)
    {
        IBinaryDocumentReader? best = null;
        var bestScore = 0;
        foreach (var reader in _binaryReaders)
        {
            var score = reader.Score(raw);
            if (score > bestScore)
            {
                best = reader;
                bestScore = score;
            }
        }

        return best;
    }

    // A file the manifest does not list is named, so that it is never graded by accident or left ungraded unseen.
    private static SitrepError Unlisted(string path, Documents.Source source) =>
        SitrepErrors.NotInManifest.At(path, source.Reliability is { } grade
            ? $"graded {grade} from the sources file (outlet '{source.Outlet}')"
            : "it has no reliability grade (add a manifest row, or its outlet to the sources file)");

    private (RawInput? Input, SitrepError? Error) Inflate(RawInput raw)
    {
        var path = raw.File.DisplayPath;
        try
        {
            using var stream = new MemoryStream(raw.Bytes, writable: false);
            var bytes = Decompression.Gunzip(stream, _options.MaxDecompressedBytes, _budget, out var budgetSpent);
            if (bytes is null)
            {
                return (null, budgetSpent
                    ? SitrepErrors.DecompressionBudgetSpent.At(path, _budget.Total)
                    : SitrepErrors.DecompressedTooLarge.At(path, _options.MaxDecompressedBytes));
            }

            return (raw with { Bytes = bytes }, null);
        }
        catch (InvalidDataException ex)
        {
            return (null, SitrepErrors.CompressionCorrupt.At(path, ex.Message));
        }
    }

    private IDocumentReader Choose(RawInput raw, string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, _options.SniffBytes));
        IDocumentReader best = _readers[0];
        var bestScore = int.MinValue;
        foreach (var reader in _readers)
        {
            var score = reader.Score(raw, head);
            if (score > bestScore)
            {
                best = reader;
                bestScore = score;
            }
        }

        return best;
    }
}
