using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Sitrep.Cluster.Schema;
using Sitrep.Web.Analysis;

namespace Sitrep.Cluster.Hosting;

/// <summary>
/// Makes a workbench host a silo: Orleans with ADO.NET clustering and grain persistence on PostgreSQL, the story grain
/// and the analysis workers, and the workbench's uploads sent to the cluster. Membership, placement, failover and
/// persistence are Orleans' own.
/// </summary>
public static class ClusterHost
{
    /// <summary>The grain storage provider's name.</summary>
    public const string StorageName = "sitrep";

    /// <summary>Adds the silo to <paramref name="builder"/> (after applying the Orleans schema to the cluster's database).</summary>
    public static IHostBuilder UseSitrepCluster(this IHostBuilder builder, ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        OrleansSchema.Apply(settings.ConnectionString);
        return builder
            .ConfigureLogging(logging => logging.AddFilter("Orleans", LogLevel.Warning))
            .UseOrleans(silo =>
            {
                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = settings.ClusterId;
                    o.ServiceId = settings.ClusterId;
                });
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = OrleansSchema.Invariant;
                    o.ConnectionString = settings.ConnectionString;
                });
                silo.AddAdoNetGrainStorage(StorageName, o =>
                {
                    o.Invariant = OrleansSchema.Invariant;
                    o.ConnectionString = settings.ConnectionString;
                });
                silo.ConfigureEndpoints(settings.AdvertisedAddress, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: !System.Net.IPAddress.IsLoopback(settings.AdvertisedAddress));
                silo.Configure<ClusterMembershipOptions>(o =>
                {
                    // A silo killed without a goodbye is declared dead after two missed probes of two seconds each
                    // (Orleans' defaults wait longer), so its grains move within seconds.
                    o.ProbeTimeout = TimeSpan.FromSeconds(2);
                    o.NumMissedProbesLimit = 2;
                    o.NumVotesForDeathDeclaration = 1;
                });
            })
            .ConfigureServices(services =>
            {
                services.AddSingleton(settings);
                services.AddSingleton<ClusterStories>();

                // Registered after the workbench's own: uploads and the watched folder go to the cluster's workers.
                services.AddSingleton<IReportAnalyzer>(sp => new ClusterReportAnalyzer(sp.GetRequiredService<IGrainFactory>(), settings.Story));
                services.AddHostedService<PictureFollower>();
            });
    }
}
