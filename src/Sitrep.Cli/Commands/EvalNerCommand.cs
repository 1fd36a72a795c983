using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sitrep.Entities.Recognition;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval ner --conll FILE [--predictions FILE] [--model DIR]</c>: entity-level P/R/F1 per type and overall, as
/// conlleval computes them; the last line is <c>F1: 0.xxxx</c>.
/// </summary>
internal static class EvalNerCommand
{
    public static Command Create()
    {
        var conll = new Option<string>("--conll") { Description = "CoNLL-2003 or WNUT-2017 file with gold tags in the last column.", Required = true, HelpName = "FILE" };
        var predictions = new Option<string?>("--predictions") { Description = "Write the input with the predicted tag appended as a last column (for conlleval).", HelpName = "FILE" };
        var model = new Option<string?>("--model") { Description = "Folder with ner-model.bin.br and ner-lexicon.bin.br (default: the shipped model).", HelpName = "DIR" };
        var command = new Command("ner", "Entity recognition: precision, recall and F1 per type, as conlleval computes them.") { conll, predictions, model };
        command.SetAction(parse => Run(parse.GetValue(conll)!, parse.GetValue(predictions), parse.GetValue(model)));
        return command;
    }

    private static int Run(string conll, string? predictions, string? model)
    {
        if (!File.Exists(conll))
        {
            Console.Error.WriteLine($"sitrep: '{conll}' does not exist.");
            return ExitCodes.Usage;
        }

        var tagger = model is null
            ? PerceptronTagger.Default
            : PerceptronTagger.Load(Path.Combine(model, "ner-model.bin.br"), Path.Combine(model, "ner-lexicon.bin.br"));
        var documents = ConllCorpus.Read(conll);
        var output = predictions is null ? null : new StringBuilder();
        var clock = Stopwatch.StartNew();
        var evaluator = NerTrainer.Evaluate(tagger, documents, output is null ? null : (doc, tags) => Append(output, doc, tags));
        var seconds = clock.Elapsed.TotalSeconds;
        if (predictions is not null)
        {
            File.WriteAllText(predictions, output!.ToString());
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{evaluator.Tokens} words in {seconds:0.00} s ({evaluator.Tokens / Math.Max(seconds, 1e-9):0} words/s, one thread, including feature extraction)"));
        Console.WriteLine(evaluator.Report());
        return ExitCodes.Ok;
    }

    private static void Append(StringBuilder output, TaggedDocument doc, int[][] tags)
    {
        foreach (var line in doc.Prefix)
        {
            output.Append(line).Append('\n');
        }

        for (var s = 0; s < doc.Sentences.Count; s++)
        {
            var sentence = doc.Sentences[s];
            for (var i = 0; i < sentence.Lines.Length; i++)
            {
                output.Append(sentence.Lines[i]).Append(' ').Append(TagSet.Name(tags[s][i])).Append('\n');
            }

            output.Append('\n');
        }
    }
}
