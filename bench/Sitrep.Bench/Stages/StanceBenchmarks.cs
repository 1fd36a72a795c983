using BenchmarkDotNet.Attributes;
using Sitrep.Corroboration.Stance;

namespace Sitrep.Bench.Stages;

/// <summary>
/// Stance classification throughput with the shipped models: FNC-1 pairs (2,000-character bodies, 80-character
/// headlines) analysed from scratch or against an already prepared body, and SDQC replies (120 characters).
/// </summary>
[MemoryDiagnoser]
public class StanceBenchmarks
{
    private const int Items = 100;
    private readonly Fnc1StanceClassifier _fnc1 = Fnc1StanceClassifier.Default;
    private readonly SdqcStanceClassifier _sdqc = SdqcStanceClassifier.Default;
    private string[] _headlines = null!;
    private string[] _bodies = null!;
    private string[] _replies = null!;
    private PreparedText _preparedBody = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = BenchText.English(Items * 2_400);
        _bodies = Enumerable.Range(0, Items).Select(i => text.Substring(i * 2_000, 2_000)).ToArray();
        _headlines = Enumerable.Range(0, Items).Select(i => text.Substring((i * 2_000) + 500, 80)).ToArray();
        _replies = Enumerable.Range(0, Items).Select(i => "@someone " + text.Substring((i * 2_000) + 900, 110) + "?").ToArray();
        _preparedBody = _fnc1.Featurizer.Prepare(_bodies[0]);
    }

    [Benchmark(Description = "FNC-1 pair (prepare both + classify)", OperationsPerInvoke = Items)]
    public int Fnc1Pair()
    {
        var related = 0;
        for (var i = 0; i < Items; i++)
        {
            related += _fnc1.Classify(_headlines[i], _bodies[i]).Label == "unrelated" ? 0 : 1;
        }

        return related;
    }

    [Benchmark(Description = "FNC-1 headline vs prepared body", OperationsPerInvoke = Items)]
    public int Fnc1PreparedBody()
    {
        var related = 0;
        for (var i = 0; i < Items; i++)
        {
            related += _fnc1.Classify(_fnc1.Featurizer.Prepare(_headlines[i]), _preparedBody).Label == "unrelated" ? 0 : 1;
        }

        return related;
    }

    [Benchmark(Description = "SDQC reply", OperationsPerInvoke = Items)]
    public int SdqcReply()
    {
        var queries = 0;
        for (var i = 0; i < Items; i++)
        {
            queries += _sdqc.Classify(_headlines[i], _replies[i]).Label == "query" ? 1 : 0;
        }

        return queries;
    }
}
