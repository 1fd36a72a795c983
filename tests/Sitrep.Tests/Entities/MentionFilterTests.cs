using Shouldly;
using Sitrep.Entities.Resolution;

namespace Sitrep.Tests.Entities;

public sealed class MentionFilterTests
{
    private static readonly HashSet<string> NoLowercase = [];

    [Theory]
    [InlineData("He")]
    [InlineData("she")]
    [InlineData("They")]
    [InlineData("him")]
    [InlineData("It")]
    public void WhenTheChunkIsAPronoun_ItIsNeverAnEntity(string pronoun) =>
        MentionFilter.IsNeverAnEntity([pronoun, "said", "so"], 0, 1, NoLowercase).ShouldBeTrue();

    [Fact]
    public void WhenACapitalisedCommonWordOpensTheSentence_ItIsNeverAnEntity()
    {
        var seen = new HashSet<string>(["fighters"], StringComparer.Ordinal);
        MentionFilter.IsNeverAnEntity(["Fighters", "crossed", "the", "river"], 0, 1, seen).ShouldBeTrue();
    }

    [Fact]
    public void WhenANameOpensTheSentence_ItStays() =>
        MentionFilter.IsNeverAnEntity(["Volkov", "crossed", "the", "river"], 0, 1, new HashSet<string>(["crossed"], StringComparer.Ordinal)).ShouldBeFalse();

    [Fact]
    public void WhenADiscourseWordOpensTheSentence_ItIsNeverAnEntity() =>
        MentionFilter.IsNeverAnEntity(["Furthermore", ",", "talks", "failed"], 0, 1, NoLowercase).ShouldBeTrue();

    [Theory]
    [InlineData("## Discussion\nThe talks went on.", "Discussion")]
    [InlineData("Summary\n\n## Bottom line\nThe deal holds.", "Bottom")]
    [InlineData("**Information cut-off:** 28 June 2023, 06:00 UTC", "Information")]
    [InlineData("Source: the regional governor's office", "Source")]
    [InlineData("Intro\n**Harbour Gazette** · Foreign desk · Live reports, Monday 3 May to Wednesday 5 May\n", "Live")]
    [InlineData("By Ana Ruiz | Politics | 4 min read\n", "Politics")]
    public void WhenAWordSitsInAHeadingOrALabel_ItIsRecognised(string text, string word)
    {
        var start = text.IndexOf(word, StringComparison.Ordinal);
        MentionFilter.InHeadingOrLabel(text, start, start + word.Length).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Later that night Volkov crossed the river with his men.", "Volkov")]
    [InlineData("Sources: the governor told Volkov to wait.", "Volkov")]
    [InlineData("Volkov said the convoy · the one seen near the border · would not turn back, and the governor agreed with him after a long night of talks in the city hall.", "Volkov")]
    public void WhenAWordSitsInRunningText_ItIsNotAHeading(string text, string word)
    {
        var start = text.IndexOf(word, StringComparison.Ordinal);
        MentionFilter.InHeadingOrLabel(text, start, start + word.Length).ShouldBeFalse();
    }

    [Fact]
    public void AnAnalystBriefsHeadingsAndLabelsGiveNoEntitiesButANameInAHeadingThatTheTextRepeatsStays()
    {
        const string text = "# Volkov's gamble\n\n**Information cut-off:** 3 May\n\n## Discussion\n\nVolkov met the governor in Tambov on Friday and left before dawn.";
        var doc = Sitrep.Tests.Support.Some.Analyzed(text);

        new EntityMentionStage().Process(doc, CancellationToken.None);

        var names = doc.Layers.Get<EntityMentionLayer>().Mentions.Select(m => m.Text).ToList();
        names.ShouldNotContain("Discussion");
        names.ShouldNotContain("Information");
        names.ShouldContain("Volkov");
    }

    [Theory]
    [InlineData("Il-22", true)]
    [InlineData("Su-25SM", true)]
    [InlineData("Mi-8", true)]
    [InlineData("MiG-29", true)]
    [InlineData("T-72B3", true)]
    [InlineData("S-400", true)]
    [InlineData("Rostov-on-Don", false)]
    [InlineData("Al-Noor", false)]
    [InlineData("Lukashenko-brokered", false)]
    [InlineData("Sars-2", false)]
    [InlineData("il-22", false)]
    [InlineData("Il-", false)]
    public void AModelDesignationIsOneToThreeLettersAHyphenAndANumber(string word, bool designation) =>
        MentionFilter.IsModelDesignation(word).ShouldBe(designation);

    [Theory]
    [InlineData("HQ", true)]
    [InlineData("CEO", true)]
    [InlineData("Jr.", true)]
    [InlineData("FSB", false)]
    [InlineData("Wagner", false)]
    public void ACommonNounWrittenInCapitalsIsRecognised(string word, bool common) =>
        MentionFilter.IsCommonAbbreviation(word).ShouldBe(common);

    [Fact]
    public void WhenASentenceIsATitleCaseHeading_ItIsRecognised()
    {
        MentionFilter.IsTitleCase(["The", "Quiet", "Collapse", "Of", "Talks"]).ShouldBeTrue();
        MentionFilter.IsTitleCase(["The", "talks", "in", "Minsk", "collapsed", "quietly"]).ShouldBeFalse();
    }
}
