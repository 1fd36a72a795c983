using System.Runtime.CompilerServices;

namespace Sitrep.Tests.Support;

/// <summary>
/// Settings every host started by this test assembly shares. Configuration files are not watched for changes: each
/// host would otherwise hold inotify instances, and a suite that starts hundreds of hosts on two cores runs out of the
/// per-user limit (128 on Debian), which fails later hosts with an IOException that has nothing to do with the test.
/// </summary>
internal static class TestHostSettings
{
    [ModuleInitializer]
    internal static void Apply()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("ASPNETCORE_hostBuilder__reloadConfigOnChange", "false");
    }
}
