using Shouldly;
using Sitrep.Claims;
using Sitrep.Claims.Quantities;
using Sitrep.Claims.Text;
using Sitrep.Corroboration.Propositions;
using Sitrep.Corroboration.Stance;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Claims;

/// <summary>The Russian and Ukrainian rules of the claims stage, one sentence of our own per rule.</summary>
public sealed class CyrillicRuleTests
{
    [Theory]
    [InlineData("В колонне шли двадцать пять тысяч бойцов.", 25_000, "fighters", null)]
    [InlineData("Собралось около двухсот человек.", 200, "people", "about")]
    [InlineData("Бойцов было не менее пятнадцати тысяч.", 15_000, null, "at least")]
    [InlineData("Колонна была в двухстах двадцати пяти километрах от города.", 225, "km", null)]
    [InlineData("Ворота охраняли пятеро.", 0, null, null)]
    [InlineData("На площадь вышли полторы тысячи человек.", 1_500, "people", null)]
    [InlineData("Колону склали понад двадцять тисяч бійців.", 20_000, "fighters", "more than")]
    [InlineData("Там було двісті п'ятдесят осіб.", 250, "people", null)]
    [InlineData("Там було двісті п’ятдесят осіб.", 250, "people", null)]
    [InlineData("К городу подошли до 10 тысяч военных.", 10_000, "troops", "up to")]
    [InlineData("В колонне шли 25,000 бойцов.", 25_000, "fighters", null)]
    [InlineData("На улицы вышли 1,250,000 человек.", 1_250_000, "people", null)]
    [InlineData("Колонна прошла 1,5 километра.", 1.5, "km", null)]
    public void NumberWordsAndDigitsAreReadWithTheirHedge(string text, double value, string? unit, string? hedge)
    {
        var words = SentenceWords.Of(text);
        var found = QuantityExtractor.Extract(words, 0, words.Count - 1);

        if (value == 0)
        {
            found.ShouldBeEmpty(); // a case the rules do not read is left out, not misread
            return;
        }

        var q = found.ShouldHaveSingleItem();
        q.Value.ShouldBe(value);
        q.Unit.ShouldBe(unit);
        q.Hedge.ShouldBe(hedge);
    }

    [Fact]
    public void BoundsFollowTheHedgeAsInEnglish()
    {
        var words = SentenceWords.Of("Говорят о не более чем 8 тысячах, а сам он называл не менее 25 тысяч бойцов.");
        var found = QuantityExtractor.Extract(words, 0, words.Count - 1);

        var atLeast = found.Single(q => q.Value == 25_000);
        atLeast.Min.ShouldBe(25_000);
        atLeast.Max.ShouldBeNull();
    }

    [Theory]
    [InlineData("Десятки погибших опознаны.", 12, "dead")]
    [InlineData("Сотни тысяч людей смотрели обращение.", 100_000, "people")]
    [InlineData("Тисячі людей вийшли на вулиці.", 1_000, "people")]
    public void VagueAmountsReadAsTheEnglishOnes(string text, double value, string unit)
    {
        var words = SentenceWords.Of(text);
        var q = QuantityExtractor.Extract(words, 0, words.Count - 1).ShouldHaveSingleItem();

        q.Value.ShouldBe(value);
        q.Unit.ShouldBe(unit);
        q.Hedge.ShouldBe("vague");
    }

    [Theory]
    [InlineData("Переговоры шли до 24 июня.")]
    [InlineData("Перемир'я діяло до 25 червня 2023 року.")]
    [InlineData("Это было около 2023 года.")]
    [InlineData("Один из командиров уехал.")]
    public void DatesAndALoneOneAreNotAmounts(string text)
    {
        var words = SentenceWords.Of(text);

        QuantityExtractor.Extract(words, 0, words.Count - 1).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Стрельбы никто не слышал.", ClaimPolarity.Negative)]
    [InlineData("Ответа пока нет.", ClaimPolarity.Negative)]
    [InlineData("Он не мог не знать об этом.", ClaimPolarity.Positive)]
    [InlineData("В колонне было не более 8 тысяч бойцов.", ClaimPolarity.Positive)]
    [InlineData("Не исключено, что колонна повернёт.", ClaimPolarity.Positive)]
    [InlineData("Песков опроверг слухи об отъезде.", ClaimPolarity.Negative)]
    [InlineData("Ніхто нічого не пояснив.", ClaimPolarity.Negative)]
    [InlineData("Колона рушила на північ, а не на південь.", ClaimPolarity.Positive)]
    public void NegationCountsOncePerClauseWithNegativeConcord(string text, ClaimPolarity polarity) =>
        ClaimsOf(text).First().Polarity.ShouldBe(polarity);

    [Theory]
    [InlineData("Жесть.")]
    [InlineData("Следите за новостями!")]
    [InlineData("Ваша думка?")]
    public void ChannelChatterIsNoClaim(string text) => ClaimsOf(text).ShouldBeEmpty();

    [Fact]
    public void ACyrillicSentenceWithoutAnySignOfChatterIsStillAClaim() =>
        ClaimsOf("Колонна прошла Воронеж и движется на север.").ShouldHaveSingleItem();

    [Theory]
    [InlineData("Согласен, так и было.", StanceKind.Support)]
    [InlineData("Фейк, никакого самолёта не было.", StanceKind.Deny)]
    [InlineData("Слушай, это неправда.", StanceKind.Deny)]
    [InlineData("Источник?", StanceKind.Query)]
    [InlineData("Звідки інформація?", StanceKind.Query)]
    [InlineData("Так і є.", StanceKind.Support)]
    public void AReplysOpeningStatesItsStanceInRussianAndUkrainian(string reply, StanceKind stance) =>
        ThreadStances.CueStance(reply).ShouldBe(stance);

    [Fact]
    public void AReplyWithoutACueIsLeftToTheModel() => ThreadStances.CueStance("Колонна уже под Воронежем.").ShouldBeNull();

    [Fact]
    public void ThePostposedSpeakerOfAQuoteHoldsIt()
    {
        var claim = ClaimsOf("«Мы дойдём до Москвы», — заявил Пригожин.").ShouldHaveSingleItem();

        claim.Attribution.Kind.ShouldBe(HolderKind.Named);
        claim.Attribution.Text.ShouldBe("Пригожин");
        claim.Attribution.Cue.ShouldBe("заявил");
    }

    [Fact]
    public void AnInstitutionAfterBeSpeaks()
    {
        var claim = ClaimsOf("В Кремле заявили, что Путин работает.").ShouldHaveSingleItem();

        claim.Attribution.Text.ShouldBe("Кремле");
        claim.Attribution.Kind.ShouldBe(HolderKind.Named);
    }

    [Fact]
    public void ADeclaredThingIsNoAttribution() =>
        ClaimsOf("Губернатор объявил режим КТО в области.").ShouldHaveSingleItem().Attribution.Kind.ShouldBe(HolderKind.Author);

    private static List<Claim> ClaimsOf(string text) => [.. new ClaimAnalyzer().Analyze(Some.Analyzed(text), TestContext.Current.CancellationToken)];
}
