using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sitrep.Cluster.Grains;
using Sitrep.Web.Live;
using Sitrep.Web.Story;

namespace Sitrep.Cluster.Hosting;

/// <summary>
/// Keeps this silo's workbench on the story grain's picture: when the grain has applied an update (on any silo), the
/// workbench reads the shared store again and tells its open pages.
/// </summary>
public sealed partial class PictureFollower(IGrainFactory grains, ClusterSettings settings, StoryService story, LiveHub hub, ILogger<PictureFollower> logger) : BackgroundService
{
    /// <summary>How often the story grain is asked.</summary>
    public static TimeSpan Period { get; } = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long seen = -1;
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var status = await grains.GetGrain<IStoryGrain>(settings.Story).Status().ConfigureAwait(false);
                if (status.Updates != seen && status.Pending == 0)
                {
                    if (seen >= 0)
                    {
                        var (before, after) = story.Refresh();
                        hub.Publish("picture", ChangeNotice.Describe(before.Brief, after.Brief));
                    }

                    seen = status.Updates;
                }
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException or Errors.SitrepException or InvalidOperationException)
            {
                LogFollowFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The story grain did not answer; asking again")]
    private static partial void LogFollowFailed(ILogger logger, Exception exception);
}
