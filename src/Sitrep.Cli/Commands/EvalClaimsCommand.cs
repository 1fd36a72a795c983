using System.CommandLine;
using System.Globalization;
using Sitrep.Claims.Evaluation;
using Sitrep.Errors;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval claims --gold DIR [--file NAME] [--errors]</c>: scores the claim rules on the gold set, one block per
/// file and one for all files together, and ends with <c>macro F1: 0.xxxx</c> over all files.
/// </summary>
internal static class EvalClaimsCommand
{
    public static Command Create()
    {
        var gold = new Option<string>("--gold")
        {
            Description = "Folder of claims gold files (*.jsonl), or one file.",
            DefaultValueFactory = _ => Path.Combine("tests", "gold", "claims"),
            HelpName = "DIR",
        };
        var file = new Option<string?>("--file") { Description = "Score only this file of the folder (e.g. dev.jsonl).", HelpName = "NAME" };
        var errors = new Option<bool>("--errors") { Description = "List every disagreement (use on the development file only)." };
        var command = new Command("claims", "Score claims (holder, polarity, modality, hearsay, kind, quantities) against the claims gold set.") { gold, file, errors };
        command.SetAction((parse, _) => Task.FromResult(Run(parse.GetValue(gold)!, parse.GetValue(file), parse.GetValue(errors))));
        return command;
    }

    private static int Run(string gold, string? only, bool listErrors)
    {
        try
        {
            var files = Directory.Exists(gold)
                ? Directory.GetFiles(gold, "*.jsonl").Where(f => only is null || string.Equals(Path.GetFileName(f), only, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
                : File.Exists(gold) ? [gold] : [];
            if (files.Count == 0)
            {
                throw SitrepErrors.ClaimsGoldMissing.Exception(gold, only is null ? string.Empty : $" named '{only}'");
            }

            var all = new List<ClaimGoldItem>();
            foreach (var path in files)
            {
                IReadOnlyList<ClaimGoldItem> items;
                try
                {
                    items = ClaimGold.Read(path);
                }
                catch (InvalidDataException ex)
                {
                    throw SitrepErrors.ClaimsGoldInvalid.Exception(path, ex.Message);
                }

                all.AddRange(items);
                if (files.Count > 1)
                {
                    Print(Path.GetFileName(path), ClaimEvaluator.Evaluate(items), listErrors);
                }

                PrintBySource(Path.GetFileName(path), items);
            }

            var total = ClaimEvaluator.Evaluate(all);
            Print(files.Count > 1 ? "all files" : Path.GetFileName(files[0]), total, listErrors && files.Count == 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"macro F1: {total.MacroF1:0.0000}"));
            return ExitCodes.Ok;
        }
        catch (SitrepException ex)
        {
            Console.Error.WriteLine($"sitrep: {ex.Message}");
            return ExitCodes.Usage;
        }
    }

    /// <summary>Sentences written for the set share their author's conventions with the rules; public ones do not. Report both.</summary>
    private static void PrintBySource(string name, IReadOnlyList<ClaimGoldItem> items)
    {
        foreach (var group in items.GroupBy(i => i.Src ?? "own", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var evaluation = ClaimEvaluator.Evaluate(group);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} source={group.Key}: {evaluation.Items} sentences, macro F1 {evaluation.MacroF1:0.0000}"));
        }
    }

    private static void Print(string name, ClaimEvaluation evaluation, bool listErrors)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {name}: {evaluation.Items} sentences"));
        Console.WriteLine("attribute     P       R       F1      (correct / predicted / gold)");
        foreach (var s in evaluation.Scores)
        {
            if (!s.Applicable)
            {
                Console.WriteLine($"{s.Name,-12} n/a (nothing to find in gold or prediction; left out of the macro average)");
                continue;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Name,-12} {s.Precision,6:0.0000}  {s.Recall,6:0.0000}  {s.F1,6:0.0000}  ({s.Correct} / {s.Predicted} / {s.Gold})"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} macro F1 {evaluation.MacroF1:0.0000}"));
        if (listErrors)
        {
            foreach (var e in evaluation.Errors)
            {
                Console.WriteLine("  " + e);
            }
        }
    }
}
