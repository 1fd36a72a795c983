using System.Globalization;
using Sitrep.Brief.Model;

namespace Sitrep.Web.Live;

/// <summary>Says in words what an analysis changed: "2 new reports, 1 new dispute on the death toll".</summary>
public static class ChangeNotice
{
    /// <summary>The notice for the move from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static string Describe(BriefReport before, BriefReport after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var parts = new List<string>();
        var oldDocs = before.Documents.Select(d => d.ContentHash).ToHashSet(StringComparer.Ordinal);
        var newDocs = after.Documents.Count(d => !oldDocs.Contains(d.ContentHash));
        parts.Add(Count(newDocs, "new report", "new reports"));
        var oldDisputes = before.Status.Disputed.Select(Key).ToHashSet(StringComparer.Ordinal);
        var disputes = after.Status.Disputed.Where(d => !oldDisputes.Contains(Key(d))).ToList();
        if (disputes.Count > 0)
        {
            var first = disputes[0].Label ?? disputes[0].Topic;
            parts.Add(Count(disputes.Count, "new dispute", "new disputes") + (first is null ? string.Empty : " on " + first));
        }

        var oldConfirmed = before.Status.Confirmed.Select(Key).ToHashSet(StringComparer.Ordinal);
        var confirmed = after.Status.Confirmed.Count(d => !oldConfirmed.Contains(Key(d)));
        if (confirmed > 0)
        {
            parts.Add(Count(confirmed, "newly confirmed", "newly confirmed"));
        }

        return string.Join(", ", parts);
    }

    private static string Key(BriefStatusItem item) => item.Proposition ?? item.Figure ?? item.Topic ?? item.Text;

    private static string Count(int n, string one, string many) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);
}
