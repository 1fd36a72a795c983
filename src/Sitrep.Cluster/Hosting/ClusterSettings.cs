using System.Net;

namespace Sitrep.Cluster.Hosting;

/// <summary>How a silo joins the cluster and which story it serves.</summary>
public sealed record ClusterSettings
{
    /// <summary>The default port silos talk to each other on.</summary>
    public const int DefaultSiloPort = 11111;

    /// <summary>The default port clients connect to.</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>The PostgreSQL database Orleans keeps membership and grain state in (<c>Host=…;Database=…</c>).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The story's store: a PostgreSQL connection string every silo reaches.</summary>
    public required string Db { get; init; }

    /// <summary>The story's name (the story grain's key).</summary>
    public required string Story { get; init; }

    /// <summary>The cluster's name: silos and clients with the same name and database form one cluster.</summary>
    public string ClusterId { get; init; } = "sitrep";

    /// <summary>The port this silo talks to other silos on.</summary>
    public int SiloPort { get; init; } = DefaultSiloPort;

    /// <summary>The port clients connect to this silo on.</summary>
    public int GatewayPort { get; init; } = DefaultGatewayPort;

    /// <summary>The address other silos and clients reach this silo at (loopback for a cluster on one machine).</summary>
    public IPAddress AdvertisedAddress { get; init; } = IPAddress.Loopback;
}
