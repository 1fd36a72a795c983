using Sitrep.Brief.Model;
using Sitrep.Engine;
using Sitrep.Storage;
using Sitrep.Web.Decisions;

namespace Sitrep.Cluster.Story;

/// <summary>
/// Keeps one story's stored picture up to date with documents the workers have stored, by the same incremental update
/// single-node <c>serve</c> runs (<see cref="AnalysisRun"/> with <see cref="RunOptions.Incremental"/>, the documents
/// passed as <see cref="RunOptions.Stored"/>): the first update, with no picture yet, computes the whole story.
/// </summary>
/// <remarks>Not thread-safe: one caller at a time (the story grain's single activation).</remarks>
public sealed class StoryUpdate : IDisposable
{
    private readonly IStoryStore _store;
    private readonly AnalysisRun _run;

    /// <summary>Opens the story's store and builds the pipeline with the analyst's decisions, as <c>serve</c> does.</summary>
    public StoryUpdate(string db)
    {
        _store = StoreFactory.Open(db);
        var decisions = DecisionBook.Read(_store, _store);
        Pipeline = DefaultPipeline.Build(aliases: decisions.Aliases(EntityAliasSettings.Load(_store, null)), ach: decisions.Ach(_store, suggest: true));
        _run = new AnalysisRun(Pipeline, _store);
    }

    /// <summary>The pipeline the picture is made with.</summary>
    public Pipeline.AnalysisPipeline Pipeline { get; }

    /// <summary>The story's store.</summary>
    public IStoryStore Store => _store;

    /// <summary>Adds stored documents to the picture; returns the brief as it now stands.</summary>
    public BriefReport Apply(IReadOnlyList<string> documentIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        var result = _run.Execute(new RunOptions { Inputs = [], Stored = documentIds, Incremental = true }, progress: null, cancellationToken);
        return result.Brief;
    }

    /// <summary>
    /// Computes the picture again over the whole stored story (the corpus stages over every document, as a single-node
    /// <c>analyze</c> does), the reference an incremental picture is compared with.
    /// </summary>
    public BriefReport Settle(CancellationToken cancellationToken = default) =>
        _run.Execute(new RunOptions { Inputs = [], Incremental = false }, progress: null, cancellationToken).Brief;

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();
}
