using Npgsql;
using Polly;
using Sitrep.Embeddings;
using Sitrep.Errors;
using Sitrep.Learning;

namespace Sitrep.Storage.Postgres;

/// <summary>
/// Sentence vectors in the PostgreSQL store's <c>embeddings</c> table (migration 3), as <see cref="Sqlite.SqliteEmbeddingCache"/>
/// keeps them in SQLite: the 16-byte <see cref="EmbeddingKey"/>, the vector as little-endian float16 values.
/// </summary>
/// <remarks>Thread-safe: each call takes a pooled connection; a batch is read with one query and written in one transaction.</remarks>
public sealed class PostgresEmbeddingCache : IEmbeddingCache, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ResiliencePipeline _retry;
    private readonly string _display;

    private PostgresEmbeddingCache(NpgsqlDataSource dataSource, string display)
    {
        _dataSource = dataSource;
        _retry = PostgresResilience.Create(dataSource);
        _display = display;
    }

    /// <summary>Opens the cache in the database <paramref name="connectionString"/> names (migrated as the store migrates it).</summary>
    /// <exception cref="SitrepException">The database cannot be opened (as <see cref="PostgresDocumentStore.Open"/>).</exception>
    public static PostgresEmbeddingCache Open(string connectionString)
    {
        // Opening the store once brings the schema to the current version, embeddings table included.
        using (PostgresDocumentStore.Open(connectionString))
        {
        }

        var builder = PostgresConnection.Parse(connectionString);
        return new PostgresEmbeddingCache(NpgsqlDataSource.Create(builder), PostgresConnection.Display(builder));
    }

    /// <inheritdoc />
    public float[]?[] GetMany(IReadOnlyList<EmbeddingKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new float[]?[keys.Count];
        if (keys.Count == 0)
        {
            return result;
        }

        var positions = EmbeddingKey.Positions(keys);

        Guarded(connection =>
        {
            using var cmd = new NpgsqlCommand("SELECT key, dimensions, vector FROM embeddings WHERE key = ANY($1)", connection);
            cmd.Parameters.Add(new NpgsqlParameter { Value = positions.Keys.Select(k => k.ToBytes()).ToArray() });
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var vector = HalfFloats.FromBytes(reader.GetFieldValue<byte[]>(2), reader.GetInt32(1));
                foreach (var i in positions[EmbeddingKey.FromBytes(reader.GetFieldValue<byte[]>(0))])
                {
                    result[i] = vector;
                }
            }

            return 0;
        });
        return result;
    }

    /// <inheritdoc />
    public void PutMany(IReadOnlyList<KeyValuePair<EmbeddingKey, float[]>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        Guarded(connection =>
        {
            using var tx = connection.BeginTransaction();
            using var batch = new NpgsqlBatch(connection, tx);
            foreach (var (key, vector) in entries)
            {
                var command = new NpgsqlBatchCommand("INSERT INTO embeddings (key, dimensions, vector) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET dimensions = excluded.dimensions, vector = excluded.vector");
                command.Parameters.Add(new NpgsqlParameter { Value = key.ToBytes() });
                command.Parameters.Add(new NpgsqlParameter { Value = vector.Length });
                command.Parameters.Add(new NpgsqlParameter { Value = HalfFloats.ToBytes(vector) });
                batch.BatchCommands.Add(command);
            }

            batch.ExecuteNonQuery();
            tx.Commit();
            return 0;
        });
    }

    /// <summary>Vectors held.</summary>
    public long Count => Guarded(connection =>
    {
        using var cmd = new NpgsqlCommand("SELECT count(*) FROM embeddings", connection);
        return (long)cmd.ExecuteScalar()!;
    });

    // Reads, and writes of vectors that are the same whenever written: a transient failure runs the call again.
    private T Guarded<T>(Func<NpgsqlConnection, T> operation)
    {
        try
        {
            return _retry.Execute(
                static state =>
                {
                    using var connection = state.DataSource.OpenConnection();
                    return state.Operation(connection);
                },
                (DataSource: _dataSource, Operation: operation));
        }
        catch (NpgsqlException ex)
        {
            throw SitrepErrors.StoreFailed.Exception(_display, ex is PostgresException pg ? pg.MessageText : ex.Message);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();
}
