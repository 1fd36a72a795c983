using System.Globalization;

namespace Sitrep.Storage.Sqlite;

/// <summary>Decisions and the upload journal (<see cref="IDecisionStore"/>), in their own tables (migration 4).</summary>
public sealed partial class SqliteDocumentStore : IDecisionStore
{
    /// <inheritdoc />
    public StoredDecision AppendDecision(StoredDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return InTransaction(statements =>
        {
            statements.Execute(
                "INSERT INTO decisions (kind, subject, value, who, made_at, why) VALUES ($kind, $subject, $value, $who, $at, $why)",
                ("$kind", decision.Kind),
                ("$subject", decision.Subject),
                ("$value", decision.Value),
                ("$who", decision.Who),
                ("$at", decision.When.ToString("O", CultureInfo.InvariantCulture)),
                ("$why", decision.Why));
            var id = Convert.ToInt64(statements.Scalar("SELECT last_insert_rowid()"), CultureInfo.InvariantCulture);
            return decision with { Id = id };
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredDecision> Decisions(string? kind = null) => Guarded<IReadOnlyList<StoredDecision>>(() =>
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = kind is null
            ? "SELECT id, kind, subject, value, who, made_at, why FROM decisions ORDER BY id"
            : "SELECT id, kind, subject, value, who, made_at, why FROM decisions WHERE kind = $kind ORDER BY id";
        if (kind is not null)
        {
            cmd.Parameters.AddWithValue("$kind", kind);
        }

        using var reader = cmd.ExecuteReader();
        return StoredRows.ReadAll(reader, StoredRows.Decision);
    });

    /// <inheritdoc />
    public bool JournalUpload(string sha256, string name, string path, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return InTransaction(statements => statements.Execute(
            "INSERT OR IGNORE INTO uploads (sha256, name, path, received_at) VALUES ($sha, $name, $path, $at)",
            ("$sha", sha256),
            ("$name", name),
            ("$path", path),
            ("$at", receivedAt.ToString("O", CultureInfo.InvariantCulture))) > 0);
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
        InTransaction(statements => statements.Execute(
            "UPDATE uploads SET analysed_at = $at WHERE sha256 = $sha",
            ("$sha", sha256),
            ("$at", analysedAt.ToString("O", CultureInfo.InvariantCulture))));
    }

    /// <inheritdoc />
    /// <remarks>Read on a read connection (<see cref="Read"/>): every request for a view asks.</remarks>
    public WorkStamp Stamp() => Read(
        "SELECT (SELECT coalesce(max(id), 0) FROM decisions), (SELECT count(*) FROM uploads), (SELECT count(analysed_at) FROM uploads)",
        reader =>
        {
            reader.Read();
            return new WorkStamp(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        });

    private IReadOnlyList<StoredUpload> ReadUploads(string sql) => Guarded<IReadOnlyList<StoredUpload>>(() =>
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        return StoredRows.ReadAll(reader, StoredRows.Upload);
    });
}
