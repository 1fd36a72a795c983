using Sitrep.Brief.Model;
using Sitrep.Entities.Aliases;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;
using Sitrep.Web.Decisions;
using Sitrep.Web.Live;

namespace Sitrep.Web.Tests;

public sealed class DecisionTests
{
    private static StoredDecision D(string kind, string subject, string value, string? why = null) => new(0, kind, subject, value, "tester", DateTimeOffset.UnixEpoch, why);

    [Fact]
    public void WorkbenchDecisionsFollowTheStoredAliasDecisions()
    {
        var stored = AliasDecisions.Parse("merge | Wagner | PMC Wagner");
        var book = DecisionBook.Of([D(DecisionKinds.Merge, "Prigozhin", "Yevgeny Prigozhin"), D(DecisionKinds.Retype, "Rostov", "LOC"), D(DecisionKinds.Split, "Wagner", string.Empty)]);
        var all = book.Aliases(stored).Items;
        all.Count.ShouldBe(4);
        all[0].Names.ShouldBe(["Wagner", "PMC Wagner"]);
        all[1].Action.ShouldBe(AliasAction.Merge);
        all[2].Action.ShouldBe(AliasAction.Pin);
        all[3].Action.ShouldBe(AliasAction.Split);
    }

    [Fact]
    public void HypothesisDecisionsAddEditAndRemoveInOrder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sitrep-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        using var store = SqliteDocumentStore.Open(Path.Combine(dir, "s.db"));
        store.SetSetting(DecisionBook.HypothesesSetting, "- The march was staged\n- Prigozhin acted alone\n");
        store.SetSetting(DecisionBook.RatingsSetting, "P1,U1,C,file\n");
        var book = DecisionBook.Of(
        [
            D(DecisionKinds.Hypothesis, "W1", "A deal was struck"),
            D(DecisionKinds.Hypothesis, "U2", string.Empty),
            D(DecisionKinds.Hypothesis, "W1", "A deal was struck in advance"),
            D(DecisionKinds.Rating, "P1|U1", "II", "overruled"),
        ]);
        var hypotheses = book.Hypotheses(store, []);
        hypotheses.Select(h => h.Id).ShouldBe(["U1", "W1"]);
        hypotheses[1].Text.ShouldBe("A deal was struck in advance");
        var cell = book.Ratings(store)[("P1", "U1")];
        cell.Rating.ShouldBe(Hypotheses.Matrix.Rating.VeryInconsistent);
        cell.Reason.ShouldBe("overruled");
        book.NextHypothesisId().ShouldBe("W3");
    }

    [Fact]
    public void DecisionsAreStoredWithWhoWhenAndWhyInOrder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sitrep-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "s.db");
        using (var store = SqliteDocumentStore.Open(path))
        {
            store.AppendDecision(D(DecisionKinds.Grade, "Wire", "B", "long record")).Id.ShouldBe(1);
            store.AppendDecision(D(DecisionKinds.Merge, "A", "B")).Id.ShouldBe(2);
        }

        using var again = SqliteDocumentStore.Open(path);
        var all = again.Decisions();
        all.Select(d => d.Kind).ShouldBe([DecisionKinds.Grade, DecisionKinds.Merge]);
        all[0].Why.ShouldBe("long record");
        all[0].Who.ShouldBe("tester");
        again.Decisions(DecisionKinds.Merge).ShouldHaveSingleItem().Subject.ShouldBe("A");
    }

    [Fact]
    public void TheNoticeSaysHowManyReportsAndDisputesAreNew()
    {
        var before = new BriefReport { Generator = new BriefGenerator("s", "1", []), Corpus = new BriefCorpus(1, 1, 1, 0), Documents = [Doc("a")] };
        var after = before with
        {
            Documents = [Doc("a"), Doc("b"), Doc("c")],
            Status = new BriefStatus([], [new BriefStatusItem("Toll disputed", "two figures", []) { Label = "the death toll" }], [], []),
        };
        ChangeNotice.Describe(before, after).ShouldBe("2 new reports, 1 new dispute on the death toll");
        ChangeNotice.Describe(after, after).ShouldBe("0 new reports");
    }

    private static BriefDocument Doc(string hash) => new() { Id = hash, Path = hash, Kind = "article", Source = new BriefSource(null, null, null, null, null), ContentHash = hash };
}
