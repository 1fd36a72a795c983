using Shouldly;
using Sitrep.Entities;
using Sitrep.Entities.Gazetteers;
using Sitrep.Entities.Recognition;

namespace Sitrep.Tests.Entities;

public sealed class SecondPassTests
{
    private static readonly string[][] Story =
    [
        ["Yevgeny", "Prigozhin", "spoke", "in", "Rostov", "."],
        ["Prigozhin", "left", "."],
    ];

    [Fact]
    public void WhenTheFirstPassNamedAWordElsewhere_ItsVotesChange()
    {
        var named = new DocumentVotes(Story, [Tags(Person(0), Person(2), 0, 0, Location(3), 0), Tags(0, 0, 0)]);
        var unnamed = new DocumentVotes(Story, [Tags(0, 0, 0, 0, Location(3), 0), Tags(0, 0, 0)]);

        // "Prigozhin" in the second sentence: the longest name containing it, and the other mention's label.
        named.Of(1, 0).ToArray().ShouldNotBe(unnamed.Of(1, 0).ToArray());

        // A word the change does not touch keeps its votes.
        named.Of(1, 1).ToArray().ShouldBe(unnamed.Of(1, 1).ToArray());
    }

    [Fact]
    public void WhenTheLongestNameDiffers_TheVotesOfAWordInItDiffer()
    {
        var full = new DocumentVotes(Story, [Tags(Person(0), Person(2), 0, 0, Location(3), 0), Tags(Person(3), 0, 0)]);
        var alone = new DocumentVotes(Story, [Tags(0, Person(3), 0, 0, Location(3), 0), Tags(Person(3), 0, 0)]);

        full.Of(1, 0).ToArray().ShouldNotBe(alone.Of(1, 0).ToArray());
    }

    [Fact]
    public void PunctuationGetsNoVotes()
    {
        var votes = new DocumentVotes(Story, [Tags(0, 0, 0, 0, 0, 0), Tags(0, 0, 0)]);

        votes.Of(0, 5).Length.ShouldBe(0);
        votes.Of(0, 0).Length.ShouldBeGreaterThan(0);
        votes.Of(0, 0).Length.ShouldBeLessThanOrEqualTo(DocumentVotes.MaxFeatures);
    }

    [Fact]
    public void TheMeanOfTwoModelsScoresHalfTheirSum()
    {
        var a = new PerceptronModel(new Dictionary<ulong, int> { [1] = 0, [2] = 1 }, Weights(2, 1f), "a");
        var b = new PerceptronModel(new Dictionary<ulong, int> { [2] = 0, [3] = 1 }, Weights(2, 3f), "b");

        var mean = PerceptronModel.Mean([a, b], "mean");

        ulong[] features = [1, 2, 3];
        var sum = new float[PerceptronModel.Classes];
        a.AddAll(features, sum);
        b.AddAll(features, sum);
        var averaged = new float[PerceptronModel.Classes];
        mean.AddAll(features, averaged);
        mean.Features.ShouldBe(3);
        for (var t = 0; t < PerceptronModel.Classes; t++)
        {
            averaged[t].ShouldBe(sum[t] / 2, 1e-5f);
        }
    }

    [Fact]
    public void TrainingTwoPassesTwiceGivesTheSameTagger()
    {
        var training = Enumerable.Range(0, 6).Select(d => Document(d)).ToList();
        var options = new NerTrainingOptions { Epochs = 2, EntityFolds = 2, SecondPassFolds = 2, SecondPassSeeds = 2 };

        var first = NerTrainer.Train(training, null, NerLexicon.Empty, options, "test");
        var second = NerTrainer.Train(training, null, NerLexicon.Empty, options, "test");

        first.SecondPass.ShouldNotBeNull();
        var sentences = new[] { new[] { "Anna", "Petrova", "visited", "Minsk", "." } };
        first.Tag(sentences).ShouldBe(second.Tag(sentences));
        Saved(first.SecondPass!).ShouldBe(Saved(second.SecondPass!));
    }

    [Fact]
    public void TrainingWithDropoutAndSeedsTwiceGivesTheSameModel_AndDropoutChangesWhatIsLearnt()
    {
        var training = Enumerable.Range(0, 6).Select(d => Document(d)).ToList();
        var options = new NerTrainingOptions { Epochs = 3, EntityFolds = 2, Dropout = 0.3, Seeds = 2 };

        var first = NerTrainer.Train(training, null, NerLexicon.Empty, options, "test");
        var second = NerTrainer.Train(training, null, NerLexicon.Empty, options, "test");
        var plain = NerTrainer.Train(training, null, NerLexicon.Empty, options with { Dropout = 0, Seeds = 1 }, "test");

        Saved(first.Model).ShouldBe(Saved(second.Model));
        Saved(first.Model).ShouldNotBe(Saved(plain.Model));
        first.Tag([["Anna", "Petrova", "visited", "Minsk", "."]])[0].ShouldBe([TagSet.Begin(EntityType.Person), TagSet.Inside(EntityType.Person), 0, TagSet.Begin(EntityType.Location), 0]);
    }

    private static byte[] Saved(PerceptronModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    private static TaggedDocument Document(int d)
    {
        string[] people = ["Anna", "Boris", "Clara"];
        string[] places = ["Minsk", "Kyiv", "Riga"];
        var person = TagSet.Begin(EntityType.Person);
        var place = TagSet.Begin(EntityType.Location);
        string[] first = [people[d % 3], "Petrova", "visited", places[d % 3], "."];
        string[] second = ["Petrova", "left", places[(d + 1) % 3], "."];
        return new TaggedDocument(
            [
                new TaggedSentence(first, first, [person, TagSet.Inside(EntityType.Person), 0, place, 0]),
                new TaggedSentence(second, second, [person, 0, place, 0]),
            ],
            []);
    }

    private static float[] Weights(int rows, float scale) =>
        [.. Enumerable.Range(0, rows * PerceptronModel.Classes).Select(i => scale * (i + 1))];

    private static int[] Tags(params int[] tags) => tags;

    /// <summary>A person's BILOU tag: part 0 begin, 1 inside, 2 last, 3 unit.</summary>
    private static int Person(int part) => Bilou.Make(EntityType.Person, part);

    private static int Location(int part) => Bilou.Make(EntityType.Location, part);
}
