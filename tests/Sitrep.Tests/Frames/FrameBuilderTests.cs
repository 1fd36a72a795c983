using Shouldly;
using Sitrep.Claims.Frames;
using Sitrep.Claims.Text;
using Sitrep.Syntax;

namespace Sitrep.Tests.Frames;

/// <summary>
/// Claim frames read from parses written by hand (word, UPOS, lemma, head, relation), so that the rules are tested
/// apart from the parser and no model is loaded.
/// </summary>
public class FrameBuilderTests
{
    /// <summary>A sentence and its parse, one "form/UPOS/lemma/head/relation[/XPOS]" entry per token (heads 0-based, -1 for the root).</summary>
    private static (SentenceWords Words, ParsedSentence Parse) Parsed(string text, params string[] words)
    {
        var sentence = SentenceWords.Of(text);
        sentence.Count.ShouldBe(words.Length, "one parsed word per token");
        var parsed = words.Select((w, i) =>
        {
            var f = w.Split('/');
            sentence.Original(i).ShouldBe(f[0]);
            var xpos = f.Length > 5 ? f[5] : f[1] == "VERB" ? "VBD" : f[1];
            return new ParsedWord(f[0], f[1], xpos, f[2], int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture), f[4]);
        }).ToArray();
        return (sentence, new ParsedSentence(parsed));
    }

    private static ClaimFrame Build((SentenceWords Words, ParsedSentence Parse) s, Func<Sitrep.Documents.TextRange, bool>? isTime = null) =>
        FrameBuilder.Build(s.Parse, s.Words, 0, s.Words.Count - 1, ClaimFrame.Empty, isTime);

    private static string[] Roles(ClaimFrame frame) => [.. frame.Participants.Select(p => ParticipantRoles.Of(p.Role) + "=" + p.Text)];

    [Fact]
    public void WhenFightersSeizeABuildingInACity_TheFrameHasTheAgentThePatientAndThePlace()
    {
        var frame = Build(Parsed(
            "Wagner fighters seized the headquarters in Rostov.",
            "Wagner/PROPN/Wagner/1/compound", "fighters/NOUN/fighter/2/nsubj", "seized/VERB/seize/-1/root", "the/DET/the/4/det",
            "headquarters/NOUN/headquarters/2/obj", "in/ADP/in/6/case", "Rostov/PROPN/Rostov/2/obl", "./PUNCT/./2/punct"));
        frame.EventClass.ShouldBe("seize");
        frame.Lemma.ShouldBe("seize");
        frame.Trigger.ShouldBe("seized");
        frame.Source.ShouldBe(FrameSources.Parse);
        Roles(frame).ShouldBe(["agent=Wagner fighters", "patient=the headquarters", "location=Rostov"]);
    }

    [Fact]
    public void WhenOfficialsSayThatPeopleDied_TheFrameIsTheReportedClauseAndTheDeadAreItsPatient()
    {
        var frame = Build(Parsed(
            "Officials said 12 people died.",
            "Officials/NOUN/official/1/nsubj", "said/VERB/say/-1/root", "12/NUM/12/3/nummod", "people/NOUN/people/4/nsubj",
            "died/VERB/die/1/ccomp", "./PUNCT/./1/punct"));
        frame.EventClass.ShouldBe("kill");
        frame.Lemma.ShouldBe("die");
        Roles(frame).ShouldBe(["patient=12 people"]);
    }

    [Fact]
    public void WhenAPassiveNamesItsAgentWithBy_TheByPhraseIsTheAgentAndTheSubjectThePatient()
    {
        var frame = Build(Parsed(
            "The convoy was attacked by helicopters.",
            "The/DET/the/1/det", "convoy/NOUN/convoy/3/nsubj:pass", "was/AUX/be/3/aux:pass", "attacked/VERB/attack/-1/root",
            "by/ADP/by/5/case", "helicopters/NOUN/helicopter/3/obl", "./PUNCT/./3/punct"));
        frame.EventClass.ShouldBe("attack");
        Roles(frame).ShouldBe(["patient=The convoy", "agent=helicopters"]);
    }

    [Fact]
    public void WhenAPhraseIsATime_ItIsNotAPlace()
    {
        var s = Parsed(
            "Rebels entered Rostov on Saturday.",
            "Rebels/NOUN/rebel/1/nsubj", "entered/VERB/enter/-1/root", "Rostov/PROPN/Rostov/1/obj", "on/ADP/on/4/case",
            "Saturday/PROPN/Saturday/1/obl", "./PUNCT/./1/punct");
        var frame = Build(s);
        frame.EventClass.ShouldBe("move");
        Roles(frame).ShouldBe(["agent=Rebels", "patient=Rostov"]);
    }

    [Fact]
    public void WhenAnInPhraseIsMarkedAsATimeByTheTimexLayer_ItIsNotAPlace()
    {
        var s = Parsed(
            "Troops arrived in the spring.",
            "Troops/NOUN/troop/1/nsubj", "arrived/VERB/arrive/-1/root", "in/ADP/in/4/case", "the/DET/the/4/det",
            "spring/NOUN/spring/1/obl", "./PUNCT/./1/punct");
        Roles(Build(s)).ShouldBe(["agent=Troops", "location=the spring"]);
        Roles(Build(s, r => r.Start >= s.Words.Tokens[3].Start)).ShouldBe(["agent=Troops"]);
    }

    [Fact]
    public void WhenAVerbOrdersItsObjectToMove_TheObjectIsTheAgentOfTheMove()
    {
        var frame = Build(Parsed(
            "Prigozhin ordered his men to turn back to their camps.",
            "Prigozhin/PROPN/Prigozhin/1/nsubj", "ordered/VERB/order/-1/root", "his/PRON/his/3/nmod:poss", "men/NOUN/man/1/obj",
            "to/PART/to/5/mark", "turn/VERB/turn/1/xcomp", "back/ADV/back/5/advmod", "to/ADP/to/9/case", "their/PRON/their/9/nmod:poss",
            "camps/NOUN/camp/5/obl", "./PUNCT/./1/punct"));
        frame.EventClass.ShouldBe("move");
        frame.Lemma.ShouldBe("turn");
        Roles(frame).ShouldBe(["agent=his men", "location=their camps"]);
    }

    [Fact]
    public void WhenTheRecipientIsAToPhrase_ItIsTheRecipient()
    {
        var frame = Build(Parsed(
            "Lukashenko passed the offer to Prigozhin.",
            "Lukashenko/PROPN/Lukashenko/1/nsubj", "passed/VERB/pass/-1/root", "the/DET/the/3/det", "offer/NOUN/offer/1/obj",
            "to/ADP/to/5/case", "Prigozhin/PROPN/Prigozhin/1/obl", "./PUNCT/./1/punct"));
        frame.EventClass.ShouldBeNull();
        frame.Lemma.ShouldBe("pass");
        Roles(frame).ShouldBe(["agent=Lukashenko", "patient=the offer", "recipient=Prigozhin"]);
    }

    [Fact]
    public void WhenProsecutorsDropTheCharges_TheClassIsDropCharges()
    {
        var frame = Build(Parsed(
            "Prosecutors dropped the charges.",
            "Prosecutors/NOUN/prosecutor/1/nsubj", "dropped/VERB/drop/-1/root", "the/DET/the/3/det", "charges/NOUN/charge/1/obj", "./PUNCT/./1/punct"));
        frame.EventClass.ShouldBe("drop-charges");
    }

    [Fact]
    public void WhenAQuakeStrikesARegion_TheClassIsEarthquakeNotAttack()
    {
        var frame = Build(Parsed(
            "A quake struck the province.",
            "A/DET/a/1/det", "quake/NOUN/quake/2/nsubj", "struck/VERB/strike/-1/root", "the/DET/the/4/det", "province/NOUN/province/2/obj", "./PUNCT/./2/punct"));
        frame.EventClass.ShouldBe("earthquake");
    }

    [Fact]
    public void WhenTheParserReadsAClauseAsANounWithAReducedRelative_TheVerbIsStillThePredicate()
    {
        var frame = Build(Parsed(
            "The column advanced towards Moscow.",
            "The/DET/the/1/det", "column/NOUN/column/-1/root", "advanced/VERB/advance/1/acl", "towards/ADP/towards/4/case",
            "Moscow/PROPN/Moscow/2/obl", "./PUNCT/./1/punct"));
        frame.EventClass.ShouldBe("move");
        frame.Lemma.ShouldBe("advance");
        Roles(frame).ShouldBe(["agent=The column", "location=Moscow"]);
    }

    [Fact]
    public void WhenAVerbHasNoClass_TheFirstTriggerWordAfterItIsNotItsClass()
    {
        var s = Parsed(
            "Belarus offered a haven after the talks.",
            "Belarus/PROPN/Belarus/1/nsubj", "offered/VERB/offer/-1/root", "a/DET/a/3/det", "haven/NOUN/haven/1/obj", "after/ADP/after/6/case",
            "the/DET/the/6/det", "talks/NOUN/talk/1/obl", "./PUNCT/./1/punct");
        var words = new ClaimFrame("negotiate", "talks", []);
        FrameBuilder.Build(s.Parse, s.Words, 0, s.Words.Count - 1, words).EventClass.ShouldBeNull();
    }

    [Fact]
    public void WhenTheParseDoesNotMatchTheTokens_TheWordFrameStands()
    {
        var s = Parsed("Troops left.", "Troops/NOUN/troop/1/nsubj", "left/VERB/leave/-1/root", "./PUNCT/./1/punct");
        var fallback = new ClaimFrame("move", "left", []);
        FrameBuilder.Build(ParsedSentence.Empty, s.Words, 0, 2, fallback).ShouldBeSameAs(fallback);
    }

    [Fact]
    public void EveryParticipantSpanIsTheTextItNames()
    {
        const string text = "Wagner fighters seized the headquarters in Rostov.";
        var frame = Build(Parsed(
            text,
            "Wagner/PROPN/Wagner/1/compound", "fighters/NOUN/fighter/2/nsubj", "seized/VERB/seize/-1/root", "the/DET/the/4/det",
            "headquarters/NOUN/headquarters/2/obj", "in/ADP/in/6/case", "Rostov/PROPN/Rostov/2/obl", "./PUNCT/./2/punct"));
        foreach (var p in frame.Participants)
        {
            text[p.Range.Start..p.Range.End].ShouldBe(p.Text);
            p.Range.Start.ShouldBeLessThanOrEqualTo(p.Head.Start);
            p.Head.End.ShouldBeLessThanOrEqualTo(p.Range.End);
        }

        text[frame.Predicate!.Value.Start..frame.Predicate.Value.End].ShouldBe("seized");
    }

    private static Measure Occasion(ClaimFrame frame) => frame.Measures.Where(m => m.Role == MeasureRoles.Occasions).ShouldHaveSingleItem();

    [Fact]
    public void TwoReportsOfHowOftenANamedPersonMarriedAreReadAsOneCountWithTwoValues()
    {
        var twice = Occasion(Build(Parsed(
            "Ortiz married twice.",
            "Ortiz/PROPN/Ortiz/1/nsubj", "married/VERB/marry/-1/root", "twice/ADV/twice/1/advmod", "./PUNCT/./1/punct")));
        var thrice = Occasion(Build(Parsed(
            "Lena Ortiz was married three times.",
            "Lena/PROPN/Lena/3/nsubj:pass", "Ortiz/PROPN/Ortiz/0/flat", "was/AUX/be/3/aux:pass", "married/VERB/marry/-1/root",
            "three/NUM/three/5/nummod", "times/NOUN/time/3/obl:npmod", "./PUNCT/./3/punct")));

        twice.Counted.ShouldBe("ortiz marry");
        thrice.Counted.ShouldBe(twice.Counted);
        (twice.Min, twice.Max).ShouldBe((2, 2));
        (thrice.Min, thrice.Max).ShouldBe((3, 3));
        thrice.Text.ShouldBe("three times");
    }

    [Fact]
    public void ASurnameTheTaggerReadsAsACommonNounIsStillTheHolderButACommonNounWithItsDeterminerIsNot()
    {
        Occasion(Build(Parsed(
            "Hunt married twice.",
            "Hunt/NOUN/hunt/1/nsubj/NN", "married/VERB/marry/-1/root", "twice/ADV/twice/1/advmod", "./PUNCT/./1/punct"))).Counted.ShouldBe("hunt marry");
        Build(Parsed(
            "The Board met twice.",
            "The/DET/the/1/det", "Board/NOUN/board/2/nsubj/NN", "met/VERB/meet/-1/root", "twice/ADV/twice/2/advmod", "./PUNCT/./2/punct"))
            .Measures.ShouldNotContain(m => m.Role == MeasureRoles.Occasions);
        Build(Parsed(
            "Sunday a player was stopped for the second time.",
            "Sunday/PROPN/Sunday/4/nsubj:pass", "a/DET/a/2/det", "player/NOUN/player/4/nsubj:pass", "was/AUX/be/4/aux:pass", "stopped/VERB/stop/-1/root",
            "for/ADP/for/8/case", "the/DET/the/8/det", "second/ADJ/second/8/amod", "time/NOUN/time/4/obl", "./PUNCT/./4/punct"))
            .Measures.ShouldNotContain(m => m.Role == MeasureRoles.Occasions);
    }

    [Fact]
    public void ForTheFifthTimeCountsTheOccasionsOfTheVerbAndItsObject()
    {
        var fifth = Occasion(Build(Parsed(
            "Varga kept the title for the fifth time.",
            "Varga/PROPN/Varga/1/nsubj", "kept/VERB/keep/-1/root", "the/DET/the/3/det", "title/NOUN/title/1/obj", "for/ADP/for/7/case",
            "the/DET/the/7/det", "fifth/ADJ/fifth/7/amod", "time/NOUN/time/1/obl", "./PUNCT/./1/punct")));
        fifth.Counted.ShouldBe("varga keep title");
        (fifth.Min, fifth.Max).ShouldBe((5, 5));
    }

    [Fact]
    public void AnotherVerbAPronounARateOrAMultiplierIsNoCountOfTheSameOccasions()
    {
        // Divorced three times is another count than married twice: the lemma is part of what is counted.
        Occasion(Build(Parsed(
            "Ortiz was divorced three times.",
            "Ortiz/PROPN/Ortiz/2/nsubj:pass", "was/AUX/be/2/aux:pass", "divorced/VERB/divorce/-1/root", "three/NUM/three/4/nummod",
            "times/NOUN/time/2/obl:npmod", "./PUNCT/./2/punct"))).Counted.ShouldBe("ortiz divorce");
        Build(Parsed(
            "She married twice.",
            "She/PRON/she/1/nsubj", "married/VERB/marry/-1/root", "twice/ADV/twice/1/advmod", "./PUNCT/./1/punct"))
            .Measures.ShouldNotContain(m => m.Role == MeasureRoles.Occasions);
        Build(Parsed(
            "Ortiz trains twice a week.",
            "Ortiz/PROPN/Ortiz/1/nsubj", "trains/VERB/train/-1/root", "twice/ADV/twice/1/advmod", "a/DET/a/4/det", "week/NOUN/week/1/obl:npmod",
            "./PUNCT/./1/punct")).Measures.ShouldNotContain(m => m.Role == MeasureRoles.Occasions);
        Build(Parsed(
            "Ortiz earns three times the wage.",
            "Ortiz/PROPN/Ortiz/1/nsubj", "earns/VERB/earn/-1/root", "three/NUM/three/3/nummod", "times/NOUN/time/5/nmod:npmod", "the/DET/the/5/det",
            "wage/NOUN/wage/1/obj", "./PUNCT/./1/punct")).Measures.ShouldNotContain(m => m.Role == MeasureRoles.Occasions);
        Build(Parsed(
            "Ortiz never married twice.",
            "Ortiz/PROPN/Ortiz/2/nsubj", "never/ADV/never/2/advmod", "married/VERB/marry/-1/root", "twice/ADV/twice/2/advmod", "./PUNCT/./2/punct"))
            .Measures.ShouldNotContain(m => m.Role == MeasureRoles.Occasions);
    }

    [Fact]
    public void AtLeastThreeTimesIsALowerBound()
    {
        var bound = Occasion(Build(Parsed(
            "Ortiz was jailed at least three times.",
            "Ortiz/PROPN/Ortiz/2/nsubj:pass", "was/AUX/be/2/aux:pass", "jailed/VERB/jail/-1/root", "at/ADP/at/4/case", "least/ADJ/least/5/nmod",
            "three/NUM/three/6/nummod", "times/NOUN/time/2/obl:npmod", "./PUNCT/./2/punct")));
        bound.Min.ShouldBe(3);
        bound.Max.ShouldBeNull();
        bound.Text.ShouldBe("at least three times");
    }

    [Fact]
    public void ACountOfOccasionsIsKeptWhenAnotherConjunctIsNegatedAndDroppedWhenTheClaimAroundItIs()
    {
        // "… but had no children" negates its own conjunct, not the count; "it is not true that …" negates the count.
        Occasion(Build(Parsed(
            "Ortiz was married three times but had no children.",
            "Ortiz/PROPN/Ortiz/2/nsubj:pass", "was/AUX/be/2/aux:pass", "married/VERB/marry/-1/root", "three/NUM/three/4/nummod",
            "times/NOUN/time/2/obl:npmod", "but/CCONJ/but/6/cc", "had/VERB/have/2/conj", "no/DET/no/8/det", "children/NOUN/child/6/obj",
            "./PUNCT/./2/punct"))).Min.ShouldBe(3);
        Build(Parsed(
            "It is not true that Ortiz married twice.",
            "It/PRON/it/3/nsubj", "is/AUX/be/3/cop", "not/PART/not/3/advmod", "true/ADJ/true/-1/root", "that/SCONJ/that/6/mark",
            "Ortiz/PROPN/Ortiz/6/nsubj", "married/VERB/marry/3/ccomp", "twice/ADV/twice/6/advmod", "./PUNCT/./3/punct"))
            .Measures.ShouldNotContain(m => m.Role == MeasureRoles.Occasions);
    }

    private static Measure Rank(ClaimFrame frame) => frame.Measures.Where(m => m.Role == MeasureRoles.Rank).ShouldHaveSingleItem();

    [Fact]
    public void TwoReportsOfANamedCoachsPlaceInOneSequenceAreOneRankWithTwoValues()
    {
        // The words that name the kind ("head", "club") differ between reports of one rank.
        var fourth = Rank(Build(Parsed(
            "Varga is the fourth head coach of the club.",
            "Varga/PROPN/Varga/5/nsubj", "is/AUX/be/5/cop", "the/DET/the/5/det", "fourth/ADJ/fourth/5/amod", "head/NOUN/head/5/compound",
            "coach/NOUN/coach/-1/root", "of/ADP/of/8/case", "the/DET/the/8/det", "club/NOUN/club/5/nmod", "./PUNCT/./5/punct")));
        var fifth = Rank(Build(Parsed(
            "Varga will be the fifth club coach.",
            "Varga/PROPN/Varga/6/nsubj", "will/AUX/will/6/aux", "be/AUX/be/6/cop", "the/DET/the/6/det", "fifth/ADJ/fifth/6/amod",
            "club/NOUN/club/6/compound", "coach/NOUN/coach/-1/root", "./PUNCT/./6/punct")));

        fourth.Counted.ShouldBe("varga coach");
        fifth.Counted.ShouldBe(fourth.Counted);
        (fourth.Min, fourth.Max).ShouldBe((4, 4));
        (fifth.Min, fifth.Max).ShouldBe((5, 5));
        fifth.Text.ShouldBe("fifth club coach");
    }

    [Fact]
    public void ARankWithItsOwnClauseIsKeyedOnThatClauseAndBecomePlacesItsSubject()
    {
        var chair = Rank(Build(Parsed(
            "Lena Ortiz became the third woman to chair the panel.",
            "Lena/PROPN/Lena/2/nsubj", "Ortiz/PROPN/Ortiz/0/flat", "became/VERB/become/-1/root", "the/DET/the/5/det", "third/ADJ/third/5/amod",
            "woman/NOUN/woman/2/xcomp", "to/PART/to/7/mark", "chair/VERB/chair/5/acl", "the/DET/the/9/det", "panel/NOUN/panel/7/obj",
            "./PUNCT/./2/punct")));
        var sit = Rank(Build(Parsed(
            "Ortiz is the fourth woman to sit on the panel.",
            "Ortiz/PROPN/Ortiz/4/nsubj", "is/AUX/be/4/cop", "the/DET/the/4/det", "fourth/ADJ/fourth/4/amod", "woman/NOUN/woman/-1/root",
            "to/PART/to/6/mark", "sit/VERB/sit/4/acl", "on/ADP/on/9/case", "the/DET/the/9/det", "panel/NOUN/panel/6/obl", "./PUNCT/./4/punct")));

        chair.Counted.ShouldBe("ortiz woman chair");
        sit.Counted.ShouldBe("ortiz woman sit");
    }

    [Fact]
    public void TwoRanksInSequencesOfDifferentWindowsInTimeHaveTwoKeys()
    {
        // "The fifth this season" and "the second in two days" both hold; "since 2003" and "in four years" are not known to be one window.
        var season = Rank(Build(Parsed(
            "Varga is the fifth back to go on the list this season.",
            "Varga/PROPN/Varga/4/nsubj", "is/AUX/be/4/cop", "the/DET/the/4/det", "fifth/ADJ/fifth/4/amod", "back/NOUN/back/-1/root",
            "to/PART/to/6/mark", "go/VERB/go/4/acl", "on/ADP/on/9/case", "the/DET/the/9/det", "list/NOUN/list/6/obl", "this/DET/this/11/det",
            "season/NOUN/season/6/obl:tmod", "./PUNCT/./4/punct")));
        var days = Rank(Build(Parsed(
            "Varga is the second back to go on the list in two days.",
            "Varga/PROPN/Varga/4/nsubj", "is/AUX/be/4/cop", "the/DET/the/4/det", "second/ADJ/second/4/amod", "back/NOUN/back/-1/root",
            "to/PART/to/6/mark", "go/VERB/go/4/acl", "on/ADP/on/9/case", "the/DET/the/9/det", "list/NOUN/list/6/obl", "in/ADP/in/12/case",
            "two/NUM/two/12/nummod", "days/NOUN/day/6/obl", "./PUNCT/./4/punct")));
        var since = Rank(Build(Parsed(
            "Varga is the fourth coach since 2003.",
            "Varga/PROPN/Varga/4/nsubj", "is/AUX/be/4/cop", "the/DET/the/4/det", "fourth/ADJ/fourth/4/amod", "coach/NOUN/coach/-1/root",
            "since/ADP/since/6/case", "2003/NUM/2003/4/obl", "./PUNCT/./4/punct")));
        var years = Rank(Build(Parsed(
            "Varga is the fifth coach in four years.",
            "Varga/PROPN/Varga/4/nsubj", "is/AUX/be/4/cop", "the/DET/the/4/det", "fifth/ADJ/fifth/4/amod", "coach/NOUN/coach/-1/root",
            "in/ADP/in/7/case", "four/NUM/four/7/nummod", "years/NOUN/year/4/obl", "./PUNCT/./4/punct")));

        season.Counted.ShouldBe("varga back go (season)");
        days.Counted.ShouldBe("varga back go (day)");
        since.Counted.ShouldBe("varga coach (since)");
        years.Counted.ShouldBe("varga coach (year)");
    }

    [Fact]
    public void AnOrdinalOnACeremonyAPossessedNounASuperlativeAPronounOrANegatedPredicateGivesNoRank()
    {
        // Two ceremonies of different years ("the 81st", "the 80th") are the tempting pair: an ordinal that names which
        // ceremony is no rank of a holder.
        Build(Parsed(
            "Varga will host the 81st Academy Awards.",
            "Varga/PROPN/Varga/2/nsubj", "will/AUX/will/2/aux", "host/VERB/host/-1/root", "the/DET/the/6/det", "81st/ADJ/81st/6/amod",
            "Academy/PROPN/Academy/6/compound", "Awards/PROPN/Awards/2/obj", "./PUNCT/./2/punct"))
            .Measures.ShouldNotContain(m => m.Role == MeasureRoles.Rank);
        Build(Parsed(
            "The show was the 80th ceremony.",
            "The/DET/the/1/det", "show/NOUN/show/5/nsubj", "was/AUX/be/5/cop", "the/DET/the/5/det", "80th/ADJ/80th/5/amod",
            "ceremony/NOUN/ceremony/-1/root", "./PUNCT/./5/punct"))
            .Measures.ShouldNotContain(m => m.Role == MeasureRoles.Rank);
        Build(Parsed(
            "Varga won his fourth title.",
            "Varga/PROPN/Varga/1/nsubj", "won/VERB/win/-1/root", "his/PRON/he/4/nmod:poss", "fourth/ADJ/fourth/4/amod", "title/NOUN/title/1/obj",
            "./PUNCT/./1/punct"))
            .Measures.ShouldNotContain(m => m.Role == MeasureRoles.Rank);
        Build(Parsed(
            "Varga is the fourth highest scorer.",
            "Varga/PROPN/Varga/5/nsubj", "is/AUX/be/5/cop", "the/DET/the/5/det", "fourth/ADJ/fourth/5/amod", "highest/ADJ/high/5/amod/JJS",
            "scorer/NOUN/scorer/-1/root", "./PUNCT/./5/punct"))
            .Measures.ShouldNotContain(m => m.Role == MeasureRoles.Rank);
        Build(Parsed(
            "He is the fourth head coach.",
            "He/PRON/he/5/nsubj", "is/AUX/be/5/cop", "the/DET/the/5/det", "fourth/ADJ/fourth/5/amod", "head/NOUN/head/5/compound",
            "coach/NOUN/coach/-1/root", "./PUNCT/./5/punct"))
            .Measures.ShouldNotContain(m => m.Role == MeasureRoles.Rank);
        Build(Parsed(
            "Varga is not the fourth coach.",
            "Varga/PROPN/Varga/5/nsubj", "is/AUX/be/5/cop", "not/PART/not/5/advmod", "the/DET/the/5/det", "fourth/ADJ/fourth/5/amod",
            "coach/NOUN/coach/-1/root", "./PUNCT/./5/punct"))
            .Measures.ShouldNotContain(m => m.Role == MeasureRoles.Rank);
    }

    private static Measure Clock(ClaimFrame frame) => frame.Measures.Where(m => m.Role == MeasureRoles.Clock).ShouldHaveSingleItem();

    [Fact]
    public void TwoClockTimesOfOneQuakeAreOneKeyAndAboutTenCannotBeTwentyToTen()
    {
        var exact = Clock(Build(Parsed(
            "The quake struck at 9:40 a.m. local time.",
            "The/DET/the/1/det", "quake/NOUN/quake/2/nsubj", "struck/VERB/strike/-1/root", "at/ADP/at/5/case", "9:40/NUM/9:40/5/nummod",
            "a.m./NOUN/a.m./2/obl", "local/ADJ/local/7/amod", "time/NOUN/time/5/nmod:npmod", "./PUNCT/./2/punct")));
        var about = Clock(Build(Parsed(
            "The earthquake hit about 10 a.m.",
            "The/DET/the/1/det", "earthquake/NOUN/earthquake/2/nsubj", "hit/VERB/hit/-1/root", "about/ADV/about/4/advmod", "10/NUM/10/5/nummod",
            "a.m./NOUN/a.m./2/obl:tmod")));

        exact.Counted.ShouldBe(about.Counted);
        (exact.Min, exact.Max).ShouldBe((578, 582)); // "9:40" is written to five minutes
        (about.Min, about.Max).ShouldBe((585, 615)); // a quarter of an hour either side of a round hour
        about.Text.ShouldBe("about 10 a.m.");
    }

    [Fact]
    public void AboutTenAndFiveToTenFitAndALocalTimeIsNeverSetAgainstAGmtTime()
    {
        var near = Clock(Build(Parsed(
            "The earthquake hit at 9:55 a.m. on Monday.",
            "The/DET/the/1/det", "earthquake/NOUN/earthquake/2/nsubj", "hit/VERB/hit/-1/root", "at/ADP/at/5/case", "9:55/NUM/9:55/5/nummod",
            "a.m./NOUN/a.m./2/obl", "on/ADP/on/7/case", "Monday/PROPN/Monday/2/obl", "./PUNCT/./2/punct")));
        (near.Min, near.Max).ShouldBe((593, 597)); // inside 9:45–10:15: no dispute with "about 10 a.m."

        var gmt = Clock(Build(Parsed(
            "The quake struck at 0140 GMT.",
            "The/DET/the/1/det", "quake/NOUN/quake/2/nsubj", "struck/VERB/strike/-1/root", "at/ADP/at/4/case", "0140/NUM/0140/2/obl",
            "GMT/PROPN/GMT/4/flat", "./PUNCT/./2/punct")));
        (gmt.Min, gmt.Max).ShouldBe((100, 100));
        gmt.Counted.ShouldNotBe(near.Counted);
        gmt.Counted.ShouldEndWith("(GMT)");
    }

    [Fact]
    public void APronounAStatementASpanOrANegatedVerbGivesNoClockTime()
    {
        Build(Parsed(
            "It struck at 9:40 a.m. local time.",
            "It/PRON/it/1/nsubj", "struck/VERB/strike/-1/root", "at/ADP/at/4/case", "9:40/NUM/9:40/4/nummod", "a.m./NOUN/a.m./1/obl",
            "local/ADJ/local/6/amod", "time/NOUN/time/4/nmod:npmod", "./PUNCT/./1/punct")).Measures.ShouldNotContain(m => m.Role == MeasureRoles.Clock);
        Build(Parsed(
            "The ministry said at 10 a.m. that two died.",
            "The/DET/the/1/det", "ministry/NOUN/ministry/2/nsubj", "said/VERB/say/-1/root", "at/ADP/at/5/case", "10/NUM/10/5/nummod",
            "a.m./NOUN/a.m./2/obl", "that/SCONJ/that/9/mark", "two/NUM/two/9/nsubj", "died/VERB/die/2/ccomp", "./PUNCT/./2/punct"))
            .Measures.ShouldNotContain(m => m.Role == MeasureRoles.Clock);
        Build(Parsed(
            "The gunman fired between 9 and 10 a.m. today.",
            "The/DET/the/1/det", "gunman/NOUN/gunman/2/nsubj", "fired/VERB/fire/-1/root", "between/ADP/between/4/case", "9/NUM/9/2/obl",
            "and/CCONJ/and/6/cc", "10/NUM/10/7/nummod", "a.m./NOUN/a.m./4/conj", "today/NOUN/today/2/obl:tmod", "./PUNCT/./2/punct"))
            .Measures.ShouldNotContain(m => m.Role == MeasureRoles.Clock);
        Build(Parsed(
            "The gunman did not fire at 10 a.m. today.",
            "The/DET/the/1/det", "gunman/NOUN/gunman/4/nsubj", "did/AUX/do/4/aux", "not/PART/not/4/advmod", "fire/VERB/fire/-1/root",
            "at/ADP/at/7/case", "10/NUM/10/7/nummod", "a.m./NOUN/a.m./4/obl", "today/NOUN/today/4/obl:tmod", "./PUNCT/./4/punct"))
            .Measures.ShouldNotContain(m => m.Role == MeasureRoles.Clock);
    }

    private static ClaimFrame WithWordMeasures((SentenceWords Words, ParsedSentence Parse) s) =>
        FrameBuilder.Build(s.Parse, s.Words, 0, s.Words.Count - 1, ClaimFrame.Empty with
        {
            Measures = [.. PrisonTermReader.Read(s.Words, 0, s.Words.Count - 1).Concat(AttributeReader.Read(s.Words, 0, s.Words.Count - 1))],
        });

    [Fact]
    public void APrisonTermIsHeldByTheNamedSubjectOfItsClauseOrOfTheClauseAbove()
    {
        // An obituary gives the sentence of the man its subject was convicted with: "while serving" has no subject of its own.
        var other = WithWordMeasures(Parsed(
            "Genovese ran the family while serving a sentence of 15 years.",
            "Genovese/PROPN/Genovese/1/nsubj", "ran/VERB/run/-1/root", "the/DET/the/3/det", "family/NOUN/family/1/obj", "while/SCONJ/while/5/mark",
            "serving/VERB/serve/1/advcl", "a/DET/a/7/det", "sentence/NOUN/sentence/5/obj", "of/ADP/of/10/case", "15/NUM/15/10/nummod",
            "years/NOUN/year/7/nmod", "./PUNCT/./1/punct"))
            .Measures.Where(m => m.Role == MeasureRoles.Term).ShouldHaveSingleItem();
        other.Holder.ShouldBe("genovese");

        var named = WithWordMeasures(Parsed(
            "Gigante was sentenced to 12 years in prison.",
            "Gigante/PROPN/Gigante/2/nsubj:pass", "was/AUX/be/2/aux:pass", "sentenced/VERB/sentence/-1/root", "to/ADP/to/5/case", "12/NUM/12/5/nummod",
            "years/NOUN/year/2/obl", "in/ADP/in/7/case", "prison/NOUN/prison/2/obl", "./PUNCT/./2/punct"))
            .Measures.Where(m => m.Role == MeasureRoles.Term).ShouldHaveSingleItem();
        named.Holder.ShouldBe("gigante");

        // A pronoun leaves the holder to the story.
        var pronoun = WithWordMeasures(Parsed(
            "He was sentenced to 12 years in prison.",
            "He/PRON/he/2/nsubj:pass", "was/AUX/be/2/aux:pass", "sentenced/VERB/sentence/-1/root", "to/ADP/to/5/case", "12/NUM/12/5/nummod",
            "years/NOUN/year/2/obl", "in/ADP/in/7/case", "prison/NOUN/prison/2/obl", "./PUNCT/./2/punct"))
            .Measures.Where(m => m.Role == MeasureRoles.Term).ShouldHaveSingleItem();
        pronoun.Holder.ShouldBeNull();
    }

    [Fact]
    public void AnAgeIsUndatedByAYearThatDatesAnotherActButDatedByOneOfItsOwnClause()
    {
        var now = WithWordMeasures(Parsed(
            "Lena Ortiz, 60, is now accused of killing two women in 1967.",
            "Lena/PROPN/Lena/7/nsubj:pass", "Ortiz/PROPN/Ortiz/0/flat", ",/PUNCT/,/3/punct", "60/NUM/60/0/appos", ",/PUNCT/,/3/punct",
            "is/AUX/be/7/aux:pass", "now/ADV/now/7/advmod", "accused/VERB/accuse/-1/root", "of/SCONJ/of/9/mark", "killing/VERB/kill/7/advcl",
            "two/NUM/two/11/nummod", "women/NOUN/woman/9/obj", "in/ADP/in/13/case", "1967/NUM/1967/9/obl", "./PUNCT/./7/punct"))
            .Measures.Where(m => m.Role == MeasureRoles.Age).ShouldHaveSingleItem();
        now.Counted.ShouldBe("lena ortiz");
        now.Undated.ShouldBeTrue();

        var then = WithWordMeasures(Parsed(
            "Lena Ortiz, 60, was accused in 1967 of killing two women.",
            "Lena/PROPN/Lena/6/nsubj:pass", "Ortiz/PROPN/Ortiz/0/flat", ",/PUNCT/,/3/punct", "60/NUM/60/0/appos", ",/PUNCT/,/3/punct",
            "was/AUX/be/6/aux:pass", "accused/VERB/accuse/-1/root", "in/ADP/in/8/case", "1967/NUM/1967/6/obl", "of/SCONJ/of/10/mark",
            "killing/VERB/kill/6/advcl", "two/NUM/two/12/nummod", "women/NOUN/woman/10/obj", "./PUNCT/./6/punct"))
            .Measures.Where(m => m.Role == MeasureRoles.Age).ShouldHaveSingleItem();
        then.Undated.ShouldBeFalse();

        // The parser reads an unknown "Sixty-year-old" as punctuation hung from the verb: the name after it holds the age.
        var spelled = WithWordMeasures(Parsed(
            "Sixty-year-old Lena Ortiz is now accused of killing two women in 1967.",
            "Sixty-year-old/PUNCT/sixty-year-old/5/punct", "Lena/PROPN/Lena/2/compound", "Ortiz/PROPN/Ortiz/5/nsubj:pass", "is/AUX/be/5/aux:pass",
            "now/ADV/now/5/advmod", "accused/VERB/accuse/-1/root", "of/SCONJ/of/7/mark", "killing/VERB/kill/5/advcl", "two/NUM/two/9/nummod",
            "women/NOUN/woman/7/obj", "in/ADP/in/11/case", "1967/NUM/1967/7/obl", "./PUNCT/./5/punct"))
            .Measures.Where(m => m.Role == MeasureRoles.Age).ShouldHaveSingleItem();
        spelled.Min.ShouldBe(60);
        spelled.Undated.ShouldBeTrue();
    }
}
