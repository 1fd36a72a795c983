using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Sitrep.Documents;
using Sitrep.Errors;
using Sitrep.Ingest;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Manifest;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Engine.Watch;

/// <summary>What one poll found for one file or document: one line of <c>sitrep watch</c>.</summary>
/// <param name="Change">
/// <c>new</c>, <c>changed</c> (a new version that replaces the file's previous one), <c>same</c> (touched, same
/// content), <c>renamed</c>, <c>deleted</c> or <c>error</c>.
/// </param>
/// <param name="Path">The file's display path (with <c>#n</c> for items of a feed or export).</param>
/// <param name="Document">The document, when one was read.</param>
/// <param name="Error">The error entry, when reading failed.</param>
public sealed record WatchEvent(string Change, string Path, Document? Document, SitrepError? Error)
{
    /// <summary>For <c>renamed</c>: the path the file had before.</summary>
    public string? PreviousPath { get; init; }

    /// <summary>For <c>changed</c> and <c>deleted</c>: documents removed from the store (earlier versions of the file, or the deleted file's).</summary>
    public int Removed { get; init; }

    /// <summary>The line printed for the event.</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        if (Error is { } e)
        {
            var level = e.Severity == ErrorSeverity.Error ? "error" : "warning";
            return $"{level} {e.Code} {e.Path}: {e.Message}";
        }

        if (Document is not { } d)
        {
            return Change == "renamed"
                ? $"renamed {PreviousPath} -> {Path}"
                : string.Create(c, $"{Change,-7} {Path} ({Removed} documents removed from the store)");
        }

        var removed = Removed > 0 ? string.Create(c, $"  (replaces {Removed} earlier)") : string.Empty;
        return string.Create(c, $"{Change,-7} {d.Id} {DocumentKinds.ToName(d.Kind),-9} {d.Posts.Count,3} posts {d.Text.Length,8} chars  {Path}{(d.Title is null ? string.Empty : "  \"" + d.Title + "\"")}{removed}");
    }
}

/// <summary>
/// Incremental ingest of a folder. Each <see cref="Poll"/> looks at every file: one that is new or changed is read
/// only once it is stable (the same size and write time for <see cref="SettleTime"/>) and complete (it does not end
/// inside a UTF-8 character); it is then analysed by the document stages and stored in place of what the file held
/// before. A file that disappears while another appears with its size and write time was renamed; one that disappears
/// otherwise was deleted, and its documents leave the store and the search index.
/// </summary>
public sealed class DirectoryWatch
{
    private readonly AnalysisPipeline _pipeline;
    private readonly IDocumentStore _store;
    private readonly DocumentIngestor _ingestor;
    private readonly string _root;
    private readonly IReadOnlyCollection<string> _excluded;

    // Files stored (or refused with an error) by their full path: the stamp read, the path shown, the documents.
    private readonly Dictionary<string, StoredFile> _stored = new(StringComparer.Ordinal);

    // Files waiting to be stable: the stamp last seen and since when it has not changed.
    private readonly Dictionary<string, (Stamp Stamp, DateTimeOffset Since)> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _documents = new(StringComparer.Ordinal);

    /// <summary>Creates a watch over <paramref name="root"/>.</summary>
    public DirectoryWatch(AnalysisPipeline pipeline, IDocumentStore store, string root, IngestOptions options, SourceManifest manifest, IReadOnlyCollection<string>? excluded = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(manifest);
        _pipeline = pipeline;
        _store = store;
        _root = Path.GetFullPath(root);
        _ingestor = new DocumentIngestor(options, manifest);
        _excluded = excluded ?? [];
    }

    /// <summary>How long a file's size and write time must stay the same before it is read.</summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a stable file that ends inside a UTF-8 character is held back before it is read as it is.</summary>
    public TimeSpan IncompleteWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock that measures <see cref="SettleTime"/> (a fake one in tests).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Reads what is new, changed, renamed or deleted since the last poll and is now stable.</summary>
    /// <exception cref="SitrepException">The store failed (<c>SR4xxx</c>): the watch cannot go on.</exception>
    public IReadOnlyList<WatchEvent> Poll(CancellationToken cancellationToken = default)
    {
        var events = new List<WatchEvent>();
        var now = Clock.GetUtcNow();
        var current = new Dictionary<string, (InputFile File, Stamp Stamp)>(StringComparer.Ordinal);
        foreach (var file in InputScanner.Scan([_root], Environment.CurrentDirectory).Files)
        {
            if (!_excluded.Contains(file.FullPath) && StampOf(file.FullPath) is { } stamp)
            {
                current[file.FullPath] = (file, stamp);
            }
        }

        RecordRenamesAndDeletions(current, events);
        foreach (var (fullPath, (file, stamp)) in current.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var known = _stored.TryGetValue(fullPath, out var before);
            if (known && before!.Stamp == stamp)
            {
                continue;
            }

            if (!IsReady(fullPath, stamp, now))
            {
                continue;
            }

            _pending.Remove(fullPath);
            events.AddRange(Store(file, stamp, before, cancellationToken));
        }

        foreach (var gone in _pending.Keys.Where(p => !current.ContainsKey(p)).ToList())
        {
            _pending.Remove(gone);
        }

        return events;
    }

    private bool IsReady(string fullPath, Stamp stamp, DateTimeOffset now)
    {
        if (!_pending.TryGetValue(fullPath, out var seen) || seen.Stamp != stamp)
        {
            seen = (stamp, now);
            _pending[fullPath] = seen;
        }

        var unchangedFor = now - seen.Since;
        return unchangedFor >= SettleTime && (unchangedFor >= IncompleteWait || !EndsInsideUtf8Character(fullPath, stamp.Length));
    }

    private void RecordRenamesAndDeletions(Dictionary<string, (InputFile File, Stamp Stamp)> current, List<WatchEvent> events)
    {
        var gone = _stored.Where(s => !current.ContainsKey(s.Key)).ToList();
        if (gone.Count == 0)
        {
            return;
        }

        var arrivals = current.Where(c => !_stored.ContainsKey(c.Key)).ToList();
        foreach (var (fullPath, stored) in gone)
        {
            _stored.Remove(fullPath);

            // A rename keeps the size and the write time to the tick; a new file with both is the same file.
            var match = arrivals.FirstOrDefault(a => a.Value.Stamp == stored.Stamp && !_stored.ContainsKey(a.Key));
            if (match.Key is not null)
            {
                _store.MoveFile(stored.DisplayPath, match.Value.File.DisplayPath);
                _stored[match.Key] = stored with { DisplayPath = match.Value.File.DisplayPath };
                _pending.Remove(match.Key);
                events.Add(new WatchEvent("renamed", match.Value.File.DisplayPath, null, null) { PreviousPath = stored.DisplayPath });
                continue;
            }

            var removed = _store.RemoveFile(stored.DisplayPath);
            _documents.ExceptWith(stored.DocumentIds);
            events.Add(new WatchEvent("deleted", stored.DisplayPath, null, null) { Removed = removed });
        }
    }

    private List<WatchEvent> Store(InputFile file, Stamp stamp, StoredFile? before, CancellationToken cancellationToken)
    {
        var events = new List<WatchEvent>();
        var result = _ingestor.Ingest(file);
        events.AddRange(result.Errors.Select(error => new WatchEvent("error", file.DisplayPath, null, error)));
        IReadOnlySet<string> previous = before?.DocumentIds ?? new HashSet<string>(StringComparer.Ordinal);
        var fresh = result.Documents.Where(d => !previous.Contains(d.Id) && !_documents.Contains(d.Id)).ToList();
        var analysis = _pipeline.AnalyzeBatch(fresh, cancellationToken);
        events.AddRange(analysis.Errors.Select(e => new WatchEvent("error", e.Path, null, e)));
        var analysed = analysis.Documents.ToDictionary(a => a.Document.Id, StringComparer.Ordinal);

        // A document already stored keeps its annotations: saving it with none leaves them as they are.
        var batch = result.Documents
            .Select(d => new StoredDocument(d, PersistedLayers.Export(_pipeline, analysed.GetValueOrDefault(d.Id))))
            .ToList();
        var saved = result.Errors.Any(e => e.Severity == ErrorSeverity.Error) && batch.Count == 0
            ? new SaveResult(0, 0)
            : _store.ReplaceFile(file.DisplayPath, batch);
        var ids = result.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        _documents.ExceptWith(previous.Except(ids, StringComparer.Ordinal));
        _documents.UnionWith(ids);
        _stored[file.FullPath] = new StoredFile(stamp, file.DisplayPath, ids);

        var change = before is null ? "new" : "changed";
        var removedShown = false;
        foreach (var doc in result.Documents)
        {
            var isFresh = fresh.Contains(doc);
            events.Add(new WatchEvent(isFresh ? change : "same", doc.Path, doc, null) { Removed = isFresh && !removedShown ? saved.Removed : 0 });
            removedShown |= isFresh;
        }

        if (result.Documents.Count == 0 && saved.Removed > 0)
        {
            events.Add(new WatchEvent("deleted", file.DisplayPath, null, null) { Removed = saved.Removed });
        }

        return events;
    }

    private static Stamp? StampOf(string fullPath)
    {
        try
        {
            var info = new FileInfo(fullPath);
            return info.Exists ? new Stamp(info.Length, info.LastWriteTimeUtc) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// True when the file ends with the first bytes of a UTF-8 character whose last bytes are not written yet, and
    /// what comes before them is UTF-8 too (a legacy single-byte text may end in a byte that only looks like a lead byte).
    /// </summary>
    internal static bool EndsInsideUtf8Character(string fullPath, long length)
    {
        // An empty length also covers pipes and devices, which must never be opened here.
        if (length == 0 || fullPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var count = (int)Math.Min(64, length);
        var tail = new byte[count];
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            stream.Seek(-count, SeekOrigin.End);
            stream.ReadExactly(tail);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        var lead = count - 1;
        while (lead > 0 && lead > count - 4 && (tail[lead] & 0xC0) == 0x80)
        {
            lead--;
        }

        if (Rune.DecodeFromUtf8(tail.AsSpan(lead), out _, out _) != OperationStatus.NeedMoreData)
        {
            return false;
        }

        var before = tail.AsSpan(0, lead);
        var skip = 0;
        while (skip < before.Length && skip < 3 && (before[skip] & 0xC0) == 0x80)
        {
            skip++;
        }

        return Utf8.IsValid(before[skip..]);
    }

    private readonly record struct Stamp(long Length, DateTime Written);

    private sealed record StoredFile(Stamp Stamp, string DisplayPath, IReadOnlySet<string> DocumentIds);
}
