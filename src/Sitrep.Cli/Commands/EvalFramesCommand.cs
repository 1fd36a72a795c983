using System.CommandLine;
using Sitrep.Claims.Frames;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval frames [--gold DIR] [--file NAME] [--errors]</c>: scores claim frames (event class, predicate lemma,
/// participant roles) read from trigger words alone and from the dependency parse, per gold file; the last line is
/// <c>frames: …</c> with the parse's figures over all files.
/// </summary>
internal static class EvalFramesCommand
{
    public static Command Create()
    {
        var gold = new Option<string>("--gold")
        {
            Description = "Folder of frames gold files (*.jsonl), or one file.",
            DefaultValueFactory = _ => Path.Combine("tests", "gold", "frames"),
            HelpName = "DIR",
        };
        var file = new Option<string?>("--file") { Description = "Score only this file of the folder (e.g. dev.jsonl).", HelpName = "NAME" };
        var errors = new Option<bool>("--errors") { Description = "List every disagreement of the parse (use on the development file only)." };
        var command = new Command("frames", "Score claim frames (event class, lemma, participant roles) from word rules and from the parse against the frames gold set.") { gold, file, errors };
        command.SetAction(parse => Run(parse.GetValue(gold)!, parse.GetValue(file), parse.GetValue(errors)));
        return command;
    }

    private static int Run(string gold, string? only, bool listErrors)
    {
        var files = Directory.Exists(gold)
            ? Directory.GetFiles(gold, "*.jsonl").Where(f => only is null || string.Equals(Path.GetFileName(f), only, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
            : File.Exists(gold) ? [gold] : [];
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"sitrep: frames gold '{gold}' holds no *.jsonl file{(only is null ? string.Empty : $" named '{only}'")}. Expected a folder like tests/gold/frames with dev.jsonl and heldout.jsonl.");
            return ExitCodes.Usage;
        }

        var all = new List<FrameGoldItem>();
        foreach (var path in files)
        {
            try
            {
                var items = FrameEvaluator.Read(path);
                all.AddRange(items);
                Print(Path.GetFileName(path), items, listErrors);
            }
            catch (InvalidDataException ex)
            {
                Console.Error.WriteLine($"sitrep: frames gold file '{path}' is not valid: {ex.Message}");
                return ExitCodes.Usage;
            }
        }

        var words = FrameEvaluator.Evaluate(all, useSyntax: false);
        var parsed = FrameEvaluator.Evaluate(all, useSyntax: true);
        var name = files.Count > 1 ? "all files" : Path.GetFileName(files[0]);
        Console.WriteLine($"== {name}: {all.Count} sentences");
        Console.WriteLine($"words: {FrameEvaluator.Describe(words)}");
        Console.WriteLine($"frames: {FrameEvaluator.Describe(parsed)}");
        return ExitCodes.Ok;
    }

    private static void Print(string name, IReadOnlyList<FrameGoldItem> items, bool listErrors)
    {
        var words = FrameEvaluator.Evaluate(items, useSyntax: false);
        var parsed = FrameEvaluator.Evaluate(items, useSyntax: true);
        Console.WriteLine($"== {name}: {items.Count} sentences");
        Console.WriteLine($"words {FrameEvaluator.Describe(words)}");
        Console.WriteLine($"parse {FrameEvaluator.Describe(parsed)}");
        if (listErrors)
        {
            foreach (var e in parsed.Errors)
            {
                Console.WriteLine("  " + e);
            }
        }
    }
}
