using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sitrep.Brief.Building;
using Sitrep.Brief.Model;
using Sitrep.Brief.Rendering;
using Sitrep.Errors;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep brief [--db FILE] [--out DIR] [--format md|html|json] [--since TIME] [--full]</c>: renders the brief the
/// last analysis stored again, without re-analysing any document; with <c>--since</c>, the Changed section (and the
/// lines printed) list what was reported after that time; with <c>--full</c>, the files carry the full evidence instead
/// of a bounded appendix.
/// </summary>
internal static class BriefCommand
{
    private static readonly string[] Formats = ["md", "html", "json"];

    public static Command Create()
    {
        var db = CommandOptions.Db();
        var output = new Option<string>("--out") { Description = "Folder for the brief files.", DefaultValueFactory = _ => "out", HelpName = "DIR" };
        var format = new Option<string?>("--format") { Description = "Write only this format: md, html or json (default: all three).", HelpName = "md|html|json" };
        var since = new Option<string?>("--since") { Description = "List what changed since this time (ISO 8601, e.g. 2023-06-26 or 2023-06-26T12:00+03:00).", HelpName = "TIME" };
        var full = CommandOptions.Full();
        var command = new Command("brief", "Render the stored brief again (no re-analysis), in one format or with what changed since a time.") { db, output, format, since, full };
        command.SetAction(parse =>
        {
            try
            {
                var formats = ParseFormats(parse.GetValue(format));
                var from = Since(parse.GetValue(since));
                using var store = StoreFactory.Open(parse.GetValue(db)!);
                if (Engine.Story.StoryPicture.BriefIsBehind(store))
                {
                    // Reports were added with the brief deferred (watch, serve): the stored brief is built again from the
                    // stored picture first, so an old brief is never written out as the story's.
                    var run = new Engine.AnalysisRun(Engine.DefaultPipeline.Build(aliases: Engine.EntityAliasSettings.Load(store, null), ach: AchOptionsFromFiles.Load(store, null, null, suggest: true)), store);
                    run.StoryBrief();
                }

                var json = store.GetSetting(BriefSnapshot.Key);
                if (json is null)
                {
                    Console.Error.WriteLine("sitrep: the store holds no brief yet; run 'sitrep analyze' first.");
                    return ExitCodes.Failed;
                }

                BriefReport stored;
                try
                {
                    stored = BriefSnapshot.FromJson(json);
                }
                catch (JsonException ex)
                {
                    Console.Error.WriteLine($"sitrep: the stored brief cannot be read ({ex.Message}); run 'sitrep analyze' again.");
                    return ExitCodes.Failed;
                }

                var texts = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var doc in stored.Documents)
                {
                    if (store.Find(doc.Id) is { } found)
                    {
                        texts[doc.Id] = found.Text;
                    }
                }

                var report = FrontPartBuilder.Build(stored, texts, from);
                if (!parse.GetValue(full))
                {
                    report = BriefBounds.Apply(report, BriefLimits.Default);
                }

                var context = new BriefContext(report, texts);
                var outDir = parse.GetValue(output)!;
                var renderers = BriefRenderers.All.Where(r => formats.Contains(Path.GetExtension(r.FileName).TrimStart('.'))).ToList();
                IReadOnlyList<string> written;
                try
                {
                    written = OutputFileSet.Write(outDir, [.. renderers.Select(r => new OutputFile(r.FileName, w => r.Render(context, w)))]);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw SitrepErrors.OutputUnwritable.Exception(outDir, ex.Message);
                }

                if (from is { } t)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Changed since {t:yyyy-MM-dd HH:mm zzz}: {report.Status.Changed.Count}"));
                    foreach (var item in report.Status.Changed)
                    {
                        Console.WriteLine($"- {item.When ?? "undated"}: {item.Text}");
                    }
                }

                Console.WriteLine($"Wrote {string.Join(", ", written)}.");
                return ReportMissing(texts, stored) ? ExitCodes.Partial : ExitCodes.Ok;
            }
            catch (SitrepException ex)
            {
                return CommandErrors.Report(ex);
            }
        });
        return command;

        static bool ReportMissing(Dictionary<string, string> texts, BriefReport report)
        {
            var gone = report.Documents.Count(d => !texts.ContainsKey(d.Id));
            if (gone > 0)
            {
                Console.Error.WriteLine($"sitrep: {gone} documents of the stored brief are no longer in the store; their citations show no excerpt.");
            }

            return gone > 0;
        }
    }

    private static string[] ParseFormats(string? format) =>
        format is null ? Formats
        : Formats.Contains(format.ToLowerInvariant()) ? [format.ToLowerInvariant()]
        : throw SitrepErrors.BadOption.Exception("--format", format, "md, html or json");

    private static DateTimeOffset? Since(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw SitrepErrors.BadOption.Exception("--since", text, "an ISO 8601 time such as 2023-06-26 or 2023-06-26T12:00+03:00");
    }
}
