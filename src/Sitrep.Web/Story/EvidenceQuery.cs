using System.Globalization;
using Sitrep.Brief.Model;

namespace Sitrep.Web.Story;

/// <summary>What the Evidence view and <c>/api/evidence</c> filter by; every part is optional.</summary>
/// <param name="Actor">An actor's id or name: claims it holds or takes part in.</param>
/// <param name="Status">A proposition status (corroborated, contested, single-source…).</param>
/// <param name="Source">An outlet (or author when the document has no outlet).</param>
/// <param name="Credibility">Admiralty credibility at least this good (1 best … 6).</param>
/// <param name="From">Claims reported or happening on or after this day.</param>
/// <param name="To">… and on or before this day.</param>
public sealed record EvidenceFilter(string? Actor = null, string? Status = null, string? Source = null, int? Credibility = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>A proposition with its sources side by side.</summary>
/// <param name="Proposition">The proposition.</param>
/// <param name="Claims">Its claims, each with its source, stance and grade.</param>
/// <param name="Relations">Contradictions and updates that touch it, with their reasons.</param>
public sealed record EvidenceRow(BriefProposition Proposition, IReadOnlyList<ClaimRow> Claims, IReadOnlyList<BriefContradiction> Relations);

/// <summary>One source's claim within a proposition.</summary>
/// <param name="Claim">The claim.</param>
/// <param name="Document">Its document.</param>
/// <param name="Stance">The document's stance to the proposition.</param>
/// <param name="Grade">Admiralty grade: the source's reliability letter and the proposition's credibility digit, e.g. B2.</param>
public sealed record ClaimRow(BriefClaim Claim, BriefDocument? Document, string? Stance, string Grade)
{
    /// <summary>The outlet, else the author, else the path.</summary>
    public string SourceName => Document?.Source.Outlet ?? Document?.Source.Author ?? Document?.Path ?? Claim.Doc;
}

/// <summary>One page of the filtered propositions.</summary>
/// <param name="Rows">The rows of the page.</param>
/// <param name="Total">How many propositions pass the filter in all.</param>
public sealed record EvidencePage(IReadOnlyList<EvidenceRow> Rows, int Total);

/// <summary>Filters the stored propositions.</summary>
public static class EvidenceQuery
{
    /// <summary>
    /// The propositions that pass the filter, with only their claims that pass it: the <paramref name="limit"/> rows from
    /// <paramref name="offset"/> on (in the brief's order), and how many pass in all.
    /// </summary>
    public static EvidencePage Run(BriefReport brief, IReadOnlyList<ActorView> actors, EvidenceFilter filter, int offset = 0, int limit = Paging.DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(filter);
        var claims = brief.Claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var docs = brief.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var actor = string.IsNullOrWhiteSpace(filter.Actor) ? null : actors.FirstOrDefault(a => a.Id == filter.Actor || string.Equals(a.Name, filter.Actor, StringComparison.OrdinalIgnoreCase));
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var rows = new List<EvidenceRow>();
        var total = 0;
        foreach (var p in brief.Propositions)
        {
            if (filter.Status is { Length: > 0 } status && !string.Equals(p.Status, status, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (filter.Credibility is { } credibility && p.Credibility > credibility)
            {
                continue;
            }

            var kept = new List<ClaimRow>();
            foreach (var id in p.Claims)
            {
                if (!claims.TryGetValue(id, out var claim))
                {
                    continue;
                }

                var doc = docs.GetValueOrDefault(claim.Doc);
                var row = new ClaimRow(
                    claim,
                    doc,
                    p.Stances.FirstOrDefault(s => s.Doc == claim.Doc && (s.Post is null || s.Post == claim.Post))?.Stance,
                    (doc?.Source.Reliability ?? "F") + p.Credibility.ToString(CultureInfo.InvariantCulture));
                if (Passes(row, filter, actor))
                {
                    kept.Add(row);
                }
            }

            if (kept.Count == 0)
            {
                continue;
            }

            // Rows outside the page are only counted: their relations are not looked for.
            total++;
            if (total <= offset || rows.Count >= limit)
            {
                continue;
            }

            var ids = p.Claims.ToHashSet(StringComparer.Ordinal);
            var relations = brief.Contradictions.Where(c => c.Proposition == p.Id || c.A == p.Id || c.B == p.Id || ids.Contains(c.A) || ids.Contains(c.B)).ToList();
            rows.Add(new EvidenceRow(p, kept, relations));
        }

        return new EvidencePage(rows, total);
    }

    /// <summary>The statuses the stored propositions have.</summary>
    public static IReadOnlyList<string> Statuses(BriefReport brief) =>
        [.. (brief ?? throw new ArgumentNullException(nameof(brief))).Propositions.Select(p => p.Status).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The source names the stored documents have.</summary>
    public static IReadOnlyList<string> Sources(BriefReport brief) =>
        [.. (brief ?? throw new ArgumentNullException(nameof(brief))).Documents.Select(d => d.Source.Outlet ?? d.Source.Author ?? d.Path).Distinct(StringComparer.Ordinal).Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The first day an ISO 8601 time names, or null.</summary>
    public static DateOnly? Day(string? time) =>
        time is { Length: >= 10 } && DateOnly.TryParseExact(time[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static bool Passes(ClaimRow row, EvidenceFilter filter, ActorView? actor)
    {
        if (filter.Source is { Length: > 0 } source && !string.Equals(row.SourceName, source, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            if (actor is null)
            {
                return false;
            }

            var names = actor.Aliases.Append(actor.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var holds = names.Contains(row.Claim.Attribution.Holder) || row.Claim.Attribution.Refers == actor.Id;
            var takesPart = row.Claim.Frame?.Participants.Any(x => x.EntityId == actor.Id || names.Contains(x.Text)) == true;
            var mentioned = actor.Mentions.Any(m => m.Doc == row.Claim.Doc && m.Start >= row.Claim.Start && m.End <= row.Claim.End);
            if (!holds && !takesPart && !mentioned)
            {
                return false;
            }
        }

        if (filter.From is not null || filter.To is not null)
        {
            var day = Day(row.Claim.EventTime) ?? Day(row.Claim.ReportTime) ?? Day(row.Document?.Source.Published);
            if (day is null || (filter.From is { } from && day < from) || (filter.To is { } to && day > to))
            {
                return false;
            }
        }

        return true;
    }
}
