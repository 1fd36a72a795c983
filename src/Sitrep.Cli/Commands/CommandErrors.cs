using Sitrep.Errors;

namespace Sitrep.Cli.Commands;

/// <summary>How every command reports a catalog error: one line on stderr and the exit code its range implies.</summary>
internal static class CommandErrors
{
    /// <summary>Prints the error and returns the exit code it implies (<see cref="ExitCodeOf"/>).</summary>
    public static int Report(SitrepException ex)
    {
        Console.Error.WriteLine($"sitrep: {ex.Message}");
        return ExitCodeOf(ex.ErrorCode);
    }

    /// <summary>
    /// <see cref="ExitCodes.Usage"/> for a wrong command line (an invalid option value), else
    /// <see cref="ExitCodes.Failed"/>: a store that cannot be used or an output folder that cannot be written is a
    /// failure to do the work, not a usage error, although the output folder's code is in the SR5xxx range.
    /// </summary>
    public static int ExitCodeOf(ErrorCode code) =>
        code == SitrepErrors.BadOption ? ExitCodes.Usage : ExitCodes.Failed;

    /// <summary>Prints why a model file given with <c>--model</c> cannot be read and returns <see cref="ExitCodes.Failed"/>.</summary>
    public static int ModelUnreadable(InvalidDataException ex)
    {
        Console.Error.WriteLine($"sitrep: the model cannot be read: {ex.Message}");
        return ExitCodes.Failed;
    }
}
