using Shouldly;
using Sitrep.Brief.Building;
using Sitrep.Brief.Rendering;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Time.Timeline;

namespace Sitrep.Tests.Time;

public class TimelineTests
{
    private static Corpus Corpus(params Document[] documents)
    {
        var corpus = new Corpus([.. documents.Select(TimexStageTests.Run)]);
        new TimelineStage().Process(corpus, CancellationToken.None);
        return corpus;
    }

    private static Document Doc(string text, string path, DateTimeOffset? published = null) =>
        Document.Create(text, path).WithSource(new Source(Published: published)).Build();

    [Fact]
    public void WhenEventsHaveDates_TheTimelineOrdersThemAndPutsUndatedOnesLast()
    {
        var corpus = Corpus(
            Doc("UPDATE 05:37 CET: The ministry is silent.\n", "a.txt"),
            Doc("The column reached Voronezh on 24 June 2023. The crisis began on 23 June 2023.", "b.txt"),
            Doc("The deal was struck on Saturday evening.", "c.txt", new DateTimeOffset(2023, 6, 25, 9, 0, 0, TimeSpan.FromHours(3))));
        var entries = corpus.Layers.Get<TimelineLayer>().Entries;
        entries.Select(e => e.When).ShouldBe(["2023-06-23", "2023-06-24", "2023-06-24TEV", "XXXX-XX-XXT05:37+01:00"]);
        entries[^1].Interval.ShouldBeNull();
        entries[2].Reported.ShouldBe("2023-06-25T09:00+03:00");
        entries[0].Cites.Single().DocumentId.ShouldBe(corpus.Documents[1].Document.Id);
    }

    [Fact]
    public void WhenTwoDocumentsReportTheSameDatedSentence_TheyShareOneEntry()
    {
        const string sentence = "Fighters seized the headquarters on 24 June 2023.";
        var corpus = Corpus(Doc(sentence, "wire.txt"), Doc("Republished. " + sentence, "copy.txt"));
        var entry = corpus.Layers.Get<TimelineLayer>().Entries.ShouldHaveSingleItem();
        entry.Docs.Count.ShouldBe(2);
        entry.Cites.Count.ShouldBe(2);
        entry.Claims.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2023", "2023-01-01T00:00", "2024-01-01T00:00")]
    [InlineData("2023-06", "2023-06-01T00:00", "2023-07-01T00:00")]
    [InlineData("2023-W25", "2023-06-19T00:00", "2023-06-26T00:00")]
    [InlineData("2023-Q3", "2023-07-01T00:00", "2023-10-01T00:00")]
    [InlineData("2023-06-24T05:37+01:00", "2023-06-24T04:37", "2023-06-24T04:38")]
    [InlineData("2023-06-24TMO", "2023-06-24T06:00", "2023-06-24T12:00")]
    public void WhenAValueNamesACalendarSpan_ItsIntervalIsThatSpan(string value, string start, string end)
    {
        var interval = TimexInterval.Of(value);
        interval.ShouldNotBeNull();
        interval.Value.Start.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(start);
        interval.Value.End.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(end);
    }

    [Theory]
    [InlineData("XXXX-XX-XXT05:37+01:00")]
    [InlineData("XXXX-WXX-5")]
    [InlineData("PRESENT_REF")]
    [InlineData("P1D")]
    public void WhenAValueHasNoKnownYear_ItCannotBePlaced(string value) => TimexInterval.Of(value).ShouldBeNull();

    [Theory]
    [InlineData("9999")]
    [InlineData("999X")]
    [InlineData("9999-12")]
    [InlineData("9999-Q4")]
    [InlineData("0001-Q0")]
    [InlineData("9999-12-31TNI")]
    public void WhenAValueRunsPastTheCalendar_ItCannotBePlacedAndNothingThrows(string value) => TimexInterval.Of(value).ShouldBeNull();

    [Fact]
    public void WhenTheBriefIsRendered_TheTimelineAppearsEscapedInEveryFormat()
    {
        var corpus = Corpus(Doc("<script>alert(1)</script> The column left on 24 June 2023.", "x.txt"));
        var brief = BriefBuilder.Build(corpus, ["time.rules.v3", "time.timeline.v1"], [], "test");
        var entry = brief.Timeline.ShouldHaveSingleItem();
        entry.When.ShouldBe("2023-06-24");
        entry.Placed.ShouldBeTrue();
        entry.Cites.ShouldNotBeNull().ShouldHaveSingleItem();
        var context = new BriefContext(brief, corpus.Documents.ToDictionary(d => d.Document.Id, d => d.Text));
        var html = new StringWriter();
        new HtmlBriefRenderer().Render(context, html);
        html.ToString().ShouldContain("<svg");
        html.ToString().ShouldNotContain("<script>");
        html.ToString().ShouldContain("&lt;script&gt;");
        var md = new StringWriter();
        new MarkdownBriefRenderer().Render(context, md);
        md.ToString().ShouldContain("## Timeline");
        md.ToString().ShouldContain("**Sat 24 Jun 2023**");
        md.ToString().ShouldNotContain("**2023-06-24**");
    }

    [Fact]
    public void WhenADeicticDateHasOnlyAnEarlierDateToGoBy_ItIsNotGivenThatYear()
    {
        var corpus = Corpus(Doc("The first summit was held on 16 July 2018. A new summit is planned for this year.", "x.txt"));
        var brief = BriefBuilder.Build(corpus, [], [], "test");
        brief.Timeline.ShouldNotContain(e => e.Expression == "this year" && e.When == "2018");
        brief.Timeline.Single(e => e.When == "2018-07-16").Placed.ShouldBeTrue();
    }

    [Fact]
    public void AnExpressionThatRunsPastItsSentencesEnd_IsNoReasonToFailTheStage()
    {
        // Seen on the FNC-1 cut: the tagger's expression ended after the splitter's sentence, and a negative search
        // length failed the whole timeline stage (SR2004), leaving the brief without a timeline.
        const string text = "The guards were relieved at 5 p.m. Friday; the same night the gate was shut again.";
        var sentence = new TextRange(0, text.IndexOf("p.m.", StringComparison.Ordinal) + 3);
        var timex = new TextRange(text.IndexOf("5 p.m.", StringComparison.Ordinal), text.IndexOf(';', StringComparison.Ordinal));

        TimelineStage.SameTimeClause(text, sentence, timex).ShouldBeNull();
        TimelineStage.ClauseOf(text, sentence, timex).ShouldBe(sentence);
        TimelineStage.ClauseOf(text, new TextRange(timex.Start + 2, text.Length), timex).ShouldBe(new TextRange(timex.Start + 2, text.Length));
    }
}
