using Shouldly;
using Sitrep.Claims;
using Sitrep.Claims.Frames;
using Sitrep.Documents;
using Sitrep.Engine;
using Sitrep.Pipeline;
using Sitrep.Syntax;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Tests.Frames;

/// <summary>
/// The parser inside the pipeline: where the default pipeline runs it, which sentences it parses, how its words map
/// onto the document's tokens, and hostile input. These tests load the shipped syntax model.
/// </summary>
public class FramePipelineTests
{
    private static AnalyzedDocument Analyse(string text)
    {
        var pipeline = new AnalysisPipelineBuilder()
            .Use(new SentenceStage())
            .Use(new TimexStage())
            .Use(new SyntaxStage(SyntaxOptions.OnDemandDefault))
            .Use(new ClaimStage())
            .Build();
        var analyzed = new AnalyzedDocument(Document.Create(text, "frames.txt").Build());
        pipeline.Analyze(analyzed, TestContext.Current.CancellationToken).ShouldBeNull();
        return analyzed;
    }

    [Fact]
    public void TheDefaultPipelineParsesBeforeTheClaimStageWhichDeclaresThatItNeedsTheParse()
    {
        var names = DefaultPipeline.CreateBuilder().Build().DocumentStages.Select(s => s.Name).ToList();
        names.ShouldContain(SyntaxModel.ComponentName);
        names.IndexOf(SyntaxModel.ComponentName).ShouldBeLessThan(names.IndexOf("claims.rules.v4"));
        new ClaimStage().Requires.ShouldContain(Capabilities.Syntax);
        new ClaimStage(new ClaimOptions { UseSyntax = false }).Requires.ShouldNotContain(Capabilities.Syntax);
        Should.Throw<Sitrep.Errors.SitrepException>(() => new AnalysisPipelineBuilder().Use(new SentenceStage()).Use(new TimexStage()).Use(new ClaimStage()).Build());
    }

    [Fact]
    public void EachParsedWordIsTheTokenAtTheSameIndexOfItsSentence()
    {
        var analyzed = Analyse("Wagner fighters seized the headquarters in Rostov-on-Don. “We don’t want bloodshed,” Prigozhin said.");
        var layer = analyzed.Layers.Get<SyntaxLayer>();
        for (var s = 0; s < analyzed.Sentences.Count; s++)
        {
            var parse = layer.Of(s).ShouldNotBeNull();
            parse.Count.ShouldBe(analyzed.Sentences[s].TokenCount);
            for (var w = 0; w < parse.Count; w++)
            {
                var range = layer.RangeOf(s, w);
                analyzed.Text[range.Start..range.End].ShouldBe(parse[w].Form);
                range.ShouldBe(analyzed.Tokens[analyzed.Sentences[s].FirstToken + w].Range);
            }
        }
    }

    [Fact]
    public void OnDemand_OnlyTheClaimSentencesAreParsed()
    {
        // A heading is not a claim: the claims stage never asks for its parse.
        var analyzed = Analyse("## Live updates\n\nWagner fighters seized the headquarters in Rostov.");
        var layer = analyzed.Layers.Get<SyntaxLayer>();
        var claims = analyzed.Layers.Get<ClaimLayer>();
        claims.Items.ShouldHaveSingleItem().Frame.Source.ShouldBe(FrameSources.Parse);
        claims.Excluded.ShouldNotBeEmpty();
        layer.Count.ShouldBe(2);
    }

    [Fact]
    public void AClaimFrameComesFromTheParseWithItsParticipantsAsSpansOfTheDocument()
    {
        const string text = "Officials said 12 people were killed in Rostov on Saturday.";
        var claim = Analyse(text).Layers.Get<ClaimLayer>().Items.ShouldHaveSingleItem();
        claim.Frame.EventClass.ShouldBe("kill");
        claim.Frame.Lemma.ShouldBe("kill");
        claim.Frame.Participants.Select(p => (ParticipantRoles.Of(p.Role), text[p.Range.Start..p.Range.End]))
            .ShouldBe([("patient", "12 people"), ("location", "Rostov")]);
    }

    [Fact]
    public void ASentenceOfTenThousandWordsIsNotParsedAndItsClaimsKeepTheWordFrames()
    {
        var text = "Troops killed " + string.Join(' ', Enumerable.Range(0, 10_000).Select(i => i % 5 == 0 ? "and" : "fighters")) + ".";
        var analyzed = Analyse(text);
        var layer = analyzed.Layers.Get<SyntaxLayer>();
        for (var s = 0; s < analyzed.Sentences.Count; s++)
        {
            if (analyzed.Sentences[s].TokenCount > layer.MaxSentenceWords)
            {
                layer.Of(s).ShouldBeNull();
            }
        }

        analyzed.Layers.Get<ClaimLayer>().Items.ShouldAllBe(c => c.Frame.Source == FrameSources.Words);
    }

    [Theory]
    [InlineData("| 12 | 13 | 14 |\n| 1.5 | 2.5 | 3.5 |\n| 100 | 200 | 300 |")]
    [InlineData("12 3.5 1,000 2024 7 8 9 10 11 0.25 99 100000 42 17.")]
    [InlineData("Rostov. Voronezh. Lipetsk. Moscow. Minsk.")]
    [InlineData("Smoke over the airfield, sirens near the bridge, trucks on the motorway.")]
    [InlineData("“ ” ‘ ’ … — – ( ) [ ] : ; !! ??")]
    [InlineData("")]
    public void TablesNumbersAndTextWithoutVerbsDoNotBreakTheFrames(string text)
    {
        var analyzed = Analyse(text);
        foreach (var claim in analyzed.Layers.Get<ClaimLayer>().Items)
        {
            foreach (var p in claim.Frame.Participants)
            {
                p.Range.Start.ShouldBeGreaterThanOrEqualTo(0);
                p.Range.End.ShouldBeLessThanOrEqualTo(text.Length);
            }
        }
    }

    [Fact]
    public void AnEagerLayerParsesEverySentenceAndLeavesOverlongOnesEmpty()
    {
        var analyzed = new AnalyzedDocument(Document.Create("Rescuers found two survivors.\n\n" + string.Join(' ', Enumerable.Repeat("word", 300)) + ".", "long.txt").Build());
        new SentenceStage().Process(analyzed, TestContext.Current.CancellationToken);
        new SyntaxStage().Process(analyzed, TestContext.Current.CancellationToken);
        var layer = analyzed.Layers.Get<SyntaxLayer>();
        layer.Sentences[0].Count.ShouldBe(analyzed.Sentences[0].TokenCount);
        layer.Sentences[^1].Count.ShouldBe(0);
    }
}
