using Sitrep.Web.Analysis;

namespace Sitrep.Web.Tests;

/// <summary>When the deferred brief is built: on a reader's request, after a quiet period, or after the longest delay.</summary>
public sealed class BriefScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static BriefSchedule Schedule() => new(quiet: TimeSpan.FromSeconds(2), maxDelay: TimeSpan.FromSeconds(30));

    [Fact]
    public void ABriefThatIsCurrentIsNeverDue()
    {
        var schedule = Schedule();
        schedule.Want();

        schedule.Due(T0.AddHours(1)).ShouldBeFalse();
        schedule.Wait(T0).ShouldBeNull();
    }

    [Fact]
    public void ReportsArrivingFasterThanTheQuietPeriodBuildNothingUntilTheyStop()
    {
        var schedule = Schedule();
        for (var i = 0; i < 10; i++)
        {
            schedule.Added(T0.AddSeconds(i));
            schedule.Due(T0.AddSeconds(i + 1)).ShouldBeFalse($"report {i} was added a second ago");
        }

        schedule.Wait(T0.AddSeconds(10)).ShouldBe(TimeSpan.FromSeconds(1));
        schedule.Due(T0.AddSeconds(11)).ShouldBeTrue("two seconds after the last report");
    }

    [Fact]
    public void AReaderGetsTheBriefBuiltAtOnce()
    {
        var schedule = Schedule();
        schedule.Added(T0);
        schedule.Due(T0).ShouldBeFalse();

        schedule.Want();

        schedule.Due(T0).ShouldBeTrue();
    }

    [Fact]
    public void ASteadyStreamStillGetsABriefAfterTheLongestDelay()
    {
        var schedule = Schedule();
        for (var i = 0; i < 30; i++)
        {
            schedule.Added(T0.AddSeconds(i));
            schedule.Due(T0.AddSeconds(i)).ShouldBeFalse();
        }

        schedule.Added(T0.AddSeconds(30));
        schedule.Due(T0.AddSeconds(30)).ShouldBeTrue("the brief has been behind for 30 s");
    }

    [Fact]
    public void ABuildClearsTheRequestAndTheNextReportStartsANewWait()
    {
        var schedule = Schedule();
        schedule.Added(T0);
        schedule.Want();
        schedule.Built();

        schedule.Stale.ShouldBeFalse();
        schedule.Added(T0.AddSeconds(1));
        schedule.Due(T0.AddSeconds(1)).ShouldBeFalse("the reader's request was answered by the build before this report");
        schedule.Due(T0.AddSeconds(3)).ShouldBeTrue();
    }

    [Fact]
    public void ABriefFoundBehindAtStartIsBuiltAfterTheQuietPeriod()
    {
        var schedule = Schedule();
        schedule.FoundStale(T0);

        schedule.Due(T0.AddSeconds(1)).ShouldBeFalse();
        schedule.Due(T0.AddSeconds(2)).ShouldBeTrue();
    }
}
