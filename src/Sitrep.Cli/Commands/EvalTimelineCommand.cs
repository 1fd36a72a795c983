using System.CommandLine;
using System.Globalization;
using Sitrep.Engine;
using Sitrep.Errors;
using Sitrep.Ingest;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Manifest;
using Sitrep.Pipeline;
using Sitrep.Time.Evaluation;
using Sitrep.Time.Timeline;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval timeline [--gold FILE] [--corpus DIR]</c>: runs the default pipeline over the corpus a hand-made
/// timeline gold was written for and scores the timeline: reports dated right, events spread over several entries,
/// background dates kept apart, undated reports given an invented date. Ends with
/// <c>timeline: dated right P (n/N) duplicates D merged M invented I background B/T</c> (M: pairs of different gold events in one entry).
/// </summary>
internal static class EvalTimelineCommand
{
    public static Command Create()
    {
        var gold = new Option<string>("--gold")
        {
            Description = "Timeline gold file.",
            DefaultValueFactory = _ => Path.Combine("tests", "gold", "timeline", "wagner-2023.json"),
            HelpName = "FILE",
        };
        var corpus = new Option<string?>("--corpus") { Description = "The corpus folder (default: the gold's 'corpus', relative to the current folder).", HelpName = "DIR" };
        var command = new Command("timeline", "Score the corpus timeline against a hand-made gold of dated events.") { gold, corpus };
        command.SetAction(parse =>
        {
            try
            {
                return Run(parse.GetValue(gold)!, parse.GetValue(corpus));
            }
            catch (SitrepException ex)
            {
                return CommandErrors.Report(ex);
            }
        });
        return command;
    }

    private static int Run(string goldPath, string? corpusPath)
    {
        TimelineGold gold;
        try
        {
            gold = TimelineGold.Read(goldPath);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw SitrepErrors.TimelineGoldInvalid.Exception(goldPath, ex.Message);
        }

        var folder = corpusPath ?? gold.Corpus;
        if (!Directory.Exists(folder))
        {
            throw SitrepErrors.TimelineCorpusMissing.Exception(folder);
        }

        var (corpus, notes) = Analyze(folder);
        var entries = corpus.Layers.Find<TimelineLayer>()?.Entries ?? [];
        var documents = corpus.Documents.ToDictionary(d => d.Document.Id, d => (Path.GetFileName(d.Document.Path), d.Document.Text), StringComparer.Ordinal);
        var score = TimelineScorer.Score(gold, entries, documents);
        foreach (var note in notes)
        {
            Console.WriteLine("note: " + note);
        }

        Console.WriteLine($"== {goldPath}: {gold.Events.Count} events, {gold.Events.Sum(e => e.Reports.Count)} reports; timeline of {score.Entries} entries ({score.BackgroundEntries} background, {score.UnplacedEntries} unplaced)");
        foreach (var group in score.Reports.GroupBy(r => r.Verdict).OrderBy(g => g.Key))
        {
            Console.WriteLine($"  {group.Key,-18} {group.Count(),4}");
        }

        foreach (var r in score.Reports.Where(r => r.Verdict is not (TimelineVerdict.Right or TimelineVerdict.KeptApart or TimelineVerdict.KeptRelative)))
        {
            var found = r.Found.Count == 0 ? "no entry" : string.Join(", ", r.Found.Distinct());
            Console.WriteLine($"  {r.Verdict}: {r.Event.Id} ({r.Event.When}) in {r.Report.Doc} [{string.Join(" | ", r.Report.Cues)}]: {found}");
        }

        foreach (var d in score.Duplicates)
        {
            Console.WriteLine($"  duplicate: {d.Event.Id} ({d.Event.When}) is spread over {d.Entries} entries");
        }

        foreach (var m in score.Conflated)
        {
            Console.WriteLine($"  merged: {m.First.Id} and {m.Second.Id} in one entry ({m.Entry})");
        }

        var background = score.Reports.Where(r => r.Event.Background && !r.Report.Undated).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  story events dated right in every report: {score.EventsRight}/{score.StoryEvents}"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"timeline: dated right {score.DatedRight:0.0000} ({score.Reports.Count(r => r.Verdict == TimelineVerdict.Right && !r.Report.Undated)}/{score.StoryReports}) duplicates {score.DuplicateEntries} merged {score.Conflated.Count} invented {score.Invented} background {background.Count(r => r.Verdict == TimelineVerdict.KeptApart)}/{background.Count}"));
        return ExitCodes.Ok;
    }

    private static (Corpus Corpus, List<string> Notes) Analyze(string folder)
    {
        var manifestPath = Path.Combine(folder, "manifest.csv");
        var manifest = File.Exists(manifestPath) ? SourceManifest.Load(manifestPath) : SourceManifest.Empty;
        var notes = new List<string>(manifest.Errors.Select(e => $"{e.Code} {e.Path}: {e.Message}"));
        var scan = InputScanner.Scan([folder], Environment.CurrentDirectory);
        notes.AddRange(scan.Errors.Select(e => $"{e.Code} {e.Path}: {e.Message}"));
        var ingestor = new DocumentIngestor(IngestOptions.Default, manifest);
        var documents = new List<Sitrep.Documents.Document>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var manifestFull = Path.GetFullPath(manifestPath);
        foreach (var file in scan.Files.Where(f => !string.Equals(f.FullPath, manifestFull, StringComparison.Ordinal)).OrderBy(f => f.FullPath, StringComparer.Ordinal))
        {
            var result = ingestor.Ingest(file);
            notes.AddRange(result.Errors.Select(e => $"{e.Code} {e.Path}: {e.Message}"));
            documents.AddRange(result.Documents.Where(d => seen.Add(d.Id)));
        }

        var pipeline = DefaultPipeline.Build();
        var batch = pipeline.AnalyzeBatch(documents);
        notes.AddRange(batch.Errors.Select(e => $"{e.Code} {e.Path}: {e.Message}"));
        var corpus = new Corpus([.. batch.Documents.OrderBy(d => d.Document.Path, StringComparer.Ordinal)]);
        pipeline.AnalyzeCorpus(corpus);
        notes.AddRange(corpus.Errors.Select(e => $"{e.Code} {e.Path}: {e.Message}"));
        return (corpus, notes);
    }
}
