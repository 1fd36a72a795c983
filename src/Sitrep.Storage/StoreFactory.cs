using System.Text.RegularExpressions;
using Sitrep.Storage.Postgres;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Storage;

/// <summary>
/// Opens the store a <c>--db</c> value names: a PostgreSQL connection string (<c>postgres://user:pass@host:port/db</c>
/// or an Npgsql <c>Host=…;Database=…</c> string) opens <see cref="PostgresDocumentStore"/>; anything else is the path of
/// a SQLite file and opens <see cref="SqliteDocumentStore"/>.
/// </summary>
public static partial class StoreFactory
{
    /// <summary>True when <paramref name="db"/> is a PostgreSQL connection string rather than a file path.</summary>
    public static bool IsPostgres(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || KeywordHost().IsMatch(db);
    }

    /// <summary>Opens (creating and migrating when needed) the store <paramref name="db"/> names, after a quick check.</summary>
    /// <param name="db">A PostgreSQL connection string, or a SQLite file's path.</param>
    /// <param name="check">How a SQLite file is checked before anything is written to it (a PostgreSQL server checks itself).</param>
    /// <exception cref="Errors.SitrepException">The store cannot be opened (<c>SR4001</c>…<c>SR4004</c>), as each store documents.</exception>
    public static IStoryStore Open(string db, StoreCheck check = StoreCheck.Quick)
    {
        ArgumentException.ThrowIfNullOrEmpty(db);
        return IsPostgres(db) ? PostgresDocumentStore.Open(db) : SqliteDocumentStore.Open(db, check);
    }

    /// <summary>
    /// The files that belong to the store <paramref name="db"/> names (the SQLite file and its journals, as full paths
    /// under <paramref name="workingDirectory"/>), so a run over a folder does not read its own store; none for a server.
    /// </summary>
    public static IReadOnlyList<string> Files(string db, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (IsPostgres(db))
        {
            return [];
        }

        var path = Path.GetFullPath(db, workingDirectory);
        return [path, path + "-wal", path + "-shm", path + "-journal"];
    }

    /// <summary>How <paramref name="db"/> may be shown: a file's path as given, a server without its password.</summary>
    public static string Display(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return IsPostgres(db) ? PostgresConnection.Display(PostgresConnection.Parse(db)) : db;
    }

    // "Host=…" or "Server=…" as the first keyword or after a ';': how an Npgsql keyword string names its server.
    [GeneratedRegex(@"(^|;)\s*(Host|Server)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeywordHost();
}
