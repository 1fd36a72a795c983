using System.CommandLine;
using System.Text;
using Sitrep.Corroboration.Stance;
using Sitrep.Corroboration.Training;
using Sitrep.Errors;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval fnc1 --bodies B.csv --stances S.csv [--holdout] [--model FILE] [--predictions FILE]</c>: the FNC-1
/// confusion matrix and weighted score of the stance model, ending with <c>score: NN.NN</c>.
/// </summary>
internal static class EvalFnc1Command
{
    public static Command Create()
    {
        var bodies = new Option<string>("--bodies") { Description = "FNC-1 bodies CSV (Body ID,articleBody).", Required = true, HelpName = "FILE" };
        var stances = new Option<string>("--stances") { Description = "FNC-1 stances CSV (Headline,Body ID,Stance).", Required = true, HelpName = "FILE" };
        var holdout = new Option<bool>("--holdout") { Description = "Score only the official baseline's hold-out bodies (10% of body ids, seed 1489215) of these training files." };
        var model = new Option<string?>("--model") { Description = "A model file from 'sitrep train stance' instead of the shipped one.", HelpName = "FILE" };
        var predictions = new Option<string?>("--predictions") { Description = "Write Headline,Body ID,Stance rows for the official scorer.", HelpName = "FILE" };
        var command = new Command("fnc1", "FNC-1 stance (agree/disagree/discuss/unrelated): confusion matrix and weighted score.") { bodies, stances, holdout, model, predictions };
        command.SetAction(parse =>
        {
            try
            {
                var data = Fnc1Dataset.Read(parse.GetValue(bodies)!, parse.GetValue(stances)!);
                if (parse.GetValue(holdout))
                {
                    data = data.SplitHoldOut().HoldOut;
                }

                var modelPath = parse.GetValue(model);
                var classifier = modelPath is null ? Fnc1StanceClassifier.Default : Fnc1StanceClassifier.Load(modelPath);
                var predicted = Fnc1Trainer.Predict(classifier, data);
                var predictionsPath = parse.GetValue(predictions);
                if (predictionsPath is not null)
                {
                    WritePredictions(predictionsPath, data, predicted);
                }

                if (data.Pairs.Any(p => p.Stance is null))
                {
                    Console.WriteLine($"{data.Pairs.Count} pairs predicted; the stances file has no Stance column, so there is no score.");
                    return ExitCodes.Ok;
                }

                var score = new Fnc1Score();
                for (var i = 0; i < data.Pairs.Count; i++)
                {
                    score.Add(data.Pairs[i].Stance!, predicted[i]);
                }

                Console.WriteLine($"model: {classifier.Name}");
                Console.WriteLine(score.Report());
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

    private static void WritePredictions(string path, Fnc1Dataset data, List<string> predicted)
    {
        var text = new StringBuilder("Headline,Body ID,Stance\n");
        for (var i = 0; i < data.Pairs.Count; i++)
        {
            var pair = data.Pairs[i];
            text.Append(Quote(pair.Headline)).Append(',').Append(pair.BodyId).Append(',').Append(predicted[i]).Append('\n');
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
