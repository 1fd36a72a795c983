using Shouldly;
using Sitrep.Corroboration.Alignment;
using Sitrep.Corroboration.Propositions;
using Sitrep.Time.Timeline;

namespace Sitrep.Tests.Corroboration;

/// <summary>Claims of different sources that tell one event in different words join one proposition, and only those.</summary>
public sealed class MeaningAlignmentTests
{
    private static readonly (string Id, string Name) Mediator = ("ent-mediator", "Ivan Mediator");
    private static readonly (string Id, string Name) Rebel = ("ent-rebel", "Rebel Chief");

    [Fact]
    public void TwoSourcesTellingOneTalkInOtherWordsJoinWithTheirReason()
    {
        var items = new[]
        {
            Item("a.txt", "outlet:a", "Talks were held between the mediator and the rebel chief on Saturday.", "negotiate", true, Mediator, Rebel),
            Item("b.txt", "outlet:b", "The mediator brokered an agreement with the rebel commander that evening.", "negotiate", true, Mediator),
        };

        var result = Join(items, new FakeMeaning(0.9f));

        result.Groups.Count.ShouldBe(1);
        result.Groups[0].Members.ShouldBe([0, 1], ignoreOrder: true);
        result.Reasons[0].ShouldContain("negotiate event about Ivan Mediator");
        result.Reasons[0].ShouldContain("same event 0.90");
    }

    [Fact]
    public void ClaimsWithNoParticipantInCommonStayApart()
    {
        var items = new[]
        {
            Item("a.txt", "outlet:a", "Talks were held between the mediator and the rebel chief on Saturday.", "negotiate", true, Mediator),
            Item("b.txt", "outlet:b", "The rebel commander agreed terms with the army that evening.", "negotiate", true, Rebel),
        };

        Join(items, new FakeMeaning(0.99f)).Groups.Count.ShouldBe(2);
    }

    [Fact]
    public void DifferentEventClassesStayApartHoweverCloseTheirMeaning()
    {
        var items = new[]
        {
            Item("a.txt", "outlet:a", "The mediator negotiated with the rebel chief near the border.", "negotiate", true, Mediator),
            Item("b.txt", "outlet:b", "Rebels killed the mediator's driver near the border.", "kill", true, Mediator),
        };

        Join(items, new FakeMeaning(0.99f)).Groups.Count.ShouldBe(2);
    }

    [Fact]
    public void OneSourceNeverCorroboratesItself()
    {
        var items = new[]
        {
            Item("a.txt", "holder:mediator", "The mediator says he negotiated with the rebel chief for hours.", "negotiate", true, Mediator),
            Item("b.txt", "holder:mediator", "The mediator says the talks with the rebel chief went on all day.", "negotiate", true, Mediator),
        };

        Join(items, new FakeMeaning(0.99f)).Groups.Count.ShouldBe(2);
    }

    [Fact]
    public void ALowSameEventReadingKeepsCloseSentencesApart()
    {
        var items = new[]
        {
            Item("a.txt", "outlet:a", "Talks were held between the mediator and the rebel chief on Saturday.", "negotiate", true, Mediator),
            Item("b.txt", "outlet:b", "The mediator brokered an agreement with the rebel commander that evening.", "negotiate", true, Mediator),
        };

        Join(items, new FakeMeaning(0.4f)).Groups.Count.ShouldBe(2);
    }

    [Fact]
    public void OneEventAssertedAndDeniedIsNotJoinedButOffered()
    {
        var items = new[]
        {
            Item("a.txt", "outlet:a", "Helicopters sent against the column attacked the mediator's convoy.", "attack", true, Mediator),
            Item("b.txt", "outlet:b", "The helicopters never attacked the mediator's convoy at all.", "attack", false, Mediator),
        };

        var result = Join(items, new FakeMeaning(0.9f));

        result.Groups.Count.ShouldBe(2);
        result.Opposed.ShouldHaveSingleItem().Shared.ShouldBe(["Ivan Mediator"]);
    }

    [Fact]
    public void QuestionsAndBareStatementsNeverJoin()
    {
        var items = new[]
        {
            Item("a.txt", "outlet:a", "Did the mediator negotiate with the rebel chief on Saturday?", "negotiate", true, Mediator),
            Item("b.txt", "outlet:b", "The mediator said a great many things about the rebel chief.", "state", true, Mediator),
            Item("c.txt", "outlet:c", "The mediator negotiated with the rebel chief on Saturday.", "negotiate", true, Mediator),
        };

        Join(items, new FakeMeaning(0.99f)).Groups.Count.ShouldBe(3);
    }

    [Fact]
    public void APlanAndWhatLaterHappenedAreTwoEvents()
    {
        var items = new[]
        {
            Item("a.txt", "outlet:a", "Under the agreement the rebel chief was to move to the mediator's capital.", "move", true, Mediator),
            Item("b.txt", "outlet:b", "Since then the rebel chief has moved between the mediator's capital and the coast.", "move", true, Mediator),
        };

        Join(items, new FakeMeaning(0.99f)).Groups.Count.ShouldBe(2);
        MeaningAlignment.IsPlan("The case will be dropped.").ShouldBeTrue();
        MeaningAlignment.IsPlan("The case was dropped.").ShouldBeFalse();
    }

    [Fact]
    public void AWouldAfterThePredicateTellsTheTermsOfWhatHappenedNotAPlan()
    {
        var items = new[]
        {
            Item("a.txt", "outlet:a", "Talks were held between the mediator and the rebel chief on Saturday.", "negotiate", true, Mediator) with { Lead = "Talks were " },
            Item("b.txt", "outlet:b", "The mediator brokered a deal whereby the rebel chief would leave.", "negotiate", true, Mediator) with { Lead = "The mediator " },
        };

        Join(items, new FakeMeaning(0.9f)).Groups.Count.ShouldBe(1);
    }

    [Fact]
    public void APairTheStoryCheckRefusesStaysApart()
    {
        var items = new[]
        {
            Item("a.txt", "outlet:a", "Talks were held between the mediator and the rebel chief in 2009.", "negotiate", true, Mediator),
            Item("b.txt", "outlet:b", "The mediator brokered an agreement with the rebel commander in 2013.", "negotiate", true, Mediator),
        };

        MeaningAlignment.Join(Singletons(items.Length), items, new FakeMeaning(0.99f), (_, _) => false, CancellationToken.None).Groups.Count.ShouldBe(2);
    }

    [Fact]
    public void APairOfOnePolarityWhoseGroupsAreTooLargeToMergeIsNeitherEncodedNorJoined()
    {
        // Claim 0 heads a group of ten, claim 10 a group of seven: together past MaxJoined (16), so no merge can take them.
        var items = Enumerable.Range(0, 17)
            .Select(i => i is 0 or 10
                ? Item(i == 0 ? "a.txt" : "b.txt", i == 0 ? "outlet:a" : "outlet:b", i == 0 ? "Talks were held between the mediator and the rebel chief on Saturday." : "The mediator brokered an agreement with the rebel commander that evening.", "negotiate", true, Mediator)
                : Item("filler.txt", "outlet:filler", "Filler claim number " + i + " says little.", "state", true))
            .ToArray();
        var centrality = Enumerable.Repeat(1.0, items.Length).ToList();
        List<PropositionGrouper.Group> groups = [new([.. Enumerable.Range(0, 10)], 0, centrality), new([.. Enumerable.Range(10, 7)], 10, centrality)];
        var meaning = new RecordingMeaning(0.99f);

        var result = MeaningAlignment.Join(groups, items, meaning, (_, _) => true, CancellationToken.None);

        result.Groups.Count.ShouldBe(2);
        meaning.Encoded.ShouldBeEmpty();
    }

    [Fact]
    public void APairOfOppositePolarityIsOfferedHoweverLargeItsGroups()
    {
        var items = Enumerable.Range(0, 17)
            .Select(i => i is 0 or 10
                ? Item(i == 0 ? "a.txt" : "b.txt", i == 0 ? "outlet:a" : "outlet:b", i == 0 ? "Helicopters sent against the column attacked the mediator's convoy." : "The helicopters never attacked the mediator's convoy at all.", "attack", i == 0, Mediator)
                : Item("filler.txt", "outlet:filler", "Filler claim number " + i + " says little.", "state", true))
            .ToArray();
        var centrality = Enumerable.Repeat(1.0, items.Length).ToList();
        List<PropositionGrouper.Group> groups = [new([.. Enumerable.Range(0, 10)], 0, centrality), new([.. Enumerable.Range(10, 7)], 10, centrality)];
        var meaning = new RecordingMeaning(0.9f);

        var result = MeaningAlignment.Join(groups, items, meaning, (_, _) => true, CancellationToken.None);

        result.Groups.Count.ShouldBe(2);
        result.Opposed.ShouldHaveSingleItem();
        meaning.Encoded.Count.ShouldBe(2);
    }

    private static MeaningAlignment.Result Join(MeaningAlignment.Item[] items, IEventMeaning meaning) =>
        MeaningAlignment.Join(Singletons(items.Length), items, meaning, (_, _) => true, CancellationToken.None);

    private static List<PropositionGrouper.Group> Singletons(int count)
    {
        var centrality = Enumerable.Repeat(1.0, count).ToList();
        return [.. Enumerable.Range(0, count).Select(i => new PropositionGrouper.Group([i], i, centrality))];
    }

    private static MeaningAlignment.Item Item(string doc, string source, string text, string eventClass, bool polarity, params (string Id, string Name)[] entities) =>
        new(doc, source, text, eventClass, polarity, entities);

    /// <summary>As <see cref="FakeMeaning"/>, remembering every sentence it was asked to encode.</summary>
    private sealed class RecordingMeaning(float sameEvent) : IEventMeaning
    {
        public List<string> Encoded { get; } = [];

        public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        {
            Encoded.AddRange(texts);
            return [.. texts.Select(_ => new[] { 1f, 0.5f, 0.25f })];
        }

        public float SameEvent(string a, float[] aVector, string b, float[] bVector) => sameEvent;
    }

    /// <summary>Every sentence gets the same direction (cosine 1) and the given same-event reading.</summary>
    private sealed class FakeMeaning(float sameEvent) : IEventMeaning
    {
        public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
            [.. texts.Select(_ => new[] { 1f, 0.5f, 0.25f })];

        public float SameEvent(string a, float[] aVector, string b, float[] bVector) => sameEvent;
    }
}
