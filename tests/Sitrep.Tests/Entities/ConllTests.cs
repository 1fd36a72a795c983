using Shouldly;
using Sitrep.Entities;
using Sitrep.Entities.Recognition;

namespace Sitrep.Tests.Entities;

public sealed class ConllTests
{
    [Fact]
    public void WhenTagsAreIob1_AdjacentEntitiesAreSplitOnlyAtB()
    {
        var tags = ConllCorpus.ToBio(["I-PER", "I-PER", "B-PER", "O", "I-LOC"]);
        ConllEvaluator.Chunks(tags).OrderBy(c => c.Start).ShouldBe([(0, 2, EntityType.Person), (2, 3, EntityType.Person), (4, 5, EntityType.Location)]);
    }

    [Fact]
    public void WhenTheFileHasDocstartLines_SentencesGroupIntoDocuments()
    {
        var text = "-DOCSTART- -X- -X- O\n\nOlga NNP B-NP I-PER\nspoke VBD B-VP O\n\nShe PRP B-NP O\nleft VBD B-VP O\n\n-DOCSTART- -X- -X- O\n\nMinsk NNP B-NP I-LOC\n";
        var docs = ConllCorpus.Read(new StringReader(text));
        docs.Count.ShouldBe(2);
        docs[0].Sentences.Count.ShouldBe(2);
        docs[1].Sentences[0].Tags.ShouldBe([TagSet.Begin(EntityType.Location)]);
    }

    [Fact]
    public void WhenTheFileIsWnut_TypesMapToConllTypes()
    {
        var docs = ConllCorpus.Read(new StringReader("olga\tB-person\nat\tO\nacme\tB-corporation\nstore\tI-corporation\n\nnew\tB-creative-work\n"));
        docs.Count.ShouldBe(2);
        docs[0].Sentences[0].Tags.ShouldBe([TagSet.Begin(EntityType.Person), 0, TagSet.Begin(EntityType.Organization), TagSet.Inside(EntityType.Organization)]);
        docs[1].Sentences[0].Tags.ShouldBe([TagSet.Begin(EntityType.Miscellaneous)]);
    }

    [Fact]
    public void WhenAGuessMissesAnEnd_OnlyExactChunksCount()
    {
        var evaluator = new ConllEvaluator();
        int[] gold = [TagSet.Begin(EntityType.Person), TagSet.Inside(EntityType.Person), 0, TagSet.Begin(EntityType.Location)];
        int[] guess = [TagSet.Begin(EntityType.Person), 0, 0, TagSet.Begin(EntityType.Location)];
        evaluator.Add(gold, guess);
        evaluator.Correct.ShouldBe(1);
        evaluator.Precision.ShouldBe(0.5);
        evaluator.Recall.ShouldBe(0.5);
        evaluator.Report().ShouldEndWith("F1: 0.5000");
    }

    [Fact]
    public void WhenAnIFollowsO_ItStartsAChunkAsConllevalReadsIt()
    {
        int[] tags = [0, TagSet.Inside(EntityType.Organization), TagSet.Inside(EntityType.Organization)];
        ConllEvaluator.Chunks(tags).Single().ShouldBe((1, 3, EntityType.Organization));
    }
}
