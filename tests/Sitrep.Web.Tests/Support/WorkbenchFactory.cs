using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Sitrep.Web.Analysis;

namespace Sitrep.Web.Tests.Support;

/// <summary>
/// The workbench over a seeded temporary store, in memory (TestServer) or on Kestrel for the browser, with ACH rated
/// by the frame rule only (no model loaded) and, unless a test gives one, an analyzer that only records what it got.
/// Its type parameter is the test assembly (which has an entry point and a deps file, as the factory requires); the host
/// itself comes from <see cref="WorkbenchHost.CreateHostBuilder"/>.
/// </summary>
public sealed class WorkbenchFactory : WebApplicationFactory<WorkbenchFactory>
{
    public WorkbenchFactory(Func<WorkbenchFactory, WorkbenchOptions, WorkbenchOptions>? configure = null, IReportAnalyzer? analyzer = null, string? token = null, long? maxUpload = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "sitrep-web-tests", Guid.NewGuid().ToString("N"));
        Seed = StorySeed.Create(Directory);
        Analyzer = analyzer ?? new RecordingAnalyzer();
        Options = new WorkbenchOptions
        {
            DbPath = Seed.DbPath,
            WorkingDirectory = Directory,
            AchMeaning = static () => null,
            Analyzer = Analyzer,
            Token = token,
            MaxUploadBytes = maxUpload ?? WorkbenchOptions.DefaultMaxUploadBytes,
        };
        if (configure is not null)
        {
            Options = configure(this, Options);
        }
    }

    public string Directory { get; }

    public StorySeed.Seeded Seed { get; }

    public IReportAnalyzer Analyzer { get; }

    public WorkbenchOptions Options { get; }

    protected override IHostBuilder CreateHostBuilder() => WorkbenchHost.CreateHostBuilder(Options with { Urls = "http://127.0.0.1:0" });

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(Directory);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>An analyzer that records the files it was given and stores nothing.</summary>
public sealed class RecordingAnalyzer : IReportAnalyzer
{
    private readonly List<string> _files = [];

    public IReadOnlyList<string> Files
    {
        get
        {
            lock (_files)
            {
                return [.. _files];
            }
        }
    }

    public IReadOnlyList<string> Analyze(string dbPath, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        lock (_files)
        {
            _files.AddRange(files);
        }

        return [];
    }
}
