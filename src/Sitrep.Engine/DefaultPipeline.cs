using Sitrep.Claims;
using Sitrep.Claims.Timeline;
using Sitrep.Corroboration;
using Sitrep.Entities.Aliases;
using Sitrep.Entities.Resolution;
using Sitrep.Hypotheses;
using Sitrep.Ingest.Syndication;
using Sitrep.Pipeline;
using Sitrep.Takeaways;
using Sitrep.Text;
using Sitrep.Time;
using Sitrep.Time.Timeline;

namespace Sitrep.Engine;

/// <summary>The stages Sitrep runs by default, in order. Capabilities register here as they land.</summary>
public static class DefaultPipeline
{
    /// <summary>A builder holding the default stages, for callers that add or replace some.</summary>
    /// <param name="aliases">The analyst's entity alias decisions, or null for none.</param>
    /// <param name="ach">The analyst's hypotheses and rating overrides, or null for none.</param>
    public static AnalysisPipelineBuilder CreateBuilder(AliasDecisions? aliases = null, AchOptions? ach = null) =>
        new AnalysisPipelineBuilder()
            .Use(new SentenceStage())
            .Use(new TimexStage())
            .Use(new EntityMentionStage())
            .Use(new SyndicationStage())
            .Use(new EntityResolutionStage(aliases))
            .Use(new TimelineStage())
            .Use(new ClaimStage())
            .Use(new ClaimTimelineStage())
            .Use(new PropositionStage(SyndicationGroupOf))
            .Use(new CentralSentenceTakeawayStage())
            .Use(new CorroboratedTakeawayStage())
            .Use(new AchStage(ach));

    /// <summary>
    /// The syndication group of a document from the ingest's <see cref="SyndicationLayer"/> (wire copies republished by
    /// several outlets share one), so that propositions count such copies as one independent source.
    /// </summary>
    private static string? SyndicationGroupOf(Corpus corpus, string documentId) =>
        corpus.Layers.Find<SyndicationLayer>()?.GroupOf(documentId) is { } group ? "syndication:" + group.Id : null;

    /// <summary>The default pipeline, frozen.</summary>
    public static AnalysisPipeline Build(int? maxDegreeOfParallelism = null, AliasDecisions? aliases = null, AchOptions? ach = null)
    {
        var builder = CreateBuilder(aliases, ach);
        if (maxDegreeOfParallelism is { } degree)
        {
            builder.MaxDegreeOfParallelism = degree;
        }

        return builder.Build();
    }
}
