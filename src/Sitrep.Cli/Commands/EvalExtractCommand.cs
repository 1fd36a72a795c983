using System.CommandLine;
using System.Globalization;
using Sitrep.Ingest.Evaluation;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval extract --html DIR --truth FILE [--predictions FILE] [--score FILE]</c>: main-content extraction
/// quality. With a benchmark truth file (<c>articleBody</c> per id) it prints mean shingle precision and recall over
/// pages and F1 from the means; with trafilatura's evaluation data (<c>with</c>/<c>without</c> strings) it prints
/// segment precision, recall and F1. Ends with <c>F1: 0.xxx</c>.
/// </summary>
internal static class EvalExtractCommand
{
    public static Command Create()
    {
        var html = new Option<string>("--html") { Description = "Folder of <id>.html or <id>.html.gz pages.", Required = true, HelpName = "DIR" };
        var truth = new Option<string>("--truth") { Description = "Truth JSON: {id: {articleBody, url}} or trafilatura's {url: {file, with, without}}.", Required = true, HelpName = "FILE" };
        var predictions = new Option<string?>("--predictions") { Description = "Write the extracted bodies here in the benchmark's JSON format.", HelpName = "FILE" };
        var score = new Option<string?>("--score") { Description = "Score this predictions file (from another extractor) instead of running Sitrep.", HelpName = "FILE" };
        var command = new Command("extract", "Main-content extraction from web pages: precision, recall, F1.") { html, truth, predictions, score };
        command.SetAction(parse => Run(parse.GetValue(html)!, parse.GetValue(truth)!, parse.GetValue(predictions), parse.GetValue(score)));
        return command;
    }

    private static int Run(string html, string truthPath, string? predictionsPath, string? scorePath)
    {
        if (!Directory.Exists(html))
        {
            Console.Error.WriteLine($"sitrep: --html '{html}' is not a folder.");
            return ExitCodes.Usage;
        }

        if (!File.Exists(truthPath))
        {
            Console.Error.WriteLine($"sitrep: --truth '{truthPath}' does not exist.");
            return ExitCodes.Usage;
        }

        var truth = ExtractionEvaluator.LoadTruth(truthPath);
        Dictionary<string, string> predictions;
        double seconds = 0;
        var missing = 0;
        if (scorePath is not null)
        {
            predictions = ExtractionEvaluator.LoadPredictions(scorePath);
            missing = truth.Count(t => !predictions.ContainsKey(t.Id));
        }
        else
        {
            (predictions, seconds, missing) = ExtractionEvaluator.Extract(html, truth);
        }

        if (predictionsPath is not null)
        {
            ExtractionEvaluator.WritePredictions(predictionsPath, truth, predictions);
        }

        var result = ExtractionEvaluator.Score(truth, predictions, seconds, missing);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"Pages: {result.Pages} (missing {result.Missing}); metric: {result.Metric}"));
        if (seconds > 0)
        {
            Console.WriteLine(string.Create(c, $"Extraction: {seconds:0.00} s, {result.Pages / seconds:0.0} pages/s"));
        }

        Console.WriteLine(string.Create(c, $"Precision: {result.Precision:0.000}"));
        Console.WriteLine(string.Create(c, $"Recall: {result.Recall:0.000}"));
        Console.WriteLine(string.Create(c, $"F1: {result.F1:0.000}"));
        return result.Pages == 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
