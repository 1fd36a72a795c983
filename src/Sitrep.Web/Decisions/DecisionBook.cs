using Sitrep.Entities;
using Sitrep.Entities.Aliases;
using Sitrep.Hypotheses;
using Sitrep.Hypotheses.Files;
using Sitrep.Hypotheses.Matrix;
using Sitrep.Storage;

namespace Sitrep.Web.Decisions;

/// <summary>
/// The analyst's decisions read back from the audit log, in the order made, and turned into what the engine takes:
/// alias decisions for entity resolution, hypotheses and rating overrides for ACH. The files the CLI remembered in the
/// store come first; the workbench's decisions are applied after them and win.
/// </summary>
public sealed class DecisionBook
{
    /// <summary>The settings key the CLI keeps a hypotheses file under.</summary>
    public const string HypothesesSetting = "ach.hypotheses";

    /// <summary>The settings key the CLI keeps a ratings file under.</summary>
    public const string RatingsSetting = "ach.ratings";

    private DecisionBook(IReadOnlyList<StoredDecision> all) => All = all;

    /// <summary>Every decision, oldest first.</summary>
    public IReadOnlyList<StoredDecision> All { get; }

    /// <summary>Reads the log.</summary>
    public static DecisionBook Read(IDecisionStore decisions, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(store);
        return new DecisionBook(decisions.Decisions());
    }

    /// <summary>A book over decisions already read.</summary>
    public static DecisionBook Of(IReadOnlyList<StoredDecision> decisions) => new(decisions);

    /// <summary>The decisions of one kind that concern <paramref name="subject"/> (compared without case), oldest first.</summary>
    public IEnumerable<StoredDecision> About(string kind, string subject) =>
        All.Where(d => d.Kind == kind && (string.Equals(d.Subject, subject, StringComparison.OrdinalIgnoreCase) || (kind == DecisionKinds.Merge && string.Equals(d.Value, subject, StringComparison.OrdinalIgnoreCase))));

    /// <summary>The stored alias decisions followed by the workbench's merges, splits and retypes.</summary>
    public AliasDecisions Aliases(AliasDecisions stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var added = new List<AliasDecision>();
        foreach (var d in All)
        {
            switch (d.Kind)
            {
                case DecisionKinds.Merge:
                    added.Add(new AliasDecision(AliasAction.Merge, [d.Subject, d.Value]));
                    break;
                case DecisionKinds.Split:
                    added.Add(new AliasDecision(AliasAction.Split, [d.Subject]));
                    break;
                case DecisionKinds.Retype when EntityTypes.Parse(d.Value) is { } type:
                    added.Add(new AliasDecision(AliasAction.Pin, [d.Subject], type));
                    break;
            }
        }

        // Appended rather than merged with Then: a later merge must not cancel an earlier one naming the same actor.
        return new AliasDecisions(stored.Items.Concat(added));
    }

    /// <summary>
    /// The hypotheses in force: the CLI's hypotheses file, then <paramref name="suggested"/>, with the workbench's
    /// additions, edits and removals applied in order.
    /// </summary>
    public IReadOnlyList<Hypothesis> Hypotheses(IDocumentStore store, IReadOnlyList<Hypothesis> suggested)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(suggested);
        var list = new List<Hypothesis>(store.GetSetting(HypothesesSetting) is { } text ? AchFiles.ReadHypotheses(text) : []);
        list.AddRange(suggested.Where(s => list.All(h => h.Id != s.Id)));
        foreach (var d in All.Where(d => d.Kind == DecisionKinds.Hypothesis))
        {
            var at = list.FindIndex(h => h.Id == d.Subject);
            if (d.Value.Length == 0)
            {
                if (at >= 0)
                {
                    list.RemoveAt(at);
                }
            }
            else if (at >= 0)
            {
                list[at] = list[at] with { Text = d.Value, Phrasings = [] };
            }
            else
            {
                list.Add(new Hypothesis(d.Subject, d.Value, HypothesisOrigin.User, []));
            }
        }

        return list;
    }

    /// <summary>The rating overrides in force: the CLI's ratings file, then the workbench's ratings in order.</summary>
    public Dictionary<(string Evidence, string Hypothesis), Cell> Ratings(IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var ratings = new Dictionary<(string Evidence, string Hypothesis), Cell>();
        if (store.GetSetting(RatingsSetting) is { } csv)
        {
            foreach (var (key, cell) in AchFiles.ReadRatingsText(csv))
            {
                ratings[key] = cell;
            }
        }

        foreach (var d in All.Where(d => d.Kind == DecisionKinds.Rating))
        {
            var parts = d.Subject.Split('|');
            if (parts.Length == 2 && RatingCodes.Parse(d.Value) is { } rating)
            {
                ratings[(parts[0], parts[1])] = new Cell(rating, string.IsNullOrWhiteSpace(d.Why) ? "set by " + d.Who : d.Why!, Overridden: true);
            }
        }

        return ratings;
    }

    /// <summary>
    /// What the engine's ACH stage takes on re-analysis: the analyst's own hypotheses (file and workbench, with edits)
    /// and every override; suggestions are made afresh.
    /// </summary>
    public AchOptions Ach(IDocumentStore store, bool suggest) =>
        new([.. Hypotheses(store, []).Where(h => h.Origin == HypothesisOrigin.User)], Ratings(store), suggest);

    /// <summary>The id the next hypothesis added in the workbench gets: W1, W2…</summary>
    public string NextHypothesisId() =>
        "W" + (All.Count(d => d.Kind == DecisionKinds.Hypothesis && d.Subject.StartsWith('W')) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
