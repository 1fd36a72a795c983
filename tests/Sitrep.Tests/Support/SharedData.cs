namespace Sitrep.Tests.Support;

/// <summary>
/// Locates <c>../shared</c> (the seeds and public datasets beside the repository). Tests that need it call
/// <see cref="Require"/>, which skips them with a clear message on a fresh clone that has no <c>../shared</c>.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The repository root (the folder holding Sitrep.slnx).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shared folder, or null when absent.</summary>
    public static string? SharedRoot => Root.Value;

    /// <summary>Returns the path of <paramref name="relative"/> inside ../shared, or skips the test when it is absent.</summary>
    public static string Require(string relative)
    {
        var root = Root.Value;
        var path = root is null ? null : Path.Combine(root, relative);
        if (path is null || (!File.Exists(path) && !Directory.Exists(path)))
        {
            Assert.Skip($"Skipped: needs ../shared/{relative} beside the repository (the seeds and public datasets); a fresh clone has none.");
        }

        return path!;
    }

    private static string? FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SITREP_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        return Directory.Exists(candidate) ? candidate : null;
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Sitrep.slnx) above " + AppContext.BaseDirectory);
    }
}
