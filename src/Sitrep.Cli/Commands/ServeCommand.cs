using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Sitrep.Errors;
using Sitrep.Web;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep serve [--db FILE] [--watch DIR] [--urls URLS] [--token TOKEN] [--max-upload N] [--team] [--story NAME]
/// [--cluster CONN [--silo-port N] [--gateway-port M] [--silo-address IP]]</c>: the web workbench over the story's store,
/// on loopback unless an access token is set or accounts sign in (team mode); with <c>--cluster</c>, also a silo of the
/// Orleans cluster whose membership and grain state live in that PostgreSQL database.
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
        var team = new Option<bool>("--team") { Description = "Team mode: people sign in with accounts from 'sitrep user' and act by their role. On by itself whenever the store holds an account." };
        var story = new Option<string?>("--story") { Description = "The story's name that roles are given for (default: the store file's name without extension, or the PostgreSQL database's name).", HelpName = "STORY" };
        var cluster = new Option<string?>("--cluster") { Description = "Start a silo of the Orleans cluster whose membership and grain state are kept in this PostgreSQL database (Host=…;Database=…); --db must then be a PostgreSQL store too.", HelpName = "CONN" };
        var siloPort = new Option<int>("--silo-port") { Description = "Port silos talk to each other on (with --cluster).", DefaultValueFactory = _ => Cluster.Hosting.ClusterSettings.DefaultSiloPort, HelpName = "N" };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port cluster clients connect to (with --cluster).", DefaultValueFactory = _ => Cluster.Hosting.ClusterSettings.DefaultGatewayPort, HelpName = "M" };
        var siloAddress = new Option<string>("--silo-address") { Description = "Address other silos reach this one at (with --cluster).", DefaultValueFactory = _ => "127.0.0.1", HelpName = "IP" };
        var command = new Command("serve", "Serve the web workbench over the story's store: overview, evidence, documents, sources, timeline, actors, hypotheses, a JSON API, live updates.")
        {
            db, watch, urls, token, maxUpload, team, story, cluster, siloPort, gatewayPort, siloAddress,
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
                    Team = parse.GetValue(team),
                    Story = parse.GetValue(story),
                };
                options = WorkbenchHost.ResolveTeam(options);
                var builder = WorkbenchHost.CreateHostBuilder(options);
                if (parse.GetValue(cluster) is { } clusterDb)
                {
                    builder = Cluster.Hosting.ClusterServe.Configure(builder, options, clusterDb, parse.GetValue(siloPort), parse.GetValue(gatewayPort), parse.GetValue(siloAddress)!);
                }

                using var host = builder.Build();
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"Serving {options.Urls} (store {Storage.StoreFactory.Display(options.DbPath)}{(options.WatchDirectory is null ? string.Empty : ", watching " + options.WatchDirectory)}{(options.Team ? $", team mode on story '{options.StoryName}'" : string.Empty)}); Ctrl+C to stop.");
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
            catch (Npgsql.NpgsqlException ex)
            {
                Console.Error.WriteLine($"sitrep: cannot reach the cluster's database: {ex.Message}");
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
