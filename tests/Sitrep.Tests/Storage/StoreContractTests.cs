using Shouldly;
using Sitrep.Documents;
using Sitrep.Embeddings;
using Sitrep.Errors;
using Sitrep.Storage;
using Sitrep.Storage.Postgres;
using Sitrep.Storage.Sqlite;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Storage;

/// <summary>
/// The store contract (<see cref="IDocumentStore"/>, <see cref="IDecisionStore"/>, <see cref="ISourceStore"/>, the
/// embedding cache), run against every store: each derived class opens its own kind of store and inherits every case.
/// </summary>
public abstract partial class StoreContractTests
{
    /// <summary>A new, empty store, named by what <c>--db</c> would take.</summary>
    protected abstract string NewStore();

    /// <summary>Marks the store <paramref name="db"/> as written by a newer Sitrep (schema version 999).</summary>
    protected abstract void MarkNewer(string db);

    protected abstract IEmbeddingCache OpenCache(string db);

    private IStoryStore Open(out string db)
    {
        db = NewStore();
        return StoreFactory.Open(db);
    }

    [Fact]
    public void SavingTheSameContentTwiceDoesNotDuplicateIt()
    {
        using var store = Open(out _);
        var doc = Some.Document("Prigozhin turned the column around near Moscow.", "a.txt");
        store.Save([new StoredDocument(doc, [])]).ShouldBe(new SaveResult(1, 0));

        var again = Some.Document("Prigozhin turned the column around near Moscow.", "elsewhere/b.txt");
        store.Save([new StoredDocument(again, [])]).ShouldBe(new SaveResult(0, 1));
        store.CountDocuments().ShouldBe(1);
    }

    [Fact]
    public void TheSameContentTwiceInOneBatchIsOneInsertAndOneUpdate()
    {
        using var store = Open(out _);
        var text = "One wire story, pasted twice into the same folder.";

        var result = store.Save([new StoredDocument(Some.Document(text, "a.txt"), []), new StoredDocument(Some.Document(text, "b.txt"), [])]);

        result.ShouldBe(new SaveResult(1, 1));
        store.CountDocuments().ShouldBe(1);
    }

    [Fact]
    public void ADocumentReadsBackWithItsMetadataPostsBoilerplateAndLayers()
    {
        using var store = Open(out _);
        var text = "Top post.\n  A reply.\nShare this";
        var doc = Document.Create(text, "t.txt")
            .WithTitle("Thread")
            .WithKind(DocumentKind.Thread)
            .WithLanguage("en")
            .WithSource(new Source("Forum", "mod", "https://forum.example.org/t/1", new DateTimeOffset(2023, 6, 24, 9, 0, 0, TimeSpan.FromHours(3)), Reliability.E))
            .AddPost(new Post("p1", null, 0, "alice", new PostTime("1 year ago", "PAST_REF"), new TextRange(0, 10)))
            .AddPost(new Post("p2", "p1", 1, "bob", null, new TextRange(10, 20), new TextRange(10, 12)))
            .AddBoilerplate(new TextRange(20, text.Length))
            .Build();
        store.Save([new StoredDocument(doc, [new StoredAnnotation("text.sentences", "text.rules.v1", "[[0,9]]"), new StoredAnnotation("entities", "ner.v1", "[]")])]);

        var back = store.Find(doc.Id).ShouldNotBeNull();

        back.Text.ShouldBe(text);
        back.Id.ShouldBe(doc.Id);
        back.Title.ShouldBe("Thread");
        back.Kind.ShouldBe(DocumentKind.Thread);
        back.Language.ShouldBe("en");
        back.Source.ShouldBe(doc.Source);
        back.Source.Published!.Value.Offset.ShouldBe(TimeSpan.FromHours(3));
        back.Posts.ShouldBe(doc.Posts);
        back.Boilerplate.ShouldBe(doc.Boilerplate);
        store.FindAnnotation(doc.Id, "text.sentences")!.ShouldBe(new StoredAnnotation("text.sentences", "text.rules.v1", "[[0,9]]"));
        store.FindAnnotations(doc.Id).Select(a => a.Layer).ShouldBe(["entities", "text.sentences"]);
        store.Find("no-such-id").ShouldBeNull();
        store.FindAnnotation("no-such-id", "entities").ShouldBeNull();
        store.FindAnnotations("no-such-id").ShouldBeEmpty();
    }

    [Fact]
    public void SavingAgainRefreshesMetadataAndReplacesPostsAndLayers()
    {
        using var store = Open(out _);
        var text = "First post here.\nSecond post here.";
        var first = Document.Create(text, "t.txt")
            .AddPost(new Post("p1", null, 0, "alice", null, new TextRange(0, 16)))
            .AddPost(new Post("p2", "p1", 1, "bob", null, new TextRange(17, text.Length)))
            .Build();
        store.Save([new StoredDocument(first, [new StoredAnnotation("claims", "claims.v1", "[1]"), new StoredAnnotation("entities", "ner.v1", "[]")])]);
        var second = Document.Create(text, "t.txt").WithTitle("Now titled")
            .AddPost(new Post("only", null, 0, "carol", null, new TextRange(0, text.Length)))
            .Build();

        store.Save([new StoredDocument(second, [new StoredAnnotation("claims", "claims.v2", "[2]")])]).ShouldBe(new SaveResult(0, 1));

        var back = store.Find(first.Id).ShouldNotBeNull();
        back.Title.ShouldBe("Now titled");
        back.Posts.ShouldHaveSingleItem().Id.ShouldBe("only");
        store.FindAnnotation(first.Id, "claims")!.ShouldBe(new StoredAnnotation("claims", "claims.v2", "[2]"));
        store.FindAnnotation(first.Id, "entities").ShouldNotBeNull();
        store.Search("titled", 10).ShouldHaveSingleItem().DocumentId.ShouldBe(first.Id);
    }

    [Fact]
    public void APaginatedDocumentReadsBackWithItsPages_SoACitationStillNamesItsPage()
    {
        using var store = Open(out _);
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
    public void DocumentIdsComeInPathOrderAndLoadKeepsTheOrderAsked()
    {
        using var store = Open(out _);
        var b = Some.Document("Bravo report.", "b.txt");
        var a = Some.Document("Alpha report.", "a.txt");
        var upper = Some.Document("Upper-case path report.", "Z.txt");
        store.Save([new StoredDocument(b, [new StoredAnnotation("x", "x.v1", "{}")]), new StoredDocument(a, []), new StoredDocument(upper, [])]);

        // Ordinal order, as SQLite compares: upper case before lower case whatever the server's collation.
        store.DocumentIds().ShouldBe([upper.Id, a.Id, b.Id]);
        var loaded = store.Load([b.Id, "missing", a.Id]);
        loaded.Select(d => d.Document.Id).ShouldBe([b.Id, a.Id]);
        loaded[0].Annotations.ShouldHaveSingleItem().Layer.ShouldBe("x");
        loaded[1].Annotations.ShouldBeEmpty();
    }

    [Fact]
    public void SearchFindsWordsPhrasesAndPrefixesAndNeverThrowsOnSyntax()
    {
        using var store = Open(out _);
        store.Save(
        [
            new StoredDocument(Some.Document("The criminal charges against Prigozhin were dropped.", "a.txt"), []),
            new StoredDocument(Some.Document("Peskov said the president was working in the Kremlin.", "b.txt"), []),
        ]);

        store.Search("charges dropped", 10).Single().Path.ShouldBe("a.txt");
        store.Search("CHARGES", 10).Single().Path.ShouldBe("a.txt");
        store.Search("\"working in the Kremlin\"", 10).Single().Path.ShouldBe("b.txt");
        store.Search("\"Kremlin working\"", 10).ShouldBeEmpty();
        store.Search("Prigo*", 10).Single().Snippet.ShouldContain("[Prigozhin]");
        store.Search("charges OR Peskov", 10).Count.ShouldBe(2);
        store.Search("charges Peskov", 10).ShouldBeEmpty();
        store.Search("charges OR Peskov", 1).Count.ShouldBe(1);
        store.Search("   ", 10).ShouldBeEmpty();
        foreach (var hostile in new[] { "\"", "AND", "NEAR(", "a:b", "*", "(((", "-x", "^", "OR", "OR OR x", "!", "&|", "'; DROP TABLE documents; --", "x:*", "\\" })
        {
            Should.NotThrow(() => store.Search(hostile, 10));
        }

        store.CountDocuments().ShouldBe(2);
    }

    [Fact]
    public void ATextHoldingTheNulCharacterReadsBackCharacterForCharacter()
    {
        using var store = Open(out _);
        var text = "Header\0\0 of a damaged export.\0 Prigozhin spoke at noon.";
        var doc = Document.Create(text, "damaged.txt").WithTitle("Export\0 one").Build();

        store.Save([new StoredDocument(doc, [])]).ShouldBe(new SaveResult(1, 0));

        var back = store.Find(doc.Id).ShouldNotBeNull();
        back.Text.ShouldBe(text);
        back.Text.Length.ShouldBe(text.Length);
        back.Title.ShouldNotBeNull().ShouldStartWith("Export");
        store.Search("Prigozhin", 10).ShouldHaveSingleItem().DocumentId.ShouldBe(doc.Id);
        store.Search("damaged export", 10).ShouldHaveSingleItem();
    }

    [Fact]
    public void AWordNearTheEndOfAVeryLongTextIsFound()
    {
        using var store = Open(out _);
        var filler = string.Concat(Enumerable.Repeat("routine convoy report filed without incident. ", 30_000));
        var text = filler + "Then the Zhuravlev bridge was closed. " + filler + "Final word kalashnikovite.";
        var doc = Some.Document(text, "long.txt");
        store.Save([new StoredDocument(doc, [])]);

        store.Search("Zhuravlev", 10).ShouldHaveSingleItem().Snippet.ShouldContain("[Zhuravlev]");
        store.Search("kalashnikovite", 10).ShouldHaveSingleItem().DocumentId.ShouldBe(doc.Id);
        store.Search("\"Zhuravlev bridge\"", 10).ShouldHaveSingleItem();
        store.Search("Zhuravlev", 10).Single().Snippet.ShouldNotContain("kalashnikovite");
        store.Find(doc.Id).ShouldNotBeNull().Text.Length.ShouldBe(text.Length);
    }

    [Fact]
    public void SearchRanksTheBetterMatchFirstWithALowerScore()
    {
        using var store = Open(out _);
        store.Save(
        [
            new StoredDocument(Some.Document("The convoy moved north. Later, officials said little.", "a.txt"), []),
            new StoredDocument(Some.Document("The convoy, a long convoy of trucks, and another convoy behind it.", "b.txt"), []),
        ]);

        var hits = store.Search("convoy", 10);

        hits.Select(h => h.Path).ShouldBe(["b.txt", "a.txt"]);
        hits[0].Score.ShouldBeLessThan(hits[1].Score);
    }

    [Fact]
    public void ReplacingAFileDropsWhatItNoLongerHolds()
    {
        using var store = Open(out _);
        var first = Some.Document("Early draft about the convoy.", "w/a.txt");
        store.ReplaceFile("w/a.txt", [new StoredDocument(first, [])]).ShouldBe(new SaveResult(1, 0, 0));
        var second = Some.Document("Early draft about the convoy. Final paragraph added.", "w/a.txt");

        var result = store.ReplaceFile("w/a.txt", [new StoredDocument(second, [])]);

        result.ShouldBe(new SaveResult(1, 0, 1));
        store.CountDocuments().ShouldBe(1);
        store.Find(first.Id).ShouldBeNull();
        store.FindAnnotations(first.Id).ShouldBeEmpty();
        store.Search("convoy", 10).ShouldHaveSingleItem().DocumentId.ShouldBe(second.Id);
    }

    [Fact]
    public void ADocumentReadFromTwoFilesStaysWhenOneOfThemIsRemoved()
    {
        using var store = Open(out _);
        var text = "The same wire copy, filed twice.";
        store.ReplaceFile("a.txt", [new StoredDocument(Some.Document(text, "a.txt"), [])]);
        store.ReplaceFile("b.txt", [new StoredDocument(Some.Document(text, "b.txt"), [])]);
        store.ReplaceFile("feed.xml", [new StoredDocument(Some.Document("Item one of the feed.", "feed.xml#1"), []), new StoredDocument(Some.Document("Item two of the feed.", "feed.xml#2"), [])]);
        store.ReplaceFile("feed.xml.old", [new StoredDocument(Some.Document("An older feed kept aside.", "feed.xml.old"), [])]);

        store.RemoveFile("a.txt").ShouldBe(0);
        store.RemoveFile("feed.xml").ShouldBe(2);

        store.CountDocuments().ShouldBe(2);
        store.Search("wire", 10).ShouldHaveSingleItem().Path.ShouldBe("b.txt");
        store.Search("item", 10).ShouldBeEmpty();
        store.Search("older", 10).ShouldHaveSingleItem().Path.ShouldBe("feed.xml.old");
        store.RemoveFile("never-seen.txt").ShouldBe(0);
    }

    [Fact]
    public void MovingAFileCarriesItsDocumentsAndItemsToTheNewPath()
    {
        using var store = Open(out _);
        store.ReplaceFile("in/old.jsonl", [new StoredDocument(Some.Document("First item.", "in/old.jsonl#1"), []), new StoredDocument(Some.Document("Second item.", "in/old.jsonl#2"), [])]);
        store.ReplaceFile("in/old.jsonl.bak", [new StoredDocument(Some.Document("Not the same file.", "in/old.jsonl.bak"), [])]);

        store.MoveFile("in/old.jsonl", "in/new.jsonl").ShouldBe(2);

        store.Search("item", 10).Select(h => h.Path).Order(StringComparer.Ordinal).ShouldBe(["in/new.jsonl#1", "in/new.jsonl#2"]);
        store.Search("same", 10).ShouldHaveSingleItem().Path.ShouldBe("in/old.jsonl.bak");
        store.RemoveFile("in/new.jsonl").ShouldBe(2);
        store.CountDocuments().ShouldBe(1);
    }

    [Fact]
    public void MovingAFileOntoOneWithTheSameContentKeepsOnePath()
    {
        using var store = Open(out _);
        var text = "Identical copy in two places.";
        store.ReplaceFile("a.txt", [new StoredDocument(Some.Document(text, "a.txt"), [])]);
        store.ReplaceFile("b.txt", [new StoredDocument(Some.Document(text, "b.txt"), [])]);

        store.MoveFile("a.txt", "b.txt").ShouldBe(1);

        store.RemoveFile("b.txt").ShouldBe(1);
        store.CountDocuments().ShouldBe(0);
    }

    [Fact]
    public void SettingsSurviveReopening()
    {
        string db;
        using (var store = Open(out db))
        {
            store.SetSetting("aliases", "{\"merge\":[]}");
            store.SetSetting("aliases", "{\"merge\":[1]}");
        }

        using var reopened = StoreFactory.Open(db);
        reopened.GetSetting("aliases").ShouldBe("{\"merge\":[1]}");
        reopened.GetSetting("missing").ShouldBeNull();
    }

    [Fact]
    public void DecisionsAreKeptInTheOrderMadeAndReadBackByKind()
    {
        using var store = Open(out _);
        var when = new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.FromHours(1));
        var first = store.AppendDecision(new StoredDecision(0, "merge", "Prigozhin", "Yevgeny Prigozhin", "ana", when, "same man"));
        var second = store.AppendDecision(new StoredDecision(0, "rating", "e1|h2", "CC", "ben", when.AddMinutes(1), null));

        first.Id.ShouldBeGreaterThan(0);
        second.Id.ShouldBeGreaterThan(first.Id);
        store.Decisions().ShouldBe([first, second]);
        store.Decisions("rating").ShouldBe([second]);
        store.Decisions("split").ShouldBeEmpty();
        store.Decisions()[0].When.Offset.ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void AnUploadIsJournalledOnceAndPendingUntilAnalysed()
    {
        using var store = Open(out _);
        var at = new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
        store.JournalUpload("aa11", "report.txt", "/u/aa11.txt", at).ShouldBeTrue();
        store.JournalUpload("aa11", "copy.txt", "/u/aa11-copy.txt", at).ShouldBeFalse();
        store.JournalUpload("bb22", "other.txt", "/u/bb22.txt", at.AddSeconds(1)).ShouldBeTrue();

        store.PendingUploads().Select(u => u.Sha256).ShouldBe(["aa11", "bb22"]);
        store.MarkUploadAnalysed("aa11", at.AddMinutes(1));

        store.PendingUploads().ShouldHaveSingleItem().Sha256.ShouldBe("bb22");
        var all = store.Uploads();
        all.Select(u => u.Sha256).ShouldBe(["bb22", "aa11"]);
        all[1].ShouldBe(new StoredUpload("aa11", "report.txt", "/u/aa11.txt", at, at.AddMinutes(1)));
    }

    [Fact]
    public void OutletsAreReplacedByNameAndSnapshotsFoundByEitherAddress()
    {
        using var store = Open(out _);
        store.SaveOutlets([new StoredOutlet("TASS", "C", "state agency", ["tass.ru", "ТАСС"]), new StoredOutlet("Meduza", "B", null, [])]);
        store.SaveOutlets([new StoredOutlet("TASS", "D", null, ["tass.com"])]);

        var outlets = store.Outlets();
        outlets.Select(o => o.Name).ShouldBe(["Meduza", "TASS"]);
        outlets[0].Aliases.ShouldBeEmpty();
        outlets[1].Reliability.ShouldBe("D");
        outlets[1].Notes.ShouldBeNull();
        outlets[1].Aliases.ShouldBe(["tass.com"]);

        var fetched = new DateTimeOffset(2023, 6, 24, 9, 0, 0, TimeSpan.FromHours(3));
        var first = store.SaveSnapshot(new StoredSnapshot("http://a.example/x", "https://a.example/x", fetched, 200, "text/html", "utf-8", [1, 2, 3]));
        var second = store.SaveSnapshot(new StoredSnapshot("http://a.example/x", "http://a.example/x", fetched.AddHours(1), 404, null, null, []));

        second.ShouldBeGreaterThan(first);
        var byRequest = store.Snapshots("http://a.example/x");
        byRequest.Count.ShouldBe(2);
        byRequest[0].Bytes.ShouldBe(new byte[] { 1, 2, 3 });
        byRequest[0].FetchedAt.ShouldBe(fetched);
        byRequest[1].Status.ShouldBe(404);
        store.Snapshots("https://a.example/x").ShouldHaveSingleItem().ContentType.ShouldBe("text/html");
        store.Snapshots("https://elsewhere.example/").ShouldBeEmpty();
    }

    [Fact]
    public void TheEmbeddingCacheReturnsWhatWasPutAndMissesTheRest()
    {
        var db = NewStore();
        var cache = OpenCache(db);
        try
        {
            var a = EmbeddingKey.For("model", "one sentence");
            var b = EmbeddingKey.For("model", "another sentence");
            cache.PutMany([new(a, [0.5f, -0.25f, 1f])]);
            cache.PutMany([new(a, [0.5f, 0.25f, 1f])]);

            var got = cache.GetMany([b, a, a]);

            got[0].ShouldBeNull();
            got[1].ShouldBe([0.5f, 0.25f, 1f]);
            got[2].ShouldBe([0.5f, 0.25f, 1f]);
            cache.GetMany([]).ShouldBeEmpty();
        }
        finally
        {
            (cache as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void AStoreWrittenByANewerSitrepIsRefusedWithAClearError()
    {
        var db = NewStore();
        MarkNewer(db);

        var ex = Should.Throw<SitrepException>(() => StoreFactory.Open(db));

        ex.ErrorCode.ShouldBe(SitrepErrors.StoreTooNew);
        ex.Message.ShouldContain("999");
    }
}

public sealed class SqliteStoreContractTests : StoreContractTests
{
    protected override string NewStore() => Path.Combine(Some.TempDirectory(), "s.db");

    protected override void MarkNewer(string db)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=false");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA user_version = 999;";
        cmd.ExecuteNonQuery();
    }

    protected override IEmbeddingCache OpenCache(string db) => SqliteEmbeddingCache.Open(db);
}

public sealed class PostgresStoreContractTests(PostgresServer server) : StoreContractTests, IClassFixture<PostgresServer>
{
    protected override string NewStore() => server.NewDatabase();

    protected override void MarkNewer(string db)
    {
        using (StoreFactory.Open(db))
        {
        }

        PostgresServer.Execute(db, "INSERT INTO schema_version (version) VALUES (999)");
    }

    protected override IEmbeddingCache OpenCache(string db) => PostgresEmbeddingCache.Open(db);

    [Fact]
    public void ANewDatabaseIsMigratedToTheCurrentVersionWithASearchVectorColumn()
    {
        var db = NewStore();
        using (StoreFactory.Open(db))
        {
        }

        using var connection = new Npgsql.NpgsqlConnection(db + ";Pooling=false");
        connection.Open();
        using var cmd = new Npgsql.NpgsqlCommand("SELECT max(version) FROM schema_version", connection);
        Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(PostgresDocumentStore.SchemaVersion);
        cmd.CommandText = "SELECT indexdef FROM pg_indexes WHERE indexname = 'documents_search'";
        ((string)cmd.ExecuteScalar()!).ShouldContain("gin");
    }

    [Fact]
    public void AStoreOfVersionThreeIsMigratedSoItsLongDocumentsBecomeSearchableToTheEnd()
    {
        var db = NewStore();
        var filler = string.Concat(Enumerable.Repeat("routine convoy report filed without incident. ", 5_000));
        var doc = Some.Document(filler + "The Zhuravlev bridge was closed.", "long.txt");
        using (var store = StoreFactory.Open(db))
        {
            store.Save([new StoredDocument(doc, [])]);
        }

        // Back to version 3 as an older Sitrep left it: no tail vectors, no NUL column, the vector over 400,000 characters.
        PostgresServer.Execute(db, "DROP TABLE search_tail; ALTER TABLE documents DROP COLUMN nuls; DROP TABLE picture_units, picture_keys, picture_items, sign_ins, account_roles, accounts; DELETE FROM schema_version WHERE version > 3");

        using var reopened = StoreFactory.Open(db);
        reopened.Search("\"Zhuravlev bridge\"", 10).ShouldHaveSingleItem().DocumentId.ShouldBe(doc.Id);
        reopened.Find(doc.Id).ShouldNotBeNull().Text.ShouldBe(doc.Text);
    }

    [Fact]
    public void AServerThatDoesNotAnswerIsRefusedWithAClearErrorThatHidesThePassword()
    {
        var db = $"postgres://sitrep:s3cret@127.0.0.1:{PostgresServer.FreePort()}/story";

        var ex = Should.Throw<SitrepException>(() => StoreFactory.Open(db));

        ex.ErrorCode.ShouldBe(SitrepErrors.StoreUnavailable);
        ex.Message.ShouldContain("postgres://sitrep@127.0.0.1:");
        ex.Message.ShouldNotContain("s3cret");
    }

    [Fact]
    public void ADatabaseThatLostATableIsRefusedAsDamaged()
    {
        var db = NewStore();
        using (StoreFactory.Open(db))
        {
        }

        PostgresServer.Execute(db, "DROP TABLE annotations");

        var ex = Should.Throw<SitrepException>(() => StoreFactory.Open(db));

        ex.ErrorCode.ShouldBe(SitrepErrors.StoreDamaged);
        ex.Message.ShouldContain("annotations");
    }
}
