using System.Text;
using BenchmarkDotNet.Attributes;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Time;

namespace Sitrep.Bench.Stages;

/// <summary>
/// The temporal tagger and normaliser over 1 MB of text: the plain English bench text, and a dense text where every
/// sentence carries temporal expressions (written for Sitrep). Words/s = <see cref="Words"/> / mean time.
/// </summary>
[MemoryDiagnoser]
public class TimexBenchmarks
{
    private static readonly string[] DenseSentences =
    [
        "UPDATE 05:37 CET: the ministry has said nothing since yesterday evening.",
        "The column left Rostov on Saturday, June 24, 2023, at about 10:00 Moscow time.",
        "Three days later the talks resumed, and they lasted for 24 hours.",
        "1 year ago a similar convoy stopped within two hours of the border.",
        "Earlier this month officials promised a decision in the year ahead, or by the third quarter.",
        "Patrols now run daily, every Monday and twice a week at night.",
    ];

    private Document _plain = null!;
    private Document _dense = null!;
    private readonly TimexStage _stage = new();

    /// <summary>Words in the plain text (white-space separated).</summary>
    public int Words { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var plain = BenchText.English(1_000_000);
        _plain = Document.Create(plain, "plain.txt").WithSource(new Source(Published: new DateTimeOffset(2023, 6, 25, 9, 0, 0, TimeSpan.FromHours(3)))).Build();
        var sb = new StringBuilder(1_000_200);
        var i = 0;
        while (sb.Length < 1_000_000)
        {
            sb.Append(DenseSentences[i++ % DenseSentences.Length]).Append(i % 4 == 0 ? "\n" : " ");
        }

        _dense = Document.Create(sb.ToString(), "dense.txt").WithSource(new Source(Published: new DateTimeOffset(2023, 6, 25, 9, 0, 0, TimeSpan.FromHours(3)))).Build();
        Words = plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        Console.WriteLine($"// words: plain {Words:N0}, dense {_dense.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length:N0}");
    }

    [Benchmark(Description = "timex stage, 1 MB news-like text")]
    public int Plain()
    {
        var analyzed = new AnalyzedDocument(_plain);
        _stage.Process(analyzed, CancellationToken.None);
        return analyzed.Layers.Get<TimexLayer>().Items.Count;
    }

    [Benchmark(Description = "timex stage, 1 MB dense temporal text")]
    public int Dense()
    {
        var analyzed = new AnalyzedDocument(_dense);
        _stage.Process(analyzed, CancellationToken.None);
        return analyzed.Layers.Get<TimexLayer>().Items.Count;
    }
}
