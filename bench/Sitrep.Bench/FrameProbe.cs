using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using Sitrep.Claims;
using Sitrep.Claims.Frames;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Syntax;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Bench;

/// <summary>
/// <c>frames [--bodies train_bodies.csv] [--mb 2]</c>: the cost of reading claim frames from the parse. Runs the same
/// FNC-1 bodies, on one thread, through sentences, timexes and claims three ways: word rules only; the syntax stage
/// parsing on demand (only claim sentences, as the default pipeline does); every sentence parsed ahead. Reports CPU
/// seconds per MB of text (CPU time of this thread, not wall time, because the shared machine's load moves wall time
/// by a factor of several) and how many words were parsed.
/// </summary>
public static class FrameProbe
{
    public static int Run(string[] args)
    {
        var bodies = CorpusMaker.Arg(args, "--bodies") ?? Path.Combine("..", "shared", "datasets", "fnc-1", "train_bodies.csv");
        var megabytes = double.Parse(CorpusMaker.Arg(args, "--mb") ?? "2", CultureInfo.InvariantCulture);
        var documents = new List<Document>();
        long size = 0;
        using (var csv = CsvReader.FromFile(bodies, new CsvReaderOptions { Separator = ',' }))
        {
            while (csv.Read() && size < megabytes * 1_000_000)
            {
                var text = csv.GetString(1);
                documents.Add(Document.Create(text, csv.GetString(0) + ".txt").Build());
                size += System.Text.Encoding.UTF8.GetByteCount(text);
            }
        }

        var prepared = documents.Select(d =>
        {
            var a = new AnalyzedDocument(d);
            new SentenceStage().Process(a, CancellationToken.None);
            new TimexStage().Process(a, CancellationToken.None);
            return a;
        }).ToList();
        var words = prepared.Sum(a => a.Tokens.Count);
        _ = SyntaxModel.Default;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{documents.Count} FNC-1 bodies, {size / 1e6:0.00} MB, {words:N0} tokens"));

        // Warm up each path once on a few documents so that JIT time is not counted.
        Measure(prepared.Take(20).ToList(), null, false);
        Measure(prepared.Take(20).ToList(), SyntaxOptions.OnDemandDefault, true);

        var (plain, _, _) = Measure(prepared, null, false);
        var (onDemand, parsedOnDemand, frames) = Measure(prepared, SyntaxOptions.OnDemandDefault, true);
        var (eager, parsedEager, _) = Measure(prepared, SyntaxOptions.Default, true);
        var mb = size / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"claims, word rules only:            {plain:0.00} CPU s ({plain / mb:0.000} s/MB)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"claims + parse on demand + frames:  {onDemand:0.00} CPU s ({onDemand / mb:0.000} s/MB), {parsedOnDemand:N0} words parsed ({100.0 * parsedOnDemand / words:0}% of tokens), {frames.Parsed:N0} of {frames.Claims:N0} claim frames from the parse"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"claims + every sentence parsed:     {eager:0.00} CPU s ({eager / mb:0.000} s/MB), {parsedEager:N0} words parsed"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"frames: syntax + frame cost {(onDemand - plain) / mb:0.000} CPU s/MB on demand, {(eager - plain) / mb:0.000} CPU s/MB parsing every sentence"));
        return 0;
    }

    private static (double CpuSeconds, long WordsParsed, (int Claims, int Parsed) Frames) Measure(List<AnalyzedDocument> prepared, SyntaxOptions? syntax, bool useSyntax)
    {
        var claims = new ClaimStage(new ClaimOptions { UseSyntax = useSyntax });
        var stage = syntax is null ? null : new SyntaxStage(syntax);
        var copies = prepared.Select(p =>
        {
            var a = new AnalyzedDocument(p.Document);
            a.Tokens.AddRange(p.Tokens);
            a.Sentences.AddRange(p.Sentences);
            a.Layers.Set(p.Layers.Get<TimexLayer>());
            return a;
        }).ToList();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var a in copies)
        {
            stage?.Process(a, CancellationToken.None);
            claims.Process(a, CancellationToken.None);
        }

        var seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        long parsed = 0;
        int all = 0, fromParse = 0;
        foreach (var a in copies)
        {
            if (a.Layers.Find<SyntaxLayer>() is { } layer)
            {
                for (var s = 0; s < a.Sentences.Count; s++)
                {
                    parsed += layer.IsParsed(s) ? a.Sentences[s].TokenCount : 0;
                }
            }

            foreach (var c in a.Layers.Get<ClaimLayer>().Items)
            {
                all++;
                fromParse += c.Frame.Source == FrameSources.Parse ? 1 : 0;
            }
        }

        return (seconds, parsed, (all, fromParse));
    }
}
