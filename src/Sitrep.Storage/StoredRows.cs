using System.Data.Common;
using System.Globalization;

namespace Sitrep.Storage;

/// <summary>
/// The rows both stores read back the same way (decisions, uploads, snapshots, accounts, roles, sign-ins), from the same columns in the same
/// order, whatever the database: one mapping, so the SQLite and PostgreSQL stores cannot drift apart.
/// </summary>
internal static class StoredRows
{
    /// <summary>Every row of <paramref name="reader"/>, each made with <paramref name="row"/>.</summary>
    public static List<T> ReadAll<T>(DbDataReader reader, Func<DbDataReader, T> row)
    {
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    /// <summary>id, kind, subject, value, who, made_at, why.</summary>
    public static StoredDecision Decision(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture),
        NullableString(reader, 6));

    /// <summary>sha256, name, path, received_at, analysed_at.</summary>
    public static StoredUpload Upload(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
        NullableString(reader, 4) is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) : null);

    /// <summary>url, final_url, fetched_at, status, content_type, charset, bytes.</summary>
    public static StoredSnapshot Snapshot(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        reader.GetInt32(3),
        NullableString(reader, 4),
        NullableString(reader, 5),
        reader.GetFieldValue<byte[]>(6));

    /// <summary>name, password_hash, stamp, created_at.</summary>
    public static StoredAccount Account(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture));

    /// <summary>name (of the account), story, role.</summary>
    public static StoredRole Role(DbDataReader reader) => new(reader.GetString(0), reader.GetString(1), reader.GetString(2));

    /// <summary>name, address, at, ok.</summary>
    public static StoredSignIn SignIn(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
        reader.GetBoolean(3));

    /// <summary>The column's text, or null.</summary>
    public static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
