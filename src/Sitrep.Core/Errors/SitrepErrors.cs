namespace Sitrep.Errors;

/// <summary>
/// The catalog of user-facing errors. Codes are stable: add new ones, never renumber or reuse. Ranges: SR1xxx input,
/// SR2xxx pipeline, SR3xxx manifest and options files, SR4xxx store, SR5xxx command line, SR6xxx entities,
/// SR7xxx time, SR8xxx claims and stance, SR9xxx ingest formats.
/// </summary>
public static partial class SitrepErrors
{
    /// <summary>An input path or glob matched nothing.</summary>
    public static readonly ErrorCode NotFound = new("SR1001", "No file or directory matches '{0}'.");

    /// <summary>A file is larger than the configured limit.</summary>
    public static readonly ErrorCode TooLarge = new("SR1002", "File is {0:N0} bytes, over the limit of {1:N0} bytes (raise it with --max-bytes).");

    /// <summary>A file looks binary.</summary>
    public static readonly ErrorCode Binary = new("SR1003", "File looks binary ({0}); only text, Markdown, HTML, feeds, JSON exports, PDF, Word (.docx) and e-mail are read.");

    /// <summary>A file is empty or holds only white space.</summary>
    public static readonly ErrorCode Empty = new("SR1004", "File is empty or holds only white space.");

    /// <summary>A file is not valid in any encoding we could detect with confidence.</summary>
    public static readonly ErrorCode Undecodable = new("SR1005", "File is not valid UTF-8 and its encoding could not be detected with confidence ({0}).");

    /// <summary>A file cannot be opened for reading.</summary>
    public static readonly ErrorCode AccessDenied = new("SR1006", "File cannot be read: permission denied.");

    /// <summary>A symbolic link leads back into a directory already being walked.</summary>
    public static readonly ErrorCode DirectoryLoop = new("SR1007", "Directory loop: '{0}' leads back to '{1}', which is already being read; skipped.");

    /// <summary>Any other I/O failure while reading.</summary>
    public static readonly ErrorCode ReadFailed = new("SR1008", "File could not be read: {0}");

    /// <summary>A file was decoded with a detected legacy encoding.</summary>
    public static readonly ErrorCode DecodedAs = new("SR1009", "File is not valid UTF-8; decoded as {0} (confidence {1:P0}).", ErrorSeverity.Warning);

    /// <summary>A file is not a regular file (device, socket, FIFO).</summary>
    public static readonly ErrorCode NotRegularFile = new("SR1010", "Not a regular file ({0}); skipped.");

    /// <summary>A file's content does not fit its format.</summary>
    public static readonly ErrorCode Malformed = new("SR1011", "File is not well-formed {0}: {1}");

    /// <summary>One line, record or message holds text that is not valid Unicode; it alone is dropped.</summary>
    public static readonly ErrorCode LineDropped = new("SR1012", "{0} holds text that is not valid Unicode ({1}); it was dropped and the rest of the file read.", ErrorSeverity.Warning);

    /// <summary>A file is UTF-8 but for a few invalid bytes, which were replaced.</summary>
    public static readonly ErrorCode InvalidBytesReplaced = new("SR1013", "File is UTF-8 except for {0:N0} invalid byte(s), the first at byte {1:N0}; each was replaced with U+FFFD.", ErrorSeverity.Warning);

    /// <summary>The run's decompression budget, shared by all compressed inputs, is spent.</summary>
    public static readonly ErrorCode DecompressionBudgetSpent = new("SR1014", "Compressed inputs of this run already expanded to {0:N0} bytes, the budget for one run; this file was not read (a run reads at most that much decompressed data).");

    /// <summary>A file name is not valid in the system's encoding, so the file cannot be opened by name.</summary>
    public static readonly ErrorCode NameUndecodable = new("SR1015", "File name is not valid UTF-8 (shown with U+FFFD for the invalid bytes), so it cannot be opened; rename it to read it.");

    /// <summary>A feed, export or JSON Lines file holds more items than the limit; the rest are counted, not read.</summary>
    public static readonly ErrorCode ItemsDropped = new("SR1016", "{0:N0} of {1:N0} items were not read ({2}).");

    /// <summary>A file is larger than any one document Sitrep can hold, whatever the size limit says.</summary>
    public static readonly ErrorCode TooLargeToHold = new("SR1017", "File is {0:N0} bytes; one file can hold at most {1:N0} bytes whatever --max-bytes says (its text must fit in memory as one string); split it.");

    /// <summary>A PDF is encrypted with a password Sitrep does not have.</summary>
    public static readonly ErrorCode PdfEncrypted = new("SR9101", "PDF is encrypted and cannot be opened without its password ({0}); save an unencrypted copy to read it.");

    /// <summary>A PDF has no text layer at all: a scan.</summary>
    public static readonly ErrorCode PdfNoText = new("SR9102", "PDF has {0:N0} page(s) and none holds text: it looks scanned (images of pages). Nothing was read; run OCR on it (e.g. ocrmypdf) and read the result.");

    /// <summary>Some pages of a PDF have no text layer.</summary>
    public static readonly ErrorCode PdfPagesWithoutText = new("SR9103", "{0:N0} of {1:N0} PDF page(s) hold no text (scanned images?): pages {2}. Their content is missing from the analysis.", ErrorSeverity.Warning);

    /// <summary>A PDF has more pages than the limit.</summary>
    public static readonly ErrorCode PdfPagesCapped = new("SR9104", "PDF has {0:N0} pages, over the limit of {1:N0}; only the first {1:N0} were read.", ErrorSeverity.Warning);

    /// <summary>A ZIP-based document expands beyond the limit: a zip bomb or an oversized file.</summary>
    public static readonly ErrorCode ArchiveTooLarge = new("SR9105", "{0} expands to more than {1:N0} bytes when unzipped ({2}), over the limit; not read (a zip bomb or an oversized document).");

    /// <summary>An attachment was not read.</summary>
    public static readonly ErrorCode AttachmentSkipped = new("SR9106", "Attachment not read: {0}.", ErrorSeverity.Warning);

    /// <summary>A ZIP file is neither a Word document nor any other format Sitrep reads.</summary>
    public static readonly ErrorCode NotWordDocument = new("SR9107", "ZIP file is not a Word document ({0}); only .docx (Office Open XML word processing) is read from ZIP containers.");

    /// <summary>Markdown nests too deeply to parse; its text is read with the markup left in.</summary>
    public static readonly ErrorCode MarkdownFlat = new("SR9108", "Markdown nests too deeply to parse; read as plain text with its markup left in.", ErrorSeverity.Warning);

    /// <summary>A stage requires a capability no earlier stage assigns.</summary>
    public static readonly ErrorCode MissingCapability = new("SR2001", "Stage '{0}' requires '{1}', which no earlier stage assigns. Stages that assign it: {2}.");

    /// <summary>Two stages share a name.</summary>
    public static readonly ErrorCode DuplicateStage = new("SR2002", "A stage named '{0}' is already in the pipeline. Existing stages: {1}.");

    /// <summary>A stage threw on one document.</summary>
    public static readonly ErrorCode StageFailed = new("SR2003", "Stage '{0}' failed on this document: {1}");

    /// <summary>A corpus stage threw.</summary>
    public static readonly ErrorCode CorpusStageFailed = new("SR2004", "Corpus stage '{0}' failed; its section of the brief is empty: {1}");

    /// <summary>A stored document's layer was made by another version of its stage (or cannot be read): the document is analysed again.</summary>
    public static readonly ErrorCode LayerOutdated = new("SR2005", "Stored layer '{0}' {1}; the document was analysed again with '{2}'.", ErrorSeverity.Warning);

    /// <summary>The manifest cannot be read.</summary>
    public static readonly ErrorCode ManifestUnreadable = new("SR3001", "Manifest '{0}' cannot be read: {1}");

    /// <summary>A manifest value is invalid.</summary>
    public static readonly ErrorCode ManifestValue = new("SR3002", "Manifest '{0}' line {1}: {2} '{3}' is not valid; expected {4}.");

    /// <summary>The manifest lacks a required column.</summary>
    public static readonly ErrorCode ManifestColumns = new("SR3003", "Manifest '{0}' has no '{1}' column. Columns found: {2}. Valid columns: path, outlet, author, url, published, reliability, kind, title.");

    /// <summary>A decisions file (ratings) names an id the stored analysis does not hold.</summary>
    public static readonly ErrorCode DecisionUnknownId = new("SR3007", "Decisions file '{0}' names {1} '{2}', which the stored analysis does not hold; nothing was changed. Known {1} ids: {3}.");

    /// <summary>The store cannot be opened.</summary>
    public static readonly ErrorCode StoreUnavailable = new("SR4001", "Store '{0}' cannot be opened: {1}");

    /// <summary>The store was written by a newer Sitrep.</summary>
    public static readonly ErrorCode StoreTooNew = new("SR4002", "Store '{0}' has schema version {1}, newer than this Sitrep understands ({2}). Upgrade Sitrep.");

    /// <summary>The store can only be read, and the command must write to it.</summary>
    public static readonly ErrorCode StoreReadOnly = new("SR4003", "Store '{0}' is read-only ({1}); nothing was written. Give a writable file with --db.");

    /// <summary>The store file is corrupt or lacks part of its schema; it is refused before anything is written to it.</summary>
    public static readonly ErrorCode StoreDamaged = new("SR4004", "Store '{0}' is damaged ({1}); nothing was written to it. Restore it from a copy, or give a new file with --db.");

    /// <summary>The disk holding the store is full.</summary>
    public static readonly ErrorCode StoreFull = new("SR4005", "Store '{0}' could not be written: the disk is full ({1}). Every batch committed before is intact; free some space and run again.");

    /// <summary>Any other failure while writing to or reading from the store.</summary>
    public static readonly ErrorCode StoreFailed = new("SR4006", "Store '{0}' failed: {1}. Every batch committed before is intact.");

    /// <summary>A command-line value is invalid.</summary>
    public static readonly ErrorCode BadOption = new("SR5001", "Option {0} has invalid value '{1}'; expected {2}.");

    /// <summary>A TimeML file given to the temporal evaluation cannot be read.</summary>
    public static readonly ErrorCode TimeMlUnreadable = new("SR7001", "TimeML file cannot be read ({0}); expected a TempEval-3 .tml file with a <TEXT> element. Skipped.");

    /// <summary>The output folder cannot be written.</summary>
    public static readonly ErrorCode OutputUnwritable = new("SR5002", "Output folder '{0}' cannot be written: {1}");

    /// <summary>A compressed file expands beyond the limit (a gzip bomb or simply too big).</summary>
    public static readonly ErrorCode DecompressedTooLarge = new("SR9001", "Compressed file expands to more than {0:N0} bytes (the limit); not read.");

    /// <summary>A compressed file is corrupt.</summary>
    public static readonly ErrorCode CompressionCorrupt = new("SR9002", "Compressed file is corrupt: {0}");

    /// <summary>HTML nests deeper than the limit; the page is read as flat text.</summary>
    public static readonly ErrorCode NestingTooDeep = new("SR9003", "Markup nests {0:N0} levels deep, over the limit of {1:N0}; read as flat text without main-content extraction.", ErrorSeverity.Warning);

    /// <summary>A feed declares a DTD or entities, which are refused (XXE, billion laughs).</summary>
    public static readonly ErrorCode FeedDtdRefused = new("SR9004", "Feed declares a DTD or entities, which are refused to prevent entity expansion attacks: {0}");

    /// <summary>A JSON value or text field is longer than the limit.</summary>
    public static readonly ErrorCode FieldTooLong = new("SR9005", "Field '{0}' holds {1:N0} characters, over the limit of {2:N0}; {3}.");

    /// <summary>One line of a JSON Lines file is not a usable record.</summary>
    public static readonly ErrorCode JsonLineInvalid = new("SR9006", "Line {0} is not a usable record: {1}. Expected a JSON object with a 'text' field (optional: title, url, published, author, outlet).");

    /// <summary>A JSON export is not valid JSON or lacks the expected shape.</summary>
    public static readonly ErrorCode ExportInvalid = new("SR9007", "Not a valid {0}: {1}");

    /// <summary>A document is not in English; it is stored but analysis quality is not guaranteed.</summary>
    public static readonly ErrorCode NotEnglish = new("SR9008", "Document language looks like '{0}'; it is stored and flagged, and English-only analysis may miss its content.", ErrorSeverity.Warning);

    /// <summary>A feed or export holds more items than the limit. No longer raised (SR1016 counts what was lost); kept so the code is never reused.</summary>
    public static readonly ErrorCode TooManyItems = new("SR9009", "Input holds more than {0:N0} items; the rest were not read.", ErrorSeverity.Warning);

    /// <summary>A record was skipped because it holds no text.</summary>
    public static readonly ErrorCode NoText = new("SR9010", "Item {0} holds no text; skipped.", ErrorSeverity.Warning);

    /// <summary>The extracted text of a page is longer than the limit and was cut.</summary>
    public static readonly ErrorCode TextTruncated = new("SR9011", "Text of {0:N0} characters cut at the limit of {1:N0} characters.", ErrorSeverity.Warning);
    /// <summary>An entity aliases file cannot be read or has a bad line.</summary>
    public static readonly ErrorCode AliasesInvalid = new("SR6001", "Aliases file '{0}' cannot be used: {1}. Lines read 'merge | NAME | NAME...', 'split | NAME' or 'pin | NAME [| PERSON|ORG|LOC|MISC]'.");
    /// <summary>A claims gold folder holds no gold file.</summary>
    public static readonly ErrorCode ClaimsGoldMissing = new("SR8001", "Claims gold '{0}' holds no *.jsonl file{1}. Expected a folder like tests/gold/claims with dev.jsonl and heldout.jsonl.");

    /// <summary>A claims gold file cannot be read.</summary>
    public static readonly ErrorCode ClaimsGoldInvalid = new("SR8002", "Claims gold file '{0}' is not valid: {1}");

    /// <summary>A disputes gold folder holds no gold file.</summary>
    public static readonly ErrorCode DisputesGoldMissing = new("SR8011", "Disputes gold '{0}' holds no *.json file{1}. Expected a folder like tests/gold/disputes with one topicN.json per ECB+ topic.");

    /// <summary>A disputes gold file cannot be read.</summary>
    public static readonly ErrorCode DisputesGoldInvalid = new("SR8012", "Disputes gold file '{0}' is not valid: {1}");

    /// <summary>The ECB+ corpus is not where the disputes evaluation looks for it.</summary>
    public static readonly ErrorCode EcbPlusMissing = new("SR8013", "ECB+ topic {0} is not in '{1}'. Pass --ecbplus with the folder that holds ECB+/<topic>/*.xml (../shared/datasets/ecbplus).");

    /// <summary>A timeline gold file cannot be read.</summary>
    public static readonly ErrorCode TimelineGoldInvalid = new("SR8021", "Timeline gold file '{0}' is not valid: {1}");

    /// <summary>The corpus a timeline gold names is not there.</summary>
    public static readonly ErrorCode TimelineCorpusMissing = new("SR8022", "Timeline corpus folder '{0}' does not exist. Pass --corpus with the folder the gold was written for (e.g. samples/wagner-2023).");
}
