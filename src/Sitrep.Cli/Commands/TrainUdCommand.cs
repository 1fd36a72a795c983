using System.CommandLine;
using System.Globalization;
using Sitrep.Syntax;
using Sitrep.Syntax.Training;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep train ud --train FILE --dev FILE --out MODEL</c>: reproduces the shipped syntax model
/// (<c>syntax-ewt.bin.gz</c>) from UD English-EWT; deterministic for a given seed.
/// </summary>
internal static class TrainUdCommand
{
    public static Command Create()
    {
        var defaults = new SyntaxTrainingOptions();
        var train = new Option<string>("--train") { Description = "Training treebank (en_ewt-ud-train.conllu).", Required = true, HelpName = "FILE" };
        var dev = new Option<string?>("--dev") { Description = "Development treebank scored as training goes (en_ewt-ud-dev.conllu); never trained on.", HelpName = "FILE" };
        var output = new Option<string>("--out") { Description = "Model file to write (e.g. syntax-ewt.bin.gz).", Required = true, HelpName = "MODEL" };
        var taggerEpochs = new Option<int>("--tagger-epochs") { Description = "Passes of the tagger.", DefaultValueFactory = _ => defaults.TaggerEpochs };
        var parserEpochs = new Option<int>("--parser-epochs") { Description = "Passes of the parser.", DefaultValueFactory = _ => defaults.ParserEpochs };
        var folds = new Option<int>("--jackknife") { Description = "Folds for the predicted tags the parser trains on (0: gold tags).", DefaultValueFactory = _ => defaults.JackknifeFolds };
        var prune = new Option<float>("--prune") { Description = "Drop parser weights smaller than this.", DefaultValueFactory = _ => defaults.ParserPrune };
        var pruneSteps = new Option<int>("--prune-steps") { Description = "After quantisation, drop tagger and parser weights of fewer 16-bit steps than this.", DefaultValueFactory = _ => defaults.PruneSteps };
        var seed = new Option<int>("--seed") { Description = "Seed of shuffling and exploration.", DefaultValueFactory = _ => defaults.Seed };
        var command = new Command("ud", "Train the syntax model (tagger, lemmatiser, dependency parser) on a Universal Dependencies treebank.") { train, dev, output, taggerEpochs, parserEpochs, folds, prune, pruneSteps, seed };
        command.SetAction(parse => Run(
            parse.GetValue(train)!,
            parse.GetValue(dev),
            parse.GetValue(output)!,
            defaults with
            {
                TaggerEpochs = parse.GetValue(taggerEpochs),
                ParserEpochs = parse.GetValue(parserEpochs),
                JackknifeFolds = parse.GetValue(folds),
                ParserPrune = parse.GetValue(prune),
                PruneSteps = parse.GetValue(pruneSteps),
                Seed = parse.GetValue(seed),
            }));
        return command;
    }

    private static int Run(string train, string? dev, string output, SyntaxTrainingOptions options)
    {
        foreach (var file in new[] { train, dev }.OfType<string>())
        {
            if (!File.Exists(file))
            {
                Console.Error.WriteLine($"sitrep: '{file}' does not exist.");
                return ExitCodes.Usage;
            }

            if (Path.GetFileName(file).Contains("test", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"sitrep: '{file}' looks like a test split; train and choose settings only on training and development data.");
                return ExitCodes.Usage;
            }
        }

        IReadOnlyList<ConlluSentence> training;
        IReadOnlyList<ConlluSentence>? development;
        try
        {
            training = Conllu.Read(train);
            development = dev is null ? null : Conllu.Read(dev);
        }
        catch (InvalidDataException ex)
        {
            Console.Error.WriteLine($"sitrep: {ex.Message}");
            return ExitCodes.Usage;
        }

        var description = options.Describe(train);
        var model = SyntaxTrainer.Train(training, development, options, description, Console.WriteLine);
        var directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        model.Save(output);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {output} ({new FileInfo(output).Length / 1024.0 / 1024.0:0.00} MB)."));
        if (development is not null)
        {
            Console.WriteLine(SyntaxTrainer.Evaluate(SyntaxModel.Load(output), development).Report());
        }

        return ExitCodes.Ok;
    }
}
