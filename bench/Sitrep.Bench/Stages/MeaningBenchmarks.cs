using BenchmarkDotNet.Attributes;
using Sitrep.Meaning.Encoding;
using Sitrep.Meaning.Pairs;

namespace Sitrep.Bench.Stages;

/// <summary>
/// The MiniLM sentence encoder on 1 and 2 intra-op threads (64 news-length sentences of about 25 words per call, batches
/// of 32), and the pair classifier judging pairs whose sentence vectors are already computed (its word vectors come
/// from its bounded cache, warm after the first call, as when one corpus's claims are compared).
/// </summary>
[MemoryDiagnoser]
public class MeaningBenchmarks
{
    private const int Sentences = 64;
    private MiniLmSentenceEncoder _encoder = null!;
    private string[] _sentences = null!;
    private EncodedPair[] _pairs = null!;
    private NliPairClassifier _classifier = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var words = BenchText.English(Sentences * 400).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        _sentences = Enumerable.Range(0, Sentences).Select(i => string.Join(' ', words.Skip(i * 25).Take(25))).ToArray();
        _encoder = new MiniLmSentenceEncoder(new MiniLmOptions { IntraOpThreads = Threads });
        _classifier = NliPairClassifier.Default;
        var vectors = _classifier.Encoder.Encode(_sentences);
        _pairs = Enumerable.Range(0, Sentences).Select(i => new EncodedPair(_sentences[i], vectors[i], _sentences[(i + 1) % Sentences], vectors[(i + 1) % Sentences])).ToArray();
        _classifier.Judge(_pairs);
    }

    [GlobalCleanup]
    public void Cleanup() => _encoder.Dispose();

    [Benchmark(Description = "MiniLM encode, 25-word sentence", OperationsPerInvoke = Sentences)]
    public int Encode() => _encoder.Encode(_sentences).Length;

    [Benchmark(Description = "NLI judgment, vectors given", OperationsPerInvoke = Sentences)]
    public int Judge() => _classifier.Judge(_pairs).Count(j => j.Relation == PairRelation.Contradicts);
}
