using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Sitrep.Errors;
using Sitrep.Storage;

namespace Sitrep.Web.Accounts;

/// <summary>How a password check ended.</summary>
public enum PasswordCheck
{
    /// <summary>No account of that name, or the wrong password (told apart only in the audit, never to the client).</summary>
    Wrong,

    /// <summary>The password is right.</summary>
    Right,
}

/// <summary>
/// Team mode's local accounts over a store: added with a hashed password (ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/>: PBKDF2, a salt per password), removed, given roles per story, listed, and their
/// passwords checked. Shared by <c>sitrep user</c> and the workbench.
/// </summary>
public sealed class AccountService(IAccountStore store)
{
    /// <summary>Fewest characters a password may have.</summary>
    public const int MinPasswordLength = 12;

    /// <summary>Most characters a password may have (hashing a longer one costs the server for nothing).</summary>
    public const int MaxPasswordLength = 512;

    /// <summary>Most characters an account name may have.</summary>
    public const int MaxNameLength = 64;

    private static readonly PasswordHasher<StoredAccount> Hasher = new();

    // Checked against when no account has the name, so that an unknown name costs as much time as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(null!, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    /// <summary>Adds an account with a role on <paramref name="story"/> (<c>*</c> for every story).</summary>
    /// <exception cref="SitrepException">SR5103 for a bad name, SR5104 for a bad password, SR5001 for a bad role, SR5101 when it exists.</exception>
    public StoredAccount Add(string name, string password, string role, string story = AccountRoles.EveryStory)
    {
        var clean = ValidName(name);
        ValidPassword(clean, password);
        var parsed = ValidRole(role, allowNone: false);
        ValidStory(story);
        var account = new StoredAccount(clean, Hasher.HashPassword(null!, password), NewStamp(), DateTimeOffset.UtcNow);
        if (!store.AddAccount(account))
        {
            throw SitrepErrors.AccountExists.Exception(clean);
        }

        store.SetRole(clean, story, parsed);
        return account;
    }

    /// <summary>Removes an account and its roles.</summary>
    /// <exception cref="SitrepException">SR5102 when there is none.</exception>
    public void Remove(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!store.RemoveAccount(name))
        {
            throw Unknown(name);
        }
    }

    /// <summary>Gives an account <paramref name="role"/> on <paramref name="story"/>; <c>none</c> takes its role there away.</summary>
    /// <exception cref="SitrepException">SR5001 for a bad role, SR5102 when there is no such account.</exception>
    public void SetRole(string name, string role, string story = AccountRoles.EveryStory)
    {
        ArgumentNullException.ThrowIfNull(name);
        var parsed = string.Equals(role?.Trim(), "none", StringComparison.OrdinalIgnoreCase) ? null : ValidRole(role, allowNone: true);
        ValidStory(story);
        if (!store.SetRole(name, story, parsed))
        {
            throw Unknown(name);
        }
    }

    /// <summary>Sets a new password, which ends the account's open sessions.</summary>
    /// <exception cref="SitrepException">SR5104 for a bad password, SR5102 when there is no such account.</exception>
    public void SetPassword(string name, string password)
    {
        ArgumentNullException.ThrowIfNull(name);
        ValidPassword(name, password);
        if (!store.SetPassword(name, Hasher.HashPassword(null!, password), NewStamp()))
        {
            throw Unknown(name);
        }
    }

    /// <summary>Every account with its roles, by name.</summary>
    public IReadOnlyList<(StoredAccount Account, IReadOnlyList<StoredRole> Roles)> List()
    {
        var roles = store.Roles().ToLookup(r => IAccountStore.AccountKey(r.Account), StringComparer.Ordinal);
        return [.. store.Accounts().Select(a => (a, (IReadOnlyList<StoredRole>)[.. roles[IAccountStore.AccountKey(a.Name)]]))];
    }

    /// <summary>
    /// Checks a password. Returns the account when it is right; a hash made with older settings is made again with the
    /// current ones (keeping the stamp, so sessions go on).
    /// </summary>
    public (PasswordCheck Check, StoredAccount? Account) Verify(string name, string password)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        var account = name.Length is > 0 and <= MaxNameLength ? store.FindAccount(name) : null;
        if (account is null || password.Length > MaxPasswordLength)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash.Value, password.Length > MaxPasswordLength ? string.Empty : password);
            return (PasswordCheck.Wrong, null);
        }

        switch (Hasher.VerifyHashedPassword(account, account.PasswordHash, password))
        {
            case PasswordVerificationResult.Success:
                return (PasswordCheck.Right, account);
            case PasswordVerificationResult.SuccessRehashNeeded:
                store.SetPassword(account.Name, Hasher.HashPassword(account, password), account.Stamp);
                return (PasswordCheck.Right, account);
            default:
                return (PasswordCheck.Wrong, null);
        }
    }

    /// <summary>A name as kept: trimmed; 1 to 64 characters, no control characters.</summary>
    /// <exception cref="SitrepException">SR5103 naming what is wrong.</exception>
    public static string ValidName(string? name)
    {
        var clean = name?.Trim() ?? string.Empty;
        if (clean.Length == 0 || clean.Length > MaxNameLength)
        {
            throw SitrepErrors.AccountNameInvalid.Exception(clean, $"it must have 1 to {MaxNameLength} characters");
        }

        if (clean.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
        {
            throw SitrepErrors.AccountNameInvalid.Exception(clean.Select(c => char.IsControl(c) ? '?' : c).ToArray().AsSpan().ToString(), "it holds a control or formatting character");
        }

        if (clean == AccountRoles.EveryStory)
        {
            throw SitrepErrors.AccountNameInvalid.Exception(clean, "'*' stands for every story");
        }

        return clean;
    }

    /// <summary>Refuses a password shorter than 12 or longer than 512 characters, or the account's own name.</summary>
    /// <exception cref="SitrepException">SR5104 saying why, never showing the password.</exception>
    public static void ValidPassword(string name, string? password)
    {
        if (password is null || password.Length < MinPasswordLength)
        {
            throw SitrepErrors.PasswordInvalid.Exception(name, $"it must have at least {MinPasswordLength} characters");
        }

        if (password.Length > MaxPasswordLength)
        {
            throw SitrepErrors.PasswordInvalid.Exception(name, $"it may have at most {MaxPasswordLength} characters");
        }

        if (password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            throw SitrepErrors.PasswordInvalid.Exception(name, "it contains the account's name");
        }
    }

    private static string ValidRole(string? role, bool allowNone) =>
        AccountRoles.Parse(role) ?? throw SitrepErrors.BadOption.Exception("--role", role ?? string.Empty, string.Join(", ", AccountRoles.All) + (allowNone ? " or none (to take the role away)" : string.Empty));

    private static void ValidStory(string? story)
    {
        if (string.IsNullOrWhiteSpace(story) || story.Length > 200 || story.Any(char.IsControl))
        {
            throw SitrepErrors.BadOption.Exception("--story", story ?? string.Empty, "a story name of 1 to 200 characters, or * for every story in the store");
        }
    }

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private SitrepException Unknown(string name)
    {
        var names = store.Accounts().Select(a => a.Name).ToList();
        return SitrepErrors.AccountUnknown.Exception(name, names.Count == 0 ? "none" : string.Join(", ", names));
    }
}
