using Shouldly;
using Sitrep.Documents;
using Sitrep.Tests.Support;
using Sitrep.Time;

namespace Sitrep.Tests.Time;

/// <summary>The acceptance checks on the real seed documents in ../shared (skipped when absent).</summary>
public class SeedTests
{
    private static (string Text, IReadOnlyList<Timex> Items) Analyze(string seed)
    {
        var path = SharedData.Require("seeds/" + seed);
        var text = File.ReadAllText(path);
        var doc = TimexStageTests.Run(Document.Create(text, path).Build());
        return (text, doc.Layers.Get<TimexLayer>().Items);
    }

    [Fact]
    public void WhenSeed003PostsAnUpdateAt0537Cet_ItIsAClockTimeWithAnOffsetAndNoDate()
    {
        var (text, items) = Analyze("003_27c4866d4cc4f188.txt");
        var update = items.Single(t => text[t.Range.Start..t.Range.End] == "05:37 CET");
        update.Type.ShouldBe(TimexType.Time);
        update.Value.ShouldBe("XXXX-XX-XXT05:37+01:00");
        text[(update.Range.Start - 7)..update.Range.Start].ShouldBe("UPDATE ");
    }

    [Fact]
    public void WhenSeed004NamesTheHelsinkiSummitDate_ItIsThatDay()
    {
        var (text, items) = Analyze("004_4be53318063fa4d0.txt");
        var summit = items.Single(t => text[t.Range.Start..t.Range.End] == "July 16, 2018");
        summit.Value.ShouldBe("2018-07-16");
        summit.Anchor.ShouldBe(AnchorKind.Absolute);
    }

    [Fact]
    public void WhenSeed000PostsShowAges_TheyStayRelativeToAnUnknownRetrievalTime()
    {
        var (text, items) = Analyze("000_43a7dc2aba266ed3.txt");
        var ages = items.Where(t => text[t.Range.Start..t.Range.End] == "1 year ago").ToList();
        ages.Count.ShouldBe(5);
        foreach (var age in ages)
        {
            age.Anchor.ShouldBe(AnchorKind.None);
            age.Value.ShouldBe("XXXX");
            age.Offset.ShouldBe("-P1Y");
        }
    }

    [Theory]
    [InlineData("000_43a7dc2aba266ed3.txt")]
    [InlineData("001_909ecda0f6c7cfe6.txt")]
    public void WhenAThreadHasNoDate_NothingInItIsResolvedAgainstTheMachineClock(string seed)
    {
        var (_, items) = Analyze(seed);
        var thisYear = DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        items.ShouldAllBe(t => !t.Value.Contains(thisYear) && (t.Anchor == AnchorKind.None || t.Anchor == AnchorKind.Absolute || t.Anchor == AnchorKind.Discourse));
    }
}
