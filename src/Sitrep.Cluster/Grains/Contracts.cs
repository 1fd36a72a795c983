namespace Sitrep.Cluster.Grains;

/// <summary>A report sent to the cluster: its name (stored as its path; the extension picks the reader) and its bytes.</summary>
[GenerateSerializer]
[Immutable]
public sealed class ReportSubmission
{
    /// <summary>The report's name.</summary>
    [Id(0)]
    public required string Name { get; init; }

    /// <summary>The report's bytes.</summary>
    [Id(1)]
    public required byte[] Content { get; init; }
}

/// <summary>
/// The cluster's acknowledgement of a report: its documents are stored (committed to the story's store) and queued in
/// the story grain's persisted state, so the picture will cover them even if a silo dies now.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed class ReportAck
{
    /// <summary>The stored documents the report was read into.</summary>
    [Id(0)]
    public required string[] DocumentIds { get; init; }

    /// <summary>Documents new to the store (0 when the report was stored before: a retry or a repeat).</summary>
    [Id(1)]
    public int Inserted { get; init; }

    /// <summary>One line per error.</summary>
    [Id(2)]
    public string[] Errors { get; init; } = [];

    /// <summary>The silo whose worker analysed it.</summary>
    [Id(3)]
    public string Silo { get; init; } = string.Empty;
}

/// <summary>Where a story grain stands.</summary>
[GenerateSerializer]
[Immutable]
public sealed class StoryStatus
{
    /// <summary>Documents added to the picture since the story grain's state was first written.</summary>
    [Id(0)]
    public long Applied { get; init; }

    /// <summary>Documents stored and acknowledged, not yet in the picture.</summary>
    [Id(1)]
    public int Pending { get; init; }

    /// <summary>Incremental updates applied.</summary>
    [Id(2)]
    public long Updates { get; init; }

    /// <summary>The silo the story grain is active on.</summary>
    [Id(3)]
    public string Silo { get; init; } = string.Empty;

    /// <summary>The last update's failure, null once one succeeds again.</summary>
    [Id(4)]
    public string? LastError { get; init; }
}

/// <summary>The stored picture summed up for comparison (<see cref="Story.PictureDigest"/>).</summary>
[GenerateSerializer]
[Immutable]
public sealed class PictureSummary
{
    /// <summary>The digest of the picture's stable parts (<see cref="Story.PictureDigest"/>).</summary>
    [Id(0)]
    public required string Digest { get; init; }

    /// <summary>Items per kind, as <c>kind=count</c>.</summary>
    [Id(1)]
    public required string[] Items { get; init; }

    /// <summary>Documents stored.</summary>
    [Id(2)]
    public long Documents { get; init; }

    /// <summary>Each part of the digest (<see cref="Story.PictureDigest"/>), as <c>part=digest</c>, so a mismatch names what differs.</summary>
    [Id(3)]
    public string[] Parts { get; init; } = [];
}

/// <summary>
/// Analyses reports: a stateless worker, so every silo runs as many activations as it has cores and calls spread over
/// the cluster. Stores the documents and hands their ids to the story grain before acknowledging.
/// </summary>
public interface IReportWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>Reads, analyses and stores <paramref name="report"/> for <paramref name="story"/>, then queues it in the story grain.</summary>
    Task<ReportAck> Ingest(string story, ReportSubmission report);
}

/// <summary>
/// Owns one story's incremental picture (key: the story's name): accepts stored documents, applies them to the stored
/// picture in batches by the single-node incremental update, and answers reads of its state. One activation in the
/// cluster at a time (Orleans' placement and directory), moved to another silo when its silo dies.
/// </summary>
public interface IStoryGrain : IGrainWithStringKey
{
    /// <summary>Queues stored documents for the picture; returns once the queue is persisted.</summary>
    Task Accept(string[] documentIds);

    /// <summary>Where the story stands.</summary>
    Task<StoryStatus> Status();

    /// <summary>Waits until every queued document is in the picture (or <paramref name="timeout"/> passes).</summary>
    Task<StoryStatus> Drain(TimeSpan timeout);

    /// <summary>The stored picture's digest.</summary>
    Task<PictureSummary> Digest();

    /// <summary>Computes the picture again over the whole story (after draining the queue) and returns its digest.</summary>
    Task<PictureSummary> Settle();
}
