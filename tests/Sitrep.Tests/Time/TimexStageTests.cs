using Shouldly;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Tests.Time;

public class TimexStageTests
{
    private static readonly DateTimeOffset SaturdayMorning = new(2023, 6, 24, 11, 40, 0, TimeSpan.FromHours(3));

    internal static AnalyzedDocument Run(Document document)
    {
        var analyzed = new AnalyzedDocument(document);
        new SentenceStage().Process(analyzed, CancellationToken.None);
        new TimexStage().Process(analyzed, CancellationToken.None);
        return analyzed;
    }

    private static Timex At(AnalyzedDocument doc, string expression)
    {
        var t = doc.Layers.Get<TimexLayer>().Items.FirstOrDefault(t => doc.Text[t.Range.Start..t.Range.End] == expression);
        t.ShouldNotBeNull($"no timex '{expression}'");
        return t;
    }

    [Fact]
    public void WhenTheDocumentHasAPublicationTime_RelativeExpressionsAreAnchoredToIt()
    {
        var doc = Run(Document.Create("The column left Rostov yesterday. It reached Voronezh on Friday night.", "a.txt")
            .WithSource(new Source(Published: SaturdayMorning)).Build());
        var yesterday = At(doc, "yesterday");
        yesterday.Value.ShouldBe("2023-06-23");
        yesterday.Anchor.ShouldBe(AnchorKind.Document);
        doc.Layers.Get<TimexLayer>().DocumentTime.ShouldBe("2023-06-24T11:40+03:00");
    }

    [Fact]
    public void WhenAPostHasATime_ExpressionsInItAreAnchoredToThePostNotTheDocument()
    {
        const string text = "first post\nThe bridge fell yesterday.\nsecond post\nThe bridge fell yesterday.";
        var second = text.IndexOf("second", StringComparison.Ordinal);
        var doc = Run(Document.Create(text, "t.txt")
            .WithSource(new Source(Published: SaturdayMorning))
            .AddPost(new Post("p1", null, 0, "a", null, new TextRange(0, second)))
            .AddPost(new Post("p2", null, 0, "b", new PostTime("26.06.2023 08:00", "2023-06-26T08:00"), new TextRange(second, text.Length)))
            .Build());
        var items = doc.Layers.Get<TimexLayer>().Items.Where(t => t.Value.StartsWith("2023", StringComparison.Ordinal)).ToList();
        items.Select(t => (t.Value, t.Anchor)).ShouldBe([("2023-06-23", AnchorKind.Document), ("2023-06-25", AnchorKind.Post)]);
    }

    [Fact]
    public void WhenAPostIsDatedOnlyRelatively_ItsExpressionsAreResolvedOnlyAgainstTheDocumentAndMarkedAmbiguous()
    {
        const string text = "• watcher\n  1 year ago\n  They left on Monday.";
        var doc = Run(Document.Create(text, "thread.txt")
            .AddPost(new Post("p1", null, 0, "watcher", new PostTime("1 year ago", null, new TextRange(12, 22)), new TextRange(0, text.Length), new TextRange(0, 22)))
            .Build());
        var age = At(doc, "1 year ago");
        age.Value.ShouldBe("XXXX");
        age.Offset.ShouldBe("-P1Y");
        age.Anchor.ShouldBe(AnchorKind.None);
        At(doc, "Monday").Value.ShouldBe("XXXX-WXX-1");

        var published = Run(Document.Create(text, "thread.txt")
            .WithSource(new Source(Published: SaturdayMorning))
            .AddPost(new Post("p1", null, 0, "watcher", new PostTime("1 year ago", null), new TextRange(0, text.Length)))
            .Build());
        var monday = At(published, "Monday");
        monday.Value.ShouldBe("2023-06-19");
        monday.AnchorAmbiguous.ShouldBeTrue();
        monday.AnchorNote!.ShouldContain("1 year ago");
    }

    [Fact]
    public void WhenLiveBlogMarkersOpenLines_TheyAnchorTheTextBelowAndRollOverMidnight()
    {
        const string text = "UPDATE 23:10 BST: The column is moving.\nUPDATE 01:15 BST: Two hours ago the column halted at the bridge.\n";
        var doc = Run(Document.Create(text, "live.md").WithKind(DocumentKind.Liveblog)
            .WithSource(new Source(Published: new DateTimeOffset(2023, 6, 23, 20, 2, 0, TimeSpan.FromHours(1)))).Build());
        At(doc, "23:10 BST").Value.ShouldBe("2023-06-23T23:10+01:00");
        At(doc, "01:15 BST").Value.ShouldBe("2023-06-24T01:15+01:00");
        var ago = At(doc, "Two hours ago");
        ago.Value.ShouldBe("2023-06-23T23:15+01:00");
        ago.Anchor.ShouldBe(AnchorKind.Post);
    }

    [Fact]
    public void WhenALiveBlogHasDayHeadings_MarkersBelowTakeTheirDay()
    {
        const string text = "## Friday 23 June\n\nUPDATE 20:02 BST: It began.\n\n## Sunday 25 June\n\nUpdate, 7 a.m.: Where are we now?\n";
        var doc = Run(Document.Create(text, "live.md").WithKind(DocumentKind.Liveblog)
            .WithSource(new Source(Published: new DateTimeOffset(2023, 6, 23, 20, 2, 0, TimeSpan.FromHours(1)))).Build());
        At(doc, "7 a.m.").Value.ShouldBe("2023-06-25T07:00+01:00");
    }

    [Fact]
    public void WhenTextIsBoilerplate_ItIsNotTagged()
    {
        const string text = "Menu · Archive 2019\nThe convoy left on Friday.";
        var doc = Run(Document.Create(text, "p.html").AddBoilerplate(new TextRange(0, 19)).Build());
        doc.Layers.Get<TimexLayer>().Items.Select(t => text[t.Range.Start..t.Range.End]).ShouldBe(["Friday"]);
    }

    [Fact]
    public void WhenAskedForEventAndReportTime_TheyAreKeptApart()
    {
        const string text = "The column left Rostov on Friday. Nobody knows why.\n08:00 BST — The governor spoke again.\n";
        var doc = Run(Document.Create(text, "live.md").WithSource(new Source(Published: SaturdayMorning)).Build());
        var first = doc.Sentences[0].Range;
        var dated = EventTimes.For(doc, first);
        dated.EventTime.ShouldBe("2023-06-23");
        dated.ReportTime.ShouldBe("2023-06-24T11:40+03:00");
        dated.ReportSource.ShouldBe(AnchorKind.Document);

        var undated = EventTimes.For(doc, doc.Sentences[1].Range);
        undated.EventTime.ShouldBeNull();
        undated.ReportTime.ShouldBe("2023-06-24T11:40+03:00");

        var governor = text.IndexOf("The governor", StringComparison.Ordinal);
        var update = EventTimes.For(doc, new TextRange(governor, governor + 12));
        update.EventTime.ShouldBeNull();
        update.ReportTime.ShouldBe("2023-06-24T08:00+01:00");
        update.ReportSource.ShouldBe(AnchorKind.Post);
    }

    [Fact]
    public void WhenNoTimexStageRan_EventTimesAreUnknown()
    {
        var doc = Some.Analyzed("The column left on Friday.");
        EventTimes.For(doc, doc.Sentences[0].Range).ShouldBe(new EventReportTime(null, null, AnchorKind.None, null, AnchorKind.None));
    }

    [Fact]
    public void WhenTheTextIsHostile_TheStageDoesNotThrow()
    {
        var random = new Random(7);
        var pieces = new[] { "12:", ":30", "a.m.", "-", "2023-", "24.06.", "ago", "last", "the", "Friday", "UPDATE", "\n", " ", "+01:00", "'", "s", "mid-", "9999", "1 year", "every", "CET", "(", ")" };
        for (var i = 0; i < 200; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            Should.NotThrow(() => Run(Document.Create(text, "x.txt").WithSource(new Source(Published: SaturdayMorning)).Build()));
        }
    }

    [Fact]
    public void WhenOneHugeLineHoldsThousandsOfTimes_EveryOneIsTaggedAndNoneIsAMarker()
    {
        // Regression: the marker check once walked back to the line start for every time (quadratic on one long line).
        var text = string.Concat(Enumerable.Repeat("at 10:00 CET the column moved on Friday and ", 20_000));
        var doc = Run(Document.Create(text, "long.txt").WithSource(new Source(Published: SaturdayMorning)).Build());
        var layer = doc.Layers.Get<TimexLayer>();
        layer.Items.Count.ShouldBe(40_000);
        layer.ReportTimes.ShouldBeEmpty();
    }

    [Fact]
    public void WhenAPostGivesOnlyAClockTime_ItsMarkerAnchorsThePostOnTheDocumentDay()
    {
        const string text = "UPDATE 05:37 CET: The ministry said the convoy had stopped two hours ago.";
        var doc = Run(Document.Create(text, "live.md")
            .WithSource(new Source(Published: new DateTimeOffset(2023, 6, 24, 4, 0, 0, TimeSpan.FromHours(1))))
            .AddPost(new Post("p1", null, 0, null, new PostTime("05:37 CET", "XXXX-XX-XXT05:37+01:00", new TextRange(7, 16)), new TextRange(0, text.Length), new TextRange(0, 17)))
            .Build());
        At(doc, "05:37 CET").Value.ShouldBe("2023-06-24T05:37+01:00");
        var ago = At(doc, "two hours ago");
        ago.Value.ShouldBe("2023-06-24T03:37+01:00");
        ago.Anchor.ShouldBe(AnchorKind.Post);
    }
}
