using System.Globalization;
using Npgsql;
using Sitrep.Pipeline;

namespace Sitrep.Storage.Postgres;

/// <summary>
/// The stored picture (<see cref="IPictureStore"/>), in its own tables (migration 6), with the SQLite store's behaviour:
/// the same answers to the same calls. Every call is one transaction and its statements take arrays (<c>unnest</c>,
/// <c>= ANY</c>) rather than one statement per key, id or unit, so a lookup or a write costs a round trip or two however
/// many keys, items and units it carries.
/// </summary>
/// <remarks>
/// Unlike the SQLite store, no key found too common is remembered between calls: several processes (a team's
/// <c>serve</c>, a cluster's silos) write one database, so such a cache could miss a deletion made elsewhere, and a
/// posting is read at most <c>maxPosting + 1</c> entries deep anyway. An item's "latest" units are those inserted last
/// (<c>picture_units.seq</c>, as SQLite's rowid).
/// </remarks>
public sealed partial class PostgresDocumentStore : IPictureStore
{
    // Each distinct key's posting, at most maxPosting + 1 entries deep (one more than a caller pairs on, so that a key
    // over the bound is told from one at it) through the (kind, key, id) primary key: a key held by every item of a large
    // story is not read whole to be found too common.
    private const string PostingsSql = """
        SELECT q.key, p.id
        FROM unnest($2::text[]) AS q(key)
        CROSS JOIN LATERAL (SELECT id FROM picture_keys WHERE kind = $1 AND key = q.key LIMIT $3) p
        """;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, int> FindPictureIds(string kind, IReadOnlyCollection<string> keys, int maxPosting)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(keys);
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ids in Postings(kind, keys, maxPosting).Values)
        {
            foreach (var id in ids)
            {
                shared[id] = shared.GetValueOrDefault(id) + 1;
            }
        }

        return shared;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FindPicturePostings(string kind, IReadOnlyCollection<string> keys, int maxPosting)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(keys);
        return Postings(kind, keys, maxPosting).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>The postings of the distinct <paramref name="keys"/> in one query, those over the bound or empty left out.</summary>
    private Dictionary<string, List<string>> Postings(string kind, IReadOnlyCollection<string> keys, int maxPosting)
    {
        var distinct = Texts(keys.Distinct(StringComparer.Ordinal));
        var postings = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (distinct.Length == 0 || maxPosting < 0)
        {
            return postings;
        }

        Guarded(connection =>
        {
            using var cmd = Command(connection, null, PostingsSql, kind, distinct, (long)maxPosting + 1);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var key = reader.GetString(0);
                if (!postings.TryGetValue(key, out var ids))
                {
                    postings[key] = ids = [];
                }

                ids.Add(reader.GetString(1));
            }

            return postings.Count;
        });

        foreach (var key in postings.Where(p => p.Value.Count > maxPosting).Select(p => p.Key).ToList())
        {
            postings.Remove(key);
        }

        return postings;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ReadPictureUnits(string kind, IReadOnlyCollection<string> ids, IReadOnlyCollection<string> documents)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(documents);
        var units = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var wantedIds = Texts(ids.Distinct(StringComparer.Ordinal));
        var wantedDocuments = Texts(documents.Distinct(StringComparer.Ordinal));
        if (wantedIds.Length == 0 || wantedDocuments.Length == 0)
        {
            return units;
        }

        // Through picture_units_doc (kind, id, doc_id): what an item holds in these documents, never the whole item.
        return Guarded<IReadOnlyDictionary<string, IReadOnlyList<string>>>(connection =>
        {
            using var cmd = Command(
                connection,
                null,
                "SELECT id, unit FROM picture_units WHERE kind = $1 AND id = ANY($2) AND doc_id = ANY($3) ORDER BY id COLLATE \"C\", seq",
                kind,
                wantedIds,
                wantedDocuments);
            using var reader = cmd.ExecuteReader();
            var byItem = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (!byItem.TryGetValue(id, out var list))
                {
                    byItem[id] = list = [];
                }

                list.Add(reader.GetString(1));
            }

            foreach (var (id, list) in byItem)
            {
                units[id] = list;
            }

            return units;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredPictureItem> ReadPicture(string kind, IReadOnlyCollection<string> ids, int unitLimit)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = Texts(ids.Distinct(StringComparer.Ordinal));
        if (wanted.Length == 0)
        {
            return [];
        }

        return Guarded<IReadOnlyList<StoredPictureItem>>(connection =>
        {
            // One snapshot: the items and their units as of one commit, even while a writer commits.
            using var tx = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
            var rows = new Dictionary<string, (string Component, string Json, int Units)>(StringComparer.Ordinal);
            using (var cmd = Command(connection, tx, "SELECT id, component, json, units FROM picture_items WHERE kind = $1 AND id = ANY($2)", kind, wanted))
            using (var reader = cmd.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2), reader.GetInt32(3));
                }
            }

            var units = LatestUnits(connection, tx, kind, [.. wanted.Where(rows.ContainsKey)], unitLimit);
            tx.Commit();

            // In the order asked, as the SQLite store answers.
            return [.. wanted.Where(rows.ContainsKey).Select(id => new StoredPictureItem(
                rows[id].Component,
                new PictureItem(id, rows[id].Json, [], units.GetValueOrDefault(id) ?? []),
                rows[id].Units))];
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredPictureItem> ReadPictureHead(string kind, int limit, int unitLimit)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Guarded<IReadOnlyList<StoredPictureItem>>(connection =>
        {
            using var tx = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
            var head = new List<(string Id, string Component, string Json, int Units)>();

            // Ids compared byte by byte (COLLATE "C"), as SQLite compares text, so both stores order a tie alike.
            using (var cmd = Command(connection, tx, "SELECT id, component, json, units FROM picture_items WHERE kind = $1 ORDER BY units DESC, id COLLATE \"C\" LIMIT $2", kind, (long)Math.Max(0, limit)))
            using (var reader = cmd.ExecuteReader())
            {
                while (reader.Read())
                {
                    head.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
                }
            }

            var units = LatestUnits(connection, tx, kind, [.. head.Select(h => h.Id)], unitLimit);
            tx.Commit();
            return [.. head.Select(h => new StoredPictureItem(h.Component, new PictureItem(h.Id, h.Json, [], units.GetValueOrDefault(h.Id) ?? []), h.Units))];
        });
    }

    /// <inheritdoc />
    public long CountPicture(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Guarded(connection => Convert.ToInt64(Scalar(connection, null, "SELECT count(*) FROM picture_items WHERE kind = $1", kind), CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    /// <remarks>
    /// The changes go to the server as one batch of set-based statements in the writers' transaction, in the order the
    /// contract applies them (per change: deletes, trims, upserts). An item upserted twice in one change is written as
    /// the SQLite store's statement-per-item writes leave it: the last JSON, the keys and units of both.
    /// </remarks>
    public void WritePicture(IReadOnlyList<PictureWrite> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        InTransaction((connection, tx) =>
        {
            using var statements = new NpgsqlBatch(connection, tx) { Timeout = 600 };
            foreach (var change in changes)
            {
                if (change.Delete.Count > 0)
                {
                    var ids = Texts(change.Delete.Distinct(StringComparer.Ordinal));
                    Add(statements, "DELETE FROM picture_items WHERE kind = $1 AND id = ANY($2)", change.Kind, ids);
                    Add(statements, "DELETE FROM picture_keys WHERE kind = $1 AND id = ANY($2)", change.Kind, ids);
                    Add(statements, "DELETE FROM picture_units WHERE kind = $1 AND id = ANY($2)", change.Kind, ids);
                }

                if (change.Trim.Count > 0)
                {
                    var pairs = change.Trim.SelectMany(t => t.Documents.Select(d => (t.Id, Document: d))).ToList();
                    Add(
                        statements,
                        """
                        WITH gone AS (
                            DELETE FROM picture_units p USING unnest($2::text[], $3::text[]) AS t(id, doc)
                            WHERE p.kind = $1 AND p.id = t.id AND p.doc_id = t.doc
                            RETURNING p.id)
                        UPDATE picture_items i SET units = i.units - g.n
                        FROM (SELECT id, count(*) AS n FROM gone GROUP BY id) g
                        WHERE i.kind = $1 AND i.id = g.id
                        """,
                        change.Kind,
                        Texts(pairs.Select(p => p.Id)),
                        Texts(pairs.Select(p => p.Document)));
                }

                if (change.Upsert.Count > 0)
                {
                    AddUpserts(statements, change);
                }
            }

            if (statements.BatchCommands.Count > 0)
            {
                statements.ExecuteNonQuery();
            }

            return changes.Count;
        });
    }

    /// <inheritdoc />
    public void ClearPicture() => InTransaction((connection, tx) =>
        Execute(connection, tx, "DELETE FROM picture_items; DELETE FROM picture_keys; DELETE FROM picture_units"));

    private static void AddUpserts(NpgsqlBatch statements, PictureWrite change)
    {
        // One row per item (the last JSON, keys and units in the order first given), since one INSERT … ON CONFLICT DO
        // UPDATE may not touch a row twice.
        var order = new List<string>();
        var json = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new List<(string Id, string Key)>();
        var units = new List<(string Id, string Unit)>();
        foreach (var item in change.Upsert)
        {
            if (!json.ContainsKey(item.Id))
            {
                order.Add(item.Id);
            }

            json[item.Id] = item.Json;
            keys.AddRange(item.Keys.Select(k => (item.Id, k)));
            units.AddRange(item.Units.Select(u => (item.Id, u)));
        }

        Add(
            statements,
            """
            INSERT INTO picture_items (kind, id, component, json)
            SELECT $1, u.id, $2, u.json FROM unnest($3::text[], $4::text[]) AS u(id, json)
            ON CONFLICT (kind, id) DO UPDATE SET component = excluded.component, json = excluded.json
            """,
            change.Kind,
            change.Component,
            Texts(order),
            Texts(order.Select(id => json[id])));
        if (keys.Count > 0)
        {
            Add(
                statements,
                "INSERT INTO picture_keys (kind, key, id) SELECT $1, k.key, k.id FROM unnest($2::text[], $3::text[]) AS k(key, id) ON CONFLICT DO NOTHING",
                change.Kind,
                Texts(keys.Select(k => k.Key)),
                Texts(keys.Select(k => k.Id)));
        }

        if (units.Count > 0)
        {
            // Units are counted as they are added (a unit stored already is not), not recounted: recounting an item of a
            // hundred thousand mentions would make every update touching it cost as much as the item is large. Inserted
            // in the order given, so the latest read back first are the last written.
            Add(
                statements,
                """
                WITH added AS (
                    INSERT INTO picture_units (kind, id, unit, doc_id)
                    SELECT $1, u.id, u.unit, u.doc FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS u(id, unit, doc, n)
                    ORDER BY u.n
                    ON CONFLICT (kind, id, unit) DO NOTHING
                    RETURNING id)
                UPDATE picture_items i SET units = i.units + a.n
                FROM (SELECT id, count(*) AS n FROM added GROUP BY id) a
                WHERE i.kind = $1 AND i.id = a.id
                """,
                change.Kind,
                Texts(units.Select(u => u.Id)),
                Texts(units.Select(u => u.Unit)),
                Texts(units.Select(u => PictureItem.DocumentOf(u.Unit))));
        }
    }

    /// <summary>The latest <paramref name="limit"/> units of each of <paramref name="ids"/>, latest first, in one query.</summary>
    private static Dictionary<string, List<string>> LatestUnits(NpgsqlConnection connection, NpgsqlTransaction tx, string kind, string[] ids, int limit)
    {
        var units = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (ids.Length == 0 || limit <= 0)
        {
            return units;
        }

        using var cmd = Command(
            connection,
            tx,
            """
            SELECT i.id, u.unit
            FROM unnest($2::text[]) AS i(id)
            CROSS JOIN LATERAL (SELECT unit, seq FROM picture_units WHERE kind = $1 AND id = i.id ORDER BY seq DESC LIMIT $3) u
            ORDER BY i.id, u.seq DESC
            """,
            kind,
            ids,
            (long)limit);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (!units.TryGetValue(id, out var list))
            {
                units[id] = list = [];
            }

            list.Add(reader.GetString(1));
        }

        return units;
    }

    /// <summary>Strings as a <c>text[]</c> parameter holds them (U+0000, which PostgreSQL text refuses, as U+FFFD).</summary>
    private static string[] Texts(IEnumerable<string> values) =>
        [.. values.Select(v => (string)StoredText.Parameter(v))];
}
