using Shouldly;
using Sitrep.Documents;
using Sitrep.Ingest.Syndication;

namespace Sitrep.Tests.Ingest;

public sealed class SyndicationTests
{
    [Fact]
    public void WhenWireCopyIsRepublishedWithANewHeadlineAndAFewChangedWords_BothAreOneReport()
    {
        var original = Fixture.Single("wire-original.txt");
        var copy = Fixture.Single("wire-republished.txt");
        var unrelated = Fixture.Single("wire-unrelated.txt");

        var layer = new SyndicationStage().Find([original, unrelated, copy], TestContext.Current.CancellationToken);

        var group = layer.Groups.ShouldHaveSingleItem();
        group.DocumentIds.ShouldBe([original.Id, copy.Id]);
        layer.GroupOf(unrelated.Id).ShouldBeNull();
        layer.IndependentCount([original.Id, copy.Id, unrelated.Id]).ShouldBe(2);
    }

    [Fact]
    public void ACopyIsNamedByTheSmallestIdAmongItsCopies_WhateverTheOrderOfTheCorpus()
    {
        var original = Fixture.Single("wire-original.txt");
        var copy = Fixture.Single("wire-republished.txt");
        var unrelated = Fixture.Single("wire-unrelated.txt");
        var first = string.CompareOrdinal(original.Id, copy.Id) < 0 ? original.Id : copy.Id;

        var forward = new SyndicationStage().Find([original, unrelated, copy], TestContext.Current.CancellationToken);
        var backward = new SyndicationStage().Find([copy, unrelated, original], TestContext.Current.CancellationToken);

        // The groups are numbered in the corpus's order; the name of the report copied is not.
        forward.FirstCopyOf(original.Id).ShouldBe(first);
        forward.FirstCopyOf(copy.Id).ShouldBe(first);
        backward.FirstCopyOf(original.Id).ShouldBe(first);
        backward.FirstCopyOf(copy.Id).ShouldBe(first);
        forward.FirstCopyOf(unrelated.Id).ShouldBeNull();
    }

    [Fact]
    public void WhenTwoReportsCoverTheSameEventInTheirOwnWords_TheyStaySeparate()
    {
        var original = MinHashSignature.Of(Fixture.Single("wire-original.txt"));
        var unrelated = MinHashSignature.Of(Fixture.Single("wire-unrelated.txt"));
        var copy = MinHashSignature.Of(Fixture.Single("wire-republished.txt"));

        original.Similarity(unrelated).ShouldBeLessThan(0.1);
        original.Similarity(copy).ShouldBeGreaterThan(0.5);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.02)]
    [InlineData(0.05)]
    [InlineData(0.1)]
    [InlineData(0.3)]
    public void TheSignatureEstimatesTheJaccardSimilarityOfTheFiveWordShingles(double changed)
    {
        var random = new Random(7);
        var words = Enumerable.Range(0, 600).Select(_ => "w" + random.Next(3000).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var edited = words.Select(w => random.NextDouble() < changed ? "x" + random.Next(3000).ToString(System.Globalization.CultureInfo.InvariantCulture) : w).ToArray();
        static HashSet<string> Shingles(string[] w) => [.. Enumerable.Range(0, w.Length - 4).Select(i => string.Join(' ', w[i..(i + 5)]))];
        var (a, b) = (Shingles(words), Shingles(edited));
        var jaccard = (double)a.Intersect(b).Count() / a.Union(b).Count();

        var estimate = MinHashSignature.Of(Document.Create(string.Join(' ', words), "a.txt").Build())
            .Similarity(MinHashSignature.Of(Document.Create(string.Join(' ', edited), "b.txt").Build()));

        estimate.ShouldBe(jaccard, tolerance: 0.15);
    }

    [Fact]
    public void BoilerplateDoesNotCountTowardsSimilarity()
    {
        var body = string.Join(" ", Enumerable.Range(0, 60).Select(i => "word" + i));
        var furniture = "\n\nLatest News\n" + string.Join("\n", Enumerable.Range(0, 40).Select(i => "Same headline number " + i));
        const string lead = "Alpha beta gamma delta epsilon zeta eta theta iota kappa.";
        var a = Document.Create(lead + furniture, "a.txt").AddBoilerplate(new(lead.Length, lead.Length + furniture.Length)).Build();
        var b = Document.Create(body + furniture, "b.txt").AddBoilerplate(new(body.Length, body.Length + furniture.Length)).Build();

        MinHashSignature.Of(a).Similarity(MinHashSignature.Of(b)).ShouldBe(0);
    }

    [Fact]
    public void WhenNothingIsShared_NoGroupIsFormed()
    {
        var docs = Enumerable.Range(0, 20)
            .Select(i => Document.Create(string.Join(" ", Enumerable.Range(0, 80).Select(k => $"t{i}x{k}")), $"{i}.txt").Build())
            .ToList();

        new SyndicationStage().Find(docs, TestContext.Current.CancellationToken).Groups.ShouldBeEmpty();
    }
}
