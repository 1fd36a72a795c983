using Shouldly;
using Sitrep.Brief.Model;
using Sitrep.Brief.Rendering;

namespace Sitrep.Tests.Brief;

/// <summary>The timeline chart of brief.html runs in lanes by actor, with dates a reader writes (issue 19, item 2).</summary>
public sealed class TimelineChartTests
{
    private static readonly List<(string Lane, List<string> Names)> Lanes =
    [
        ("Yevgeny Prigozhin", ["Yevgeny Prigozhin", "Prigozhin"]),
        ("Vladimir Putin", ["Vladimir Putin", "Putin"]),
    ];

    private static BriefTimelineEntry Entry(string when, string label) => new(when, null, label, [], ["d1"]);

    [Fact]
    public void AnEntryGoesToTheLaneOfTheMainActorItNamesFirst_ElseToOther()
    {
        TimelineChart.LaneOf(Entry("2023-06-24", "Putin called the uprising treason, and Prigozhin answered."), Lanes).ShouldBe("Vladimir Putin");
        TimelineChart.LaneOf(Entry("2023-06-24", "Prigozhin ordered the column back."), Lanes).ShouldBe("Yevgeny Prigozhin");
        TimelineChart.LaneOf(Entry("2023-06-24", "Excavators tore up the M4 near Putinka."), Lanes).ShouldBe(TimelineChart.OtherLane);
    }

    [Fact]
    public void TheChartHasOneBandPerLaneAndHumanDates_NeverTimexCodes()
    {
        BriefTimelineEntry[] entries =
        [
            Entry("2023-06-23T21:37+03:00", "Prigozhin posted videos."),
            Entry("2023-06-24T10:00+03:00", "Putin called the uprising treason."),
            Entry("2023-06-24T20:43+03:00", "Prigozhin ordered the column back."),
            Entry("2023-06-26", "Moscow lifted its counter-terrorism regime."),
            Entry("XXXX-WXX-5TNI", "On Friday night the army bombed the camp.") with { Placed = false },
        ];

        var svg = TimelineChart.Svg(entries, Lanes);

        svg.Split("class=\"lane\"").Length.ShouldBe(4, "lanes: Prigozhin, Putin, other");
        svg.IndexOf("Yevgeny Prigozhin", StringComparison.Ordinal).ShouldBeLessThan(svg.IndexOf("Vladimir Putin", StringComparison.Ordinal));
        svg.ShouldNotContain("XXXX");
        svg.ShouldNotContain("2023-06");
        svg.ShouldContain("Jun 2023");
        svg.ShouldNotContain("<script", Case.Insensitive);
    }

    [Fact]
    public void ALoneLateStretchGetsASegmentOfItsOwn_TheMainDaysKeepMostOfTheAxis()
    {
        var main = Enumerable.Range(0, 12).Select(h => (new DateTime(2023, 6, 23, 20, 0, 0).AddHours(h * 8), new DateTime(2023, 6, 23, 20, 0, 0).AddHours(h * 8))).ToList();
        List<(DateTime Start, DateTime End)> late = [(new DateTime(2023, 8, 23, 18, 0, 0), new DateTime(2023, 8, 23, 18, 0, 0)), (new DateTime(2023, 8, 25), new DateTime(2023, 8, 25))];
        var axis = TimelineChart.Axis.Of([.. main, .. late, .. late]);

        axis.Break.ShouldNotBeNull();
        var first = axis.X(main[0].Item1);
        var last = axis.X(main[^1].Item1);
        (last - first).ShouldBeGreaterThan(200, "the main days spread over most of the axis");
        axis.X(late[0].Start).ShouldBeGreaterThan(last);
    }

    [Fact]
    public void EntriesCloseTogetherKeepOneContinuousAxis() =>
        TimelineChart.Axis.Of([.. Enumerable.Range(0, 10).Select(d => (new DateTime(2023, 6, 20).AddDays(d), new DateTime(2023, 6, 20).AddDays(d)))]).Break.ShouldBeNull();

    [Fact]
    public void ALateEntryBreaksTheDrawnAxis()
    {
        BriefTimelineEntry[] entries =
        [
            Entry("2023-06-23T21:37+03:00", "Prigozhin posted videos."),
            Entry("2023-06-24T10:00+03:00", "Putin called the uprising treason."),
            Entry("2023-06-24T20:43+03:00", "Prigozhin ordered the column back."),
            Entry("2023-06-25T09:00+03:00", "The column was back in its camps."),
            Entry("2023-06-26", "Moscow lifted its counter-terrorism regime."),
            Entry("2023-08-23T18:00+03:00", "The jet crashed north of the capital."),
            Entry("2023-08-25", "Putin offered condolences."),
        ];

        TimelineChart.Svg(entries, Lanes).ShouldContain("axis broken");
    }
}
