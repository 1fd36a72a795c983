using System.CommandLine;
using System.Globalization;
using Sitrep.Errors;
using Sitrep.Meaning.Encoding;
using Sitrep.Meaning.Pairs;
using Sitrep.Meaning.Training;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep train events --ecbplus DIR --out MODEL [--topics LIST] [--check LIST]</c>: reproduces the shipped
/// same-event / different-event classifier (deterministic for a seed).
/// </summary>
internal static class TrainEventsCommand
{
    public static Command Create()
    {
        var ecbplus = new Option<string>("--ecbplus") { Description = "The ECB+ directory (holding ECB+/<topic>/*.xml and ECBplus_coreference_sentences*.csv).", Required = true, HelpName = "DIR" };
        var output = new Option<string>("--out") { Description = "The model file to write.", Required = true, HelpName = "FILE" };
        var topics = new Option<string?>("--topics") { Description = "Training topics (default: every topic found except the development topics 8,12,16,18,20,23,24,32,33).", HelpName = "LIST" };
        var check = new Option<string?>("--check") { Description = "Topics scored after training (e.g. the development topics; never used to train).", HelpName = "LIST" };
        var cache = new Option<string?>("--cache") { Description = "A SQLite file keeping the sentence vectors between runs (keep it outside the repository).", HelpName = "FILE" };
        var hidden = new Option<int?>("--hidden") { Description = "Hidden units (default: the shipped model's)." };
        var epochs = new Option<int?>("--epochs") { Description = "Passes over the training pairs (default: the shipped model's)." };
        var ensemble = new Option<int?>("--ensemble") { Description = "Networks (consecutive seeds) whose logits are averaged (default: the shipped model's)." };
        var seed = new Option<int?>("--seed") { Description = "Seed of the calibration split, initialisation, shuffling and dropout." };
        var trees = new Option<int?>("--trees") { Description = "Boosting rounds of trees over the cosine, the cues and (with networks) the networks' logits; 0 for none (default: the shipped model's)." };
        var depth = new Option<int?>("--depth") { Description = "Depth of those trees (default: the shipped model's)." };
        var threads = new Option<int>("--threads") { Description = "Threads of the encoder (ONNX Runtime intra-op).", DefaultValueFactory = _ => 2 };
        var command = new Command("events", "Train the same-event / different-event sentence-pair classifier on ECB+.") { ecbplus, output, topics, check, cache, hidden, epochs, ensemble, seed, trees, depth, threads };
        command.SetAction(parse =>
        {
            try
            {
                var directory = parse.GetValue(ecbplus)!;
                if (!Directory.Exists(directory))
                {
                    throw SitrepErrors.NotFound.Exception(directory);
                }

                var trainTopics = Topics(parse.GetValue(topics), "--topics");
                var sentences = EcbPlusDataset.Read(directory, trainTopics);
                if (trainTopics is null)
                {
                    sentences.RemoveAll(s => EcbPlusDataset.DevelopmentTopics.Contains(s.Topic));
                }

                var pairs = EcbPlusDataset.Pairs(sentences);
                Console.WriteLine($"training topics {string.Join(',', sentences.Select(s => s.Topic).Distinct().Order())}: {sentences.Count} sentences, {pairs.Count} pairs");
                var options = new SameEventTrainingOptions();
                var network = options.Network;
                if (parse.GetValue(hidden) is { } units)
                {
                    network = network with { Hidden = units is >= 1 and <= 2048 ? units : throw SitrepErrors.BadOption.Exception("--hidden", units.ToString(CultureInfo.InvariantCulture), "1 to 2048") };
                }

                if (parse.GetValue(epochs) is { } passes)
                {
                    network = network with { Epochs = passes is >= 1 and <= 500 ? passes : throw SitrepErrors.BadOption.Exception("--epochs", passes.ToString(CultureInfo.InvariantCulture), "1 to 500") };
                }

                if (parse.GetValue(seed) is { } s)
                {
                    network = network with { Seed = s };
                }

                options = options with { Network = network };
                if (parse.GetValue(ensemble) is { } size)
                {
                    options = options with { EnsembleSize = size is >= 0 and <= 64 ? size : throw SitrepErrors.BadOption.Exception("--ensemble", size.ToString(CultureInfo.InvariantCulture), "0 to 64") };
                }

                if (parse.GetValue(trees) is { } rounds)
                {
                    options = options with { Trees = rounds == 0 ? null : new BoostedTreesOptions { Rounds = rounds is > 0 and <= 5000 ? rounds : throw SitrepErrors.BadOption.Exception("--trees", rounds.ToString(CultureInfo.InvariantCulture), "0 to 5000") } };
                }

                if (parse.GetValue(depth) is { } d && options.Trees is not null)
                {
                    options = options with { Trees = options.Trees with { Depth = d is >= 1 and <= 10 ? d : throw SitrepErrors.BadOption.Exception("--depth", d.ToString(CultureInfo.InvariantCulture), "1 to 10") } };
                }

                if (options.EnsembleSize == 0 && options.Trees is null)
                {
                    throw SitrepErrors.BadOption.Exception("--ensemble", "0", "at least 1 when --trees is 0");
                }

                var threadCount = parse.GetValue(threads);
                using var miniLm = new MiniLmSentenceEncoder(new MiniLmOptions { IntraOpThreads = threadCount is >= 0 and <= 64 ? threadCount : throw SitrepErrors.BadOption.Exception("--threads", threadCount.ToString(CultureInfo.InvariantCulture), "0 to 64") });
                var cachePath = parse.GetValue(cache);
                using var store = cachePath is null ? null : SqliteEmbeddingCache.Open(cachePath);
                ISentenceEncoder encoder = store is null ? miniLm : new CachingSentenceEncoder(miniLm, store);
                var model = SameEventTrainer.Train(pairs, encoder, options, Console.WriteLine);
                var path = parse.GetValue(output)!;
                model.Save(path);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path} ({new FileInfo(path).Length / 1024.0:0} KiB)"));
                if (Topics(parse.GetValue(check), "--check") is { } checkTopics)
                {
                    var checkPairs = EcbPlusDataset.Pairs(EcbPlusDataset.Read(directory, checkTopics));
                    var judged = SameEventTrainer.Predict(model, checkPairs);
                    var report = new SameEventReport();
                    for (var i = 0; i < checkPairs.Count; i++)
                    {
                        report.Add(checkPairs[i].Same, judged[i]);
                    }

                    Console.WriteLine($"check topics {string.Join(',', checkTopics.Order())}:");
                    Console.WriteLine(report.Report());
                }

                return ExitCodes.Ok;
            }
            catch (SitrepException ex)
            {
                return CommandErrors.Report(ex);
            }
            catch (InvalidDataException ex)
            {
                Console.Error.WriteLine($"sitrep: {ex.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    private static HashSet<int>? Topics(string? text, string option)
    {
        try
        {
            return text is null ? null : EcbPlusDataset.ParseTopics(text);
        }
        catch (FormatException ex)
        {
            throw SitrepErrors.BadOption.Exception(option, text!, "topic numbers and ranges, e.g. 8,12,16 or 1-7 (" + ex.Message + ")");
        }
    }
}
