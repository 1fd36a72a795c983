using System.Text;

namespace Sitrep.Storage;

/// <summary>
/// What a store keeps for <c>sitrep serve</c> in team mode: local accounts with their password hashes, each account's
/// role per story, and every sign-in attempt (the audit of who came in, and what the lockout counts).
/// </summary>
/// <remarks>
/// The store hashes nothing and decides nothing: the hash is made and checked by the workbench, a role is a word the
/// workbench gives meaning to. Names are compared without case (<see cref="AccountKey"/>) and kept as written.
/// </remarks>
public interface IAccountStore
{
    /// <summary>Adds an account in its own transaction; false, adding nothing, when one of the same name exists.</summary>
    bool AddAccount(StoredAccount account);

    /// <summary>The account named <paramref name="name"/> (compared without case), or null.</summary>
    StoredAccount? FindAccount(string name);

    /// <summary>Every account, by name.</summary>
    IReadOnlyList<StoredAccount> Accounts();

    /// <summary>Removes an account and its roles; false when there is none of that name. Its sign-in attempts stay.</summary>
    bool RemoveAccount(string name);

    /// <summary>Replaces an account's password hash and stamp (which ends its open sessions); false when there is none.</summary>
    bool SetPassword(string name, string passwordHash, string stamp);

    /// <summary>
    /// Gives the account <paramref name="role"/> on <paramref name="story"/>, replacing the role it had there; a null role
    /// takes it away. False when there is no such account.
    /// </summary>
    bool SetRole(string name, string story, string? role);

    /// <summary>Every role, by account and story; only those of the account <paramref name="name"/> when given.</summary>
    IReadOnlyList<StoredRole> Roles(string? name = null);

    /// <summary>Records one sign-in attempt.</summary>
    void RecordSignIn(StoredSignIn attempt);

    /// <summary>
    /// The sign-in attempts made at or after <paramref name="since"/>, newest first, at most <paramref name="limit"/>;
    /// only those for the name <paramref name="name"/> (compared without case) when given.
    /// </summary>
    IReadOnlyList<StoredSignIn> SignIns(string? name, DateTimeOffset since, int limit);

    /// <summary>Forgets the sign-in attempts made before <paramref name="before"/>; returns how many.</summary>
    int ForgetSignIns(DateTimeOffset before);

    /// <summary>The key an account name is compared by: NFKC-normalised, trimmed, upper case (invariant).</summary>
    static string AccountKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().Normalize(NormalizationForm.FormKC).ToUpperInvariant();
    }
}

/// <summary>A local account.</summary>
/// <param name="Name">The name as written when it was added.</param>
/// <param name="PasswordHash">The password hash (the workbench's format; never the password).</param>
/// <param name="Stamp">Changes whenever the password does, so sessions opened before end.</param>
/// <param name="CreatedAt">When it was added.</param>
public sealed record StoredAccount(string Name, string PasswordHash, string Stamp, DateTimeOffset CreatedAt);

/// <summary>An account's role on one story.</summary>
/// <param name="Account">The account's name.</param>
/// <param name="Story">The story, or <c>*</c> for every story in the store.</param>
/// <param name="Role">The role (<c>viewer</c>, <c>analyst</c>, <c>admin</c>).</param>
public sealed record StoredRole(string Account, string Story, string Role);

/// <summary>One sign-in attempt.</summary>
/// <param name="Name">The name given (an account or not).</param>
/// <param name="Address">The client's address.</param>
/// <param name="At">When.</param>
/// <param name="Succeeded">True when the password was right.</param>
public sealed record StoredSignIn(string Name, string Address, DateTimeOffset At, bool Succeeded);
