using System.CommandLine;
using System.Globalization;
using System.Text;
using Sitrep.Errors;
using Sitrep.Meaning.Encoding;
using Sitrep.Meaning.Events;
using Sitrep.Meaning.Training;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval events --ecbplus DIR [--topics LIST] [--model FILE] [--predictions OUT]</c>: same-event /
/// different-event accuracy, F1 and the "different event" precision by threshold on ECB+ sentence pairs, ending with
/// one summary line.
/// </summary>
internal static class EvalEventsCommand
{
    public static Command Create()
    {
        var ecbplus = new Option<string>("--ecbplus") { Description = "The ECB+ directory (holding ECB+/<topic>/*.xml and ECBplus_coreference_sentences*.csv).", Required = true, HelpName = "DIR" };
        var topics = new Option<string?>("--topics") { Description = "Topics to score, e.g. 8,12,16 or 1-7 (default: the development topics 8,12,16,18,20,23,24,32,33, never trained on).", HelpName = "LIST" };
        var model = new Option<string?>("--model") { Description = "A model file from 'sitrep train events' instead of the shipped one.", HelpName = "FILE" };
        var predictions = new Option<string?>("--predictions") { Description = "Write one line per pair: document#sentence of each side, gold (same / different), P(same event); then the summary line.", HelpName = "FILE" };
        var cache = new Option<string?>("--cache") { Description = "A SQLite file keeping the sentence vectors between runs.", HelpName = "FILE" };
        var command = new Command("events", "Same event / different event on ECB+ sentence pairs: accuracy, F1, precision of 'different' by threshold.") { ecbplus, topics, model, predictions, cache };
        command.SetAction(parse =>
        {
            try
            {
                var directory = parse.GetValue(ecbplus)!;
                if (!Directory.Exists(directory))
                {
                    throw SitrepErrors.NotFound.Exception(directory);
                }

                var topicText = parse.GetValue(topics);
                HashSet<int> chosen;
                try
                {
                    chosen = topicText is null ? [.. EcbPlusDataset.DevelopmentTopics] : EcbPlusDataset.ParseTopics(topicText);
                }
                catch (FormatException ex)
                {
                    throw SitrepErrors.BadOption.Exception("--topics", topicText!, "topic numbers and ranges, e.g. 8,12,16 or 1-7 (" + ex.Message + ")");
                }

                var pairs = EcbPlusDataset.Pairs(EcbPlusDataset.Read(directory, chosen));
                var cachePath = parse.GetValue(cache);
                using var store = cachePath is null ? null : SqliteEmbeddingCache.Open(cachePath);
                ISentenceEncoder encoder = store is null ? MiniLmSentenceEncoder.Default : new CachingSentenceEncoder(MiniLmSentenceEncoder.Default, store);
                var modelPath = parse.GetValue(model);
                var classifier = modelPath is null ? SameEventClassifier.Default.WithEncoder(encoder) : SameEventClassifier.Load(modelPath, encoder);
                var judged = SameEventTrainer.Predict(classifier, pairs);
                var report = new SameEventReport();
                for (var i = 0; i < pairs.Count; i++)
                {
                    report.Add(pairs[i].Same, judged[i]);
                }

                var predictionsPath = parse.GetValue(predictions);
                var summary = report.Report();
                if (predictionsPath is not null)
                {
                    var text = new StringBuilder();
                    for (var i = 0; i < pairs.Count; i++)
                    {
                        var (a, b) = (pairs[i].A, pairs[i].B);
                        text.Append(CultureInfo.InvariantCulture, $"{a.Document}#{a.Number}\t{b.Document}#{b.Number}\t{(pairs[i].Same ? "same" : "different")}\t{judged[i]:0.0000}\n");
                    }

                    text.Append(summary[(summary.LastIndexOf('\n') + 1)..]).Append('\n');
                    File.WriteAllText(predictionsPath, text.ToString(), new UTF8Encoding(false));
                }

                Console.WriteLine($"model: {classifier.Name} over {classifier.Encoder.Name}; topics {string.Join(',', chosen.Order())}");
                Console.WriteLine(summary);
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
