using BenchmarkDotNet.Attributes;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Syntax;
using Sitrep.Text;

namespace Sitrep.Bench.Stages;

/// <summary>
/// Tagging, lemmatising and parsing with the shipped syntax model: the whole <see cref="SyntaxStage"/> over a 200 KB
/// English text whose sentences and tokens are assigned beforehand (so only syntax is timed), and one claim-like
/// sentence through <see cref="SyntaxModel.Parse(string, ReadOnlySpan{Token})"/>. Words/s = tokens / mean time.
/// </summary>
[MemoryDiagnoser]
public class SyntaxBenchmarks
{
    private const string Claim = "At least 12 people were killed when the quake struck 10 kilometres deep on Tuesday, officials said.";

    private readonly SyntaxStage _stage = new();
    private Document _document = null!;
    private AnalyzedDocument _split = null!;
    private Token[] _claimTokens = [];

    /// <summary>Tokens of the text.</summary>
    public int Tokens { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _document = Document.Create(BenchText.English(200_000), "bench.txt").Build();
        _split = new AnalyzedDocument(_document);
        new SentenceStage().Process(_split, CancellationToken.None);
        Tokens = _split.Tokens.Count;
        _claimTokens = [.. Tokenizer.Tokenize(Claim)];
        _ = SyntaxModel.Default;
        Console.WriteLine($"// tokens: {Tokens:N0} in {_split.Sentences.Count:N0} sentences; claim: {_claimTokens.Length} tokens");
    }

    [Benchmark(Description = "syntax stage, 200 KB text (tag + lemma + parse)")]
    public int Stage()
    {
        var analyzed = new AnalyzedDocument(_document);
        analyzed.Tokens.AddRange(_split.Tokens);
        analyzed.Sentences.AddRange(_split.Sentences);
        _stage.Process(analyzed, CancellationToken.None);
        return analyzed.Layers.Get<SyntaxLayer>().Sentences.Count;
    }

    [Benchmark(Description = "one claim sentence (19 tokens)")]
    public int OneSentence() => SyntaxModel.Default.Parse(Claim, _claimTokens).Root;
}
