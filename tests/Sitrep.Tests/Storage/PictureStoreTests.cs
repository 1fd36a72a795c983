using Shouldly;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Storage;

/// <summary>
/// The picture part of the store contract (<see cref="IPictureStore"/>), run against every store that keeps a picture:
/// each derived class opens its own kind of store and inherits every case.
/// </summary>
public abstract class PictureStoreTests
{
    /// <summary>A new, empty store, named by what <c>--db</c> would take.</summary>
    protected abstract string NewDatabase();

    /// <summary>The store <paramref name="db"/> as <c>--db</c> opens it, which must keep a picture.</summary>
    protected static IPictureStore Open(string db)
    {
        var store = StoreFactory.Open(db);
        return store as IPictureStore ?? throw new InvalidOperationException(store.GetType().Name + " keeps no picture.");
    }

    private IPictureStore NewStore() => Open(NewDatabase());

    [Fact]
    public void ItemsAreFoundByTheirKeysWithHowManyKeysEachShares()
    {
        var store = NewStore();
        using var owner = (IDisposable)store;
        store.WritePicture([new PictureWrite("propositions", "c.v1")
        {
            Upsert =
            [
                new PictureItem("p1", "{}", ["wagner", "rostov", "seized"], ["d1#c1", "d2#c4"]),
                new PictureItem("p2", "{}", ["wagner", "moscow"], ["d3#c1"]),
            ],
        }]);

        var found = store.FindPictureIds("propositions", ["wagner", "rostov", "belarus"], maxPosting: 10);

        found.ShouldBe(new Dictionary<string, int>(StringComparer.Ordinal) { ["p1"] = 2, ["p2"] = 1 }, ignoreOrder: true);
        store.FindPictureIds("entities", ["wagner"], 10).ShouldBeEmpty();
    }

    [Fact]
    public void AKeyHeldByMoreItemsThanThePostingBoundIsSkipped()
    {
        var store = NewStore();
        using var owner = (IDisposable)store;
        store.WritePicture([new PictureWrite("propositions", "c.v1")
        {
            Upsert = [.. Enumerable.Range(1, 5).Select(i => new PictureItem("p" + i, "{}", ["common", "rare" + i], ["d#c" + i]))],
        }]);

        store.FindPictureIds("propositions", ["common", "rare3"], maxPosting: 4).ShouldBe(new Dictionary<string, int>(StringComparer.Ordinal) { ["p3"] = 1 });
    }

    [Fact]
    public void PostingsAreReadOncePerKeyAndATooCommonKeyIsLeftOutUntilAnItemHoldingItIsDeleted()
    {
        var store = NewStore();
        using var owner = (IDisposable)store;
        store.WritePicture([new PictureWrite("propositions", "c.v1")
        {
            Upsert = [.. Enumerable.Range(1, 5).Select(i => new PictureItem("p" + i, "{}", ["common", "rare" + i], ["d#c" + i]))],
        }]);

        var postings = store.FindPicturePostings("propositions", ["common", "rare3", "rare3", "absent"], maxPosting: 4);

        postings.Keys.ShouldBe(["rare3"]);
        postings["rare3"].ShouldBe(["p3"]);

        // The key is remembered as too common for a bound of 4, but a caller pairing on longer postings still reads it.
        store.FindPicturePostings("propositions", ["common"], maxPosting: 5)["common"].Count.ShouldBe(5);

        // Once an item holding it is gone, the key is short enough again.
        store.WritePicture([new PictureWrite("propositions", "c.v1") { Delete = ["p1"] }]);
        store.FindPicturePostings("propositions", ["common"], maxPosting: 4)["common"].ShouldBe(["p2", "p3", "p4", "p5"], ignoreOrder: true);
    }

    [Fact]
    public void TheFirstHoldersOfAKeyAreReadInOrdinalOrderAndTheRestAreNot()
    {
        var store = NewStore();
        using var owner = (IDisposable)store;
        store.WritePicture([new PictureWrite("figures.candidates", "c.v1")
        {
            Upsert = [.. new[] { "d9", "d10", "d2", "d11", "d1" }.Select(id => new PictureItem(id, "{}", ["killed|people", "other|" + id], [id + "#c1"]))],
        }]);

        store.FindFirstPictureIds("figures.candidates", "killed|people", 3).ShouldBe(["d1", "d10", "d11"]);
        store.FindFirstPictureIds("figures.candidates", "killed|people", 99).ShouldBe(["d1", "d10", "d11", "d2", "d9"]);
        store.FindFirstPictureIds("figures.candidates", "killed|people", 0).ShouldBeEmpty();
        store.FindFirstPictureIds("figures.candidates", "other|d2", 3).ShouldBe(["d2"]);
        store.FindFirstPictureIds("figures.candidates", "absent", 3).ShouldBeEmpty();
        store.FindFirstPictureIds("figures", "killed|people", 3).ShouldBeEmpty();
    }

    [Fact]
    public void TheUnitsOfItemsInSomeDocumentsAreReadWholeHoweverManyTheItemHoldsElsewhere()
    {
        var store = NewStore();
        using var owner = (IDisposable)store;
        var many = Enumerable.Range(0, 300).Select(i => "z" + i + "#c1").ToList();
        store.WritePicture([new PictureWrite("propositions", "c.v1")
        {
            Upsert =
            [
                new PictureItem("p1", "{}", ["k"], ["a#c1", "a#c2", "b#c1", .. many]),
                new PictureItem("p2", "{}", ["k"], ["c#c1"]),
            ],
        }]);

        var units = store.ReadPictureUnits("propositions", ["p1", "p2", "missing"], ["a", "b", "z7"]);

        units.Keys.ShouldBe(["p1"]);
        units["p1"].ShouldBe(["a#c1", "a#c2", "b#c1", "z7#c1"], ignoreOrder: true);
        store.ReadPictureUnits("propositions", ["p1"], []).ShouldBeEmpty();
    }

    [Fact]
    public void TrimmingAnItemDropsOnlyTheUnitsOfTheDocumentsNamedAndKeepsTheCount()
    {
        var store = NewStore();
        using var owner = (IDisposable)store;
        store.WritePicture([new PictureWrite("entities", "e.v1") { Upsert = [new PictureItem("e1", "{\"v\":1}", ["k"], ["a#1-5", "b#2-9", "b#20-25", "c#0-3"])] }]);

        store.WritePicture([new PictureWrite("entities", "e.v2") { Trim = [("e1", ["b"])], Upsert = [new PictureItem("e1", "{\"v\":2}", ["k2"], ["b#2-9", "d#4-8"])] }]);

        var item = store.ReadPicture("entities", ["e1", "missing"], unitLimit: 100).ShouldHaveSingleItem();
        item.Component.ShouldBe("e.v2");
        item.Item.Json.ShouldBe("{\"v\":2}");
        item.Item.Units.ShouldBe(["a#1-5", "b#2-9", "c#0-3", "d#4-8"], ignoreOrder: true);
        item.UnitCount.ShouldBe(4);
        store.FindPictureIds("entities", ["k", "k2"], 10)["e1"].ShouldBe(2);
    }

    [Fact]
    public void TheHeadOfAKindIsItsLargestItemsAndDeletedItemsLeaveNoKeysOrUnits()
    {
        var store = NewStore();
        using var owner = (IDisposable)store;
        store.WritePicture([new PictureWrite("figures", "f.v1")
        {
            Upsert = [new PictureItem("f1", "{}", ["killed|"], ["a#1"]), new PictureItem("f2", "{}", ["killed|"], ["a#2", "b#1", "c#1"]), new PictureItem("f3", "{}", ["size|"], ["d#1", "e#1"])],
        }]);
        store.WritePicture([new PictureWrite("figures", "f.v1") { Delete = ["f1"] }]);

        store.ReadPictureHead("figures", limit: 2, unitLimit: 1).Select(i => (i.Item.Id, i.UnitCount, i.Item.Units.Count)).ShouldBe([("f2", 3, 1), ("f3", 2, 1)]);
        store.CountPicture("figures").ShouldBe(2);
        store.FindPictureIds("figures", ["killed|"], 10).Keys.ShouldBe(["f2"]);

        store.ClearPicture();
        store.CountPicture("figures").ShouldBe(0);
    }

    [Fact]
    public void AnItemUpsertedTwiceInOneChangeKeepsTheLastJsonAndTheKeysAndUnitsOfBoth()
    {
        var store = NewStore();
        using var owner = (IDisposable)store;
        store.WritePicture([new PictureWrite("entities", "e.v1") { Upsert = [new PictureItem("e1", "{\"v\":0}", ["k0"], ["a#1-2"])] }]);

        // Two new mentions joined to the same stored entity in one update.
        store.WritePicture([new PictureWrite("entities", "e.v1")
        {
            Upsert = [new PictureItem("e1", "{\"v\":1}", ["k1"], ["b#1-2", "a#1-2"]), new PictureItem("e1", "{\"v\":2}", ["k2", "k1"], ["c#1-2", "b#1-2"])],
        }]);

        var item = store.ReadPicture("entities", ["e1"], unitLimit: 10).ShouldHaveSingleItem();
        item.Item.Json.ShouldBe("{\"v\":2}");
        item.UnitCount.ShouldBe(3);
        item.Item.Units.ShouldBe(["c#1-2", "b#1-2", "a#1-2"]);
        store.FindPictureIds("entities", ["k0", "k1", "k2"], 10)["e1"].ShouldBe(3);
    }

    [Fact]
    public void AnItemsLatestUnitsComeFirstAndIdsAreReadInTheOrderAsked()
    {
        var store = NewStore();
        using var owner = (IDisposable)store;
        store.WritePicture([new PictureWrite("timeline", "t.v1") { Upsert = [new PictureItem("t2", "{}", ["2023"], ["a#1", "b#1"]), new PictureItem("t1", "{}", ["2023"], ["c#1"])] }]);
        store.WritePicture([new PictureWrite("timeline", "t.v1") { Upsert = [new PictureItem("t2", "{}", [], ["d#1", "a#1"])] }]);

        var items = store.ReadPicture("timeline", ["t1", "missing", "t2", "t1"], unitLimit: 2);

        items.Select(i => i.Item.Id).ShouldBe(["t1", "t2"]);
        items[1].Item.Units.ShouldBe(["d#1", "b#1"]);
        items[1].UnitCount.ShouldBe(3);
        store.ReadPicture("timeline", ["t2"], unitLimit: 0).ShouldHaveSingleItem().Item.Units.ShouldBeEmpty();
        store.ReadPicture("timeline", [], unitLimit: 5).ShouldBeEmpty();
        store.FindPicturePostings("timeline", [], 10).ShouldBeEmpty();
    }

    [Fact]
    public void AUnitNamesItsDocument()
    {
        PictureItem.DocumentOf(PictureItem.Unit("doc-1", "c3")).ShouldBe("doc-1");
        PictureItem.DocumentOf(PictureItem.Unit("doc-1", "120-131")).ShouldBe("doc-1");
    }
}

public sealed class SqlitePictureStoreTests : PictureStoreTests
{
    protected override string NewDatabase() => Path.Combine(Some.TempDirectory(), "p.db");
}

public sealed class PostgresPictureStoreTests(PostgresServer server) : PictureStoreTests, IClassFixture<PostgresServer>
{
    protected override string NewDatabase() => server.NewDatabase();

    /// <summary>
    /// The same random writes (upserts with repeated keys and units, trims, deletes, a clear) applied to a PostgreSQL
    /// store and a SQLite one: after each, every lookup and read must answer alike, latest units and ties included.
    /// </summary>
    [Fact]
    public void EveryLookupAndReadAnswersAsTheSqliteStoreDoesAfterTheSameWrites()
    {
        var postgres = Open(NewDatabase());
        using var postgresOwner = (IDisposable)postgres;
        var sqlite = Open(Path.Combine(Some.TempDirectory(), "reference.db"));
        using var sqliteOwner = (IDisposable)sqlite;
        var random = new Random(20261206);
        string[] kinds = ["entities", "propositions"];
        var vocabulary = Enumerable.Range(0, 24).Select(i => "w" + i).ToList();
        var documents = Enumerable.Range(0, 12).Select(i => "d" + i).ToList();
        var ids = Enumerable.Range(0, 30).Select(i => "p" + i).ToList();
        for (var round = 0; round < 40; round++)
        {
            var writes = new List<PictureWrite>();
            foreach (var kind in kinds)
            {
                var upserts = Enumerable.Range(0, random.Next(0, 6)).Select(_ => new PictureItem(
                    ids[random.Next(ids.Count)],
                    "{\"round\":" + round + "}",
                    [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => vocabulary[random.Next(vocabulary.Count)])],
                    [.. Enumerable.Range(0, random.Next(0, 5)).Select(_ => documents[random.Next(documents.Count)] + "#c" + random.Next(4))])).ToList();
                writes.Add(new PictureWrite(kind, kind + ".v" + (round % 3))
                {
                    Delete = random.Next(4) == 0 ? [ids[random.Next(ids.Count)], ids[random.Next(ids.Count)]] : [],
                    Trim = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => (ids[random.Next(ids.Count)], (IReadOnlyCollection<string>)[documents[random.Next(documents.Count)], documents[random.Next(documents.Count)]]))],
                    Upsert = upserts,
                });
            }

            if (round == 25)
            {
                postgres.ClearPicture();
                sqlite.ClearPicture();
            }

            postgres.WritePicture(writes);
            sqlite.WritePicture(writes);
            foreach (var kind in kinds)
            {
                var maxPosting = 1 + random.Next(4);
                var probe = vocabulary.Where(_ => random.Next(2) == 0).ToList();
                var asked = ids.Where(_ => random.Next(3) == 0).ToList();
                var inDocuments = documents.Where(_ => random.Next(3) == 0).ToList();
                var unitLimit = random.Next(0, 4);
                var context = $"round {round}, {kind}";
                postgres.CountPicture(kind).ShouldBe(sqlite.CountPicture(kind), context);
                Postings(postgres.FindPicturePostings(kind, probe, maxPosting)).ShouldBe(Postings(sqlite.FindPicturePostings(kind, probe, maxPosting)), context);
                postgres.FindPictureIds(kind, probe, maxPosting).OrderBy(p => p.Key, StringComparer.Ordinal).ShouldBe(sqlite.FindPictureIds(kind, probe, maxPosting).OrderBy(p => p.Key, StringComparer.Ordinal), context);
                foreach (var key in probe)
                {
                    postgres.FindFirstPictureIds(kind, key, maxPosting).ShouldBe(sqlite.FindFirstPictureIds(kind, key, maxPosting), context + ", " + key);
                }

                Items(postgres.ReadPicture(kind, asked, unitLimit)).ShouldBe(Items(sqlite.ReadPicture(kind, asked, unitLimit)), context);
                Items(postgres.ReadPictureHead(kind, 8, unitLimit)).ShouldBe(Items(sqlite.ReadPictureHead(kind, 8, unitLimit)), context);
                Items(postgres.ReadPictureHead(kind, 100, int.MaxValue)).ShouldBe(Items(sqlite.ReadPictureHead(kind, 100, int.MaxValue)), context);
                Postings(postgres.ReadPictureUnits(kind, asked, inDocuments)).ShouldBe(Postings(sqlite.ReadPictureUnits(kind, asked, inDocuments)), context);
            }
        }

        // The comparison saw a picture, not two empty ones.
        sqlite.CountPicture("propositions").ShouldBeGreaterThan(5);
    }

    private static List<string> Postings(IReadOnlyDictionary<string, IReadOnlyList<string>> postings) =>
        [.. postings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ": " + string.Join(' ', p.Value.Order(StringComparer.Ordinal)))];

    private static List<string> Items(IReadOnlyList<StoredPictureItem> items) =>
        [.. items.Select(i => $"{i.Item.Id} {i.Component} {i.Item.Json} {i.UnitCount} [{string.Join(' ', i.Item.Units)}]")];
}
