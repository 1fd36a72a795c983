using System.Globalization;
using System.Text;
using Shouldly;
using Sitrep.Cluster.Story;
using Sitrep.Documents;
using Sitrep.Engine;
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
/// The picture grown by additions is the picture of the whole story, whatever order the reports came in: a small story
/// grown report by report (and in one batch) holds, for entities, propositions and the timeline, the items a whole-story
/// run over the same stored documents writes. Two of the causes by which the grown picture of a 5,000-document story
/// held a third more entities and three times the propositions of the whole-story run (docs/BENCHMARKS.md, engine7) fail
/// it on main: a person known by a lone name in each report, and the timeline's entries beyond its bound. The long
/// report's 31 claims make 11 propositions, under the touched items' bound, so its propositions hold on main too.
/// </summary>
public sealed class StoryConvergenceTests
{
    // Thirty claims of distinct content, more than the items one new report may touch (StoryPicture.MaxTouched).
    private static readonly string[] Speakers = ["The governor", "A police spokesman", "The mayor", "An aid worker", "The harbour master", "A local medic"];
    private static readonly string[] Things = ["grain depot", "railway bridge", "water tower", "bus station", "power line", "fish market", "clinic roof", "school gym", "ferry ramp", "paper mill"];
    private static readonly string[] States = ["collapsed overnight", "reopened at dawn", "flooded after the storm", "burned for hours"];

    [Fact]
    public void ALongReportsCopyAndALoneNameGrownReportByReportOrInOneBatch_LeaveTheWholeStoryPicture()
    {
        var dir = Some.TempDirectory();
        var pipeline = DefaultPipeline.Build(1);
        var cancel = TestContext.Current.CancellationToken;

        // The long report, its copy under another header (a syndicated copy), and a short report naming the same person by
        // the same lone name, analysed once and stored as they are in every store below.
        var claims = Enumerable.Range(0, 30).Select(i => string.Create(CultureInfo.InvariantCulture, $"{Speakers[i % Speakers.Length]} said the {Things[i % Things.Length]} in district {i + 1} {States[i / Things.Length % States.Length]}.")).ToList();
        var body = "Varkonyi said the harbour would stay shut. " + string.Join(' ', claims);
        var reports = new (string Name, string Text)[]
        {
            ("a.txt", "Coastal Wire, first edition.\n\n" + body + "\n"),
            ("b.txt", "Evening Ledger, syndicated.\n\n" + body + "\n"),
            ("c.txt", "Field Radio.\n\nVarkonyi said the ferry would sail again on Monday, and the harbour master agreed.\n"),
        };
        List<StoredDocument> documents;
        using (var template = SqliteDocumentStore.Open(Path.Combine(dir, "template.db")))
        {
            var analysis = new ReportAnalysis(pipeline);
            var ids = reports.SelectMany(r => analysis.Analyse(template, r.Name, Encoding.UTF8.GetBytes(r.Text), cancel).DocumentIds).ToList();
            documents = [.. template.Load(ids)];
        }

        documents.Count.ShouldBe(3);
        using var whole = SqliteDocumentStore.Open(Path.Combine(dir, "whole.db"));
        whole.Save(documents);
        new AnalysisRun(pipeline, whole).Execute(new RunOptions { Inputs = [] });
        var output = TestContext.Current.TestOutputHelper;
        var failures = new List<string>();
        foreach (var (name, batches) in new (string, int[][])[] { ("one by one", [[0], [1], [2]]), ("one batch", [[0], [1, 2]]) })
        {
            using var grown = SqliteDocumentStore.Open(Path.Combine(dir, name.Replace(' ', '-') + ".db"));
            var run = new AnalysisRun(pipeline, grown);
            foreach (var batch in batches)
            {
                var stored = batch.Select(i => documents[i]).ToList();
                grown.Save(stored);
                run.Execute(batch[0] == 0
                    ? new RunOptions { Inputs = [] }
                    : new RunOptions { Inputs = [], Stored = [.. stored.Select(d => d.Document.Id)], Incremental = true, DeferBrief = true });
            }

            foreach (var kind in new[] { "entities", "propositions" })
            {
                var expected = Partition(whole, kind);
                var actual = Partition(grown, kind);
                output?.WriteLine($"{name}, {kind}: whole {expected.Count} items / {Units(expected)} units, grown {actual.Count} / {Units(actual)}");
                Units(expected).ShouldBeGreaterThan(kind == "propositions" ? 60 : 3, kind);
                var apart = expected.Except(actual).ToList();
                var extra = actual.Except(expected).ToList();
                if (apart.Count + extra.Count > 0)
                {
                    failures.Add($"{name}: {kind}: {apart.Count} of the whole story's {expected.Count} items not in the grown picture, {extra.Count} of its {actual.Count} not in the whole story's: {apart.Concat(extra).First()}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    /// <summary>
    /// A whole-story run keeps the timeline entries beyond the stage's bound in the stored picture, as an update keeps
    /// those it touches: the story of three reports (six dated sentences) under a bound of three holds every dated
    /// sentence whether it was analysed whole or grown by the third report.
    /// </summary>
    [Fact]
    public void TheWholeStoryPictureKeepsTheTimelineEntriesBeyondTheBound_AsTheGrownPictureDoes()
    {
        var pipeline = new AnalysisPipelineBuilder { MaxDegreeOfParallelism = 1 }
            .Use(new SentenceStage())
            .Use(new TimexStage())
            .Use(new TimelineStage(maxEntries: 3))
            .Build();
        var cancel = TestContext.Current.CancellationToken;
        var published = new DateTimeOffset(2024, 3, 20, 9, 0, 0, TimeSpan.Zero);
        Document Doc(string text, string path) => Document.Create(text, path).WithSource(new Source(Published: published)).Build();
        var stored = pipeline.AnalyzeBatch([Doc("Inspectors closed the canal locks on 2 March 2024.", "a.txt"), Doc("The customs hall was evacuated on 6 March 2024.", "b.txt")]).Documents;
        var added = pipeline.AnalyzeBatch([Doc("Barges queued below the weir on 9 March 2024. A tug sank near the quay on 12 March 2024. The canal reopened to traffic on 15 March 2024. Pilots went on strike on 18 March 2024.", "c.txt")]).Documents;
        var byId = stored.ToDictionary(d => d.Document.Id, StringComparer.Ordinal);
        var dir = Some.TempDirectory();

        using var whole = SqliteDocumentStore.Open(Path.Combine(dir, "whole.db"));
        var story = new Corpus([.. stored, .. added]);
        pipeline.AnalyzeCorpus(story, cancel);
        StoryPicture.Rebuild(pipeline, whole, story);

        using var grown = SqliteDocumentStore.Open(Path.Combine(dir, "grown.db"));
        var first = new Corpus(stored);
        pipeline.AnalyzeCorpus(first, cancel);
        StoryPicture.Rebuild(pipeline, grown, first);
        StoryPicture.Update(pipeline, grown, added, ids => [.. ids.Select(id => byId[id])], cancel);

        var expected = Partition(whole, "timeline");
        Partition(grown, "timeline").ShouldBe(expected, ignoreOrder: true);
        Units(expected).ShouldBe(6, "every dated sentence of the story");
    }

    private static int Units(List<string> partition) => partition.Sum(i => i.Split(' ').Length);

    /// <summary>The items of a kind as the sorted units of each, sorted (ids left out: each store numbers its own).</summary>
    private static List<string> Partition(IPictureStore store, string kind) =>
        [.. store.ReadPictureHead(kind, int.MaxValue, int.MaxValue).Select(i => string.Join(' ', i.Item.Units.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];
}
