using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Errors;
using Sitrep.Time;
using Sitrep.Time.Normalisation;
using Sitrep.Time.TimeMl;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval timex --timeml DIR [--predictions DIR] [--errors N]</c>: TempEval-3 scores of the temporal tagger
/// over TimeML files, each anchored to its DCT.
/// </summary>
internal static class EvalTimexCommand
{
    public static Command Create()
    {
        var timeml = new Option<string>("--timeml") { Description = "Folder of TimeML .tml files (searched recursively).", Required = true, HelpName = "DIR" };
        var predictions = new Option<string?>("--predictions") { Description = "Write each document back as TimeML with Sitrep's TIMEX3 tags into this folder.", HelpName = "DIR" };
        var errors = new Option<int>("--errors") { Description = "Print up to N missed, spurious and wrong-value timexes.", DefaultValueFactory = _ => 0 };
        var command = new Command("timex", "Temporal expressions: TempEval-3 extent, type and value scores over TimeML.") { timeml, predictions, errors };
        command.SetAction(parse =>
        {
            try
            {
                return Run(parse.GetValue(timeml)!, parse.GetValue(predictions), parse.GetValue(errors));
            }
            catch (SitrepException ex)
            {
                return CommandErrors.Report(ex);
            }
        });
        return command;
    }

    private static int Run(string folder, string? predictions, int errorLimit)
    {
        if (!Directory.Exists(folder))
        {
            throw SitrepErrors.BadOption.Exception("--timeml", folder, "an existing folder of .tml files");
        }

        var files = Directory.EnumerateFiles(folder, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw SitrepErrors.BadOption.Exception("--timeml", folder, "a folder holding at least one .tml file");
        }

        if (predictions is not null)
        {
            Directory.CreateDirectory(predictions);
        }

        var scorer = new TimexScorer();
        var shown = 0;
        long words = 0;
        var clock = new Stopwatch();
        foreach (var file in files)
        {
            TimeMlDocument doc;
            try
            {
                doc = TimeMlDocument.Parse(File.ReadAllText(file));
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or IOException)
            {
                var error = SitrepErrors.TimeMlUnreadable.At(file, ex.Message);
                Console.Error.WriteLine($"{error.Path}: {error.Code}: {error.Message}");
                continue;
            }

            var reference = ReferenceTime.TryParse(doc.CreationTime, AnchorKind.Document);
            clock.Start();
            var found = TimexAnnotator.Annotate(doc.Text, reference);
            clock.Stop();
            words += doc.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            var system = found.Select(t => new TimeMlTimex(t.Range, t.TypeName, t.Value)).ToList();
            var pairs = scorer.Add(doc.Timexes, system);
            if (predictions is not null)
            {
                File.WriteAllText(Path.Combine(predictions, Path.GetFileName(file)), doc.WithTimexes(found));
            }

            if (shown < errorLimit)
            {
                shown += PrintErrors(Path.GetFileName(file), doc, system, pairs, errorLimit - shown);
            }
        }

        var s = scorer;
        Console.WriteLine(Invariant($"documents: {files.Count}   gold timexes: {s.Gold}   system timexes: {s.System}"));
        Console.WriteLine(Invariant($"strict extent   P {s.Precision(s.Strict):0.0000}  R {s.Recall(s.Strict):0.0000}  F1 {s.F1(s.Strict):0.0000}"));
        Console.WriteLine(Invariant($"relaxed extent  P {s.Precision(s.Relaxed):0.0000}  R {s.Recall(s.Relaxed):0.0000}  F1 {s.F1(s.Relaxed):0.0000}"));
        Console.WriteLine(Invariant($"type accuracy   {(s.Relaxed == 0 ? 0 : s.TypeCorrect / (double)s.Relaxed):0.0000}   type F1 {s.F1(s.TypeCorrect):0.0000}"));
        Console.WriteLine(Invariant($"value accuracy  {(s.Relaxed == 0 ? 0 : s.ValueCorrect / (double)s.Relaxed):0.0000}"));
        Console.WriteLine(Invariant($"tagging speed   {words / Math.Max(1e-9, clock.Elapsed.TotalSeconds):N0} words/s ({words:N0} words, one thread, includes JIT warm-up)"));
        Console.WriteLine(Invariant($"value F1: {s.F1(s.ValueCorrect):0.0000}"));
        return ExitCodes.Ok;
    }

    private static int PrintErrors(string name, TimeMlDocument doc, List<TimeMlTimex> system, IReadOnlyList<(int Gold, int System)> pairs, int budget)
    {
        var printed = 0;
        var matchedGold = pairs.Select(p => p.Gold).ToHashSet();
        var matchedSystem = pairs.Select(p => p.System).ToHashSet();
        void Line(string kind, string detail)
        {
            if (printed < budget)
            {
                Console.WriteLine($"{kind}\t{name}\t{detail}");
                printed++;
            }
        }

        for (var g = 0; g < doc.Timexes.Count; g++)
        {
            if (!matchedGold.Contains(g))
            {
                var t = doc.Timexes[g];
                Line("MISS", $"{t.Type}\t{t.Value}\t{Flat(doc.Text[t.Range.Start..t.Range.End])}\t… {Flat(Around(doc.Text, t.Range.Start, t.Range.End))}");
            }
        }

        for (var i = 0; i < system.Count; i++)
        {
            if (!matchedSystem.Contains(i))
            {
                var t = system[i];
                Line("SPUR", $"{t.Type}\t{t.Value}\t{Flat(doc.Text[t.Range.Start..t.Range.End])}\t… {Flat(Around(doc.Text, t.Range.Start, t.Range.End))}");
            }
        }

        foreach (var (g, i) in pairs)
        {
            var gold = doc.Timexes[g];
            var sys = system[i];
            if (gold.Range != sys.Range)
            {
                Line("EXTENT", $"gold '{Flat(doc.Text[gold.Range.Start..gold.Range.End])}' system '{Flat(doc.Text[sys.Range.Start..sys.Range.End])}'");
            }

            if (!string.Equals(gold.Value, sys.Value, StringComparison.Ordinal))
            {
                Line("VALUE", $"{Flat(doc.Text[gold.Range.Start..gold.Range.End])}\tgold {gold.Type} {gold.Value}\tsystem {sys.Type} {sys.Value}\tdct {doc.CreationTime}\t… {Flat(Around(doc.Text, gold.Range.Start, gold.Range.End))}");
            }
        }

        return printed;
    }

    private static string Around(string text, int start, int end)
    {
        var from = Math.Max(0, start - 40);
        var to = Math.Min(text.Length, end + 40);
        return text[from..to];
    }

    private static string Flat(string text) => text.ReplaceLineEndings(" ");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
