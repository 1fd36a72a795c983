using Sitrep.Hypotheses.Meaning;

namespace Sitrep.Tests.Hypotheses;

/// <summary>
/// A meaning model for unit tests: pair probabilities from a table (0, 0 for pairs not in it), and vectors hashed from
/// the lower-case words, so sentences that share words have a positive cosine. Records every pair it was asked about.
/// </summary>
internal sealed class FakeMeaning : IAchMeaning
{
    private readonly Dictionary<(string, string), PairProbabilities> _pairs = [];

    public List<(string Premise, string Hypothesis)> Asked { get; } = [];

    public string Name => "fake.pairs";

    public FakeMeaning Says(string premise, string hypothesis, double entails, double contradicts)
    {
        _pairs[(premise, hypothesis)] = new PairProbabilities(entails, contradicts);
        return this;
    }

    public IReadOnlyList<PairProbabilities> Judge(IReadOnlyList<(string Premise, string Hypothesis)> pairs, CancellationToken cancellationToken = default)
    {
        Asked.AddRange(pairs);
        return [.. pairs.Select(p => _pairs.GetValueOrDefault(p))];
    }

    public IReadOnlyList<float[]> Encode(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default) =>
        [.. sentences.Select(Vector)];

    // Sentences share a common component (cosine at least about 0.5, as MiniLM gives sentences on one topic); single
    // words do not, so only the same word matches a word.
    private static float[] Vector(string text)
    {
        var v = new float[65];
        v[64] = text.Contains(' ', StringComparison.Ordinal) ? 3 : 0;
        foreach (var word in text.ToLowerInvariant().Split([' ', ',', '.', '\''], StringSplitOptions.RemoveEmptyEntries))
        {
            var h = 17;
            foreach (var c in word)
            {
                h = unchecked((h * 31) + c);
            }

            v[(h & 0x7fffffff) % 64] += 1;
        }

        var norm = Math.Sqrt(v.Sum(x => x * x));
        return norm == 0 ? v : [.. v.Select(x => (float)(x / norm))];
    }
}
