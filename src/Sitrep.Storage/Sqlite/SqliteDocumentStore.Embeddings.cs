using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Sitrep.Embeddings;
using Sitrep.Learning;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// Sentence vectors kept in the store's file (<see cref="IEmbeddingStore"/>), in the <c>embeddings</c> table that
/// <see cref="SqliteEmbeddingCache"/> reads and writes, so that a stored document's sentences are encoded once, not once
/// per process that reads them.
/// </summary>
public sealed partial class SqliteDocumentStore : IEmbeddingStore
{
    // Keys per lookup: well under SQLite's 32,766 host parameters, and a page of keys is one statement, not one each.
    private const int KeysPerLookup = 256;

    private StoredEmbeddings? _embeddings;

    /// <inheritdoc />
    public IEmbeddingCache Embeddings
    {
        get
        {
            lock (_gate)
            {
                return _embeddings ??= new StoredEmbeddings(this);
            }
        }
    }

    /// <summary>
    /// The store's vectors, on its own connection and lock. The table is made on first use (it is a cache, so a store
    /// without it is a store whose sentences were never encoded, and no migration is needed); vectors are kept as
    /// 32-bit floats, so that a vector read back is the one encoded and the analysis does not depend on whether it was
    /// (a half-float row written by <see cref="SqliteEmbeddingCache"/> into the same file is read too).
    /// </summary>
    private sealed class StoredEmbeddings(SqliteDocumentStore store) : IEmbeddingCache
    {
        private bool _ready;

        public float[]?[] GetMany(IReadOnlyList<EmbeddingKey> keys)
        {
            ArgumentNullException.ThrowIfNull(keys);
            var result = new float[]?[keys.Count];
            if (keys.Count == 0)
            {
                return result;
            }

            var positions = EmbeddingKey.Positions(keys);

            var distinct = positions.Keys.ToList();
            return store.Guarded(() =>
            {
                EnsureTable();
                for (var page = 0; page < distinct.Count; page += KeysPerLookup)
                {
                    var chunk = distinct.GetRange(page, Math.Min(KeysPerLookup, distinct.Count - page));
                    using var cmd = store._connection.CreateCommand();
                    cmd.CommandText = "SELECT key, dimensions, vector FROM embeddings WHERE key IN (" + string.Join(',', chunk.Select((_, k) => "$k" + k.ToString(CultureInfo.InvariantCulture))) + ")";
                    for (var k = 0; k < chunk.Count; k++)
                    {
                        cmd.Parameters.Add("$k" + k.ToString(CultureInfo.InvariantCulture), SqliteType.Blob).Value = chunk[k].ToBytes();
                    }

                    using var reader = cmd.ExecuteReader();
                    while (reader.Read())
                    {
                        var key = EmbeddingKey.FromBytes((byte[])reader.GetValue(0));
                        if (Vector((byte[])reader.GetValue(2), reader.GetInt32(1)) is { } vector && positions.TryGetValue(key, out var at))
                        {
                            foreach (var i in at)
                            {
                                result[i] = vector;
                            }
                        }
                    }
                }

                return result;
            });
        }

        public void PutMany(IReadOnlyList<KeyValuePair<EmbeddingKey, float[]>> entries)
        {
            ArgumentNullException.ThrowIfNull(entries);
            if (entries.Count == 0)
            {
                return;
            }

            store.Guarded(() =>
            {
                EnsureTable();
                using var tx = store._connection.BeginTransaction(deferred: false);
                using var cmd = store._connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT OR REPLACE INTO embeddings(key, dimensions, vector) VALUES ($key, $dimensions, $vector)";
                var key = cmd.Parameters.Add("$key", SqliteType.Blob);
                var dimensions = cmd.Parameters.Add("$dimensions", SqliteType.Integer);
                var vector = cmd.Parameters.Add("$vector", SqliteType.Blob);
                foreach (var (k, v) in entries)
                {
                    key.Value = k.ToBytes();
                    dimensions.Value = v.Length;
                    vector.Value = Bytes(v);
                    cmd.ExecuteNonQuery();
                }

                tx.Commit();
                return 0;
            });
        }

        // Under the store's lock (Guarded).
        private void EnsureTable()
        {
            if (!_ready)
            {
                Execute(store._connection, "CREATE TABLE IF NOT EXISTS embeddings(key BLOB PRIMARY KEY, dimensions INTEGER NOT NULL, vector BLOB NOT NULL) WITHOUT ROWID;");
                _ready = true;
            }
        }

        /// <summary>The little-endian 32-bit floats of <paramref name="vector"/>.</summary>
        private static byte[] Bytes(float[] vector)
        {
            var bytes = new byte[vector.Length * sizeof(float)];
            for (var i = 0; i < vector.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
            }

            return bytes;
        }

        /// <summary>A row's vector: four bytes a value as written here, two as <see cref="SqliteEmbeddingCache"/> writes; null otherwise.</summary>
        private static float[]? Vector(byte[] bytes, int dimensions)
        {
            if (bytes.Length != dimensions * sizeof(float))
            {
                return HalfFloats.FromBytes(bytes, dimensions);
            }

            var vector = new float[dimensions];
            for (var i = 0; i < dimensions; i++)
            {
                vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
            }

            return vector;
        }
    }
}
