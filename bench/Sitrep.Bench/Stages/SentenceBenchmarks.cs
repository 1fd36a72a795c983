using BenchmarkDotNet.Attributes;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Bench.Stages;

/// <summary>Tokenizing and sentence splitting over a 1 MB English text.</summary>
[MemoryDiagnoser]
public class SentenceBenchmarks
{
    private Document _document = null!;
    private readonly SentenceStage _stage = new();

    [GlobalSetup]
    public void Setup() => _document = Document.Create(BenchText.English(1_000_000), "bench.txt").Build();

    [Benchmark(Description = "sentences+tokens, 1 MB")]
    public int Split()
    {
        var analyzed = new AnalyzedDocument(_document);
        _stage.Process(analyzed, CancellationToken.None);
        return analyzed.Tokens.Count;
    }
}
