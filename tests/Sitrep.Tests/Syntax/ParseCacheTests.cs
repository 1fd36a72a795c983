using Shouldly;
using Sitrep.Syntax;
using Sitrep.Syntax.Training;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Syntax;

/// <summary>A sentence met again is not parsed again, and the cache stays bounded (issue 13); a toy model, trained here.</summary>
public sealed class ParseCacheTests
{
    private static SyntaxModel Toy() =>
        SyntaxTrainer.Train(Conllu.Read(ConlluTests.Fixture), null, new SyntaxTrainingOptions { TaggerEpochs = 2, ParserEpochs = 2, JackknifeFolds = 0, PruneSteps = 0, WordClusters = false }, "toy");

    [Fact]
    public void WhenASentenceIsMetAgainInAnotherDocument_ItsParseComesFromTheCacheAndIsTheSame()
    {
        var model = Toy();
        var cached = new SyntaxStage(SyntaxOptions.OnDemandDefault with { Model = model, CachedSentences = 100 });
        var plain = new SyntaxStage(SyntaxOptions.OnDemandDefault with { Model = model, CachedSentences = 0 });
        var first = Some.Analyzed("The army said troops moved toward the city. Officials denied it.");
        var second = Some.Analyzed("Officials denied it. The army said troops moved toward the city.", "other.txt");

        var a = cached.Predict(first, CancellationToken.None).Of(0)!;
        var b = cached.Predict(second, CancellationToken.None).Of(1)!;

        cached.Cache!.Hits.ShouldBe(1);
        cached.Cache.Misses.ShouldBe(1);
        b.ShouldBeSameAs(a);
        b.ToList().ShouldBe(plain.Predict(second, CancellationToken.None).Of(1)!.ToList());
        plain.Cache.ShouldBeNull();
    }

    [Fact]
    public void WhenMoreSentencesArriveThanTheCacheHolds_ItKeepsAtMostTwoGenerations()
    {
        var model = Toy();
        var cache = new SentenceParseCache(2);
        for (var i = 0; i < 10; i++)
        {
            cache.Add("sentence " + i, model.Parse(["Sentence", i.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        }

        Enumerable.Range(0, 10).Count(i => cache.TryGet("sentence " + i, out _)).ShouldBeLessThanOrEqualTo(4);
        cache.TryGet("sentence 9", out _).ShouldBeTrue("the latest sentence stays");
    }

    [Fact]
    public void TheKeyOfASentenceTellsWordBoundariesApart()
    {
        SentenceParseCache.KeyOf(["New", "York"]).ShouldNotBe(SentenceParseCache.KeyOf(["New York"]));
    }
}
