using Shouldly;
using Sitrep.Engine;
using Sitrep.Engine.Watch;
using Sitrep.Ingest;
using Sitrep.Ingest.Manifest;
using Sitrep.Storage.Sqlite;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Ingest;

public sealed class WatchTests
{
    [Fact]
    public void APollReadsOnlyWhatIsNewOrChangedSinceTheLastPoll()
    {
        var dir = Some.TempDirectory();
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "w.db"));
        var watch = new DirectoryWatch(DefaultPipeline.Build(1), store, dir, IngestOptions.Default, SourceManifest.Empty) { SettleTime = TimeSpan.Zero };
        var ct = TestContext.Current.CancellationToken;
        File.Copy(Fixture.PathOf("wire-original.txt"), Path.Combine(dir, "a.txt"));

        var first = watch.Poll(ct);
        first.ShouldHaveSingleItem().Change.ShouldBe("new");
        watch.Poll(ct).ShouldBeEmpty();

        File.Copy(Fixture.PathOf("liveblog.md"), Path.Combine(dir, "b.md"));
        File.AppendAllText(Path.Combine(dir, "a.txt"), "\nA late paragraph was added.\n");
        File.SetLastWriteTimeUtc(Path.Combine(dir, "a.txt"), DateTime.UtcNow.AddMinutes(-1));
        var second = watch.Poll(ct);

        second.Select(e => e.Change).OrderBy(c => c, StringComparer.Ordinal).ShouldBe(["changed", "new"]);
        second.Single(e => e.Change == "new").ToString().ShouldContain("liveblog");
        store.CountDocuments().ShouldBe(2); // the changed file replaced its earlier version
    }
}
