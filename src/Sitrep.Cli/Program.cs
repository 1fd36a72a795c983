using System.CommandLine;
using Sitrep.Cli;
using Sitrep.Cli.Commands;

var root = new RootCommand("Sitrep: a sourced situation picture from conflicting open-source reports.")
{
    AnalyzeCommand.Create(),
    FetchCommand.Create(),
    WatchCommand.Create(),
    SearchCommand.Create(),
    AchCommand.Create(),
    BriefCommand.Create(),
    ServeCommand.Create(),
    UserCommand.Create(),
    EvalCommand.Create(),
    TrainCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync($"sitrep: {error.Message}");
    }

    await Console.Error.WriteLineAsync("Run 'sitrep --help' for usage.");
    return ExitCodes.Usage;
}

return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
