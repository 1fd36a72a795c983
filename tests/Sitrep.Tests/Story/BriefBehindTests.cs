using Shouldly;
using Sitrep.Engine.Story;
using Sitrep.Storage.Sqlite;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Story;

/// <summary>When the stored brief counts as behind the stored picture (what serve, watch and <c>sitrep brief</c> ask).</summary>
public sealed class BriefBehindTests
{
    [Fact]
    public void AStoreWithoutAPictureHasNoBriefBehindIt()
    {
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"));
        StoryPicture.BriefIsBehind(store).ShouldBeFalse();

        // A version without components is not a picture this code made.
        store.SetSetting(StoryPicture.VersionKey, "3");
        StoryPicture.BriefIsBehind(store).ShouldBeFalse();
    }

    [Fact]
    public void AnUpdateAfterTheBriefWasStampedLeavesItBehindUntilItIsStampedAgain()
    {
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"));
        store.SetSetting(StoryPicture.ComponentsKey, "entities.v1");
        store.SetSetting(StoryPicture.VersionKey, "1");
        StoryPicture.StampBrief(store);
        StoryPicture.BriefIsBehind(store).ShouldBeFalse();

        store.SetSetting(StoryPicture.VersionKey, "2");
        StoryPicture.BriefIsBehind(store).ShouldBeTrue();

        StoryPicture.StampBrief(store);
        StoryPicture.BriefIsBehind(store).ShouldBeFalse();
    }

    [Fact]
    public void APictureWhoseBriefWasNeverStampedIsBehind()
    {
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"));
        store.SetSetting(StoryPicture.ComponentsKey, "entities.v1");
        store.SetSetting(StoryPicture.VersionKey, "1");

        StoryPicture.BriefIsBehind(store).ShouldBeTrue();
    }
}
