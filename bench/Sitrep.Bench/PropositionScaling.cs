using System.Diagnostics;
using System.Globalization;
using Sitrep.Claims;
using Sitrep.Corroboration;
using Sitrep.Corroboration.Propositions;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Bench;

/// <summary>
/// <c>propositions --corpus DIR</c>: the scaling curve of proposition grouping. Claims come from real text (the FNC-1
/// bench corpus): documents are analysed once, then the proposition stage runs over growing prefixes of the corpus
/// until it holds 1,000 … 100,000 claims, reporting wall time and allocated memory for each size.
/// </summary>
public static class PropositionScaling
{
    public static int Run(string[] args)
    {
        var corpusDir = CorpusMaker.Arg(args, "--corpus") ?? throw new ArgumentException("--corpus DIR is required");
        var max = int.Parse(CorpusMaker.Arg(args, "--max") ?? "100000", CultureInfo.InvariantCulture);
        var pipeline = new AnalysisPipelineBuilder().Use(new SentenceStage()).Use(new TimexStage()).Use(new ClaimStage(new ClaimOptions { UseSyntax = false })).Build();
        var analyzed = new List<AnalyzedDocument>();
        var claims = 0;
        foreach (var chunk in Directory.EnumerateFiles(corpusDir).Order(StringComparer.Ordinal).Chunk(512))
        {
            var batch = pipeline.AnalyzeBatch([.. chunk.Select(f => Document.Create(File.ReadAllText(f), f).Build())]);
            analyzed.AddRange(batch.Documents);
            claims += batch.Documents.Sum(d => d.Layers.Find<ClaimLayer>()?.Items.Count ?? 0);
            if (claims >= max)
            {
                break;
            }
        }

        Console.WriteLine("| claims | documents | propositions | multi-claim | contradictions | wall | allocated |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var target in new[] { 1_000, 3_000, 10_000, 30_000, 100_000 }.Where(t => t <= max))
        {
            var subset = new List<AnalyzedDocument>();
            var count = 0;
            foreach (var doc in analyzed)
            {
                if (count >= target)
                {
                    break;
                }

                subset.Add(doc);
                count += doc.Layers.Find<ClaimLayer>()?.Items.Count ?? 0;
            }

            var corpus = new Corpus(subset);
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            new PropositionStage().Process(corpus, CancellationToken.None);
            clock.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            var layer = corpus.Layers.Get<PropositionLayer>();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {count:N0} | {subset.Count:N0} | {layer.Propositions.Count:N0} | {layer.Propositions.Count(p => p.Claims.Count > 1):N0} | {layer.Contradictions.Count:N0} | {clock.Elapsed.TotalSeconds:0.00} s | {allocated / 1e6:N0} MB |"));
        }

        return 0;
    }
}
