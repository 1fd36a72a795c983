using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Sitrep.Cluster.Grains;
using Sitrep.Cluster.Schema;

namespace Sitrep.Cluster.Hosting;

/// <summary>
/// A client of the cluster (outside the silos): finds the gateways through the same PostgreSQL membership table and
/// sends reports to the analysis workers, sending again after a failure (a silo that died mid-call, a timeout).
/// </summary>
public sealed class ClusterClient : IAsyncDisposable
{
    private readonly IHost _host;
    private long _next;

    private ClusterClient(IHost host)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The grain factory.</summary>
    public IClusterClient Grains { get; }

    /// <summary>Connects to the cluster whose membership lives in <paramref name="connectionString"/>.</summary>
    public static async Task<ClusterClient> ConnectAsync(string connectionString, string clusterId = "sitrep", TimeSpan? responseTimeout = null, CancellationToken cancellationToken = default)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureHostConfiguration(Sitrep.Web.WorkbenchHost.NoConfigWatchers)
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error))
            .UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = clusterId;
                    o.ServiceId = clusterId;
                });
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = OrleansSchema.Invariant;
                    o.ConnectionString = connectionString;
                });
                // The client reads its own options type: MessagingOptions configured here would be ignored (30 s).
                client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = responseTimeout ?? TimeSpan.FromSeconds(30));
                client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
            })
            .Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return new ClusterClient(host);
    }

    /// <summary>
    /// Sends one report until it is acknowledged or <paramref name="attempts"/> are spent; each attempt goes to another
    /// worker key, so it may reach another silo.
    /// </summary>
    /// <exception cref="AggregateException">Every attempt failed; the inner exceptions say why.</exception>
    public async Task<ReportAck> SendAsync(string story, ReportSubmission report, int attempts = 8, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var failures = new List<Exception>();
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var worker = Grains.GetGrain<IReportWorkerGrain>(Interlocked.Increment(ref _next));
                return await worker.Ingest(story, report).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Add(ex);
                await Task.Delay(TimeSpan.FromMilliseconds(250 * (1 << Math.Min(attempt, 4))), cancellationToken).ConfigureAwait(false);
            }
        }

        throw new AggregateException($"'{report.Name}' was not acknowledged after {attempts} attempts.", failures);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
