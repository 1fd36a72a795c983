using Sitrep.Errors;

namespace Sitrep.Cli.Commands;

/// <summary>How every command reports a catalog error: one line on stderr and the exit code its range implies.</summary>
internal static class CommandErrors
{
    /// <summary>Prints the error and returns <see cref="ExitCodes.Usage"/> for command-line errors (SR5xxx), else <see cref="ExitCodes.Failed"/>.</summary>
    public static int Report(SitrepException ex)
    {
        Console.Error.WriteLine($"sitrep: {ex.Message}");
        return ex.ErrorCode.Code.StartsWith("SR5", StringComparison.Ordinal) ? ExitCodes.Usage : ExitCodes.Failed;
    }

    /// <summary>Prints why a model file given with <c>--model</c> cannot be read and returns <see cref="ExitCodes.Failed"/>.</summary>
    public static int ModelUnreadable(InvalidDataException ex)
    {
        Console.Error.WriteLine($"sitrep: the model cannot be read: {ex.Message}");
        return ExitCodes.Failed;
    }
}
