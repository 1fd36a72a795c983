using System.CommandLine;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval ...</c>: quality measurements on public datasets. Each capability adds one subcommand; every
/// subcommand prints its figures and ends with one summary line (<c>F1: 0.xxxx</c> or similar) that scripts can grep.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Measure quality on a public dataset.");
        foreach (var sub in Subcommands())
        {
            command.Add(sub);
        }

        return command;
    }

    // One line per capability; keep them in issue order.
    private static IEnumerable<Command> Subcommands() =>
    [
        EvalExtractCommand.Create(),
        EvalNerCommand.Create(),
        EvalTimexCommand.Create(),
        EvalClaimsCommand.Create(),
        EvalFramesCommand.Create(),
        EvalCheckworthyCommand.Create(),
        EvalFnc1Command.Create(),
        EvalRumourEvalCommand.Create(),
        EvalDisputesCommand.Create(),
        EvalTimelineCommand.Create(),
        EvalNliCommand.Create(),
        EvalAchCommand.Create(),
        EvalEventsCommand.Create(),
        EvalUdCommand.Create(),
        EvalCorefCommand.Create(),
    ];
}
