namespace Sitrep.Cluster.Grains;

/// <summary>What a story grain keeps through Orleans' grain persistence (ADO.NET, PostgreSQL).</summary>
[GenerateSerializer]
public sealed class StoryGrainState
{
    /// <summary>Most ids kept in <see cref="Recent"/>.</summary>
    public const int RecentLimit = 16384;

    /// <summary>Stored and acknowledged documents not yet in the picture, in the order they came.</summary>
    [Id(0)]
    public List<string> Pending { get; set; } = [];

    /// <summary>
    /// The latest documents added to the picture: a report sent again (a client retrying after a silo died) is not
    /// added twice. Bounded; an older repeat is added again, which the incremental update absorbs (its units are the
    /// ones already stored).
    /// </summary>
    [Id(1)]
    public List<string> Recent { get; set; } = [];

    /// <summary>Documents added to the picture.</summary>
    [Id(2)]
    public long Applied { get; set; }

    /// <summary>Incremental updates applied.</summary>
    [Id(3)]
    public long Updates { get; set; }
}
