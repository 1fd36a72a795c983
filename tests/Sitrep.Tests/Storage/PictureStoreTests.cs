using Shouldly;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Storage;

public sealed class PictureStoreTests
{
    [Fact]
    public void ItemsAreFoundByTheirKeysWithHowManyKeysEachShares()
    {
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "p.db"));
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
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "p.db"));
        store.WritePicture([new PictureWrite("propositions", "c.v1")
        {
            Upsert = [.. Enumerable.Range(1, 5).Select(i => new PictureItem("p" + i, "{}", ["common", "rare" + i], ["d#c" + i]))],
        }]);

        store.FindPictureIds("propositions", ["common", "rare3"], maxPosting: 4).ShouldBe(new Dictionary<string, int>(StringComparer.Ordinal) { ["p3"] = 1 });
    }

    [Fact]
    public void PostingsAreReadOncePerKeyAndATooCommonKeyIsLeftOutUntilAnItemHoldingItIsDeleted()
    {
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "p.db"));
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
    public void TheUnitsOfItemsInSomeDocumentsAreReadWholeHoweverManyTheItemHoldsElsewhere()
    {
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "p.db"));
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
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "p.db"));
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
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "p.db"));
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
    public void AUnitNamesItsDocument()
    {
        PictureItem.DocumentOf(PictureItem.Unit("doc-1", "c3")).ShouldBe("doc-1");
        PictureItem.DocumentOf(PictureItem.Unit("doc-1", "120-131")).ShouldBe("doc-1");
    }
}
