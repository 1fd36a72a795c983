using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Sitrep.Errors;
using Sitrep.Web;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep serve [--db FILE] [--watch DIR] [--urls URLS] [--token TOKEN] [--max-upload N]</c>: the web workbench over
/// the story's store, on loopback unless an access token is set.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var db = CommandOptions.Db();
        var watch = new Option<string?>("--watch") { Description = "A folder whose new and changed files are analysed as they appear.", HelpName = "DIR" };
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';'. Only loopback addresses unless an access token is set.",
            DefaultValueFactory = _ => WorkbenchOptions.DefaultUrls,
            HelpName = "URLS",
        };
        var token = new Option<string?>("--token") { Description = $"Access token asked of every client (or set {WorkbenchOptions.TokenVariable}); needed to listen beyond loopback.", HelpName = "TOKEN" };
        var maxUpload = new Option<long>("--max-upload")
        {
            Description = "Largest upload request, in bytes.",
            DefaultValueFactory = _ => WorkbenchOptions.DefaultMaxUploadBytes,
            HelpName = "N",
        };
        var command = new Command("serve", "Serve the web workbench over the story's store: overview, evidence, documents, sources, timeline, actors, hypotheses, a JSON API, live updates.")
        {
            db, watch, urls, token, maxUpload,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var options = new WorkbenchOptions
                {
                    DbPath = parse.GetValue(db)!,
                    WatchDirectory = parse.GetValue(watch) is { } dir ? Path.GetFullPath(dir) : null,
                    Urls = parse.GetValue(urls)!,
                    Token = parse.GetValue(token) ?? Environment.GetEnvironmentVariable(WorkbenchOptions.TokenVariable),
                    MaxUploadBytes = parse.GetValue(maxUpload),
                };
                using var host = WorkbenchHost.CreateHostBuilder(options).Build();
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"Serving {options.Urls} (store {Storage.StoreFactory.Display(options.DbPath)}{(options.WatchDirectory is null ? string.Empty : ", watching " + options.WatchDirectory)}); Ctrl+C to stop.");
                await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (SitrepException ex)
            {
                return CommandErrors.Report(ex);
            }
            catch (IOException ex)
            {
                // Kestrel could not bind (the address is in use): a failure to serve, said in one line.
                Console.Error.WriteLine($"sitrep: cannot listen on {parse.GetValue(urls)}: {ex.Message}");
                return ExitCodes.Failed;
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Ok;
            }
        });
        return command;
    }
}
