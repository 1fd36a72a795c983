using Sitrep.Corroboration.Figures;
using Sitrep.Corroboration.Propositions;

namespace Sitrep.Corroboration.Evaluation;

/// <summary>Turns the corroboration output into the items <see cref="DisputeScorer"/> judges.</summary>
/// <remarks>
/// A contradiction or update becomes one item of two groups (its claims A and B); a Contested proposition one item whose
/// groups are the claims of the sources that support it and of those that deny it. A later <c>figures[]</c> row would
/// become one item with a group per value.
/// </remarks>
public static class DisputeReports
{
    /// <summary>The reported items of one analysed topic.</summary>
    /// <param name="layer">The proposition layer.</param>
    /// <param name="texts">Text of each analysed document, by document id.</param>
    /// <param name="names">The evaluation's name of each document id (the ECB+ file name).</param>
    /// <param name="topic">The topic, stamped on every item.</param>
    /// <param name="notes">Receives a line for each judgment that cannot be scored (a claim key in no proposition).</param>
    /// <param name="figures">
    /// The figure layer, when there is one: a contradiction between two figures is then scored on the figures as
    /// written (the number and its unit), not on the whole claims, so that an age set against an age is not credited
    /// to a dispute about a height stated in the same sentences.
    /// </param>
    /// <param name="states">
    /// The story states, when there are: a status that moved (steps in order, not disputed) is one update item, a group
    /// per status holding every claim that gives it.
    /// </param>
    public static IReadOnlyList<ReportedItem> From(PropositionLayer layer, IReadOnlyDictionary<string, string> texts, IReadOnlyDictionary<string, string> names, int topic, ICollection<string> notes, FigureLayer? figures = null, State.StoryStateLayer? states = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(notes);
        var claims = new Dictionary<string, ClaimRef>(StringComparer.Ordinal);
        foreach (var claim in layer.Propositions.SelectMany(p => p.Claims))
        {
            claims.TryAdd(claim.Key, claim);
        }

        EvidenceSpan? Evidence(string key)
        {
            if (!claims.TryGetValue(key, out var claim) || !texts.TryGetValue(claim.DocumentId, out var text) || !names.TryGetValue(claim.DocumentId, out var name))
            {
                return null;
            }

            var span = claim.Claim.Span;
            return new EvidenceSpan(name, span.Start, span.End, text[span.Start..span.End]);
        }

        var measures = new Dictionary<(string FigureId, string ClaimKey), FigureValue>();
        foreach (var figure in figures?.Figures ?? [])
        {
            foreach (var conflict in figure.Conflicts)
            {
                measures.TryAdd((figure.Id, conflict.Earlier.ClaimKey), conflict.Earlier);
                measures.TryAdd((figure.Id, conflict.Later.ClaimKey), conflict.Later);
            }
        }

        EvidenceSpan? FigureEvidence(Contradiction contradiction, string key)
        {
            if (!measures.TryGetValue((contradiction.PropositionId, key), out var value) || !texts.TryGetValue(value.DocumentId, out var text) || !names.TryGetValue(value.DocumentId, out var name))
            {
                return Evidence(key);
            }

            var range = value.Measure.Range;
            return new EvidenceSpan(name, range.Start, range.End, text[range.Start..range.End]);
        }

        var items = new List<ReportedItem>();
        foreach (var contradiction in layer.Contradictions)
        {
            if (FigureEvidence(contradiction, contradiction.A) is { } a && FigureEvidence(contradiction, contradiction.B) is { } b)
            {
                items.Add(new ReportedItem(topic, contradiction.IsUpdate ? ReportedKind.Update : ReportedKind.Contradiction, [[a], [b]], contradiction.Reason));
            }
            else
            {
                notes.Add($"contradiction {contradiction.A} / {contradiction.B}: a claim is in no proposition; not scored");
            }
        }

        foreach (var proposition in layer.Propositions.Where(p => p.Status == CorroborationStatus.Contested))
        {
            IReadOnlyList<EvidenceSpan> Side(StanceKind stance) =>
                [.. proposition.Stances.Where(s => s.Stance == stance).SelectMany(s => s.Claims).Select(Evidence).OfType<EvidenceSpan>()];
            items.Add(new ReportedItem(topic, ReportedKind.Contested, [Side(StanceKind.Support), Side(StanceKind.Deny)], $"contested {proposition.Id}: {proposition.Label}"));
        }

        foreach (var state in states?.States ?? [])
        {
            if (state.Disputed || state.Steps.Count < 2)
            {
                continue;
            }

            var readings = state.Readings.Count > 0 ? state.Readings : state.Steps;
            var groups = state.Steps.Select(s => s.Status).Distinct(StringComparer.Ordinal)
                .Select(status => (IReadOnlyList<EvidenceSpan>)[.. readings.Where(r => r.Status == status).Select(r => Evidence(r.ClaimKey)).OfType<EvidenceSpan>()])
                .ToList();
            items.Add(new ReportedItem(topic, ReportedKind.Update, groups, state.Summary));
        }

        return items;
    }
}
