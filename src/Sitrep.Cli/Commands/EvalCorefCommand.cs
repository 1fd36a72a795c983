using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sitrep.Entities.Evaluation;
using Sitrep.Entities.Recognition;
using Sitrep.Errors;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval coref [--ecbplus DIR] [--topics LIST] [--predictions OUT] [--model DIR]</c>: cross-document entity resolution on
/// ECB+ (MUC, B³, CEAF-e, CoNLL F1, mention recall, typing) beside two baselines on the same mentions; odd topics are
/// the development topics, even ones held out. The last line is <c>CoNLL F1: xx.xx</c> over all topics.
/// </summary>
internal static class EvalCorefCommand
{
    public static Command Create()
    {
        var ecbplus = new Option<string>("--ecbplus") { Description = "The ECB+ directory (ECB+/<topic>/*.xml and ECBplus_coreference_sentences*.csv).", DefaultValueFactory = _ => Path.Combine("..", "shared", "datasets", "ecbplus"), HelpName = "DIR" };
        var topics = new Option<string>("--topics") { Description = "Topics to score, e.g. 1-35 or 1,3,5 (odd topics are development, even ones held out).", DefaultValueFactory = _ => "1-35", HelpName = "LIST" };
        var predictions = new Option<string?>("--predictions") { Description = "Write one line per scored gold mention: where, gold text, tag and chain, the matched system mention, its entity, name and type.", HelpName = "FILE" };
        var model = new Option<string?>("--model") { Description = "Folder with ner-model.bin.br and ner-lexicon.bin.br from `sitrep train ner` (default: the shipped tagger).", HelpName = "DIR" };
        var command = new Command("coref", "Cross-document entity resolution on ECB+: MUC, B3, CEAF-e and CoNLL F1 against singleton and same-last-word baselines.") { ecbplus, topics, predictions, model };
        command.SetAction(parse =>
        {
            try
            {
                return Run(parse.GetValue(ecbplus)!, parse.GetValue(topics)!, parse.GetValue(predictions), parse.GetValue(model));
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

    private static int Run(string directory, string topicText, string? predictions, string? model)
    {
        if (!Directory.Exists(directory))
        {
            throw SitrepErrors.NotFound.Exception(directory);
        }

        if (model is not null && !File.Exists(Path.Combine(model, "ner-model.bin.br")))
        {
            throw SitrepErrors.NotFound.Exception(Path.Combine(model, "ner-model.bin.br"));
        }

        SortedSet<int> chosen;
        try
        {
            chosen = EcbPlusEntityCorpus.ParseTopics(topicText);
        }
        catch (FormatException ex)
        {
            throw SitrepErrors.BadOption.Exception("--topics", topicText, "topic numbers and ranges, e.g. 1-35 or 1,3,5 (" + ex.Message + ")");
        }

        var clock = Stopwatch.StartNew();
        var documents = EcbPlusEntityCorpus.Read(directory, chosen);
        var pipeline = model is null
            ? EcbPlusCorefEvaluator.EntityPipeline()
            : EcbPlusCorefEvaluator.EntityPipeline(PerceptronTagger.Load(Path.Combine(model, "ner-model.bin.br"), Path.Combine(model, "ner-lexicon.bin.br")));
        var matches = new EcbPlusCorefEvaluator(pipeline).Evaluate(documents);
        var seconds = clock.Elapsed.TotalSeconds;
        var all = CorefSummary.Of(matches, _ => true);
        if (predictions is not null)
        {
            var text = new StringBuilder("topic\tsub-event\tdocument\tstart\tend\tgold\ttag\tchain\tnamed\tsystem\tentity\tname\ttype\n");
            foreach (var m in matches)
            {
                text.Append(CultureInfo.InvariantCulture, $"{m.Topic}\t{m.SubEvent}\t{m.Document}\t{m.Gold.Start}\t{m.Gold.End}\t{Clean(m.Gold.Text)}\t{m.Gold.Tag}\t{m.Gold.Chain}\t{(m.Named ? "named" : "-")}\t{Clean(m.System ?? "-")}\t{m.EntityId ?? "-"}\t{Clean(m.EntityName ?? "-")}\t{(m.EntityType is { } t ? Entities.EntityTypes.ToName(t) : "-")}\n");
            }

            File.WriteAllText(predictions, text.ToString(), new UTF8Encoding(false));
        }

        var topicsFound = matches.Select(m => m.Topic).Distinct().Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ECB+ topics {string.Join(',', topicsFound)}: {documents.Count} documents in {seconds:0.0} s; each sub-event (ecb / ecbplus) resolved as one corpus"));
        Console.Write(CorefSummary.Of(matches, t => t % 2 == 1).Report("development (odd topics)"));
        Console.Write(CorefSummary.Of(matches, t => t % 2 == 0).Report("held out (even topics)"));
        Console.Write(all.Report("all topics"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CoNLL F1: {all.System.ConllF1 * 100:0.00} (same last word {all.SameLastWord.ConllF1 * 100:0.00}, singletons {all.Singletons.ConllF1 * 100:0.00}); typing {all.TypingAccuracy * 100:0.0}%"));
        return ExitCodes.Ok;
    }

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ');
}
