using System.Globalization;
using Sitrep.Brief.Model;

namespace Sitrep.Brief.Building;

/// <summary>
/// Builds the brief's front part (bottom line, key judgments, status, actors that matter, what to watch) from what the
/// pipeline already computed: propositions with their independent sources and grades, figures, story states, ACH and
/// the documents' dates. It writes no sentence of its own about the event: every statement quotes the cited source
/// characters and adds only counts, grades and dates. A claim carried only by comment threads or E/F sources never
/// leads and is never stated as fact; a single-source claim is attributed.
/// </summary>
public static class FrontPartBuilder
{
    private const int MaxJudgments = 4;
    private const int MaxConfirmed = 3;
    private const int MaxOpen = 4;
    private const int MaxChanged = 4;
    private const int MaxWatch = 4;
    private const int MaxActors = 10;
    private const int MaxSourceJudgments = 2;
    private const int MaxFigures = 3;

    /// <summary>Most words in the front part (about two printed pages with the headings and citation marks).</summary>
    public const int WordBudget = 760;

    private static readonly string[] Likelihoods =
        ["almost no chance", "very unlikely", "unlikely", "roughly even chance", "likely", "very likely", "almost certain"];

    /// <summary>Returns <paramref name="report"/> with its front part filled.</summary>
    /// <param name="report">A brief built by <see cref="BriefBuilder"/> (or read back from brief.json).</param>
    /// <param name="texts">Document text by id, to tell names from common nouns; may be empty.</param>
    /// <param name="since">When given, <see cref="BriefStatus.Changed"/> lists what was reported after this time.</param>
    public static BriefReport Build(BriefReport report, IReadOnlyDictionary<string, string> texts, DateTimeOffset? since = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(texts);
        var facts = new BriefFacts(report);
        var used = new List<HashSet<string>>();
        var ranked = facts.Views
            .Where(v => v.Display is not null && !v.IsFurniture && v.Display.Kind is not ("question" or "speculation"))
            .OrderByDescending(v => v.Importance)
            .ThenBy(v => v.Proposition.Credibility)
            .ToList();
        var confirmedPool = ranked.Where(v => v.CredibleSources >= 2 && v.Proposition.Credibility <= 2 && v.CredibleDenials == 0).ToList();

        var bottomLine = BottomLine(facts, confirmedPool);
        var judgments = KeyJudgments(facts, confirmedPool, used);

        // Confirmed lists what the bottom line and the judgments have not already said.
        var said = bottomLine.Select(b => b.Proposition).Concat(judgments.Select(j => j.Proposition)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        used.AddRange(confirmedPool.Where(v => said.Contains(v.Proposition.Id)).Select(v => BriefFacts.ContentWords(v.Display!.Text)));
        var confirmed = Distinct(confirmedPool.Where(v => !said.Contains(v.Proposition.Id)), used).Take(MaxConfirmed)
            .Select(v => new BriefStatusItem(BriefFacts.Quote(v.Display!.Text, 18), Basis(v, facts), [v.Cite]) { Proposition = v.Proposition.Id })
            .ToList();
        var disputed = Disputed(facts, ranked);
        var open = Open(facts, ranked);
        var changed = Changed(facts, since);
        var watch = Watch(facts, ranked, used);
        var front = report with
        {
            BottomLine = bottomLine,
            KeyJudgments = judgments,
            SourceJudgments = SourceJudgments(facts),
            Status = new BriefStatus(confirmed, disputed, open, changed) { Since = since?.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture) },
            ActorsThatMatter = ActorPicker.Pick(facts, texts, MaxActors),
            Watch = watch,
        };
        return Trim(front);
    }

    /// <summary>The front part's words as a reader counts them (labels and bases included, citation marks not).</summary>
    public static int WordCount(BriefReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        static int W(string? text) => text is null ? 0 : BriefFacts.WordCount(text);
        var s = report.Status;
        var figures = report.Figures.DistinctBy(f => f.Id).ToDictionary(f => f.Id, StringComparer.Ordinal);
        return report.BottomLine.Sum(b => W(b.Text))
            + report.KeyJudgments.Sum(j => 3 + W(j.Text) + W(j.Basis) + W(j.Likelihood))
            + report.SourceJudgments.Sum(j => W(j.Text))
            + new[] { s.Confirmed, s.Open, s.Changed }.Sum(items => items.Sum(i => W(i.Text) + W(i.Basis) + W(i.Label)))
            + s.Disputed.Sum(i => i.Figure is { } id && figures.TryGetValue(id, out var f) ? W(f.Label) + W(i.Label) + f.Values.Sum(v => W(v.Value) + W(v.Source)) : W(i.Text) + W(i.Basis) + W(i.Label))
            + report.ActorsThatMatter.Sum(a => W(a.Name) + W(a.Role) + a.Claimed.Sum(c => W(c.Text)))
            + report.Watch.Sum(w => W(w.Text) + W(w.Reason));
    }

    /// <summary>
    /// Keeps the front part within <see cref="WordBudget"/> words: length follows importance, not the size of the
    /// corpus. The least important items go first (watch items, the sources' own judgments, confirmed items, the last
    /// actors, disputed figures), never the bottom line or the first key judgments.
    /// </summary>
    private static BriefReport Trim(BriefReport report)
    {
        while (WordCount(report) > WordBudget)
        {
            var s = report.Status;
            if (report.Watch.Count > 2)
            {
                report = report with { Watch = [.. report.Watch.SkipLast(1)] };
            }
            else if (report.SourceJudgments.Count > 1)
            {
                report = report with { SourceJudgments = [.. report.SourceJudgments.SkipLast(1)] };
            }
            else if (s.Confirmed.Count > 2)
            {
                report = report with { Status = s with { Confirmed = [.. s.Confirmed.SkipLast(1)] } };
            }
            else if (report.ActorsThatMatter.Count > 8)
            {
                report = report with { ActorsThatMatter = [.. report.ActorsThatMatter.SkipLast(1)] };
            }
            else if (s.Disputed.Count > 2)
            {
                report = report with { Status = s with { Disputed = [.. s.Disputed.SkipLast(1)] } };
            }
            else if (report.KeyJudgments.Count > 3)
            {
                report = report with { KeyJudgments = [.. report.KeyJudgments.SkipLast(1)] };
            }
            else if (report.ActorsThatMatter.Count > 5)
            {
                report = report with { ActorsThatMatter = [.. report.ActorsThatMatter.SkipLast(1)] };
            }
            else if (s.Confirmed.Count > 1)
            {
                report = report with { Status = s with { Confirmed = [.. s.Confirmed.SkipLast(1)] } };
            }
            else
            {
                break;
            }
        }

        return report;
    }

    /// <summary>The ICD 203 word for an Admiralty credibility (1 confirmed … 5 improbable), one step toward even odds per credible denial.</summary>
    internal static string? LikelihoodOf(PropositionView v)
    {
        var band = v.Proposition.Credibility switch
        {
            1 => 6,
            2 => 5,
            3 => 4,
            4 => 2,
            5 => 1,
            _ => -1,
        };
        if (band < 0)
        {
            return null;
        }

        for (var i = 0; i < v.CredibleDenials; i++)
        {
            band += band > 3 ? -1 : band < 3 ? 1 : 0;
        }

        return Likelihoods[band];
    }

    /// <summary>
    /// High: three or more independent sources, two of them graded outlets, the best graded A or B, no denial.
    /// Moderate: two independent sources, one a graded outlet, denials fewer than half the support. Low otherwise.
    /// </summary>
    internal static string ConfidenceOf(PropositionView v)
    {
        var p = v.Proposition;
        if (p.IndependentSources >= 3 && v.CredibleSources >= 2 && v.Denials == 0 && v.BestGrade is "A" or "B")
        {
            return "high";
        }

        return p.IndependentSources >= 2 && v.CredibleSources >= 1 && v.Denials * 2 < Math.Max(1, p.IndependentSources) ? "moderate" : "low";
    }

    /// <summary>"3 independent sources, B1 (2 graded outlets); disputed by 1": the best source's Admiralty code.</summary>
    internal static string Basis(PropositionView v, BriefFacts facts)
    {
        var p = v.Proposition;
        var dispute = v.Denials == 0 ? "not disputed" : $"disputed by {v.Denials}";
        return string.Create(CultureInfo.InvariantCulture, $"{BriefFacts.Plural(p.IndependentSources, "independent source")}, {v.BestGrade}{p.Credibility} ({v.CredibleSources} graded); {dispute}");
    }

    private static IEnumerable<PropositionView> Distinct(IEnumerable<PropositionView> views, List<HashSet<string>> used)
    {
        foreach (var v in views)
        {
            var words = BriefFacts.ContentWords(v.Display!.Text);
            if (used.Any(u => BriefFacts.SaysTheSame(u, words)))
            {
                continue;
            }

            used.Add(words);
            yield return v;
        }
    }

    private static List<BriefJudgment> KeyJudgments(BriefFacts facts, List<PropositionView> confirmedPool, List<HashSet<string>> used)
    {
        var judgments = new List<BriefJudgment>();
        foreach (var v in Distinct(confirmedPool.Where(v => v.Display!.Kind != "quote"), used).Take(MaxJudgments - 1))
        {
            var likelihood = LikelihoodOf(v)!;
            judgments.Add(new BriefJudgment(BriefFacts.Quote(v.Display!.Text, 18) + ".", likelihood, ConfidenceOf(v), Basis(v, facts), [v.Cite]) { Proposition = v.Proposition.Id });
        }

        foreach (var figure in FigureJudgments(facts))
        {
            if (judgments.Count >= MaxJudgments)
            {
                break;
            }

            judgments.Add(figure);
        }

        return judgments;
    }

    /// <summary>For a disputed figure, the value two or more graded outlets give, judged against the others.</summary>
    private static IEnumerable<BriefJudgment> FigureJudgments(BriefFacts facts)
    {
        foreach (var figure in facts.Report.Figures.Where(f => f.Verdict == "dispute"))
        {
            var groups = ValueGroups(facts, figure);
            var best = groups[0];
            if (best.Credible < 2)
            {
                continue;
            }

            var others = groups.Skip(1).ToList();
            var credibleDissent = others.Sum(g => g.Credible);
            var likelihood = credibleDissent == 0 ? "likely" : "roughly even chance";
            var confidence = best.Credible >= 3 && credibleDissent == 0 ? "moderate" : "low";
            var against = others.Count == 0 ? string.Empty : "; " + string.Join("; ", others.Select(g => $"{g.Value} per {g.Who}"));
            var text = $"{FrontPartText.Capital(figure.Label)}: {best.Value}, as {best.Who} give{(best.Values.Count == 1 ? "s" : string.Empty)}{against}.";
            var basis = string.Create(CultureInfo.InvariantCulture, $"{BriefFacts.Plural(best.Credible, facts.OutletWord)} agree; {(others.Count == 0 ? "no other value" : $"disputed by {BriefFacts.Plural(others.Sum(g => g.Values.Count), "source")} ({string.Join(", ", others.SelectMany(g => g.Grades).Distinct().Order(StringComparer.Ordinal))})")}");
            yield return new BriefJudgment(text, likelihood, confidence, basis, [.. best.Values.Select(x => x.Cite), .. others.SelectMany(g => g.Values).Select(x => x.Cite)]) { Figure = figure.Id };
        }
    }

    internal sealed record ValueGroup(string Value, List<BriefFigureValue> Values, int Credible, List<string> Grades, string Who);

    /// <summary>A figure's values grouped by value, the one most graded outlets give first.</summary>
    internal static List<ValueGroup> ValueGroups(BriefFacts facts, BriefFigure figure) =>
        [.. figure.Values
            .GroupBy(v => v.Value, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var values = g.ToList();
                var credible = values.Where(v => facts.IsCredible(v.Cite.Doc)).Select(v => facts.Outlet(v.Cite.Doc)).Distinct(StringComparer.Ordinal).Count();
                var grades = values.Select(v => facts.Grade(v.Cite.Doc)).Distinct().Order(StringComparer.Ordinal).ToList();
                var who = string.Join(", ", values.Select(v => $"{v.Source} ({facts.Grade(v.Cite.Doc)})").Distinct(StringComparer.Ordinal));
                return new ValueGroup(g.Key, values, credible, grades, who);
            })
            .OrderByDescending(g => g.Credible)
            .ThenByDescending(g => g.Values.Count)];

    private static List<BriefSourceJudgment> SourceJudgments(BriefFacts facts)
    {
        string[] analytic = ["almost_no_chance", "very_unlikely", "unlikely", "likely", "very_likely", "almost_certain"];
        return
        [
            .. facts.Report.Claims
                .Where(c => c.Kind == "judgment" && c.Modality?.Band is { } band && analytic.Contains(band) && facts.IsCredible(c.Doc) && !facts.IsFurniture(c))
                .OrderBy(c => facts.Documents.GetValueOrDefault(c.Doc)?.Kind == "brief" ? 0 : 1)
                .ThenBy(c => facts.Grade(c.Doc), StringComparer.Ordinal)
                .ThenByDescending(c => c.Modality!.Band is "very_likely" or "almost_certain" or "very_unlikely" or "almost_no_chance" ? 1 : 0)
                .ThenBy(c => c.Start)
                .DistinctBy(c => c.Text, StringComparer.OrdinalIgnoreCase)
                .Take(MaxSourceJudgments)
                .Select(c => new BriefSourceJudgment(
                    facts.GradedHolder(c),
                    c.Modality!.Term,
                    c.Modality.Band,
                    $"{facts.GradedHolder(c)}, in its own words: {BriefFacts.Quote(c.Text, 12)}.",
                    c.Id,
                    [new BriefSpan(c.Doc, c.Start, c.End)])),
        ];
    }

    private static List<BriefStatusItem> Disputed(BriefFacts facts, List<PropositionView> ranked)
    {
        var items = new List<BriefStatusItem>();
        foreach (var figure in facts.Report.Figures.Where(f => f.Verdict == "dispute").Take(MaxFigures))
        {
            var groups = ValueGroups(facts, figure);
            var text = $"{figure.Label}: " + string.Join(" against ", groups.Select(g => $"{g.Value} ({g.Who})"));
            var label = groups.Count > 1 && groups[0].Credible >= 2 && groups.Skip(1).All(g => g.Credible == 0) ? "outliers from ungraded or low-graded sources only" : null;
            items.Add(new BriefStatusItem(text, figure.Reason, [.. groups.Select(g => g.Values[0].Cite)]) { Figure = figure.Id, Label = label });
        }

        // A matter whose readings cannot be put in order (a fact such as who knew in advance, or undated reports of a
        // case's status) and that sources read opposite ways.
        foreach (var state in facts.Report.States.Where(s => s.Disputed && s.Steps.Count == 0 && s.Disputing.Count > 1))
        {
            var text = char.ToUpperInvariant(state.Summary[0]) + state.Summary[1..] + ".";
            var sides = state.Disputing.Select(d => d.Status).Distinct(StringComparer.Ordinal).Count();
            var basis = string.Create(CultureInfo.InvariantCulture, $"{BriefFacts.Plural(state.Disputing.Count, "source")} on {sides} sides; story state");
            items.Add(new BriefStatusItem(text, basis, [.. state.Disputing.Select(s => s.Cite)]) { Topic = state.Topic, Label = "disputed" });
        }

        foreach (var v in ranked.Where(v => v.Denials > 0 && (!v.IsRumour || v.CredibleDenials > 0)).Take(MaxOpen))
        {
            var debunked = v.Proposition.Credibility >= 5 || (v.CredibleDenials >= 2 && v.Proposition.Denial > 2 * v.Proposition.Support);
            items.Add(new BriefStatusItem(BriefFacts.Quote(v.Display!.Text), Basis(v, facts), [v.Cite]) { Proposition = v.Proposition.Id, Label = debunked ? "debunked" : "contested" });
        }

        return items;
    }

    private static List<BriefStatusItem> Open(BriefFacts facts, List<PropositionView> ranked)
    {
        var items = new List<BriefStatusItem>();
        foreach (var state in facts.Report.States.Where(s => s.Disputed && s.Steps.Count > 0))
        {
            items.Add(new BriefStatusItem($"Where the {state.Topic} stands is still disputed: {state.Summary}.", "a source gives another status after the latest change", [.. state.AllReadings.Select(s => s.Cite)]) { Topic = state.Topic });
        }

        var unsettled = facts.Report.Figures
            .Where(f => f.Verdict == "dispute")
            .Select(f => (Figure: f, Groups: ValueGroups(facts, f)))
            .Where(x => x.Groups.Count >= 2 && x.Groups[0].Credible < 2)
            .ToList();
        if (unsettled.Count > 0)
        {
            items.Add(new BriefStatusItem(
                $"No value has two graded outlets behind it for {string.Join(", ", unsettled.Select(x => x.Figure.Label))} (see Disputed).",
                "figures in dispute",
                [.. unsettled.Select(x => x.Groups[0].Values[0].Cite)]));
        }

        if (facts.Report.Ach is { } ach && facts.Report.Hypotheses.Count >= 2 && ach.BayesRanking.Count >= 2)
        {
            var byId = facts.Report.Hypotheses.DistinctBy(h => h.Id).ToDictionary(h => h.Id, StringComparer.Ordinal);
            var top = byId.GetValueOrDefault(ach.BayesRanking[0]);
            var second = byId.GetValueOrDefault(ach.BayesRanking[1]);
            var gap = (top?.Scores.GetValueOrDefault("bayesPosterior") ?? 0) - (second?.Scores.GetValueOrDefault("bayesPosterior") ?? 0);
            var cites = ach.BayesRanking.Select(id => byId.GetValueOrDefault(id)).OfType<BriefHypothesis>().Where(h => h.Sources.Count > 0).Select(h => h.Sources[0]).Take(4).ToList();
            if (top is not null && gap < 0.15 && cites.Count > 0)
            {
                var leading = ach.BayesRanking.TakeWhile(id => (top.Scores.GetValueOrDefault("bayesPosterior") - (byId.GetValueOrDefault(id)?.Scores.GetValueOrDefault("bayesPosterior") ?? 0)) < 0.15).Select(id => byId.GetValueOrDefault(id)).OfType<BriefHypothesis>().ToList();
                var explanations = string.Join("; ", leading.Take(3).Select(h => BriefFacts.Quote(h.Text, 10)));
                items.Add(new BriefStatusItem(
                    string.Create(CultureInfo.InvariantCulture, $"Why it happened: the evidence does not separate the explanations the sources offer ({explanations}; each about {top.Scores.GetValueOrDefault("bayesPosterior"):P0})."),
                    string.Create(CultureInfo.InvariantCulture, $"ACH: {ach.Evidence.Count} rated evidence rows, {facts.Report.Hypotheses.Count} hypotheses"),
                    cites));
            }
        }

        foreach (var v in ranked.Where(v => v.Denials > 0 && v.Proposition.Status == "contested" && v.Proposition.Credibility < 5).Take(2))
        {
            items.Add(new BriefStatusItem(BriefFacts.Quote(v.Display!.Text), Basis(v, facts), [v.Cite]) { Proposition = v.Proposition.Id, Label = "contested" });
        }

        return [.. items.Take(MaxOpen)];
    }

    private static List<BriefStatusItem> Changed(BriefFacts facts, DateTimeOffset? since)
    {
        var items = new List<BriefStatusItem>();
        foreach (var state in facts.Report.States.Where(s => s.Steps.Count > 0))
        {
            var steps = since is null ? state.Steps : [.. state.Steps.Where(s => BriefFacts.Time(s.ReportTime) >= since)];
            if (steps.Count == 0)
            {
                continue;
            }

            var path = string.Join(" → ", state.Steps.Select(s => $"{s.Status} ({s.Source}, {BriefFacts.Day(s.ReportTime)})"));
            items.Add(new BriefStatusItem($"The {state.Topic} went {path}; it stands {state.Now}{(state.Disputed ? ", still disputed" : string.Empty)}.", "story state", [.. state.Steps.Select(s => s.Cite)]) { Topic = state.Topic, When = state.Steps[^1].ReportTime });
        }

        foreach (var figure in facts.Report.Figures.Where(f => f.Verdict == "update"))
        {
            var values = since is null ? figure.Values : [.. figure.Values.Where(v => BriefFacts.Time(v.ReportTime) >= since)];
            if (values.Count == 0)
            {
                continue;
            }

            var path = string.Join(" → ", figure.Values.Select(v => $"{v.Value} ({v.Source}, {BriefFacts.Day(v.ReportTime)})"));
            items.Add(new BriefStatusItem($"The figure for {figure.Label} was updated: {path}.", figure.Reason, [.. figure.Values.Select(v => v.Cite)]) { Figure = figure.Id, When = figure.Values[^1].ReportTime });
        }

        if (LatestDevelopment(facts, since) is { } latest)
        {
            items.Add(latest);
        }

        if (since is not null)
        {
            foreach (var doc in facts.Report.Documents.Where(d => BriefFacts.Time(d.Source.Published) >= since && facts.IsCredible(d.Id)).OrderBy(d => BriefFacts.Time(d.Source.Published)))
            {
                if (items.Any(i => i.Cites.Any(c => c.Doc == doc.Id)) || Lede(facts, doc.Id) is not { } lede)
                {
                    continue;
                }

                items.Add(new BriefStatusItem($"New report, {facts.Outlet(doc.Id)} ({facts.Grade(doc.Id)}) on {BriefFacts.Day(doc.Source.Published)}: {BriefFacts.Quote(lede.Text)}.", "published since " + BriefFacts.Day(since.Value.ToString("o", CultureInfo.InvariantCulture)), [new BriefSpan(lede.Doc, lede.Start, lede.End)]) { When = doc.Source.Published });
            }
        }

        return [.. items.OrderByDescending(i => BriefFacts.Time(i.When)).Take(since is null ? MaxChanged : 12)];
    }

    /// <summary>
    /// The latest graded report when it came well after the rest (more than two days after the median report): its
    /// first statement is where the story stands now. It is attributed, since no other document can yet confirm it.
    /// </summary>
    private static BriefStatusItem? LatestDevelopment(BriefFacts facts, DateTimeOffset? since)
    {
        var dated = facts.Report.Documents
            .Where(d => facts.IsCredible(d.Id) && BriefFacts.Time(d.Source.Published) is not null)
            .OrderBy(d => BriefFacts.Time(d.Source.Published))
            .ToList();
        if (dated.Count < 3)
        {
            return null;
        }

        var latest = dated[^1];
        var median = BriefFacts.Time(dated[dated.Count / 2].Source.Published)!.Value;
        var when = BriefFacts.Time(latest.Source.Published)!.Value;
        if (when - median < TimeSpan.FromDays(2) || (since is not null && when < since) || Lede(facts, latest.Id) is not { } lede)
        {
            return null;
        }

        var others = facts.Views.Any(v => v.Proposition.Claims.Contains(lede.Id) && v.Proposition.IndependentSources >= 2);
        var note = others ? string.Empty : "; no other source reports it yet";
        return new BriefStatusItem(
            $"Latest report, {facts.Outlet(latest.Id)} ({facts.Grade(latest.Id)}) on {BriefFacts.Day(latest.Source.Published)}: {BriefFacts.Quote(lede.Text, 12)}{note}.",
            others ? "latest report, corroborated" : "latest report, single source",
            [new BriefSpan(lede.Doc, lede.Start, lede.End)])
        {
            When = latest.Source.Published,
            Label = others ? null : "single source",
        };
    }

    /// <summary>A document's first statement of what happened (its lede), skipping headline, byline and dateline.</summary>
    private static BriefClaim? Lede(BriefFacts facts, string documentId) =>
        facts.ClaimsByDocument[documentId]
            .Where(c => c.Kind is "event" or "judgment" && c.DerivedFrom is null && c.Text.Length >= 40 && !facts.IsFurniture(c))
            .OrderBy(c => c.Start)
            .FirstOrDefault();

    private static List<BriefWatchItem> Watch(BriefFacts facts, List<PropositionView> ranked, List<HashSet<string>> used)
    {
        var items = new List<BriefWatchItem>();
        if (facts.Report.Ach is { } ach)
        {
            var rows = ach.Evidence.DistinctBy(e => e.Id).ToDictionary(e => e.Id, StringComparer.Ordinal);
            var hypotheses = facts.Report.Hypotheses.DistinctBy(h => h.Id).ToDictionary(h => h.Id, h => BriefFacts.Quote(h.Text, 8), StringComparer.Ordinal);
            foreach (var l in ach.Linchpins.DistinctBy(l => l.Evidence).Take(1))
            {
                if (rows.GetValueOrDefault(l.Evidence) is { Cites.Count: > 0 } row)
                {
                    items.Add(new BriefWatchItem($"Whether {BriefFacts.Quote(row.Label, 14)} holds: its {l.Change} would move the leading explanation from {hypotheses.GetValueOrDefault(l.Before, l.Before)} to {hypotheses.GetValueOrDefault(l.After, l.After)}.", "ACH linchpin", [row.Cites[0]]) { Proposition = row.Id });
                }
            }
        }

        var awaiting = ranked
            .Where(v => v.Proposition.IndependentSources <= 1 && v.CredibleSources == 1 && v.BestGrade is "A" or "B" && v.Display!.Kind == "event" && v.Denials == 0)
            .OrderByDescending(v => v.FirstReported)
            .ThenBy(v => v.Proposition.Credibility);
        foreach (var v in Distinct(awaiting, used).Take(1))
        {
            items.Add(new BriefWatchItem($"Awaiting a second source: {facts.GradedHolder(v.Display!)} reports {BriefFacts.Quote(v.Display!.Text, 18)}.", "single source", [v.Cite]) { Proposition = v.Proposition.Id });
        }

        var rumours = ranked.Where(v => v.IsRumour && v.Proposition.IndependentSources >= 2 && v.Display!.Kind == "event");
        foreach (var v in Distinct(rumours, used).Take(1))
        {
            items.Add(new BriefWatchItem($"Unconfirmed, carried only by low-graded sources ({string.Join(", ", v.Grades)}): {facts.GradedHolder(v.Display!)} says {BriefFacts.Quote(v.Display!.Text, 18)}.", "rumour until a graded outlet confirms it", [v.Cite]) { Proposition = v.Proposition.Id });
        }

        return [.. items.Take(MaxWatch)];
    }

    private static List<BriefStatement> BottomLine(BriefFacts facts, List<PropositionView> confirmedPool)
    {
        var lines = new List<BriefStatement>();
        var seen = new List<HashSet<string>>();

        // What happened: the three best-confirmed events, told in the order they were first reported.
        var events = Distinct(confirmedPool.Where(v => v.Display!.Kind is "event" && v.CredibleSources >= 2).OrderByDescending(v => v.HasEvent), seen).Take(3)
            .OrderBy(v => v.FirstReported ?? DateTimeOffset.MaxValue)
            .ToList();
        foreach (var v in events)
        {
            var basis = string.Create(CultureInfo.InvariantCulture, $"{BriefFacts.Plural(v.Proposition.IndependentSources, "independent source")}, {BriefFacts.Plural(v.CredibleSources, facts.OutletWord)}");
            lines.Add(new BriefStatement($"{BriefFacts.Quote(v.Display!.Text, 16)} ({basis}).", [v.Cite]) { Proposition = v.Proposition.Id });
        }

        // Nothing confirmed by two sources: the reports' own opening statements stand in, attributed and labelled,
        // so the reader still learns what the corpus says happened without any of it being stated as fact.
        if (lines.Count == 0)
        {
            foreach (var doc in facts.Report.Documents.Where(d => facts.IsCredible(d.Id)).OrderBy(d => BriefFacts.Time(d.Source.Published) ?? DateTimeOffset.MaxValue).ThenBy(d => d.Path, StringComparer.Ordinal))
            {
                if (lines.Count == 3)
                {
                    break;
                }

                if (Lede(facts, doc.Id) is { } opening && !seen.Any(u => BriefFacts.SaysTheSame(u, BriefFacts.ContentWords(opening.Text))))
                {
                    seen.Add(BriefFacts.ContentWords(opening.Text));
                    lines.Add(new BriefStatement($"{facts.GradedHolder(opening)}, a single source: {BriefFacts.Quote(opening.Text, 22)}.", [new BriefSpan(opening.Doc, opening.Start, opening.End)]));
                }
            }
        }

        // Where it stands now: the story states, then the latest development (attributed).
        var state = facts.Report.States.FirstOrDefault(s => s.Steps.Count > 1);
        if (state is not null)
        {
            var last = state.Steps[^1];
            var earlier = string.Join(" and ", state.Steps.Take(state.Steps.Count - 1).Select(s => $"{s.Status} ({BriefFacts.Day(s.ReportTime)})"));
            lines.Add(new BriefStatement($"The {state.Topic} now stands {state.Now} per {last.Source} ({BriefFacts.Day(last.ReportTime)}){(state.Disputed ? ", still disputed" : string.Empty)}, after reports that it was {earlier}.", [.. state.Steps.Select(s => s.Cite)]));
        }

        if (LatestDevelopment(facts, null) is { } latest && facts.Report.Claims.FirstOrDefault(c => c.Doc == latest.Cites[0].Doc && c.Start == latest.Cites[0].Start) is { } lede)
        {
            var doc = lede.Doc;
            var confirmed = latest.Label is null ? string.Empty : " (not yet confirmed by a second source)";
            lines.Add(new BriefStatement($"Latest: {facts.Outlet(doc)} ({facts.Grade(doc)}) reported on {BriefFacts.Day(latest.When)} {BriefFacts.Quote(lede.Text, 18)}{confirmed}.", latest.Cites));
        }

        // What matters most among the disputes: the figure graded outlets disagree on, or the first disputed figure.
        if (lines.Count < 5 && facts.Report.Figures.Where(f => f.Verdict == "dispute").Select(f => (Figure: f, Groups: ValueGroups(facts, f))).Where(x => x.Groups.Count > 1).OrderByDescending(x => x.Groups.Sum(g => g.Credible)).FirstOrDefault() is { Figure: not null } disputed)
        {
            var text = $"Sources disagree on {disputed.Figure.Label}: " + string.Join(" against ", disputed.Groups.Take(3).Select(g => $"{g.Value} ({g.Who})")) + ".";
            lines.Add(new BriefStatement(text, [.. disputed.Groups.Take(3).Select(g => g.Values[0].Cite)]));
        }

        return [.. lines.Where(l => l.Cites.Count > 0).Take(5)];
    }
}
