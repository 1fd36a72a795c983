using System.CommandLine;
using System.Globalization;
using System.Text;
using Sitrep.Claims.Worthiness;
using Sitrep.Errors;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval checkworthy --file F [--model FILE] [--predictions OUT]</c>: the check-worthiness model on the
/// development debates of the CheckThat! 2019 training file (the model never trained on them): mean average precision
/// over the debates, pooled average precision, F1, and what the chatter threshold keeps and cuts. Ends with
/// <c>MAP: 0.xxxx  AP: 0.xxxx  F1: 0.xxxx</c>.
/// </summary>
internal static class EvalCheckworthyCommand
{
    public static Command Create()
    {
        var file = new Option<string>("--file") { Description = "CT19-T1-Training.csv (line_number, speaker, text, label, file_name).", Required = true, HelpName = "FILE" };
        var model = new Option<string?>("--model") { Description = "A model file from 'sitrep train checkworthy' instead of the shipped one.", HelpName = "FILE" };
        var predictions = new Option<string?>("--predictions") { Description = "Write debate<TAB>line<TAB>label<TAB>score lines for the development debates.", HelpName = "FILE" };
        var all = new Option<bool>("--all-debates") { Description = "Score every debate, training ones included (not a measurement: the model saw them)." };
        var lines = new Option<string?>("--lines") { Description = "Also print the score of each line of this text file (to read what the model thinks of other text).", HelpName = "FILE" };
        var command = new Command("checkworthy", "Check-worthiness on the CheckThat! 2019 development debates: MAP, AP, F1, chatter threshold.") { file, model, predictions, all, lines };
        command.SetAction(parse =>
        {
            try
            {
                var path = parse.GetValue(file)!;
                if (!File.Exists(path))
                {
                    throw SitrepErrors.NotFound.Exception(path);
                }

                var sentences = CheckThatDataset.Read(path);
                var dev = parse.GetValue(all) ? sentences : CheckThatDataset.Split(sentences).Dev;
                var modelPath = parse.GetValue(model);
                CheckWorthinessModel classifier;
                if (modelPath is null)
                {
                    classifier = CheckWorthinessModel.Default;
                }
                else
                {
                    using var stream = File.OpenRead(modelPath);
                    classifier = CheckWorthinessModel.Load(stream);
                }

                var scores = new List<double>();
                var report = CheckWorthinessTrainer.Evaluate(classifier, dev, scores);
                Console.WriteLine($"debates: {string.Join(", ", dev.Select(s => s.Debate).Distinct(StringComparer.Ordinal))}");
                Print(report, classifier);
                if (parse.GetValue(predictions) is { } outPath)
                {
                    var text = new StringBuilder();
                    for (var i = 0; i < dev.Count; i++)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"{dev[i].Debate}\t{dev[i].Line}\t{(dev[i].CheckWorthy ? 1 : 0)}\t{scores[i]:0.000000}\n");
                    }

                    File.WriteAllText(outPath, text.ToString(), new UTF8Encoding(false));
                }

                if (parse.GetValue(lines) is { } linesPath)
                {
                    foreach (var line in File.ReadLines(linesPath).Where(l => !string.IsNullOrWhiteSpace(l)))
                    {
                        var score = classifier.Score(line);
                        var mark = score < classifier.ChatterThreshold ? "below" : "above";
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{score:0.0000}\t{mark}\t{line}"));
                    }
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MAP: {report.MeanAveragePrecision:0.0000}  AP: {report.AveragePrecision:0.0000}  F1: {report.F1:0.0000}"));
                return ExitCodes.Ok;
            }
            catch (SitrepException ex)
            {
                return CommandErrors.Report(ex);
            }
            catch (InvalidDataException ex)
            {
                return CommandErrors.ModelUnreadable(ex);
            }
        });
        return command;
    }

    /// <summary>Prints a report's figures (shared with <c>train checkworthy</c>).</summary>
    internal static void Print(CheckWorthinessReport report, CheckWorthinessModel model)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sentences: {report.Sentences} ({report.Positives} check-worthy); model: {model.Count} weights, word pairs {(model.Pairs ? "on" : "off")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean average precision over debates: {report.MeanAveragePrecision:0.0000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"average precision, all sentences:   {report.AveragePrecision:0.0000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"F1 at 0.5: {report.F1:0.0000}; best F1 {report.BestF1:0.0000} at {report.BestF1Threshold:0.0000} (for reference)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chatter threshold {model.ChatterThreshold:0.0000}: keeps {report.ChatterRecall:P1} of check-worthy sentences, cuts {report.ChatterCut:P1} of the others"));
    }
}
