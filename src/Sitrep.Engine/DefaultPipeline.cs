using Sitrep.Claims;
using Sitrep.Corroboration;
using Sitrep.Hypotheses;
using Sitrep.Pipeline;
using Sitrep.Takeaways;
using Sitrep.Text;

namespace Sitrep.Engine;

/// <summary>The stages Sitrep runs by default, in order. Capabilities register here as they land.</summary>
public static class DefaultPipeline
{
    /// <summary>A builder holding the default stages, for callers that add or replace some.</summary>
    public static AnalysisPipelineBuilder CreateBuilder(AchOptions? ach = null) =>
        new AnalysisPipelineBuilder()
            .Use(new SentenceStage())
            .Use(new ClaimStage())
            .Use(new PropositionStage())
            .Use(new CentralSentenceTakeawayStage())
            .Use(new CorroboratedTakeawayStage())
            .Use(new AchStage(ach));

    /// <summary>The default pipeline, frozen.</summary>
    public static AnalysisPipeline Build(int? maxDegreeOfParallelism = null, AchOptions? ach = null)
    {
        var builder = CreateBuilder(ach);
        if (maxDegreeOfParallelism is { } degree)
        {
            builder.MaxDegreeOfParallelism = degree;
        }

        return builder.Build();
    }
}
