using Shouldly;
using Sitrep.Entities;
using Sitrep.Entities.Recognition;

namespace Sitrep.Tests.Entities;

public sealed class TaggerMemoryTests
{
    private static readonly ulong Prigozhin = FeatureHash.OfLower("Prigozhin");

    [Fact]
    public void AReadingInsideAFullNameOutweighsRepeatedLoneReadings()
    {
        var memory = new DocumentMemory();
        memory.Add(Prigozhin, Bilou.Make(EntityType.Location, 3));
        memory.Add(Prigozhin, Bilou.Make(EntityType.Location, 3));
        memory.Add(Prigozhin, Bilou.Make(EntityType.Location, 3));
        memory.Add(Prigozhin, Bilou.Make(EntityType.Person, 2));

        memory.TryGetType(Prigozhin, out var type).ShouldBeTrue();
        ((EntityType)type).ShouldBe(EntityType.Person);
    }

    [Fact]
    public void WithoutAFullName_TheLoneReadingsDecide()
    {
        var memory = new DocumentMemory();
        memory.TryGetType(Prigozhin, out _).ShouldBeFalse();
        memory.Add(Prigozhin, Bilou.Make(EntityType.Person, 3));
        memory.Add(Prigozhin, Bilou.Make(EntityType.Location, 3));
        memory.Add(Prigozhin, Bilou.Make(EntityType.Location, 3));

        memory.TryGetType(Prigozhin, out var type).ShouldBeTrue();
        ((EntityType)type).ShouldBe(EntityType.Location);
    }

    [Fact]
    public void ARunOfCapitalisedWords_PointsEachOfItsWordsAtItsLastWord()
    {
        FeatureExtractor.CapitalisedRuns(["She", "checked", "into", "Promises", "Treatment", "Center", "on", "Tuesday", "."])
            .ShouldBe([-1, -1, -1, 5, 5, 5, -1, -1, -1]);
        FeatureExtractor.CapitalisedRuns(["the", "Ministry", "of", "Defence", "said"]).ShouldBe([-1, 3, 3, 3, -1]);
        FeatureExtractor.CapitalisedRuns(["the", "Ministry", "of", "defence"]).ShouldBe([-1, -1, -1, -1]);
    }
}
