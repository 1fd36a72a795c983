using Sitrep.Cluster.Story;
using Sitrep.Engine;
using Sitrep.Storage;

namespace Sitrep.Cluster.Hosting;

/// <summary>
/// A silo's stories and what its workers share: the document pipeline (built once, on first use, as models are large)
/// and one open store per story.
/// </summary>
public sealed class ClusterStories(ClusterSettings settings) : IDisposable
{
    private readonly Lazy<ReportAnalysis> _analysis = new(() => new ReportAnalysis(DefaultPipeline.Build()), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Dictionary<string, IStoryStore> _stores = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The workers' analysis.</summary>
    public ReportAnalysis Analysis => _analysis.Value;

    /// <summary>The store of the story named <paramref name="story"/>.</summary>
    /// <exception cref="ArgumentException">The silo serves no such story.</exception>
    public string DbOf(string story) => string.Equals(story, settings.Story, StringComparison.Ordinal)
        ? settings.Db
        : throw new ArgumentException($"This cluster serves the story '{settings.Story}', not '{story}'.", nameof(story));

    /// <summary>The store at <paramref name="db"/>, opened once and shared (the store serialises its writers).</summary>
    public IStoryStore StoreOf(string db)
    {
        lock (_gate)
        {
            if (!_stores.TryGetValue(db, out var store))
            {
                store = StoreFactory.Open(db);
                _stores[db] = store;
            }

            return store;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var store in _stores.Values)
            {
                store.Dispose();
            }

            _stores.Clear();
        }
    }
}
