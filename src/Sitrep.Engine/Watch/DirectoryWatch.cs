using System.Globalization;
using Sitrep.Documents;
using Sitrep.Errors;
using Sitrep.Ingest;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Manifest;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Engine.Watch;

/// <summary>What one poll found for one file or document: one line of <c>sitrep watch</c>.</summary>
/// <param name="Change"><c>new</c>, <c>changed</c>, <c>same</c> (touched, same content) or <c>error</c>.</param>
/// <param name="Path">The file's display path (with <c>#n</c> for items of a feed or export).</param>
/// <param name="Document">The document, when one was read.</param>
/// <param name="Error">The error entry, when reading failed.</param>
public sealed record WatchEvent(string Change, string Path, Document? Document, SitrepError? Error)
{
    /// <summary>The line printed for the event.</summary>
    public override string ToString()
    {
        if (Error is { } e)
        {
            var level = e.Severity == ErrorSeverity.Error ? "error" : "warning";
            return $"{level} {e.Code} {e.Path}: {e.Message}";
        }

        var d = Document!;
        var c = CultureInfo.InvariantCulture;
        return string.Create(c, $"{Change,-7} {d.Id} {DocumentKinds.ToName(d.Kind),-9} {d.Posts.Count,3} posts {d.Text.Length,8} chars  {Path}{(d.Title is null ? string.Empty : "  \"" + d.Title + "\"")}");
    }
}

/// <summary>
/// Incremental ingest of a folder: each <see cref="Poll"/> finds files that are new or changed since the last poll
/// (size or write time), reads them, runs the document stages and saves them in the store, and reports one event per
/// document. Files still being written (modified within <see cref="SettleTime"/>) wait for the next poll.
/// </summary>
public sealed class DirectoryWatch
{
    private readonly AnalysisPipeline _pipeline;
    private readonly IDocumentStore _store;
    private readonly DocumentIngestor _ingestor;
    private readonly string _root;
    private readonly IReadOnlyCollection<string> _excluded;
    private readonly Dictionary<string, (long Length, DateTime Written)> _seen = new(StringComparer.Ordinal);
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

    /// <summary>How long a file must stay unmodified before it is read.</summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Reads what is new or changed since the last poll.</summary>
    public IReadOnlyList<WatchEvent> Poll(CancellationToken cancellationToken = default)
    {
        var events = new List<WatchEvent>();
        var scan = InputScanner.Scan([_root], Environment.CurrentDirectory);
        var now = DateTime.UtcNow;
        var changed = new List<(InputFile File, bool IsNew)>();
        foreach (var file in scan.Files)
        {
            if (_excluded.Contains(file.FullPath))
            {
                continue;
            }

            FileInfo info;
            try
            {
                info = new FileInfo(file.FullPath);
                if (!info.Exists)
                {
                    continue;
                }
            }
            catch (IOException)
            {
                continue;
            }

            var stamp = (info.Length, info.LastWriteTimeUtc);
            var known = _seen.TryGetValue(file.FullPath, out var previous);
            if (known && previous == stamp)
            {
                continue;
            }

            if (now - info.LastWriteTimeUtc < SettleTime)
            {
                continue;
            }

            _seen[file.FullPath] = stamp;
            changed.Add((file, !known));
        }

        foreach (var (file, isNew) in changed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = _ingestor.Ingest(file);
            foreach (var error in result.Errors)
            {
                events.Add(new WatchEvent("error", file.DisplayPath, null, error));
            }

            var fresh = result.Documents.Where(d => _documents.Add(d.Id)).ToList();
            foreach (var same in result.Documents.Except(fresh))
            {
                events.Add(new WatchEvent("same", same.Path, same, null));
            }

            if (fresh.Count == 0)
            {
                continue;
            }

            var analysis = _pipeline.AnalyzeBatch(fresh, cancellationToken);
            events.AddRange(analysis.Errors.Select(e => new WatchEvent("error", e.Path, null, e)));
            _store.Save([.. fresh.Select(d => new StoredDocument(d, []))]);
            events.AddRange(fresh.Select(d => new WatchEvent(isNew ? "new" : "changed", d.Path, d, null)));
        }

        return events;
    }
}
