using Microsoft.Data.Sqlite;
using Sitrep.Embeddings;
using Sitrep.Errors;
using Sitrep.Learning;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// Sentence vectors in a SQLite file (its own <c>embeddings</c> table, so it can share the store's file or use one of
/// its own): the key is the 16-byte <see cref="EmbeddingKey"/>, the vector a BLOB of little-endian float16 values
/// (half the size of float32; cosines change by less than 1e-3).
/// </summary>
/// <remarks>Thread-safe: calls are serialised on one connection.</remarks>
public sealed class SqliteEmbeddingCache : IEmbeddingCache, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS embeddings(
            key BLOB PRIMARY KEY,
            dimensions INTEGER NOT NULL,
            vector BLOB NOT NULL
        ) WITHOUT ROWID;
        """;

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    private SqliteEmbeddingCache(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (creating when needed) the cache in the SQLite file at <paramref name="path"/>.</summary>
    /// <exception cref="SitrepException">The file cannot be opened.</exception>
    public static SqliteEmbeddingCache Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        SqliteConnection? connection = null;
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
            connection = new SqliteConnection(builder.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; " + Schema;
            command.ExecuteNonQuery();
            return new SqliteEmbeddingCache(connection);
        }
        catch (SqliteException ex)
        {
            connection?.Dispose();
            throw SitrepErrors.StoreUnavailable.Exception(path, ex.Message);
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

    /// <inheritdoc />
    public float[]?[] GetMany(IReadOnlyList<EmbeddingKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new float[]?[keys.Count];
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT dimensions, vector FROM embeddings WHERE key = $key";
            var key = command.Parameters.Add("$key", SqliteType.Blob);
            for (var i = 0; i < keys.Count; i++)
            {
                key.Value = keys[i].ToBytes();
                using var reader = command.ExecuteReader();
                if (reader.Read())
                {
                    result[i] = HalfFloats.FromBytes((byte[])reader.GetValue(1), reader.GetInt32(0));
                }
            }
        }

        return result;
    }

    /// <inheritdoc />
    public void PutMany(IReadOnlyList<KeyValuePair<EmbeddingKey, float[]>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT OR REPLACE INTO embeddings(key, dimensions, vector) VALUES ($key, $dimensions, $vector)";
            var key = command.Parameters.Add("$key", SqliteType.Blob);
            var dimensions = command.Parameters.Add("$dimensions", SqliteType.Integer);
            var vector = command.Parameters.Add("$vector", SqliteType.Blob);
            foreach (var (k, v) in entries)
            {
                key.Value = k.ToBytes();
                dimensions.Value = v.Length;
                vector.Value = HalfFloats.ToBytes(v);
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>Vectors held.</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                using var command = _connection.CreateCommand();
                command.CommandText = "SELECT count(*) FROM embeddings";
                return (long)command.ExecuteScalar()!;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();
}
