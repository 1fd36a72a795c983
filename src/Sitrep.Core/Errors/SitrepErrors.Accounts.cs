namespace Sitrep.Errors;

/// <summary>Errors of team mode's accounts (SR51xx, in the command-line range: they come from <c>sitrep user</c> and <c>sitrep serve</c>).</summary>
public static partial class SitrepErrors
{
    /// <summary>An account of that name (compared without case) exists.</summary>
    public static readonly ErrorCode AccountExists = new("SR5101", "Account '{0}' already exists; change its role with 'sitrep user role {0} --role ROLE'.");

    /// <summary>No account of that name.</summary>
    public static readonly ErrorCode AccountUnknown = new("SR5102", "No account '{0}'. Accounts: {1}.");

    /// <summary>An account name that cannot be used.</summary>
    public static readonly ErrorCode AccountNameInvalid = new("SR5103", "Account name '{0}' is not valid: {1}.");

    /// <summary>A password that cannot be used.</summary>
    public static readonly ErrorCode PasswordInvalid = new("SR5104", "The password for '{0}' is not valid: {1}.");

    /// <summary>Team mode was asked for, but nobody could sign in.</summary>
    public static readonly ErrorCode TeamWithoutAccounts = new("SR5105", "Team mode needs an account in store '{0}', and it holds none; add one with 'sitrep user add NAME --role admin --db {0}'.");

    /// <summary>An access token was given in team mode.</summary>
    public static readonly ErrorCode TokenInTeamMode = new("SR5106", "An access token cannot be used in team mode (store '{0}' holds accounts, or --team was given): people sign in with their accounts. Remove --token and unset SITREP_TOKEN.");
}
