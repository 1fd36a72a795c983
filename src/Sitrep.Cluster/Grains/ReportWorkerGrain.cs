using Orleans.Concurrency;
using Sitrep.Cluster.Hosting;

namespace Sitrep.Cluster.Grains;

/// <summary>The analysis worker (<see cref="IReportWorkerGrain"/>): runs on whichever silo the call reaches.</summary>
[StatelessWorker]
public sealed class ReportWorkerGrain(ClusterStories stories) : Grain, IReportWorkerGrain
{
    /// <inheritdoc />
    public async Task<ReportAck> Ingest(string story, ReportSubmission report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var db = stories.DbOf(story);
        Story.ReportResult result;
        try
        {
            result = await Task.Run(() => stories.Analysis.Analyse(stories.StoreOf(db), report.Name, report.Content));
        }
        catch (Exception ex) when (ex is Errors.SitrepException or System.Data.Common.DbException or IOException)
        {
            // Said in words: the provider's exception types are not known to Orleans' serializer. Nothing is acknowledged.
#pragma warning disable MA0054 // The inner exception is what Orleans cannot serialize: its message is kept instead.
            throw new InvalidOperationException($"'{report.Name}' was not stored: {ex.Message}");
#pragma warning restore MA0054
        }

        if (result.DocumentIds.Count > 0)
        {
            // Acknowledged only once the story grain has persisted the ids: a silo dying before that makes the client
            // send again, and the store keeps the content once.
            await GrainFactory.GetGrain<IStoryGrain>(story).Accept([.. result.DocumentIds]);
        }

        return new ReportAck { DocumentIds = [.. result.DocumentIds], Inserted = result.Inserted, Errors = [.. result.Errors], Silo = RuntimeIdentity };
    }
}
