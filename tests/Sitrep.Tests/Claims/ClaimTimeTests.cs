using Shouldly;
using Sitrep.Claims;
using Sitrep.Claims.Timeline;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Text;
using Sitrep.Time;
using Sitrep.Time.Timeline;

namespace Sitrep.Tests.Claims;

/// <summary>Event time from the timex layer, report time from the post or document, and the timeline's links to claims.</summary>
public sealed class ClaimTimeTests
{
    private static readonly DateTimeOffset SundayNoon = new(2023, 6, 25, 12, 0, 0, TimeSpan.FromHours(3));

    private static AnalyzedDocument Analyze(Document document)
    {
        var analyzed = new AnalyzedDocument(document);
        var pipeline = new AnalysisPipelineBuilder().Use(new SentenceStage()).Use(new TimexStage()).Use(new ClaimStage(new ClaimOptions { UseSyntax = false })).Build();
        foreach (var stage in pipeline.DocumentStages)
        {
            stage.Process(analyzed, TestContext.Current.CancellationToken);
        }

        return analyzed;
    }

    private static Claim ClaimWith(AnalyzedDocument doc, string words) =>
        doc.Layers.Get<ClaimLayer>().Items.Single(c => doc.Text[c.Span.Start..c.Span.End].Contains(words, StringComparison.Ordinal));

    private static AnalyzedDocument Thread(string text, string postTime, string postValue) =>
        Analyze(Document.Create(text, "thread.txt")
            .WithKind(DocumentKind.Thread)
            .WithSource(new Source(Published: SundayNoon.AddDays(3)))
            .AddPost(new Post("p1", null, 0, "watcher", new PostTime(postTime, postValue), new TextRange(0, text.Length)))
            .Build());

    [Fact]
    public void WhenAClaimSaysOnSaturdayMorningInAPostOfSunday_ItsEventTimeIsThatSaturdayMorningAndItsReportTimeThePost()
    {
        const string text = "Armed men seized the regional administration building on Saturday morning.";
        var doc = Thread(text, "25.06.2023 08:00", "2023-06-25T08:00");
        var claim = ClaimWith(doc, "seized");
        claim.EventTime.ShouldBe("2023-06-24TMO");
        claim.EventTimex.ShouldNotBeNull();
        doc.Text[claim.EventTimex.Value.Start..claim.EventTimex.Value.End].ShouldBe("Saturday morning");
        claim.ReportTime.ShouldBe("2023-06-25T08:00+03:00");
    }

    [Fact]
    public void WhenAClaimHasNoTimeExpression_ItsEventTimeIsNullButItsReportTimeIsKnown()
    {
        var doc = Thread("Armed men seized the regional administration building.", "25.06.2023 08:00", "2023-06-25T08:00");
        var claim = ClaimWith(doc, "seized");
        claim.EventTime.ShouldBeNull();
        claim.EventTimex.ShouldBeNull();
        claim.ReportTime.ShouldBe("2023-06-25T08:00+03:00");
    }

    [Fact]
    public void WhenTheDocumentIsNotAThread_TheReportTimeIsThePublicationTime()
    {
        var doc = Analyze(Document.Create("The armistice was signed on 27 July 1953.", "history.txt")
            .WithSource(new Source(Published: SundayNoon)).Build());
        var claim = ClaimWith(doc, "armistice");
        claim.EventTime.ShouldBe("1953-07-27");
        claim.ReportTime.ShouldBe("2023-06-25T12:00+03:00");
    }

    [Fact]
    public void WhenTheTimeIsInTheSentenceButOutsideTheClaim_TheSentenceDatesIt()
    {
        var doc = Analyze(Document.Create("Yesterday the governor said that the convoy had left Rostov.", "a.txt")
            .WithSource(new Source(Published: SundayNoon)).Build());
        var claim = ClaimWith(doc, "convoy");
        claim.EventTime.ShouldBe("2023-06-24");
    }

    [Fact]
    public void WhenNoDocumentTimeIsKnown_ARelativeEventTimeStaysUnderspecified()
    {
        var doc = Analyze(Document.Create("Armed men seized the building on Saturday morning.", "undated.txt").Build());
        ClaimWith(doc, "seized").EventTime.ShouldBe("XXXX-WXX-6TMO");
    }

    [Fact]
    public void TheClaimStageDeclaresThatItNeedsTheTimexLayer()
    {
        new ClaimStage().Requires.ShouldContain(Capabilities.Timexes);
        Should.Throw<Sitrep.Errors.SitrepException>(() => new AnalysisPipelineBuilder().Use(new SentenceStage()).Use(new ClaimStage()).Build());
    }

    [Fact]
    public void TheTimelineEntriesReferenceTheClaimsTheyDate()
    {
        const string text = "Armed men seized the regional administration building on Saturday morning. The governor resigned.";
        var doc = Thread(text, "25.06.2023 08:00", "2023-06-25T08:00");
        var corpus = new Corpus([doc]);
        new TimelineStage().Process(corpus, TestContext.Current.CancellationToken);
        new ClaimTimelineStage().Process(corpus, TestContext.Current.CancellationToken);
        var entry = corpus.Layers.Get<TimelineLayer>().Entries.Single(e => e.When == "2023-06-24TMO");
        var seized = ClaimWith(doc, "seized");
        entry.Claims.ShouldBe([doc.Document.Id + "-" + seized.Id]);
    }

    [Fact]
    public void WhenTheLineThatGaveAnEntryItsTimeLeaves_TheEntryIsDatedByTheReportsItKeeps()
    {
        // A heading gave the entry its clock time; the heading is page structure and leaves the entry, and the report it
        // keeps says "on Saturday morning": the entry keeps no time that none of its reports gives (brief12).
        const string heading = "## Harbour office channel, about 10:15";
        const string report = "A fuel tank at the harbour caught fire on Saturday morning.";
        const string text = heading + "\n\n" + report;
        var doc = Analyze(Document.Create(text, "desk.md").WithSource(new Source(Published: SundayNoon)).Build());
        doc.Layers.Get<ClaimLayer>().Excluded.ShouldContain(e => e.Range.Start == 0);
        var id = doc.Document.Id;
        var reportStart = heading.Length + 2;
        var entry = new TimelineEntry(
            "2023-06-24T10:15+03:00", "2023-06-25T12:00+03:00", heading, "10:15", default,
            [new Span(id, 0, heading.Length), new Span(id, reportStart, text.Length)], [id], [],
            TimexInterval.Of("2023-06-24T10:15+03:00"));
        var corpus = new Corpus([doc]);
        corpus.Layers.Set(new TimelineLayer([entry]));

        new ClaimTimelineStage().Process(corpus, TestContext.Current.CancellationToken);

        var fire = corpus.Layers.Get<TimelineLayer>().Entries.ShouldHaveSingleItem();
        fire.Cites.ShouldHaveSingleItem().Start.ShouldBe(reportStart);
        fire.When.ShouldBe("2023-06-24TMO");
        fire.Expression.ShouldBe("Saturday morning");
    }

    [Fact]
    public void TheBriefSaysWhoClaimsWhatATimelineEntryDatesInMarkdownAndHtml()
    {
        const string text = "Mayor Ilse Brandt said that armed men had seized the depot on Saturday morning. <b>Nobody</b> was hurt.";
        var doc = Analyze(Document.Create(text, "report.txt").WithSource(new Source(Outlet: "Harbour Times", Published: SundayNoon)).Build());
        var corpus = new Corpus([doc]);
        new TimelineStage().Process(corpus, TestContext.Current.CancellationToken);
        new ClaimTimelineStage().Process(corpus, TestContext.Current.CancellationToken);
        var report = Sitrep.Brief.Building.BriefBuilder.Build(corpus, [], [], "test");
        var context = new Sitrep.Brief.Rendering.BriefContext(report, new Dictionary<string, string>(StringComparer.Ordinal) { [doc.Document.Id] = text });
        var markdown = new StringWriter();
        var html = new StringWriter();

        new Sitrep.Brief.Rendering.MarkdownBriefRenderer().Render(context, markdown);
        new Sitrep.Brief.Rendering.HtmlBriefRenderer().Render(context, html);

        report.Timeline.Single(e => e.When == "2023-06-24TMO").Claims.ShouldHaveSingleItem();
        markdown.ToString().ShouldContain("claimed by Mayor Ilse Brandt");
        html.ToString().ShouldContain("<small>claimed by Mayor Ilse Brandt</small>");
    }
}
