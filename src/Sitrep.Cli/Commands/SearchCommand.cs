using System.CommandLine;
using System.Globalization;
using Sitrep.Errors;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep search "QUERY"</c>: full-text search over stored documents.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "Words to find (all must match); \"a phrase\" in quotes; word* for a prefix; OR between words." };
        var db = CommandOptions.Db();
        var limit = new Option<int>("--limit") { Description = "Most results to show.", DefaultValueFactory = _ => 20 };
        var command = new Command("search", "Search the text of stored documents.") { query, db, limit };
        command.SetAction(parse =>
        {
            try
            {
                var limitValue = parse.GetValue(limit);
                if (limitValue < 1)
                {
                    throw SitrepErrors.BadOption.Exception("--limit", limitValue, "a whole number of at least 1");
                }

                using var store = StoreFactory.Open(parse.GetValue(db)!, StoreCheck.None);
                var hits = store.Search(parse.GetValue(query)!, limitValue);
                if (hits.Count == 0)
                {
                    AnsiConsole.MarkupLine("[grey]No document matches.[/]");
                    return ExitCodes.Ok;
                }

                foreach (var hit in hits)
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{hit.Title ?? hit.Path}[/]  [grey]{hit.Path} ({hit.DocumentId})[/]");
                    AnsiConsole.WriteLine("    " + hit.Snippet.ReplaceLineEndings(" "));
                }

                return ExitCodes.Ok;
            }
            catch (SitrepException ex)
            {
                return CommandErrors.Report(ex);
            }
        });
        return command;
    }
}
