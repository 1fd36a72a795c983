using System.Globalization;

namespace Sitrep.Storage.Postgres;

/// <summary>Accounts, roles and sign-in attempts (<see cref="IAccountStore"/>), in their own tables (migration 4).</summary>
public sealed partial class PostgresDocumentStore
{
    /// <inheritdoc />
    public bool AddAccount(StoredAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return InTransaction((connection, tx) => Execute(
            connection,
            tx,
            "INSERT INTO accounts (name_key, name, password_hash, stamp, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (name_key) DO NOTHING",
            IAccountStore.AccountKey(account.Name),
            account.Name.Trim(),
            account.PasswordHash,
            account.Stamp,
            Utc(account.CreatedAt)) > 0);
    }

    /// <inheritdoc />
    public StoredAccount? FindAccount(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ReadRows("SELECT name, password_hash, stamp, created_at FROM accounts WHERE name_key = $1", StoredRows.Account, IAccountStore.AccountKey(name)).FirstOrDefault();
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredAccount> Accounts() =>
        ReadRows("SELECT name, password_hash, stamp, created_at FROM accounts ORDER BY name_key COLLATE \"C\"", StoredRows.Account);

    /// <inheritdoc />
    public bool RemoveAccount(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = IAccountStore.AccountKey(name);
        return InTransaction((connection, tx) =>
        {
            Execute(connection, tx, "DELETE FROM account_roles WHERE name_key = $1", key);
            return Execute(connection, tx, "DELETE FROM accounts WHERE name_key = $1", key) > 0;
        });
    }

    /// <inheritdoc />
    public bool SetPassword(string name, string passwordHash, string stamp)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        ArgumentException.ThrowIfNullOrEmpty(stamp);
        return InTransaction((connection, tx) => Execute(
            connection,
            tx,
            "UPDATE accounts SET password_hash = $2, stamp = $3 WHERE name_key = $1",
            IAccountStore.AccountKey(name),
            passwordHash,
            stamp) > 0);
    }

    /// <inheritdoc />
    public bool SetRole(string name, string story, string? role)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrEmpty(story);
        var key = IAccountStore.AccountKey(name);
        return InTransaction((connection, tx) =>
        {
            if (Scalar(connection, tx, "SELECT 1 FROM accounts WHERE name_key = $1", key) is null)
            {
                return false;
            }

            if (role is null)
            {
                Execute(connection, tx, "DELETE FROM account_roles WHERE name_key = $1 AND story = $2", key, story);
            }
            else
            {
                Execute(
                    connection,
                    tx,
                    "INSERT INTO account_roles (name_key, story, role) VALUES ($1, $2, $3) ON CONFLICT (name_key, story) DO UPDATE SET role = excluded.role",
                    key,
                    story,
                    role);
            }

            return true;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredRole> Roles(string? name = null) => name is null
        ? ReadRows("SELECT a.name, r.story, r.role FROM account_roles r JOIN accounts a ON a.name_key = r.name_key ORDER BY r.name_key COLLATE \"C\", r.story COLLATE \"C\"", StoredRows.Role)
        : ReadRows("SELECT a.name, r.story, r.role FROM account_roles r JOIN accounts a ON a.name_key = r.name_key WHERE r.name_key = $1 ORDER BY r.story COLLATE \"C\"", StoredRows.Role, IAccountStore.AccountKey(name));

    /// <inheritdoc />
    public void RecordSignIn(StoredSignIn attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);

        // Not under the writers' lock: a sign-in must not wait for an ingest batch. Not sent again after a transient
        // failure either: an attempt recorded twice would count twice towards the lock-out.
        Guarded(
            connection => Execute(
                connection,
                null,
                "INSERT INTO sign_ins (name_key, name, address, at, ok) VALUES ($1, $2, $3, $4, $5)",
                IAccountStore.AccountKey(attempt.Name),
                attempt.Name,
                attempt.Address,
                Utc(attempt.At),
                attempt.Succeeded),
            idempotent: false);
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredSignIn> SignIns(string? name, DateTimeOffset since, int limit) => name is null
        ? ReadRows("SELECT name, address, at, ok FROM sign_ins WHERE at COLLATE \"C\" >= $1 ORDER BY at COLLATE \"C\" DESC, id DESC LIMIT $2", StoredRows.SignIn, Utc(since), limit)
        : ReadRows("SELECT name, address, at, ok FROM sign_ins WHERE name_key = $1 AND at COLLATE \"C\" >= $2 ORDER BY at COLLATE \"C\" DESC, id DESC LIMIT $3", StoredRows.SignIn, IAccountStore.AccountKey(name), Utc(since), limit);

    /// <inheritdoc />
    public int ForgetSignIns(DateTimeOffset before) =>
        Guarded(connection => Execute(connection, null, "DELETE FROM sign_ins WHERE at COLLATE \"C\" < $1", Utc(before)));

    // Kept as UTC round-trip text, so that text order (in the "C" collation) is time order.
    private static string Utc(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private List<T> ReadRows<T>(string sql, Func<System.Data.Common.DbDataReader, T> row, params object?[] values) => Guarded(connection =>
    {
        using var cmd = Command(connection, null, sql, values);
        using var reader = cmd.ExecuteReader();
        return StoredRows.ReadAll(reader, row);
    });
}
