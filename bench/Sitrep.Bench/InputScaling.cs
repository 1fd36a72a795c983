using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sitrep.Engine;
using Sitrep.Ingest;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Manifest;
using Sitrep.Pipeline;

namespace Sitrep.Bench;

/// <summary>
/// <c>scaling [--case long-line|one-sentence|paragraphs|nesting|self-closing|mismatched|all] [--sizes 1,2,4,8] [--stages]</c>: wall time of
/// ingest and of every document and corpus stage on one hostile input of 1, 2, 4 and 8 MB. Linear growth means each
/// doubling of the size roughly doubles the time. <c>long-line</c> is prose with no line break at all; <c>one-sentence</c> the same
/// with every full stop made a comma (one sentence of megabytes); <c>nesting</c>
/// is <c>&lt;div&gt;</c> opened a million times; <c>self-closing</c> is <c>&lt;div/&gt;</c> repeated (which HTML
/// parsers nest, as the slash means nothing on a div); <c>mismatched</c> is <c>&lt;div&gt;&lt;/x&gt;</c> repeated;
/// <c>file:PATH</c> and <c>folder:DIR</c> are real prose (a file, or every <c>*.txt</c> of a folder such as
/// <c>../shared/seeds</c>) with its line breaks made spaces, repeated to the size: pasted text as it often arrives.
/// </summary>
public static class InputScaling
{
    private static readonly string[] Words =
        "the army said troops moved toward the city on Monday while officials in Kyiv denied reports that the bridge was destroyed by a missile strike near the border according to witnesses and 300 people fled"
            .Split(' ');

    public static int Run(string[] args)
    {
        var which = CorpusMaker.Arg(args, "--case") ?? "all";
        var sizes = (CorpusMaker.Arg(args, "--sizes") ?? "1,2,4,8").Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var stages = args.Contains("--stages");
        var cases = which == "all" ? new[] { "long-line", "one-sentence", "paragraphs", "nesting", "self-closing", "mismatched" } : which.Split(',');
        var pipeline = DefaultPipeline.Build(maxDegreeOfParallelism: 1);
        var ingestor = new DocumentIngestor(IngestOptions.Default, SourceManifest.Empty);
        Console.WriteLine("| case | MB | ingest | document stages | corpus stages | total | sentences | warnings |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var name in cases)
        {
            foreach (var mb in sizes)
            {
                var bytes = (int)(mb * 1_000_000);
                var (content, extension) = Make(name, bytes);
                var file = new InputFile("/bench/" + name + extension, name + extension);
                var raw = new RawInput(file, Encoding.UTF8.GetBytes(content));
                var clock = Stopwatch.StartNew();
                var read = ingestor.Ingest(raw);
                var ingest = clock.Elapsed;
                var perStage = new List<(string, TimeSpan)>();
                var analysed = new List<AnalyzedDocument>();
                clock.Restart();
                foreach (var document in read.Documents)
                {
                    var analyzed = new AnalyzedDocument(document);
                    foreach (var stage in pipeline.DocumentStages)
                    {
                        var at = clock.Elapsed;
                        stage.Process(analyzed, CancellationToken.None);
                        analyzed.StagesRun.Add(stage.Name);
                        perStage.Add((stage.Name, clock.Elapsed - at));
                    }

                    analysed.Add(analyzed);
                }

                var documentStages = clock.Elapsed;
                clock.Restart();
                var corpus = new Corpus(analysed);
                pipeline.AnalyzeCorpus(corpus, CancellationToken.None);
                var corpusStages = clock.Elapsed;
                var sentences = analysed.Sum(a => a.Sentences.Count);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {name} | {mb:0.##} | {ingest.TotalSeconds:0.00} s | {documentStages.TotalSeconds:0.00} s | {corpusStages.TotalSeconds:0.00} s | {(ingest + documentStages + corpusStages).TotalSeconds:0.00} s | {sentences:N0} | {string.Join(" ", read.Errors.Select(e => e.Code).Distinct())} |"));
                if (stages)
                {
                    foreach (var (stage, time) in perStage.Concat(corpus.StageTimes.Select(p => (p.Key, p.Value))))
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"|   {stage} | | {time.TotalSeconds:0.000} s |"));
                    }
                }
            }
        }

        return 0;
    }

    /// <summary>A hostile input of about <paramref name="bytes"/> bytes, and the file extension it is read under.</summary>
    public static (string Content, string Extension) Make(string name, int bytes) => name switch
    {
        _ when name.StartsWith("file:", StringComparison.Ordinal) => (OneLine(File.ReadAllText(name[5..]), bytes), ".txt"),
        _ when name.StartsWith("folder:", StringComparison.Ordinal) => (OneLine(string.Join(' ', Directory.EnumerateFiles(name[7..], "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)), bytes), ".txt"),
        "long-line" => (Prose(bytes, paragraphs: false), ".txt"),
        "one-sentence" => (Prose(bytes, paragraphs: false).Replace(". ", ", ", StringComparison.Ordinal), ".txt"),
        "paragraphs" => (Prose(bytes, paragraphs: true), ".txt"),
        "nesting" => ("<html><body>" + Repeat("<div>", bytes) + "text", ".html"),
        "self-closing" => ("<html><body>" + Repeat("<div/>", bytes) + "text", ".html"),
        "mismatched" => ("<html><body>" + Repeat("<div></x>", bytes) + "text", ".html"),
        _ => throw new ArgumentException($"unknown case '{name}'; expected long-line, paragraphs, nesting, self-closing or mismatched"),
    };

    // Real prose with its line breaks made spaces, repeated to the size: pasted text as it often arrives.
    private static string OneLine(string text, int bytes) =>
        Repeat(text.ReplaceLineEndings(" ") + " ", bytes);

    private static string Repeat(string unit, int bytes)
    {
        var builder = new StringBuilder(bytes + unit.Length);
        while (builder.Length < bytes)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }

    private static string Prose(int bytes, bool paragraphs)
    {
        var random = new Random(7);
        var builder = new StringBuilder(bytes + 200);
        var inParagraph = 0;
        while (builder.Length < bytes)
        {
            var count = random.Next(8, 20);
            var start = builder.Length;
            for (var i = 0; i < count; i++)
            {
                builder.Append(i == 0 ? string.Empty : " ").Append(Words[random.Next(Words.Length)]);
            }

            builder[start] = char.ToUpperInvariant(builder[start]);
            builder.Append('.');
            if (paragraphs && ++inParagraph == 5)
            {
                builder.Append("\n\n");
                inParagraph = 0;
            }
            else
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }
}
