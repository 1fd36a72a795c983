using System.Globalization;
using Npgsql;
using Polly;
using Sitrep.Documents;
using Sitrep.Errors;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Storage.Postgres;

/// <summary>
/// The store for teams: one PostgreSQL database, with versioned migrations of its own (<c>schema_version</c>) and a
/// <c>tsvector</c> full-text index. Same contract and behaviour as <see cref="SqliteDocumentStore"/>.
/// </summary>
/// <remarks>
/// Each call takes a connection from a pool, so readers never wait on each other. Every write runs in one transaction
/// that first takes a transaction-level advisory lock: writers from any number of processes are serialised as the
/// SQLite store's write lock serialises them, so the content-hash de-duplication and the inserted/updated counts are
/// the same. A batch's statements go to the server in one round trip. Failures are <c>SR4xxx</c> errors as the SQLite
/// store raises them; the failed batch is rolled back whole. A transient failure (the server restarting, a dropped
/// connection) is tried again for a few seconds first (<see cref="PostgresResilience"/>).
/// </remarks>
public sealed partial class PostgresDocumentStore : IStoryStore
{
    // Advisory lock keys ("SITR" and "SITM"): one for writers, one for migrations.
    private const long WriteLock = 0x5349_5452;
    private const long MigrationLock = 0x5349_544D;

    // A file's documents are stored under its path, or under path#n for the items of a feed or an export.
    private const string FileMatch = "(path = $1 OR left(path, length($1) + 1) = $1 || '#')";

    private readonly NpgsqlDataSource _dataSource;
    private readonly ResiliencePipeline _retry;

    private PostgresDocumentStore(NpgsqlDataSource dataSource, string display)
    {
        _dataSource = dataSource;
        _retry = PostgresResilience.Create(dataSource);
        Display = display;
    }

    /// <inheritdoc />
    public string Name => "store.postgres.v1";

    /// <summary>The server and database, as errors name them (<c>postgres://user@host:port/db</c>, no password).</summary>
    public string Display { get; }

    /// <summary>The schema version this build understands.</summary>
    public static int SchemaVersion => PostgresMigrations.All.Count;

    /// <summary>Opens the store in the database <paramref name="connectionString"/> names, migrating it when needed.</summary>
    /// <param name="connectionString"><c>postgres://user:pass@host:port/db</c> or an Npgsql <c>Host=…;Database=…</c> string.</param>
    /// <exception cref="SitrepException">
    /// The server cannot be reached or refuses the login (<c>SR4001</c>), the schema is newer than this build
    /// (<c>SR4002</c>), the database cannot be written (<c>SR4003</c>) or lacks a table its version should have
    /// (<c>SR4004</c>).
    /// </exception>
    public static PostgresDocumentStore Open(string connectionString)
    {
        var builder = PostgresConnection.Parse(connectionString);
        var display = PostgresConnection.Display(builder);
        builder.ApplicationName ??= "sitrep";
        NpgsqlDataSource? dataSource = null;
        try
        {
            dataSource = NpgsqlDataSource.Create(builder);
            using (var connection = dataSource.OpenConnection())
            {
                Migrate(connection, display);
                VerifySchema(connection, display);
            }

            return new PostgresDocumentStore(dataSource, display);
        }
        catch (SitrepException)
        {
            dataSource?.Dispose();
            throw;
        }
        catch (NpgsqlException ex)
        {
            dataSource?.Dispose();
            throw Failure(display, ex, opening: true);
        }
        catch (TimeoutException ex)
        {
            dataSource?.Dispose();
            throw SitrepErrors.StoreUnavailable.Exception(display, ex.Message);
        }
    }

    private static void Migrate(NpgsqlConnection connection, string display)
    {
        // Cheap look first: a store at the current version is opened without taking the lock. The version table is
        // only looked up here, never created: two processes running CREATE TABLE IF NOT EXISTS at once on a new
        // database can both pass the check and one then fails on the catalogue's unique index (pg_type).
        if (Scalar(connection, null, "SELECT to_regclass('schema_version') IS NOT NULL") is true
            && Version(connection, null) == PostgresMigrations.All.Count)
        {
            return;
        }

        // The advisory lock is taken before the version table is created and the version read again, so of several
        // processes starting on a new database one migrates and the others, once the lock is theirs, find the work done.
        using var tx = connection.BeginTransaction();
        Execute(connection, tx, "SELECT pg_advisory_xact_lock($1)", MigrationLock);
        Execute(connection, tx, PostgresMigrations.VersionTable);
        var version = Version(connection, tx);
        if (version > PostgresMigrations.All.Count)
        {
            throw SitrepErrors.StoreTooNew.Exception(display, version, PostgresMigrations.All.Count);
        }

        for (var v = version; v < PostgresMigrations.All.Count; v++)
        {
            Execute(connection, tx, PostgresMigrations.All[v]);
            Execute(connection, tx, "INSERT INTO schema_version (version) VALUES ($1)", v + 1);
        }

        tx.Commit();
    }

    private static int Version(NpgsqlConnection connection, NpgsqlTransaction? tx) =>
        Convert.ToInt32(Scalar(connection, tx, "SELECT coalesce(max(version), 0) FROM schema_version"), CultureInfo.InvariantCulture);

    private static void VerifySchema(NpgsqlConnection connection, string display)
    {
        using var cmd = new NpgsqlCommand("SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()", connection);
        var present = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                present.Add(reader.GetString(0));
            }
        }

        var missing = PostgresMigrations.Tables.Where(t => !present.Contains(t)).ToList();
        if (missing.Count > 0)
        {
            throw SitrepErrors.StoreDamaged.Exception(display, "missing table " + string.Join(", ", missing));
        }
    }

    /// <summary>Maps a PostgreSQL failure to the catalog by its SQLSTATE: full disk, read-only, damaged, or any other.</summary>
    private static SitrepException Failure(string display, NpgsqlException ex, bool opening = false)
    {
        if (ex is not PostgresException pg)
        {
            // No answer from the server (refused, reset, timed out): nothing of the batch was committed.
            return opening ? SitrepErrors.StoreUnavailable.Exception(display, ex.Message) : SitrepErrors.StoreFailed.Exception(display, ex.Message);
        }

        var message = pg.MessageText;
        return pg.SqlState switch
        {
            PostgresErrorCodes.DiskFull or PostgresErrorCodes.InsufficientResources or PostgresErrorCodes.OutOfMemory
                => SitrepErrors.StoreFull.Exception(display, message),
            PostgresErrorCodes.ReadOnlySqlTransaction or PostgresErrorCodes.InsufficientPrivilege when !opening || pg.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction
                => SitrepErrors.StoreReadOnly.Exception(display, message),
            PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.DataCorrupted or PostgresErrorCodes.IndexCorrupted
                => SitrepErrors.StoreDamaged.Exception(display, message),
            _ when opening => SitrepErrors.StoreUnavailable.Exception(display, message),
            _ => SitrepErrors.StoreFailed.Exception(display, message),
        };
    }

    /// <summary>
    /// Runs an operation on a pooled connection, turning a PostgreSQL failure into a catalog error. A transient failure
    /// runs the whole operation again on a new connection (<see cref="PostgresResilience"/>), unless
    /// <paramref name="idempotent"/> is false: a single statement that writes may have been applied before its answer
    /// was lost.
    /// </summary>
    private T Guarded<T>(Func<NpgsqlConnection, T> operation, bool idempotent = true)
    {
        try
        {
            return (idempotent ? _retry : ResiliencePipeline.Empty).Execute(
                static state =>
                {
                    using var connection = state.DataSource.OpenConnection();
                    return state.Operation(connection);
                },
                (DataSource: _dataSource, Operation: operation));
        }
        catch (NpgsqlException ex)
        {
            throw Failure(Display, ex);
        }
        catch (TimeoutException ex)
        {
            throw SitrepErrors.StoreFailed.Exception(Display, ex.Message);
        }
    }

    /// <summary>Runs <paramref name="body"/> in one write transaction holding the writers' lock; rolled back whole when it fails.</summary>
    /// <remarks>
    /// A transient failure before the commit runs the transaction again (the server rolled it back); a failure of the
    /// commit itself is reported at once, since the transaction may have been committed before the answer was lost.
    /// </remarks>
    private T InTransaction<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> body) => Guarded(connection =>
    {
        using var tx = connection.BeginTransaction();
        Execute(connection, tx, "SELECT pg_advisory_xact_lock($1)", WriteLock);
        var result = body(connection, tx);
        try
        {
            tx.Commit();
        }
        catch (NpgsqlException ex)
        {
            // A catalog error is not retried: the caller learns the outcome is unknown and decides (a batch sent again is
            // stored once, by its content hash).
            throw Failure(Display, ex);
        }

        return result;
    });

    /// <inheritdoc />
    public SaveResult Save(IReadOnlyList<StoredDocument> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return InTransaction((connection, tx) => SaveBatch(connection, tx, batch));
    }

    /// <inheritdoc />
    public SaveResult ReplaceFile(string filePath, IReadOnlyList<StoredDocument> documents)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        ArgumentNullException.ThrowIfNull(documents);
        return InTransaction((connection, tx) =>
        {
            var saved = SaveBatch(connection, tx, documents);
            var keep = documents.Select(d => d.Document.Id).ToHashSet(StringComparer.Ordinal);
            return saved with { Removed = Forget(connection, tx, filePath, keep) };
        });
    }

    /// <inheritdoc />
    public int RemoveFile(string filePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        return InTransaction((connection, tx) => Forget(connection, tx, filePath, new HashSet<string>(StringComparer.Ordinal)));
    }

    /// <inheritdoc />
    public int MoveFile(string fromPath, string toPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(fromPath);
        ArgumentException.ThrowIfNullOrEmpty(toPath);
        return InTransaction((connection, tx) =>
        {
            // SQLite's UPDATE OR REPLACE: a link whose new path the document already has is dropped, the others renamed.
            Execute(
                connection,
                tx,
                $"""
                DELETE FROM document_paths d WHERE {FileMatch.Replace("path", "d.path", StringComparison.Ordinal)}
                    AND EXISTS (SELECT 1 FROM document_paths e WHERE e.doc_id = d.doc_id AND e.path <> d.path AND e.path = $2 || substr(d.path, length($1) + 1))
                """,
                fromPath,
                toPath);
            Execute(connection, tx, $"UPDATE document_paths SET path = $2 || substr(path, length($1) + 1) WHERE {FileMatch}", fromPath, toPath);
            return Execute(connection, tx, $"UPDATE documents SET path = $2 || substr(path, length($1) + 1) WHERE {FileMatch}", fromPath, toPath);
        });
    }

    /// <summary>
    /// Drops the file's path from every document read from it except <paramref name="keep"/>; a document left with no
    /// path is deleted (its posts, layers and search vector go with it). Returns how many were deleted.
    /// </summary>
    private static int Forget(NpgsqlConnection connection, NpgsqlTransaction tx, string filePath, IReadOnlySet<string> keep)
    {
        var links = new List<(string Id, string Path)>();
        using (var cmd = Command(connection, tx, $"SELECT doc_id, path FROM document_paths WHERE {FileMatch}", filePath))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                if (!keep.Contains(reader.GetString(0)))
                {
                    links.Add((reader.GetString(0), reader.GetString(1)));
                }
            }
        }

        var deleted = 0;
        foreach (var (id, path) in links)
        {
            Execute(connection, tx, "DELETE FROM document_paths WHERE doc_id = $1 AND path = $2", id, path);
        }

        foreach (var id in links.Select(l => l.Id).Distinct(StringComparer.Ordinal))
        {
            if (Scalar(connection, tx, "SELECT min(path COLLATE \"C\") FROM document_paths WHERE doc_id = $1", id) is not string other)
            {
                deleted += Execute(connection, tx, "DELETE FROM documents WHERE id = $1", id);
            }
            else
            {
                Execute(connection, tx, $"UPDATE documents SET path = $2 WHERE id = $3 AND {FileMatch}", filePath, other, id);
            }
        }

        return deleted;
    }

    private static SaveResult SaveBatch(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<StoredDocument> batch)
    {
        if (batch.Count == 0)
        {
            return new SaveResult(0, 0);
        }

        // Which documents are stored already, in one query; then every statement of the batch in one round trip.
        var known = new HashSet<string>(StringComparer.Ordinal);
        using (var cmd = Command(connection, tx, "SELECT id FROM documents WHERE id = ANY($1)", (object)batch.Select(d => d.Document.Id).Distinct(StringComparer.Ordinal).ToArray()))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                known.Add(reader.GetString(0));
            }
        }

        var inserted = 0;
        var updated = 0;
        var now = DateTimeOffset.UtcNow;
        using var statements = new NpgsqlBatch(connection, tx) { Timeout = 600 };
        foreach (var stored in batch)
        {
            var doc = stored.Document;
            var published = doc.Source.Published?.ToString("O", CultureInfo.InvariantCulture);
            var kind = DocumentKinds.ToName(doc.Kind);
            var layout = StoredLayout.ToJson(doc);
            if (!known.Add(doc.Id))
            {
                Add(
                    statements,
                    """
                    UPDATE documents SET title = coalesce($2, title), kind = $3, outlet = coalesce($4, outlet), author = coalesce($5, author),
                        url = coalesce($6, url), published = coalesce($7, published), reliability = coalesce($8, reliability),
                        language = coalesce($9, language), last_seen = $10, layout = $11
                    WHERE id = $1
                    """,
                    doc.Id,
                    doc.Title,
                    kind,
                    doc.Source.Outlet,
                    doc.Source.Author,
                    doc.Source.Url,
                    published,
                    doc.Source.Reliability?.ToString(),
                    doc.Language,
                    now,
                    layout);
                Add(statements, "DELETE FROM posts WHERE doc_id = $1", doc.Id);
                Add(statements, "DELETE FROM boilerplate WHERE doc_id = $1", doc.Id);
                updated++;
            }
            else
            {
                Add(
                    statements,
                    """
                    INSERT INTO documents (id, content_hash, path, title, kind, outlet, author, url, published, reliability, language, length, text, layout, first_seen, last_seen, nuls)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16)
                    """,
                    doc.Id,
                    doc.ContentHash,
                    doc.Path,
                    doc.Title,
                    kind,
                    doc.Source.Outlet,
                    doc.Source.Author,
                    doc.Source.Url,
                    published,
                    doc.Source.Reliability?.ToString(),
                    doc.Language,
                    doc.Text.Length,
                    StoredText.Of(doc.Text),
                    layout,
                    now,
                    StoredText.NulsOf(doc.Text));
                if (doc.Text.Length > PostgresMigrations.StretchCharacters)
                {
                    Add(statements, PostgresMigrations.TailStretches("d.id = $1"), doc.Id);
                }

                inserted++;
            }

            Add(statements, "INSERT INTO document_paths (doc_id, path) VALUES ($1, $2) ON CONFLICT DO NOTHING", doc.Id, doc.Path);
            foreach (var post in doc.Posts)
            {
                Add(
                    statements,
                    """
                    INSERT INTO posts (doc_id, post_id, parent_id, depth, author, time_text, time_value, start, "end", header_start, header_end)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                    """,
                    doc.Id,
                    post.Id,
                    post.ParentId,
                    post.Depth,
                    post.Author,
                    post.Time?.Text,
                    post.Time?.Value,
                    post.Range.Start,
                    post.Range.End,
                    post.Header?.Start,
                    post.Header?.End);
            }

            foreach (var range in doc.Boilerplate)
            {
                Add(statements, "INSERT INTO boilerplate (doc_id, start, \"end\") VALUES ($1, $2, $3) ON CONFLICT (doc_id, start) DO UPDATE SET \"end\" = excluded.\"end\"", doc.Id, range.Start, range.End);
            }

            foreach (var annotation in stored.Annotations)
            {
                Add(
                    statements,
                    "INSERT INTO annotations (doc_id, layer, component, json) VALUES ($1, $2, $3, $4) ON CONFLICT (doc_id, layer) DO UPDATE SET component = excluded.component, json = excluded.json",
                    doc.Id,
                    annotation.Layer,
                    annotation.Component,
                    annotation.Json);
            }
        }

        statements.ExecuteNonQuery();
        return new SaveResult(inserted, updated);
    }

    /// <inheritdoc />
    public long CountDocuments() => Guarded(connection => Convert.ToInt64(Scalar(connection, null, "SELECT count(*) FROM documents"), CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public Document? Find(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return Guarded(connection => ReadDocuments(connection, null, [documentId]).GetValueOrDefault(documentId));
    }

    /// <inheritdoc />
    public StoredAnnotation? FindAnnotation(string documentId, string layer) => Guarded<StoredAnnotation?>(connection =>
    {
        using var cmd = Command(connection, null, "SELECT component, json FROM annotations WHERE doc_id = $1 AND layer = $2", documentId, layer);
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? new StoredAnnotation(layer, reader.GetString(0), reader.GetString(1)) : null;
    });

    /// <inheritdoc />
    public IReadOnlyList<StoredAnnotation> FindAnnotations(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return Guarded<IReadOnlyList<StoredAnnotation>>(connection => ReadAnnotations(connection, null, [documentId]).GetValueOrDefault(documentId) ?? []);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> DocumentIds() => Guarded<IReadOnlyList<string>>(connection =>
    {
        using var cmd = Command(connection, null, "SELECT id FROM documents ORDER BY path COLLATE \"C\", id COLLATE \"C\"");
        using var reader = cmd.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    });

    /// <inheritdoc />
    public IReadOnlyList<StoredDocument> Load(IReadOnlyList<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        return Guarded<IReadOnlyList<StoredDocument>>(connection =>
        {
            // One snapshot for the page: its documents and their layers are read as of one commit even while a writer commits.
            using var tx = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
            var ids = documentIds.Distinct(StringComparer.Ordinal).ToArray();
            var documents = ReadDocuments(connection, tx, ids);
            var annotations = ReadAnnotations(connection, tx, ids);
            tx.Commit();
            return [.. documentIds
                .Where(documents.ContainsKey)
                .Select(id => new StoredDocument(documents[id], annotations.GetValueOrDefault(id) ?? []))];
        });
    }

    private static Dictionary<string, Document> ReadDocuments(NpgsqlConnection connection, NpgsqlTransaction? tx, string[] ids)
    {
        var builders = new Dictionary<string, Document.DocumentBuilder>(StringComparer.Ordinal);
        using (var cmd = Command(connection, tx, "SELECT id, text, path, title, kind, outlet, author, url, published, reliability, language, layout, nuls FROM documents WHERE id = ANY($1)", (object)ids))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var source = new Source(
                    NullableString(reader, 5),
                    NullableString(reader, 6),
                    NullableString(reader, 7),
                    NullableString(reader, 8) is { } published ? DateTimeOffset.Parse(published, CultureInfo.InvariantCulture) : null,
                    NullableString(reader, 9) is { } grade ? Enum.Parse<Reliability>(grade) : null);
                var text = StoredText.Restore(reader.GetString(1), reader.IsDBNull(12) ? null : reader.GetFieldValue<int[]>(12));
                var builder = Document.Create(text, reader.GetString(2))
                    .WithTitle(NullableString(reader, 3))
                    .WithKind(DocumentKinds.Parse(reader.GetString(4)) ?? DocumentKind.Other)
                    .WithSource(source)
                    .WithLanguage(NullableString(reader, 10));
                StoredLayout.Read(NullableString(reader, 11), builder);
                builders[reader.GetString(0)] = builder;
            }
        }

        if (builders.Count == 0)
        {
            return [];
        }

        using (var cmd = Command(connection, tx, "SELECT doc_id, post_id, parent_id, depth, author, time_text, time_value, start, \"end\", header_start, header_end FROM posts WHERE doc_id = ANY($1) ORDER BY doc_id, start", (object)ids))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var time = NullableString(reader, 5) is { } timeText ? new PostTime(timeText, NullableString(reader, 6)) : null;
                TextRange? header = reader.IsDBNull(9) ? null : new TextRange(reader.GetInt32(9), reader.GetInt32(10));
                builders[reader.GetString(0)].AddPost(new Post(reader.GetString(1), NullableString(reader, 2), reader.GetInt32(3), NullableString(reader, 4), time, new TextRange(reader.GetInt32(7), reader.GetInt32(8)), header));
            }
        }

        using (var cmd = Command(connection, tx, "SELECT doc_id, start, \"end\" FROM boilerplate WHERE doc_id = ANY($1) ORDER BY doc_id, start", (object)ids))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                builders[reader.GetString(0)].AddBoilerplate(new TextRange(reader.GetInt32(1), reader.GetInt32(2)));
            }
        }

        return builders.ToDictionary(b => b.Key, b => b.Value.Build(), StringComparer.Ordinal);
    }

    private static Dictionary<string, List<StoredAnnotation>> ReadAnnotations(NpgsqlConnection connection, NpgsqlTransaction? tx, string[] ids)
    {
        var annotations = new Dictionary<string, List<StoredAnnotation>>(StringComparer.Ordinal);
        using var cmd = Command(connection, tx, "SELECT doc_id, layer, component, json FROM annotations WHERE doc_id = ANY($1) ORDER BY doc_id, layer COLLATE \"C\"", (object)ids);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (!annotations.TryGetValue(id, out var list))
            {
                annotations[id] = list = [];
            }

            list.Add(new StoredAnnotation(reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return annotations;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The query is read as by <see cref="SqliteDocumentStore.ToMatchExpression"/> (words all match, "a phrase", a
    /// trailing * for a prefix, OR between words) and turned into a <c>tsquery</c> whose words go through the same
    /// parser as the indexed text (<see cref="PostgresSearchQuery"/>). The score is <c>-ts_rank_cd</c>, so lower is
    /// better as with SQLite's BM25; the snippet is <c>ts_headline</c>'s with the terms marked by [ and ].
    /// </remarks>
    public IReadOnlyList<SearchHit> Search(string query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tsquery = PostgresSearchQuery.Parse(query);
        if (tsquery is null)
        {
            return [];
        }

        return Guarded<IReadOnlyList<SearchHit>>(connection =>
        {
            var arguments = new List<object?>(tsquery.Arguments) { limit };
            using var cmd = Command(
                connection,
                null,
                $"""
                WITH q AS (SELECT {tsquery.Sql} AS query),
                stretches AS (
                    SELECT d.id, 0 AS start, ts_rank_cd(d.search, q.query) AS rank FROM documents d, q WHERE d.search @@ q.query
                    UNION ALL
                    SELECT t.doc_id, t.start, ts_rank_cd(t.search, q.query) FROM search_tail t, q WHERE t.search @@ q.query),
                best AS (
                    SELECT DISTINCT ON (id) id, start, rank FROM stretches ORDER BY id, rank DESC, start),
                hits AS (
                    SELECT d.id, d.path, d.title, d.text, best.start, -best.rank AS score
                    FROM best JOIN documents d ON d.id = best.id
                    ORDER BY score, d.path COLLATE "C"
                    LIMIT ${arguments.Count})
                SELECT hits.id, hits.path, hits.title,
                    ts_headline('simple'::regconfig, substr(hits.text, hits.start + 1, {PostgresMigrations.StretchCharacters}), q.query,
                        'StartSel=[, StopSel=], MaxWords=16, MinWords=8, ShortWord=0, MaxFragments=1, FragmentDelimiter=…'),
                    hits.score
                FROM hits, q
                ORDER BY hits.score, hits.path COLLATE "C"
                """,
                [.. arguments]);
            using var reader = cmd.ExecuteReader();
            var hits = new List<SearchHit>();
            while (reader.Read())
            {
                hits.Add(new SearchHit(reader.GetString(0), reader.GetString(1), NullableString(reader, 2), reader.GetString(3), reader.GetFloat(4)));
            }

            return hits;
        });
    }

    /// <inheritdoc />
    public string? GetSetting(string key) =>
        Guarded(connection => Scalar(connection, null, "SELECT value FROM settings WHERE key = $1", key) as string);

    /// <inheritdoc />
    public void SetSetting(string key, string value) =>
        InTransaction((connection, tx) => Execute(connection, tx, "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value));

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, params object?[] values)
    {
        var cmd = new NpgsqlCommand(sql, connection, tx);
        foreach (var value in values)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = StoredText.Parameter(value) });
        }

        return cmd;
    }

    private static void Add(NpgsqlBatch batch, string sql, params object?[] values)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = StoredText.Parameter(value) });
        }

        batch.BatchCommands.Add(cmd);
    }

    private static int Execute(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, params object?[] values)
    {
        using var cmd = Command(connection, tx, sql, values);
        return cmd.ExecuteNonQuery();
    }

    private static object? Scalar(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, params object?[] values)
    {
        using var cmd = Command(connection, tx, sql, values);
        var result = cmd.ExecuteScalar();
        return result is DBNull ? null : result;
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
