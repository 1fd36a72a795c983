using System.Globalization;
using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Errors;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode, with versioned migrations and an FTS5 index over the text.
/// </summary>
/// <remarks>
/// Every batch is written in one transaction, so a process killed mid-run leaves the store at the last committed
/// batch: no document without its posts, no index entry without its document. WAL with <c>synchronous=NORMAL</c> is
/// durable against a process crash (only a power cut can lose the last commits, never corrupt the file).
/// </remarks>
public sealed partial class SqliteDocumentStore : IDocumentStore
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    private SqliteDocumentStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
        _readPath = System.IO.Path.GetFullPath(path);
    }

    /// <inheritdoc />
    public string Name => "store.sqlite.v1";

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>
    /// Largest store file that <see cref="StoreCheck.Quick"/> reads whole at open (256 MiB, about 3 s on a loaded
    /// 2-core machine; see docs/BENCHMARKS.md). A larger store gets only the schema check, and a damaged page in it
    /// surfaces as <c>SR4004</c> when it is read, with the batch that met it rolled back.
    /// </summary>
    public const long QuickCheckLimitBytes = 256L * 1024 * 1024;

    /// <summary>The schema version this build understands.</summary>
    public static int SchemaVersion => Migrations.All.Count;

    /// <summary>Opens (creating and migrating when needed) the store at <paramref name="path"/>, after a quick check.</summary>
    /// <exception cref="SitrepException">
    /// The file cannot be opened (<c>SR4001</c>), was written by a newer Sitrep (<c>SR4002</c>), is read-only
    /// (<c>SR4003</c>) or is damaged (<c>SR4004</c>); nothing was written to it then.
    /// </exception>
    public static SqliteDocumentStore Open(string path) => Open(path, StoreCheck.Quick);

    /// <summary>Opens (creating and migrating when needed) the store at <paramref name="path"/>.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="check">How the file is checked before anything is written to it.</param>
    /// <exception cref="SitrepException">As for <see cref="Open(string)"/>.</exception>
    public static SqliteDocumentStore Open(string path, StoreCheck check) => Open(path, check, configure: null);

    /// <summary>Opens the store; <paramref name="configure"/> runs last on the connection (tests set pragmas there).</summary>
    internal static SqliteDocumentStore Open(string path, StoreCheck check, Action<SqliteConnection>? configure)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        SqliteConnection? connection = null;
        try
        {
            if (Directory.Exists(path))
            {
                throw SitrepErrors.StoreUnavailable.Exception(path, "it is a folder, not a file");
            }

            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
            connection = new SqliteConnection(builder.ToString());
            connection.Open();

            // The busy timeout comes first: switching to WAL needs a lock that another process starting on the same
            // new store may hold for a moment.
            Execute(connection, "PRAGMA busy_timeout=10000;");
            if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
            {
                throw SitrepErrors.StoreReadOnly.Exception(path, "the file or its folder cannot be written");
            }

            if (check == StoreCheck.Quick && new FileInfo(path).Length <= QuickCheckLimitBytes)
            {
                QuickCheck(connection, path);
            }

            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-" + PageCacheKib.ToString(CultureInfo.InvariantCulture) + ";");
            Migrate(connection, path);
            VerifySchema(connection, path);
            configure?.Invoke(connection);
            return new SqliteDocumentStore(connection, path);
        }
        catch (SitrepException)
        {
            connection?.Dispose();
            throw;
        }
        catch (SqliteException ex)
        {
            connection?.Dispose();
            throw Failure(path, ex, opening: true);
        }
        catch (IOException ex)
        {
            connection?.Dispose();
            throw SitrepErrors.StoreUnavailable.Exception(path, ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            connection?.Dispose();
            throw SitrepErrors.StoreUnavailable.Exception(path, ex.Message);
        }
    }

    /// <summary>
    /// The connection's page cache, in KiB (SQLite's default is 2,000). The rebuilt picture of a story of a few MB is
    /// hundreds of thousands of rows in one transaction (the 5 MB FNC-1 cut: 27,310 items, 229,611 keys, 108,439 units);
    /// with the default cache its index pages were spilled to the write-ahead log and read back from it mid-transaction.
    /// Only the cost changes: what is written is the same.
    /// </summary>
    internal const int PageCacheKib = 16_384;

    // quick_check reads every page once (no index cross-check): about as costly as reading the file, and it finds
    // flipped bytes in the b-tree structure before a run writes more pages on top of them.
    private static void QuickCheck(SqliteConnection connection, string path)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA quick_check(5);";
        using var reader = cmd.ExecuteReader();
        var problems = new List<string>();
        while (reader.Read())
        {
            problems.Add(reader.GetString(0));
        }

        if (problems is not ["ok"])
        {
            throw SitrepErrors.StoreDamaged.Exception(path, "quick_check: " + string.Join("; ", problems));
        }
    }

    private static void Migrate(SqliteConnection connection, string path)
    {
        // Cheap look first: a store at the current version is opened without taking the write lock.
        if (UserVersion(connection) == Migrations.All.Count)
        {
            return;
        }

        // BEGIN IMMEDIATE takes the write lock before the version is read again, so of several processes starting on
        // a new store one migrates and the others, once the lock is theirs, find the work done.
        using var tx = connection.BeginTransaction(deferred: false);
        var version = UserVersion(connection, tx);
        if (version > Migrations.All.Count)
        {
            throw SitrepErrors.StoreTooNew.Exception(path, version, Migrations.All.Count);
        }

        for (var v = version; v < Migrations.All.Count; v++)
        {
            Execute(connection, Migrations.All[v] + $"\nPRAGMA user_version = {v + 1};", tx);
        }

        tx.Commit();
    }

    private static int UserVersion(SqliteConnection connection, SqliteTransaction? tx = null) =>
        Convert.ToInt32(Scalar(connection, "PRAGMA user_version;", tx), CultureInfo.InvariantCulture);

    private static void VerifySchema(SqliteConnection connection, string path)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table'";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                present.Add(reader.GetString(0));
            }
        }

        var missing = Migrations.Tables.Where(t => !present.Contains(t)).ToList();
        if (missing.Count > 0)
        {
            throw SitrepErrors.StoreDamaged.Exception(path, "missing table " + string.Join(", ", missing));
        }

        if (!present.Contains(Migrations.FullTextTable))
        {
            // The full-text index is derived from the documents: rebuilt, not refused.
            using var tx = connection.BeginTransaction(deferred: false);
            Execute(connection, Migrations.RebuildFullText, tx);
            tx.Commit();
        }
    }

    /// <summary>Maps an SQLite failure to the catalog: full disk, read-only, damaged, or any other store failure.</summary>
    private static SitrepException Failure(string path, SqliteException ex, bool opening = false)
    {
        const int ReadOnly = 8, Corrupt = 11, Full = 13, NotADatabase = 26;
        var message = SqliteMessage().Match(ex.Message) is { Success: true } m ? m.Groups[1].Value : ex.Message;
        return (ex.SqliteErrorCode & 0xFF) switch
        {
            Full => SitrepErrors.StoreFull.Exception(path, message),
            ReadOnly => SitrepErrors.StoreReadOnly.Exception(path, message),
            Corrupt => SitrepErrors.StoreDamaged.Exception(path, message),
            NotADatabase when opening => SitrepErrors.StoreUnavailable.Exception(path, message),
            NotADatabase => SitrepErrors.StoreDamaged.Exception(path, message),
            _ when ex.Message.Contains("no such table", StringComparison.Ordinal) || ex.Message.Contains("no such column", StringComparison.Ordinal) =>
                SitrepErrors.StoreDamaged.Exception(path, message),
            _ when opening => SitrepErrors.StoreUnavailable.Exception(path, message),
            _ => SitrepErrors.StoreFailed.Exception(path, message),
        };
    }

    // "SQLite Error 13: 'database or disk is full'." reads as "database or disk is full" inside a catalog message.
    [System.Text.RegularExpressions.GeneratedRegex(@"^SQLite Error \d+: '(.*)'\.?$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex SqliteMessage();

    /// <summary>Runs a store operation, turning an SQLite failure into a catalog error.</summary>
    private T Guarded<T>(Func<T> operation)
    {
        lock (_gate)
        {
            try
            {
                return operation();
            }
            catch (SqliteException ex)
            {
                throw Failure(Path, ex);
            }
        }
    }

    /// <summary>Runs <paramref name="body"/> in one write transaction, rolled back whole when it fails.</summary>
    private T InTransaction<T>(Func<StatementCache, T> body) => Guarded(() =>
    {
        var tx = _connection.BeginTransaction(deferred: false);
        try
        {
            T result;
            using (var statements = new StatementCache(_connection, tx))
            {
                result = body(statements);
            }

            tx.Commit();
            return result;
        }
        catch
        {
            // After a full disk SQLite may already have rolled back; a second rollback must not hide the first error.
            try
            {
                tx.Rollback();
            }
            catch (SqliteException)
            {
            }
            catch (InvalidOperationException)
            {
            }

            throw;
        }
        finally
        {
            try
            {
                tx.Dispose();
            }
            catch (SqliteException)
            {
            }
        }
    });

    /// <inheritdoc />
    public SaveResult Save(IReadOnlyList<StoredDocument> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return InTransaction(statements => SaveBatch(statements, batch));
    }

    /// <inheritdoc />
    public SaveResult ReplaceFile(string filePath, IReadOnlyList<StoredDocument> documents)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        ArgumentNullException.ThrowIfNull(documents);
        return InTransaction(statements =>
        {
            var saved = SaveBatch(statements, documents);
            var keep = documents.Select(d => d.Document.Id).ToHashSet(StringComparer.Ordinal);
            return saved with { Removed = Forget(statements, filePath, keep) };
        });
    }

    /// <inheritdoc />
    public int RemoveFile(string filePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        return InTransaction(statements => Forget(statements, filePath, keep: new HashSet<string>(StringComparer.Ordinal)));
    }

    /// <inheritdoc />
    public int MoveFile(string fromPath, string toPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(fromPath);
        ArgumentException.ThrowIfNullOrEmpty(toPath);
        return InTransaction(statements =>
        {
            statements.Execute($"UPDATE OR REPLACE document_paths SET path = $to || substr(path, length($from) + 1) WHERE {FileMatch}", ("$from", fromPath), ("$to", toPath));
            return statements.Execute($"UPDATE documents SET path = $to || substr(path, length($from) + 1) WHERE {FileMatch}", ("$from", fromPath), ("$to", toPath));
        });
    }

    // A file's documents are stored under its path, or under path#n for the items of a feed or an export.
    private const string FileMatch = "(path = $from OR substr(path, 1, length($from) + 1) = $from || '#')";

    /// <summary>
    /// Drops the file's path from every document read from it except <paramref name="keep"/>; a document left with no
    /// path is deleted (its posts, annotations and index entries go with it). Returns how many were deleted.
    /// </summary>
    private static int Forget(StatementCache statements, string filePath, IReadOnlySet<string> keep)
    {
        var links = statements.Rows($"SELECT doc_id, path FROM document_paths WHERE {FileMatch}", ("$from", filePath))
            .Where(row => !keep.Contains(row.Id))
            .ToList();
        var deleted = 0;
        foreach (var (id, path) in links)
        {
            statements.Execute("DELETE FROM document_paths WHERE doc_id = $id AND path = $path", ("$id", id), ("$path", path));
        }

        foreach (var id in links.Select(l => l.Id).Distinct(StringComparer.Ordinal))
        {
            var other = statements.Scalar("SELECT min(path) FROM document_paths WHERE doc_id = $id", ("$id", id)) as string;
            if (other is null)
            {
                deleted += statements.Execute("DELETE FROM documents WHERE id = $id", ("$id", id));
            }
            else
            {
                statements.Execute($"UPDATE documents SET path = $other WHERE id = $id AND {FileMatch}", ("$id", id), ("$other", other), ("$from", filePath));
            }
        }

        return deleted;
    }

    private static SaveResult SaveBatch(StatementCache statements, IReadOnlyList<StoredDocument> batch)
    {
        var inserted = 0;
        var updated = 0;
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var lastRowId = Convert.ToInt64(statements.Scalar("SELECT coalesce(max(rowid), 0) FROM documents"), CultureInfo.InvariantCulture);
        foreach (var stored in batch)
        {
            var doc = stored.Document;
            var exists = statements.Scalar("SELECT 1 FROM documents WHERE id = $id", ("$id", doc.Id)) is not null;
            if (exists)
            {
                statements.Execute(
                    """
                    UPDATE documents SET title = coalesce($title, title), kind = $kind, outlet = coalesce($outlet, outlet),
                        author = coalesce($author, author), url = coalesce($url, url), published = coalesce($published, published),
                        reliability = coalesce($reliability, reliability), language = coalesce($language, language), last_seen = $now,
                        layout = $layout
                    WHERE id = $id
                    """,
                    DocumentParameters(doc, now));
                statements.Execute("DELETE FROM posts WHERE doc_id = $id; DELETE FROM boilerplate WHERE doc_id = $id;", ("$id", doc.Id));
                updated++;
            }
            else
            {
                statements.Execute(
                    """
                    INSERT INTO documents (id, content_hash, path, title, kind, outlet, author, url, published, reliability, language, length, text, first_seen, last_seen, layout)
                    VALUES ($id, $hash, $path, $title, $kind, $outlet, $author, $url, $published, $reliability, $language, $length, $text, $now, $now, $layout)
                    """,
                    [.. DocumentParameters(doc, now), ("$hash", doc.ContentHash), ("$length", doc.Text.Length), ("$text", doc.Text)]);
                inserted++;
            }

            statements.Execute("INSERT OR IGNORE INTO document_paths (doc_id, path) VALUES ($id, $path)", ("$id", doc.Id), ("$path", doc.Path));
            foreach (var post in doc.Posts)
            {
                statements.Execute(
                    """
                    INSERT INTO posts (doc_id, post_id, parent_id, depth, author, time_text, time_value, start, "end", header_start, header_end)
                    VALUES ($id, $post, $parent, $depth, $author, $timeText, $timeValue, $start, $end, $hstart, $hend)
                    """,
                    ("$id", doc.Id),
                    ("$post", post.Id),
                    ("$parent", post.ParentId),
                    ("$depth", post.Depth),
                    ("$author", post.Author),
                    ("$timeText", post.Time?.Text),
                    ("$timeValue", post.Time?.Value),
                    ("$start", post.Range.Start),
                    ("$end", post.Range.End),
                    ("$hstart", post.Header?.Start),
                    ("$hend", post.Header?.End));
            }

            foreach (var range in doc.Boilerplate)
            {
                statements.Execute("INSERT OR REPLACE INTO boilerplate (doc_id, start, \"end\") VALUES ($id, $start, $end)", ("$id", doc.Id), ("$start", range.Start), ("$end", range.End));
            }

            foreach (var annotation in stored.Annotations)
            {
                statements.Execute(
                    "INSERT OR REPLACE INTO annotations (doc_id, layer, component, json) VALUES ($id, $layer, $component, $json)",
                    ("$id", doc.Id),
                    ("$layer", annotation.Layer),
                    ("$component", annotation.Component),
                    ("$json", annotation.Json));
            }
        }

        // Index the batch's new documents in one statement: cheaper than one FTS insert per document.
        statements.Execute("INSERT INTO documents_fts (rowid, title, text) SELECT rowid, title, text FROM documents WHERE rowid > $last", ("$last", lastRowId));
        return new SaveResult(inserted, updated);
    }

    /// <inheritdoc />
    public long CountDocuments() =>
        Guarded(() => Convert.ToInt64(Scalar(_connection, "SELECT count(*) FROM documents"), CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public Document? Find(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return Guarded(() => ReadDocument(documentId));
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredAnnotation> FindAnnotations(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return Guarded(() => ReadAnnotations(documentId));
    }

    /// <inheritdoc />
    public IReadOnlyList<string> DocumentIds() => Guarded<IReadOnlyList<string>>(() =>
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT id FROM documents ORDER BY path, id";
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
        return Guarded<IReadOnlyList<StoredDocument>>(() =>
        {
            // One read transaction: the documents of a page are read from one snapshot even while a writer commits.
            using var tx = _connection.BeginTransaction(deferred: true);
            var documents = new List<StoredDocument>(documentIds.Count);
            foreach (var id in documentIds)
            {
                if (ReadDocument(id, tx) is { } document)
                {
                    documents.Add(new StoredDocument(document, ReadAnnotations(id, tx)));
                }
            }

            tx.Commit();
            return documents;
        });
    }

    private Document? ReadDocument(string documentId, SqliteTransaction? tx = null)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT text, path, title, kind, outlet, author, url, published, reliability, language, layout FROM documents WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", documentId);
        using var reader = cmd.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var source = new Source(
            NullableString(reader, 4),
            NullableString(reader, 5),
            NullableString(reader, 6),
            NullableString(reader, 7) is { } published ? DateTimeOffset.Parse(published, CultureInfo.InvariantCulture) : null,
            NullableString(reader, 8) is { } grade ? Enum.Parse<Reliability>(grade) : null);
        var builder = Document.Create(reader.GetString(0), reader.GetString(1))
            .WithTitle(NullableString(reader, 2))
            .WithKind(DocumentKinds.Parse(reader.GetString(3)) ?? DocumentKind.Other)
            .WithSource(source)
            .WithLanguage(NullableString(reader, 9));
        StoredLayout.Read(NullableString(reader, 10), builder);
        reader.Close();
        ReadStructure(documentId, builder, tx);
        return builder.Build();
    }

    private List<StoredAnnotation> ReadAnnotations(string documentId, SqliteTransaction? tx = null)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT layer, component, json FROM annotations WHERE doc_id = $id ORDER BY layer";
        cmd.Parameters.AddWithValue("$id", documentId);
        using var reader = cmd.ExecuteReader();
        var annotations = new List<StoredAnnotation>();
        while (reader.Read())
        {
            annotations.Add(new StoredAnnotation(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return annotations;
    }

    private void ReadStructure(string documentId, Document.DocumentBuilder builder, SqliteTransaction? tx)
    {
        using (var cmd = _connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT post_id, parent_id, depth, author, time_text, time_value, start, \"end\", header_start, header_end FROM posts WHERE doc_id = $id ORDER BY start";
            cmd.Parameters.AddWithValue("$id", documentId);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var time = NullableString(reader, 4) is { } timeText ? new PostTime(timeText, NullableString(reader, 5)) : null;
                TextRange? header = reader.IsDBNull(8) ? null : new TextRange(reader.GetInt32(8), reader.GetInt32(9));
                builder.AddPost(new Post(reader.GetString(0), NullableString(reader, 1), reader.GetInt32(2), NullableString(reader, 3), time, new TextRange(reader.GetInt32(6), reader.GetInt32(7)), header));
            }
        }

        using (var cmd = _connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT start, \"end\" FROM boilerplate WHERE doc_id = $id ORDER BY start";
            cmd.Parameters.AddWithValue("$id", documentId);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                builder.AddBoilerplate(new TextRange(reader.GetInt32(0), reader.GetInt32(1)));
            }
        }
    }

    /// <inheritdoc />
    public StoredAnnotation? FindAnnotation(string documentId, string layer) =>
        Guarded<StoredAnnotation?>(() =>
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT component, json FROM annotations WHERE doc_id = $id AND layer = $layer";
            cmd.Parameters.AddWithValue("$id", documentId);
            cmd.Parameters.AddWithValue("$layer", layer);
            using var reader = cmd.ExecuteReader();
            return reader.Read() ? new StoredAnnotation(layer, reader.GetString(0), reader.GetString(1)) : null;
        });

    /// <inheritdoc />
    public IReadOnlyList<SearchHit> Search(string query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        var match = ToMatchExpression(query);
        if (match.Length == 0)
        {
            return [];
        }

        return Guarded<IReadOnlyList<SearchHit>>(() =>
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = """
                SELECT d.id, d.path, d.title, snippet(documents_fts, 1, '[', ']', '…', 16), bm25(documents_fts)
                FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
                WHERE documents_fts MATCH $match
                ORDER BY bm25(documents_fts), d.path
                LIMIT $limit
                """;
            cmd.Parameters.AddWithValue("$match", match);
            cmd.Parameters.AddWithValue("$limit", limit);
            using var reader = cmd.ExecuteReader();
            var hits = new List<SearchHit>();
            while (reader.Read())
            {
                hits.Add(new SearchHit(reader.GetString(0), reader.GetString(1), NullableString(reader, 2), reader.GetString(3), reader.GetDouble(4)));
            }

            return hits;
        });
    }

    /// <summary>
    /// Turns what an analyst types into an FTS5 expression: words become quoted terms (all must match), a phrase in
    /// double quotes stays a phrase, a trailing * keeps prefix search, and OR between words is kept. Nothing the
    /// analyst types can raise an FTS syntax error.
    /// </summary>
    public static string ToMatchExpression(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parts = new List<string>();
        var i = 0;
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i]))
            {
                i++;
                continue;
            }

            if (query[i] == '"')
            {
                var close = query.IndexOf('"', i + 1);
                var phrase = close < 0 ? query[(i + 1)..] : query[(i + 1)..close];
                i = close < 0 ? query.Length : close + 1;
                var words = SearchWords.Of(phrase);
                if (words.Count > 0)
                {
                    parts.Add("\"" + string.Join(' ', words) + "\"");
                }

                continue;
            }

            var end = i;
            while (end < query.Length && !char.IsWhiteSpace(query[end]) && query[end] != '"')
            {
                end++;
            }

            var raw = query[i..end];
            i = end;
            if (raw == "OR" && parts.Count > 0)
            {
                parts.Add("OR");
                continue;
            }

            var prefix = raw.EndsWith('*');
            foreach (var word in SearchWords.Of(raw))
            {
                parts.Add("\"" + word + "\"" + (prefix ? "*" : string.Empty));
            }
        }

        while (parts.Count > 0 && parts[^1] == "OR")
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return string.Join(' ', parts);
    }

    /// <inheritdoc />
    public string? GetSetting(string key) =>
        Guarded<string?>(() => Scalar(_connection, "SELECT value FROM settings WHERE key = $key", null, ("$key", key)) as string);

    /// <inheritdoc />
    public void SetSetting(string key, string value) =>
        Guarded(() => Execute(_connection, "INSERT OR REPLACE INTO settings (key, value) VALUES ($key, $value)", null, ("$key", key), ("$value", value)));

    /// <summary>Runs SQLite's integrity check; "ok" when the file is sound.</summary>
    public string IntegrityCheck() =>
        Guarded(() => Convert.ToString(Scalar(_connection, "PRAGMA integrity_check;"), CultureInfo.InvariantCulture) ?? "unknown");

    /// <summary>Runs FTS5's own integrity check of the full-text index against the documents; "ok" when in step.</summary>
    public string FullTextCheck() => Guarded(() =>
    {
        try
        {
            Execute(_connection, "INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1);");
            return "ok";
        }
        catch (SqliteException ex) when ((ex.SqliteErrorCode & 0xFF) == 11)
        {
            return ex.Message;
        }
    });

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        CloseReaders();
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    private static (string, object?)[] DocumentParameters(Document doc, string now) =>
    [
        ("$id", doc.Id),
        ("$path", doc.Path),
        ("$title", doc.Title),
        ("$kind", DocumentKinds.ToName(doc.Kind)),
        ("$outlet", doc.Source.Outlet),
        ("$author", doc.Source.Author),
        ("$url", doc.Source.Url),
        ("$published", doc.Source.Published?.ToString("O", CultureInfo.InvariantCulture)),
        ("$reliability", doc.Source.Reliability?.ToString()),
        ("$language", doc.Language),
        ("$now", now),
        ("$layout", StoredLayout.ToJson(doc)),
    ];

    /// <summary>Prepared statements reused across the documents of one batch: each SQL text is prepared once.</summary>
    private sealed class StatementCache(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public int Execute(string sql, params (string Name, object? Value)[] parameters) => Command(sql, parameters).ExecuteNonQuery();

        public List<(string Id, string Path)> Rows(string sql, params (string Name, object? Value)[] parameters)
        {
            var rows = new List<(string, string)>();
            using var reader = Command(sql, parameters).ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }

            return rows;
        }

        public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
        {
            var result = Command(sql, parameters).ExecuteScalar();
            return result is DBNull ? null : result;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }
        }

        private SqliteCommand Command(string sql, (string Name, object? Value)[] parameters)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                _commands[sql] = command;
            }

            foreach (var (name, value) in parameters)
            {
                if (command.Parameters.Contains(name))
                {
                    command.Parameters[name].Value = value ?? DBNull.Value;
                }
                else
                {
                    command.Parameters.AddWithValue(name, value ?? DBNull.Value);
                }
            }

            return command;
        }
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static int Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var result = cmd.ExecuteScalar();
        return result is DBNull ? null : result;
    }
}

/// <summary>How a store file is checked when it is opened.</summary>
public enum StoreCheck
{
    /// <summary>No check: for read-only commands such as search, where a damaged page surfaces as <c>SR4004</c> when read.</summary>
    None,

    /// <summary>
    /// SQLite's quick_check (every page read once) before anything is written, for stores up to
    /// <see cref="SqliteDocumentStore.QuickCheckLimitBytes"/>: for commands that write.
    /// </summary>
    Quick,
}
