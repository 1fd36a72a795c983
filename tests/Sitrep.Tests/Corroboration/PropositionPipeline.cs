using Shouldly;
using Sitrep.Claims;
using Sitrep.Corroboration;
using Sitrep.Corroboration.Figures;
using Sitrep.Documents;
using Sitrep.Ingest.Syndication;
using Sitrep.Pipeline;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Tests.Corroboration;

/// <summary>Runs sentences, time expressions, claims and a proposition stage over a few documents, as the tests need.</summary>
internal static class PropositionPipeline
{
    public static Corpus Analyze(PropositionStage stage, params Document[] documents)
    {
        var builder = new AnalysisPipelineBuilder().Use(new SentenceStage()).Use(new TimexStage()).Use(new ClaimStage(new ClaimOptions { UseSyntax = false }));
        if (stage.Requires.Contains(Capabilities.Syndication))
        {
            builder.Use(new SyndicationStage());
        }

        if (stage.Requires.Contains(Capabilities.Figures))
        {
            builder.Use(new FigureStage());
        }

        var pipeline = builder.Use(stage).Build();
        var batch = pipeline.AnalyzeBatch(documents);
        batch.Errors.ShouldBeEmpty();
        var corpus = new Corpus(batch.Documents);
        pipeline.AnalyzeCorpus(corpus);
        corpus.Errors.ShouldBeEmpty();
        return corpus;
    }
}
