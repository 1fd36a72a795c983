using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Sitrep.Documents;
using Sitrep.Entities.Recognition;
using Sitrep.Entities.Resolution;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Bench.Stages;

/// <summary>
/// Entity recognition and resolution over a 1 MB English text, one thread. Words per second = <see cref="Words"/>
/// divided by the mean time of <c>tagger</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcess))]
public class EntityBenchmarks
{
    private readonly EntityMentionStage _mentions = new();
    private readonly EntityResolutionStage _resolution = new();
    private List<string[]> _sentences = null!;
    private AnalyzedDocument _tokenized = null!;
    private Corpus _corpus = null!;

    /// <summary>Words in the benchmark text (printed at setup).</summary>
    public static int Words { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var document = Document.Create(BenchText.English(1_000_000), "bench.txt").Build();
        _tokenized = new AnalyzedDocument(document);
        new SentenceStage().Process(_tokenized, CancellationToken.None);
        _sentences = [.. _tokenized.Sentences.Select(s => _tokenized.TokensOf(s).ToArray().Select(t => document.Text.Substring(t.Start, t.Length)).ToArray())];
        Words = _sentences.Sum(s => s.Length);
        Console.WriteLine($"// {Words} words in {_sentences.Count} sentences");

        // Ten documents of 100 KB each for the corpus stage.
        var docs = Enumerable.Range(0, 10).Select(i =>
        {
            var analyzed = new AnalyzedDocument(Document.Create(BenchText.English(100_000) + " " + i, $"d{i}.txt").Build());
            new SentenceStage().Process(analyzed, CancellationToken.None);
            _mentions.Process(analyzed, CancellationToken.None);
            return analyzed;
        }).ToList();
        _corpus = new Corpus(docs);
    }

    [Benchmark(Description = "tagger, 1 MB (words/s = words / mean)")]
    public int Tagger() => PerceptronTagger.Default.Tag(_sentences).Length;

    [Benchmark(Description = "mention stage (tagger + repairs + filters), 1 MB")]
    public int MentionStage() => _mentions.Predict(_tokenized, CancellationToken.None).Mentions.Count;

    [Benchmark(Description = "resolution stage, 10 × 100 KB documents")]
    public int Resolution()
    {
        _resolution.Process(_corpus, CancellationToken.None);
        return _corpus.Layers.Get<EntityLayer>().Entities.Count;
    }
}

/// <summary>
/// One short in-process job: the out-of-process boilerplate build failed intermittently on the shared machine when
/// other builds touched the same obj folders.
/// </summary>
internal sealed class ShortInProcess : ManualConfig
{
    public ShortInProcess() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(6));
}
