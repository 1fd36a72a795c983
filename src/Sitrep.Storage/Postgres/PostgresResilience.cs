using Npgsql;
using Polly;
using Polly.Retry;

namespace Sitrep.Storage.Postgres;

/// <summary>
/// How the PostgreSQL store rides out a server that restarts or drops its connections: Polly's retry, with exponential
/// back-off and jitter, around a whole operation (a read, or a write transaction that failed before its commit was
/// sent), for the failures Npgsql counts as transient. Before each new attempt the data source's pool is cleared:
/// Npgsql lends an idle pooled connection without checking it, so after a restart each of them would fail once.
/// </summary>
/// <remarks>
/// The attempts span about three seconds, enough for a fast restart or a dropped connection. A server down for longer
/// is the caller's to report: the store raises <c>SR4006</c>, which the workbench answers with 503, and the cluster's
/// clients send the report again. A commit whose answer was lost is never sent again here, since it may have been
/// applied; nor is a full disk (<c>SR4005</c>), which does not clear within seconds.
/// </remarks>
internal static class PostgresResilience
{
    /// <summary>New attempts after the first failure.</summary>
    public const int MaxRetries = 4;

    /// <summary>The first back-off; each next one doubles (with jitter).</summary>
    public static TimeSpan FirstDelay { get; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The retry for operations on <paramref name="dataSource"/>.</summary>
    public static ResiliencePipeline Create(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = MaxRetries,
                Delay = FirstDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(IsTransient).Handle<TimeoutException>(),
                OnRetry = _ =>
                {
                    dataSource.Clear();
                    return default;
                },
            })
            .Build();
    }

    /// <summary>True when the same operation may well succeed a moment later, on a new connection.</summary>
    public static bool IsTransient(NpgsqlException exception) => exception switch
    {
        null => false,

        // The disk or the server's memory is full: not over in seconds, and the caller should hear of it at once.
        PostgresException { SqlState: PostgresErrorCodes.DiskFull or PostgresErrorCodes.InsufficientResources or PostgresErrorCodes.OutOfMemory } => false,

        // The server is shutting down, crashed or is starting up: a connection made a moment later will be its new self.
        PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow } => true,
        _ => exception.IsTransient,
    };
}
