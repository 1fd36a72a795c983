using Shouldly;
using Sitrep.Time;
using static Sitrep.Tests.Time.TimeSupport;

namespace Sitrep.Tests.Time;

/// <summary>One test family per kind of expression, each with and without a reference time. All sentences are ours.</summary>
public class TaggerTests
{
    [Theory]
    [InlineData("The convoy left on June 24, 2023, before dawn.", "June 24, 2023", "2023-06-24")]
    [InlineData("Talks resumed on 24 June 2023 in Minsk.", "24 June 2023", "2023-06-24")]
    [InlineData("The filing is dated 2023-06-24 in the registry.", "2023-06-24", "2023-06-24")]
    [InlineData("The second summit met on the 3rd of March 2019 and achieved little.", "3rd of March 2019", "2019-03-03")]
    [InlineData("Elections were held in March 2018 across the region.", "March 2018", "2018-03")]
    [InlineData("The plant was built in 1986 by a state trust.", "1986", "1986")]
    [InlineData("Prices rose through the 1990s and fell again.", "the 1990s", "199X")]
    [InlineData("Sales fell in the third quarter of 1998 at every branch.", "the third quarter of 1998", "1998-Q3")]
    public void WhenADateIsFullyWritten_ItIsAbsoluteWithOrWithoutAnAnchor(string text, string expression, string value)
    {
        var bare = Find(text, expression);
        bare.Value.ShouldBe(value);
        bare.Anchor.ShouldBe(AnchorKind.Absolute);
        Find(text, expression, Saturday).Value.ShouldBe(value);
    }

    [Theory]
    [InlineData("The ceasefire began on June 20 along the river.", "June 20", "2023-06-20", "XXXX-06-20")]
    [InlineData("The ceasefire began on 20 June along the river.", "20 June", "2023-06-20", "XXXX-06-20")]
    [InlineData("The deadline for the units was July 1.", "July 1", "2023-07-01", "XXXX-07-01")]
    [InlineData("In June the front barely moved.", "June", "2023-06", "XXXX-06")]
    public void WhenADateLacksItsYear_TheAnchorGivesItOrItStaysX(string text, string expression, string anchored, string bare)
    {
        Find(text, expression, Saturday).Value.ShouldBe(anchored);
        Find(text, expression).Value.ShouldBe(bare);
    }

    [Theory]
    [InlineData("UPDATE 05:37 CET: no reaction yet from the ministry.", "05:37 CET", "XXXX-XX-XXT05:37+01:00", "2023-06-24T05:37+01:00")]
    [InlineData("The plane landed at 14:10 CEST on the main runway.", "14:10 CEST", "XXXX-XX-XXT14:10+02:00", "2023-06-24T14:10+02:00")]
    [InlineData("The column stopped at 20:30 MSK near the bridge.", "20:30 MSK", "XXXX-XX-XXT20:30+03:00", "2023-06-24T20:30+03:00")]
    [InlineData("The address began at about 10:00 Moscow time, officials said.", "10:00 Moscow time", "XXXX-XX-XXT10:00+03:00", "2023-06-24T10:00+03:00")]
    [InlineData("The feed went dark at 06:00 UTC and came back later.", "06:00 UTC", "XXXX-XX-XXT06:00Z", "2023-06-24T06:00Z")]
    [InlineData("The first report came at 11:15 GMT from the port.", "11:15 GMT", "XXXX-XX-XXT11:15Z", "2023-06-24T11:15Z")]
    [InlineData("Our desk updated the page at 10:45 BST with new video.", "10:45 BST", "XXXX-XX-XXT10:45+01:00", "2023-06-24T10:45+01:00")]
    [InlineData("The statement was issued at 9 a.m. EST in Washington.", "9 a.m. EST", "XXXX-XX-XXT09:00-05:00", "2023-06-24T09:00-05:00")]
    [InlineData("A briefing is set for 4:30 p.m. EDT at the agency.", "4:30 p.m. EDT", "XXXX-XX-XXT16:30-04:00", "2023-06-24T16:30-04:00")]
    [InlineData("The strike was logged at 03:12 UTC+3 by the monitors.", "03:12 UTC+3", "XXXX-XX-XXT03:12+03:00", "2023-06-24T03:12+03:00")]
    [InlineData("Posted 23:05+02:00 by the regional desk.", "23:05+02:00", "XXXX-XX-XXT23:05+02:00", "2023-06-24T23:05+02:00")]
    public void WhenATimeCarriesAZone_TheOffsetIsKeptAndTheDateComesOnlyFromTheAnchor(string text, string expression, string bare, string anchored)
    {
        var unanchored = Find(text, expression);
        unanchored.Type.ShouldBe(TimexType.Time);
        unanchored.Value.ShouldBe(bare);
        unanchored.Anchor.ShouldBe(AnchorKind.None);
        Find(text, expression, Saturday).Value.ShouldBe(anchored);
    }

    [Fact]
    public void WhenATimeHasNoZone_ItStaysLocalAndUnderspecifiedWithoutAnAnchor()
    {
        Find("The sirens started at 21:40 and stopped an hour later.", "21:40").Value.ShouldBe("XXXX-XX-XXT21:40");
        Find("Update, 9.45 a.m.: the governor spoke again.", "9.45 a.m.").Value.ShouldBe("XXXX-XX-XXT09:45");
        Find("They met at noon in the square.", "noon").Value.ShouldBe("XXXX-XX-XXT12:00");
    }

    [Fact]
    public void WhenADateAndTimeAreWrittenTogether_TheyMakeOneAbsoluteTime()
    {
        var t = Find("24.06.2023 21:37\nThe column is moving north.", "24.06.2023 21:37");
        t.Type.ShouldBe(TimexType.Time);
        t.Value.ShouldBe("2023-06-24T21:37");
    }

    [Theory]
    [InlineData("Shelling resumed this morning near the bridge.", "this morning", "2023-06-24TMO", "XXXX-XX-XXTMO")]
    [InlineData("Shelling resumed last night near the bridge.", "last night", "2023-06-23TNI", "XXXX-XX-XXTNI")]
    [InlineData("Another convoy is due tonight, the mayor said.", "tonight", "2023-06-24TNI", "XXXX-XX-XXTNI")]
    [InlineData("The statement came yesterday afternoon from the ministry.", "yesterday afternoon", "2023-06-23TAF", "XXXX-XX-XXTAF")]
    public void WhenAPartOfDayIsNamed_ItIsATimeOfThatDay(string text, string expression, string anchored, string bare)
    {
        var t = Find(text, expression, Saturday);
        t.Type.ShouldBe(TimexType.Time);
        t.Value.ShouldBe(anchored);
        Find(text, expression).Value.ShouldBe(bare);
    }

    [Fact]
    public void WhenAWeekdayIsNamed_ItIsTheNearestPastOneUnlessTheVerbLooksAhead()
    {
        Find("The drones struck on Thursday, officials said.", "Thursday", Saturday).Value.ShouldBe("2023-06-22");
        Find("The envoy will travel to Minsk on Monday for talks.", "Monday", Saturday).Value.ShouldBe("2023-06-26");
        Find("The envoy arrived next Tuesday, a week late.", "next Tuesday", Saturday).Value.ShouldBe("2023-06-27");
        Find("The drones struck on Friday evening, officials said.", "Friday evening", Saturday).Value.ShouldBe("2023-06-23TEV");
    }

    [Fact]
    public void WhenAWeekdayHasNoAnchor_OnlyTheDayOfWeekIsKnown()
    {
        var t = Find("The drones struck on Thursday, officials said.", "Thursday");
        t.Value.ShouldBe("XXXX-WXX-4");
        t.Anchor.ShouldBe(AnchorKind.None);
    }

    [Theory]
    [InlineData("Officials confirmed the deal yesterday.", "yesterday", "2023-06-23", "-P1D")]
    [InlineData("The border reopens tomorrow, the guards said.", "tomorrow", "2023-06-25", "P1D")]
    [InlineData("The decree was signed today in the capital.", "today", "2023-06-24", "P0D")]
    [InlineData("Shipments slowed last week at the port.", "last week", "2023-W24", "-P1W")]
    [InlineData("Prices rose last month across the region.", "last month", "2023-05", "-P1M")]
    [InlineData("The vote is scheduled for next year in spring.", "next year", "2024", "P1Y")]
    [InlineData("The grain corridor closed three days ago, traders said.", "three days ago", "2023-06-21", "-P3D")]
    public void WhenAnExpressionIsRelative_ItIsResolvedAgainstTheAnchorOrKeepsItsOffset(string text, string expression, string anchored, string offset)
    {
        var resolved = Find(text, expression, Saturday);
        resolved.Value.ShouldBe(anchored);
        resolved.Anchor.ShouldBe(AnchorKind.Document);
        var bare = Find(text, expression);
        bare.Value.ShouldStartWith("XXXX");
        bare.Offset.ShouldBe(offset);
        bare.Anchor.ShouldBe(AnchorKind.None);
    }

    [Fact]
    public void WhenANarrativeSaysLater_ItCountsFromTheLastDateWritten()
    {
        const string text = "The talks opened on 20 June 2023 in Istanbul. Three days later the delegations walked out.";
        var later = Find(text, "Three days later");
        later.Value.ShouldBe("2023-06-23");
        later.Anchor.ShouldBe(AnchorKind.Discourse);
        later.AnchorAmbiguous.ShouldBeFalse();
    }

    [Fact]
    public void WhenAnAmountIsFollowedByAnEvent_ItIsADurationNotADate()
    {
        var t = Find("Fighting resumed two hours after the convoy stopped.", "two hours");
        t.Type.ShouldBe(TimexType.Duration);
        t.Value.ShouldBe("PT2H");
    }

    [Theory]
    [InlineData("1 year ago", "XXXX", "-P1Y", "2022")]
    [InlineData("11 months ago", "XXXX-XX", "-P11M", "2022-07")]
    [InlineData("3 months ago", "XXXX-XX", "-P3M", "2023-03")]
    public void WhenAForumPostShowsItsAge_ItStaysRelativeWithoutAnAnchor(string age, string bare, string offset, string anchored)
    {
        var text = "• some_user\n    " + age + "\nI saw the column myself.";
        var t = Find(text, age);
        t.Value.ShouldBe(bare);
        t.Offset.ShouldBe(offset);
        t.Anchor.ShouldBe(AnchorKind.None);
        Find(text, age, Saturday).Value.ShouldBe(anchored);
    }

    [Fact]
    public void WhenAForumAgeFollowsAWrittenDate_ItIsNotResolvedAgainstThatDate()
    {
        var t = Find("The siege ended on 2 May 2019.\n• watcher\n    2 years ago\nStill true.", "2 years ago");
        t.Value.ShouldBe("XXXX");
        t.Anchor.ShouldBe(AnchorKind.None);
    }

    [Theory]
    [InlineData("The curfew was extended for 24 hours in the city.", "24 hours", "PT24H")]
    [InlineData("The unit signed a two-year contract with the ministry.", "two-year", "P2Y")]
    [InlineData("Output has fallen over the past three years in the plant.", "the past three years", "P3Y")]
    [InlineData("The siege lasted several weeks before the relief came.", "several weeks", "PXW")]
    [InlineData("Negotiators talked for half an hour before the break.", "half an hour", "PT30M")]
    [InlineData("The blockade held for a fortnight in all.", "a fortnight", "P2W")]
    public void WhenAnAmountOfTimeIsNamed_ItIsADuration(string text, string expression, string value)
    {
        var t = Find(text, expression);
        t.Type.ShouldBe(TimexType.Duration);
        t.Value.ShouldBe(value);
        Find(text, expression, Saturday).Value.ShouldBe(value);
    }

    [Fact]
    public void WhenAReferenceIsFuzzy_ItResolvesToItsPeriod()
    {
        var earlier = Find("Earlier this month the army withdrew from the town.", "this month", Saturday);
        earlier.Value.ShouldBe("2023-06");
        Find("Analysts expect more unrest in the year ahead.", "the year ahead", Saturday).Value.ShouldBe("2024");
        Find("Analysts expect more unrest in the year ahead.", "the year ahead").Value.ShouldBe("XXXX");
        Find("Talks may resume later this year, diplomats said.", "this year", Saturday).Value.ShouldBe("2023");
        Find("The army recruited heavily in late 2022 and early 2023.", "late 2022", Saturday).Mod.ShouldBe("END");
    }

    [Theory]
    [InlineData("The bridge is inspected daily by engineers.", "daily", "P1D")]
    [InlineData("Convoys leave every Monday from the depot.", "every Monday", "XXXX-WXX-1")]
    [InlineData("The council meets twice a week in winter.", "twice a week", "P1W")]
    public void WhenSomethingRecurs_ItIsASet(string text, string expression, string value)
    {
        var t = Find(text, expression);
        t.Type.ShouldBe(TimexType.Set);
        t.Value.ShouldBe(value);
    }

    [Theory]
    [InlineData("The situation is now calm, residents say.", "now", "PRESENT_REF")]
    [InlineData("The road was recently repaired by the army.", "recently", "PAST_REF")]
    [InlineData("Nobody knows what the future holds for the group.", "the future", "FUTURE_REF")]
    public void WhenATextReferencesThePresentOrPast_ItIsARefValue(string text, string expression, string value) =>
        Find(text, expression, Saturday).Value.ShouldBe(value);

    [Theory]
    [InlineData("More than 2,000 troops crossed the river.")]
    [InlineData("About 2000 troops crossed the river.")]
    [InlineData("Soldiers march through the square in silence.")]
    [InlineData("May I ask who gave the order?")]
    [InlineData("The score was 9.45 on the index.")]
    [InlineData("Brief no. HPSA-2023-0628-RU was filed.")]
    public void WhenNumbersOrWordsOnlyLookTemporal_NothingIsTagged(string text) =>
        Tag(text).ShouldBeEmpty();

    [Fact]
    public void WhenTheAnchorIsMissing_NoValueIsTakenFromTheMachineClock()
    {
        const string text = "Today, this week and this year the front held. Yesterday at 10:00 the shelling began; tonight it goes on. 1 year ago nobody expected it.";
        var year = DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var all = Tag(text);
        all.Count.ShouldBeGreaterThanOrEqualTo(6);
        all.ShouldAllBe(t => !t.Value.Contains(year) && t.Anchor == AnchorKind.None);
    }

    [Fact]
    public void WhenExpressionsAreFound_TheirOffsetsCoverExactlyTheirCharacters()
    {
        const string text = "On Saturday, June 24, 2023, at 20:30 Moscow time, the column turned back; two days later it was gone.";
        var all = Tag(text, Saturday);
        var extents = all.Select(t => text[t.Range.Start..t.Range.End]).ToList();
        extents.ShouldBe(["Saturday, June 24, 2023", "20:30 Moscow time", "two days later"]);
    }
}
