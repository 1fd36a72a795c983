using System.CommandLine;

namespace Sitrep.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommandOptions
{
    public static Option<string> Db() => new("--db")
    {
        Description = "The store: a SQLite file (created when missing).",
        DefaultValueFactory = _ => "sitrep.db",
        HelpName = "FILE",
    };
}
