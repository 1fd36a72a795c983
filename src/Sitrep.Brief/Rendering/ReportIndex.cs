using System.Runtime.CompilerServices;
using Sitrep.Brief.Model;

namespace Sitrep.Brief.Rendering;

/// <summary>Look-ups over one brief, built once per report and shared by every renderer (a corpus may hold 10⁵ claims).</summary>
internal sealed class ReportIndex
{
    private static readonly ConditionalWeakTable<BriefReport, ReportIndex> Cache = [];

    private ReportIndex(BriefReport report)
    {
        Claims = report.Claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Documents = report.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        EntityNames = report.Entities.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
    }

    public Dictionary<string, BriefClaim> Claims { get; }

    public Dictionary<string, BriefDocument> Documents { get; }

    /// <summary>Entity name by entity id.</summary>
    public Dictionary<string, string> EntityNames { get; }

    public static ReportIndex Of(BriefReport report) => Cache.GetValue(report, r => new ReportIndex(r));
}
