using System.Net.Http.Json;
using Sitrep.Web.Endpoints;

namespace Sitrep.Web.Tests.Support;

/// <summary>Reads the workbench's <c>/api/status</c>, once or until a condition holds (at most 60 s).</summary>
internal static class StatusPolling
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<WorkbenchApi.StatusDto> Status(HttpClient client) =>
        (await client.GetFromJsonAsync<WorkbenchApi.StatusDto>("/api/status", Ct))!;

    public static async Task<WorkbenchApi.StatusDto> WaitFor(HttpClient client, Func<WorkbenchApi.StatusDto, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var status = await Status(client);
            if (done(status))
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not reached in 60 s: {status}.");
            }

            await Task.Delay(50, Ct);
        }
    }
}
