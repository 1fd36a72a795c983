using System.Diagnostics;
using Shouldly;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Core;

/// <summary>Which projects must document their API is decided by their place in the repository, not by the clone's.</summary>
public sealed class BuildLayoutTests
{
    [Fact]
    public void ACloneUnderAFolderNamedSrcDocumentsOnlyTheLibrariesUnderItsOwnSrc()
    {
        // The repository's own build props, in a clone that itself lives in a folder named src (~/src/sitrep).
        var clone = Path.Combine(Some.TempDirectory(), "src", "sitrep");
        Directory.CreateDirectory(Path.Combine(clone, "bench", "Probe.Bench"));
        Directory.CreateDirectory(Path.Combine(clone, "src", "Probe.Library"));
        File.Copy(Path.Combine(SharedData.RepositoryRoot, "Directory.Build.props"), Path.Combine(clone, "Directory.Build.props"));
        const string project = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>{0}</OutputType></PropertyGroup></Project>";
        File.WriteAllText(Path.Combine(clone, "bench", "Probe.Bench", "Probe.Bench.csproj"), string.Format(System.Globalization.CultureInfo.InvariantCulture, project, "Exe"));
        File.WriteAllText(Path.Combine(clone, "src", "Probe.Library", "Probe.Library.csproj"), string.Format(System.Globalization.CultureInfo.InvariantCulture, project, "Library"));

        Evaluate(Path.Combine(clone, "bench", "Probe.Bench", "Probe.Bench.csproj"), "SitrepPublicApi").ShouldBeEmpty();
        Evaluate(Path.Combine(clone, "bench", "Probe.Bench", "Probe.Bench.csproj"), "NoWarn").ShouldContain("CS1591");
        Evaluate(Path.Combine(clone, "src", "Probe.Library", "Probe.Library.csproj"), "SitrepPublicApi").ShouldBe("true");
        Evaluate(Path.Combine(clone, "src", "Probe.Library", "Probe.Library.csproj"), "NoWarn").ShouldNotContain("CS1591");
    }

    private static string Evaluate(string projectPath, string property)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "msbuild", projectPath, "-getProperty:" + property, "-nologo" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var result = SitrepProcess.Run(info, TimeSpan.FromMinutes(2));
        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
        return result.Stdout.Trim();
    }
}
