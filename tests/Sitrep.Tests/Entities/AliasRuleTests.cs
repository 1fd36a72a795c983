using Shouldly;
using Sitrep.Entities;
using Sitrep.Entities.Gazetteers;
using Sitrep.Entities.Resolution;
using static Sitrep.Tests.Entities.MentionBuilder;

namespace Sitrep.Tests.Entities;

/// <summary>One test per alias rule, on sentences written for these tests.</summary>
public sealed class AliasRuleTests
{
    [Fact]
    public void WhenAFullNameIsFollowedByTheSurname_TheyAreOneEntityNamedInFull()
    {
        var doc = Document(
            "Dmitri Volkov opened the talks. Volkov later walked out.",
            "a.txt",
            ("Dmitri Volkov", EntityType.Person),
            ("Volkov", EntityType.Person));
        var entities = Resolve(doc);
        entities.Count.ShouldBe(1);
        entities[0].Name.ShouldBe("Dmitri Volkov");
        entities[0].Aliases.ShouldContain("Volkov");
        entities[0].Mentions.Count.ShouldBe(2);
    }

    [Fact]
    public void WhenTheSurnameIsInAnotherDocument_ItJoinsTheOnlyFullName()
    {
        var a = Document("Dmitri Volkov opened the talks.", "a.txt", ("Dmitri Volkov", EntityType.Person));
        var b = Document("Reporters waited for Volkov all day.", "b.txt", ("Volkov", EntityType.Person));
        Resolve(a, b).Count.ShouldBe(1);
    }

    [Fact]
    public void WhenTwoPeopleShareASurname_TheSurnameJoinsTheOneInItsOwnDocument()
    {
        var a = Document("Anna Smith met Tom Smith. Later Smith left.", "a.txt", ("Anna Smith", EntityType.Person), ("Tom Smith", EntityType.Person), ("Smith", EntityType.Person));
        var b = Document("Tom Smith spoke first. Smith was brief.", "b.txt", ("Tom Smith", EntityType.Person), ("Smith", EntityType.Person));
        var entities = Resolve(a, b);
        entities.Holding(b, "Smith was").ShouldBe(entities.Holding(b, "Tom Smith"));
        entities.Count(e => e.Type == EntityType.Person).ShouldBe(3);
    }

    [Theory]
    [InlineData("President Orlov")]
    [InlineData("Belarusian President Orlov")]
    [InlineData("former Major General Orlov")]
    [InlineData("Gen. Orlov")]
    public void WhenATitleOrRolePrecedesTheName_ItIsStripped(string titled)
    {
        var doc = Document(
            $"Ivan Orlov arrived. Then {titled} spoke.",
            "a.txt",
            ("Ivan Orlov", EntityType.Person),
            (titled, EntityType.Person));
        var entities = Resolve(doc);
        entities.Count.ShouldBe(1);
        entities[0].Name.ShouldBe("Ivan Orlov");
    }

    [Theory]
    [InlineData("Lukashenko", "Lukashenka")]
    [InlineData("Aleksandr", "Alexander")]
    [InlineData("Yevgeny", "Evgeny")]
    [InlineData("Yevgeny", "Evgeniy")]
    [InlineData("Sergei", "Sergey")]
    public void WhenTransliterationsDiffer_TheyFoldToOneForm(string one, string other) =>
        NameForms.Fold(one).ShouldBe(NameForms.Fold(other));

    [Fact]
    public void WhenTheFullNameIsTransliteratedTwoWays_ItIsOneEntity()
    {
        var a = Document("Alexander Lukashenka hosted the meeting.", "a.txt", ("Alexander Lukashenka", EntityType.Person));
        var b = Document("Aleksandr Lukashenko denied it.", "b.txt", ("Aleksandr Lukashenko", EntityType.Person));
        Resolve(a, b).Count.ShouldBe(1);
    }

    [Fact]
    public void WhenAnAcronymAbbreviatesAMinistry_TheyAreOneOrganisation()
    {
        var doc = Document(
            "The Russian Ministry of Defence issued a statement. The MoD said more. Critics of the Russian MoD disagreed. The Ministry of Defense was silent.",
            "a.txt",
            ("Russian Ministry of Defence", EntityType.Organization),
            ("MoD", EntityType.Organization),
            ("Russian MoD", EntityType.Organization),
            ("Ministry of Defense", EntityType.Organization));
        var entities = Resolve(doc);
        entities.Count.ShouldBe(1);
        entities[0].Type.ShouldBe(EntityType.Organization);
        entities[0].Name.ShouldBe("Russian Ministry of Defence");
    }

    [Fact]
    public void WhenAnAcronymComesFromRussianWords_ItStillJoinsItsKnownEnglishExpansion()
    {
        var a = Document("Agents of the Federal Security Service searched the flat.", "a.txt", ("Federal Security Service", EntityType.Organization));
        var b = Document("The FSB did not say what they found.", "b.txt", ("FSB", EntityType.Organization));
        var entities = Resolve(a, b);
        entities.Count.ShouldBe(1);
        entities[0].Name.ShouldBe("Federal Security Service");
        entities[0].Aliases.ShouldContain("FSB");
    }

    [Fact]
    public void WhenADocumentDefinesAnAcronymInParentheses_ItJoinsTheNameAcrossTheCorpus()
    {
        var a = Document(
            "The State Border Guard Service (DPSU) counted the crossings.",
            "a.txt",
            ("State Border Guard Service", EntityType.Organization),
            ("DPSU", EntityType.Organization));
        var b = Document("A DPSU spokesman gave no figure.", "b.txt", ("DPSU", EntityType.Organization));
        var entities = Resolve(a, b);
        entities.Count.ShouldBe(1);
        entities[0].Name.ShouldBe("State Border Guard Service");
    }

    [Fact]
    public void WhenNothingDefinesAnAcronym_ItDoesNotJoinAnUnrelatedService()
    {
        var doc = Document(
            "The Federal Tax Service froze the accounts. The FSB stayed silent.",
            "a.txt",
            ("Federal Tax Service", EntityType.Organization),
            ("FSB", EntityType.Organization));
        Resolve(doc).Count.ShouldBe(2);
    }

    [Fact]
    public void WhenTheMinistryIsNamedTopicFirst_ItReadsAsMinistryOfTopic()
    {
        var doc = Document(
            "The Defense Ministry replied. The Ministry of Defense repeated it.",
            "a.txt",
            ("Defense Ministry", EntityType.Organization),
            ("Ministry of Defense", EntityType.Organization));
        Resolve(doc).Count.ShouldBe(1);
    }

    [Fact]
    public void WhenTwoCountriesHaveMinistries_AnUnqualifiedMentionJoinsTheOneInItsDocument()
    {
        var a = Document("The Russian MoD spoke.", "a.txt", ("Russian MoD", EntityType.Organization));
        var b = Document("The British Ministry of Defence replied. The MoD added detail.", "b.txt", ("British Ministry of Defence", EntityType.Organization), ("MoD", EntityType.Organization));
        var entities = Resolve(a, b);
        entities.Holding(b, "MoD added").ShouldBe(entities.Holding(b, "British Ministry"));
        entities.Count.ShouldBe(2);
    }

    [Fact]
    public void WhenANameIsPossessive_TheMentionJoinsTheName()
    {
        NameForms.Of("Volkov's", EntityType.Person, Demonyms).Core.ShouldBe(["volkov"]);
        NameForms.Of("Volkov’s", EntityType.Person, Demonyms).Core.ShouldBe(["volkov"]);
    }

    [Fact]
    public void WhenAGroupIsNamedWithOrWithoutArticleAndHead_ItIsOneOrganisation()
    {
        var doc = Document(
            "The Wagner Group moved north. Wagner Group columns followed. Wagner said nothing. PMC Wagner denied it.",
            "a.txt",
            ("The Wagner Group", EntityType.Organization),
            ("Wagner Group", EntityType.Organization),
            ("Wagner", EntityType.Organization),
            ("PMC Wagner", EntityType.Organization));
        var entities = Resolve(doc);
        entities.Count.ShouldBe(1);
        entities[0].Name.ShouldBe("Wagner Group");
    }

    [Fact]
    public void WhenContextNamesTheChief_TheDefiniteDescriptionJoinsThatPerson()
    {
        var a = Document(
            "Wagner chief Dmitri Volkov gave orders.",
            "a.txt",
            ("Wagner", EntityType.Organization),
            ("Dmitri Volkov", EntityType.Person));
        var b = Document(
            "Later the Wagner chief went quiet. Wagner's leader was not seen.",
            "b.txt",
            ("Wagner", EntityType.Organization),
            ("Wagner", EntityType.Organization));
        var entities = Resolve(a, b);
        var person = entities.Single(e => e.Type == EntityType.Person);
        person.Aliases.ShouldContain("the Wagner chief");
        person.Aliases.ShouldContain("Wagner's leader");
        person.Mentions.Count.ShouldBe(3);
    }

    [Fact]
    public void WhenNothingSettlesTheDescription_ItJoinsNoOne()
    {
        var doc = Document("Later the Wagner chief went quiet.", "a.txt", ("Wagner", EntityType.Organization));
        Resolve(doc).ShouldAllBe(e => e.Type != EntityType.Person);
    }

    [Fact]
    public void WhenAnOutletOfTheCorpusIsNamed_ItIsAnOrganisationEvenIfTaggedAPerson()
    {
        var tagged = Document(
            "An official told the Gazette the convoy had stopped. Harbour Gazette reporters saw it.",
            "a.txt",
            ("Gazette", EntityType.Person),
            ("Harbour Gazette", EntityType.Person));

        Resolve(tagged.FromOutlet("The Harbour Gazette")).ShouldAllBe(e => e.Type == EntityType.Organization);
        Resolve(tagged).ShouldContain(e => e.Type == EntityType.Person, "without the outlet in the metadata the tagger's type stands");
    }

    [Fact]
    public void WhenAWordOfTheOutletsNameIsNotPrecededByThe_ItKeepsItsType()
    {
        var doc = Document("Ana Gazette spoke first.", "a.txt", ("Gazette", EntityType.Person)).FromOutlet("The Harbour Gazette");
        Resolve(doc).Single().Type.ShouldBe(EntityType.Person);
    }

    [Fact]
    public void AnOrganisationsNameIsShownAsWritten()
    {
        var doc = Document("Board No. 1 left Vnukovo at noon.", "a.txt", ("Board No. 1", EntityType.Organization));
        Resolve(doc).Single().Name.ShouldBe("Board No. 1");
    }

    [Fact]
    public void WhenACapitalIsReadAsItsGovernment_ItIsStillThePlace()
    {
        var doc = Document("Tallinn declined to comment. The Tallinn Port Authority said nothing.", "a.txt", ("Tallinn", EntityType.Organization), ("Tallinn Port Authority", EntityType.Organization));
        var resolver = new EntityResolver(Demonyms, Sitrep.Entities.Aliases.AliasDecisions.None, name => name == "tallinn");

        var entities = resolver.Resolve([doc]);

        entities.Single(e => e.Name == "Tallinn").Type.ShouldBe(EntityType.Location);
        entities.Single(e => e.Name == "Tallinn Port Authority").Type.ShouldBe(EntityType.Organization);
        Resolve(doc).Single(e => e.Name == "Tallinn").Type.ShouldBe(EntityType.Organization, "without a gazetteer the tagger's type stands");
    }
    [Fact]
    public void WhenTheSurnameOfAPersonNamedInFullIsReadAsAPlace_ItIsThePerson_UnlessAGazetteerKnowsThePlace()
    {
        var full = Document("Yevgeny Prigozhin spoke on Friday.", "a.txt", ("Yevgeny Prigozhin", EntityType.Person));
        var misread = Document("The army wants control over Prigozhin. A Prigozhin force left.", "b.txt", ("Prigozhin", EntityType.Location), ("Prigozhin", EntityType.Location));
        var resolver = new EntityResolver(Demonyms, Sitrep.Entities.Aliases.AliasDecisions.None, lookup: name => name == "lincoln" ? GazetteerCategory.City : GazetteerCategory.None);

        var entities = resolver.Resolve([full, misread]);

        var person = entities.Single(e => e.Name == "Yevgeny Prigozhin");
        person.Type.ShouldBe(EntityType.Person);
        entities.Holding(misread, "Prigozhin").ShouldBe(person);

        var city = Document("Abraham Lincoln was born in Kentucky.", "c.txt", ("Abraham Lincoln", EntityType.Person));
        var place = Document("Flooding hit Lincoln on Monday.", "d.txt", ("Lincoln", EntityType.Location));
        var places = resolver.Resolve([city, place]);
        places.Holding(place, "Lincoln").Type.ShouldBe(EntityType.Location, "a city the gazetteer knows stays a place");
    }
}
