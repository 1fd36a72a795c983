using System.CommandLine;
using System.Globalization;
using System.Text;
using Sitrep.Errors;
using Sitrep.Storage;
using Sitrep.Web.Accounts;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep user add|remove|role|password|list</c>: the accounts that sign in to <c>sitrep serve</c> in team mode, kept
/// in the story's store. A password is read from <c>--password-file</c> or standard input (its first line; asked twice,
/// unechoed, at a terminal), never from the command line, where other users and the shell history could read it.
/// </summary>
internal static class UserCommand
{
    public static Command Create()
    {
        var command = new Command("user", "Manage the accounts that sign in to 'sitrep serve' in team mode (kept in the store; any account turns team mode on).")
        {
            Add(),
            Remove(),
            Role(),
            Password(),
            List(),
        };
        return command;
    }

    private static Argument<string> Name() => new("name") { Description = "The account's name (compared without case)." };

    private static Option<string> Story() => new("--story")
    {
        Description = "The story the role is for: its name as 'sitrep serve --story' gives it (by default the store file's name without extension, or the PostgreSQL database's name); '*' for every story in the store.",
        DefaultValueFactory = _ => AccountRoles.EveryStory,
        HelpName = "STORY",
    };

    private static Option<string?> PasswordFile() => new("--password-file")
    {
        Description = "Read the password from the first line of this file instead of standard input.",
        HelpName = "FILE",
    };

    private static Command Add()
    {
        var name = Name();
        var db = CommandOptions.Db();
        var role = new Option<string>("--role") { Description = "viewer (reads), analyst (also decides and uploads) or admin (also sees sign-ins).", Required = true, HelpName = "ROLE" };
        var story = Story();
        var file = PasswordFile();
        var command = new Command("add", "Add an account with a role; the password comes from --password-file or standard input.") { name, db, role, story, file };
        command.SetAction(parse => Run(() =>
        {
            var who = AccountService.ValidName(parse.GetValue(name));
            var password = ReadPassword(who, parse.GetValue(file));
            using var store = StoreFactory.Open(parse.GetValue(db)!);
            new AccountService(store).Add(who, password, parse.GetValue(role)!, parse.GetValue(story)!);
            Console.WriteLine($"Added '{who}' as {AccountRoles.Parse(parse.GetValue(role))} on {StoryText(parse.GetValue(story)!)} in {StoreFactory.Display(parse.GetValue(db)!)}.");
        }));
        return command;
    }

    private static Command Remove()
    {
        var name = Name();
        var db = CommandOptions.Db();
        var command = new Command("remove", "Remove an account and its roles; its open sessions end at their next request.") { name, db };
        command.SetAction(parse => Run(() =>
        {
            using var store = StoreFactory.Open(parse.GetValue(db)!);
            new AccountService(store).Remove(parse.GetValue(name)!);
            Console.WriteLine($"Removed '{parse.GetValue(name)}'.");
        }));
        return command;
    }

    private static Command Role()
    {
        var name = Name();
        var db = CommandOptions.Db();
        var role = new Option<string>("--role") { Description = "viewer, analyst, admin, or none to take the account's role on the story away.", Required = true, HelpName = "ROLE" };
        var story = Story();
        var command = new Command("role", "Set an account's role on a story (applies at the account's next request).") { name, db, role, story };
        command.SetAction(parse => Run(() =>
        {
            using var store = StoreFactory.Open(parse.GetValue(db)!);
            new AccountService(store).SetRole(parse.GetValue(name)!, parse.GetValue(role)!, parse.GetValue(story)!);
            var given = AccountRoles.Parse(parse.GetValue(role));
            Console.WriteLine(given is null
                ? $"'{parse.GetValue(name)}' has no role on {StoryText(parse.GetValue(story)!)} any more."
                : $"'{parse.GetValue(name)}' is {given} on {StoryText(parse.GetValue(story)!)}.");
        }));
        return command;
    }

    private static Command Password()
    {
        var name = Name();
        var db = CommandOptions.Db();
        var file = PasswordFile();
        var command = new Command("password", "Set a new password (from --password-file or standard input); the account's open sessions end.") { name, db, file };
        command.SetAction(parse => Run(() =>
        {
            var who = parse.GetValue(name)!;
            var password = ReadPassword(who, parse.GetValue(file));
            using var store = StoreFactory.Open(parse.GetValue(db)!);
            new AccountService(store).SetPassword(who, password);
            Console.WriteLine($"Set a new password for '{who}'.");
        }));
        return command;
    }

    private static Command List()
    {
        var db = CommandOptions.Db();
        var command = new Command("list", "List the accounts, their roles per story and when each was added.") { db };
        command.SetAction(parse => Run(() =>
        {
            using var store = StoreFactory.Open(parse.GetValue(db)!, Storage.Sqlite.StoreCheck.None);
            var accounts = new AccountService(store).List();
            if (accounts.Count == 0)
            {
                Console.WriteLine("No accounts: 'sitrep serve' runs as the local single-user workbench.");
                return;
            }

            foreach (var (account, roles) in accounts)
            {
                var given = roles.Count == 0 ? "no role" : string.Join(", ", roles.Select(r => $"{r.Role} on {StoryText(r.Story)}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{account.Name}\t{given}\tadded {account.CreatedAt.ToUniversalTime():yyyy-MM-dd HH:mm} UTC"));
            }
        }));
        return command;
    }

    private static string StoryText(string story) => story == AccountRoles.EveryStory ? "every story" : $"story '{story}'";

    private static int Run(Action action)
    {
        try
        {
            action();
            return ExitCodes.Ok;
        }
        catch (SitrepException ex)
        {
            return CommandErrors.Report(ex);
        }
    }

    /// <summary>The password: the first line of the file, or of standard input; asked twice, unechoed, at a terminal.</summary>
    private static string ReadPassword(string name, string? file)
    {
        if (file is not null)
        {
            try
            {
                return FirstLine(File.ReadAllText(file));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw SitrepErrors.PasswordInvalid.Exception(name, $"the file '{file}' cannot be read ({ex.Message})");
            }
        }

        if (Console.IsInputRedirected)
        {
            return FirstLine(Console.In.ReadLine() ?? string.Empty);
        }

        var first = Prompt($"Password for {name}: ");
        AccountService.ValidPassword(name, first);
        if (Prompt("Again: ") != first)
        {
            throw SitrepErrors.PasswordInvalid.Exception(name, "the two entries differ");
        }

        return first;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');

    private static string Prompt(string label)
    {
        Console.Error.Write(label);
        var sb = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (sb.Length > 0)
                {
                    sb.Length--;
                }

                continue;
            }

            if (!char.IsControl(key.KeyChar))
            {
                sb.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return sb.ToString();
    }
}
