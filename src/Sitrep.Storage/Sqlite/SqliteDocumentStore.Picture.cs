using System.Globalization;
using Microsoft.Data.Sqlite;
using Sitrep.Pipeline;

namespace Sitrep.Storage.Sqlite;

/// <summary>The stored picture (<see cref="IPictureStore"/>), in its own tables (migration 6).</summary>
public sealed partial class SqliteDocumentStore : IPictureStore
{
    // Keys found held by more items than a lookup paired on, by kind, with the posting length seen (at least): postings
    // only grow as items are written, so such a key stays too common until an item of its kind is deleted (which forgets
    // the kind's entries) or the picture is cleared. Another process writing the same store is not seen here; at worst a
    // key that fell back under the bound is skipped until this store is opened again. Guarded by the store's gate.
    private readonly Dictionary<string, Dictionary<string, int>> _commonKeys = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, int> FindPictureIds(string kind, IReadOnlyCollection<string> keys, int maxPosting)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(keys);
        return Guarded<IReadOnlyDictionary<string, int>>(() =>
        {
            var shared = new Dictionary<string, int>(StringComparer.Ordinal);
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT id FROM picture_keys WHERE kind = $kind AND key = $key LIMIT $limit";
            var kindParameter = cmd.Parameters.AddWithValue("$kind", kind);
            var keyParameter = cmd.Parameters.Add("$key", SqliteType.Text);
            cmd.Parameters.AddWithValue("$limit", maxPosting + 1);
            var ids = new List<string>();
            foreach (var key in keys.Distinct(StringComparer.Ordinal))
            {
                keyParameter.Value = key;
                ids.Clear();
                using (var reader = cmd.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        ids.Add(reader.GetString(0));
                    }
                }

                if (ids.Count > maxPosting)
                {
                    continue;
                }

                foreach (var id in ids)
                {
                    shared[id] = shared.GetValueOrDefault(id) + 1;
                }
            }

            return shared;
        });
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FindPicturePostings(string kind, IReadOnlyCollection<string> keys, int maxPosting)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(keys);
        return Guarded<IReadOnlyDictionary<string, IReadOnlyList<string>>>(() =>
        {
            if (!_commonKeys.TryGetValue(kind, out var common))
            {
                _commonKeys[kind] = common = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            var postings = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            using var tx = _connection.BeginTransaction(deferred: true);
            using var cmd = _connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT id FROM picture_keys WHERE kind = $kind AND key = $key LIMIT $limit";
            cmd.Parameters.AddWithValue("$kind", kind);
            var keyParameter = cmd.Parameters.Add("$key", SqliteType.Text);
            cmd.Parameters.AddWithValue("$limit", maxPosting + 1);
            foreach (var key in keys.Distinct(StringComparer.Ordinal))
            {
                // A key known to be held by more items than this caller pairs on is not read again: reading its
                // posting only to find it too long was most of a lookup's cost once the story had thousands of items.
                if (common.TryGetValue(key, out var atLeast) && atLeast > maxPosting)
                {
                    continue;
                }

                keyParameter.Value = key;
                var ids = new List<string>();
                using (var reader = cmd.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        ids.Add(reader.GetString(0));
                    }
                }

                if (ids.Count > maxPosting)
                {
                    common[key] = ids.Count;
                }
                else if (ids.Count > 0)
                {
                    postings[key] = ids;
                }
            }

            tx.Commit();
            return postings;
        });
    }

    /// <inheritdoc />
    /// <remarks>
    /// Through the primary key (kind, key, id), so the rows come in id order (BINARY, the ordinal order of the ASCII ids)
    /// and the read stops after <paramref name="count"/> of them.
    /// </remarks>
    public IReadOnlyList<string> FindFirstPictureIds(string kind, string key, int count)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(key);
        return Guarded<IReadOnlyList<string>>(() =>
        {
            var ids = new List<string>();
            if (count <= 0)
            {
                return ids;
            }

            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT id FROM picture_keys WHERE kind = $kind AND key = $key ORDER BY id LIMIT $limit";
            cmd.Parameters.AddWithValue("$kind", kind);
            cmd.Parameters.AddWithValue("$key", key);
            cmd.Parameters.AddWithValue("$limit", count);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        });
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ReadPictureUnits(string kind, IReadOnlyCollection<string> ids, IReadOnlyCollection<string> documents)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(documents);
        return Guarded<IReadOnlyDictionary<string, IReadOnlyList<string>>>(() =>
        {
            var units = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            using var tx = _connection.BeginTransaction(deferred: true);
            using var cmd = _connection.CreateCommand();
            cmd.Transaction = tx;

            // Through picture_units_doc (kind, id, doc_id): what an item holds in one document, never the whole item.
            var wanted = documents.Distinct(StringComparer.Ordinal).ToList();
            if (wanted.Count == 0)
            {
                return units;
            }

            cmd.CommandText = "SELECT unit FROM picture_units WHERE kind = $kind AND id = $id AND doc_id IN ("
                + string.Join(", ", wanted.Select((_, i) => "$d" + i.ToString(CultureInfo.InvariantCulture))) + ")";
            cmd.Parameters.AddWithValue("$kind", kind);
            var idParameter = cmd.Parameters.Add("$id", SqliteType.Text);
            for (var i = 0; i < wanted.Count; i++)
            {
                cmd.Parameters.AddWithValue("$d" + i.ToString(CultureInfo.InvariantCulture), wanted[i]);
            }
            foreach (var id in ids.Distinct(StringComparer.Ordinal))
            {
                idParameter.Value = id;
                var list = new List<string>();
                using (var reader = cmd.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        list.Add(reader.GetString(0));
                    }
                }

                if (list.Count > 0)
                {
                    units[id] = list;
                }
            }

            tx.Commit();
            return units;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredPictureItem> ReadPicture(string kind, IReadOnlyCollection<string> ids, int unitLimit)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(ids);
        return Guarded<IReadOnlyList<StoredPictureItem>>(() =>
        {
            using var tx = _connection.BeginTransaction(deferred: true);
            using var cmd = _connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT component, json, units FROM picture_items WHERE kind = $kind AND id = $id";
            cmd.Parameters.AddWithValue("$kind", kind);
            var idParameter = cmd.Parameters.Add("$id", SqliteType.Text);
            var items = new List<StoredPictureItem>();
            foreach (var id in ids.Distinct(StringComparer.Ordinal))
            {
                idParameter.Value = id;
                string component, json;
                int count;
                using (var reader = cmd.ExecuteReader())
                {
                    if (!reader.Read())
                    {
                        continue;
                    }

                    (component, json, count) = (reader.GetString(0), reader.GetString(1), reader.GetInt32(2));
                }

                items.Add(new StoredPictureItem(component, new PictureItem(id, json, [], ReadUnits(tx, kind, id, unitLimit)), count));
            }

            tx.Commit();
            return items;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredPictureItem> ReadPictureHead(string kind, int limit, int unitLimit)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Guarded<IReadOnlyList<StoredPictureItem>>(() =>
        {
            using var tx = _connection.BeginTransaction(deferred: true);
            var head = new List<(string Id, string Component, string Json, int Units)>();
            using (var cmd = _connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = "SELECT id, component, json, units FROM picture_items WHERE kind = $kind ORDER BY units DESC, id LIMIT $limit";
                cmd.Parameters.AddWithValue("$kind", kind);
                cmd.Parameters.AddWithValue("$limit", limit);
                using var reader = cmd.ExecuteReader();
                while (reader.Read())
                {
                    head.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
                }
            }

            var items = head.Select(h => new StoredPictureItem(h.Component, new PictureItem(h.Id, h.Json, [], ReadUnits(tx, kind, h.Id, unitLimit)), h.Units)).ToList();
            tx.Commit();
            return items;
        });
    }

    /// <inheritdoc />
    public long CountPicture(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Guarded(() => Convert.ToInt64(Scalar(_connection, "SELECT count(*) FROM picture_items WHERE kind = $kind", null, ("$kind", kind)), CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public void WritePicture(IReadOnlyList<PictureWrite> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        InTransaction(statements =>
        {
            foreach (var change in changes)
            {
                // A deleted item shortens the postings of its keys: what was known too common may no longer be.
                if (change.Delete.Count > 0)
                {
                    _commonKeys.Remove(change.Kind);
                }

                foreach (var id in change.Delete)
                {
                    statements.Execute("DELETE FROM picture_items WHERE kind = $kind AND id = $id", ("$kind", change.Kind), ("$id", id));
                    statements.Execute("DELETE FROM picture_keys WHERE kind = $kind AND id = $id", ("$kind", change.Kind), ("$id", id));
                    statements.Execute("DELETE FROM picture_units WHERE kind = $kind AND id = $id", ("$kind", change.Kind), ("$id", id));
                }

                foreach (var (id, documents) in change.Trim)
                {
                    var removed = 0;
                    foreach (var document in documents)
                    {
                        removed += statements.Execute("DELETE FROM picture_units WHERE kind = $kind AND id = $id AND doc_id = $doc", ("$kind", change.Kind), ("$id", id), ("$doc", document));
                    }

                    Count(statements, change.Kind, id, -removed);
                }

                foreach (var item in change.Upsert)
                {
                    statements.Execute(
                        "INSERT INTO picture_items (kind, id, component, json) VALUES ($kind, $id, $component, $json) ON CONFLICT (kind, id) DO UPDATE SET component = excluded.component, json = excluded.json",
                        ("$kind", change.Kind),
                        ("$id", item.Id),
                        ("$component", change.Component),
                        ("$json", item.Json));
                    foreach (var key in item.Keys)
                    {
                        statements.Execute("INSERT OR IGNORE INTO picture_keys (kind, key, id) VALUES ($kind, $key, $id)", ("$kind", change.Kind), ("$key", key), ("$id", item.Id));
                    }

                    var added = 0;
                    foreach (var unit in item.Units)
                    {
                        added += statements.Execute(
                            "INSERT OR IGNORE INTO picture_units (kind, id, unit, doc_id) VALUES ($kind, $id, $unit, $doc)",
                            ("$kind", change.Kind),
                            ("$id", item.Id),
                            ("$unit", unit),
                            ("$doc", PictureItem.DocumentOf(unit)));
                    }

                    Count(statements, change.Kind, item.Id, added);
                }
            }

            return changes.Count;
        });
    }

    /// <inheritdoc />
    public void ClearPicture() => InTransaction(statements =>
    {
        _commonKeys.Clear();
        statements.Execute("DELETE FROM picture_items");
        statements.Execute("DELETE FROM picture_keys");
        return statements.Execute("DELETE FROM picture_units");
    });

    // Units are counted as they are added and removed, not recounted: recounting an item of a hundred thousand mentions
    // would make every update that touches it cost as much as the item is large.
    private static void Count(StatementCache statements, string kind, string id, int delta)
    {
        if (delta != 0)
        {
            statements.Execute("UPDATE picture_items SET units = units + $delta WHERE kind = $kind AND id = $id", ("$kind", kind), ("$id", id), ("$delta", delta));
        }
    }

    private List<string> ReadUnits(SqliteTransaction tx, string kind, string id, int limit)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT unit FROM picture_units WHERE kind = $kind AND id = $id ORDER BY rowid DESC LIMIT $limit";
        cmd.Parameters.AddWithValue("$kind", kind);
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$limit", limit);
        using var reader = cmd.ExecuteReader();
        var units = new List<string>();
        while (reader.Read())
        {
            units.Add(reader.GetString(0));
        }

        return units;
    }
}
