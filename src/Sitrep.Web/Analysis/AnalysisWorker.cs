using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sitrep.Web.Live;
using Sitrep.Web.Story;

namespace Sitrep.Web.Analysis;

/// <summary>
/// Analyses new reports one run at a time, in the background: uploads journalled in the store (those left pending by
/// a crash first) and new files in the watched folder. After each run the story is read again and every open page is
/// told what changed.
/// </summary>
public sealed partial class AnalysisWorker(WorkbenchOptions options, StoryService story, LiveHub hub, IReportAnalyzer analyzer, ILogger<AnalysisWorker> logger) : BackgroundService
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<string, (long Length, DateTime Written)> _seen = new(StringComparer.Ordinal);

    /// <summary>Number of runs finished, for tests and <c>/api/status</c>.</summary>
    public long Runs { get; private set; }

    /// <summary>True while a run is going on.</summary>
    public bool Busy { get; private set; }

    /// <summary>Asks for a run soon (new uploads are journalled before this is called).</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.WatchDirectory is { } watched)
        {
            // Files already there when the server starts are part of the story: the first scan reads them.
            Directory.CreateDirectory(watched);
        }

        // Bodies cut off by a crash were never acknowledged: their temporary files go.
        if (Directory.Exists(options.UploadDirectory))
        {
            foreach (var part in Directory.EnumerateFiles(options.UploadDirectory, ".part-*"))
            {
                File.Delete(part);
            }
        }

        Wake();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(options.WatchDirectory is null ? 3600 : 1));
                await _wake.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException)
            {
                break;
            }

            try
            {
                await Task.Run(() => RunOnce(stoppingToken), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is Errors.SitrepException or IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                LogRunFailed(logger, ex);
                hub.Publish("error", "The analysis of new reports failed: " + ex.Message);
            }
        }
    }

    private void RunOnce(CancellationToken cancellationToken)
    {
        var pending = story.Store.PendingUploads();
        var watched = WatchedChanges();
        if (pending.Count == 0 && watched.Count == 0)
        {
            return;
        }

        Busy = true;
        try
        {
            var errors = analyzer.Analyze(options.DbPath, [.. pending.Select(u => u.Path).Concat(watched)], cancellationToken);
            foreach (var upload in pending)
            {
                story.Store.MarkUploadAnalysed(upload.Sha256, DateTimeOffset.UtcNow);
            }

            var (before, after) = story.Refresh();
            var text = ChangeNotice.Describe(before.Brief, after.Brief);
            if (errors.Count > 0)
            {
                text += "; " + errors.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " could not be read: " + errors[0];
            }

            Runs++;
            hub.Publish("picture", text);
        }
        finally
        {
            Busy = false;
        }
    }

    private List<string> WatchedChanges()
    {
        if (options.WatchDirectory is not { } directory || !Directory.Exists(directory))
        {
            return [];
        }

        var changed = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var info = new FileInfo(file);
            var stamp = (info.Length, info.LastWriteTimeUtc);
            if (_seen.TryGetValue(file, out var seen) && seen == stamp)
            {
                continue;
            }

            // A file still being written is taken on a later scan, once its size and time have stopped moving.
            if (DateTime.UtcNow - info.LastWriteTimeUtc < TimeSpan.FromSeconds(1))
            {
                Wake();
                continue;
            }

            _seen[file] = stamp;
            changed.Add(Path.GetFullPath(file));
        }

        return changed;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The analysis of new reports failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
