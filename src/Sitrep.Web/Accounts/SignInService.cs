using Sitrep.Storage;

namespace Sitrep.Web.Accounts;

/// <summary>What a sign-in came to.</summary>
/// <param name="Account">The account, when the password was right.</param>
/// <param name="RetryAfter">When the name is locked: how long until it may try again.</param>
public sealed record SignInOutcome(StoredAccount? Account, TimeSpan? RetryAfter)
{
    /// <summary>True when the password was right.</summary>
    public bool Succeeded => Account is not null;
}

/// <summary>
/// Checks a name and password for the workbench, after the lockout: a name with <see cref="SignInOptions.LockoutFailures"/>
/// failures within <see cref="SignInOptions.LockoutWindow"/> since its last success is refused, without its password
/// being checked, until <see cref="SignInOptions.LockoutDuration"/> after the last failure. Every checked attempt is
/// recorded in the store (the audit, and what the next lockout counts, across every server on the same store).
/// </summary>
/// <remarks>
/// The lockout counts names, not accounts, so it says nothing about which names exist; attempts refused while locked
/// are not counted, so a guesser cannot keep a name locked for longer than one duration past its last real failure.
/// </remarks>
public sealed class SignInService(IAccountStore store, SignInOptions options, TimeProvider clock)
{
    private readonly AccountService _accounts = new(store);
    private long _recorded;

    /// <summary>Checks the password of <paramref name="name"/> given from <paramref name="address"/>.</summary>
    public SignInOutcome SignIn(string name, string password, string address)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(address);
        var now = clock.GetUtcNow();
        var key = name.Trim();
        if (key.Length is 0 or > AccountService.MaxNameLength)
        {
            return new SignInOutcome(null, null);
        }

        if (LockedFor(key, now) is { } wait)
        {
            return new SignInOutcome(null, wait);
        }

        var (check, account) = _accounts.Verify(key, password);
        store.RecordSignIn(new StoredSignIn(account?.Name ?? key, address, now, check == PasswordCheck.Right));
        if (Interlocked.Increment(ref _recorded) % 1000 == 1)
        {
            store.ForgetSignIns(now - options.KeepAttempts);
        }

        return new SignInOutcome(account, null);
    }

    /// <summary>How long <paramref name="name"/> stays locked, or null when it is not.</summary>
    public TimeSpan? LockedFor(string name, DateTimeOffset now)
    {
        // Read far enough back to see a lockout that began a whole window before its last failure.
        var recent = store.SignIns(name, now - options.LockoutWindow - options.LockoutDuration, options.LockoutFailures);
        var failures = recent.TakeWhile(a => !a.Succeeded).ToList();
        if (failures.Count < options.LockoutFailures || failures[0].At - failures[^1].At > options.LockoutWindow)
        {
            return null;
        }

        var until = failures[0].At + options.LockoutDuration;
        return until > now ? until - now : null;
    }
}
