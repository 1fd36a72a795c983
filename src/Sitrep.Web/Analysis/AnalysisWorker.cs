using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sitrep.Web.Live;
using Sitrep.Web.Story;

namespace Sitrep.Web.Analysis;

/// <summary>
/// Analyses new reports one run at a time, in the background: uploads journalled in the store (those left pending by
/// a crash first) and new files in the watched folder. Each run updates the stored picture with the brief deferred;
/// the brief is built again on this same thread (never beside an addition) when the <see cref="BriefSchedule"/> says
/// so: a reader asked for it, a burst of reports has ended, or it has been behind for too long. Open pages are told
/// when reports were added and, once the brief is built, what changed. The models are loaded in the background when
/// the server starts (<see cref="IReportAnalyzer.WarmUp"/>).
/// </summary>
public sealed partial class AnalysisWorker : BackgroundService
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<string, (long Length, DateTime Written)> _seen = new(StringComparer.Ordinal);
    private readonly WorkbenchOptions _options;
    private readonly StoryService _story;
    private readonly LiveHub _hub;
    private readonly IReportAnalyzer _analyzer;
    private readonly ILogger<AnalysisWorker> _logger;
    private readonly BriefSchedule _schedule;
    private readonly TimeProvider _time;
    private int _wanted;
    private bool _failed;

    /// <summary>Creates the worker; a reader that finds the brief behind wakes it (<see cref="StoryService.BriefWanted"/>).</summary>
    public AnalysisWorker(WorkbenchOptions options, StoryService story, LiveHub hub, IReportAnalyzer analyzer, ILogger<AnalysisWorker> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(story);
        _options = options;
        _story = story;
        _hub = hub;
        _analyzer = analyzer;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _schedule = new BriefSchedule(options.BriefQuiet, options.BriefMaxDelay);
        story.BriefWanted += (_, _) =>
        {
            Interlocked.Exchange(ref _wanted, 1);
            Wake();
        };
    }

    /// <summary>Number of runs finished, for tests and <c>/api/status</c>.</summary>
    public long Runs { get; private set; }

    /// <summary>Number of times the brief was built from the picture by this server.</summary>
    public long BriefBuilds { get; private set; }

    /// <summary>True while a run is going on.</summary>
    public bool Busy { get; private set; }

    /// <summary>
    /// The warm-up's wall time once it has finished (<see cref="IReportAnalyzer.WarmUp"/>), null before; logged too.
    /// </summary>
    public TimeSpan? WarmUpTime { get; private set; }

    /// <summary>
    /// How soon a run that failed (the store away: a database restarting, a full disk) is tried again, so that uploads
    /// already acknowledged are analysed once the store is back even if nothing else wakes the worker.
    /// </summary>
    public static TimeSpan RetryAfterFailure { get; } = TimeSpan.FromSeconds(5);

    /// <summary>Asks for a run soon (new uploads are journalled before this is called).</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.WatchDirectory is { } watched)
        {
            // Files already there when the server starts are part of the story: the first scan reads them.
            Directory.CreateDirectory(watched);
        }

        // Bodies cut off by a crash were never acknowledged: their temporary files go.
        if (Directory.Exists(_options.UploadDirectory))
        {
            foreach (var part in Directory.EnumerateFiles(_options.UploadDirectory, ".part-*"))
            {
                File.Delete(part);
            }
        }

        // A brief left behind by an earlier process (a deferred watch, a crash between an addition and the build) is
        // built on the same schedule as one this server left behind.
        if (_analyzer.BriefIsBehind(_options.DbPath))
        {
            _schedule.FoundStale(_time.GetUtcNow());
            _story.MarkUpdating();
        }

        if (_options.WarmUp)
        {
            // Beside the first scan, not before it: a report waiting at start shares the loading instead of queueing behind it.
            _ = Task.Run(WarmUp, stoppingToken);
        }

        Wake();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var idle = _failed ? RetryAfterFailure : TimeSpan.FromSeconds(_options.WatchDirectory is null ? 3600 : 1);
                if (_schedule.Wait(_time.GetUtcNow()) is { } due && due < idle)
                {
                    idle = due;
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(idle);
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
                _failed = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is Errors.SitrepException or IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                LogRunFailed(_logger, ex);
                _hub.Publish("error", "The analysis of new reports failed: " + ex.Message);
                _failed = true;
            }
        }
    }

    private void RunOnce(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _wanted, 0) == 1)
        {
            _schedule.Want();
        }

        // A reader waiting for the brief goes before the next additions.
        if (_schedule.Stale && _schedule.Due(_time.GetUtcNow()))
        {
            BuildBrief(cancellationToken);
        }

        var pending = _story.Store.PendingUploads();
        var watched = WatchedChanges();
        if (pending.Count > 0 || watched.Count > 0)
        {
            Add(pending, watched, cancellationToken);
        }

        if (_schedule.Stale && _schedule.Due(_time.GetUtcNow()))
        {
            BuildBrief(cancellationToken);
        }
    }

    private void Add(IReadOnlyList<Storage.StoredUpload> pending, List<string> watched, CancellationToken cancellationToken)
    {
        Busy = true;
        try
        {
            var errors = _analyzer.Analyze(_options.DbPath, [.. pending.Select(u => u.Path).Concat(watched)], cancellationToken);

            // Marked before the uploads are: a reader who sees them analysed never sees the old brief unmarked.
            var behind = _analyzer.BriefIsBehind(_options.DbPath);
            if (behind)
            {
                _schedule.Added(_time.GetUtcNow());
                _story.MarkUpdating();
            }

            foreach (var upload in pending)
            {
                _story.Store.MarkUploadAnalysed(upload.Sha256, DateTimeOffset.UtcNow);
            }

            var failed = errors.Count > 0
                ? "; " + errors.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " could not be read: " + errors[0]
                : string.Empty;
            Runs++;
            if (behind)
            {
                // The brief waits for the schedule; pages are told that reports came in, without being redrawn (a redraw
                // would read the brief, and so build it, once per report).
                var added = pending.Count + watched.Count;
                _hub.Publish("added", added.ToString(System.Globalization.CultureInfo.InvariantCulture) + (added == 1 ? " new report" : " new reports") + " analysed; the brief is being updated" + failed);
                return;
            }

            var (before, after) = _story.Refresh();
            _hub.Publish("picture", ChangeNotice.Describe(before.Brief, after.Brief) + failed);
        }
        finally
        {
            Busy = false;
        }
    }

    private void BuildBrief(CancellationToken cancellationToken)
    {
        Busy = true;
        try
        {
            try
            {
                if (_analyzer.BuildBrief(_options.DbPath, cancellationToken))
                {
                    BriefBuilds++;
                }
            }
            catch
            {
                // Tried again after a quiet period, not at once (a failing build must not spin).
                _schedule.Built();
                _schedule.FoundStale(_time.GetUtcNow());
                throw;
            }

            _schedule.Built();
            var behind = _analyzer.BriefIsBehind(_options.DbPath);
            if (behind)
            {
                // Added to by another process during the build: built again after a quiet period.
                _schedule.FoundStale(_time.GetUtcNow());
            }

            var (before, after) = _story.Refresh(updating: behind);
            _hub.Publish("picture", ChangeNotice.Describe(before.Brief, after.Brief));
        }
        finally
        {
            Busy = false;
        }
    }

    private void WarmUp()
    {
        var started = _time.GetTimestamp();
        try
        {
            _analyzer.WarmUp();
            WarmUpTime = _time.GetElapsedTime(started);
            LogWarmedUp(_logger, WarmUpTime.Value.TotalMilliseconds);
        }
        catch (Exception ex) when (ex is Errors.SitrepException or IOException or InvalidOperationException)
        {
            // The models then load on first use, as without a warm-up.
            LogWarmUpFailed(_logger, ex);
        }
    }

    private List<string> WatchedChanges()
    {
        if (_options.WatchDirectory is not { } directory || !Directory.Exists(directory))
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Models loaded in {Milliseconds:N0} ms")]
    private static partial void LogWarmedUp(ILogger logger, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loading the models at start failed; they load on first use")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The analysis of new reports failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
