using Shouldly;
using Sitrep.Engine;
using Sitrep.Entities;
using Sitrep.Entities.Aliases;
using Sitrep.Entities.Resolution;
using Sitrep.Errors;
using Sitrep.Storage.Sqlite;
using Sitrep.Tests.Support;
using static Sitrep.Tests.Entities.MentionBuilder;

namespace Sitrep.Tests.Entities;

public sealed class AliasDecisionTests
{
    [Fact]
    public void WhenTheFileHasMergeSplitAndPin_EachLineIsADecision()
    {
        var decisions = AliasDecisions.Parse("# analyst notes\nmerge | Dmitri Volkov | The Accountant\nsplit | Wagner\npin | Volkov Holdings | ORG\n");
        decisions.Items.Count.ShouldBe(3);
        decisions.Items[0].ShouldBe(new AliasDecision(AliasAction.Merge, ["Dmitri Volkov", "The Accountant"]), new DecisionComparer());
        decisions.Items[1].Action.ShouldBe(AliasAction.Split);
        decisions.Items[2].Type.ShouldBe(EntityType.Organization);
    }

    [Fact]
    public void WhenALineIsNotADecision_TheErrorNamesTheLine() =>
        Should.Throw<FormatException>(() => AliasDecisions.Parse("merge | A | B\nrename | X\n")).Message.ShouldContain("line 2");

    [Fact]
    public void WhenTheAnalystMergesTwoNames_TheyBecomeOneEntityWithTheFirstName()
    {
        var doc = Document("Dmitri Volkov left. The Accountant arrived.", "a.txt", ("Dmitri Volkov", EntityType.Person), ("The Accountant", EntityType.Person));
        var resolver = new EntityResolver(Demonyms, AliasDecisions.Parse("merge | Dmitri Volkov | The Accountant"));
        var entities = resolver.Resolve([doc]);
        entities.Count.ShouldBe(1);
        entities[0].Name.ShouldBe("Dmitri Volkov");
    }

    [Fact]
    public void WhenTheAnalystSplitsAName_ItStaysApart()
    {
        var doc = Document("The Wagner Group moved. Wagner stayed. Wagner left.", "a.txt", ("The Wagner Group", EntityType.Organization), ("Wagner", EntityType.Organization), ("Wagner", EntityType.Organization));
        new EntityResolver(Demonyms, AliasDecisions.None).Resolve([doc]).Count.ShouldBe(1);
        var split = new EntityResolver(Demonyms, AliasDecisions.Parse("split | Wagner")).Resolve([doc]);
        split.Count.ShouldBe(2);
        split.Single(e => e.Name == "Wagner").Mentions.Count.ShouldBe(2);
    }

    [Fact]
    public void WhenTheAnalystPinsANameAndType_TheEntityTakesThem()
    {
        var doc = Document("Volkov Holdings grew.", "a.txt", ("Volkov Holdings", EntityType.Person));
        var entities = new EntityResolver(Demonyms, AliasDecisions.Parse("pin | Volkov Holdings Ltd | ORG\nmerge | Volkov Holdings Ltd | Volkov Holdings")).Resolve([doc]);
        entities.Single().Type.ShouldBe(EntityType.Organization);
        entities.Single().Name.ShouldBe("Volkov Holdings Ltd");
    }

    [Fact]
    public void WhenDecisionsWereStored_TheySurviveARunWithoutTheFile()
    {
        var dir = Some.TempDirectory();
        var file = Path.Combine(dir, "aliases.txt");
        File.WriteAllText(file, "split | Wagner\n");
        var db = Path.Combine(dir, "store.db");
        using (var store = SqliteDocumentStore.Open(db))
        {
            EntityAliasSettings.Load(store, file).Items.Count.ShouldBe(1);
        }

        using (var store = SqliteDocumentStore.Open(db))
        {
            var again = EntityAliasSettings.Load(store, aliasesPath: null);
            again.Items.Single().Names.ShouldBe(["Wagner"]);
        }
    }

    [Fact]
    public void WhenALaterFileDecidesTheSameName_ItReplacesTheStoredDecision()
    {
        var stored = AliasDecisions.Parse("split | Wagner");
        var later = AliasDecisions.Parse("merge | Wagner Group | Wagner");
        stored.Then(later).Items.Single().Action.ShouldBe(AliasAction.Merge);
    }

    [Fact]
    public void WhenTheAliasesFileIsBad_TheErrorHasItsCode()
    {
        var dir = Some.TempDirectory();
        var file = Path.Combine(dir, "aliases.txt");
        File.WriteAllText(file, "frobnicate | X\n");
        using var store = SqliteDocumentStore.Open(Path.Combine(dir, "store.db"));
        Should.Throw<SitrepException>(() => EntityAliasSettings.Load(store, file)).ErrorCode.Code.ShouldBe("SR6001");
    }

    private sealed class DecisionComparer : IEqualityComparer<AliasDecision>
    {
        public bool Equals(AliasDecision? x, AliasDecision? y) => x is not null && y is not null && x.Action == y.Action && x.Names.SequenceEqual(y.Names) && x.Type == y.Type;

        public int GetHashCode(AliasDecision obj) => obj.Action.GetHashCode();
    }
}
