namespace Sitrep.Web.Analysis;

/// <summary>Analyses new reports into the story's store, so that the stored picture covers them.</summary>
/// <remarks>
/// Called from one thread at a time (the analysis worker), so an addition never runs beside a build of the brief: a
/// brief stamped as built from the picture's version really was built from it.
/// </remarks>
public interface IReportAnalyzer
{
    /// <summary>
    /// Reads, analyses and stores <paramref name="files"/> and updates the stored picture. An analyzer may leave the brief
    /// behind the picture (<see cref="BriefIsBehind"/>) for <see cref="BuildBrief"/> to build once for many additions.
    /// </summary>
    /// <param name="dbPath">The store.</param>
    /// <param name="files">Full paths of the new files.</param>
    /// <param name="cancellationToken">Stops the run; what was committed stays.</param>
    /// <returns>The errors, one line each (empty when every file was read).</returns>
    IReadOnlyList<string> Analyze(string dbPath, IReadOnlyList<string> files, CancellationToken cancellationToken);

    /// <summary>True when the stored brief is older than the stored picture (reports were added since it was built).</summary>
    /// <param name="dbPath">The store.</param>
    bool BriefIsBehind(string dbPath) => false;

    /// <summary>
    /// Builds the stored brief (and ACH snapshot) from the stored picture when it is behind it; does nothing otherwise.
    /// </summary>
    /// <param name="dbPath">The store.</param>
    /// <param name="cancellationToken">Stops the build; the old brief stays.</param>
    /// <returns>True when a brief was built.</returns>
    bool BuildBrief(string dbPath, CancellationToken cancellationToken) => false;

    /// <summary>
    /// Loads what the first addition would otherwise load (models), so that no report added while someone waits pays
    /// for it. Called once, in the background, when the server starts.
    /// </summary>
    void WarmUp()
    {
    }
}
