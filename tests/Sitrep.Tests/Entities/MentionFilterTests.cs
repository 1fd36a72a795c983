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

    [Fact]
    public void WhenASentenceIsATitleCaseHeading_ItIsRecognised()
    {
        MentionFilter.IsTitleCase(["The", "Quiet", "Collapse", "Of", "Talks"]).ShouldBeTrue();
        MentionFilter.IsTitleCase(["The", "talks", "in", "Minsk", "collapsed", "quietly"]).ShouldBeFalse();
    }
}
