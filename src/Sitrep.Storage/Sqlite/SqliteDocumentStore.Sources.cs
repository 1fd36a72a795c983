using System.Globalization;
using System.Security.Cryptography;

namespace Sitrep.Storage.Sqlite;

/// <summary>Outlets and snapshots (<see cref="ISourceStore"/>), in their own tables (migration 3).</summary>
public sealed partial class SqliteDocumentStore : ISourceStore
{
    private const char AliasSeparator = '\u001F';

    /// <inheritdoc />
    public IReadOnlyList<StoredOutlet> Outlets() => Guarded<IReadOnlyList<StoredOutlet>>(() =>
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT name, reliability, notes, aliases FROM outlets ORDER BY name";
        using var reader = cmd.ExecuteReader();
        var outlets = new List<StoredOutlet>();
        while (reader.Read())
        {
            var aliases = reader.GetString(3);
            outlets.Add(new StoredOutlet(
                reader.GetString(0),
                NullableString(reader, 1),
                NullableString(reader, 2),
                aliases.Length == 0 ? [] : aliases.Split(AliasSeparator)));
        }

        return outlets;
    });

    /// <inheritdoc />
    public void SaveOutlets(IReadOnlyList<StoredOutlet> outlets)
    {
        ArgumentNullException.ThrowIfNull(outlets);
        InTransaction(statements =>
        {
            foreach (var outlet in outlets)
            {
                statements.Execute(
                    "INSERT OR REPLACE INTO outlets (name, reliability, notes, aliases) VALUES ($name, $reliability, $notes, $aliases)",
                    ("$name", outlet.Name),
                    ("$reliability", outlet.Reliability),
                    ("$notes", outlet.Notes),
                    ("$aliases", string.Join(AliasSeparator, outlet.Aliases)));
            }

            return outlets.Count;
        });
    }

    /// <inheritdoc />
    public long SaveSnapshot(StoredSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return InTransaction(statements =>
        {
            statements.Execute(
                "INSERT INTO snapshots (url, final_url, fetched_at, status, content_type, charset, sha256, bytes) VALUES ($url, $final, $at, $status, $type, $charset, $sha, $bytes)",
                ("$url", snapshot.Url),
                ("$final", snapshot.FinalUrl),
                ("$at", snapshot.FetchedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
                ("$status", snapshot.Status),
                ("$type", snapshot.ContentType),
                ("$charset", snapshot.Charset),
                ("$sha", Convert.ToHexStringLower(SHA256.HashData(snapshot.Bytes))),
                ("$bytes", snapshot.Bytes));
            return Convert.ToInt64(statements.Scalar("SELECT last_insert_rowid()"), CultureInfo.InvariantCulture);
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredSnapshot> Snapshots(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Guarded<IReadOnlyList<StoredSnapshot>>(() =>
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT url, final_url, fetched_at, status, content_type, charset, bytes FROM snapshots WHERE url = $url OR final_url = $url ORDER BY fetched_at, id";
            cmd.Parameters.AddWithValue("$url", url);
            using var reader = cmd.ExecuteReader();
            return StoredRows.ReadAll(reader, StoredRows.Snapshot);
        });
    }
}
