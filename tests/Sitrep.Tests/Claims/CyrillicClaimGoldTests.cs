using System.Text.Json;
using Shouldly;
using Sitrep.Claims;
using Sitrep.Claims.Modality;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Claims;

/// <summary>
/// The claims layer on the hand-written Russian and Ukrainian gold (tests/gold/cyrillic): who holds each claim, its
/// polarity, its estimative term and hearsay marker, and the channel chatter that is no claim at all.
/// </summary>
public sealed class CyrillicClaimGoldTests
{
    public static TheoryData<string> HolderIds() => Ids("holder");

    public static TheoryData<string> PolarityIds() => Ids("polarity");

    public static TheoryData<string> LikelihoodIds() => Ids("likelihood");

    public static TheoryData<string> HearsayIds() => Ids("hearsay");

    public static TheoryData<string> ChatterIds() => Ids("chatter");

    [Fact]
    public void TheGoldCoversEveryClaimsRuleInBothLanguages()
    {
        foreach (var field in new[] { "holder", "polarity", "likelihood", "hearsay", "chatter" })
        {
            var items = Gold().Where(g => g.TryGetProperty(field, out _)).ToList();
            string.Join(",", items.Select(g => g.GetProperty("lang").GetString()).Distinct().Order()).ShouldBe("ru,uk", customMessage: field);
        }

        Gold().Count(g => g.TryGetProperty("holder", out _)).ShouldBeGreaterThanOrEqualTo(15);
    }

    [Theory]
    [MemberData(nameof(HolderIds))]
    public void EachGoldClaimIsHeldByTheSpeakerItIsAttributedTo(string id)
    {
        var (text, gold) = Item(id);
        var expected = gold.GetProperty("holder");
        var claims = ClaimsOf(text);

        var holders = claims.Select(c => (c.Attribution.Text, Kind: c.Attribution.Kind.ToString().ToLowerInvariant())).ToList();
        holders.ShouldContain((expected[0].GetString(), expected[1].GetString()!), string.Join(", ", holders));
    }

    [Theory]
    [MemberData(nameof(PolarityIds))]
    public void EachGoldClaimHasItsPolarity(string id)
    {
        var (text, gold) = Item(id);

        var claim = ClaimsOf(text).First();

        claim.Polarity.ToString().ToLowerInvariant().ShouldBe(gold.GetProperty("polarity").GetString());
    }

    [Theory]
    [MemberData(nameof(LikelihoodIds))]
    public void EachGoldEstimativeTermGivesItsBand(string id)
    {
        var (text, gold) = Item(id);

        var likelihood = ClaimsOf(text).Select(c => c.Likelihood).FirstOrDefault(l => l is not null);

        likelihood.ShouldNotBeNull();
        LikelihoodBands.Name(likelihood.Band).ShouldBe(gold.GetProperty("likelihood").GetString());
    }

    [Theory]
    [MemberData(nameof(HearsayIds))]
    public void EachGoldHearsayMarkerIsFound(string id)
    {
        var (text, gold) = Item(id);

        var hearsay = ClaimsOf(text).Select(c => c.Hearsay).FirstOrDefault(h => h is not null);

        hearsay.ShouldNotBeNull();
        hearsay.Term.ShouldBe(gold.GetProperty("hearsay").GetString());
    }

    [Theory]
    [MemberData(nameof(ChatterIds))]
    public void ChannelChatterIsNoClaim(string id)
    {
        var (text, _) = Item(id);

        ClaimsOf(text).ShouldBeEmpty();
    }

    [Fact]
    public void AnUnnamedSourcesFigureAndANamedSpeakersFigureHaveDifferentHolders()
    {
        var doc = Some.Analyzed("Пригожин говорит, что с ним 25 тысяч бойцов. Наш собеседник считает иначе: по его оценке, в колоннах не более 8 тысяч бойцов.");

        var claims = new ClaimAnalyzer().Analyze(doc, TestContext.Current.CancellationToken);

        var prigozhin = claims.Single(c => c.Quantities.Any(q => q.Value == 25_000));
        var source = claims.Single(c => c.Quantities.Any(q => q.Value == 8_000));
        prigozhin.Attribution.Kind.ShouldBe(HolderKind.Named);
        prigozhin.Attribution.Text.ShouldBe("Пригожин");
        prigozhin.Attribution.Cue.ShouldBe("говорит");
        source.Attribution.Kind.ShouldBe(HolderKind.Unnamed);
        source.Attribution.Text.ShouldBe("Наш собеседник");
        source.Quantities.Single(q => q.Value == 8_000).Max.ShouldBe(8_000);
        source.Quantities.Single(q => q.Value == 8_000).Min.ShouldBeNull();
    }

    [Fact]
    public void APronounHolderStandsForThePersonNamedBefore()
    {
        var doc = Some.Analyzed("Песков сообщил, что Путин в Кремле. Он заявил, что слухи об отъезде ложны.");

        var claims = new ClaimAnalyzer().Analyze(doc, TestContext.Current.CancellationToken);

        var second = claims.Last();
        second.Attribution.Text.ShouldBe("Он");
        second.Attribution.Refers.ShouldBe("Песков");
    }

    [Fact]
    public void EnglishAttributionIsUnchangedBesideTheCyrillicRules()
    {
        var claims = ClaimsOf("According to Peskov, the case will be dropped.");

        claims.ShouldHaveSingleItem().Attribution.Text.ShouldBe("Peskov");
    }

    private static List<Claim> ClaimsOf(string text) => [.. new ClaimAnalyzer().Analyze(Some.Analyzed(text), TestContext.Current.CancellationToken)];

    private static TheoryData<string> Ids(string field) => [.. Gold().Where(g => g.TryGetProperty(field, out _)).Select(g => g.GetProperty("id").GetString()!)];

    private static (string Text, JsonElement Gold) Item(string id)
    {
        var gold = Gold().Single(g => g.GetProperty("id").GetString() == id);
        return (gold.GetProperty("text").GetString()!, gold);
    }

    private static List<JsonElement> Gold() =>
        [.. File.ReadLines(Path.Combine(SharedData.RepositoryRoot, "tests", "gold", "cyrillic", "gold.jsonl"))
            .Where(l => l.Trim().Length > 0)
            .Select(Parse)];

    private static JsonElement Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        return doc.RootElement.Clone();
    }
}
