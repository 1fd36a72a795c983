using Shouldly;
using Sitrep.Meaning.Lexicon;
using Sitrep.Meaning.Pairs;

namespace Sitrep.Tests.Meaning;

public sealed class WordNetTests
{
    private static WordNet Require()
    {
        var wordNet = WordNet.Shared;
        if (wordNet is null)
        {
            Assert.Skip($"Skipped: WordNet is not installed (Debian package wordnet-base, or ${WordNet.DirectoryVariable} naming a WordNet dict directory).");
        }

        return wordNet!;
    }

    private static float Feature(WordNet? wordNet, string premise, string hypothesis, string name)
    {
        var values = new float[WordNetFeatures.Names.Length];
        WordNetFeatures.Compute(wordNet, premise, hypothesis, values);
        return values[Array.IndexOf(WordNetFeatures.Names, name)];
    }

    [Theory]
    [InlineData("man", "person")]
    [InlineData("guitar", "device")]
    [InlineData("dogs", "animal")]
    [InlineData("slicing", "cutting")]
    public void AMoreGeneralWordIsAHypernym(string specific, string general)
    {
        var wordNet = Require();
        wordNet.Relate(specific, general).HasFlag(WordRelation.Hypernym).ShouldBeTrue();
        wordNet.Relate(general, specific).HasFlag(WordRelation.Hyponym).ShouldBeTrue();
    }

    [Fact]
    public void KidsAndChildrenAreSynonyms() => Require().Relate("kids", "children").HasFlag(WordRelation.Synonym).ShouldBeTrue();

    [Fact]
    public void OpenAndClosedAreAntonyms() => Require().Relate("open", "closed").HasFlag(WordRelation.Antonym).ShouldBeTrue();

    [Fact]
    public void AGuitarAndAPianoAreSiblings() => Require().Relate("guitar", "piano").HasFlag(WordRelation.Sibling).ShouldBeTrue();

    [Fact]
    public void OnlyTheThreeMostFrequentSensesOfTheGeneralWordCount()
    {
        // "instrument" as a musical instrument is its sixth sense, so a guitar is not found to be an instrument
        // (a known gap, recorded in docs/models.md); a rare sense would otherwise make "man" a kind of card.
        Require().Relate("guitar", "instrument").HasFlag(WordRelation.Hypernym).ShouldBeFalse();
    }

    [Fact]
    public void AWordWordNetDoesNotKnowHasNoRelation()
    {
        var wordNet = Require();
        wordNet.Knows("qwzxv").ShouldBeFalse();
        wordNet.Relate("qwzxv", "person").ShouldBe(WordRelation.None);
    }

    [Fact]
    public void AHypothesisThatOnlyGeneralisesThePremiseLeavesNothingUncovered()
    {
        var wordNet = Require();
        Feature(wordNet, "A man is walking a dog.", "A person is walking an animal.", "wordnet.hypothesis.hypernym").ShouldBe(2f / 3f, 1e-6f);
        Feature(wordNet, "A man is walking a dog.", "A person is walking an animal.", "wordnet.hypothesis.uncovered").ShouldBe(0f);
        Feature(wordNet, "A person is walking an animal.", "A man is walking a dog.", "wordnet.hypothesis.hyponym").ShouldBe(2f / 3f, 1e-6f);
    }

    [Fact]
    public void WithoutWordNetEveryWordNetFeatureIsZero()
    {
        var values = Enumerable.Repeat(7f, WordNetFeatures.Names.Length).ToArray();
        WordNetFeatures.Compute(null, "A man is playing a guitar.", "A person is playing an instrument.", values);
        values.ShouldAllBe(v => v == 0f);
    }

    [Fact]
    public void ADirectoryWithoutTheDatabaseLoadsNothing()
    {
        var empty = Directory.CreateTempSubdirectory("sitrep-wordnet-");
        try
        {
            WordNet.TryLoad(empty.FullName).ShouldBeNull();
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
