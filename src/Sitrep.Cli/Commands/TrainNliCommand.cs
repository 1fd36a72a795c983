using System.CommandLine;
using System.Globalization;
using Sitrep.Errors;
using Sitrep.Meaning.Encoding;
using Sitrep.Meaning.Pairs;
using Sitrep.Meaning.Training;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep train nli --train FILE[,FILE...] --out MODEL [--check SICK_TRIAL] [--cache FILE]</c>: reproduces the
/// shipped entails / contradicts / neutral pair classifier (deterministic for a seed).
/// </summary>
internal static class TrainNliCommand
{
    public static Command Create()
    {
        var train = new Option<string>("--train") { Description = "Training files, comma-separated: SICK (SICK_TRAIN.txt) or premise,hypothesis,label CSV (datasets/nli/*.csv).", Required = true, HelpName = "FILES" };
        var output = new Option<string?>("--out") { Description = "The model file to write (required unless --cv is given).", HelpName = "FILE" };
        var check = new Option<string?>("--check") { Description = "A SICK file scored after every epoch (SICK_TRIAL.txt, for choosing settings; never a test split).", HelpName = "FILE" };
        var cache = new Option<string?>("--cache") { Description = "A SQLite file keeping the sentence vectors between runs (keep it outside the repository).", HelpName = "FILE" };
        var hidden = new Option<int?>("--hidden") { Description = "Hidden units (default: the shipped model's)." };
        var epochs = new Option<int?>("--epochs") { Description = "Passes over the training pairs (default: the shipped model's)." };
        var seed = new Option<int?>("--seed") { Description = "Seed of the split, initialisation, shuffling and dropout." };
        var ensemble = new Option<int?>("--ensemble") { Description = "Networks (consecutive seeds) whose logits are averaged (default: the shipped model's)." };
        var keep = new Option<float?>("--keep") { Description = "Probability of keeping a hidden unit in training (dropout; default: the shipped model's)." };
        var l2 = new Option<float?>("--l2") { Description = "L2 weight decay (default: the shipped model's)." };
        var reversed = new Option<bool>("--sick-both-ways") { Description = "Also train on each SICK training pair read B→A with its entailment_BA label." };
        var holdOut = new Option<bool>("--no-retrain") { Description = "Keep the networks trained without the calibration share instead of training them again on every pair." };
        var folds = new Option<int?>("--cv") { Description = "Only cross-validate these settings on the training pairs in K folds and print the accuracy (for choosing settings on training data).", HelpName = "K" };
        var noWordNet = new Option<bool>("--no-wordnet") { Description = "Train without the WordNet features (needed where WordNet is not installed)." };
        var noStack = new Option<bool>("--no-stack") { Description = "Use the networks alone, without the boosted trees over their out-of-fold logits and the word-level features." };
        var rounds = new Option<int?>("--rounds") { Description = "Boosting rounds of the stacking trees (default: the shipped model's)." };
        var depth = new Option<int?>("--depth") { Description = "Depth of the stacking trees (default: the shipped model's)." };
        var foldNetworks = new Option<bool>("--retrain-networks") { Description = "With the stacking trees: train the networks again on every pair instead of shipping the networks trained for the folds." };
        var threads = new Option<int>("--threads") { Description = "Threads of the encoder (ONNX Runtime intra-op).", DefaultValueFactory = _ => 2 };
        var command = new Command("nli", "Train the entails / contradicts / neutral pair classifier over MiniLM sentence vectors.") { train, output, check, cache, hidden, epochs, seed, ensemble, keep, l2, reversed, holdOut, folds, noWordNet, noStack, rounds, depth, foldNetworks, threads };
        command.SetAction(parse =>
        {
            try
            {
                var pairs = new List<NliPair>();
                foreach (var file in parse.GetValue(train)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!File.Exists(file))
                    {
                        throw SitrepErrors.NotFound.Exception(file);
                    }

                    var read = NliDataset.Read(file);
                    Console.WriteLine($"{file}: {read.Count} pairs");
                    pairs.AddRange(read);
                    if (parse.GetValue(reversed) && read.Count > 0 && File.ReadLines(file).First().StartsWith("pair_ID\t", StringComparison.Ordinal))
                    {
                        var backwards = NliDataset.ReadSickReversed(file);
                        Console.WriteLine($"{file}: {backwards.Count} pairs read B→A");
                        pairs.AddRange(backwards);
                    }
                }

                var checkPath = parse.GetValue(check);
                var checkPairs = checkPath is null ? null : NliDataset.ReadSick(checkPath);
                var network = new DenseMlpOptions();
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

                if (parse.GetValue(keep) is { } k)
                {
                    network = network with { Keep = k is > 0 and <= 1 ? k : throw SitrepErrors.BadOption.Exception("--keep", k.ToString(CultureInfo.InvariantCulture), "above 0, at most 1") };
                }

                if (parse.GetValue(l2) is { } decay)
                {
                    network = network with { L2 = decay is >= 0 and < 1 ? decay : throw SitrepErrors.BadOption.Exception("--l2", decay.ToString(CultureInfo.InvariantCulture), "0 or more, below 1") };
                }

                var training = new NliTrainingOptions { Network = network };
                if (parse.GetValue(ensemble) is { } size)
                {
                    training = training with { EnsembleSize = size is >= 1 and <= 64 ? size : throw SitrepErrors.BadOption.Exception("--ensemble", size.ToString(CultureInfo.InvariantCulture), "1 to 64") };
                }

                if (parse.GetValue(noStack))
                {
                    training = training with { Stacker = null };
                }
                else
                {
                    var trees = new BoostedTreesOptions();
                    if (parse.GetValue(rounds) is { } r)
                    {
                        trees = trees with { Rounds = r is >= 1 and <= 5000 ? r : throw SitrepErrors.BadOption.Exception("--rounds", r.ToString(CultureInfo.InvariantCulture), "1 to 5000") };
                    }

                    if (parse.GetValue(depth) is { } d)
                    {
                        trees = trees with { Depth = d is >= 1 and <= 10 ? d : throw SitrepErrors.BadOption.Exception("--depth", d.ToString(CultureInfo.InvariantCulture), "1 to 10") };
                    }

                    training = training with { Stacker = trees, ShipFoldNetworks = !parse.GetValue(foldNetworks) };
                }

                if (parse.GetValue(noWordNet))
                {
                    training = training with { UseWordNet = false };
                }

                if (parse.GetValue(holdOut))
                {
                    training = training with { RetrainOnAll = false };
                }

                var threadCount = parse.GetValue(threads);
                using var miniLm = new MiniLmSentenceEncoder(new MiniLmOptions { IntraOpThreads = threadCount is >= 0 and <= 64 ? threadCount : throw SitrepErrors.BadOption.Exception("--threads", threadCount.ToString(CultureInfo.InvariantCulture), "0 to 64") });
                var cachePath = parse.GetValue(cache);
                using var store = cachePath is null ? null : SqliteEmbeddingCache.Open(cachePath);
                ISentenceEncoder encoder = store is null ? miniLm : new CachingSentenceEncoder(miniLm, store);
                if (parse.GetValue(folds) is { } foldCount)
                {
                    var cv = NliTrainer.CrossValidate(pairs, encoder, training, foldCount is >= 2 and <= 20 ? foldCount : throw SitrepErrors.BadOption.Exception("--cv", foldCount.ToString(CultureInfo.InvariantCulture), "2 to 20"), Console.WriteLine);
                    var cvReport = new NliReport();
                    for (var i = 0; i < pairs.Count; i++)
                    {
                        cvReport.Add(pairs[i].Label, cv[i]);
                    }

                    Console.WriteLine(cvReport.Report().Replace("accuracy:", $"{foldCount}-fold cross-validation accuracy:", StringComparison.Ordinal));
                    return ExitCodes.Ok;
                }

                var path = parse.GetValue(output) ?? throw SitrepErrors.BadOption.Exception("--out", "(missing)", "a model file to write");
                var model = NliTrainer.Train(pairs, encoder, training, Console.WriteLine, checkPairs);
                model.Save(path);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path} ({new FileInfo(path).Length / 1024.0:0} KiB)"));
                if (checkPairs is not null)
                {
                    var report = new NliReport();
                    var judged = NliTrainer.Predict(model, checkPairs);
                    for (var i = 0; i < checkPairs.Count; i++)
                    {
                        report.Add(checkPairs[i].Label, judged[i]);
                    }

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
}
