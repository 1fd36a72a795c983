using System.CommandLine;
using System.Globalization;
using Sitrep.Entities.Gazetteers;
using Sitrep.Entities.Recognition;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep train ner --conll FILE... [--dev FILE] [--resources DIR] --out DIR</c>: reproduces the shipped entity
/// tagger (ner-model.bin.br) and, from the npm packages in DIR, its lexicon (ner-lexicon.bin.br).
/// </summary>
internal static class TrainNerCommand
{
    public static Command Create()
    {
        var conll = new Option<string[]>("--conll")
        {
            Description = "Training files: CoNLL-2003 (eng.train) and/or WNUT-2017 two-column files.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
            HelpName = "FILE",
        };
        var dev = new Option<string?>("--dev") { Description = "Development file scored every few epochs (eng.testa).", HelpName = "FILE" };
        var resources = new Option<string?>("--resources")
        {
            Description = "node_modules folder from scripts/install-ner-resources.sh; compiles a new lexicon. Without it the lexicon in --out (or the shipped one) is used.",
            HelpName = "DIR",
        };
        var output = new Option<string>("--out") { Description = "Folder for ner-model.bin.br and ner-lexicon.bin.br.", Required = true, HelpName = "DIR" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the data.", DefaultValueFactory = _ => new NerTrainingOptions().Epochs };
        var folds = new Option<int>("--entity-folds") { Description = "Folds for the gazetteer of names seen in training (0: none).", DefaultValueFactory = _ => new NerTrainingOptions().EntityFolds };
        var lowercase = new Option<double>("--lowercase-share") { Description = "Share of documents also trained in lowercase.", DefaultValueFactory = _ => new NerTrainingOptions().LowercaseShare };
        var secondPass = new Option<int>("--second-pass-folds") { Description = "Folds for the jackknifed first-pass labels the second pass is trained on (0: one pass).", DefaultValueFactory = _ => new NerTrainingOptions().SecondPassFolds };
        var seeds = new Option<int>("--second-pass-seeds") { Description = "Second passes trained with successive shuffling seeds and averaged into one.", DefaultValueFactory = _ => new NerTrainingOptions().SecondPassSeeds };
        var secondEpochs = new Option<int>("--second-pass-epochs") { Description = "Passes of the second-pass training (0: as --epochs).", DefaultValueFactory = _ => new NerTrainingOptions().SecondPassEpochs };
        var dropout = new Option<double>("--dropout") { Description = "Feature dropout while training (0: none).", DefaultValueFactory = _ => new NerTrainingOptions().Dropout };
        var firstSeeds = new Option<int>("--seeds") { Description = "Models trained with successive shuffling seeds and averaged into one.", DefaultValueFactory = _ => new NerTrainingOptions().Seeds };
        var command = new Command("ner", "Train the entity tagger (averaged perceptron) and compile its gazetteers and word clusters.") { conll, dev, resources, output, epochs, lowercase, folds, secondPass, seeds, secondEpochs, dropout, firstSeeds };
        command.SetAction(parse => Run(parse.GetValue(conll)!, parse.GetValue(dev), parse.GetValue(resources), parse.GetValue(output)!, new NerTrainingOptions { Epochs = parse.GetValue(epochs), LowercaseShare = parse.GetValue(lowercase), EntityFolds = parse.GetValue(folds), SecondPassFolds = parse.GetValue(secondPass), SecondPassSeeds = parse.GetValue(seeds), SecondPassEpochs = parse.GetValue(secondEpochs), Dropout = parse.GetValue(dropout), Seeds = parse.GetValue(firstSeeds) }));
        return command;
    }

    private static int Run(string[] conll, string? dev, string? resources, string output, NerTrainingOptions options)
    {
        foreach (var file in conll.Append(dev ?? string.Empty).Where(f => f.Length > 0))
        {
            if (!File.Exists(file))
            {
                Console.Error.WriteLine($"sitrep: training file '{file}' does not exist.");
                return ExitCodes.Usage;
            }

            if (Path.GetFileName(file).Contains("testb", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(file).Contains("test", StringComparison.OrdinalIgnoreCase) && !Path.GetFileName(file).Contains("testa", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"sitrep: '{file}' looks like a test split; train only on training and development data.");
                return ExitCodes.Usage;
            }
        }

        Directory.CreateDirectory(output);
        var lexiconPath = Path.Combine(output, "ner-lexicon.bin.br");
        NerLexicon lexicon;
        if (resources is not null)
        {
            using (var stream = File.Create(lexiconPath))
            {
                Console.WriteLine(LexiconCompiler.Compile(resources, stream, Console.WriteLine));
            }

            using var read = File.OpenRead(lexiconPath);
            lexicon = NerLexicon.Load(read);
        }
        else if (File.Exists(lexiconPath))
        {
            using var read = File.OpenRead(lexiconPath);
            lexicon = NerLexicon.Load(read);
        }
        else
        {
            lexicon = PerceptronTagger.LoadShippedLexicon();
        }

        var training = conll.SelectMany(ConllCorpus.Read).ToList();
        var development = dev is null ? null : ConllCorpus.Read(dev);
        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"{PerceptronTagger.ComponentName}; trained on {string.Join(", ", conll.Select(Path.GetFileName))}; {options.Epochs} epochs; lowercase share {options.LowercaseShare}; {options.EntityFolds} entity folds; feature dropout {options.Dropout}; {options.Seeds} seeds averaged");
        if (options.SecondPassFolds > 0)
        {
            description += string.Create(CultureInfo.InvariantCulture, $"; second pass: {options.SecondPassFolds} jackknife folds, {options.SecondPassSeeds} seeds of {(options.SecondPassEpochs > 0 ? options.SecondPassEpochs : options.Epochs)} epochs");
        }

        var tagger = NerTrainer.Train(training, development, lexicon, options, description, Console.WriteLine);
        using (var stream = File.Create(lexiconPath))
        {
            tagger.Lexicon.Save(stream);
        }

        var modelPath = Path.Combine(output, "ner-model.bin.br");
        using (var stream = File.Create(modelPath))
        {
            tagger.Model.Save(stream);
        }

        var secondPath = Path.Combine(output, PerceptronTagger.SecondPassFile);
        if (tagger.SecondPass is null)
        {
            File.Delete(secondPath);
        }
        else
        {
            using var stream = File.Create(secondPath);
            tagger.SecondPass.Save(stream);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {modelPath} ({new FileInfo(modelPath).Length / 1024.0 / 1024.0:0.00} MB) and {lexiconPath} ({new FileInfo(lexiconPath).Length / 1024.0 / 1024.0:0.00} MB)."));
        return ExitCodes.Ok;
    }
}
