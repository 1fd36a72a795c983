using Npgsql;

namespace Sitrep.Cluster.Schema;

/// <summary>
/// The tables and queries Orleans' ADO.NET clustering and grain persistence read and write, applied to a PostgreSQL
/// database by an idempotent setup step when a silo or client starts (the Orleans packages ship no SQL, and nothing is
/// downloaded at run time: the script is embedded in this assembly).
/// </summary>
public static class OrleansSchema
{
    /// <summary>The ADO.NET invariant name Orleans' providers are given for PostgreSQL.</summary>
    public const string Invariant = "Npgsql";

    // Advisory lock key ("SITO"): silos starting together on a new database create the tables once.
    private const long SchemaLock = 0x5349_544F;

    /// <summary>The setup script (<c>CREATE … IF NOT EXISTS</c> and upserts of the query texts).</summary>
    public static string Script { get; } = ReadScript();

    /// <summary>Applies <see cref="Script"/> to the database <paramref name="connectionString"/> names, in one transaction.</summary>
    /// <exception cref="NpgsqlException">The database cannot be reached or refused the script.</exception>
    public static void Apply(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var tx = connection.BeginTransaction();
        using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, tx))
        {
            lockCommand.Parameters.AddWithValue("key", SchemaLock);
            lockCommand.ExecuteNonQuery();
        }

        using (var command = new NpgsqlCommand(Script, connection, tx))
        {
            command.ExecuteNonQuery();
        }

        tx.Commit();
    }

    private static string ReadScript()
    {
        using var stream = typeof(OrleansSchema).Assembly.GetManifestResourceStream("orleans-postgres.sql")
            ?? throw new InvalidOperationException("The Orleans schema script is not embedded in " + typeof(OrleansSchema).Assembly.GetName().Name + ".");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
