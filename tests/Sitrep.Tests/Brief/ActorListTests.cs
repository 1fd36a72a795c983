using Shouldly;
using Sitrep.Brief.Model;
using Sitrep.Brief.Rendering;

namespace Sitrep.Tests.Brief;

public sealed class ActorListTests
{
    [Fact]
    public void TheActorsOfOneBriefAndItsTextsAreWorkedOutOnceForEveryRenderer()
    {
        var text = "Anna Berg met officials of the Harbour Authority. Anna Berg said the port would open.";
        var report = BriefFixtures.Report([BriefFixtures.Doc("d1", "Coast Post", "B")], [], []) with
        {
            Entities =
            [
                new BriefEntity("e1", "Anna Berg", "PERSON", [], [new BriefSpan("d1", 0, 9), new BriefSpan("d1", 50, 59)]),
                new BriefEntity("e2", "Harbour Authority", "ORG", [], [new BriefSpan("d1", 31, 48)]),
            ],
        };
        var texts = new Dictionary<string, string>(StringComparer.Ordinal) { ["d1"] = text };

        var first = ActorList.Of(report, texts);
        var again = ActorList.Of(report, texts);
        var otherTexts = ActorList.Of(report, new Dictionary<string, string>(texts, StringComparer.Ordinal));

        first.Select(a => a.Entity.Name).ShouldBe(["Anna Berg", "Harbour Authority"]);
        again.ShouldBeSameAs(first);
        otherTexts.ShouldNotBeSameAs(first);
        otherTexts.Select(a => (a.Entity.Name, a.Mentions)).ShouldBe(first.Select(a => (a.Entity.Name, a.Mentions)));
    }
}
