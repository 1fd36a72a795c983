using System.Globalization;
using System.Security.Cryptography;

namespace Sitrep.Storage.Postgres;

/// <summary>Outlets and snapshots (<see cref="ISourceStore"/>), in their own tables (migration 2).</summary>
public sealed partial class PostgresDocumentStore
{
    /// <inheritdoc />
    public IReadOnlyList<StoredOutlet> Outlets() => Guarded<IReadOnlyList<StoredOutlet>>(connection =>
    {
        using var cmd = Command(connection, null, "SELECT name, reliability, notes, aliases FROM outlets ORDER BY name COLLATE \"C\"");
        using var reader = cmd.ExecuteReader();
        var outlets = new List<StoredOutlet>();
        while (reader.Read())
        {
            outlets.Add(new StoredOutlet(reader.GetString(0), NullableString(reader, 1), NullableString(reader, 2), reader.GetFieldValue<string[]>(3)));
        }

        return outlets;
    });

    /// <inheritdoc />
    public void SaveOutlets(IReadOnlyList<StoredOutlet> outlets)
    {
        ArgumentNullException.ThrowIfNull(outlets);
        InTransaction((connection, tx) =>
        {
            foreach (var outlet in outlets)
            {
                Execute(
                    connection,
                    tx,
                    """
                    INSERT INTO outlets (name, reliability, notes, aliases) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (name) DO UPDATE SET reliability = excluded.reliability, notes = excluded.notes, aliases = excluded.aliases
                    """,
                    outlet.Name,
                    outlet.Reliability,
                    outlet.Notes,
                    outlet.Aliases.ToArray());
            }

            return outlets.Count;
        });
    }

    /// <inheritdoc />
    public long SaveSnapshot(StoredSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return InTransaction((connection, tx) => Convert.ToInt64(
            Scalar(
                connection,
                tx,
                "INSERT INTO snapshots (url, final_url, fetched_at, status, content_type, charset, sha256, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                snapshot.Url,
                snapshot.FinalUrl,
                snapshot.FetchedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                snapshot.Status,
                snapshot.ContentType,
                snapshot.Charset,
                Convert.ToHexStringLower(SHA256.HashData(snapshot.Bytes)),
                snapshot.Bytes),
            CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredSnapshot> Snapshots(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Guarded<IReadOnlyList<StoredSnapshot>>(connection =>
        {
            using var cmd = Command(connection, null, "SELECT url, final_url, fetched_at, status, content_type, charset, bytes FROM snapshots WHERE url = $1 OR final_url = $1 ORDER BY fetched_at COLLATE \"C\", id", url);
            using var reader = cmd.ExecuteReader();
            return StoredRows.ReadAll(reader, StoredRows.Snapshot);
        });
    }
}
