using Shouldly;
using Sitrep.Documents;
using Sitrep.Engine;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Entities;

/// <summary>The acceptance check of issue 4 on the five seed documents in ../shared (skipped without them).</summary>
public sealed class SeedCorpusTests
{
    private static readonly Lazy<IReadOnlyList<Entity>> Entities = new(Analyze);

    public static TheoryData<string, string, EntityType> Actors => new()
    {
        { "Prigozhin", "prigozhin", EntityType.Person },
        { "Putin", "putin", EntityType.Person },
        { "Lukashenko", "lukashenk", EntityType.Person },
        { "Wagner Group", "wagner group", EntityType.Organization },
        { "Ministry of Defense", "ministry of defen", EntityType.Organization },
        { "Shoigu", "shoigu", EntityType.Person },
        { "Gerasimov", "gerasimov", EntityType.Person },
        { "Vallely", "vallely", EntityType.Person },
    };

    [Theory]
    [MemberData(nameof(Actors))]
    public void EachActorIsExactlyOneEntityOfTheRightType(string label, string key, EntityType type)
    {
        SharedData.Require("seeds/000_43a7dc2aba266ed3.txt");
        var holding = Entities.Value.Where(e => e.Name.Contains(key, StringComparison.OrdinalIgnoreCase) && e.Type == type).ToList();
        holding.Count.ShouldBe(1, $"{label}: {string.Join(", ", holding.Select(e => e.Name))}");
        var others = Entities.Value.Where(e => e.Type is EntityType.Person or EntityType.Organization && e != holding[0] && e.Name.Contains(key, StringComparison.OrdinalIgnoreCase) && !e.Name.Contains('-', StringComparison.Ordinal)).ToList();
        others.ShouldBeEmpty($"{label} also appears as: {string.Join(", ", others.Select(e => e.Name))}");
    }

    [Fact]
    public void NoPersonIsAPronounOrASentenceOpener()
    {
        SharedData.Require("seeds/000_43a7dc2aba266ed3.txt");
        foreach (var person in Entities.Value.Where(e => e.Type == EntityType.Person))
        {
            MentionFilter.IsClosedClass(person.Name).ShouldBeFalse(person.Name);
            person.Name.ShouldNotBeOneOf("He", "She", "They", "It", "We", "However", "But", "The", "This", "Furthermore");
        }
    }

    private static IReadOnlyList<Entity> Analyze()
    {
        var folder = SharedData.Require("seeds");
        var pipeline = DefaultPipeline.Build(1);
        var documents = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal)
            .Select(path => Document.Create(File.ReadAllText(path), path).WithKind(DocumentKind.Article).Build()).ToList();
        var batch = pipeline.AnalyzeBatch(documents);
        var corpus = new Corpus(batch.Documents);
        pipeline.AnalyzeCorpus(corpus);
        return corpus.Layers.Get<EntityLayer>().Entities;
    }
}
