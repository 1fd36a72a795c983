using Sitrep.Cluster.Grains;
using Sitrep.Web.Analysis;

namespace Sitrep.Cluster.Hosting;

/// <summary>
/// The workbench's analysis in cluster mode: each new file goes to an analysis worker (any silo) and from there to the
/// story grain, instead of a run on this silo; the call returns once every file is acknowledged and in the picture.
/// </summary>
public sealed class ClusterReportAnalyzer(IGrainFactory grains, string story) : IReportAnalyzer
{
    /// <summary>How long the story grain is given to add the files to the picture before the call returns.</summary>
    public static TimeSpan DrainTimeout { get; } = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">
    /// The cluster did not acknowledge a file (a silo died mid-call, a call timed out, the store is away); the uploads stay
    /// journalled and the workbench's analysis worker tries again.
    /// </exception>
    public IReadOnlyList<string> Analyze(string dbPath, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        try
        {
            return Send(files, cancellationToken);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            // Said as the workbench's worker expects a failed run to be said; Orleans' own types would stop its host.
            throw new InvalidOperationException("The cluster did not acknowledge the new reports: " + ex.Message, ex);
        }
    }

    private List<string> Send(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var worker = 0;
        foreach (var file in files.Distinct(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            byte[] content;
            try
            {
                content = File.ReadAllBytes(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{Path.GetFileName(file)}: {ex.Message}");
                continue;
            }

            var ack = grains.GetGrain<IReportWorkerGrain>(worker++).Ingest(story, new ReportSubmission { Name = file, Content = content }).GetAwaiter().GetResult();
            errors.AddRange(ack.Errors);
        }

        grains.GetGrain<IStoryGrain>(story).Drain(DrainTimeout).GetAwaiter().GetResult();
        return errors;
    }
}
