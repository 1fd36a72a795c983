using System.Text;
using Shouldly;
using Sitrep.Engine;
using Sitrep.Engine.Watch;
using Sitrep.Ingest;
using Sitrep.Ingest.Manifest;
using Sitrep.Storage.Sqlite;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Ingest;

/// <summary>Regression tests for issue 18, item 11: watch stores whole files once, follows renames and deletions, and analyses.</summary>
public sealed class WatchRobustnessTests : IDisposable
{
    private readonly string _dir = Some.TempDirectory();
    private readonly SqliteDocumentStore _store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "w.db"));

    public void Dispose() => _store.Dispose();

    [Fact]
    public void AFileAppendedToEveryFewHundredMillisecondsIsStoredOnceWhenItStopsGrowing()
    {
        var clock = new ManualClock();
        var watch = Watch(TimeSpan.FromSeconds(2), clock);
        var path = Path.Combine(_dir, "live.txt");
        var events = new List<WatchEvent>();
        for (var i = 0; i < 6; i++)
        {
            File.AppendAllText(path, $"Update {i}: the column passed checkpoint number {i} on the highway north. ");
            File.SetLastWriteTimeUtc(path, new DateTime(2024, 1, 1, 0, 0, i, DateTimeKind.Utc));
            events.AddRange(watch.Poll(TestContext.Current.CancellationToken));
            clock.Advance(TimeSpan.FromMilliseconds(700));
        }

        events.ShouldBeEmpty();
        clock.Advance(TimeSpan.FromSeconds(2));
        events.AddRange(watch.Poll(TestContext.Current.CancellationToken));

        events.ShouldHaveSingleItem().Change.ShouldBe("new");
        _store.CountDocuments().ShouldBe(1);
        _store.Search("checkpoint", 10).ShouldHaveSingleItem().Snippet.ShouldContain("Update");
        _store.Search("\"number 5\"", 10).ShouldHaveSingleItem();
    }

    [Fact]
    public void AFileCutInsideAUtf8CharacterWaitsUntilTheCharacterIsComplete()
    {
        var watch = Watch(TimeSpan.Zero);
        var path = Path.Combine(_dir, "cut.txt");
        var bytes = Encoding.UTF8.GetBytes("The spokesman for the Kremlin, Dmitry Peskov, spoke of the café ");
        var euro = Encoding.UTF8.GetBytes("€");
        File.WriteAllBytes(path, [.. bytes, euro[0], euro[1]]);

        watch.Poll(TestContext.Current.CancellationToken).ShouldBeEmpty();
        _store.CountDocuments().ShouldBe(0);

        File.WriteAllBytes(path, [.. bytes, .. euro, .. Encoding.UTF8.GetBytes(" bill.\n")]);
        var events = watch.Poll(TestContext.Current.CancellationToken);

        events.ShouldHaveSingleItem().Document!.Text.ShouldEndWith("€ bill.\n");
    }

    [Fact]
    public void AChangedFileReplacesItsPreviousVersionInTheStoreAndInSearch()
    {
        var watch = Watch(TimeSpan.Zero);
        var path = Path.Combine(_dir, "a.txt");
        File.WriteAllText(path, "Draft: the convoy halted near Yelets.");
        watch.Poll(TestContext.Current.CancellationToken).ShouldHaveSingleItem().Change.ShouldBe("new");

        File.WriteAllText(path, "Final: the convoy halted near Yelets and turned back to Rostov.");
        var changed = watch.Poll(TestContext.Current.CancellationToken);

        var line = changed.ShouldHaveSingleItem();
        line.Change.ShouldBe("changed");
        line.Removed.ShouldBe(1);
        _store.CountDocuments().ShouldBe(1);
        _store.Search("convoy", 10).ShouldHaveSingleItem().Snippet.ShouldContain("Final");
        _store.FullTextCheck().ShouldBe("ok");
    }

    [Fact]
    public void ARenamedFileKeepsItsDocumentUnderTheNewPath()
    {
        var watch = Watch(TimeSpan.Zero);
        File.WriteAllText(Path.Combine(_dir, "old.txt"), "Prigozhin announced the withdrawal of his fighters.");
        watch.Poll(TestContext.Current.CancellationToken);

        File.Move(Path.Combine(_dir, "old.txt"), Path.Combine(_dir, "new.txt"));
        var events = watch.Poll(TestContext.Current.CancellationToken);

        var renamed = events.ShouldHaveSingleItem();
        renamed.Change.ShouldBe("renamed");
        renamed.ToString().ShouldContain("old.txt -> ");
        _store.CountDocuments().ShouldBe(1);
        _store.Search("withdrawal", 10).ShouldHaveSingleItem().Path.ShouldEndWith("new.txt");
        watch.Poll(TestContext.Current.CancellationToken).ShouldBeEmpty();
    }

    [Fact]
    public void ADeletedFileLeavesTheStoreAndSearch()
    {
        var watch = Watch(TimeSpan.Zero);
        File.WriteAllText(Path.Combine(_dir, "gone.txt"), "The ministry denied the report about the airfield.");
        File.WriteAllText(Path.Combine(_dir, "kept.txt"), "The governor said the roads were open again.");
        watch.Poll(TestContext.Current.CancellationToken);

        File.Delete(Path.Combine(_dir, "gone.txt"));
        var events = watch.Poll(TestContext.Current.CancellationToken);

        var deleted = events.ShouldHaveSingleItem();
        deleted.Change.ShouldBe("deleted");
        deleted.Removed.ShouldBe(1);
        _store.CountDocuments().ShouldBe(1);
        _store.Search("airfield", 10).ShouldBeEmpty();
        _store.FullTextCheck().ShouldBe("ok");
    }

    [Fact]
    public void AWatchedDocumentIsStoredWithTheAnnotationsAnalyzeWouldStore()
    {
        var watch = Watch(TimeSpan.Zero);
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "Wagner fighters seized the headquarters in Rostov on Saturday. The Kremlin denied it.");

        var doc = watch.Poll(TestContext.Current.CancellationToken).ShouldHaveSingleItem().Document!;

        _store.FindAnnotation(doc.Id, "text.sentences").ShouldNotBeNull();
    }

    private DirectoryWatch Watch(TimeSpan settle, TimeProvider? clock = null) =>
        new(DefaultPipeline.Build(1), _store, _dir, IngestOptions.Default, SourceManifest.Empty)
        {
            SettleTime = settle,
            Clock = clock ?? TimeProvider.System,
        };

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
