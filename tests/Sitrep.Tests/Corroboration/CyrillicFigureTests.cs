using System.Text;
using Shouldly;
using Sitrep.Corroboration;
using Sitrep.Corroboration.Figures;
using Sitrep.Tests.Ingest;

namespace Sitrep.Tests.Corroboration;

/// <summary>A Russian channel's figures beside each other: who said which, and a dispute between speakers, not an update.</summary>
public sealed class CyrillicFigureTests
{
    private const string Export = """
        {"name": "Тестовый канал", "type": "public_channel", "id": 7, "messages": [
          {"id": 1, "type": "message", "date": "2023-06-24T07:58:00", "from": "Тестовый канал", "text": "Пригожин говорит, что с ним 25 тысяч бойцов."},
          {"id": 2, "type": "message", "date": "2023-06-24T09:20:00", "from": "Тестовый канал", "text": "Наш собеседник считает иначе: по его оценке, в колоннах не более восьми тысяч бойцов."}
        ]}
        """;

    [Fact]
    public void ALeadersFigureAndAnUnnamedSourcesLaterFigureInOneChannelAreADisputeThatNamesTheLeader()
    {
        var read = Fixture.ReadBytes("result.json", Encoding.UTF8.GetBytes(Export));
        var document = read.Documents.ShouldHaveSingleItem();

        var corpus = PropositionPipeline.Analyze(new PropositionStage(withFigures: true), document);

        var figure = corpus.Layers.Get<FigureLayer>().Figures.ShouldHaveSingleItem();
        figure.Verdict.ShouldBe(FigureVerdict.Dispute);
        figure.Values.Select(v => (v.Measure.Min, v.Measure.Max)).ShouldBe([(25_000.0, 25_000.0), (0.0, 8_000.0)]);
        figure.Values[0].Source.ShouldStartWith("Пригожин (via ");
        figure.Values[1].Source.ShouldNotContain("Пригожин");
    }
}
