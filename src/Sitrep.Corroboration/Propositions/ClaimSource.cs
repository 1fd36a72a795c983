using System.Globalization;
using Sitrep.Claims;
using Sitrep.Corroboration.Grading;
using Sitrep.Pipeline;

namespace Sitrep.Corroboration.Propositions;

/// <summary>
/// Who stands behind a claim, as the corroboration stages count sources: a named holder quoted by several outlets is
/// one source; a post's author is a source within its outlet; otherwise the outlet (or syndication group) is.
/// </summary>
/// <param name="Key">The independent-source key.</param>
/// <param name="Label">Who holds it, for reasons ("Meridian Wire", "Peskov (via Meridian Wire)").</param>
/// <param name="Outlet">The outlet, if known.</param>
/// <param name="ReportTime">When it was reported: the post or update time, else the publication time.</param>
/// <param name="Weight">How much the source's word counts (Admiralty reliability).</param>
internal sealed record ClaimSource(string Key, string Label, string? Outlet, DateTimeOffset? ReportTime, double Weight)
{
    /// <summary>The source of <paramref name="claimRef"/>.</summary>
    /// <param name="corpus">The corpus.</param>
    /// <param name="claimRef">The claim.</param>
    /// <param name="origin">The independent origin of a document (its syndication group or outlet).</param>
    public static ClaimSource Of(Corpus corpus, ClaimRef claimRef, Func<Corpus, string, string> origin)
    {
        var analyzed = corpus.ById[claimRef.DocumentId];
        var doc = analyzed.Document;
        var claim = claimRef.Claim;
        var post = claim.PostId is null ? null : doc.Posts.FirstOrDefault(p => p.Id == claim.PostId);
        var where = Headlines.NameOf(analyzed);
        var from = origin(corpus, doc.Id);
        string key;
        string label;
        if (claim.Attribution.Kind == HolderKind.Named && !string.IsNullOrWhiteSpace(claim.Attribution.Refers ?? claim.Attribution.Text))
        {
            var holder = (claim.Attribution.EntityId ?? claim.Attribution.Refers ?? claim.Attribution.Text)!.Trim();
            key = "holder:" + holder.ToLowerInvariant();
            label = $"{holder} (via {where})";
        }
        else if (post?.Author is { } author)
        {
            key = from + "/" + author.ToLowerInvariant();
            label = $"{author} on {where}";
        }
        else
        {
            key = from;
            label = where;
        }

        return new ClaimSource(key, label, doc.Source.Outlet, ReportTimeOf(claim) ?? doc.Source.Published, SourceGrading.Weight(doc.Source.Reliability));
    }

    /// <summary>The claim's report time when it is a full date and time (a post's or live update's stamp).</summary>
    internal static DateTimeOffset? ReportTimeOf(Claim claim) =>
        claim.ReportTime is { Length: >= 16 } t && t.Contains('T', StringComparison.Ordinal)
        && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
}
