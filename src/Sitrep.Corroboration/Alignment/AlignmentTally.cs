using System.Collections.Concurrent;

namespace Sitrep.Corroboration.Alignment;

/// <summary>
/// What the meaning alignment scored, by the size of the entity posting each pair came from (for the end-to-end
/// benchmark's <c>--tally</c>): pairs, pairs over the cosine floor, pairs the same-event model joins or opposes, claims
/// encoded. Off unless <see cref="Enabled"/> is set before the run.
/// </summary>
internal static class AlignmentTally
{
    private static readonly int[] Bounds = [10, 25, 50, 100, 150, MeaningAlignment.MaxPosting];
    private static readonly ConcurrentDictionary<(int Bound, string What), long> Counts = new();

    private static readonly ConcurrentDictionary<(int Claim, string What), byte> Claims = new();

    private static readonly ConcurrentQueue<ScoredPair> Scored = new();

    /// <summary>One pair the alignment scored: both texts, the entity posting it came from, its cosine and same-event probability (NaN when not read).</summary>
    /// <param name="A">First claim's text.</param>
    /// <param name="B">Second claim's text.</param>
    /// <param name="Posting">Claims in the entity posting the pair came from.</param>
    /// <param name="SamePolarity">Whether both claims have one polarity.</param>
    /// <param name="Cosine">Cosine of their sentence vectors (rounded as the join rounds it).</param>
    /// <param name="SameEvent">The same-event model's probability, NaN when the cosine was under the floor.</param>
    public sealed record ScoredPair(string A, string B, int Posting, bool SamePolarity, double Cosine, float SameEvent);

    /// <summary>Whether pairs are counted.</summary>
    public static bool Enabled { get; set; }

    /// <summary>Counts per (posting bound, what); bound 0 holds what is not per posting.</summary>
    public static IReadOnlyDictionary<(int Bound, string What), long> Snapshot() => Counts.ToDictionary(c => c.Key, c => c.Value);

    /// <summary>Every pair scored so far (to study a cheaper test that would settle them).</summary>
    public static IReadOnlyList<ScoredPair> Pairs() => [.. Scored];

    /// <summary>Keeps one scored pair.</summary>
    public static void Keep(Func<ScoredPair> pair)
    {
        if (Enabled)
        {
            Scored.Enqueue(pair());
        }
    }

    /// <summary>Counts claims <paramref name="a"/> and <paramref name="b"/> under <paramref name="what"/> once each per run.</summary>
    public static void Read(int a, int b, string what)
    {
        if (Enabled)
        {
            foreach (var claim in new[] { a, b })
            {
                if (Claims.TryAdd((claim, what), 0))
                {
                    Count(0, what);
                }
            }
        }
    }

    /// <summary>Counts one <paramref name="what"/> of a pair from a posting of <paramref name="posting"/> claims.</summary>
    public static void Count(int posting, string what)
    {
        if (Enabled)
        {
            var bound = posting == 0 ? 0 : Array.Find(Bounds, b => posting <= b);
            Counts.AddOrUpdate((bound == 0 && posting > 0 ? int.MaxValue : bound, what), 1, (_, n) => n + 1);
        }
    }
}
