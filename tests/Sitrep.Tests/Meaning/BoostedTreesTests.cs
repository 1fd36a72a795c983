using Shouldly;
using Sitrep.Meaning.Pairs;

namespace Sitrep.Tests.Meaning;

public sealed class BoostedTreesTests
{
    // Class 0 when both inputs agree in sign, class 1 when they differ, class 2 when the third input is large:
    // no single split separates them, a depth-2 tree does.
    private static (float[][] X, int[] Y) Data()
    {
        var random = new Random(7);
        var xs = new List<float[]>();
        var ys = new List<int>();
        for (var i = 0; i < 600; i++)
        {
            var x = new[] { (random.NextSingle() * 2) - 1, (random.NextSingle() * 2) - 1, random.NextSingle() };
            xs.Add(x);
            ys.Add(x[2] > 0.8f ? 2 : (x[0] > 0) == (x[1] > 0) ? 0 : 1);
        }

        return ([.. xs], [.. ys]);
    }

    [Fact]
    public void TreesLearnAnInteractionNoSingleFeatureShows()
    {
        var (xs, ys) = Data();
        var trees = BoostedTrees.Train(xs, ys, 3, new BoostedTreesOptions { Rounds = 60, Depth = 3 });
        var right = xs.Where((x, i) => Array.IndexOf(trees.Logits(x), trees.Logits(x).Max()) == ys[i]).Count();
        (right / (double)xs.Length).ShouldBeGreaterThan(0.95);
    }

    [Fact]
    public void AWrittenModelReadsBackWithTheSameLogits()
    {
        var (xs, ys) = Data();
        var trees = BoostedTrees.Train(xs, ys, 3, new BoostedTreesOptions { Rounds = 10 });
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            trees.Write(writer);
        }

        memory.Position = 0;
        using var reader = new BinaryReader(memory);
        var read = BoostedTrees.Read(reader);
        read.Logits(xs[3]).ShouldBe(trees.Logits(xs[3]));
        read.Rounds.ShouldBe(10);
    }

    [Fact]
    public void TrainingTwiceGivesTheSameModel()
    {
        var (xs, ys) = Data();
        var a = BoostedTrees.Train(xs, ys, 3, new BoostedTreesOptions { Rounds = 5 });
        var b = BoostedTrees.Train(xs, ys, 3, new BoostedTreesOptions { Rounds = 5 });
        a.Logits(xs[0]).ShouldBe(b.Logits(xs[0]));
    }
}
