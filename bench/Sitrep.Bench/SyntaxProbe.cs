using System.Diagnostics;
using System.Globalization;
using Sitrep.Syntax;
using Sitrep.Syntax.Training;

namespace Sitrep.Bench;

/// <summary>
/// <c>syntax --conllu FILE [--model FILE] [--passes N]</c>: parses a treebank's own words several times and reports
/// words per CPU second of the parsing thread (steady state, after one warm-up pass). CPU time rather than wall time,
/// because the shared machine's load moves wall time by a factor of several.
/// </summary>
public static class SyntaxProbe
{
    public static int Run(string[] args)
    {
        var path = CorpusMaker.Arg(args, "--conllu") ?? throw new ArgumentException("--conllu FILE is required");
        var modelPath = CorpusMaker.Arg(args, "--model");
        var passes = int.Parse(CorpusMaker.Arg(args, "--passes") ?? "5", CultureInfo.InvariantCulture);
        var model = modelPath is null ? SyntaxModel.Default : SyntaxModel.Load(modelPath);
        var treebank = Conllu.Read(path);
        var sentences = treebank.Select(s => s.Words).ToList();
        var words = sentences.Sum(s => s.Count);

        // The treebank's own documents ("# newdoc"), parsed as the syntax stage parses a document: all at once.
        var documents = new List<List<IReadOnlyList<string>>>();
        foreach (var s in treebank)
        {
            if (documents.Count == 0 || s.Lines.Any(l => l.StartsWith("# newdoc", StringComparison.Ordinal)))
            {
                documents.Add([]);
            }

            documents[^1].Add(s.Words);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sentences.Count} sentences in {documents.Count} documents, {words} words"));
        Passes(model, sentences, documents, words, passes);
        Components(model, sentences);
        if (CorpusMaker.Arg(args, "--prune") is { } prunes)
        {
            var gold = Conllu.Read(path);
            foreach (var p in prunes.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)))
            {
                var parser = model.ParserWeights.Prune(p);
                var tagger = model.TaggerWeights.Prune(p);
                var pruned = new SyntaxModel(model.Tags, model.Relations, tagger, model.Tagger.Ambiguity, parser, model.Lemmatizer, model.Description, model.Clusters);
                var evaluation = SyntaxTrainer.Evaluate(pruned, gold);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"prune {p} steps (scale {model.ParserWeights.Scale}): parser {parser.Rows} rows {parser.Weights} weights, tagger {tagger.Rows} rows; UPOS {evaluation.Upos:0.0000} LAS {evaluation.Las:0.0000}"));
                if (CorpusMaker.Arg(args, "--save") is { } save && CorpusMaker.Arg(args, "--train") is { } train)
                {
                    // The model `train ud` would write with these prune steps (pruning is the last step of training).
                    var options = new SyntaxTrainingOptions { PruneSteps = p };
                    new SyntaxModel(model.Tags, model.Relations, tagger, model.Tagger.Ambiguity, parser, model.Lemmatizer, options.Describe(train), model.Clusters).Save(save);
                    Console.WriteLine($"saved {save}");
                }

                Passes(pruned, sentences, documents, words, 3);
                Components(pruned, sentences);
            }
        }
        return 0;
    }

    /// <summary>Times <paramref name="passes"/> passes (after a warm-up) one sentence at a time and a document at a time.</summary>
    private static void Passes(SyntaxModel model, List<IReadOnlyList<string>> sentences, List<List<IReadOnlyList<string>>> documents, int words, int passes)
    {
        for (var pass = 0; pass <= passes; pass++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var edges = 0L;
            foreach (var s in sentences)
            {
                edges += model.Parse(s).Root;
            }

            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pass {pass}{(pass == 0 ? " (warm-up)" : string.Empty)}, one sentence at a time: {words} words, {clock.Elapsed.TotalSeconds:0.000} s wall, {cpuSeconds:0.000} s CPU, {words / Math.Max(cpuSeconds, 1e-9):0} words per CPU second ({edges})"));

            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            edges = 0L;
            foreach (var d in documents)
            {
                foreach (var parse in model.Parse(d))
                {
                    edges += parse.Root;
                }
            }

            cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pass {pass}{(pass == 0 ? " (warm-up)" : string.Empty)}, a document at a time: {words} words, {clock.Elapsed.TotalSeconds:0.000} s wall, {cpuSeconds:0.000} s CPU, {words / Math.Max(cpuSeconds, 1e-9):0} words per CPU second ({edges})"));
        }

    }

    /// <summary>CPU time of each step alone: word features, tagging, parsing.</summary>
    private static void Components(SyntaxModel model, List<IReadOnlyList<string>> sentences)
    {
        var infos = sentences.Select(s => s.Select(w => Sitrep.Syntax.Features.WordInfo.From(w, model.Clusters)).ToArray()).ToList();
        var tags = infos.Select(i => new int[i.Length]).ToList();
        var words = infos.Sum(i => i.Length);
        var state = new Sitrep.Syntax.Parsing.ParserState();
        var heads = new int[1000];
        var labels = new int[1000];
        for (var pass = 0; pass < 3; pass++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var s in sentences)
            {
                foreach (var w in s)
                {
                    _ = Sitrep.Syntax.Features.WordInfo.From(w, model.Clusters);
                }
            }

            var features = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < infos.Count; i++)
            {
                model.Tagger.Tag(infos[i], tags[i]);
            }

            var tagged = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < infos.Count; i++)
            {
                model.Parser.Parse(infos[i], tags[i], state, heads, labels);
            }

            var parsed = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < infos.Count; i++)
            {
                for (var j = 0; j < infos[i].Length; j++)
                {
                    var tag = tags[i][j];
                    _ = model.Lemmatizer.Lemma(sentences[i][j], tag, model.Tags.Upos(tag));
                }
            }

            var lemmas = Process.GetCurrentProcess().TotalProcessorTime;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"word features {(features - cpu).TotalSeconds:0.000} s, tagging {(tagged - features).TotalSeconds:0.000} s, parsing {(parsed - tagged).TotalSeconds:0.000} s, lemmas {(lemmas - parsed).TotalSeconds:0.000} s CPU for {words} words"));
        }
    }
}
