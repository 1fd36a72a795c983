using System.CommandLine;
using System.Globalization;
using Sitrep.Engine;
using Sitrep.Errors;
using Sitrep.Ingest;
using Sitrep.Ingest.Fetch;
using Sitrep.Ingest.Manifest;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep fetch URL... [--db FILE]</c>: fetches web pages, keeps each raw snapshot (with its fetch time and final
/// address) in the store, and stores the documents read from them so that <c>search</c> finds them; <c>analyze</c>
/// analyses them.
/// </summary>
internal static class FetchCommand
{
    public static Command Create()
    {
        var urls = new Argument<string[]>("urls") { Description = "Web addresses (http:// or https://).", Arity = ArgumentArity.OneOrMore };
        var db = CommandOptions.Db();
        var maxBytes = new Option<long>("--max-bytes")
        {
            Description = "Stop and refuse an answer larger than this many bytes.",
            DefaultValueFactory = _ => IngestOptions.DefaultMaxBytes,
        };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds allowed for one attempt (connecting and the whole body).",
            DefaultValueFactory = _ => FetchOptions.Default.AttemptTimeout.TotalSeconds,
        };
        var retries = new Option<int>("--retries")
        {
            Description = "Retries, with exponential back-off, after a network error, a timeout, or HTTP 408, 429 or 5xx.",
            DefaultValueFactory = _ => FetchOptions.Default.MaxRetries,
        };
        var sources = CommandOptions.Sources();
        var command = new Command("fetch", "Fetch web pages and keep their snapshots in the store (robots.txt honoured).") { urls, db, maxBytes, timeout, retries, sources };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(urls)!,
            parse.GetValue(db)!,
            parse.GetValue(maxBytes),
            parse.GetValue(timeout),
            parse.GetValue(retries),
            parse.GetValue(sources),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] urls, string db, long maxBytes, double timeout, int retries, string? sourcesPath, CancellationToken cancellationToken)
    {
        try
        {
            if (maxBytes < 1)
            {
                throw SitrepErrors.BadOption.Exception("--max-bytes", maxBytes, "a positive number of bytes");
            }

            if (!(timeout > 0) || timeout > 3600)
            {
                throw SitrepErrors.BadOption.Exception("--timeout", timeout, "a number of seconds above 0 and at most 3600");
            }

            if (retries is < 0 or > 10)
            {
                throw SitrepErrors.BadOption.Exception("--retries", retries, "a whole number from 0 to 10");
            }

            var options = FetchOptions.Default with
            {
                MaxBytes = maxBytes,
                AttemptTimeout = TimeSpan.FromSeconds(timeout),
                TotalTimeout = TimeSpan.FromSeconds(Math.Max(timeout * (retries + 1) * 2, FetchOptions.Default.TotalTimeout.TotalSeconds)),
                MaxRetries = retries,
            };
            using var store = StoreFactory.Open(db);
            var outlets = SourceSettings.Load(store, sourcesPath);
            var fetched = await WebInputs.FetchAsync(urls, options, store, parallel: 4, cancellationToken).ConfigureAwait(false);
            var ingestor = new DocumentIngestor(IngestOptions.Default with { MaxBytes = maxBytes }, SourceManifest.Empty) { Outlets = outlets };
            var documents = new List<StoredDocument>();
            var errors = new List<SitrepError>([.. outlets.Errors, .. fetched.Errors]);
            foreach (var snapshot in fetched.Snapshots)
            {
                var read = FetchedPages.Read(ingestor, snapshot);
                errors.AddRange(read.Errors);
                documents.AddRange(read.Documents.Select(d => new StoredDocument(d, [])));
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"fetched {snapshot.RequestedUrl} -> {snapshot.FinalUrl} (HTTP {snapshot.Status}, {snapshot.ContentType ?? "no content type"}, {snapshot.Bytes.Length:N0} bytes, {read.Documents.Count} document(s))"));
            }

            var saved = store.Save(documents);
            foreach (var error in errors)
            {
                var level = error.Severity == ErrorSeverity.Error ? "error" : "warning";
                await Console.Error.WriteLineAsync($"{level} {error.Code} {error.Path}: {error.Message}").ConfigureAwait(false);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Fetched {fetched.Snapshots.Count} of {urls.Length} addresses; {saved.Inserted} new documents in {db}."));
            if (fetched.Snapshots.Count == 0)
            {
                return ExitCodes.Failed;
            }

            return errors.Any(e => e.Severity == ErrorSeverity.Error) ? ExitCodes.Partial : ExitCodes.Ok;
        }
        catch (SitrepException ex)
        {
            return CommandErrors.Report(ex);
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("sitrep: cancelled.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
    }
}
