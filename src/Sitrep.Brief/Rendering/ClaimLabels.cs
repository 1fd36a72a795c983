using System.Globalization;
using Sitrep.Brief.Model;

namespace Sitrep.Brief.Rendering;

/// <summary>Plain-text labels of a claim's holder, likelihood and kind, shared by the Markdown and HTML renderers (which escape them).</summary>
internal static class ClaimLabels
{
    /// <summary>The key claims of a report, in the order the brief lists them.</summary>
    public static IEnumerable<BriefClaim> KeyClaims(BriefReport report)
    {
        var byId = ReportIndex.Of(report).Claims;
        foreach (var id in report.KeyClaims)
        {
            if (byId.TryGetValue(id, out var claim))
            {
                yield return claim;
            }
        }
    }

    /// <summary>
    /// Who makes the claims a timeline entry dates, distinct and in order ("Peskov, Meridian Wire": a claim of the
    /// author is the outlet's when the source is known), or null when the entry links no claim.
    /// </summary>
    public static string? TimelineHolders(BriefReport report, BriefTimelineEntry entry)
    {
        var index = ReportIndex.Of(report);
        var holders = entry.Claims
            .Select(id => index.Claims.GetValueOrDefault(id))
            .Where(c => c is not null)
            .Select(c => (c!.Attribution.Kind ?? c.Attribution.Holder) == "author"
                ? index.Documents.GetValueOrDefault(c.Doc)?.Source.Outlet ?? "the author"
                : Source(index, c.Attribution))
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return holders.Count == 0 ? null : string.Join(", ", holders);
    }

    /// <summary>
    /// The source a holder names, as a reader knows it: the resolved actor's name, the name a pronoun stands for, else
    /// the holder as written; null for a pronoun that stands for no name (a "he" alone says nothing of who said it).
    /// </summary>
    private static string? Source(ReportIndex index, BriefAttribution a)
    {
        if (index.EntityNames.GetValueOrDefault(a.Holder) is { } name)
        {
            return name;
        }

        if (a.Text is { } text && text.ToLowerInvariant() is "he" or "she" or "they" or "it" or "him" or "her" or "them" or "which" or "who")
        {
            return a.Refers;
        }

        return a.Text ?? a.Holder;
    }

    /// <summary>"Prigozhin (named, claimed)", "the author", "reports (unnamed, indicate)".</summary>
    public static string Holder(BriefClaim claim)
    {
        var a = claim.Attribution;
        var kind = a.Kind ?? a.Holder;
        if (kind == "author")
        {
            return a.Text is { Length: > 0 } name ? $"the author ({name})" : "the author";
        }

        var text = a.Text ?? kind;
        if (a.Refers is { } refers)
        {
            text += $" [= {refers}]";
        }

        return a.Cue is { } cue ? $"{text} ({kind}, “{cue}”)" : $"{text} ({kind})";
    }

    /// <summary>"very likely, 80–95 %" or "unhedged".</summary>
    public static string Likelihood(BriefClaim claim) =>
        claim.Modality is { } m
            ? string.Create(CultureInfo.InvariantCulture, $"“{m.Term}” → {(m.Band ?? "band").Replace('_', ' ')} ({m.Low * 100:0}–{m.High * 100:0} %)")
            : "unhedged";

    /// <summary>Kind, with negation and hearsay when present.</summary>
    public static string Kind(BriefClaim claim)
    {
        var label = claim.Kind;
        if (claim.Polarity == "negative")
        {
            label += ", negated";
        }

        if (claim.Hearsay is { } hearsay)
        {
            label += $", hearsay “{hearsay}”";
        }

        return label;
    }
}
