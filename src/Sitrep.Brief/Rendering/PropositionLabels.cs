using Sitrep.Brief.Model;

namespace Sitrep.Brief.Rendering;

/// <summary>What the appendix's Contested and Corroborated sections show (all of them; single-source ones stay in brief.json), shared by the Markdown and HTML renderers (which escape it).</summary>
internal static class PropositionLabels
{
    public static IEnumerable<BriefProposition> Contested(BriefReport report) =>
        report.Propositions.Where(p => p.Status == "contested");

    public static IEnumerable<BriefProposition> Corroborated(BriefReport report) =>
        report.Propositions.Where(p => p.Status == "corroborated");

    /// <summary>One row per document or post: who, its stance, its Admiralty code and the span of its claim.</summary>
    public static IEnumerable<(string Source, string Stance, string Grade, BriefSpan Cite)> Stances(BriefReport report, BriefProposition proposition)
    {
        var index = ReportIndex.Of(report);
        var claims = index.Claims;
        var firstClaim = new Dictionary<(string Doc, string? Post), BriefClaim>();
        foreach (var id in proposition.Claims)
        {
            if (claims.GetValueOrDefault(id) is { } c)
            {
                firstClaim.TryAdd((c.Doc, c.Post), c);
            }
        }

        foreach (var stance in proposition.Stances)
        {
            var doc = index.Documents.GetValueOrDefault(stance.Doc);
            var claim = firstClaim.GetValueOrDefault((stance.Doc, stance.Post));
            var source = doc?.Source.Outlet ?? doc?.Path ?? stance.Doc;
            var post = stance.Post is null ? null : doc?.Posts.FirstOrDefault(p => p.Id == stance.Post);
            if (post?.Author is { } author)
            {
                source += " · " + author;
            }

            if (claim?.Attribution.Kind == "named" && claim.Attribution.Text is { } holder)
            {
                // A pronoun says nothing out of its sentence: name the entity it was linked to instead.
                if (holder.ToLowerInvariant() is "he" or "she" or "they" or "it" or "we" && index.EntityNames.TryGetValue(claim.Attribution.Holder, out var name))
                {
                    holder = name;
                }

                source = holder + " (via " + source + ")";
            }

            // A reply judged by the thread stance model without a claim of its own: a comment adds nothing to the
            // list (brief.json keeps it); the others cite the reply itself.
            if (claim is null && post is not null && stance.Stance == "comment")
            {
                continue;
            }

            var grade = (doc?.Source.Reliability ?? "F") + proposition.Credibility.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var cite = claim is not null ? new BriefSpan(claim.Doc, claim.Start, claim.End)
                : post is not null ? new BriefSpan(stance.Doc, post.Start, post.End)
                : proposition.Cite ?? new BriefSpan(stance.Doc, 0, 0);
            yield return (source, stance.Stance, grade, cite);
        }
    }

    public static string Summary(BriefProposition p) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.IndependentSources} independent sources · credibility {p.Credibility} · support {p.Support:0.##} / denial {p.Denial:0.##}{(p.Alignment is null ? string.Empty : " · " + p.Alignment)}");
}
