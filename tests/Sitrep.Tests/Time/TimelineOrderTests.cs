using System.Text.Json;
using Shouldly;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;
using Sitrep.Time.Timeline;

namespace Sitrep.Tests.Time;

/// <summary>Issue 19 item 3: an undated corpus gets relative order instead of invented dates.</summary>
public class TimelineOrderTests
{
    private static readonly string GoldPath = Path.Combine(SharedData.RepositoryRoot, "tests", "gold", "timeline", "undated-order.json");

    [Fact]
    public void WhenTextsHaveNoReportTime_TheirWeekdaysFollowTheGoldOrderWithRelationsAndNoDate()
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(GoldPath));
        var documents = gold.RootElement.GetProperty("documents").EnumerateArray()
            .Select(d => Document.Create(d.GetProperty("text").GetString()!, d.GetProperty("name").GetString()!).Build())
            .ToList();
        var corpus = new Corpus([.. documents.Select(TimexStageTests.Run)]);
        new TimelineStage().Process(corpus, CancellationToken.None);
        var entries = corpus.Layers.Get<TimelineLayer>().Entries;

        entries.ShouldNotBeEmpty();
        entries.ShouldAllBe(e => e.Interval == null && e.When.StartsWith("XXXX", StringComparison.Ordinal));
        foreach (var sequence in gold.RootElement.GetProperty("sequences").EnumerateArray())
        {
            var doc = documents.Single(d => d.Path == sequence.GetProperty("doc").GetString());
            var positions = new List<int>();
            foreach (var step in sequence.GetProperty("order").EnumerateArray())
            {
                var cue = step.GetProperty("cue").GetString()!;
                var at = IndexOf(entries, doc, cue);
                at.ShouldBeGreaterThanOrEqualTo(0, $"no entry cites '{cue}' in {doc.Path}");
                var relation = step.GetProperty("relation");
                if (relation.ValueKind == JsonValueKind.Null)
                {
                    entries[at].Relation.ShouldBeNull();
                }
                else
                {
                    entries[at].Relation.ShouldNotBeNull().ShouldStartWith(relation.GetString()!);
                }

                positions.Add(at);
            }

            positions.ShouldBe(positions.Order().ToList(), $"entries of {doc.Path} out of order");
        }
    }

    [Fact]
    public void WhenAnUndatedTextNamesFridaySaturdayThenMonday_MondayComesThreeDaysAfter()
    {
        // Friday, Saturday, Monday fit in four days from the Friday and in six or more from any other start. Friday and
        // Monday alone would not say which came first (three days one way, four the other).
        var entries = EntriesOf("The talks began on Friday. They went on through Saturday. The first ship was unloaded on Monday.", "notice.txt");
        entries.Select(e => e.When).ShouldBe(["XXXX-WXX-5", "XXXX-WXX-6", "XXXX-WXX-1"]);
        entries[2].Relation.ShouldBe("3 days after the Friday of ‘The talks began on Friday.’");
    }

    [Fact]
    public void WhenAnUndatedRoundUpTellsAPastSundayAfterAFutureSaturday_ItsDaysGetNoRelation()
    {
        // A round-up of several stories: the Saturday game lies ahead, the Sunday loss behind. Ordered as one span, the
        // Sunday would read as the day after the Saturday.
        var entries = EntriesOf(
            "Both men sat out practice on Wednesday. The home side won the match on Thursday night. He is expected to start at guard on Saturday night. The receiver tore a knee ligament in Sunday's defeat.",
            "roundup.txt");
        entries.Count.ShouldBe(4);
        entries.ShouldAllBe(e => e.Relation == null);
        entries.Select(e => e.When[..10]).ShouldBe(["XXXX-WXX-3", "XXXX-WXX-4", "XXXX-WXX-6", "XXXX-WXX-7"]);
    }

    [Fact]
    public void WhenAnUndatedTextTellsItsPastDaysBeforeItsFutureOnes_TheyKeepTheirRelations()
    {
        var entries = EntriesOf("The talks began on Friday. The envoys met again on Saturday. A vote is expected on Monday.", "notice.txt");
        entries.Select(e => e.When).ShouldBe(["XXXX-WXX-5", "XXXX-WXX-6", "XXXX-WXX-1"]);
        entries[2].Relation.ShouldBe("3 days after the Friday of ‘The talks began on Friday.’");
    }

    [Fact]
    public void WhenAnUndatedTextNamesOnlyAThursdayAndASunday_ItDoesNotSayWhichCameFirst()
    {
        // Three days one way, four the other: the text alone does not tell whether the Sunday was before or after.
        var entries = EntriesOf("The visitors won the match on Thursday night. He hurt his hamstring on Sunday in a win over the league leaders.", "report.txt");
        entries.Count.ShouldBe(2);
        entries.ShouldAllBe(e => e.Relation == null);
    }

    [Fact]
    public void WhenAnUndatedTextTellsEventsHoursAndADayAfterAFriday_EachIsPlacedAgainstTheReportBeforeIt_AndSaysItsDateIsInferred()
    {
        var entries = EntriesOf(
            "Dock workers walked out at the northern terminal on Friday morning. Hours later the harbour authority closed the outer gates. That night police removed a barricade near the ferry berth. The next day the union's leaders met the port's owners.",
            "strike.txt");
        entries.Select(e => e.When).ShouldBe(["XXXX-WXX-5TMO", "XXXX-WXX-5", "XXXX-WXX-5TNI", "XXXX-WXX-6"]);
        entries.ShouldAllBe(e => e.Interval == null);
        entries[1].Relation.ShouldBe("later the same day as ‘Dock workers walked out at the northern terminal…’ (date inferred from ‘Hours later’)");
        entries[2].Relation.ShouldBe("the same day as ‘Hours later the harbour authority closed the outer…’ (date inferred from ‘That night’)");
        entries[3].Relation.ShouldBe("the day after ‘That night police removed a barricade near the…’ (date inferred from ‘The next day’)");
    }

    [Fact]
    public void WhenNothingBeforeACueIsDated_TheCueStaysUndated()
    {
        // The charge has no day: "hours later" places the deal against nothing the text dates. A weekday named later in the
        // text does not reach back.
        var entries = EntriesOf(
            "The owners filed charges against the strike leaders. Several hours later, the mayor brokered a deal. The talks had been planned on the Wednesday before.",
            "deal.txt");
        entries.ShouldAllBe(e => !e.Label.Contains("brokered", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenAnotherTimeStandsBetweenADatedReportAndACue_TheCueStaysUndated()
    {
        var entries = EntriesOf(
            "The strike began on Friday. Last week the owners had cut the night shift. Hours later the gates were shut.",
            "gates.txt");
        entries.ShouldAllBe(e => !e.Label.Contains("gates were shut", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenAnUpdateStampedOnlyWithAClockTimeSaysYesterday_ItsEventStandsTheDayBeforeThatUpdate()
    {
        var entries = EntriesOf(
            "Port strike live\n\nUPDATE 06:10 CET: The gates are still shut.\n\nThe union's leader called the strike yesterday, and said the owners had cut wages. This morning pickets hold both roads into the terminal.",
            "live.txt");
        var yesterday = entries.Single(e => e.Label.Contains("called the strike", StringComparison.Ordinal));
        yesterday.Interval.ShouldBeNull();
        yesterday.Relation.ShouldBe("the day before the update of 06:10 CET");
        entries.Single(e => e.Label.StartsWith("This morning", StringComparison.Ordinal)).Relation.ShouldBe("the same day as the update of 06:10 CET");
    }

    /// <summary>The timeline of one undated text.</summary>
    private static IReadOnlyList<TimelineEntry> EntriesOf(string text, string name)
    {
        var corpus = new Corpus([TimexStageTests.Run(Document.Create(text, name).Build())]);
        new TimelineStage().Process(corpus, CancellationToken.None);
        return corpus.Layers.Get<TimelineLayer>().Entries;
    }

    private static int IndexOf(IReadOnlyList<TimelineEntry> entries, Document doc, string cue)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Cites.Any(c => c.DocumentId == doc.Id && doc.Text[c.Start..c.End].Contains(cue, StringComparison.Ordinal)))
            {
                return i;
            }
        }

        return -1;
    }
}
