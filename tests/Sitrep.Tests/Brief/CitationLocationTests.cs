using Shouldly;
using Sitrep.Brief.Model;
using Sitrep.Brief.Rendering;

namespace Sitrep.Tests.Brief;

public sealed class CitationLocationTests
{
    private static BriefContext Context(IReadOnlyList<int[]> pages) => new(
        new BriefReport
        {
            Generator = new BriefGenerator("sitrep", "test", []),
            Corpus = new BriefCorpus(1, 300, 3, 0),
            Documents = [new BriefDocument { Id = "d1", Path = "a.pdf", Kind = "brief", Source = new BriefSource(null, null, null, null, null), ContentHash = "x", Pages = pages }],
        },
        new Dictionary<string, string> { ["d1"] = new string('x', 300) });

    [Fact]
    public void ACitationInAPaginatedDocumentNamesItsPage()
    {
        var context = Context([[1, 0, 100], [2, 102, 200], [3, 202, 300]]);

        context.Location(new BriefSpan("d1", 120, 150)).ShouldBe("p. 2, chars 120–150");
        context.Location(new BriefSpan("d1", 150, 250)).ShouldBe("pp. 2–3, chars 150–250");
    }

    [Fact]
    public void ACitationInADocumentWithoutPagesGivesOnlyItsCharacters() =>
        Context([]).Location(new BriefSpan("d1", 5, 9)).ShouldBe("chars 5–9");
}
