namespace Sitrep.Cli;

/// <summary>The exit codes of the <c>sitrep</c> command. Stable: scripts rely on them.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Ok = 0;

    /// <summary>Nothing useful could be done (store unavailable, no input readable, output unwritable).</summary>
    public const int Failed = 1;

    /// <summary>The run completed, but some inputs could not be analysed; see the error entries.</summary>
    public const int Partial = 2;

    /// <summary>The command line is wrong (unknown option, missing argument, invalid value).</summary>
    public const int Usage = 64;

    /// <summary>The run was cancelled (Ctrl+C); everything committed before stays in the store.</summary>
    public const int Cancelled = 130;
}
