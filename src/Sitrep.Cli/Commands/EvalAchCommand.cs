using System.CommandLine;
using Sitrep.Errors;
using Sitrep.Hypotheses.Evaluation;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval ach [--gold FILE] [--split dev|test|all] [--predictions OUT]</c>: rates the gold's evidence sentences
/// against its hypotheses with the MiniLM pair model and the frame rules, and reports the precision of the ratings made
/// and how many pairs stay unrated; ends with <c>ach: precision P over N ratings, U of M unrated</c>.
/// </summary>
internal static class EvalAchCommand
{
    public static Command Create()
    {
        var gold = new Option<string>("--gold")
        {
            Description = "The ACH gold file.",
            DefaultValueFactory = _ => Path.Combine("tests", "gold", "ach", "wagner-ach.json"),
            HelpName = "FILE",
        };
        var split = new Option<string>("--split") { Description = "dev, test or all.", DefaultValueFactory = _ => "dev", HelpName = "SPLIT" };
        var predictions = new Option<string?>("--predictions") { Description = "Write one TSV line per pair: evidence, hypothesis, rating, accepted, verdict, reason.", HelpName = "OUT" };
        var command = new Command("ach", "Precision of ACH ratings by meaning on the hand gold, and how many pairs stay unrated.") { gold, split, predictions };
        command.SetAction(parse =>
        {
            try
            {
                var path = parse.GetValue(gold)!;
                if (!File.Exists(path))
                {
                    throw SitrepErrors.BadOption.Exception("--gold", path, "an existing ACH gold file");
                }

                var which = parse.GetValue(split)!;
                if (which is not ("dev" or "test" or "all"))
                {
                    throw SitrepErrors.BadOption.Exception("--split", which, "dev, test or all");
                }

                var score = AchGoldEvaluator.Score(AchGold.Parse(File.ReadAllText(path)), Engine.NliAchMeaning.Default, which == "all" ? null : which);
                if (parse.GetValue(predictions) is { } output)
                {
                    File.WriteAllLines(output, score.Lines);
                }

                Console.WriteLine(AchGoldEvaluator.Report(score, which));
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
