using Sitrep.Errors;
using Sitrep.Hypotheses.Meaning;

namespace Sitrep.Web;

/// <summary>How the workbench is served: which store, which addresses, who may come in.</summary>
public sealed record WorkbenchOptions
{
    /// <summary>The default address: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The environment variable that may carry the access token instead of <c>--token</c>.</summary>
    public const string TokenVariable = "SITREP_TOKEN";

    /// <summary>Largest upload accepted, in bytes (the request body as a whole).</summary>
    public const long DefaultMaxUploadBytes = 16L * 1024 * 1024;

    /// <summary>The store that holds the story: a SQLite file, or a PostgreSQL connection string (see <see cref="Storage.StoreFactory"/>).</summary>
    public required string DbPath { get; init; }

    /// <summary>A folder whose new and changed files are analysed as they appear, or null.</summary>
    public string? WatchDirectory { get; init; }

    /// <summary>Addresses to listen on, separated by <c>;</c>.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>The access token; null or empty lets only loopback addresses be bound, and asks no token.</summary>
    public string? Token { get; init; }

    /// <summary>Largest upload request, in bytes.</summary>
    public long MaxUploadBytes { get; init; } = DefaultMaxUploadBytes;

    /// <summary>Largest file the ingest reads, in bytes.</summary>
    public long MaxFileBytes { get; init; } = Ingest.IngestOptions.DefaultMaxBytes;

    /// <summary>Folder that relative document paths of the story are resolved against.</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>
    /// The meaning model ACH rates evidence with when the analyst edits hypotheses; null rates by the frame rule only
    /// (tests), the default loads the shipped pair model on first use.
    /// </summary>
    public Func<IAchMeaning?> AchMeaning { get; init; } = static () => Engine.NliAchMeaning.Default;

    /// <summary>Runs the analysis of new reports; null uses the engine's default pipeline (<see cref="Analysis.StoryAnalyzer"/>).</summary>
    public Analysis.IReportAnalyzer? Analyzer { get; init; }

    /// <summary>
    /// How long after the last added report the brief is built again when no one has asked for it (reports are added with
    /// the brief deferred, so a burst builds it once).
    /// </summary>
    public TimeSpan BriefQuiet { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest the brief stays behind the picture while reports keep coming without a pause.</summary>
    public TimeSpan BriefMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest a read of a view waits for a brief that is being built; after it the view shows the last brief, marked
    /// as being updated, and open pages are redrawn when the new one is ready.
    /// </summary>
    public TimeSpan BriefWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Loads the analysis models in the background when the server starts (<see cref="Analysis.IReportAnalyzer.WarmUp"/>).</summary>
    public bool WarmUp { get; init; } = true;

    /// <summary>Where uploaded files are kept: a folder beside the store file, or <c>sitrep.uploads</c> in the working folder for a PostgreSQL store.</summary>
    public string UploadDirectory => Storage.StoreFactory.IsPostgres(DbPath)
        ? Path.Combine(WorkingDirectory, "sitrep.uploads")
        : Path.GetFullPath(DbPath, WorkingDirectory) + ".uploads";

    /// <summary>
    /// Team mode: people sign in with accounts kept in the store and act by their role on <see cref="StoryName"/>.
    /// Asked for with <c>--team</c>, and on whenever the store holds an account (<see cref="WorkbenchHost.CreateHostBuilder"/>
    /// decides when the server starts), so a store with accounts is never served without sign-in.
    /// </summary>
    public bool Team { get; init; }

    /// <summary>The story's name that roles are given for; null names it after the store (<see cref="StoryName"/>).</summary>
    public string? Story { get; init; }

    /// <summary>Sign-in limits and session length in team mode.</summary>
    public Accounts.SignInOptions SignIn { get; init; } = new();

    /// <summary>
    /// The story's name: <see cref="Story"/> when given, else the SQLite file's name without its extension
    /// (<c>wagner.db</c> → <c>wagner</c>) or the PostgreSQL database's name.
    /// </summary>
    public string StoryName => !string.IsNullOrWhiteSpace(Story) ? Story.Trim() : DefaultStoryName(DbPath);

    /// <summary>True when a token is configured.</summary>
    public bool HasToken => !string.IsNullOrEmpty(Token);

    /// <summary>
    /// Refuses addresses that are not loopback unless an access token is set, and addresses that cannot be read.
    /// </summary>
    /// <exception cref="SitrepException">SR5001 naming the address.</exception>
    public void Validate()
    {
        foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw SitrepErrors.BadOption.Exception("--urls", url, "http:// or https:// addresses such as " + DefaultUrls);
            }

            if (!HasToken && !Team && !IsLoopback(uri))
            {
                throw SitrepErrors.BadOption.Exception("--urls", url, $"a loopback address (127.0.0.1, [::1], localhost) unless an access token is set with --token or {TokenVariable}, or accounts sign in (--team)");
            }
        }

        if (Team && HasToken)
        {
            throw SitrepErrors.TokenInTeamMode.Exception(Storage.StoreFactory.Display(DbPath));
        }

        if (MaxUploadBytes < 1)
        {
            throw SitrepErrors.BadOption.Exception("--max-upload", MaxUploadBytes, "a positive number of bytes");
        }
    }

    /// <summary>The story name a store gives when none is set: the SQLite file's stem or the PostgreSQL database.</summary>
    public static string DefaultStoryName(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Storage.StoreFactory.IsPostgres(db))
        {
            return Storage.Postgres.PostgresConnection.Parse(db).Database is { Length: > 0 } database ? database : "story";
        }

        return Path.GetFileNameWithoutExtension(db) is { Length: > 0 } stem ? stem : "story";
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));
}
