using System.Globalization;
using Npgsql;

namespace Sitrep.Storage.Postgres;

/// <summary>Decisions and the upload journal (<see cref="IDecisionStore"/>), in their own tables (migration 2).</summary>
public sealed partial class PostgresDocumentStore
{
    /// <inheritdoc />
    public StoredDecision AppendDecision(StoredDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return InTransaction((connection, tx) =>
        {
            var id = Convert.ToInt64(
                Scalar(
                    connection,
                    tx,
                    "INSERT INTO decisions (kind, subject, value, who, made_at, why) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                    decision.Kind,
                    decision.Subject,
                    decision.Value,
                    decision.Who,
                    decision.When.ToString("O", CultureInfo.InvariantCulture),
                    decision.Why),
                CultureInfo.InvariantCulture);
            return decision with { Id = id };
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredDecision> Decisions(string? kind = null) => Guarded<IReadOnlyList<StoredDecision>>(connection =>
    {
        using var cmd = kind is null
            ? Command(connection, null, "SELECT id, kind, subject, value, who, made_at, why FROM decisions ORDER BY id")
            : Command(connection, null, "SELECT id, kind, subject, value, who, made_at, why FROM decisions WHERE kind = $1 ORDER BY id", kind);
        using var reader = cmd.ExecuteReader();
        return StoredRows.ReadAll(reader, StoredRows.Decision);
    });

    /// <inheritdoc />
    public bool JournalUpload(string sha256, string name, string path, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return InTransaction((connection, tx) => Execute(
            connection,
            tx,
            "INSERT INTO uploads (sha256, name, path, received_at) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING",
            sha256,
            name,
            path,
            receivedAt.ToString("O", CultureInfo.InvariantCulture)) > 0);
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredUpload> PendingUploads() =>
        ReadUploads("SELECT sha256, name, path, received_at, analysed_at FROM uploads WHERE analysed_at IS NULL ORDER BY id");

    /// <inheritdoc />
    public IReadOnlyList<StoredUpload> Uploads() =>
        ReadUploads("SELECT sha256, name, path, received_at, analysed_at FROM uploads ORDER BY id DESC");

    /// <inheritdoc />
    public void MarkUploadAnalysed(string sha256, DateTimeOffset analysedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        InTransaction((connection, tx) => Execute(
            connection,
            tx,
            "UPDATE uploads SET analysed_at = $2 WHERE sha256 = $1",
            sha256,
            analysedAt.ToString("O", CultureInfo.InvariantCulture)));
    }

    /// <inheritdoc />
    public WorkStamp Stamp() => Guarded(connection =>
    {
        using var cmd = new NpgsqlCommand("SELECT (SELECT coalesce(max(id), 0) FROM decisions)::bigint, (SELECT count(*) FROM uploads), (SELECT count(analysed_at) FROM uploads)", connection);
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return new WorkStamp(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    });

    private IReadOnlyList<StoredUpload> ReadUploads(string sql) => Guarded<IReadOnlyList<StoredUpload>>(connection =>
    {
        using var cmd = new NpgsqlCommand(sql, connection);
        using var reader = cmd.ExecuteReader();
        return StoredRows.ReadAll(reader, StoredRows.Upload);
    });
}
