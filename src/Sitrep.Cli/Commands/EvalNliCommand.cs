using System.CommandLine;
using System.Globalization;
using System.Text;
using Sitrep.Errors;
using Sitrep.Meaning.Encoding;
using Sitrep.Meaning.Pairs;
using Sitrep.Meaning.Training;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval nli --sick FILE [--model FILE] [--predictions OUT]</c>: 3-way accuracy, per-class P/R/F1 and
/// calibration of the pair classifier on a SICK file, ending with <c>accuracy: 0.xxxx</c>.
/// </summary>
internal static class EvalNliCommand
{
    public static Command Create()
    {
        var sick = new Option<string>("--sick") { Description = "A SICK file (pair_ID, sentence_A, sentence_B, entailment_label, ...), e.g. SICK_TRIAL.txt.", Required = true, HelpName = "FILE" };
        var model = new Option<string?>("--model") { Description = "A model file from 'sitrep train nli' instead of the shipped one.", HelpName = "FILE" };
        var predictions = new Option<string?>("--predictions") { Description = "Write pair_ID<TAB>label lines (ENTAILMENT / CONTRADICTION / NEUTRAL) and a last line 'accuracy: 0.xxxx'.", HelpName = "FILE" };
        var cache = new Option<string?>("--cache") { Description = "A SQLite file keeping the sentence vectors between runs.", HelpName = "FILE" };
        var command = new Command("nli", "Entails / contradicts / neutral on SICK: accuracy, per-class P/R/F1, calibration.") { sick, model, predictions, cache };
        command.SetAction(parse =>
        {
            try
            {
                var path = parse.GetValue(sick)!;
                if (!File.Exists(path))
                {
                    throw SitrepErrors.NotFound.Exception(path);
                }

                var pairs = NliDataset.ReadSick(path);
                var cachePath = parse.GetValue(cache);
                using var store = cachePath is null ? null : SqliteEmbeddingCache.Open(cachePath);
                ISentenceEncoder encoder = store is null ? MiniLmSentenceEncoder.Default : new CachingSentenceEncoder(MiniLmSentenceEncoder.Default, store);
                var modelPath = parse.GetValue(model);
                var classifier = modelPath is null ? NliPairClassifier.Default : NliPairClassifier.Load(modelPath, encoder);
                if (modelPath is null && store is not null)
                {
                    classifier = NliPairClassifier.Default.WithEncoder(encoder);
                }

                var judged = NliTrainer.Predict(classifier, pairs);
                var report = new NliReport();
                for (var i = 0; i < pairs.Count; i++)
                {
                    report.Add(pairs[i].Label, judged[i]);
                }

                var predictionsPath = parse.GetValue(predictions);
                if (predictionsPath is not null)
                {
                    var text = new StringBuilder();
                    for (var i = 0; i < pairs.Count; i++)
                    {
                        text.Append(pairs[i].Id).Append('\t').Append(NliPairClassifier.SickLabel(judged[i].Relation)).Append('\n');
                    }

                    text.Append(CultureInfo.InvariantCulture, $"accuracy: {report.Accuracy:0.0000}\n");
                    File.WriteAllText(predictionsPath, text.ToString(), new UTF8Encoding(false));
                }

                Console.WriteLine($"model: {classifier.Name} over {classifier.Encoder.Name}");
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
