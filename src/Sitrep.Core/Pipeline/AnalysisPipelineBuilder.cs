using Sitrep.Errors;

namespace Sitrep.Pipeline;

/// <summary>
/// Collects stages and builds a frozen <see cref="AnalysisPipeline"/>. The order is checked when building: every
/// stage's requirements must be assigned by the reader or an earlier stage, or building fails with
/// <see cref="SitrepErrors.MissingCapability"/>. Document stages always run before corpus stages.
/// </summary>
public sealed class AnalysisPipelineBuilder
{
    private readonly List<IDocumentStage> _documentStages = [];
    private readonly List<ICorpusStage> _corpusStages = [];
    private readonly List<Action> _corpusWarmUps = [];

    /// <summary>How many documents are analysed at once; defaults to the processor count.</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// The fewest documents a corpus must hold for its warm-ups (<see cref="WarmCorpus"/>) to run; defaults to 1. Under it
    /// the stages load what they need on first use, if at all: a story of a few reports may never judge a pair, and a
    /// model loaded for nothing is memory the run did not need.
    /// </summary>
    public int MinDocumentsToWarm { get; set; } = 1;

    /// <summary>Appends a document stage.</summary>
    public AnalysisPipelineBuilder Use(IDocumentStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        CheckName(stage);
        _documentStages.Add(stage);
        return this;
    }

    /// <summary>Appends a corpus stage.</summary>
    public AnalysisPipelineBuilder Use(ICorpusStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        CheckName(stage);
        _corpusStages.Add(stage);
        return this;
    }

    /// <summary>
    /// Adds work that readies what the corpus stages would otherwise load on first use (their models), run by
    /// <see cref="AnalysisPipeline.AnalyzeCorpus"/> beside the first corpus stages, while the stages that need it wait
    /// for the ones before them. It must not change what any stage computes: loading a model, not using it.
    /// </summary>
    public AnalysisPipelineBuilder WarmCorpus(Action warmUp)
    {
        ArgumentNullException.ThrowIfNull(warmUp);
        _corpusWarmUps.Add(warmUp);
        return this;
    }

    /// <summary>True when a stage with this name is already present.</summary>
    public bool Contains(string name) => AllStages().Any(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>Validates the order and freezes the pipeline.</summary>
    /// <exception cref="SitrepException">A stage requires a capability that no earlier stage assigns.</exception>
    public AnalysisPipeline Build()
    {
        var assigned = new HashSet<string>(Capabilities.Given, StringComparer.Ordinal);
        foreach (var stage in AllStages())
        {
            foreach (var need in stage.Requires)
            {
                if (!assigned.Contains(need))
                {
                    var providers = AllStages().Where(s => s.Assigns.Contains(need, StringComparer.Ordinal)).Select(s => s.Name).ToList();
                    throw SitrepErrors.MissingCapability.Exception(
                        stage.Name,
                        need,
                        providers.Count == 0 ? "none" : string.Join(", ", providers));
                }
            }

            assigned.UnionWith(stage.Assigns);
        }

        return new AnalysisPipeline([.. _documentStages], [.. _corpusStages], Math.Max(1, MaxDegreeOfParallelism)) { CorpusWarmUps = [.. _corpusWarmUps], MinDocumentsToWarm = Math.Max(1, MinDocumentsToWarm) };
    }

    private IEnumerable<IAnalysisStage> AllStages() => _documentStages.Cast<IAnalysisStage>().Concat(_corpusStages);

    private void CheckName(IAnalysisStage stage)
    {
        if (Contains(stage.Name))
        {
            throw SitrepErrors.DuplicateStage.Exception(stage.Name, string.Join(", ", AllStages().Select(s => s.Name)));
        }
    }
}
