using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Sitrep.Cluster.Hosting;
using Sitrep.Cluster.Story;

namespace Sitrep.Cluster.Grains;

/// <summary>
/// The story grain (<see cref="IStoryGrain"/>). Reentrant, so that documents keep being accepted while an update runs;
/// the state is written by one call at a time (a lock), and one update runs at a time (the timer does not fire again
/// before its callback ends).
/// </summary>
[Reentrant]
public sealed partial class StoryGrain(
    [PersistentState("story", ClusterHost.StorageName)] IPersistentState<StoryGrainState> state,
    ClusterStories stories,
    ILogger<StoryGrain> logger) : Grain, IStoryGrain
{
    /// <summary>Most documents added to the picture in one update.</summary>
    public const int MaxBatch = 256;

    private readonly SemaphoreSlim _writeGate = new(1, 1);

    // True when the state in memory holds changes a failed write did not persist: the next call writes it even if it
    // adds nothing, so that ids queued by a call whose write failed are never acknowledged unpersisted by a retry.
    private bool _unsaved;
    private StoryUpdate? _update;
    private IGrainTimer? _timer;
    private string? _lastError;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Documents acknowledged before the silo that held the story died are in the persisted queue: the first tick
        // applies them.
        LogActivated(logger, RuntimeIdentity, state.State.Applied, state.State.Updates, state.State.Pending.Count, state.Etag);
        _timer = this.RegisterGrainTimer(ApplyPendingAsync, new GrainTimerCreationOptions(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500)) { Interleave = true, KeepAlive = true });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        _update?.Dispose();
        _update = null;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task Accept(string[] documentIds)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        await _writeGate.WaitAsync();
        try
        {
            var queued = state.State.Pending.ToHashSet(StringComparer.Ordinal);
            queued.UnionWith(state.State.Recent);
            var added = false;
            foreach (var id in documentIds.Where(queued.Add))
            {
                state.State.Pending.Add(id);
                added = true;
            }

            if (added || _unsaved)
            {
                _unsaved = true;
                await state.WriteStateAsync();
                _unsaved = false;
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or (Orleans.Runtime.OrleansException and not Orleans.Storage.InconsistentStateException))
        {
            // The ids stay queued in memory and the caller is told, in words Orleans can carry, that nothing was
            // acknowledged; it sends again and the next write persists them.
#pragma warning disable MA0054 // The inner exception is what Orleans cannot serialize: its message is kept instead.
            throw new InvalidOperationException("The story's queue could not be persisted: " + ex.Message);
#pragma warning restore MA0054
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public Task<StoryStatus> Status() => Task.FromResult(new StoryStatus
    {
        Applied = state.State.Applied,
        Pending = state.State.Pending.Count,
        Updates = state.State.Updates,
        Silo = RuntimeIdentity,
        LastError = _lastError,
    });

    /// <inheritdoc />
    public async Task<StoryStatus> Drain(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (state.State.Pending.Count > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
        }

        return await Status();
    }

    /// <inheritdoc />
    public async Task<PictureSummary> Digest()
    {
        var update = await UpdateAsync();
        return await Task.Run(() => Summary(update));
    }

    /// <inheritdoc />
    public async Task<PictureSummary> Settle()
    {
        await Drain(TimeSpan.FromMinutes(10));
        var update = await UpdateAsync();
        await _writeGate.WaitAsync();
        try
        {
            return await Task.Run(() =>
            {
                update.Settle();
                return Summary(update);
            });
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static PictureSummary Summary(StoryUpdate update)
    {
        var (digest, items, parts) = PictureDigest.OfParts(update.Pipeline, update.Store);
        return new PictureSummary
        {
            Digest = digest,
            Items = [.. items.Select(i => i.Key + "=" + i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            Parts = [.. parts.Select(p => p.Key + "=" + p.Value)],
            Documents = update.Store.CountDocuments(),
        };
    }

    private async Task<StoryUpdate> UpdateAsync()
    {
        if (_update is null)
        {
            var db = stories.DbOf(this.GetPrimaryKeyString());
            _update = await Task.Run(() => new StoryUpdate(db));
        }

        return _update;
    }

    private async Task ApplyPendingAsync(CancellationToken cancellationToken)
    {
        if (state.State.Pending.Count == 0)
        {
            return;
        }

        string[] batch = [.. state.State.Pending.Take(MaxBatch)];
        try
        {
            var update = await UpdateAsync();
            await Task.Run(() => update.Apply(batch, cancellationToken), cancellationToken);
            _lastError = null;
        }
        catch (Exception ex) when (ex is Errors.SitrepException or InvalidOperationException or IOException or Npgsql.NpgsqlException or TimeoutException)
        {
            // The store is away (restarting, full): the queue stays persisted and the next tick tries again.
            _lastError = ex.Message;
            LogUpdateFailed(logger, ex, batch.Length);
            _update?.Dispose();
            _update = null;
            return;
        }

        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var done = batch.ToHashSet(StringComparer.Ordinal);
            state.State.Pending.RemoveAll(done.Contains);
            state.State.Recent.AddRange(batch);
            if (state.State.Recent.Count > StoryGrainState.RecentLimit)
            {
                state.State.Recent.RemoveRange(0, state.State.Recent.Count - StoryGrainState.RecentLimit);
            }

            state.State.Applied += batch.Length;
            state.State.Updates++;
            _unsaved = true;
            await state.WriteStateAsync(cancellationToken);
            _unsaved = false;
            LogApplied(logger, batch.Length, state.State.Applied, state.State.Updates, state.State.Pending.Count, state.Etag);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Story grain activated on {Silo}: {Applied} documents applied in {Updates} updates, {Pending} pending (state version {Etag})")]
    private static partial void LogActivated(ILogger logger, string silo, long applied, long updates, int pending, string? etag);

    [LoggerMessage(Level = LogLevel.Information, Message = "Story picture updated with {Count} documents: {Applied} applied in {Updates} updates, {Pending} pending (state version {Etag})")]
    private static partial void LogApplied(ILogger logger, int count, long applied, long updates, int pending, string? etag);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The story's picture could not be updated with {Count} documents; trying again")]
    private static partial void LogUpdateFailed(ILogger logger, Exception exception, int count);
}
