using Shouldly;
using Sitrep.Documents;
using Sitrep.Engine.Story;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;
using Sitrep.Tests.Support;
using Sitrep.Text;
using Sitrep.Time;
using Sitrep.Time.Timeline;

namespace Sitrep.Tests.Story;

/// <summary>
/// The timeline's bound (<c>maxEntries</c>: most entries kept, placed ones first) is meant to keep a view of the story
/// small. An incremental update runs the stage over a neighbourhood (the new reports and the stored documents the
/// touched entries draw from), which may hold more entries than the bound although it is a part of the story: the
/// bound must not cut an entry the update writes back, or the new report's dated sentences are lost and a touched stored
/// entry is deleted.
/// </summary>
public sealed class TimelineBoundTests
{
    private static readonly DateTimeOffset Published = new(2023, 6, 26, 9, 0, 0, TimeSpan.FromHours(3));

    // The stored story: two entries, well under the bound.
    private static readonly (string Path, string Text)[] Stored =
    [
        ("a.txt", "Negotiators held talks in the capital on 18 June 2023."),
        ("b.txt", "The river dam was breached near the town on 25 June 2023."),
    ];

    // The new report: four dated sentences, the last of b's day (so b is read) and the latest, so that a bound of three
    // over b and this report (placed entries first, by date) cuts the 25 June entry.
    private const string Added =
        "Officials met at the border post on 19 June 2023. Armoured columns crossed the bridge on 21 June 2023. " +
        "Shelling of the eastern villages began on 22 June 2023. Residents said water flooded the streets below the dam on 25 June 2023.";

    [Fact]
    public void WhenTheNeighbourhoodHoldsMoreEntriesThanTheBound_TheUpdateKeepsTheNewReportsAndTheStoredEntries()
    {
        var bounded = Update(maxEntries: 3);
        var unbounded = Update(maxEntries: 300);

        // The update read b and set it beside the new report: four entries in the neighbourhood, one more than the bound.
        bounded.Result.DocumentsRead.ShouldBe(1);
        bounded.Before.SelectMany(i => i.Units).ShouldNotBeEmpty();

        // No stored unit is deleted and every dated sentence of the new report is in an entry.
        var after = bounded.After.SelectMany(i => i.Units).ToHashSet(StringComparer.Ordinal);
        bounded.Before.SelectMany(i => i.Units).Where(u => !after.Contains(u)).ShouldBeEmpty("stored units deleted by the bound");
        after.Count(u => PictureItem.DocumentOf(u) == bounded.AddedId).ShouldBe(4, "units of the new report");

        // And the stored picture is the one an update under no bound at all writes.
        Describe(bounded.After).ShouldBe(Describe(unbounded.After));
    }

    private static (IReadOnlyList<PictureItem> Before, IReadOnlyList<PictureItem> After, PictureUpdateResult Result, string AddedId) Update(int maxEntries)
    {
        var pipeline = new AnalysisPipelineBuilder { MaxDegreeOfParallelism = 1 }
            .Use(new SentenceStage())
            .Use(new TimexStage())
            .Use(new TimelineStage(maxEntries: maxEntries))
            .Build();
        var stored = pipeline.AnalyzeBatch([.. Stored.Select(d => Doc(d.Text, d.Path))]).Documents;
        var added = pipeline.AnalyzeBatch([Doc(Added, "c.txt")]).Documents;
        var byId = stored.ToDictionary(d => d.Document.Id, StringComparer.Ordinal);
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "story.db"));
        var story = new Corpus(stored);
        pipeline.AnalyzeCorpus(story, TestContext.Current.CancellationToken);
        StoryPicture.Rebuild(pipeline, store, story);
        var before = Items(store);
        before.Count.ShouldBe(2);
        var result = StoryPicture.Update(pipeline, store, added, ids => [.. ids.Select(id => byId[id])], TestContext.Current.CancellationToken);
        return (before, Items(store), result, added[0].Document.Id);
    }

    private static Document Doc(string text, string path) =>
        Document.Create(text, path).WithSource(new Source(Published: Published)).Build();

    private static List<PictureItem> Items(IPictureStore store) =>
        [.. store.ReadPictureHead("timeline", int.MaxValue, int.MaxValue).Select(i => i.Item)];

    /// <summary>The items as their units and JSON, ids left out (each store numbers its new items itself).</summary>
    private static List<string> Describe(IEnumerable<PictureItem> items) =>
        [.. items.Select(i => string.Join(" ", i.Units.Order(StringComparer.Ordinal)) + " " + i.Json).Order(StringComparer.Ordinal)];
}
