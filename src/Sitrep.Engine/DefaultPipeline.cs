using Sitrep.Claims;
using Sitrep.Corroboration;
using Sitrep.Pipeline;
using Sitrep.Takeaways;
using Sitrep.Text;

namespace Sitrep.Engine;

/// <summary>The stages Sitrep runs by default, in order. Capabilities register here as they land.</summary>
public static class DefaultPipeline
{
    /// <summary>A builder holding the default stages, for callers that add or replace some.</summary>
    public static AnalysisPipelineBuilder CreateBuilder() =>
        new AnalysisPipelineBuilder()
            .Use(new SentenceStage())
            .Use(new ClaimStage())
            .Use(new PropositionStage())
            .Use(new CentralSentenceTakeawayStage())
            .Use(new CorroboratedTakeawayStage());

    /// <summary>The default pipeline, frozen.</summary>
    public static AnalysisPipeline Build(int? maxDegreeOfParallelism = null)
    {
        var builder = CreateBuilder();
        if (maxDegreeOfParallelism is { } degree)
        {
            builder.MaxDegreeOfParallelism = degree;
        }

        return builder.Build();
    }
}
