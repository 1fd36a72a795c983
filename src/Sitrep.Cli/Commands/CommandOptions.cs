using System.CommandLine;

namespace Sitrep.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommandOptions
{
    public static Option<string> Db() => new("--db")
    {
        Description = "The store: a SQLite file (created when missing), or a PostgreSQL database as postgres://user:pass@host:port/db or Host=…;Database=… (migrated when new).",
        DefaultValueFactory = _ => "sitrep.db",
        HelpName = "FILE|URL",
    };

    public static Option<bool> Full() => new("--full")
    {
        Description = "Write the full evidence (every claim, proposition, entity and document) into brief.json, brief.md and brief.html, instead of the front part, what it cites and a bounded appendix.",
    };

    public static Option<string?> Sources() => new("--sources")
    {
        Description = "CSV of outlets (outlet, reliability A-F, notes, aliases separated by ';', e.g. domain names); remembered in the store and applied to every document of each outlet that the manifest leaves ungraded.",
        HelpName = "FILE",
    };
}
