namespace Sitrep.Corroboration.Evaluation;

/// <summary>What kind of judgment the analysis reported.</summary>
public enum ReportedKind
{
    /// <summary>A contradiction between two claims (<c>IsUpdate</c> false).</summary>
    Contradiction,

    /// <summary>A proposition whose status is Contested: some sources support it, some deny it.</summary>
    Contested,

    /// <summary>A later report revising an earlier one (<c>IsUpdate</c> true).</summary>
    Update,
}

/// <summary>A claim's characters in one ECB+ document.</summary>
/// <param name="Doc">ECB+ document name without <c>.xml</c>.</param>
/// <param name="Start">First character.</param>
/// <param name="End">One past the last character.</param>
/// <param name="Text">The characters, for reports.</param>
public sealed record EvidenceSpan(string Doc, int Start, int End, string Text);

/// <summary>
/// One judgment the analysis reported, as groups of evidence: a contradiction or update has two groups of one claim
/// each; a contested proposition has its supporting claims and its denying claims. A future <c>figures[]</c> row
/// (values of one quantity by source) fits the same shape, one group per value.
/// </summary>
/// <param name="Topic">ECB+ topic.</param>
/// <param name="Kind">What was reported.</param>
/// <param name="Groups">Claims grouped by the side they take; only pairs from different groups are compared.</param>
/// <param name="Reason">The analysis' reason or label.</param>
public sealed record ReportedItem(int Topic, ReportedKind Kind, IReadOnlyList<IReadOnlyList<EvidenceSpan>> Groups, string Reason);

/// <summary>How a reported item was judged against the gold.</summary>
/// <param name="Correct">True when it is what the gold calls it (a dispute, or for an update a gold update).</param>
/// <param name="Category">
/// <c>dispute</c> or <c>update</c> when correct; otherwise why not: <c>gold update</c>, <c>gold dispute</c>,
/// <c>false pair: KIND</c>, <c>same side</c>, <c>agreement</c>, <c>different sub-events</c> or <c>unannotated</c>.
/// </param>
/// <param name="GoldId">The gold item it matched, or null.</param>
/// <param name="A">The first claim of the deciding pair (or of the item), for reports.</param>
/// <param name="B">The second claim of the deciding pair, or null.</param>
public sealed record DisputeVerdict(bool Correct, string Category, string? GoldId, EvidenceSpan? A, EvidenceSpan? B);

/// <summary>
/// Judges reported contradictions, contested propositions and updates against one topic's gold. A reported pair is
/// correct when its two claims' spans overlap the snippets of two different sides of one gold dispute (in either
/// order); a contested proposition is correct when one of its supporting claims and one of its denying claims do.
/// </summary>
public sealed class DisputeScorer
{
    private readonly DisputeGoldTopic _gold;
    private readonly Dictionary<string, List<Located>> _byDoc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _subEventOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _falsePairKind = new(StringComparer.Ordinal);
    private readonly List<(string ItemId, DisputeMention Mention)> _missing = [];

    /// <summary>Locates every gold snippet in the documents' texts.</summary>
    /// <param name="gold">The topic's gold.</param>
    /// <param name="texts">Text of each document by ECB+ name.</param>
    public DisputeScorer(DisputeGoldTopic gold, IReadOnlyDictionary<string, string> texts)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(texts);
        _gold = gold;
        foreach (var subEvent in gold.SubEvents)
        {
            foreach (var doc in subEvent.Docs)
            {
                _subEventOf[doc] = subEvent.Id;
            }

            foreach (var dispute in subEvent.Disputes)
            {
                AddSides(dispute, Role.Dispute, texts);
            }

            foreach (var update in subEvent.Updates)
            {
                AddSides(update, Role.Update, texts);
            }

            foreach (var agreement in subEvent.Agreements)
            {
                foreach (var mention in agreement.Mentions)
                {
                    Add(agreement.Id, Role.Agreement, 0, mention, texts);
                }
            }

            foreach (var pair in subEvent.FalsePairs)
            {
                _falsePairKind[pair.Id] = pair.Kind;
                foreach (var mention in pair.A)
                {
                    Add(pair.Id, Role.FalsePair, 0, mention, texts);
                }

                foreach (var mention in pair.B)
                {
                    Add(pair.Id, Role.FalsePair, 1, mention, texts);
                }
            }
        }
    }

    private enum Role
    {
        Dispute,
        Update,
        Agreement,
        FalsePair,
    }

    /// <summary>The gold being scored against.</summary>
    public DisputeGoldTopic Gold => _gold;

    /// <summary>Gold snippets not found in their document's text (each should be fixed in the gold file).</summary>
    public IReadOnlyList<(string ItemId, DisputeMention Mention)> Missing => _missing;

    /// <summary>Judges one reported item.</summary>
    public DisputeVerdict Judge(ReportedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var pairs = CrossPairs(item.Groups).ToList();
        var expected = item.Kind == ReportedKind.Update ? Role.Update : Role.Dispute;
        var other = expected == Role.Update ? Role.Dispute : Role.Update;
        if (FindSides(pairs, expected) is { } hit)
        {
            return new DisputeVerdict(true, expected == Role.Update ? "update" : "dispute", hit.Id, hit.A, hit.B);
        }

        if (FindSides(pairs, other) is { } wrong)
        {
            return new DisputeVerdict(false, other == Role.Update ? "gold update" : "gold dispute", wrong.Id, wrong.A, wrong.B);
        }

        foreach (var (a, b) in pairs)
        {
            foreach (var x in Hits(a).Where(h => h.Role == Role.FalsePair))
            {
                if (Hits(b).Any(y => y.Role == Role.FalsePair && y.Id == x.Id && y.Side != x.Side))
                {
                    return new DisputeVerdict(false, "false pair: " + _falsePairKind[x.Id], x.Id, a, b);
                }
            }
        }

        foreach (var (a, b) in pairs)
        {
            foreach (var x in Hits(a).Where(h => h.Role is Role.Dispute or Role.Update or Role.Agreement))
            {
                if (Hits(b).Any(y => y.Role == x.Role && y.Id == x.Id && y.Side == x.Side))
                {
                    return new DisputeVerdict(false, x.Role == Role.Agreement ? "agreement" : "same side", x.Id, a, b);
                }
            }
        }

        foreach (var (a, b) in pairs)
        {
            if (_subEventOf.TryGetValue(a.Doc, out var sa) && _subEventOf.TryGetValue(b.Doc, out var sb) && sa != sb)
            {
                return new DisputeVerdict(false, "different sub-events", null, a, b);
            }
        }

        var first = pairs.Count > 0 ? pairs[0] : (item.Groups.SelectMany(g => g).FirstOrDefault(), null);
        return new DisputeVerdict(false, "unannotated", null, first.Item1, first.Item2);
    }

    private static IEnumerable<(EvidenceSpan A, EvidenceSpan B)> CrossPairs(IReadOnlyList<IReadOnlyList<EvidenceSpan>> groups)
    {
        for (var i = 0; i < groups.Count; i++)
        {
            for (var j = i + 1; j < groups.Count; j++)
            {
                foreach (var a in groups[i])
                {
                    foreach (var b in groups[j])
                    {
                        if (a != b)
                        {
                            yield return (a, b);
                        }
                    }
                }
            }
        }
    }

    private (string Id, EvidenceSpan A, EvidenceSpan B)? FindSides(List<(EvidenceSpan A, EvidenceSpan B)> pairs, Role role)
    {
        foreach (var (a, b) in pairs)
        {
            foreach (var x in Hits(a).Where(h => h.Role == role))
            {
                if (Hits(b).Any(y => y.Role == role && y.Id == x.Id && y.Side != x.Side))
                {
                    return (x.Id, a, b);
                }
            }
        }

        return null;
    }

    private IEnumerable<Located> Hits(EvidenceSpan span) =>
        _byDoc.TryGetValue(span.Doc, out var located) ? located.Where(l => l.Start < span.End && span.Start < l.End) : [];

    private void AddSides(GoldDispute dispute, Role role, IReadOnlyDictionary<string, string> texts)
    {
        for (var side = 0; side < dispute.Sides.Count; side++)
        {
            foreach (var mention in dispute.Sides[side].Mentions)
            {
                Add(dispute.Id, role, side, mention, texts);
            }
        }
    }

    private void Add(string id, Role role, int side, DisputeMention mention, IReadOnlyDictionary<string, string> texts)
    {
        var ranges = texts.TryGetValue(mention.Doc, out var text) ? SnippetLocator.FindAll(text, mention.Snippet) : [];
        if (ranges.Count == 0)
        {
            _missing.Add((id, mention));
            return;
        }

        if (!_byDoc.TryGetValue(mention.Doc, out var list))
        {
            _byDoc[mention.Doc] = list = [];
        }

        foreach (var (start, end) in ranges)
        {
            list.Add(new Located(id, role, side, start, end));
        }
    }

    private sealed record Located(string Id, Role Role, int Side, int Start, int End);
}

/// <summary>Counts of one kind of reported item against the gold.</summary>
public sealed class DisputeTally
{
    private readonly HashSet<string> _found = new(StringComparer.Ordinal);

    /// <summary>Items reported.</summary>
    public int Reported { get; private set; }

    /// <summary>Items judged correct.</summary>
    public int Correct { get; private set; }

    /// <summary>Gold items (disputes or updates) in scope.</summary>
    public int Gold { get; private set; }

    /// <summary>Distinct gold items found by at least one correct item.</summary>
    public int Found => _found.Count;

    /// <summary>Ids of the gold items found.</summary>
    public IReadOnlyCollection<string> FoundIds => _found;

    /// <summary>Correct / reported; 1 when nothing was reported (see <see cref="NothingReported"/>).</summary>
    public double Precision => Reported == 0 ? 1.0 : (double)Correct / Reported;

    /// <summary>Found / gold; 1 when the gold holds nothing to find.</summary>
    public double Recall => Gold == 0 ? 1.0 : (double)Found / Gold;

    /// <summary>True when nothing was reported, so that precision is a convention, not a measurement.</summary>
    public bool NothingReported => Reported == 0;

    /// <summary>Adds gold items to find.</summary>
    public void AddGold(int count) => Gold += count;

    /// <summary>Adds one judged item.</summary>
    public void Add(DisputeVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        Reported++;
        if (verdict.Correct)
        {
            Correct++;
            _found.Add(verdict.GoldId!);
        }
    }

    /// <summary>Adds another tally (a topic into the total).</summary>
    public void Add(DisputeTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Reported += other.Reported;
        Correct += other.Correct;
        Gold += other.Gold;
        _found.UnionWith(other._found);
    }
}
