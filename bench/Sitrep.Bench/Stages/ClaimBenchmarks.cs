using BenchmarkDotNet.Attributes;
using Sitrep.Claims;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Bench.Stages;

/// <summary>
/// The claims stage alone over 1 MB of English (tokens and sentences assigned beforehand), and tokenising plus claims
/// together. Throughput in sentences/s is the sentence count printed at setup divided by the mean time.
/// </summary>
[MemoryDiagnoser]
public class ClaimBenchmarks
{
    private readonly ClaimStage _claims = new();
    private readonly SentenceStage _sentences = new();
    private Document _document = null!;
    private AnalyzedDocument _analyzed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _document = Document.Create(BenchText.English(1_000_000), "bench.txt").Build();
        _analyzed = new AnalyzedDocument(_document);
        _sentences.Process(_analyzed, CancellationToken.None);
        Console.WriteLine($"// claims bench: {_analyzed.Sentences.Count} sentences, {_document.Text.Length} characters");
    }

    [Benchmark(Description = "claims only, 1 MB")]
    public int Claims()
    {
        _claims.Process(_analyzed, CancellationToken.None);
        return _analyzed.Layers.Get<ClaimLayer>().Items.Count;
    }

    [Benchmark(Description = "sentences+claims, 1 MB")]
    public int SentencesAndClaims()
    {
        var analyzed = new AnalyzedDocument(_document);
        _sentences.Process(analyzed, CancellationToken.None);
        _claims.Process(analyzed, CancellationToken.None);
        return analyzed.Layers.Get<ClaimLayer>().Items.Count;
    }
}
