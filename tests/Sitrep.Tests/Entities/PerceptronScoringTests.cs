using Shouldly;
using Sitrep.Entities.Recognition;

namespace Sitrep.Tests.Entities;

public sealed class PerceptronScoringTests
{
    [Fact]
    public void ScoringAllFeaturesAtOnceGivesTheSameSumsAsOneAtATime()
    {
        var random = new Random(7);
        var rows = new Dictionary<ulong, int>();
        var keys = new List<ulong>();
        while (rows.Count < 500)
        {
            var key = (ulong)random.NextInt64();
            if (rows.TryAdd(key, rows.Count))
            {
                keys.Add(key);
            }
        }

        var weights = new float[rows.Count * PerceptronModel.Classes];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)((random.NextDouble() - 0.5) * 3.7);
        }

        var model = new PerceptronModel(rows, weights, "test");

        // Known and unknown features, some repeated, in an order that is not the table's.
        var features = Enumerable.Range(0, 40).Select(i => i % 3 == 0 ? (ulong)random.NextInt64() : keys[random.Next(keys.Count)]).ToArray();
        var one = new float[PerceptronModel.Classes];
        foreach (var feature in features)
        {
            model.Add(feature, one);
        }

        var all = new float[PerceptronModel.Classes];
        model.AddAll(features, all);

        all.ShouldBe(one);
        one.ShouldContain(w => w != 0f);
    }
}
