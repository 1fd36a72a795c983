using Microsoft.Data.Sqlite;
using Shouldly;
using Sitrep.Documents;
using Sitrep.Errors;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Storage;

/// <summary>Regression tests for issue 18, items 7, 9 and 10: every store failure is a catalog error, and nothing half-written stays.</summary>
public sealed class StoreFailureTests
{
    [Fact]
    public void WhenTheDiskFillsUpTheBatchFailsWithSR4005AndEveryBatchCommittedBeforeStaysIntact()
    {
        var path = Path.Combine(Some.TempDirectory(), "s.db");
        var committed = 0;
        var ex = Should.Throw<SitrepException>(() =>
        {
            // max_page_count is SQLite's own way to meet a full disk without mounting one: a write past it is SQLITE_FULL.
            using var store = SqliteDocumentStore.Open(path, StoreCheck.Quick, c => Pragma(c, "PRAGMA max_page_count = 120;"));
            for (var batch = 0; batch < 1000; batch++)
            {
                store.Save([.. Enumerable.Range(0, 5).Select(i => new StoredDocument(Numbered(batch * 5 + i), [new StoredAnnotation("text.sentences", "t.v1", "[[0,9]]")]))]);
                committed += 5;
            }
        });

        ex.ErrorCode.ShouldBe(SitrepErrors.StoreFull);
        ex.Message.ShouldContain(path);
        committed.ShouldBeGreaterThan(0);
        using var reopened = SqliteDocumentStore.Open(path);
        reopened.CountDocuments().ShouldBe(committed);
        reopened.IntegrityCheck().ShouldBe("ok");
        reopened.FullTextCheck().ShouldBe("ok");
        reopened.Search("report", 10_000).Count.ShouldBe(committed);
    }

    [Fact]
    public void AStoreWithFlippedBytesIsRefusedAtOpenWithSR4004AndIsNotWrittenTo()
    {
        var path = Path.Combine(Some.TempDirectory(), "s.db");
        using (var store = SqliteDocumentStore.Open(path))
        {
            for (var batch = 0; batch < 20; batch++)
            {
                store.Save([.. Enumerable.Range(0, 10).Select(i => new StoredDocument(Numbered(batch * 10 + i), [new StoredAnnotation("text.sentences", "t.v1", "[[0,9]]")]))]);
            }
        }

        Checkpoint(path);
        var bytes = File.ReadAllBytes(path);
        var random = new Random(18);
        for (var i = 0; i < 200; i++)
        {
            // Past the first page: the header and schema stay readable, the b-trees below them do not.
            bytes[random.Next(4096, bytes.Length)] ^= 0xFF;
        }

        File.WriteAllBytes(path, bytes);

        var ex = Should.Throw<SitrepException>(() => SqliteDocumentStore.Open(path));

        // The schema (one row per table, index and trigger) may reach past the first page since the workbench's tables
        // (migration 4): SQLite then finds the damage while reading the schema, before quick_check runs.
        ex.ErrorCode.ShouldBe(SitrepErrors.StoreDamaged);
        (ex.Message.Contains("quick_check", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("malformed", StringComparison.OrdinalIgnoreCase)).ShouldBeTrue(ex.Message);
        File.ReadAllBytes(path).ShouldBe(bytes);
    }

    [Fact]
    public void AStoreWhoseFullTextIndexWasDroppedIsReindexedAtOpenAndSearchedAgain()
    {
        var path = Path.Combine(Some.TempDirectory(), "s.db");
        using (var store = SqliteDocumentStore.Open(path))
        {
            store.Save([new StoredDocument(Some.Document("The column stopped two hundred kilometres from Moscow.", "a.txt"), [])]);
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            connection.Open();
            Pragma(connection, "DROP TABLE documents_fts;");
        }

        using var reopened = SqliteDocumentStore.Open(path);
        reopened.Save([new StoredDocument(Some.Document("Peskov said the president was working.", "b.txt"), [])]);

        reopened.Search("column", 10).ShouldHaveSingleItem().Path.ShouldBe("a.txt");
        reopened.Search("Peskov", 10).ShouldHaveSingleItem().Path.ShouldBe("b.txt");
        reopened.FullTextCheck().ShouldBe("ok");
    }

    [Fact]
    public void AStoreThatLacksOneOfItsTablesIsRefusedAsDamagedNamingTheTable()
    {
        var path = Path.Combine(Some.TempDirectory(), "s.db");
        using (SqliteDocumentStore.Open(path))
        {
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            connection.Open();
            Pragma(connection, "DROP TABLE posts;");
        }

        var ex = Should.Throw<SitrepException>(() => SqliteDocumentStore.Open(path));
        ex.ErrorCode.ShouldBe(SitrepErrors.StoreDamaged);
        ex.Message.ShouldContain("posts");
    }

    [Fact]
    public void AStoreOnAReadOnlyDiskIsRefusedWithSR4003()
    {
        using var disk = TinyDisk.Mount(4096);
        var path = Path.Combine(disk.Path, "s.db");
        using (var store = SqliteDocumentStore.Open(path))
        {
            store.Save([new StoredDocument(Some.Document(), [])]);
        }

        disk.MakeReadOnly();

        var ex = Should.Throw<SitrepException>(() => SqliteDocumentStore.Open(path));
        ex.ErrorCode.ShouldBe(SitrepErrors.StoreReadOnly);
        ex.Message.ShouldContain(path);
    }

    [Fact]
    public void AFolderWhereTheStoreShouldBeIsRefusedWithSR4001()
    {
        var path = Path.Combine(Some.TempDirectory(), "s.db");
        Directory.CreateDirectory(path);

        var ex = Should.Throw<SitrepException>(() => SqliteDocumentStore.Open(path));
        ex.ErrorCode.ShouldBe(SitrepErrors.StoreUnavailable);
        ex.Message.ShouldContain("folder");
    }

    [Fact]
    public async Task FourOpensStartingTogetherOnANewStoreAllSucceed()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var round = 0; round < 20; round++)
        {
            var path = Path.Combine(Some.TempDirectory(), "s.db");
            using var start = new Barrier(4);
            var opens = Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait(ct);
                    using var store = SqliteDocumentStore.Open(path);
                    return store.CountDocuments();
                },
                ct,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default)).ToArray();

            (await Task.WhenAll(opens)).ShouldAllBe(count => count == 0);
        }
    }

    [Fact]
    public void ANewTitleForStoredContentIsFoundBySearchAndTheIndexStaysInStep()
    {
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"));
        var text = "The column stopped two hundred kilometres from Moscow.";
        store.Save([new StoredDocument(Document.Create(text, "a.txt").WithTitle("Convoy halts").Build(), [])]);

        store.Save([new StoredDocument(Document.Create(text, "a.txt").WithTitle("Mutiny ends near Yelets").Build(), [])]);

        store.FullTextCheck().ShouldBe("ok");
        store.Search("Yelets", 10).ShouldHaveSingleItem().Title.ShouldBe("Mutiny ends near Yelets");
        store.Search("Convoy", 10).ShouldBeEmpty();
    }

    [Fact]
    public void ReplacingAFileDropsItsEarlierVersionFromTheStoreAndFromSearch()
    {
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"));
        var first = Some.Document("Early draft about the convoy.", "w/a.txt");
        store.ReplaceFile("w/a.txt", [new StoredDocument(first, [])]);
        var second = Some.Document("Early draft about the convoy. Final paragraph added.", "w/a.txt");

        var result = store.ReplaceFile("w/a.txt", [new StoredDocument(second, [])]);

        result.ShouldBe(new SaveResult(1, 0, 1));
        store.CountDocuments().ShouldBe(1);
        store.Find(first.Id).ShouldBeNull();
        store.Search("convoy", 10).ShouldHaveSingleItem().DocumentId.ShouldBe(second.Id);
        store.FullTextCheck().ShouldBe("ok");
    }

    [Fact]
    public void ADocumentReadFromTwoFilesStaysWhenOneOfThemIsRemoved()
    {
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"));
        var text = "The same wire copy, filed twice.";
        store.ReplaceFile("a.txt", [new StoredDocument(Some.Document(text, "a.txt"), [])]);
        store.ReplaceFile("b.txt", [new StoredDocument(Some.Document(text, "b.txt"), [])]);
        store.ReplaceFile("feed.xml", [new StoredDocument(Some.Document("Item one of the feed.", "feed.xml#1"), []), new StoredDocument(Some.Document("Item two of the feed.", "feed.xml#2"), [])]);

        store.RemoveFile("a.txt").ShouldBe(0);
        store.RemoveFile("feed.xml").ShouldBe(2);

        store.CountDocuments().ShouldBe(1);
        store.Search("wire", 10).ShouldHaveSingleItem().Path.ShouldBe("b.txt");
        store.Search("feed", 10).ShouldBeEmpty();
    }

    [Fact]
    public void MovingAFileCarriesItsDocumentsAndItemsToTheNewPath()
    {
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"));
        store.ReplaceFile("in/old.jsonl", [new StoredDocument(Some.Document("First item.", "in/old.jsonl#1"), []), new StoredDocument(Some.Document("Second item.", "in/old.jsonl#2"), [])]);
        store.ReplaceFile("in/old.jsonl.bak", [new StoredDocument(Some.Document("Not the same file.", "in/old.jsonl.bak"), [])]);

        store.MoveFile("in/old.jsonl", "in/new.jsonl").ShouldBe(2);

        store.Search("item", 10).Select(h => h.Path).Order(StringComparer.Ordinal).ShouldBe(["in/new.jsonl#1", "in/new.jsonl#2"]);
        store.Search("same", 10).ShouldHaveSingleItem().Path.ShouldBe("in/old.jsonl.bak");
    }

    private static Document Numbered(int i) =>
        Some.Document($"Report {i}: the column of trucks stopped {i % 300} km from the capital and turned back. " + new string('x', 900 + (i % 7)), $"r{i:D4}.txt");

    private static void Pragma(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static void Checkpoint(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        Pragma(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
    }
}
