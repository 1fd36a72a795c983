using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Sitrep.Storage.Sqlite;
using Sitrep.Web.Accounts;

namespace Sitrep.Web.Tests.Support;

/// <summary>A workbench in team mode over the seeded story, with the accounts a test names.</summary>
public static class TeamSupport
{
    public const string Password = "correct horse battery staple";

    /// <summary>The story name the seeded store gives (its file is story.db or similar: whatever the seed chose).</summary>
    public static string StoryOf(WorkbenchFactory factory) => WorkbenchOptions.DefaultStoryName(factory.Seed.DbPath);

    /// <summary>A factory whose store holds the accounts, each with its role on the served story (or on the story given).</summary>
    public static WorkbenchFactory Create(SignInOptions? signIn = null, params (string Name, string Role, string? Story)[] accounts) =>
        new((factory, options) =>
        {
            using (var store = SqliteDocumentStore.Open(factory.Seed.DbPath))
            {
                var service = new AccountService(store);
                foreach (var (name, role, story) in accounts)
                {
                    service.Add(name, Password, role, story ?? WorkbenchOptions.DefaultStoryName(factory.Seed.DbPath));
                }
            }

            return options with { SignIn = signIn ?? options.SignIn };
        });

    public static HttpClient Client(this WorkbenchFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the form, as a browser would, and returns the response.</summary>
    public static async Task<HttpResponseMessage> SignIn(this HttpClient client, string name, string password = Password, string url = "/login")
    {
        var page = await client.GetPage("/login");
        return await client.PostForm(url, page, ("name", name), ("password", password));
    }

    /// <summary>A client signed in as <paramref name="name"/>.</summary>
    public static async Task<HttpClient> SignedIn(this WorkbenchFactory factory, string name)
    {
        var client = factory.Client();
        var response = await client.SignIn(name);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in of {name}");
        return client;
    }
}
