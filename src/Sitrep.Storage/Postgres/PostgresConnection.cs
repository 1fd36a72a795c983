using System.Globalization;
using Npgsql;
using Sitrep.Errors;

namespace Sitrep.Storage.Postgres;

/// <summary>
/// Reads what <c>--db</c> gives for a PostgreSQL server: a URL (<c>postgres://user:pass@host:port/db?sslmode=require</c>,
/// its parts percent-decoded, its query keys Npgsql keywords) or an Npgsql keyword string (<c>Host=…;Database=…</c>).
/// </summary>
public static class PostgresConnection
{
    /// <summary>The Npgsql connection settings <paramref name="db"/> names.</summary>
    /// <exception cref="SitrepException"><c>SR4001</c> when it cannot be read as either form.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string db)
    {
        ArgumentException.ThrowIfNullOrEmpty(db);
        try
        {
            if (!db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            {
                return new NpgsqlConnectionStringBuilder(db);
            }

            var uri = new Uri(db);
            var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']') };
            if (uri.Port > 0)
            {
                builder.Port = uri.Port;
            }

            if (uri.UserInfo.Length > 0)
            {
                var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
                builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
                if (colon >= 0)
                {
                    builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
                }
            }

            var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            if (database.Length > 0)
            {
                builder.Database = database;
            }

            foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
                builder[key] = equals < 0 ? "true" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            }

            return builder;
        }
        catch (Exception ex) when (ex is ArgumentException or UriFormatException or FormatException or KeyNotFoundException)
        {
            throw SitrepErrors.StoreUnavailable.Exception(Redact(db), "it is neither a postgres:// address nor a Host=… connection string (" + ex.Message + ")");
        }
    }

    /// <summary>The server and database as <c>postgres://user@host:port/db</c>, never with the password.</summary>
    public static string Display(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var user = string.IsNullOrEmpty(builder.Username) ? string.Empty : builder.Username + "@";
        return string.Create(CultureInfo.InvariantCulture, $"postgres://{user}{builder.Host}:{builder.Port}/{builder.Database}");
    }

    // A string that could not be parsed may still hold a password: only what precedes it is shown.
    private static string Redact(string db)
    {
        var at = db.IndexOf("password", StringComparison.OrdinalIgnoreCase);
        var userInfo = db.IndexOf('@', StringComparison.Ordinal);
        var cut = at >= 0 ? at : userInfo >= 0 ? db.IndexOf("://", StringComparison.Ordinal) + 3 : db.Length;
        return db[..Math.Max(0, cut)] + (cut < db.Length ? "…" : string.Empty);
    }
}
