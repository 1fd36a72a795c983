using System.CommandLine;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep train ...</c>: reproduce a shipped model from public training data.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train a model from public training data and write the model file.");
        foreach (var sub in Subcommands())
        {
            command.Add(sub);
        }

        return command;
    }

    // One line per capability; keep them in issue order.
    private static IEnumerable<Command> Subcommands() =>
    [
        TrainNerCommand.Create(),
        TrainCheckworthyCommand.Create(),
        TrainStanceCommand.Create(),
        TrainNliCommand.Create(),
        TrainEventsCommand.Create(),
        TrainUdCommand.Create(),
    ];
}
