using Shouldly;
using Sitrep.Entities.Resolution;

namespace Sitrep.Tests.Entities;

/// <summary>Which recognised names are actors of the story (issue 19, item 4): general rules, no list of names.</summary>
public sealed class ActorFilterTests
{
    private static readonly string[] Texts =
    [
        "Wagner fighters seize army headquarters as Putin denounces treason.\nBy Tomas Verhoeven and Daria Kessel\n\nThe Kremlin said Putin would speak. Russia's defence ministry rejected the claim.",
        "Treason, betrayal, a stab in the back.\nExcavators tearing up the M4 to slow the column.\nPrigozhin leaving the Rostov HQ in a dark SUV. The aviation agency, Rosaviatsia, said ten died.",
        "The alleged coup attempt failed. Coup or not, the Ministry of Defence (MoD) lost face, and the GRU said nothing.",
    ];

    private static readonly string[] OtherNames = ["Rostov HQ", "Southern Military District HQ", "Vladimir Putin", "Ministry of Defence"];

    [Fact]
    public void BylinesAndOutletsAreSources_NotActors()
    {
        var sources = ActorFilter.SourceNames(["Meridian Wire", "Tomas Verhoeven, Daria Kessel", "The Baltic Ledger", null]);

        ActorFilter.IsSource(["Daria Kessel"], sources).ShouldBeTrue();
        ActorFilter.IsSource(["Meridian Wire"], sources).ShouldBeTrue();
        ActorFilter.IsSource(["Ledger"], sources).ShouldBeTrue();
        ActorFilter.IsSource(["Yevgeny Prigozhin", "Prigozhin"], sources).ShouldBeFalse();
    }

    [Theory]
    [InlineData("Treason")]
    [InlineData("Coup")]
    [InlineData("Excavators")]
    [InlineData("HQ")]
    public void ACommonNounIsNeverAName(string name) =>
        ActorFilter.IsCommonNoun(name, [], OtherNames, Texts).ShouldBeTrue();

    [Theory]
    [InlineData("Putin")]
    [InlineData("Rosaviatsia")]
    [InlineData("Kremlin")]
    [InlineData("GRU")]
    public void ANameUsedMidSentenceOrAnAcronymStaysAName(string name) =>
        ActorFilter.IsCommonNoun(name, [], OtherNames, Texts).ShouldBeFalse();

    [Fact]
    public void ANameWithAMultiWordAliasIsAName() =>
        ActorFilter.IsCommonNoun("Prigozhin", ["Yevgeny Prigozhin"], OtherNames, ["Prigozhin spoke."]).ShouldBeFalse();

    [Fact]
    public void MentionCountsIncludeAliasesAndTheInvertedMinistryName()
    {
        var texts = Texts.Select((t, i) => (Id: "d" + i, Text: t)).ToDictionary(x => x.Id, x => x.Text);

        var (mentions, documents) = ActorFilter.CountMentions(["Ministry of Defence", "MoD"], texts);

        mentions.ShouldBe(3);
        documents.ShouldBe(["d0", "d2"], ignoreOrder: true);
        ActorFilter.CountMentions(["Vladimir Putin", "Putin"], new Dictionary<string, string> { ["a"] = "Vladimir Putin spoke; Putin left." }).Mentions.ShouldBe(2);
    }

    [Theory]
    [InlineData("The aviation agency, Rosaviatsia, said the passengers included him.")]
    [InlineData("Rosaviatsia, the federal air transport agency, listed ten names.")]
    public void ANameInAppositionToAnOrganisationNounNamesAnOrganisation(string text) =>
        ActorFilter.NamesOrganisation("Rosaviatsia", [text]).ShouldBeTrue();

    [Theory]
    [InlineData("Shoigu", "Shoigu, the defence ministry's chief, appeared on Monday.")]
    [InlineData("Peskov", "Kremlin spokesman Peskov said on Friday that the agency, Peskov, no.")]
    [InlineData("Andrei", "Andrei, a driver, said the column passed at noon.")]
    public void APersonStaysAPerson(string name, string text) =>
        ActorFilter.NamesOrganisation(name, [text]).ShouldBeFalse();

    [Fact]
    public void ManyNamesAreTypedAsOneAtATimeWouldTypeThem()
    {
        // A person title before one use anywhere keeps a name a person, even after an organisation use in another text;
        // a name with a hyphen ("Roskomnadzor-2") is searched for as a whole word, not at the runs of letters and digits.
        string[] texts =
        [
            "The aviation agency, Rosaviatsia, said ten died. The regulator, Roskomnadzor-2, blocked it. Roskomnadzor-2s rose.",
            "Ivanov, the federal air transport agency, listed ten names. Roskomnadzor, the telecoms regulator, spoke.",
            "General Ivanov said nothing. Rosaviatsia2 is a typo.",
        ];
        string[] names = ["Rosaviatsia", "Ivanov", "Roskomnadzor-2", "Roskomnadzor", "Peskov", "Al", "rosaviatsia"];

        var organisations = ActorFilter.NamingOrganisations(names, texts);

        organisations.ShouldBe(["Rosaviatsia", "Roskomnadzor-2", "Roskomnadzor"], ignoreOrder: true);
        foreach (var name in names)
        {
            organisations.Contains(name).ShouldBe(ActorFilter.NamesOrganisation(name, texts), name);
        }
    }

    [Fact]
    public void NamesEndingWithAWordAreCountedOncePerDistinctName()
    {
        var endings = NameEndings.Of(["Rostov HQ", "Southern Military District HQ", "Rostov HQ", " HQ", "HQ", "Vladimir Putin"]);

        endings.EndingWith("HQ").ShouldBe(2);
        endings.EndingWith("Putin").ShouldBe(1);
        endings.EndingWith("Rostov").ShouldBe(0);
    }
}
