using System.Text.RegularExpressions;
using Shouldly;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;
using Sitrep.Time;
using Sitrep.Time.Evaluation;
using Sitrep.Time.Timeline;

namespace Sitrep.Tests.Time;

/// <summary>Issue 19 item 3: one entry per event, the right anchor, zones, background dates, undated corpora.</summary>
public class TimelineEventTests
{
    private static readonly DateTimeOffset SaturdayNoon = new(2023, 6, 24, 12, 0, 0, TimeSpan.FromHours(3));

    private static IReadOnlyList<TimelineEntry> Timeline(params Document[] documents)
    {
        var corpus = new Corpus([.. documents.Select(TimexStageTests.Run)]);
        new TimelineStage().Process(corpus, CancellationToken.None);
        return corpus.Layers.Get<TimelineLayer>().Entries;
    }

    private static Document Doc(string text, string path, DateTimeOffset? published = null) =>
        Document.Create(text, path).WithSource(new Source(Published: published)).Build();

    private static string ValueOf(string text, string expression, DateTimeOffset? published)
    {
        var doc = TimexStageTests.Run(Doc(text, "x.txt", published));
        return doc.Layers.Get<TimexLayer>().Items.Single(t => text[t.Range.Start..t.Range.End] == expression).Value;
    }

    [Fact]
    public void WhenOneSpeechIsReportedInTwoZones_ItIsOneEntryCitingBothReports()
    {
        var entries = Timeline(
            Doc("Putin called the revolt treason in a televised address at 10:00 Moscow time.", "wire.txt", SaturdayNoon),
            Doc("Putin gave a televised address calling the revolt treason at 08:00 BST.", "blog.txt", SaturdayNoon));
        var entry = entries.ShouldHaveSingleItem();
        entry.Docs.Count.ShouldBe(2);
        entry.Cites.Count.ShouldBe(2);
    }

    [Fact]
    public void WhenTwoEventsShareADayButNotTheirWords_TheyStayTwoEntries()
    {
        var entries = Timeline(
            Doc("A fuel depot in Voronezh caught fire on Saturday.", "a.txt", SaturdayNoon),
            Doc("The governor closed the regional highway on Saturday.", "b.txt", SaturdayNoon));
        entries.Count.ShouldBe(2);
        entries.ShouldAllBe(e => e.When == "2023-06-24");
    }

    [Fact]
    public void WhenReportsGiveTimesInSeveralZones_TheTimelineIsInUtcOrder()
    {
        var entries = Timeline(
            Doc("On 23 June 2023 at 20:02 BST the blog first reported the rocket strike claim.", "a.txt"),
            Doc("On 23 June 2023 at 21:37 Moscow time Prigozhin released his videos about the camps.", "b.txt"));
        entries.Select(e => e.When).ShouldBe(["2023-06-23T21:37+03:00", "2023-06-23T20:02+01:00"]);
    }

    [Fact]
    public void WhenAFeedDeclaresMoscowTime_ItsUnzonedStampsTakeThatOffset() =>
        ValueOf("Southern Wind. All times Moscow.\n\n24.06.2023 10:06\nPutin has spoken.\n", "24.06.2023 10:06", null)
            .ShouldBe("2023-06-24T10:06+03:00");

    [Fact]
    public void WhenATableOfTimesIsHeadedWithItsZone_ItsUnzonedTimesTakeThatOffset() =>
        ValueOf("Desk memo: Rostov on 24 June\n\nTimeline (Moscow time)\n\n07:30 | Rostov-on-Don | the chief films himself at the headquarters\n", "07:30", new DateTimeOffset(2023, 6, 25, 8, 30, 0, TimeSpan.Zero))
            .ShouldBe("2023-06-24T07:30+03:00");

    [Fact]
    public void WhenAClockTimeHasNoZone_ItTakesThePublicationOffset() =>
        ValueOf("The audio message was released shortly before 21:00 on Saturday.", "21:00", SaturdayNoon).ShouldEndWith("T21:00+03:00");

    [Fact]
    public void WhenABriefWrittenDaysLaterGivesABareClockTime_ItIsOnTheDayTheTextLastNamed() =>
        ValueOf("By the morning of 24 June Wagner held the headquarters. Putin spoke around 10:00 Moscow time.", "10:00 Moscow time", new DateTimeOffset(2023, 6, 28, 9, 0, 0, TimeSpan.Zero))
            .ShouldBe("2023-06-24T10:00+03:00");

    [Fact]
    public void WhenTheMayorDeclaresMondayADayOff_ItIsTheComingMonday() =>
        ValueOf("Sobyanin has declared Monday a non-working day.", "Monday", SaturdayNoon).ShouldBe("2023-06-26");

    [Fact]
    public void WhenAReportOfWednesdaySaysSomethingHappenedOnMonday_ItIsTheMondayBefore() =>
        ValueOf("The minister spoke on Monday.", "Monday", new DateTimeOffset(2023, 6, 28, 9, 0, 0, TimeSpan.Zero)).ShouldBe("2023-06-26");

    [Fact]
    public void WhenAClauseAfterAndHasItsOwnPastVerb_ItsWeekdayIsInThePast() =>
        ValueOf("The Kremlin said the case would go away, and by Tuesday all charges had been dropped.", "Tuesday", new DateTimeOffset(2023, 6, 29, 7, 30, 0, TimeSpan.FromHours(-4)))
            .ShouldBe("2023-06-27");

    [Fact]
    public void WhenAYearOrAnEarlierMonthIsMentionedInPassing_ItIsBackground()
    {
        var entries = Timeline(Doc("Shoigu has been minister since 2012. Wagner took Bakhmut in May. The column reached Voronezh on 24 June 2023.", "a.txt", SaturdayNoon));
        entries.Single(e => e.When == "2012").Role.ShouldBe(TimelineRole.Background);
        entries.Single(e => e.When == "2023-05").Role.ShouldBe(TimelineRole.Background);
        entries.Single(e => e.When == "2023-06-24").Role.ShouldBe(TimelineRole.Story);
        entries[^1].Role.ShouldBe(TimelineRole.Background);
    }

    [Fact]
    public void WhenATextHasNoReportTime_ItsDeicticDatesStayRelativeInsteadOfTakingAnEarlierYear()
    {
        var entries = Timeline(Doc("The first summit was held on July 16, 2018. Yesterday the talks collapsed.", "undated.txt"));
        entries.ShouldNotContain(e => e.When.StartsWith("2018", StringComparison.Ordinal) && e.Expression == "Yesterday");
        entries.Where(e => e.Expression == "Yesterday").ShouldAllBe(e => e.Interval == null);
    }

    [Fact]
    public void WhenAPostStampStandsOnItsOwnLine_ItLabelsTheFirstSentenceOfThePost()
    {
        var entries = Timeline(Doc("All times Moscow.\n\n24.06.2023 10:06\nPutin has spoken. Treason, he says.\n", "feed.txt"));
        entries.ShouldContain(e => e.Label.StartsWith("Putin has spoken", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2023-06-24T10:00+03:00", "Sat 24 Jun 2023, 10:00 UTC+3 (07:00 UTC)")]
    [InlineData("2023-06-24", "Sat 24 Jun 2023")]
    [InlineData("2023-06-24TEV", "Sat 24 Jun 2023, evening")]
    [InlineData("2023-06", "June 2023")]
    [InlineData("1917", "1917")]
    [InlineData("XXXX-WXX-5TNI", "a Friday night (date unknown)")]
    [InlineData("XXXX-07-01", "1 July (year unknown)")]
    [InlineData("XXXX-XX-XXT05:37+01:00", "05:37 UTC+01:00 (day unknown)")]
    [InlineData("2023-W25-WE", "the weekend of 24–25 Jun 2023")]
    [InlineData("2023-W26", "the week of 26 Jun–2 Jul 2023")]
    [InlineData("2020-W53-WE", "the weekend of 2–3 Jan 2021")]
    [InlineData("-P1Y", "1 year ago")]
    [InlineData("-PT2H", "2 hours ago")]
    [InlineData("-P1DT3H", "1 day 3 hours ago")]
    [InlineData("+P2D", "in 2 days")]
    public void WhenAValueIsShownToAReader_ItIsWrittenAsADateNotACode(string value, string human) => TimexLabels.Human(value).ShouldBe(human);

    [Theory]
    [InlineData("P3D")]
    [InlineData("-PXY")]
    [InlineData("2023-06-24")]
    [InlineData("-P")]
    public void WhenAValueIsNoSignedShift_ItIsNotReadAsOne(string value) => TimexLabels.Offset(value).ShouldBeNull();

    [Theory]
    [InlineData("2023-06-24T08:00+01:00", "2023-06-24T10:00+03:00", true)]
    [InlineData("2023-06-24T10:00", "2023-06-24T10:00+03:00", false)]
    [InlineData("2023-06-24TEV", "2023-06-24T20:40+03:00", true)]
    [InlineData("2023-06-19", "2023-06-26", false)]
    [InlineData("2023-05", "2023-05", true)]
    [InlineData("2023-05-02", "2023-05", true)]
    public void WhenTheScorerComparesAValueWithTheGold_ItUsesUtcForClockTimesAndTheDayOtherwise(string value, string gold, bool right) =>
        TimelineScorer.Matches(value, GoldTime.Parse(gold)!.Value, 30).ShouldBe(right);

    [Fact]
    public void WhenTheWagnerGoldIsRead_ItHasFortyDatedStoryEventsAndEveryCueIsInItsDocument()
    {
        var gold = TimelineGold.Read(Path.Combine(SharedData.RepositoryRoot, "tests", "gold", "timeline", "wagner-2023.json"));
        gold.Events.Count(e => !e.Background).ShouldBeGreaterThanOrEqualTo(40);
        foreach (var report in gold.Events.SelectMany(e => e.Reports))
        {
            var text = Regex.Replace(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, gold.Corpus, report.Doc)), @"\s+", " ");
            report.Cues.ShouldAllBe(c => text.Contains(c, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void WhenAnUndatedTextToldRelativeToItsWritingGivesADateWithItsYear_ThatDateIsBackground()
    {
        // An opinion piece with no report time tells its story by "last week" and weekdays, and mentions in passing a
        // summit its subject arranged years before: nothing ties that year to the story's days.
        var entries = Timeline(Doc(
            "The strike at the port last week surprised everyone. Okafor arranged the first dockers' summit, on March 3, 2015, by working with both unions. The crews walked out on Friday and were back on Monday.",
            "op.txt"));

        var summit = entries.Single(e => e.When.StartsWith("2015-03-03", StringComparison.Ordinal));
        summit.Role.ShouldBe(TimelineRole.Background);
        entries.Where(e => e.Role == TimelineRole.Story).ShouldAllBe(e => e.Interval == null);
    }

    [Fact]
    public void WhenAnUndatedTextGivesOnlyDatesWithTheirYears_TheyStayInTheStory()
    {
        // Nothing in it is told relative to an unknown "now": its dates are its story's.
        var entries = Timeline(Doc("The crews walked out on March 3, 2015, and returned on March 9, 2015.", "history.txt"));

        entries.Where(e => e.Interval != null).ShouldNotBeEmpty();
        entries.Where(e => e.Interval != null).ShouldAllBe(e => e.Role == TimelineRole.Story);
    }

    [Fact]
    public void WhenTheSeedsAreOnOneTimeline_NoEntryLandsInAYearTheirTextsDoNotName()
    {
        var folder = SharedData.Require("seeds");
        var docs = Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal).Select(p => Doc(File.ReadAllText(p), p)).ToList();
        var texts = docs.ToDictionary(d => d.Id, d => d.Text);
        var entries = Timeline([.. docs]);
        foreach (var entry in entries.Where(e => e.Interval is not null))
        {
            var year = entry.When[..4];
            entry.Cites.ShouldContain(c => texts[c.DocumentId].Contains(year, StringComparison.Ordinal), $"{entry.When} ({entry.Expression})");
        }
    }
}
