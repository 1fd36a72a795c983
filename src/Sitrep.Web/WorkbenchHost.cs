using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.WebEncoders;
using Sitrep.Web.Accounts;
using Sitrep.Web.Analysis;
using Sitrep.Web.Endpoints;
using Sitrep.Web.Live;
using Sitrep.Web.Story;
using Sitrep.Web.Web;

namespace Sitrep.Web;

/// <summary>
/// Builds the workbench: Kestrel on the configured addresses, the story's services, the security headers, the token
/// gate or, in team mode, sign-in (cookie sessions, a rate limiter, roles per story), the read views' output cache
/// (<see cref="StoryViewCache"/>), the pages, the JSON API with its OpenAPI document, server-sent events and the embedded assets.
/// </summary>
public static class WorkbenchHost
{
    /// <summary>A host builder for the workbench; <see cref="WorkbenchOptions.Validate"/> is called first.</summary>
    /// <exception cref="Errors.SitrepException">SR5001 for an address that may not be bound, SR4xxx for a store that cannot be opened.</exception>
    public static IHostBuilder CreateHostBuilder(WorkbenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = ResolveTeam(options);
        options.Validate();
        return Host.CreateDefaultBuilder()
            .ConfigureHostConfiguration(NoConfigWatchers)
            .ConfigureLogging(logging => logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("System", LogLevel.Warning))
            .ConfigureWebHost(web => web
                .UseKestrel(kestrel =>
                {
                    // The whole request, multipart framing included, may not exceed the upload limit by more than a little.
                    kestrel.Limits.MaxRequestBodySize = options.MaxUploadBytes + (64 * 1024);
                    kestrel.AddServerHeader = false;
                })
                .UseUrls(options.Urls)
                .UseSetting(WebHostDefaults.ApplicationKey, typeof(WorkbenchHost).Assembly.GetName().Name)
                .UseSetting(WebHostDefaults.SuppressStatusMessagesKey, "true")
                .ConfigureServices(services => ConfigureServices(services, options))
                .Configure(Configure));
    }

    /// <summary>
    /// Turns off the default builder's watching of appsettings files for changes. The workbench reads no settings from
    /// them, and each watcher holds an inotify instance, of which Linux gives a user 128: several silos or test hosts on
    /// one machine would run out and fail to start with an IOException that names no cause.
    /// </summary>
    public static void NoConfigWatchers(Microsoft.Extensions.Configuration.IConfigurationBuilder configuration) =>
        Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(
            configuration, [new KeyValuePair<string, string?>("hostBuilder:reloadConfigOnChange", "false")]);

    /// <summary>
    /// Decides team mode when the server starts: on when asked for (<see cref="WorkbenchOptions.Team"/>) or when the store
    /// holds an account, so a store with accounts is never served without sign-in.
    /// </summary>
    /// <exception cref="Errors.SitrepException">SR5105 when team mode is asked for and the store holds no account; SR4xxx for a store that cannot be opened.</exception>
    public static WorkbenchOptions ResolveTeam(WorkbenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var store = Storage.StoreFactory.Open(Storage.StoreFactory.IsPostgres(options.DbPath) ? options.DbPath : Path.GetFullPath(options.DbPath, options.WorkingDirectory));
        var accounts = store.Accounts().Count;
        if (options.Team && accounts == 0)
        {
            throw Errors.SitrepErrors.TeamWithoutAccounts.Exception(Storage.StoreFactory.Display(options.DbPath));
        }

        return accounts > 0 && !options.Team ? options with { Team = true } : options;
    }

    /// <summary>Registers the workbench's services.</summary>
    public static void ConfigureServices(IServiceCollection services, WorkbenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton<StoryService>();
        services.AddSingleton<LiveHub>();
        services.AddSingleton<AssetCatalog>();
        services.AddSingleton<IReportAnalyzer>(sp => options.Analyzer ?? new StoryAnalyzer(options));
        services.AddSingleton<AnalysisWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<AnalysisWorker>());
        services.AddSingleton<UploadService>();
        services.AddSingleton<Decisions.Workbench>();
        services.AddSingleton(options.SignIn);
        services.AddSingleton(sp => new SignInService(sp.GetRequiredService<StoryService>().Store, options.SignIn, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddTeamSessions(options);
        services.AddRateLimiter(o => SignInLimiter.Configure(o, options.SignIn));
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        // Source texts in any script are written as they are (Cyrillic stays readable); markup characters are still encoded.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddOutputCache(o => o.AddPolicy(StoryViewCache.PolicyName, new StoryViewCache()));
        services.AddProblemDetails();
        services.AddOpenApi("v1");
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            o.Cookie.Name = StoryViewCache.AntiforgeryCookie;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
        });
        services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = options.MaxUploadBytes;
            o.ValueCountLimit = 256;
        });
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.AddRazorPages(o =>
            {
                o.Conventions.AddPageRoute("/Documents/Read", "documents/{id}");
            })
            .ConfigureApplicationPartManager(parts =>
            {
                // Only this assembly's pages: the host's entry assembly (the CLI) must not contribute a second copy.
                parts.ApplicationParts.Clear();
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(typeof(WorkbenchHost).Assembly).GetApplicationParts(typeof(WorkbenchHost).Assembly))
                {
                    parts.ApplicationParts.Add(part);
                }
            });
    }

    /// <summary>The request pipeline.</summary>
    public static void Configure(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var team = app.ApplicationServices.GetRequiredService<WorkbenchOptions>().Team;
        if (team)
        {
            // Only proxies on loopback are trusted (the default): the client's address and scheme behind a reverse proxy.
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorPages.HandleAsync, StatusCodeSelector = ErrorPages.StatusOf });
        app.UseStatusCodePages(ErrorPages.StatusCodeAsync);
        app.UseMiddleware<TokenGate>();
        if (team)
        {
            app.Use(SignInLimiter.CaptureName);
            app.UseRateLimiter();
        }

        app.UseRouting();
        if (team)
        {
            app.UseAuthentication();
            app.UseMiddleware<TeamGate>();
        }

        // After the doors, so a view kept in the cache is still only given to whom may see it.
        app.UseOutputCache();
        app.UseAntiforgery();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapGet("/healthz", () => Results.Text("ok")).ExcludeFromDescription();
            endpoints.MapGet("/readyz", (StoryService story) => story.Ping() ? Results.Text("ok") : Results.Problem(statusCode: 503, title: "The store does not answer")).ExcludeFromDescription();
            endpoints.MapGet("/assets/{hash}/{name}", (string hash, string name, HttpContext context, AssetCatalog assets) => assets.Serve(hash, name, context)).ExcludeFromDescription();
            endpoints.MapLiveEvents();
            endpoints.MapWorkbenchApi();
            endpoints.MapSessionEndpoints();
            endpoints.MapOpenApi("/openapi/{documentName}.json");
            endpoints.MapRazorPages();
        });
    }
}
