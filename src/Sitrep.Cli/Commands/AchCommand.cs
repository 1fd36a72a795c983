using System.CommandLine;
using System.Globalization;
using Sitrep.Brief.Building;
using Sitrep.Brief.Model;
using Sitrep.Brief.Rendering;
using Sitrep.Errors;
using Sitrep.Hypotheses;
using Sitrep.Hypotheses.Files;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep ach [--db FILE] [--hypotheses FILE] [--ratings FILE] [--out DIR] [--no-suggest]</c>: re-scores the
/// competing hypotheses from the evidence the last analysis stored, without re-analysing any document. Hypotheses and
/// ratings files given here are remembered in the store, so later runs (and <c>analyze</c>) keep them.
/// </summary>
internal static class AchCommand
{
    public const string HypothesesSetting = "ach.hypotheses";
    public const string RatingsSetting = "ach.ratings";

    public static Command Create()
    {
        var db = CommandOptions.Db();
        var hypotheses = AchOptionsFromFiles.HypothesesOption();
        var ratings = AchOptionsFromFiles.RatingsOption();
        var output = new Option<string>("--out") { Description = "Folder for ach.md, ach.csv and ach.json.", DefaultValueFactory = _ => "out", HelpName = "DIR" };
        var noSuggest = new Option<bool>("--no-suggest") { Description = "Use only the analyst's hypotheses." };
        var command = new Command("ach", "Re-score competing hypotheses against the stored evidence (no re-analysis).") { db, hypotheses, ratings, output, noSuggest };
        command.SetAction(parse =>
        {
            try
            {
                using var store = StoreFactory.Open(parse.GetValue(db)!);
                var snapshotJson = store.GetSetting(AchSnapshot.Key);
                if (snapshotJson is null)
                {
                    Console.Error.WriteLine("sitrep: the store holds no analysis yet; run 'sitrep analyze' first.");
                    return ExitCodes.Failed;
                }

                var snapshot = AchSnapshot.FromJson(snapshotJson);
                AchOptionsFromFiles.Validate(store, snapshot, parse.GetValue(hypotheses), parse.GetValue(ratings));
                AchOptionsFromFiles.Load(store, parse.GetValue(hypotheses), parse.GetValue(ratings), !parse.GetValue(noSuggest));

                // The workbench's hypotheses and ratings (sitrep serve) apply on top of the files, as on re-analysis.
                var options = Web.Decisions.DecisionBook.Read(store, store).Ach(store, !parse.GetValue(noSuggest));
                var (matrix, scores) = snapshot.Analyse(options, Engine.NliAchMeaning.Default);
                var report = new BriefReport
                {
                    Generator = new BriefGenerator("sitrep", Engine.SitrepVersion.Current, ["hypotheses.ach.v1"]),
                    Corpus = new BriefCorpus(0, 0, 0, 0),
                    Hypotheses = HypothesisSection.Map(matrix, scores),
                    Ach = HypothesisSection.MapAch(matrix, scores),
                };
                var outDir = parse.GetValue(output)!;
                try
                {
                    OutputFileSet.Write(
                        outDir,
                        [
                            new OutputFile("ach.csv", w => AchRendering.WriteCsv(report, w)),
                            new OutputFile("ach.md", w => AchRendering.WriteMarkdownStandalone(report, w)),
                            new OutputFile("ach.json", w => w.Write(System.Text.Json.JsonSerializer.Serialize(report, BriefJsonContext.Default.BriefReport))),
                        ]);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw SitrepErrors.OutputUnwritable.Exception(outDir, ex.Message);
                }

                // A ranking that names no hypothesis of the report (none rated, none suggested) leads with none, never a crash.
                var leading = report.Ach!.BayesRanking.Count > 0 && report.Hypotheses.FirstOrDefault(h => h.Id == report.Ach.BayesRanking[0]) is { } top
                    ? string.Create(CultureInfo.InvariantCulture, $"{top.Id} ({top.Estimative}, Heuer #{report.Ach.HeuerRanking.ToList().IndexOf(top.Id) + 1})")
                    : "none";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{matrix.Hypotheses.Count} hypotheses × {matrix.Evidence.Count} rated evidence rows, {matrix.Candidates.Count} candidates. Leading: {leading}. {scores.Discrimination} Wrote {Path.Combine(outDir, "ach.md")}, ach.csv, ach.json."));
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

/// <summary>The --hypotheses and --ratings options, shared by analyze and ach, and their persistence in the store.</summary>
internal static class AchOptionsFromFiles
{
    public static Option<string?> HypothesesOption() => new("--hypotheses")
    {
        Description = "The analyst's hypotheses: a Markdown or YAML list, one hypothesis per item. Remembered in the store.",
        HelpName = "FILE",
    };

    public static Option<string?> RatingsOption() => new("--ratings")
    {
        Description = "ACH rating overrides: CSV evidence,hypothesis,rating[,reason] with rating CC, C, N, I, II or NA. Remembered in the store.",
        HelpName = "FILE",
    };

    /// <summary>Reads the files given now (and remembers them), or what the store remembers from earlier runs.</summary>
    public static AchOptions Load(Storage.IDocumentStore store, string? hypothesesPath, string? ratingsPath, bool suggest)
    {
        if (hypothesesPath is not null)
        {
            store.SetSetting(AchCommand.HypothesesSetting, Read(hypothesesPath));
        }

        if (ratingsPath is not null)
        {
            store.SetSetting(AchCommand.RatingsSetting, Read(ratingsPath));
        }

        var hypotheses = store.GetSetting(AchCommand.HypothesesSetting) is { } text ? AchFiles.ReadHypotheses(text) : [];
        var ratings = store.GetSetting(AchCommand.RatingsSetting) is { } csv ? AchFiles.ReadRatingsText(csv) : new Dictionary<(string, string), Hypotheses.Matrix.Cell>();
        return new AchOptions(hypotheses, ratings, suggest);
    }

    /// <summary>
    /// Refuses a ratings file that names evidence or a hypothesis the stored analysis does not hold (SR3007 naming the
    /// id), before anything is remembered: an id mistyped or left from an older analysis would otherwise be ignored.
    /// </summary>
    public static void Validate(IStoryStore store, AchSnapshot snapshot, string? hypothesesPath, string? ratingsPath)
    {
        if (ratingsPath is null)
        {
            return;
        }

        var hypotheses = (hypothesesPath is not null ? AchFiles.ReadHypotheses(Read(hypothesesPath))
            : store.GetSetting(AchCommand.HypothesesSetting) is { } text ? AchFiles.ReadHypotheses(text) : [])
            .Select(h => h.Id)
            .Concat(snapshot.Suggested.Select(h => h.Id))
            .Concat(Web.Decisions.DecisionBook.Read(store, store).Hypotheses(store, []).Select(h => h.Id))
            .ToHashSet(StringComparer.Ordinal);
        var evidence = snapshot.Evidence.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (e, h) in AchFiles.ReadRatingsText(Read(ratingsPath)).Keys)
        {
            if (!evidence.Contains(e))
            {
                throw SitrepErrors.DecisionUnknownId.Exception(ratingsPath, "evidence", e, Sample(evidence));
            }

            if (!hypotheses.Contains(h))
            {
                throw SitrepErrors.DecisionUnknownId.Exception(ratingsPath, "hypothesis", h, Sample(hypotheses));
            }
        }

        static string Sample(HashSet<string> ids) =>
            ids.Count == 0 ? "none" : string.Join(", ", ids.Order(StringComparer.Ordinal).Take(12)) + (ids.Count > 12 ? ", …" : string.Empty);
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw SitrepErrors.BadOption.Exception("file", path, "a readable file: " + ex.Message);
        }
    }
}
