using System.CommandLine;
using System.Globalization;
using Sitrep.Claims.Worthiness;
using Sitrep.Errors;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep train checkworthy --file F --out DIR</c>: reproduces the shipped check-worthiness model from the
/// CheckThat! 2019 training file: trains on the training debates, sets the chatter threshold on the development
/// debates, writes <c>checkworthy.tsv.gz</c> and prints the development figures.
/// </summary>
internal static class TrainCheckworthyCommand
{
    public static Command Create()
    {
        var file = new Option<string>("--file") { Description = "CT19-T1-Training.csv (line_number, speaker, text, label, file_name).", Required = true, HelpName = "FILE" };
        var output = new Option<string>("--out") { Description = "Folder for the model file.", Required = true, HelpName = "DIR" };
        var epochs = new Option<int?>("--epochs") { Description = "Passes over the training sentences (default: the shipped model's)." };
        var l2 = new Option<double?>("--l2") { Description = "L2 penalty (default: the shipped model's)." };
        var minCount = new Option<int?>("--min-count") { Description = "Keep features seen in at least this many training sentences (default: the shipped model's)." };
        var noPairs = new Option<bool>("--no-pairs") { Description = "Single words only, no word pairs." };
        var positive = new Option<double?>("--positive-weight") { Description = "Factor on the square root of the class ratio weighting check-worthy sentences (default: the shipped model's)." };
        var recall = new Option<double?>("--chatter-recall") { Description = "Share of development check-worthy sentences the chatter threshold keeps (default: the shipped model's)." };
        var command = new Command("checkworthy", "Train the check-worthiness model on the CheckThat! 2019 training debates.") { file, output, epochs, l2, minCount, noPairs, positive, recall };
        command.SetAction(parse =>
        {
            try
            {
                var path = parse.GetValue(file)!;
                if (!File.Exists(path))
                {
                    throw SitrepErrors.NotFound.Exception(path);
                }

                var options = new CheckWorthinessTrainingOptions();
                if (parse.GetValue(epochs) is { } e)
                {
                    options = options with { Epochs = e is >= 1 and <= 200 ? e : throw SitrepErrors.BadOption.Exception("--epochs", e.ToString(CultureInfo.InvariantCulture), "1 to 200") };
                }

                if (parse.GetValue(l2) is { } penalty)
                {
                    options = options with { L2 = penalty is >= 0 and < 1 ? penalty : throw SitrepErrors.BadOption.Exception("--l2", penalty.ToString(CultureInfo.InvariantCulture), "0 or more, below 1") };
                }

                if (parse.GetValue(minCount) is { } m)
                {
                    options = options with { MinCount = m is >= 1 and <= 1000 ? m : throw SitrepErrors.BadOption.Exception("--min-count", m.ToString(CultureInfo.InvariantCulture), "1 to 1000") };
                }

                if (parse.GetValue(positive) is { } p)
                {
                    options = options with { PositiveWeightFactor = p is > 0 and <= 100 ? p : throw SitrepErrors.BadOption.Exception("--positive-weight", p.ToString(CultureInfo.InvariantCulture), "above 0, at most 100") };
                }

                if (parse.GetValue(recall) is { } r)
                {
                    options = options with { ChatterRecall = r is > 0 and <= 1 ? r : throw SitrepErrors.BadOption.Exception("--chatter-recall", r.ToString(CultureInfo.InvariantCulture), "above 0, at most 1") };
                }

                options = options with { Pairs = !parse.GetValue(noPairs) };
                var (train, dev) = CheckThatDataset.Split(CheckThatDataset.Read(path));
                var model = CheckWorthinessTrainer.Train(train, dev, options, Console.WriteLine);
                var outDir = parse.GetValue(output)!;
                Directory.CreateDirectory(outDir);
                var modelPath = Path.Combine(outDir, CheckWorthinessModel.ShippedFileName);
                model.Save(modelPath);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {modelPath} ({new FileInfo(modelPath).Length / 1024.0:0} KiB)"));
                var report = CheckWorthinessTrainer.Evaluate(model, dev);
                Console.WriteLine($"development debates: {string.Join(", ", dev.Select(s => s.Debate).Distinct(StringComparer.Ordinal))}");
                EvalCheckworthyCommand.Print(report, model);
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
}
