using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sitrep.Syntax;
using Sitrep.Syntax.Training;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval ud --conllu FILE [--predictions OUT] [--model FILE]</c>: parses the file's own words and scores UPOS,
/// lemmas, UAS and LAS against its gold annotation; the last line is <c>LAS: 0.xxxx</c>.
/// </summary>
internal static class EvalUdCommand
{
    public static Command Create()
    {
        var conllu = new Option<string>("--conllu") { Description = "Universal Dependencies CoNLL-U file with gold annotation (e.g. en_ewt-ud-dev.conllu).", Required = true, HelpName = "FILE" };
        var predictions = new Option<string?>("--predictions") { Description = "Write the file back with predicted UPOS, XPOS, LEMMA, HEAD and DEPREL.", HelpName = "OUT" };
        var model = new Option<string?>("--model") { Description = "Model file from `sitrep train ud` (default: the shipped model).", HelpName = "FILE" };
        var command = new Command("ud", "Syntax: part-of-speech, lemma and dependency accuracy (UAS, LAS) on a CoNLL-U treebank.") { conllu, predictions, model };
        command.SetAction(parse => Run(parse.GetValue(conllu)!, parse.GetValue(predictions), parse.GetValue(model)));
        return command;
    }

    private static int Run(string conllu, string? predictions, string? modelPath)
    {
        foreach (var file in new[] { conllu, modelPath }.OfType<string>())
        {
            if (!File.Exists(file))
            {
                Console.Error.WriteLine($"sitrep: '{file}' does not exist.");
                return ExitCodes.Usage;
            }
        }

        IReadOnlyList<ConlluSentence> gold;
        SyntaxModel model;
        try
        {
            gold = Conllu.Read(conllu);
            model = modelPath is null ? SyntaxModel.Default : SyntaxModel.Load(modelPath);
        }
        catch (InvalidDataException ex)
        {
            Console.Error.WriteLine($"sitrep: {ex.Message}");
            return ExitCodes.Usage;
        }

        // Warm up once so that the figure measures parsing, not loading.
        model.Parse(["Warm", "up", "."]);
        var output = predictions is null ? null : new StringWriter(new StringBuilder(), CultureInfo.InvariantCulture) { NewLine = "\n" };
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var evaluation = SyntaxTrainer.Evaluate(model, gold, output is null ? null : (sentence, parse) => Conllu.Write(output, sentence, parse));
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        if (predictions is not null)
        {
            File.WriteAllText(predictions, output!.ToString());
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{model.Description}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{evaluation.Words} words in {seconds:0.00} s, {cpuSeconds:0.00} s of CPU ({evaluation.Words / Math.Max(cpuSeconds, 1e-9):0} words per CPU second, one thread, tag + lemma + parse{(output is null ? string.Empty : " + writing")}, JIT warm-up included)"));
        Console.WriteLine(evaluation.Report());
        return ExitCodes.Ok;
    }
}
