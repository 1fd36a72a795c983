using Shouldly;
using Sitrep.Claims;
using Sitrep.Claims.Frames;
using Sitrep.Corroboration.Figures;
using Sitrep.Tests.Support;
using Sitrep.Time;

namespace Sitrep.Tests.Claims;

/// <summary>What the figures of a claim measure: sentences of our own, one rule each.</summary>
public sealed class MeasureTests
{
    private static List<Measure> MeasuresOf(string text) =>
        [.. new ClaimAnalyzer().Analyze(Some.Analyzed(text), TestContext.Current.CancellationToken).SelectMany(c => c.Frame.Measures)];

    [Theory]
    [InlineData("The three who voted against the death penalty would not comment.")]
    [InlineData("Prosecutors asked for the death penalty for the two men.")]
    public void JurorsVotingOnADeathSentenceAreNoToll(string text) =>
        MeasuresOf(text).ShouldNotContain(m => m.Role == MeasureRoles.Killed);

    [Theory]
    [InlineData("Film star Marion Teller dies at 87")]
    [InlineData("The screen swimmer, famed for her water ballets, died Thursday at 87.")]
    [InlineData("The painter Oskar Brandt died aged 87 at his home in Lisbon.")]
    [InlineData("Retired swimmer Ada Quill dead at 87, her family says")]
    [InlineData("The singer died at the age of 87 on Tuesday.")]
    [InlineData("The 87-year-old actress died at a hospital on Tuesday.")]
    [InlineData("The actress, who was 87 years old, died on Tuesday.")]
    public void AnAgeAtDeathIsNoCountOfDead(string text) =>
        MeasuresOf(text).ShouldNotContain(m => m.Role == MeasureRoles.Killed || m.Role == MeasureRoles.Casualties);

    [Theory]
    [InlineData("Officials said turnout reached 71.4 percent in the council vote.", 71.35, 71.45)]
    [InlineData("The commission said a turnout of 64 per cent was recorded.", 63.5, 64.5)]
    [InlineData("A 58% turnout was recorded across the province.", 57.5, 58.5)]
    [InlineData("Turnout in the Brindle council election stood at 66 percent.", 65.5, 66.5)]
    public void AnElectionsTurnoutIsAShareOfTheVotersToItsLastDigit(string text, double min, double max)
    {
        var turnout = MeasuresOf(text).ShouldHaveSingleItem();
        turnout.Role.ShouldBe(MeasureRoles.Turnout);
        turnout.Unit.ShouldBe("percent");
        turnout.Min!.Value.ShouldBe(min, 1e-9);
        turnout.Max!.Value.ShouldBe(max, 1e-9);
    }

    [Theory]
    [InlineData("The club signed free agent Dana Brook to an $82 million deal last summer.", 81.5, 82.5, false)]
    [InlineData("They signed Dana Brook to a five-year deal worth nearly $80 million.", 68.0, 80.0, true)]
    [InlineData("The team signed free-agent forward Dana Brook to a five-year, $80 million contract.", 76.0, 84.0, false)]
    [InlineData("Dana Brook signed a four-year, $1.2 billion contract with the club.", 1150.0, 1250.0, false)]
    public void ASignedContractsValueIsTheNamedSignersInMillionsOfDollars(string text, double min, double max, bool belowMax)
    {
        var contract = MeasuresOf(text).Where(m => m.Role == MeasureRoles.Contract).ShouldHaveSingleItem();
        contract.Counted.ShouldBe("dana brook");
        contract.Min!.Value.ShouldBe(min, 1e-6);
        contract.Max!.Value.ShouldBe(max, 1e-6);
        contract.MaxExclusive.ShouldBe(belowMax);
    }

    [Theory]
    [InlineData("The club offered Dana Brook a five-year deal worth $80 million.")]
    [InlineData("Brook signed a five-year, $80 million contract.")]
    [InlineData("The club signed Dana Brook to a $5 million bonus.")]
    [InlineData("Dana Brook is expected to sign a deal worth $80 million.")]
    [InlineData("The club signed Dana Brook to a deal worth 80 million euros.")]
    public void AnOfferASurnameAloneOrAnAmountThatIsNoContractGivesNoContractValue(string text) =>
        MeasuresOf(text).ShouldNotContain(m => m.Role == MeasureRoles.Contract);

    [Theory]
    [InlineData("Jonas Varga (31-2, 20 KOs) stopped the challenger in the ninth round.", "varga", "31-2")]
    [InlineData("The champion, Jonas Varga, 31-2, 20 KO's, won on points.", "varga", "31-2")]
    [InlineData("Varga improved his record to 31-2 with the win.", "varga", "31-2")]
    [InlineData("The victory took Varga's record to 31-2.", "varga", "31-2")]
    [InlineData("In three seasons, Lindqvist compiled a mark of 122-147 with the club.", "lindqvist", "122-147")]
    [InlineData("Lindqvist compiled a 162-139 record in three seasons.", "lindqvist", "162-139")]
    [InlineData("Lindqvist has an overall record of 284-286.", "lindqvist (career)", "284-286")]
    [InlineData("Lindqvist is 284-286 lifetime as a head coach.", "lindqvist (career)", "284-286")]
    [InlineData("Orr (14-13-2) lasted three rounds.", "orr", "14-13-2")]
    [InlineData("The Hawks were 5-3 on the road this year.", "hawks (on the road this)", "5-3")]
    [InlineData("The Hawks are 7-2 in games decided by a field goal or less.", "hawks (in games decided by)", "7-2")]
    public void ANamedCompetitorsWinLossRecordIsReadWithItsHolder(string text, string holder, string written)
    {
        var record = MeasuresOf(text).Where(m => m.Role == MeasureRoles.Record).ShouldHaveSingleItem();
        record.Counted.ShouldBe(holder);
        record.Describe().Replace(" ", string.Empty, StringComparison.Ordinal).ShouldBe(written);
    }

    [Theory]
    [InlineData("The Rovers won 28-21 on Sunday.")]
    [InlineData("It was an 88-72 loss at home, their third in a row.")]
    [InlineData("He improved to 31-2 with the win.")]
    [InlineData("Marco Doyle, the star hitter, is a 10-5 man and can veto any trade.")]
    [InlineData("The vote passed 52-47 in the Senate.")]
    [InlineData("Harbour knocked off the Rovers, 23-17, in Saturday's play-off.")]
    public void AScoreAVoteOrARecordWithoutANameGivesNoRecord(string text) =>
        MeasuresOf(text).ShouldNotContain(m => m.Role == MeasureRoles.Record);

    [Fact]
    public void AlmostSixtyPercentTurnoutStaysBelowSixty()
    {
        var turnout = MeasuresOf("The election board said turnout was almost 60%.").ShouldHaveSingleItem();
        turnout.Role.ShouldBe(MeasureRoles.Turnout);
        turnout.Max.ShouldBe(60);
        turnout.MaxExclusive.ShouldBeTrue();
    }

    [Theory]
    [InlineData("Turnout stood at 40 percent as of noon, the board said.")]
    [InlineData("By 2 p.m. turnout had reached 38 percent in the capital.")]
    [InlineData("Under the law the vote is valid only with a turnout of more than 50 percent.")]
    [InlineData("The firm's turnover rose 40 percent last year.")]
    public void ATurnoutPartWayThroughTheDayOrALegalThresholdIsNoTurnoutFigure(string text) =>
        MeasuresOf(text).ShouldNotContain(m => m.Role == MeasureRoles.Turnout);

    [Theory]
    [InlineData("The champion ended the bout four rounds sooner than in the pair's first meeting.")]
    [InlineData("Police seized three boats more than they had the week before.")]
    [InlineData("The second flood killed nine people more than the first one did.")]
    [InlineData("The gunman fired three rounds more than the officer did.")]
    public void ANumberThatStatesADifferenceIsNoCount(string text) =>
        MeasuresOf(text).ShouldNotContain(m => m.Min == 4 || m.Min == 3 || m.Min == 9);

    [Fact]
    public void ANumberAfterUpFromIsTheEarlierValueNotTheCount()
    {
        var measures = MeasuresOf("The fire killed 15 people, up from 12 reported on Monday.");

        measures.ShouldContain(m => m.Role == MeasureRoles.Killed && m.Min == 15);
        measures.ShouldNotContain(m => m.Min == 12);
    }

    [Fact]
    public void ACountWithALaterVerbIsStillTheCount() =>
        MeasuresOf("Police seized three boats and later freed the crew.").ShouldContain(m => m.Counted == "boats captured" && m.Min == 3);

    [Theory]
    [InlineData("The champion stopped the challenger in seven rounds on Saturday.")]
    [InlineData("The bout went 11 rounds before the judges were needed.")]
    public void RoundsOfABoutAreNoAmmunition(string text) =>
        MeasuresOf(text).ShouldNotContain(m => m.Counted == "rounds");

    [Theory]
    [InlineData("Four rifles and about 200 rounds of ammunition were seized from the boat.", 200)]
    [InlineData("The rooftop sniper told police his dozen rounds were meant for a rival gang.", 12)]
    [InlineData("The gunman fired 13 shots from the roof as classes let out.", 13)]
    public void RoundsOfAmmunitionAreStillCounted(string text, double value) =>
        MeasuresOf(text).ShouldContain(m => m.Counted == "rounds" && m.Min <= value && m.Max >= value);

    [Theory]
    [InlineData("The centre scored 14 points, grabbed nine rebounds and blocked six shots.")]
    [InlineData("The visitors had 11 shots on target to the hosts' three.")]
    public void ShotsOfAGameAreNoRoundsFired(string text) =>
        MeasuresOf(text).ShouldNotContain(m => m.Counted == "rounds");

    [Fact]
    public void TwoSplitsOfOneSeasonAreTwoRecordsAndNeitherIsThePlainOne()
    {
        var records = MeasuresOf("The Hawks were 4-4 on the road, and the Hawks are 8-1 in one-score games.").Where(m => m.Role == MeasureRoles.Record).ToList();

        records.Count.ShouldBe(2);
        records.Select(r => r.Counted).Distinct().Count().ShouldBe(2);
        records.ShouldNotContain(r => r.Counted == "hawks");
    }

    [Fact]
    public void MoreThanAfterAConjunctionHedgesTheNextCountAndLeavesTheFirstOne() =>
        MeasuresOf("The pirates still hold at least 14 foreign vessels and more than 300 crew members to ransom.")
            .ShouldContain(m => m.Counted == "ships" && m.Min == 14);

    [Fact]
    public void DecadesBesideADeathAreNoToll() =>
        MeasuresOf("The general, who ruled the island for two decades until his death in 1999, was buried on Sunday.")
            .ShouldNotContain(m => m.Role == MeasureRoles.Killed || m.Role == MeasureRoles.Casualties);

    [Fact]
    public void ADeathTollAfterAtIsStillTheToll() =>
        MeasuresOf("The death toll stood at 14 on Tuesday, officials said.").ShouldContain(m => m.Role == MeasureRoles.Killed && m.Min == 14);

    [Fact]
    public void ThoseWhoWereKilledAreStillTheToll() =>
        MeasuresOf("The three who were killed had worked at the bank for years.").ShouldContain(m => m.Role == MeasureRoles.Killed && m.Min == 3);

    [Fact]
    public void AHedgedTollIsALowerBoundOfPeopleKilled()
    {
        var m = MeasuresOf("At least 12 people were killed in the blast.").ShouldHaveSingleItem();
        m.Role.ShouldBe(MeasureRoles.Killed);
        m.Counted.ShouldBe("people");
        m.Min.ShouldBe(12);
        m.Max.ShouldBeNull();
    }

    [Fact]
    public void KilledAndInjuredInOneClauseAreTwoRoles()
    {
        var measures = MeasuresOf("The bomb killed 3 people and injured 12 others near the market.");
        measures.Select(m => (m.Role, m.Min)).ShouldBe([(MeasureRoles.Killed, 3.0), (MeasureRoles.Injured, 12.0)]);
    }

    [Fact]
    public void DepthAndDistanceAreDifferentRolesAndMilesBecomeKilometres()
    {
        var depth = MeasuresOf("The quake struck at a depth of 10 km.").ShouldHaveSingleItem();
        depth.Role.ShouldBe(MeasureRoles.Depth);
        depth.Min.ShouldBe(10);

        var distance = MeasuresOf("Its epicentre lay 6 miles from Ridgeton.").ShouldHaveSingleItem();
        distance.Role.ShouldBe(MeasureRoles.Distance);
        distance.Counted.ShouldBe("ridgeton");
        distance.Unit.ShouldBe("km");
        distance.Min!.Value.ShouldBeLessThan(9.66);
        distance.Max!.Value.ShouldBeGreaterThan(9.66);
    }

    [Fact]
    public void AMagnitudeWrittenWithAHyphenIsRead()
    {
        var m = MeasuresOf("A 6.1-magnitude earthquake shook the coast on Sunday.").ShouldHaveSingleItem();
        m.Role.ShouldBe(MeasureRoles.Magnitude);
        m.Min!.Value.ShouldBe(6.05, 1e-9);
        m.Max!.Value.ShouldBe(6.15, 1e-9);
    }

    [Fact]
    public void AtLeastAMagnitudeHasNoCeiling()
    {
        var m = MeasuresOf("An earthquake measuring at least magnitude-5.9 shook the coast on Sunday.").ShouldHaveSingleItem();
        m.Min!.Value.ShouldBe(5.85, 1e-9);
        m.Max.ShouldBeNull();
    }

    [Fact]
    public void ThoseShotAreNotTheDeadCountedAfterTheComma()
    {
        var measures = MeasuresOf("A gunman shot three people, killing two, at the office on Monday.");
        measures.ShouldNotContain(m => m.Role == MeasureRoles.Killed && m.Min == 3);
        measures.ShouldContain(m => m.Role == MeasureRoles.Killed && m.Min == 2);
    }

    [Theory]
    [InlineData("The woman who allegedly shot three co-workers — killing two — at the plant was charged on Friday.")]
    [InlineData("The woman who allegedly shot three co-workers – killing two – at the plant was charged on Friday.")]
    [InlineData("The woman who allegedly shot three co-workers -- killing two -- at the plant was charged on Friday.")]
    public void ADashEndsTheClauseACountBelongsToAsACommaDoes(string text)
    {
        var measures = MeasuresOf(text);
        measures.ShouldNotContain(m => m.Role == MeasureRoles.Killed && m.Min == 3);
        measures.ShouldContain(m => m.Role == MeasureRoles.Killed && m.Min == 2);
    }

    [Fact]
    public void TheWholeAPartIsTakenFromIsNotTheToll()
    {
        MeasuresOf("Local news first said that two of the three victims died.").ShouldNotContain(m => m.Min == 3);
        MeasuresOf("Of the 23 pirates arrested, 12 are from Somalia.").ShouldNotContain(m => m.Min == 12);
    }

    [Theory]
    [InlineData("Tobias Marren, 32, died while climbing.", MeasureRoles.Age, "tobias marren", 32.0)]
    [InlineData("The 31-year-old Englishman Tobias Marren fell.", MeasureRoles.Age, "tobias marren", 31.0)]
    [InlineData("Sixty-year-old Tobias Marren was arrested on Friday.", MeasureRoles.Age, "tobias marren", 60.0)]
    [InlineData("Police said seventy-two-year-old Tobias Marren was arrested.", MeasureRoles.Age, "tobias marren", 72.0)]
    [InlineData("Police arrested Tobias Marren, age 61, on Friday.", MeasureRoles.Age, "tobias marren", 61.0)]
    [InlineData("This morning police charged Tobias Marren, age 61.", MeasureRoles.Age, "tobias marren", 61.0)]
    [InlineData("Tobias Marren, aged 61, was arrested.", MeasureRoles.Age, "tobias marren", 61.0)]
    [InlineData("Lena Corvo, 34, a mother of 12, was shot on the street.", MeasureRoles.Children, "lena corvo", 12.0)]
    [InlineData("The quake struck Harrow island, home to 120,000 people, on Sunday.", MeasureRoles.Population, "harrow", 120000.0)]
    public void FiguresOfANamedHolderAreReadWithTheHolder(string text, string role, string holder, double value)
    {
        var m = MeasuresOf(text).Where(m => m.Role == role).ShouldHaveSingleItem();
        m.Counted.ShouldBe(holder);
        m.Min.ShouldBe(value);
    }

    [Fact]
    public void AHeightFallenIsTheNamedFallersInMetres()
    {
        var m = MeasuresOf("The 32-year-old Englishman Tobias Marren fell about 2,000 feet while climbing.").Where(m => m.Role == MeasureRoles.Fall).ShouldHaveSingleItem();
        m.Counted.ShouldBe("tobias marren");
        m.Unit.ShouldBe("m");
        m.Min!.Value.ShouldBeLessThan(609.6);
        m.Max!.Value.ShouldBeGreaterThan(609.6);
        MeasuresOf("A climber fell 150 metres from the ridge.").ShouldNotContain(x => x.Role == MeasureRoles.Fall);
    }

    [Fact]
    public void ASurnameAloneGivesNoAge() => MeasuresOf("Mr Marren, 32, died while climbing.").ShouldNotContain(m => m.Role == MeasureRoles.Age);

    [Theory]
    [InlineData("No one was killed or injured in the fire.", MeasureRoles.Casualties)]
    [InlineData("Nobody was hurt when the roof fell in.", MeasureRoles.Injured)]
    [InlineData("There were no casualties at all.", MeasureRoles.Casualties)]
    public void SayingNoneWereHarmedIsAFigureOfZero(string text, string role)
    {
        var m = MeasuresOf(text).ShouldHaveSingleItem();
        m.Role.ShouldBe(role);
        m.IsZero.ShouldBeTrue();
    }

    [Theory]
    [InlineData("The handover of the base was bloodless.")]
    [InlineData("The standoff at the bridge ended without bloodshed.")]
    [InlineData("No blood was shed when the guards gave up the depot.")]
    public void SayingNoBloodWasShedIsAFigureOfZeroCasualties(string text)
    {
        var m = MeasuresOf(text).ShouldHaveSingleItem();
        m.Role.ShouldBe(MeasureRoles.Casualties);
        m.IsZero.ShouldBeTrue();
    }

    [Theory]
    [InlineData("The column turned back to avoid bloodshed.")]
    [InlineData("The takeover of the depot was not bloodless.")]
    [InlineData("The takeover of the depot wasn't bloodless.")]
    public void BloodshedAvoidedOrDeniedIsNoFigure(string text) => MeasuresOf(text).ShouldNotContain(m => m.IsZero);

    [Fact]
    public void TheLossOfSoldiersIsACasualtyCountAndTheLossOfAircraftIsNot()
    {
        var m = MeasuresOf("The ambush caused the loss of at least 15 soldiers.").ShouldHaveSingleItem();
        m.Role.ShouldBe(MeasureRoles.Casualties);
        m.Min.ShouldBe(15);
        m.Max.ShouldBeNull();
        MeasuresOf("The squadron reported the loss of 3 aircraft.").ShouldNotContain(x => x.Role == MeasureRoles.Casualties);
    }

    [Theory]
    [InlineData("There were no immediate reports of casualties.")]
    [InlineData("Three crew members were among the dead.")]
    [InlineData("The convoy had 40 trucks and 12 buses.")]
    [InlineData("The offence carries up to 20 years in prison.")]
    public void FiguresWhoseRoleIsUnclearOrPartialGiveNoMeasure(string text) => MeasuresOf(text).ShouldBeEmpty();

    [Fact]
    public void ARangeIsOneMeasureWithBothBounds()
    {
        var m = MeasuresOf("Estimates put the force at between 5,000 and 8,000 fighters.").ShouldHaveSingleItem();
        m.Role.ShouldBe(MeasureRoles.Force);
        (m.Min, m.Max).ShouldBe((5000.0, 8000.0));
    }

    [Fact]
    public void ADeathTollAcrossACopulaIsReadFromItsSubject()
    {
        var m = MeasuresOf("Aircrew deaths on Saturday were probably between 13 and 15.").ShouldHaveSingleItem();
        m.Role.ShouldBe(MeasureRoles.Killed);
        m.Counted.ShouldBe("airmen");
        (m.Min, m.Max).ShouldBe((13.0, 15.0));
    }

    [Fact]
    public void AFigureCarriesTheDateWrittenNextToIt()
    {
        var doc = Some.Analyzed("The founder, whose men marched in June, died when his jet crashed on 23 August 2023, killing all ten people on board.");
        new TimexStage().Process(doc, TestContext.Current.CancellationToken);
        var m = new ClaimAnalyzer().Analyze(doc, TestContext.Current.CancellationToken).SelectMany(c => c.Frame.Measures).ShouldHaveSingleItem();
        m.EventTime.ShouldBe("2023-08-23");
    }

    [Fact]
    public void ShipsAndCrewHeldByCaptorsAreHeldCountsWithTheirHedges()
    {
        var measures = MeasuresOf("The gangs are still holding about a dozen tankers and nearly 200 crewmen in coastal bases.");
        var crew = measures.Where(m => m.Role == MeasureRoles.Held && m.Counted == "crew").ShouldHaveSingleItem();
        crew.Max.ShouldBe(200);
        crew.MaxExclusive.ShouldBeTrue();
    }

    [Fact]
    public void ARoundTotalOverSeveralOperationsIsNoCountOfOneEvent()
    {
        MeasuresOf("In four raids so far the frigate has seized 9 AK-47 rifles and 40 magazines.").ShouldNotContain(m => m.Role == MeasureRoles.Count);
        MeasuresOf("The frigate seized 9 AK-47 rifles from the skiff.").ShouldContain(m => m.Role == MeasureRoles.Count && m.Counted == "ak-47 rifles" && m.Min == 9);
    }

    [Fact]
    public void ShotsNearADeathAreNoToll()
    {
        MeasuresOf("He is accused of firing 11 shots in the death of the teacher.").ShouldNotContain(m => m.Role == MeasureRoles.Killed);
    }

    [Fact]
    public void AMarchSizeIsACrowdOfItsCity()
    {
        var m = MeasuresOf("Organisers said roughly 40,000 people marched in Lyonsville on Tuesday.").Where(x => x.Role == MeasureRoles.Crowd).ShouldHaveSingleItem();
        m.Counted.ShouldBe("lyonsville");
        m.Min.ShouldNotBeNull().ShouldBeLessThan(40_000);
    }

    [Fact]
    public void HowLongAgoSomeoneMarriedIsATimeSinceInDays()
    {
        var m = MeasuresOf("The officer had married about three weeks ago.").Where(x => x.Role == MeasureRoles.Since).ShouldHaveSingleItem();
        m.Counted.ShouldBe("marriage");
        m.Min.ShouldNotBeNull().ShouldBeLessThan(21);
        m.Max.ShouldNotBeNull().ShouldBeGreaterThan(21);
    }

    [Fact]
    public void ARoundStreetBlockCoversTheBlocksItRounds()
    {
        var m = MeasuresOf("Deputies searched the 14000 block of 101st Street overnight.").Where(x => x.Role == MeasureRoles.Block).ShouldHaveSingleItem();
        m.Counted.ShouldBe("101st street");
        (m.Min, m.Max).ShouldBe((14000d, 14999d));
    }

    [Fact]
    public void AWeightInPoundsIsAWeightNotMoney()
    {
        var measures = MeasuresOf("He is 6-foot-1, 180 pounds, with a scar on his chin.");
        measures.ShouldContain(m => m.Role == MeasureRoles.Weight && m.Min == 180);
        measures.ShouldNotContain(m => m.Role == MeasureRoles.Money);
    }

    [Fact]
    public void AGluedHeightFallenIsReadAndAnUnnamedFallerIsKnownByAge()
    {
        var m = MeasuresOf("A 41-year-old hiker died after he slipped and fell about 90m down a gully.").Where(x => x.Role == MeasureRoles.Fall).ShouldHaveSingleItem();
        m.Counted.ShouldBe("aged 41");
        MeasureRoles.IsNamedHolder(m.Role, m.Counted).ShouldBeFalse();
        m.Min.ShouldNotBeNull().ShouldBeGreaterThan(80);
    }

    [Fact]
    public void NearlyAFigureAndMoreThanItCannotBothHoldButNearlyItAndItCan()
    {
        var nearly = new Measure(MeasureRoles.Held, "crew", 255, 300, "items", "nearly 300", new(0, 10)) { MaxExclusive = true };
        var more = new Measure(MeasureRoles.Held, "crew", 300, null, "items", "more than 300", new(20, 33)) { MinExclusive = true };
        var exactly = new Measure(MeasureRoles.Held, "crew", 300, 300, "items", "300", new(40, 43));
        FigureFinder.Overlap(nearly, more).ShouldBeFalse();
        FigureFinder.Overlap(nearly, exactly).ShouldBeTrue();
    }

    [Fact]
    public void ADistanceWithAConversionInBracketsIsStillMeasuredFromItsPlace() =>
        MeasuresOf("The island lies 900 kilometres (560 miles) southeast of Portvale.")
            .ShouldContain(m => m.Role == MeasureRoles.Distance && m.Counted == "portvale" && m.Min == 900);

    [Fact]
    public void ASpellLivingSomewhereIsHowLongTheStayLasted()
    {
        var m = MeasuresOf("She returned home after a four year spell living in Cardiff.").Where(x => x.Role == MeasureRoles.Since).ShouldHaveSingleItem();
        m.Counted.ShouldBe(MeasureRoles.StayCounted);
        m.Min.ShouldBe(4 * 365);
        MeasuresOf("He had been living in South Wales with his mother for the past three years.")
            .ShouldContain(x => x.Role == MeasureRoles.Since && x.Counted == MeasureRoles.StayCounted && x.Min == 3 * 365);
    }

    [Fact]
    public void DoorsAwayIsADistanceFromTheSceneInBuildings()
    {
        var m = MeasuresOf("The gunman fled into an apartment three doors away.").Where(x => x.Role == MeasureRoles.Distance).ShouldHaveSingleItem();
        m.Unit.ShouldBe("buildings");
        m.Min.ShouldBe(3);
        m.Counted.ShouldBe("the scene");
    }
}
