using Shouldly;
using Sitrep.Time;
using Sitrep.Time.Normalisation;
using Sitrep.Time.TimeMl;

namespace Sitrep.Tests.Time;

public class TimeMlTests
{
    private const string Sample = """
        <?xml version="1.0" ?>
        <TimeML>
        <DCT><TIMEX3 tid="t0" type="DATE" value="2023-06-24" temporalFunction="false" functionInDocument="CREATION_TIME">20230624</TIMEX3></DCT>
        <TEXT>
        The talks ended <TIMEX3 tid="t1" type="DATE" value="2023-06-23">yesterday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> &amp; nights.
        </TEXT>
        </TimeML>
        """;

    [Fact]
    public void WhenTimeMlIsRead_GoldOffsetsPointIntoThePlainText()
    {
        var doc = TimeMlDocument.Parse(Sample);
        doc.CreationTime.ShouldBe("2023-06-24");
        doc.Timexes.Select(t => doc.Text[t.Range.Start..t.Range.End]).ShouldBe(["yesterday", "three days"]);
        doc.Text.ShouldContain("& nights");
    }

    [Fact]
    public void WhenTheTaggerAgreesWithGold_EveryScoreIsOne()
    {
        var doc = TimeMlDocument.Parse(Sample);
        var found = TimexAnnotator.Annotate(doc.Text, ReferenceTime.TryParse(doc.CreationTime, AnchorKind.Document));
        var scorer = new TimexScorer();
        scorer.Add(doc.Timexes, [.. found.Select(t => new TimeMlTimex(t.Range, t.TypeName, t.Value))]);
        scorer.F1(scorer.Strict).ShouldBe(1.0);
        scorer.F1(scorer.ValueCorrect).ShouldBe(1.0);
    }

    [Fact]
    public void WhenExtentsOnlyOverlap_TheMatchIsRelaxedNotStrict()
    {
        var scorer = new TimexScorer();
        scorer.Add(
            [new TimeMlTimex(new(0, 10), "DATE", "2023"), new TimeMlTimex(new(20, 25), "DATE", "2024")],
            [new TimeMlTimex(new(2, 10), "DATE", "2023"), new TimeMlTimex(new(30, 35), "DATE", "2025")]);
        scorer.Strict.ShouldBe(0);
        scorer.Relaxed.ShouldBe(1);
        scorer.ValueCorrect.ShouldBe(1);
        scorer.F1(scorer.Relaxed).ShouldBe(0.5);
    }

    [Fact]
    public void WhenPredictionsAreWritten_TheyReadBackAsTheSameTimexes()
    {
        var doc = TimeMlDocument.Parse(Sample);
        var found = TimexAnnotator.Annotate(doc.Text, ReferenceTime.TryParse(doc.CreationTime, AnchorKind.Document));
        var back = TimeMlDocument.Parse(doc.WithTimexes(found));
        back.Text.ShouldBe(doc.Text);
        back.CreationTime.ShouldBe("2023-06-24");
        back.Timexes.Select(t => (t.Range, t.Type, t.Value)).ShouldBe(found.Select(t => (t.Range, t.TypeName, t.Value)));
    }
}
