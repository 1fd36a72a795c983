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
    private readonly ClaimStage _rulesOnly = new(new ClaimOptions { ExcludeChatter = false });
    private readonly SentenceStage _sentences = new();
    private Document _document = null!;
    private AnalyzedDocument _analyzed = null!;

    /// <summary><c>synthetic</c>: BenchText; <c>fnc1</c>: the first 1 MB of FNC-1 training bodies from ../shared (real news prose).</summary>
    [Params("synthetic", "fnc1")]
    public string Text { get; set; } = "synthetic";

    [GlobalSetup]
    public void Setup()
    {
        var text = Text == "fnc1" ? Fnc1Text(1_000_000) : BenchText.English(1_000_000);
        _document = Document.Create(text, "bench.txt").Build();
        _analyzed = new AnalyzedDocument(_document);
        _sentences.Process(_analyzed, CancellationToken.None);
        Console.WriteLine($"// claims bench {Text}: {_analyzed.Sentences.Count} sentences, {_document.Text.Length} characters");
    }

    private static string Fnc1Text(int characters)
    {
        // Set SITREP_SHARED to the shared folder: benchmark processes run from their own build folder.
        var shared = Environment.GetEnvironmentVariable("SITREP_SHARED") ?? throw new InvalidOperationException("Set SITREP_SHARED to the folder holding datasets/fnc-1.");
        var path = Path.Combine(shared, "datasets", "fnc-1", "train_bodies.csv");

        // The CSV's quoting does not matter here: the text only needs to be real prose of the right size.
        var text = File.ReadAllText(path);
        return text.Length > characters ? text[..characters] : text;
    }

    [Benchmark(Description = "claims only, 1 MB")]
    public int Claims()
    {
        _claims.Process(_analyzed, CancellationToken.None);
        return _analyzed.Layers.Get<ClaimLayer>().Items.Count;
    }

    /// <summary>The same without the check-worthiness model (structure rules only): what the chatter judgment costs.</summary>
    [Benchmark(Description = "claims only without the chatter model, 1 MB")]
    public int ClaimsWithoutChatterModel()
    {
        _rulesOnly.Process(_analyzed, CancellationToken.None);
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
