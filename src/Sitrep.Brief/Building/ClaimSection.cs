using Sitrep.Brief.Model;
using Sitrep.Claims;
using Sitrep.Claims.Frames;
using Sitrep.Claims.Modality;
using Sitrep.Pipeline;

namespace Sitrep.Brief.Building;

/// <summary>Maps the claims layers of the documents into the brief, and picks the key claims the brief shows.</summary>
internal static class ClaimSection
{
    private const int KeyClaimCount = 12;

    /// <summary>All claims of all documents, in document then text order; ids are <c>{doc}-{claim}</c>.</summary>
    /// <remarks>A named holder whose words hold a resolved entity's mention links to that entity (<see cref="HolderLinks"/>).</remarks>
    public static List<BriefClaim> Claims(Corpus corpus, HolderLinks holders)
    {
        var perDocument = new List<BriefClaim>[corpus.Documents.Count];
        Parallel.For(0, perDocument.Length, i =>
        {
            var d = corpus.Documents[i];
            perDocument[i] = [.. (d.Layers.Find<ClaimLayer>()?.Items ?? []).Select(c => ToBrief(d, c, holders))];
        });

        return [.. perDocument.SelectMany(c => c)];
    }

    /// <summary>
    /// The key claims: those that say most about who holds what and how firmly (a named or vague holder, an estimative
    /// phrase, a quote, a negation, a number), taken round-robin across documents so that no source dominates.
    /// </summary>
    public static List<string> KeyClaims(IReadOnlyList<BriefClaim> claims)
    {
        var queues = claims
            .Where(c => c.DerivedFrom is null && c.Text.Length is >= 25 and <= 400)
            .Select(c => (Claim: c, Score: Score(c)))
            .Where(x => x.Score >= 1.5)
            .GroupBy(x => x.Claim.Doc, StringComparer.Ordinal)
            .Select(g => new Queue<BriefClaim>(g.OrderByDescending(x => x.Score).ThenBy(x => x.Claim.Start).Select(x => x.Claim)))
            .ToList();
        var picked = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (picked.Count < KeyClaimCount && queues.Any(q => q.Count > 0))
        {
            foreach (var queue in queues.Where(q => q.Count > 0))
            {
                if (picked.Count == KeyClaimCount)
                {
                    break;
                }

                // Syndicated copies carry the same claim; show it once.
                var claim = queue.Dequeue();
                if (seen.Add(claim.Text))
                {
                    picked.Add(claim.Id);
                }
            }
        }

        return picked;
    }

    private static double Score(BriefClaim c)
    {
        var score = c.Attribution.Kind switch
        {
            "named" => 2.0,
            "unnamed" => 1.5,
            _ => 0.0,
        };

        // Firm estimates (very likely, almost certain, remote) say more than a bare "may".
        score += c.Modality?.Band switch
        {
            null => 0,
            "even" => 0.5,
            "likely" or "unlikely" => 1.5,
            _ => 2.0,
        };
        score += c.Kind switch
        {
            "quote" => 0.5,
            "judgment" => 0.5,
            _ => 0,
        };
        score += c.Polarity == "negative" ? 0.5 : 0;
        score += c.Quantities.Count > 0 ? 1.0 : 0;
        score += c.Hearsay is null ? 0 : 0.5;
        score -= c.Text.Length > 250 ? 1.0 : 0;
        return score;
    }

    private static BriefClaim ToBrief(AnalyzedDocument document, Claim claim, HolderLinks holders)
    {
        var doc = document.Document;
        var a = claim.Attribution;
        var holder = holders.EntityOf(doc.Id, doc.Text, claim) ?? ClaimNames.Of(a.Kind);
        return new BriefClaim
        {
            Id = doc.Id + "-" + claim.Id,
            Doc = doc.Id,
            Post = claim.PostId,
            Start = claim.Span.Start,
            End = claim.Span.End,
            Text = Sitrep.Text.WhiteSpace.OneLine(doc.Slice(claim.Span)),
            Attribution = new BriefAttribution(holder, a.Text, ClaimNames.Of(a.Kind), a.Cue, a.Refers, a.Range?.Start, a.Range?.End),
            Polarity = ClaimNames.Of(claim.Polarity),
            Modality = claim.Likelihood is { IsEstimative: true } l ? new BriefModality(l.Term, l.Low, l.High, LikelihoodBands.Name(l.Band)) : null,
            Hedge = claim.Likelihood is { IsEstimative: false } hedge ? hedge.Term : null,
            Kind = ClaimNames.Of(claim.Kind),
            EventTime = claim.EventTime,
            ReportTime = claim.ReportTime,
            Hearsay = claim.Hearsay?.Term,
            Quantities = [.. claim.Quantities.Select(q => new BriefQuantity(q.Value, q.Unit, q.Hedge, q.Text, q.Range.Start, q.Range.End))],
            Answer = claim.Answer is { } answer ? new BriefSpan(doc.Id, answer.Start, answer.End) : null,
            DerivedFrom = claim.DerivedFrom is null ? null : doc.Id + "-" + claim.DerivedFrom,
            Frame = claim.Frame.IsEmpty ? null : Frame(doc, claim.Frame, holders),
        };
    }

    /// <summary>A claim's frame; each participant whose head word a resolved entity's mention covers is that mention.</summary>
    private static BriefFrame Frame(Sitrep.Documents.Document doc, Sitrep.Claims.Frames.ClaimFrame frame, HolderLinks holders) =>
        new(frame.EventClass, frame.Trigger, [.. frame.Measures.Select(FigureSection.ToBrief)])
        {
            Predicate = frame.Predicate is { } p ? doc.Text[p.Start..p.End] : null,
            Lemma = frame.Lemma,
            PredicateSpan = frame.Predicate is { } at ? new BriefSpan(doc.Id, at.Start, at.End) : null,
            Source = frame.Source,
            Participants =
            [
                .. frame.Participants.Select(p => holders.MentionCovering(doc.Id, p.Head) is var (entity, start, end)
                    ? new BriefParticipant(ParticipantRoles.Of(p.Role), Sitrep.Text.WhiteSpace.OneLine(doc.Text[start..end]), entity, new BriefSpan(doc.Id, start, end))
                    : new BriefParticipant(ParticipantRoles.Of(p.Role), Sitrep.Text.WhiteSpace.OneLine(p.Text), null, new BriefSpan(doc.Id, p.Range.Start, p.Range.End))),
            ],
        };
}
