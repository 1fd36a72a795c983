namespace Sitrep.Web.Accounts;

/// <summary>How hard signing in is on a guesser, and how long a session lasts, in team mode.</summary>
public sealed record SignInOptions
{
    /// <summary>Attempts one address may make on one account name per <see cref="Window"/> before it gets 429.</summary>
    public int PermitsPerWindow { get; init; } = 5;

    /// <summary>The rate limiter's window.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed attempts on one account name (from any address, since its last success) that lock it.</summary>
    public int LockoutFailures { get; init; } = 10;

    /// <summary>How far back failures count towards the lockout.</summary>
    public TimeSpan LockoutWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a locked account name refuses every attempt, from its last failure.</summary>
    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A session ends after this long without a request (sliding: each request past half of it renews it).</summary>
    public TimeSpan SessionIdle { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Sign-in attempts older than this are forgotten.</summary>
    public TimeSpan KeepAttempts { get; init; } = TimeSpan.FromDays(90);
}
