using System.Net;
using Microsoft.Extensions.Hosting;
using Sitrep.Errors;
using Sitrep.Storage;
using Sitrep.Web;

namespace Sitrep.Cluster.Hosting;

/// <summary><c>sitrep serve --cluster</c>: the workbench host made a silo, from the command's options.</summary>
public static class ClusterServe
{
    /// <summary>Checks the options and adds the silo to the workbench's host builder.</summary>
    /// <exception cref="SitrepException">SR5001 for a store that is not PostgreSQL, a port or an address that cannot be used.</exception>
    public static IHostBuilder Configure(IHostBuilder builder, WorkbenchOptions options, string connectionString, int siloPort, int gatewayPort, string siloAddress)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!StoreFactory.IsPostgres(options.DbPath))
        {
            throw SitrepErrors.BadOption.Exception("--db", options.DbPath, "a PostgreSQL store every silo reaches (Host=…;Database=…) in cluster mode");
        }

        if (!StoreFactory.IsPostgres(connectionString))
        {
            throw SitrepErrors.BadOption.Exception("--cluster", connectionString, "a PostgreSQL connection string (Host=…;Database=…)");
        }

        foreach (var (name, port) in new[] { ("--silo-port", siloPort), ("--gateway-port", gatewayPort) })
        {
            if (port is < 1 or > 65535)
            {
                throw SitrepErrors.BadOption.Exception(name, port, "a TCP port from 1 to 65535");
            }
        }

        if (!IPAddress.TryParse(siloAddress, out var address))
        {
            throw SitrepErrors.BadOption.Exception("--silo-address", siloAddress, "an IP address other silos reach this one at, such as 10.0.0.5");
        }

        return builder.UseSitrepCluster(new ClusterSettings
        {
            ConnectionString = connectionString,
            Db = options.DbPath,
            Story = options.StoryName,
            SiloPort = siloPort,
            GatewayPort = gatewayPort,
            AdvertisedAddress = address,
        });
    }
}
