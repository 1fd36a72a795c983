using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests;

public sealed class ConfigWatchTests
{
    [Fact]
    public void TheWorkbenchWatchesNoSettingsFile()
    {
        // Each watched settings file holds an inotify instance; Linux gives a user 128 of them.
        using var factory = new WorkbenchFactory();
        var configuration = (IConfigurationRoot)factory.Services.GetRequiredService<IConfiguration>();

        var json = configuration.Providers.OfType<JsonConfigurationProvider>().ToList();

        json.ShouldNotBeEmpty();
        json.ShouldAllBe(p => !p.Source.ReloadOnChange);
    }
}
