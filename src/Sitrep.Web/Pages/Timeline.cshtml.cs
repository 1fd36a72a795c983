using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Sitrep.Brief.Model;
using Sitrep.Web.Story;
using Sitrep.Web.Web;

namespace Sitrep.Web.Pages;

/// <summary>One dot pair of the chart.</summary>
/// <param name="Entry">The timeline entry.</param>
/// <param name="Lane">Its lane (an actor, or Other).</param>
/// <param name="Happened">When it happened.</param>
/// <param name="Reported">When it was first reported, if known.</param>
public sealed record TimelinePoint(BriefTimelineEntry Entry, string Lane, DateTime Happened, DateTime? Reported);

/// <summary>Timeline: event time against report time, in lanes by actor, drawn as SVG on the server; zoom by range.</summary>
[OutputCache(PolicyName = StoryViewCache.PolicyName)]
public sealed class TimelineModel(StoryService story) : PageModel
{
    /// <summary>Chart width in SVG units.</summary>
    public const int Width = 1000;

    /// <summary>Left margin for lane names.</summary>
    public const int Left = 170;

    /// <summary>Height of one lane.</summary>
    public const int LaneHeight = 44;

    private const int MaxLanes = 7;

    /// <summary>First day shown.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>Last day shown.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>Points in range.</summary>
    public IReadOnlyList<TimelinePoint> Points { get; private set; } = [];

    /// <summary>Lanes, top to bottom.</summary>
    public IReadOnlyList<string> Lanes { get; private set; } = [];

    /// <summary>Entries whose date is unknown.</summary>
    public int Undated { get; private set; }

    /// <summary>Start of the axis.</summary>
    public DateTime AxisStart { get; private set; }

    /// <summary>End of the axis.</summary>
    public DateTime AxisEnd { get; private set; }

    /// <summary>Builds the chart.</summary>
    public void OnGet()
    {
        var brief = story.Current.Brief;
        var claims = brief.Claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var actors = story.Actors();
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in actors)
        {
            byId[a.Id] = a.Name;
            foreach (var n in a.Aliases.Append(a.Name))
            {
                byName.TryAdd(n, a.Name);
            }
        }

        var all = new List<(BriefTimelineEntry Entry, List<string> Actors, DateTime Happened, DateTime? Reported)>();
        foreach (var e in brief.Timeline)
        {
            if (!e.Placed || Parse(e.When) is not { } happened)
            {
                Undated++;
                continue;
            }

            var names = new List<string>();
            foreach (var id in e.Claims)
            {
                if (!claims.TryGetValue(id, out var c))
                {
                    continue;
                }

                names.AddRange((c.Frame?.Participants ?? []).Select(p => p.EntityId is { } eid && byId.TryGetValue(eid, out var n) ? n : byName.GetValueOrDefault(p.Text)).OfType<string>());
                if (byName.TryGetValue(c.Attribution.Holder, out var holder))
                {
                    names.Add(holder);
                }
            }

            all.Add((e, names, happened, Parse(e.Reported)));
        }

        Lanes = [.. all.SelectMany(x => x.Actors.Distinct(StringComparer.Ordinal)).GroupBy(n => n, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(MaxLanes).Select(g => g.Key), "Other"];
        var inRange = all.Where(x => (From is null || DateOnly.FromDateTime(x.Happened) >= From) && (To is null || DateOnly.FromDateTime(x.Happened) <= To)).ToList();
        Points = [.. inRange.Select(x => new TimelinePoint(x.Entry, x.Actors.FirstOrDefault(a => Lanes.Contains(a)) ?? "Other", x.Happened, x.Reported))];
        var times = Points.Select(p => p.Happened).Concat(Points.Select(p => p.Reported).OfType<DateTime>()).ToList();
        AxisStart = From?.ToDateTime(TimeOnly.MinValue) ?? (times.Count > 0 ? times.Min().Date : DateTime.UtcNow.Date);
        AxisEnd = To?.ToDateTime(TimeOnly.MaxValue) ?? (times.Count > 0 ? times.Max().Date.AddDays(1) : AxisStart.AddDays(1));
        if (AxisEnd <= AxisStart)
        {
            AxisEnd = AxisStart.AddDays(1);
        }
    }

    /// <summary>The x of a time, clamped to the axis.</summary>
    public double X(DateTime time)
    {
        var span = (AxisEnd - AxisStart).TotalSeconds;
        var at = Math.Clamp((time - AxisStart).TotalSeconds / span, 0, 1);
        return Math.Round(Left + (at * (Width - Left - 20)), 1);
    }

    /// <summary>The y of a lane's middle.</summary>
    public int Y(string lane) => 30 + (Math.Max(0, Lanes.ToList().IndexOf(lane)) * LaneHeight) + (LaneHeight / 2);

    /// <summary>Tick marks: about eight dates across the axis.</summary>
    public IEnumerable<DateTime> Ticks()
    {
        var days = Math.Max(1, (AxisEnd - AxisStart).TotalDays);
        var step = days / 8;
        for (var i = 0; i <= 8; i++)
        {
            yield return AxisStart.AddDays(step * i);
        }
    }

    /// <summary>The query of a zoom around the middle: factor below 1 zooms in.</summary>
    public string Zoom(double factor)
    {
        var middle = AxisStart + ((AxisEnd - AxisStart) / 2);
        var half = TimeSpan.FromDays(Math.Max(0.5, (AxisEnd - AxisStart).TotalDays * factor / 2));
        var from = DateOnly.FromDateTime(middle - half);
        var to = DateOnly.FromDateTime(middle + half);
        return string.Create(CultureInfo.InvariantCulture, $"/timeline?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
    }

    /// <summary>A time from the ISO 8601 text of the timeline (day, month or year precision), or null.</summary>
    public static DateTime? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var full) && text.Length >= 10)
        {
            return full.UtcDateTime;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        return DateTime.TryParseExact(text.Length >= 10 ? text[..10] : text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day) ? day : null;
    }
}
