using System.CommandLine;
using System.Text.Json;
using Sitrep.Corroboration.Stance;
using Sitrep.Corroboration.Training;
using Sitrep.Errors;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval rumoureval --threads DIR --labels FILE [--model FILE] [--predictions FILE]</c>: SDQC stance accuracy,
/// macro-F1 and per-class F1, ending with <c>accuracy: 0.xxxx</c>.
/// </summary>
internal static class EvalRumourEvalCommand
{
    public static Command Create()
    {
        var threads = new Option<string>("--threads") { Description = "Folder searched recursively for thread folders (source-tweet/, replies/, structure.json).", Required = true, HelpName = "DIR" };
        var labels = new Option<string>("--labels") { Description = "JSON object of tweet id to support|deny|query|comment.", Required = true, HelpName = "FILE" };
        var model = new Option<string?>("--model") { Description = "A model file from 'sitrep train stance' instead of the shipped one.", HelpName = "FILE" };
        var predictions = new Option<string?>("--predictions") { Description = "Write a JSON object of tweet id to predicted label.", HelpName = "FILE" };
        var command = new Command("rumoureval", "RumourEval 2017 subtask A stance (support/deny/query/comment): accuracy and macro-F1.") { threads, labels, model, predictions };
        command.SetAction(parse =>
        {
            try
            {
                var data = RumourEvalDataset.Read(parse.GetValue(threads)!, parse.GetValue(labels)!);
                var modelPath = parse.GetValue(model);
                var classifier = modelPath is null ? SdqcStanceClassifier.Default : SdqcStanceClassifier.Load(modelPath);
                var (report, predicted) = SdqcTrainer.Evaluate(classifier, data);
                var predictionsPath = parse.GetValue(predictions);
                if (predictionsPath is not null)
                {
                    var map = predicted.ToDictionary(p => p.Id, p => p.Label, StringComparer.Ordinal);
                    File.WriteAllText(predictionsPath, JsonSerializer.Serialize(map));
                }

                var missing = RumourEvalDataset.ReadLabels(parse.GetValue(labels)!).Count - data.Labelled.Count;
                Console.WriteLine($"model: {classifier.Name}; threads: {data.Threads.Count}" + (missing > 0 ? $"; {missing} labelled tweets not found in any thread (not scored)" : string.Empty));
                Console.WriteLine(report.Report());
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
}
