using Microsoft.Data.Sqlite;
using Shouldly;
using Sitrep.Documents;
using Sitrep.Errors;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Storage;

public sealed class SqliteDocumentStoreTests
{
    [Fact]
    public void ANewStoreIsInWalModeAtTheCurrentSchemaVersion()
    {
        var path = Path.Combine(Some.TempDirectory(), "s.db");
        using (SqliteDocumentStore.Open(path))
        {
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode; ";
        cmd.ExecuteScalar().ShouldBe("wal");
        cmd.CommandText = "PRAGMA user_version;";
        Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(SqliteDocumentStore.SchemaVersion);
    }

    [Fact]
    public void TheStoresConnectionKeepsAPageCacheLargeEnoughForARebuiltPicture()
    {
        // SQLite's default cache (2,000 KiB) spilled a rebuilt picture's index pages to the write-ahead log mid-write.
        long cacheSize = 0;
        using (SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"), StoreCheck.Quick, connection =>
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA cache_size;";
            cacheSize = Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }))
        {
        }

        // A negative cache_size is a size in KiB.
        cacheSize.ShouldBeLessThanOrEqualTo(-16_384);
    }

    [Fact]
    public void SavingTheSameContentTwiceDoesNotDuplicateIt()
    {
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"));
        var doc = Some.Document("Prigozhin turned the column around near Moscow.", "a.txt");
        store.Save([new StoredDocument(doc, [])]).Inserted.ShouldBe(1);
        var again = Some.Document("Prigozhin turned the column around near Moscow.", "elsewhere/b.txt");
        var second = store.Save([new StoredDocument(again, [])]);

        second.ShouldBe(new SaveResult(0, 1));
        store.CountDocuments().ShouldBe(1);
    }

    [Fact]
    public void ADocumentReadsBackWithItsMetadataPostsAndBoilerplate()
    {
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"));
        var text = "Top post.\n  A reply.\nShare this";
        var doc = Document.Create(text, "t.txt")
            .WithTitle("Thread")
            .WithKind(DocumentKind.Thread)
            .WithSource(new Source("Forum", "mod", "https://forum.example.org/t/1", new DateTimeOffset(2023, 6, 24, 9, 0, 0, TimeSpan.FromHours(3)), Reliability.E))
            .AddPost(new Post("p1", null, 0, "alice", new PostTime("1 year ago", "PAST_REF"), new TextRange(0, 10)))
            .AddPost(new Post("p2", "p1", 1, "bob", null, new TextRange(10, 20), new TextRange(10, 12)))
            .AddBoilerplate(new TextRange(20, text.Length))
            .Build();
        store.Save([new StoredDocument(doc, [new StoredAnnotation("text.sentences", "text.rules.v1", "[[0,9]]")])]);

        var back = store.Find(doc.Id).ShouldNotBeNull();

        back.Text.ShouldBe(text);
        back.Id.ShouldBe(doc.Id);
        back.Title.ShouldBe("Thread");
        back.Kind.ShouldBe(DocumentKind.Thread);
        back.Source.ShouldBe(doc.Source);
        back.Posts.ShouldBe(doc.Posts);
        back.Boilerplate.ShouldBe(doc.Boilerplate);
        store.FindAnnotation(doc.Id, "text.sentences")!.Json.ShouldBe("[[0,9]]");
    }

    [Fact]
    public void APaginatedDocumentReadsBackWithItsPages_SoACitationStillNamesItsPage()
    {
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"));
        var text = "Page one text.\fPage two text.";
        var doc = Document.Create(text, "a.pdf")
            .AddRegion(new DocumentRegion(RegionKind.Page, new TextRange(0, 14), 1))
            .AddRegion(new DocumentRegion(RegionKind.Page, new TextRange(15, text.Length), 2))
            .AddRegion(new DocumentRegion(RegionKind.Heading, new TextRange(0, 8), 1))
            .Build();
        store.Save([new StoredDocument(doc, [])]);
        store.Save([new StoredDocument(doc, [])]);

        var back = store.Find(doc.Id).ShouldNotBeNull();

        back.Regions.ShouldBe(doc.Regions, ignoreOrder: true);
        back.PageAt(20).ShouldBe(2);
    }

    [Fact]
    public void SearchFindsWordsPhrasesAndPrefixesAndNeverThrowsOnSyntax()
    {
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"));
        store.Save(
        [
            new StoredDocument(Some.Document("The criminal charges against Prigozhin were dropped.", "a.txt"), []),
            new StoredDocument(Some.Document("Peskov said the president was working in the Kremlin.", "b.txt"), []),
        ]);

        store.Search("charges dropped", 10).Single().Path.ShouldBe("a.txt");
        store.Search("\"working in the Kremlin\"", 10).Single().Path.ShouldBe("b.txt");
        store.Search("Prigo*", 10).Single().Snippet.ShouldContain("[Prigozhin]");
        store.Search("charges OR Peskov", 10).Count.ShouldBe(2);
        foreach (var hostile in new[] { "\"", "AND", "NEAR(", "a:b", "*", "(((", "-x", "^", "OR", "'; DROP TABLE documents; --" })
        {
            Should.NotThrow(() => store.Search(hostile, 10));
        }

        store.CountDocuments().ShouldBe(2);
    }

    [Fact]
    public void SettingsSurviveReopening()
    {
        var path = Path.Combine(Some.TempDirectory(), "s.db");
        using (var store = SqliteDocumentStore.Open(path))
        {
            store.SetSetting("aliases", "{\"merge\":[]}");
        }

        using var reopened = SqliteDocumentStore.Open(path);
        reopened.GetSetting("aliases").ShouldBe("{\"merge\":[]}");
        reopened.GetSetting("missing").ShouldBeNull();
    }

    [Fact]
    public void AStoreWrittenByANewerSitrepIsRefusedWithAClearError()
    {
        var path = Path.Combine(Some.TempDirectory(), "s.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 999;";
            cmd.ExecuteNonQuery();
        }

        var ex = Should.Throw<SitrepException>(() => SqliteDocumentStore.Open(path));
        ex.ErrorCode.ShouldBe(SitrepErrors.StoreTooNew);
        ex.Message.ShouldContain("999");
    }

    [Fact]
    public void AFileThatIsNotADatabaseIsRefusedWithAClearError()
    {
        var path = Path.Combine(Some.TempDirectory(), "s.db");
        File.WriteAllText(path, "this is not a database, just some text that happens to be long enough to look like a header");
        var ex = Should.Throw<SitrepException>(() => SqliteDocumentStore.Open(path));
        ex.ErrorCode.ShouldBe(SitrepErrors.StoreUnavailable);
        ex.Message.ShouldContain(path);
    }

    [Fact]
    public void AnAccountItsRolesAndTheWorkStampAreReadWhileAWriteHoldsTheStore()
    {
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"));
        var at = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
        store.AddAccount(new StoredAccount("bob", "h", "s1", at));
        store.SetRole("bob", "wagner", "viewer");
        store.AppendDecision(new StoredDecision(0, "rating", "P1|S1", "C", "anna", at, null));
        StoredAccount? found = null;
        IReadOnlyList<StoredRole> roles = [];
        WorkStamp stamp = default;
        using var done = new ManualResetEventSlim();
        var reader = new Thread(() =>
        {
            found = store.FindAccount("bob");
            roles = store.Roles("bob");
            stamp = store.Stamp();
            done.Set();
        });

        // The store's lock is what every write holds; a request's reads that took it would wait here until the timeout.
        var readInTime = store.WhileLocked(() =>
        {
            reader.Start();
            return done.Wait(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        });
        reader.Join();

        readInTime.ShouldBeTrue("the reads a request makes do not wait for the store's lock");
        found.ShouldNotBeNull().Stamp.ShouldBe("s1");
        roles.ShouldHaveSingleItem().Role.ShouldBe("viewer");
        stamp.LastDecision.ShouldBe(1);
    }

    [Fact]
    public async Task ManyReadsAtOnceBesideWritesEachSeeACommittedStateAndTheStoreClosesThem()
    {
        var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"));
        var at = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
        store.AddAccount(new StoredAccount("bob", "h", "s1", at));
        store.SetRole("bob", "wagner", "viewer");
        var writer = Task.Run(
            () =>
            {
                for (var i = 0; i < 50; i++)
                {
                    store.AppendDecision(new StoredDecision(0, "rating", "P1|S1", "C", "anna", at, null));
                    store.SetRole("bob", "wagner", i % 2 == 0 ? "analyst" : "viewer");
                }
            },
            TestContext.Current.CancellationToken);
        var lastSeen = new long[400];
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            store.FindAccount("bob").ShouldNotBeNull();
            store.Roles("bob").ShouldHaveSingleItem().Role.ShouldBeOneOf("viewer", "analyst");
            lastSeen[i] = store.Stamp().LastDecision;
        });
        await writer;

        lastSeen.ShouldAllBe(id => id >= 0 && id <= 50);
        store.Stamp().LastDecision.ShouldBe(50);
        store.Roles("bob").ShouldHaveSingleItem().Role.ShouldBe("viewer");
        store.Dispose();
        Should.Throw<ObjectDisposedException>(() => store.FindAccount("bob"));
    }
}
