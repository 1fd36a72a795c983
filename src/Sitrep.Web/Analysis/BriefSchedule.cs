namespace Sitrep.Web.Analysis;

/// <summary>
/// When the story's brief is built again after reports were added with the brief deferred: when a reader asks for it
/// (<see cref="Want"/>), when no report has come in for <see cref="Quiet"/> (a burst has ended), or when the brief has
/// been behind the picture for <see cref="MaxDelay"/> while reports keep coming; never once per report.
/// </summary>
/// <remarks>
/// A plain state machine over the times it is given, so its decisions can be tested without a clock. Not thread-safe:
/// the analysis worker owns it (reads only set <see cref="Want"/> through the worker).
/// </remarks>
/// <param name="quiet">How long after the last addition the brief is built when no one asked for it.</param>
/// <param name="maxDelay">Longest the brief stays behind the picture while additions keep coming.</param>
public sealed class BriefSchedule(TimeSpan quiet, TimeSpan maxDelay)
{
    private DateTimeOffset? _staleSince;
    private DateTimeOffset _lastAdded;
    private bool _wanted;

    /// <summary>How long after the last addition an unasked build happens.</summary>
    public TimeSpan Quiet { get; } = quiet;

    /// <summary>Longest the brief stays behind during a steady stream of additions.</summary>
    public TimeSpan MaxDelay { get; } = maxDelay;

    /// <summary>True while the stored brief is older than the picture.</summary>
    public bool Stale => _staleSince is not null;

    /// <summary>Reports were added to the picture at <paramref name="now"/>; the brief is now behind it.</summary>
    public void Added(DateTimeOffset now)
    {
        _staleSince ??= now;
        _lastAdded = now;
    }

    /// <summary>The brief was found behind the picture without an addition here (another process, a restart).</summary>
    public void FoundStale(DateTimeOffset now)
    {
        if (_staleSince is null)
        {
            _staleSince = now;
            _lastAdded = now;
        }
    }

    /// <summary>A reader asked for the brief while it was behind.</summary>
    public void Want() => _wanted = true;

    /// <summary>True when the brief should be built now.</summary>
    public bool Due(DateTimeOffset now) =>
        _staleSince is { } since && (_wanted || now - _lastAdded >= Quiet || now - since >= MaxDelay);

    /// <summary>How long until <see cref="Due"/> turns true without a reader asking; null when the brief is current.</summary>
    public TimeSpan? Wait(DateTimeOffset now)
    {
        if (_staleSince is not { } since)
        {
            return null;
        }

        var quietEnds = _lastAdded + Quiet;
        var delayEnds = since + MaxDelay;
        var next = quietEnds < delayEnds ? quietEnds : delayEnds;
        return next <= now ? TimeSpan.Zero : next - now;
    }

    /// <summary>The brief was just built from the picture as it stands (the worker adds nothing while it builds).</summary>
    public void Built()
    {
        _wanted = false;
        _staleSince = null;
    }
}
