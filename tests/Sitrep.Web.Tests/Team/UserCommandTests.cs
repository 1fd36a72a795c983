using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sitrep.Storage.Sqlite;
using Sitrep.Web.Accounts;
using Sitrep.Web.Tests.Support;

namespace Sitrep.Web.Tests.Team;

/// <summary><c>sitrep user add|role|list|password|remove</c>, run as the real command.</summary>
public sealed class UserCommandTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "sitrep.dll");

    private static async Task<(int Code, string Out, string Err)> Sitrep(string dir, string? stdin, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task AccountsAreAddedGivenRolesListedAndRemovedWithThePasswordNeverOnTheCommandLine()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sitrep-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var db = Path.Combine(dir, "wagner.db");
        await File.WriteAllTextAsync(Path.Combine(dir, "pw.txt"), "a long enough passphrase\n", TestContext.Current.CancellationToken);

        (await Sitrep(dir, TeamSupport.Password + "\n", "user", "add", "anna", "--role", "admin", "--db", db)).Code.ShouldBe(0);
        var bob = await Sitrep(dir, null, "user", "add", "Bob", "--role", "viewer", "--story", "wagner", "--password-file", "pw.txt", "--db", db);
        bob.Code.ShouldBe(0, bob.Err);
        bob.Out.ShouldContain("Added 'Bob' as viewer on story 'wagner'");
        var again = await Sitrep(dir, TeamSupport.Password + "\n", "user", "add", "BOB", "--role", "viewer", "--db", db);
        again.Code.ShouldBe(1);
        again.Err.ShouldContain("SR5101");
        var shortPassword = await Sitrep(dir, "short\n", "user", "add", "carol", "--role", "viewer", "--db", db);
        shortPassword.Code.ShouldBe(1);
        shortPassword.Err.ShouldContain("SR5104");
        shortPassword.Err.ShouldNotContain("short\n");
        var badRole = await Sitrep(dir, TeamSupport.Password + "\n", "user", "add", "carol", "--role", "boss", "--db", db);
        badRole.Code.ShouldBe(64);
        badRole.Err.ShouldContain("viewer, analyst, admin");

        (await Sitrep(dir, null, "user", "role", "bob", "--role", "analyst", "--story", "wagner", "--db", db)).Code.ShouldBe(0);
        var list = await Sitrep(dir, null, "user", "list", "--db", db);
        list.Code.ShouldBe(0);
        list.Out.ShouldContain("anna\tadmin on every story");
        list.Out.ShouldContain("Bob\tanalyst on story 'wagner'");
        list.Out.ShouldNotContain("AQAAAA", customMessage: "hashes are never printed");

        (await Sitrep(dir, "yet another passphrase\n", "user", "password", "bob", "--db", db)).Code.ShouldBe(0);
        (await Sitrep(dir, null, "user", "remove", "anna", "--db", db)).Code.ShouldBe(0);
        var gone = await Sitrep(dir, null, "user", "remove", "anna", "--db", db);
        gone.Code.ShouldBe(1);
        gone.Err.ShouldContain("No account 'anna'. Accounts: Bob.");

        using var store = SqliteDocumentStore.Open(db);
        var stored = store.FindAccount("bob").ShouldNotBeNull();
        stored.PasswordHash.ShouldNotContain("passphrase");
        new global::Sitrep.Web.Accounts.AccountService(store).Verify("bob", "yet another passphrase").Check.ShouldBe(global::Sitrep.Web.Accounts.PasswordCheck.Right);
    }

    [Fact]
    public async Task ARoleChangedOrTakenAwayAndAnAccountRemovedByTheCommandApplyAtTheServersNextRequest()
    {
        using var factory = TeamSupport.Create(null, ("anna", AccountRoles.Analyst, null), ("bob", AccountRoles.Viewer, null), ("carl", AccountRoles.Viewer, null));
        var ct = TestContext.Current.CancellationToken;
        var story = TeamSupport.StoryOf(factory);
        var db = factory.Seed.DbPath;
        var dir = Path.GetDirectoryName(db)!;
        var anna = await factory.SignedIn("anna");
        var bob = await factory.SignedIn("bob");
        var carl = await factory.SignedIn("carl");

        // Each has read a view (now kept in the view cache) with its account and role read by the server.
        foreach (var client in new[] { anna, bob, carl })
        {
            (await client.GetAsync("/api/overview", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await anna.GetFromJsonAsync<JsonElement>("/api/session", ct)).GetProperty("role").GetString().ShouldBe("analyst");

        // Another process, the command, changes the store; the server's very next request sees it.
        var demoted = await Sitrep(dir, null, "user", "role", "anna", "--role", "viewer", "--story", story, "--db", db);
        demoted.Code.ShouldBe(0, demoted.Err);
        (await anna.GetFromJsonAsync<JsonElement>("/api/session", ct)).GetProperty("role").GetString().ShouldBe("viewer");
        using (var refused = await anna.PostAsJsonAsync("/api/hypotheses", new { text = "A deal was struck" }, ct))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var takenAway = await Sitrep(dir, null, "user", "role", "bob", "--role", "none", "--story", story, "--db", db);
        takenAway.Code.ShouldBe(0, takenAway.Err);
        using (var noRole = await bob.GetAsync("/api/overview", ct))
        {
            noRole.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await noRole.Content.ReadAsStringAsync(ct)).ShouldContain("has no role on story");
        }

        var removed = await Sitrep(dir, null, "user", "remove", "carl", "--db", db);
        removed.Code.ShouldBe(0, removed.Err);
        (await carl.GetAsync("/api/overview", ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await carl.GetAsync("/evidence", ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
