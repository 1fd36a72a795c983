using Shouldly;
using Sitrep.Corroboration;
using Sitrep.Corroboration.Alignment;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Corroboration;

/// <summary>When two documents tell one story: their entity profiles, or the people they both name.</summary>
public sealed class StoryAlignmentTests
{
    private static readonly Dictionary<string, string[]> Entities = new(StringComparer.Ordinal)
    {
        ["a.txt"] = ["county", "county", "sheriff", "street", "hospital", "orozco", "ortiz"],
        ["b.txt"] = ["jury", "judge", "court", "prosecutor", "orozco", "ortiz"],
        ["c.txt"] = ["navy", "gulf", "ship", "pirates"],
    };

    private static readonly Dictionary<string, string[]> People = new(StringComparer.Ordinal)
    {
        ["a.txt"] = ["orozco", "ortiz"],
        ["b.txt"] = ["orozco", "ortiz"],
        ["c.txt"] = ["nambiar"],
    };

    [Fact]
    public void TwoReportsNamingTwoOfTheSamePeopleTellOneStoryWhateverTheirProfiles()
    {
        var (alignment, id) = Build(threshold: 0.99);

        alignment.SameStory(id("a.txt"), id("b.txt")).ShouldBeTrue();
        alignment.SharePerson(id("a.txt"), id("b.txt")).ShouldBeTrue();
        alignment.SameStory(id("a.txt"), id("c.txt")).ShouldBeFalse();
        alignment.SharePerson(id("a.txt"), id("c.txt")).ShouldBeFalse();
    }

    [Fact]
    public void WithoutPeopleKnownTheProfilesAloneDecide()
    {
        var corpus = Corpus();
        var alignment = StoryAlignment.Build(corpus, (c, doc) => Entities[Path(c, doc)], threshold: 0.99);
        var id = IdOf(corpus);

        alignment.SameStory(id("a.txt"), id("b.txt")).ShouldBeFalse();
        alignment.SharePerson(id("a.txt"), id("c.txt")).ShouldBeTrue();
    }

    private static (StoryAlignment Alignment, Func<string, string> Id) Build(double threshold)
    {
        var corpus = Corpus();
        var alignment = StoryAlignment.Build(corpus, (c, doc) => Entities[Path(c, doc)], threshold, (c, doc) => People[Path(c, doc)]);
        return (alignment, IdOf(corpus));
    }

    private static Func<string, string> IdOf(Corpus corpus) =>
        path => corpus.Documents.First(d => string.Equals(d.Document.Path, path, StringComparison.Ordinal)).Document.Id;

    private static string Path(Corpus corpus, string id) => corpus.ById[id].Document.Path;

    private static Corpus Corpus() => PropositionPipeline.Analyze(
        new PropositionStage(),
        Doc("a.txt", "Deputy Jerry Ortiz was shot dead on Friday; Jose Luis Orozco was arrested at midnight."),
        Doc("b.txt", "A jury found Jose Luis Orozco guilty of murdering Deputy Jerry Ortiz."),
        Doc("c.txt", "The navy said its warship captured 26 pirates in the gulf."));

    private static Document Doc(string path, string text) =>
        Document.Create(text, path).WithKind(DocumentKind.Article).WithSource(new Source("Harbour Times", null, null, null, Reliability.B)).Build();
}
