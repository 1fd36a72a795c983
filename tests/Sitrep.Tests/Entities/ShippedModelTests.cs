using Shouldly;
using Sitrep.Entities;
using Sitrep.Entities.Recognition;
using Sitrep.Entities.Resolution;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Entities;

/// <summary>The shipped model loads from the assembly and tags plain sentences; its figure on testa holds.</summary>
public sealed class ShippedModelTests
{
    [Fact]
    public void WhenASentenceNamesAPersonAndAPlace_TheStageFindsBoth()
    {
        var doc = Some.Analyzed("Olga Petrova flew to Minsk on Tuesday. She met officials there.");
        new EntityMentionStage().Process(doc, CancellationToken.None);
        var mentions = doc.Layers.Get<EntityMentionLayer>().Mentions;
        mentions.ShouldContain(m => m.Text == "Olga Petrova" && m.Type == EntityType.Person);
        mentions.ShouldContain(m => m.Text == "Minsk" && m.Type == EntityType.Location);
        mentions.ShouldNotContain(m => m.Text == "She");
        foreach (var m in mentions)
        {
            doc.Text[m.Span.Start..m.Span.End].ShouldBe(m.Text);
        }
    }

    [Fact]
    public void WhenTheTextIsEmptyOrHuge_TheStageDoesNotThrow()
    {
        var empty = Some.Analyzed(" ");
        new EntityMentionStage().Process(empty, CancellationToken.None);
        empty.Layers.Get<EntityMentionLayer>().Mentions.ShouldBeEmpty();
        var noise = Some.Analyzed(string.Join(' ', Enumerable.Repeat("Xy'z-Q !! ’s 's Ministry of", 500)));
        Should.NotThrow(() => new EntityMentionStage().Process(noise, CancellationToken.None));
    }

    [Fact]
    public void OnConllTesta_TheShippedModelKeepsItsRecordedF1()
    {
        var testa = Path.Combine(SharedData.Require("datasets/conll2003-en"), "eng.testa");
        var evaluator = NerTrainer.Evaluate(PerceptronTagger.Default, ConllCorpus.Read(testa));
        evaluator.F1.ShouldBeGreaterThan(0.91);
    }
}
