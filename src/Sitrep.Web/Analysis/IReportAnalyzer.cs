namespace Sitrep.Web.Analysis;

/// <summary>Analyses new reports into the story's store, so that the stored picture covers them.</summary>
public interface IReportAnalyzer
{
    /// <summary>
    /// Reads, analyses and stores <paramref name="files"/> and updates the stored picture (brief and ACH snapshots).
    /// Called from one thread at a time.
    /// </summary>
    /// <param name="dbPath">The store.</param>
    /// <param name="files">Full paths of the new files.</param>
    /// <param name="cancellationToken">Stops the run; what was committed stays.</param>
    /// <returns>The errors, one line each (empty when every file was read).</returns>
    IReadOnlyList<string> Analyze(string dbPath, IReadOnlyList<string> files, CancellationToken cancellationToken);
}
