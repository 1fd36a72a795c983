namespace Sitrep.Hypotheses;

/// <summary>
/// The match time-out of the ACH stage's patterns. They run on sentences and hypotheses, and none can backtrack
/// without bound; the time-out is a guard, not a limit a normal match comes near. It is wall time, so it must outlast
/// the pauses a loaded machine gives a thread (a blocking garbage collection, other processes on the same cores): at
/// 1 s, the whole stage failed once on the seeds at a load average of 32 (SR2004, "The Regex engine has timed out")
/// and the brief lost its ACH section.
/// </summary>
internal static class PatternBudget
{
    /// <summary>Milliseconds a single match may take before it is abandoned.</summary>
    public const int Milliseconds = 30_000;
}
