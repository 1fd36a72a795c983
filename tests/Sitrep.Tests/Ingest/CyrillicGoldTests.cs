using System.Text.Json;
using Shouldly;
using Sitrep.Claims.Quantities;
using Sitrep.Claims.Text;
using Sitrep.Documents;
using Sitrep.Entities.Gazetteers;
using Sitrep.Entities.Resolution;
using Sitrep.Ingest.Language;
using Sitrep.Tests.Support;
using Sitrep.Text;
using Sitrep.Time;
using Sitrep.Time.Normalisation;

namespace Sitrep.Tests.Ingest;

/// <summary>The hand-written Russian and Ukrainian gold (tests/gold/cyrillic): sentences, timex, names and numbers.</summary>
public sealed class CyrillicGoldTests
{
    private static readonly ReferenceTime Dct = ReferenceTime.From(new DateTimeOffset(2023, 6, 25, 9, 0, 0, TimeSpan.FromHours(3)), AnchorKind.Document);

    public static TheoryData<string> Ids() => [.. Gold().Select(g => g.Id)];

    [Fact]
    public void TheGoldHasAtLeastThirtyTextsInBothLanguages()
    {
        var gold = Gold();
        gold.Count.ShouldBeGreaterThanOrEqualTo(30);
        gold.Count(g => g.Lang == "uk").ShouldBeGreaterThanOrEqualTo(10);
        gold.SelectMany(g => g.Timex).Count().ShouldBeGreaterThanOrEqualTo(15);
        gold.SelectMany(g => g.Names).Count().ShouldBeGreaterThanOrEqualTo(30);
        gold.SelectMany(g => g.Numbers).Count().ShouldBeGreaterThanOrEqualTo(8);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EachGoldTextIsIdentifiedAndSplitIntoItsSentences(string id)
    {
        var gold = Gold().Single(g => g.Id == id);
        var tokens = new List<Token>();
        var sentences = new List<Sentence>();
        SentenceSplitter.Split(gold.Text, [new TextRange(0, gold.Text.Length)], tokens, sentences);

        sentences.Count.ShouldBe(gold.Sentences, string.Join(" | ", sentences.Select(s => gold.Text[s.Range.Start..s.Range.End])));
        LanguageIdentifier.Identify(gold.Text + " " + gold.Text).ShouldBe(gold.Lang);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EachGoldTimeExpressionIsFoundWithItsValue(string id)
    {
        var gold = Gold().Single(g => g.Id == id);
        var found = TimexAnnotator.Annotate(gold.Text, Dct).Select(t => (gold.Text[t.Range.Start..t.Range.End], t.Value)).ToList();

        foreach (var (text, value) in gold.Timex)
        {
            found.ShouldContain((text, value), string.Join(", ", found));
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EachGoldNameFoldsToItsLatinForm(string id)
    {
        var gold = Gold().Single(g => g.Id == id);
        foreach (var (written, latin) in gold.Names)
        {
            gold.Text.ShouldContain(written);
            NameForms.Fold(written).ShouldBe(NameForms.Fold(latin), $"{written} → {CyrillicNames.ToLatin(written)}");
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EachGoldNumberIsExtractedWithWhatItCounts(string id)
    {
        var gold = Gold().Single(g => g.Id == id);
        var words = SentenceWords.Of(gold.Text);
        var found = QuantityExtractor.Extract(words, 0, words.Count - 1);
        foreach (var (text, value, unit) in gold.Numbers)
        {
            found.ShouldContain(q => q.Text == text && Math.Abs(q.Value - value) < 1e-6 && q.Unit == unit, string.Join(", ", found.Select(q => $"{q.Text}={q.Value} {q.Unit}")));
        }
    }

    [Fact]
    public void AnEnglishSentenceGetsNoCyrillicReading()
    {
        var words = SentenceWords.Of("Prigozhin said 25,000 fighters were with him.");
        var q = QuantityExtractor.Extract(words, 0, words.Count - 1).ShouldHaveSingleItem();
        q.Value.ShouldBe(25_000);
        q.Unit.ShouldBe("fighters");
        CyrillicNames.ToLatin("Prigozhin").ShouldBe("Prigozhin");
        TimexAnnotator.Annotate("He spoke on June 24, 10:00 Moscow time.", Dct).Select(t => t.Value).ShouldBe(["2023-06-24T10:00+03:00"]);
    }

    private sealed record GoldText(string Id, string Lang, string Text, int Sentences, IReadOnlyList<(string, string)> Timex, IReadOnlyList<(string, string)> Names, IReadOnlyList<(string, double, string?)> Numbers);

    private static List<GoldText> Gold()
    {
        var path = Path.Combine(SharedData.RepositoryRoot, "tests", "gold", "cyrillic", "gold.jsonl");
        var list = new List<GoldText>();
        foreach (var line in File.ReadLines(path).Where(l => l.Trim().Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            list.Add(new GoldText(
                r.GetProperty("id").GetString()!,
                r.GetProperty("lang").GetString()!,
                r.GetProperty("text").GetString()!,
                r.GetProperty("sentences").GetInt32(),
                [.. r.GetProperty("timex").EnumerateArray().Select(a => (a[0].GetString()!, a[1].GetString()!))],
                [.. r.GetProperty("names").EnumerateArray().Select(a => (a[0].GetString()!, a[1].GetString()!))],
                [.. r.GetProperty("numbers").EnumerateArray().Select(a => (a[0].GetString()!, a[1].GetDouble(), a[2].ValueKind == JsonValueKind.Null ? null : a[2].GetString()))]));
        }

        return list;
    }
}
