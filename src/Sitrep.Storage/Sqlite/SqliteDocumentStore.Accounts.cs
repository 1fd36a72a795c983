using System.Globalization;

namespace Sitrep.Storage.Sqlite;

/// <summary>Accounts, roles and sign-in attempts (<see cref="IAccountStore"/>), in their own tables (migration 7).</summary>
public sealed partial class SqliteDocumentStore : IAccountStore
{
    /// <inheritdoc />
    public bool AddAccount(StoredAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return InTransaction(statements => statements.Execute(
            "INSERT OR IGNORE INTO accounts (name_key, name, password_hash, stamp, created_at) VALUES ($key, $name, $hash, $stamp, $at)",
            ("$key", IAccountStore.AccountKey(account.Name)),
            ("$name", account.Name.Trim()),
            ("$hash", account.PasswordHash),
            ("$stamp", account.Stamp),
            ("$at", Utc(account.CreatedAt))) > 0);
    }

    /// <inheritdoc />
    /// <remarks>Read on a read connection (<see cref="Read"/>): every team-mode request asks.</remarks>
    public StoredAccount? FindAccount(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Read(
            "SELECT name, password_hash, stamp, created_at FROM accounts WHERE name_key = $key",
            reader => StoredRows.ReadAll(reader, StoredRows.Account),
            ("$key", IAccountStore.AccountKey(name))).FirstOrDefault();
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredAccount> Accounts() =>
        ReadRows("SELECT name, password_hash, stamp, created_at FROM accounts ORDER BY name_key", StoredRows.Account);

    /// <inheritdoc />
    public bool RemoveAccount(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return InTransaction(statements =>
        {
            var key = IAccountStore.AccountKey(name);
            statements.Execute("DELETE FROM account_roles WHERE name_key = $key", ("$key", key));
            return statements.Execute("DELETE FROM accounts WHERE name_key = $key", ("$key", key)) > 0;
        });
    }

    /// <inheritdoc />
    public bool SetPassword(string name, string passwordHash, string stamp)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        ArgumentException.ThrowIfNullOrEmpty(stamp);
        return InTransaction(statements => statements.Execute(
            "UPDATE accounts SET password_hash = $hash, stamp = $stamp WHERE name_key = $key",
            ("$key", IAccountStore.AccountKey(name)),
            ("$hash", passwordHash),
            ("$stamp", stamp)) > 0);
    }

    /// <inheritdoc />
    public bool SetRole(string name, string story, string? role)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrEmpty(story);
        return InTransaction(statements =>
        {
            var key = IAccountStore.AccountKey(name);
            if (statements.Scalar("SELECT 1 FROM accounts WHERE name_key = $key", ("$key", key)) is null)
            {
                return false;
            }

            if (role is null)
            {
                statements.Execute("DELETE FROM account_roles WHERE name_key = $key AND story = $story", ("$key", key), ("$story", story));
            }
            else
            {
                statements.Execute(
                    "INSERT OR REPLACE INTO account_roles (name_key, story, role) VALUES ($key, $story, $role)",
                    ("$key", key),
                    ("$story", story),
                    ("$role", role));
            }

            return true;
        });
    }

    /// <inheritdoc />
    /// <remarks>One account's roles are read on a read connection (<see cref="Read"/>): every team-mode request asks.</remarks>
    public IReadOnlyList<StoredRole> Roles(string? name = null) => name is null
        ? ReadRows("SELECT a.name, r.story, r.role FROM account_roles r JOIN accounts a ON a.name_key = r.name_key ORDER BY r.name_key, r.story", StoredRows.Role)
        : Read("SELECT a.name, r.story, r.role FROM account_roles r JOIN accounts a ON a.name_key = r.name_key WHERE r.name_key = $key ORDER BY r.story", reader => StoredRows.ReadAll(reader, StoredRows.Role), ("$key", IAccountStore.AccountKey(name)));

    /// <inheritdoc />
    public void RecordSignIn(StoredSignIn attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        InTransaction(statements => statements.Execute(
            "INSERT INTO sign_ins (name_key, name, address, at, ok) VALUES ($key, $name, $address, $at, $ok)",
            ("$key", IAccountStore.AccountKey(attempt.Name)),
            ("$name", attempt.Name),
            ("$address", attempt.Address),
            ("$at", Utc(attempt.At)),
            ("$ok", attempt.Succeeded ? 1 : 0)));
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredSignIn> SignIns(string? name, DateTimeOffset since, int limit) => name is null
        ? ReadRows("SELECT name, address, at, ok FROM sign_ins WHERE at >= $since ORDER BY at DESC, id DESC LIMIT $limit", StoredRows.SignIn, ("$since", Utc(since)), ("$limit", limit))
        : ReadRows("SELECT name, address, at, ok FROM sign_ins WHERE name_key = $key AND at >= $since ORDER BY at DESC, id DESC LIMIT $limit", StoredRows.SignIn, ("$key", IAccountStore.AccountKey(name)), ("$since", Utc(since)), ("$limit", limit));

    /// <inheritdoc />
    public int ForgetSignIns(DateTimeOffset before) =>
        InTransaction(statements => statements.Execute("DELETE FROM sign_ins WHERE at < $before", ("$before", Utc(before))));

    // Kept as UTC round-trip text, so that text order is time order.
    private static string Utc(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private List<T> ReadRows<T>(string sql, Func<System.Data.Common.DbDataReader, T> row, params (string Name, object? Value)[] parameters) => Guarded(() =>
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        using var reader = cmd.ExecuteReader();
        return StoredRows.ReadAll(reader, row);
    });
}
