using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Brief.Model;
using Sitrep.Time.Timeline;

namespace Sitrep.Brief.Building;

/// <summary>
/// Builds the brief's front part (bottom line, key judgments, status, actors that matter, what to watch) from what the
/// pipeline already computed: propositions with their independent sources and grades, figures, story states, ACH and
/// the documents' dates. It writes no sentence of its own about the event: every statement quotes the cited source
/// characters and adds only counts, grades and dates. A claim carried only by comment threads or E/F sources never
/// leads and is never stated as fact; a single-source claim is attributed.
/// </summary>
public static partial class FrontPartBuilder
{
    private const int MaxJudgments = 4;
    private const int MaxConfirmed = 3;
    private const int MaxOpen = 4;
    private const int MaxChanged = 4;
    private const int MaxWatch = 4;
    private const int MaxActors = 10;
    private const int MaxSourceJudgments = 2;
    private const int MaxFigures = 3;
    private const int MaxJudgmentWords = 36;

    /// <summary>Most words in the front part (about two printed pages with the headings and citation marks).</summary>
    public const int WordBudget = 740;

    private const string WhyUnresolved = "Why it happened is unresolved";

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
        report = ActorPicker.SetAside(ActorPicker.Typed(report, texts), texts);
        var facts = new BriefFacts(report);
        var used = new List<HashSet<string>>();
        var ranked = facts.Views
            .Where(v => v.Display is not null && !v.IsFurniture && v.Display.Kind is not ("question" or "speculation"))
            .OrderByDescending(v => v.Importance)
            .ThenBy(v => v.Proposition.Credibility)
            .ToList();
        // Confirmed: two or more graded outlets and a high credibility. With no graded source in the corpus, two or more
        // independent reports that agree are "reported", never confirmed (see ConfidenceOf). A status the story has
        // moved past is never stated as current.
        var confirmedPool = ranked
            .Where(v => v.CredibleSources >= 2 && v.CredibleDenials == 0 && v.SupersededBy is null && v.Excerpt is not null)
            // What may happen ("will likely die in prison", "faces 15 years if convicted") is a source's expectation, never
            // confirmed; a clause without its subject ("also admitted that he lied") cannot stand as a statement.
            .Where(v => !BriefFacts.IsUnsettled(v.Display!, v.Excerpt!.Text) && !BriefFacts.IsFragment(v.Display!, v.Excerpt!))

            // A witness's, a family's or a lawyer's own words in the first person ("I honestly thought …", "We believe …")
            // are theirs: reports that carry them confirm that they were said, not what they say.
            .Where(v => !BriefFacts.IsFirstPerson(v.Excerpt!.Text))
            .Where(v => v.Proposition.Credibility <= 2 || (facts.Ungraded && v.Proposition.IndependentSources >= 2 && v.Denials == 0))
            .ToList();

        var bottomLine = BottomLine(facts, confirmedPool, texts, since);
        // The judgments add to the bottom line rather than repeat it: no proposition twice, and no event twice (two
        // propositions that tell one sentencing in other words are one event; the better-sourced one, told first, stays).
        var stated = bottomLine.Select(b => b.Proposition).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var told = bottomLine.Select(b => b.Proposition is { } id ? facts.ById.GetValueOrDefault(id) : null).OfType<PropositionView>().ToList();
        // Where a place lies ("… is 64 kilometres north of …") is background, never a judgment (it may still be listed as
        // reported by several sources).
        // A value of a quantity the sources dispute is no judgment and no confirmed fact, however many agree on it: "The
        // column stopped about 200 kilometres from Moscow" (three outlets) beside a Disputed row of 200 against 300 km.
        var fresh = confirmedPool.Where(v => !stated.Contains(v.Proposition.Id) && v.Display!.Kind != "quote" && !BriefFacts.IsGeography(v.Excerpt!.Text) && !facts.GivesDisputedFigure(v)).ToList();
        // Nothing new beyond the bottom line gives no judgment: restating the bottom line's own statement as a judgment
        // tells the reader nothing more (its agreement is already given beside it).
        // A line of the bottom line that is no proposition's (the act the reports' leads tell, quoted from one lead; a
        // matter's status) is told by its words: a judgment that says the same is a repeat ("Wagner controlled the
        // headquarters in Rostov" under a first line that tells the taking of that headquarters).
        used.AddRange(bottomLine.Where(b => b.Proposition is null).Select(b => BriefFacts.ContentWords(b.Text)));
        var judgments = KeyJudgments(facts, NewEvents(fresh, told), used);
        told.AddRange(judgments.Select(j => j.Proposition is { } id ? facts.ById.GetValueOrDefault(id) : null).OfType<PropositionView>());

        // Confirmed lists what the bottom line and the judgments have not already said.
        var said = bottomLine.Select(b => b.Proposition).Concat(judgments.Select(j => j.Proposition)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        used.AddRange(bottomLine.Select(b => BriefFacts.ContentWords(b.Text)));
        used.AddRange(confirmedPool.Where(v => said.Contains(v.Proposition.Id)).Select(v => BriefFacts.ContentWords(v.Display!.Text)));
        // An item read alone must say what it is about: "It was his first public appearance since the revolt" (three
        // outlets) names neither who nor what.
        var confirmed = Distinct(NewEvents(confirmedPool.Where(v => !said.Contains(v.Proposition.Id) && !v.IsSpeech && !facts.GivesDisputedFigure(v) && !BriefFacts.LeansOnContext(v.Excerpt!.Text)), told), used).Take(MaxConfirmed)
            .Select(v => new BriefStatusItem(v.Excerpt!.Quoted, Basis(v, facts), [v.Cite]) { Proposition = v.Proposition.Id, Label = facts.Ungraded ? BriefStatusItem.NotConfirmedLabel : null })
            .ToList();
        var disputed = Disputed(facts, ranked);
        var open = Open(facts, ranked, bottomLine.Any(b => b.Text.StartsWith(WhyUnresolved, StringComparison.Ordinal)));
        var changed = Changed(facts, since, bottomLine);
        var watch = Watch(facts, ranked, used);
        var front = report with
        {
            // Each value is named as the front part names every holder (the outlet, or a named person via it), not by
            // the source key the figures were counted with.
            Figures = [.. report.Figures.Select(f => f with { Values = [.. f.Values.Select(v => v with { Source = facts.ValueSource(v) })] })],
            BottomLine = bottomLine,
            KeyJudgments = judgments,
            SourceJudgments = SourceJudgments(facts),
            Status = new BriefStatus(confirmed, disputed, open, changed) { Since = since?.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture) },
            ActorsThatMatter = ActorPicker.Pick(facts, texts, MaxActors),
            Watch = watch,
        };
        return Unsettled(Trim(front), facts);
    }

    /// <summary>
    /// Adds to Unresolved the disputed figures that no two graded outlets settle, naming only the rows the Disputed
    /// table still shows once the front part is trimmed (so that Unresolved never points at a row the reader cannot see).
    /// </summary>
    private static BriefReport Unsettled(BriefReport report, BriefFacts facts)
    {
        var byId = report.Figures.DistinctBy(f => f.Id).ToDictionary(f => f.Id, StringComparer.Ordinal);
        var unsettled = report.Status.Disputed
            .Where(d => d.Figure is not null && byId.ContainsKey(d.Figure))
            .Select(d => (Row: RowFigure([.. (d.Figures.Count > 0 ? d.Figures : [d.Figure!]).Select(id => byId.GetValueOrDefault(id)).OfType<BriefFigure>()], facts.IsThread), Item: d))
            .Select(x => (x.Row, Groups: ValueGroups(facts, x.Row)))
            .Where(x => x.Groups.Count >= 2 && x.Groups[0].Credible < 2)
            .ToList();
        if (unsettled.Count == 0)
        {
            return report;
        }

        var item = new BriefStatusItem(
            $"No value has two graded outlets behind it for {string.Join(", ", unsettled.Select(x => x.Row.Label))} (see Disputed).",
            "figures in dispute",
            [.. unsettled.Select(x => x.Groups[0].Values[0].Cite)]);
        var open = report.Status.Open.ToList();
        var at = open.TakeWhile(o => o.Topic is not null).Count();
        open.Insert(at, item);
        return report with { Status = report.Status with { Open = [.. open.Take(MaxOpen)] } };
    }

    /// <summary>
    /// The disputed figures grouped into the rows of the Disputed table: figures of one role that share a source's value
    /// (one claim read into each, as "no casualties" is into the airmen, soldiers and people killed) tell one count of one
    /// event, so they are one row; the others are a row each. In the order of the first figure of each row.
    /// </summary>
    internal static List<List<BriefFigure>> FigureRows(IReadOnlyList<BriefFigure> figures)
    {
        var parent = Enumerable.Range(0, figures.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var claimOwner = new Dictionary<(string Role, string Claim), int>();
        for (var i = 0; i < figures.Count; i++)
        {
            foreach (var v in figures[i].Values)
            {
                var key = (v.Measure.Role, v.Claim);
                if (claimOwner.TryGetValue(key, out var other))
                {
                    parent[Find(i)] = Find(other);
                }
                else
                {
                    claimOwner[key] = i;
                }
            }
        }

        return [.. Enumerable.Range(0, figures.Count).GroupBy(Find).OrderBy(g => g.Min()).Select(g => g.Order().Select(i => figures[i]).ToList())];
    }

    /// <summary>
    /// One row's figure: the figure itself, or for several figures of one role a figure labelled by the role ("killed")
    /// whose values name what each counts ("at least 13 airmen"), each claim's value once.
    /// </summary>
    /// <remarks>
    /// A value whose counted word the measure left generic ("at least 13 airmen whose deaths" read as people) takes the
    /// counted word another figure of the row gives when its own words name it: the same bound over the same thing is
    /// one value. A comment thread's value that an outlet (a document that is no thread) gives too is left out: a
    /// commenter repeating an outlet's figure corroborates nothing, and listed beside the outlet it would read as a
    /// second source. A commenter's value that no outlet gives stays, named as a commenter's.
    /// </remarks>
    /// <param name="row">The figures of one row.</param>
    /// <param name="isThread">True for a document that is a comment thread; null when the kinds are unknown.</param>
    internal static BriefFigure RowFigure(IReadOnlyList<BriefFigure> row, Func<string, bool>? isThread = null)
    {
        if (row.Count == 1)
        {
            return row[0] with { Values = Outlets([.. row[0].Values.Select(Worded)], isThread) };
        }

        var role = row[0].Values.Count > 0 ? row[0].Values[0].Measure.Role : row[0].Label;
        var all = row.SelectMany(f => f.Values).DistinctBy(v => (v.Claim, v.Value)).ToList();
        var named = all.Select(v => v.Measure.Counted).OfType<string>().Where(c => c.Length > 0 && c != "people").Distinct(StringComparer.Ordinal).ToList();
        var values = all
            .Select(v => v.Measure.Counted is { Length: > 0 } counted && counted != "people" ? (Value: v, Counted: counted) : (Value: v, Counted: NamedIn(v.Measure.Text, named)))
            .Select(x => x.Counted is { } counted && x.Value.Value.Any(char.IsDigit) && x.Value.Value != "0" && !x.Value.Value.EndsWith(" " + counted, StringComparison.Ordinal)
                ? x.Value with { Value = x.Value.Value + " " + counted }
                : x.Value)
            .Select(Worded)
            .OrderBy(v => v.ReportTime is null ? 1 : 0)
            .ThenBy(v => v.ReportTime, StringComparer.Ordinal)
            .ToList();
        return row[0] with { Label = role, Values = Outlets(values, isThread), Conflicts = [.. row.SelectMany(f => f.Conflicts)] };
    }

    /// <summary>The one counted word of <paramref name="counted"/> that the measure's own words name, or null.</summary>
    private static string? NamedIn(string? said, List<string> counted)
    {
        if (said is not { Length: > 0 })
        {
            return null;
        }

        var words = said.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(',', '.', ';', ':').ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var named = counted.Where(c => words.Contains(c.ToLowerInvariant())).ToList();
        return named.Count == 1 ? named[0] : null;
    }

    /// <summary>The values without a comment thread's value that a document that is no thread gives too.</summary>
    private static List<BriefFigureValue> Outlets(List<BriefFigureValue> values, Func<string, bool>? isThread)
    {
        if (isThread is null)
        {
            return values;
        }

        var given = values.Where(v => !isThread(v.Cite.Doc)).Select(v => v.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. values.Where(v => !isThread(v.Cite.Doc) || !given.Contains(v.Value))];
    }

    /// <summary>
    /// A zero that its source said in words is shown with those words ("none (‘no casualties at all’)"): a bare "0"
    /// beside outlets' counts reads as a count, and the reader must see that the source gave a phrase, not a number.
    /// </summary>
    internal static BriefFigureValue Worded(BriefFigureValue v) =>
        v.Measure.Max is 0 && v.Measure.Text is { Length: > 0 } said && !said.Any(char.IsDigit) && v.Value.All(c => c is '0' or ' ')
            ? v with { Value = $"none (‘{said.Trim()}’)" }
            : v;

    /// <summary>The front part's words as a reader counts them (labels and bases included, citation marks not).</summary>
    public static int WordCount(BriefReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        static int W(string? text) => text is null ? 0 : BriefFacts.WordCount(text);
        var s = report.Status;
        var figures = report.Figures.DistinctBy(f => f.Id).ToDictionary(f => f.Id, StringComparer.Ordinal);
        return report.BottomLine.Sum(b => W(b.Text))
            + report.KeyJudgments.Sum(j => 3 + W(j.Text) + W(j.Basis) + W(j.Likelihood) + W(j.Linchpin))
            + report.SourceJudgments.Sum(j => W(j.Text))
            + new[] { s.Confirmed, s.Open, s.Changed }.Sum(items => items.Sum(i => W(i.Text) + W(i.Basis) + W(i.Label)))
            + s.Disputed.Sum(i => i.Figure is { } id && figures.TryGetValue(id, out var f) ? W(f.Label) + W(i.Label) + f.Values.Sum(v => W(v.Value) + W(v.Source)) : W(i.Text) + W(i.Basis) + W(i.Label))
            + report.ActorsThatMatter.Sum(a => W(a.Name) + W(a.Role) + a.Claimed.Sum(c => W(c.Text)))
            + report.Watch.Sum(w => W(w.Text) + W(w.Reason));
    }

    /// <summary>
    /// Keeps the front part within <see cref="WordBudget"/> words: length follows importance, not the size of the
    /// corpus. The least important items go first (watch items, the sources' own judgments, confirmed items, the last
    /// actors, key judgments beyond three, then disputed figures), never the bottom line or the first key judgments.
    /// </summary>
    internal static BriefReport Trim(BriefReport report)
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

            // A disputed figure (a casualty count, a force size) matters more than a second item to watch or the eighth actor.
            else if (report.Watch.Count > 1)
            {
                report = report with { Watch = [.. report.Watch.SkipLast(1)] };
            }
            else if (report.ActorsThatMatter.Count > 6)
            {
                report = report with { ActorsThatMatter = [.. report.ActorsThatMatter.SkipLast(1)] };
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

            // What the sources dispute is what a decision maker must not miss: a casualty count goes after a fourth
            // judgment and a second confirmed fact (the sample lost its "killed" row to a longer confirmed item).
            else if (s.Disputed.Count > 2)
            {
                report = report with { Status = s with { Disputed = [.. s.Disputed.SkipLast(1)] } };
            }
            else
            {
                break;
            }
        }

        return report;
    }

    /// <summary>The ICD 203 word for an Admiralty credibility (1 confirmed … 5 improbable), one step toward even odds per credible denial.</summary>
    internal static string? LikelihoodOf(PropositionView v, bool ungraded = false)
    {
        // Ungraded reports that agree make a claim likely at most: who they are is not known.
        if (ungraded && v.Proposition.IndependentSources >= 2 && v.Denials == 0)
        {
            return "likely";
        }

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

        // Never surer than the quoted source: "deaths were likely between 13 and 15" stays "likely" however many
        // outlets carry the proposition it belongs to.
        if (HedgeBand(v.Display) is { } hedge && hedge < band)
        {
            band = hedge;
        }

        return Likelihoods[band];
    }

    /// <summary>The index in <see cref="Likelihoods"/> of the quoted claim's own estimative hedge, or null when it is unhedged.</summary>
    internal static int? HedgeBand(BriefClaim? claim) => claim?.Modality?.Band switch
    {
        "almost_no_chance" => 0,
        "very_unlikely" => 1,
        "unlikely" => 2,
        "even" => 3,
        "likely" => 4,
        "very_likely" => 5,
        "almost_certain" => 6,
        _ => null,
    };

    /// <summary>
    /// High: three or more independent sources, two of them graded outlets, the best graded A or B, no denial.
    /// Moderate: two independent sources, one a graded outlet, denials fewer than half the support. Low otherwise.
    /// </summary>
    /// <remarks>With no graded source in the corpus, confidence is moderate at best (three or more independent reports) and never high.</remarks>
    internal static string ConfidenceOf(PropositionView v, bool ungraded = false)
    {
        var p = v.Proposition;
        if (ungraded)
        {
            return p.IndependentSources >= 3 && v.Denials == 0 ? "moderate" : "low";
        }

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
        if (facts.Ungraded)
        {
            return string.Create(CultureInfo.InvariantCulture, $"reported by {BriefFacts.Plural(p.IndependentSources, "independent source")}, none graded; {dispute}");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{BriefFacts.Plural(p.IndependentSources, "independent source")}, {v.BestGrade}{p.Credibility} ({v.CredibleSources} graded); {dispute}");
    }

    /// <summary>
    /// The views that tell an event not yet told: one whose event is <see cref="SameEvent"/> as a view in
    /// <paramref name="told"/> (or one yielded before it) is left out. Lazily, in order, so the first (best-ranked) stays.
    /// </summary>
    private static IEnumerable<PropositionView> NewEvents(IEnumerable<PropositionView> views, List<PropositionView> told)
    {
        var seen = told.ToList();
        foreach (var v in views)
        {
            if (seen.Any(t => SameEvent(t, v)))
            {
                continue;
            }

            seen.Add(v);
            yield return v;
        }
    }

    /// <summary>
    /// Two propositions tell one event when they name the same event class ("sentence"), share a content word, and no
    /// role (agent, patient) has resolved entities on both sides that differ: "Nichols was sentenced Saturday to seven
    /// life sentences" and "A judge on Saturday sentenced the man who killed four people" are one sentencing; the
    /// killing of the judge and the killing of the agent (different patients) are two killings.
    /// </summary>
    internal static bool SameEvent(PropositionView a, PropositionView b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (ReferenceEquals(a, b) || a.Proposition.Id == b.Proposition.Id)
        {
            return true;
        }

        if (a.EventClass is null || !string.Equals(a.EventClass, b.EventClass, StringComparison.Ordinal) || a.Excerpt is null || b.Excerpt is null
            || !BriefFacts.ContentWords(a.Excerpt.Text).Overlaps(BriefFacts.ContentWords(b.Excerpt.Text)))
        {
            return false;
        }

        foreach (var role in new[] { "agent", "patient" })
        {
            var x = Entities(a, role);
            var y = Entities(b, role);
            if (x.Count > 0 && y.Count > 0 && !x.Overlaps(y))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The resolved entities in one role of the frame of the claim that shows the proposition.</summary>
    private static HashSet<string> Entities(PropositionView v, string role) =>
        [.. (v.Display is { } d ? new[] { d } : []).Select(c => c.Frame).OfType<BriefFrame>()
            .SelectMany(f => f.Participants).Where(p => p.Role == role && p.EntityId is not null).Select(p => p.EntityId!)];

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

    /// <summary>
    /// Up to <see cref="MaxJudgments"/> corroborated propositions, each with its likelihood, confidence and basis. A
    /// figure the sources dispute is never a judgment: it is shown under Disputed with every source's value. A party's
    /// own words and a source's own estimate ("he will likely die in prison") are never Sitrep's judgment: the estimate
    /// is listed with the sources' judgments, as theirs.
    /// </summary>
    private static List<BriefJudgment> KeyJudgments(BriefFacts facts, IEnumerable<PropositionView> confirmedPool, List<HashSet<string>> used) =>
        [.. Distinct(confirmedPool.Where(v => v.Display!.Kind != "quote" && !v.IsSpeech && v.Display.Modality is null && Whole(v.Excerpt!) && !BriefFacts.DescribesRecording(v.Excerpt!.Text) && !BriefFacts.LeansOnContext(v.Excerpt!.Text)), used).Take(MaxJudgments)
            .Select(v => new BriefJudgment(v.Excerpt!.Quoted + ".", LikelihoodOf(v, facts.Ungraded)!, ConfidenceOf(v, facts.Ungraded), Basis(v, facts), [v.Cite]) { Proposition = v.Proposition.Id, Linchpin = Linchpin(v, facts) })];

    /// <summary>
    /// What a judgment hangs on, read from the rule that set its confidence (<see cref="ConfidenceOf"/>): each supporting
    /// graded outlet (syndicated copies one outlet) is taken away in turn, and the outlets without which it would rest on
    /// one outlet, or its confidence would fall, are named; when none is, no single source carries it.
    /// </summary>
    internal static string Linchpin(PropositionView v, BriefFacts facts)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(facts);
        var confidence = ConfidenceOf(v, facts.Ungraded);
        var supporting = v.Proposition.Stances.Where(s => s.Stance == "support").Select(s => s.Doc).Distinct(StringComparer.Ordinal).ToList();
        // Documents are one outlet only when a source names it (or they are syndicated copies): two untitled reports whose
        // display names (a headline cut short, a file name) happen to read alike are two reports.
        string Key(string doc) => facts.Documents.GetValueOrDefault(doc) is { } d ? d.SyndicationGroup ?? d.Source.Outlet ?? doc : doc;
        string Independent(string doc) => facts.Documents.GetValueOrDefault(doc)?.SyndicationGroup ?? doc;
        var outlets = supporting.Where(facts.IsCredible).GroupBy(Key, StringComparer.Ordinal).ToList();
        var lower = new List<(string Name, string Then)>();
        foreach (var outlet in outlets)
        {
            var rest = supporting.Where(d => !outlet.Contains(d, StringComparer.Ordinal)).ToList();

            // An outlet may hold several independent sources as the proposition counts them (syndicated copies count once):
            // without the outlet, all of them go.
            var held = outlet.Select(Independent).Distinct(StringComparer.Ordinal).Count();
            var without = v with
            {
                Proposition = v.Proposition with { IndependentSources = Math.Max(0, v.Proposition.IndependentSources - held) },
                CredibleSources = Math.Max(0, v.CredibleSources - 1),
                Grades = [.. rest.Select(facts.Grade).Order(StringComparer.Ordinal).Distinct()],
            };
            // A judgment stands on two graded outlets (two independent reports when none is graded): without one of
            // them it would not be a judgment at all, whatever its confidence.
            var stands = facts.Ungraded ? without.Proposition.IndependentSources >= 2 : without.CredibleSources >= 2;
            var after = ConfidenceOf(without, facts.Ungraded);
            if (!stands || Rank(after) < Rank(confidence))
            {
                var first = outlet.OrderBy(facts.Grade, StringComparer.Ordinal).First();
                lower.Add((facts.Ungraded ? facts.Outlet(first) : $"{facts.Outlet(first)} ({facts.Grade(first)})", stands ? after + " confidence" : $"it rests on one {facts.OutletWord}"));
            }
        }

        if (lower.Count > 0)
        {
            var fallsTo = lower.Select(l => l.Then).OrderBy(t => t.StartsWith("it rests", StringComparison.Ordinal) ? 0 : 1).First();
            // "Both" and "each of its N" are said only when the outlets are the sources the basis counts.
            var counted = !facts.Ungraded || outlets.Count == v.Proposition.IndependentSources;
            var names = lower.Count == outlets.Count && counted && (lower.Count > 2 || facts.Ungraded)
                ? (lower.Count == 2 ? $"both its {facts.OutletWord}s" : string.Create(CultureInfo.InvariantCulture, $"each of its {lower.Count} {facts.OutletWord}s"))
                : string.Join(" and ", lower.Select(l => l.Name));
            var without = lower.Count == 1 ? "without it" : lower.Count == 2 ? "without either" : "without any one";
            return $"{names} ({without}, {fallsTo})";
        }

        // Short on purpose: the front part's word budget is better spent on an actor than on the denial rule, which the
        // schema states once (one graded denial lowers likelihood a step and confidence from high).
        return "no single source";
    }

    private static int Rank(string confidence) => confidence switch
    {
        "high" => 2,
        "moderate" => 1,
        _ => 0,
    };

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
                var who = string.Join(", ", values.Select(v => $"{facts.ValueSource(v)} ({facts.Grade(v.Cite.Doc)})").Distinct(StringComparer.Ordinal));
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

                // An estimative word that only strengthens a feeling ("We're certainly pleased") judges nothing.
                .Where(c => !BriefFacts.IsFeeling(c.Text, c.Modality!.Term))

                // A judgment is quoted whole; one whose clause runs past MaxJudgmentWords would be a run-on cut with "…".
                .Where(c => BriefFacts.WordCount(BriefFacts.JudgmentClause(c.Text, c.Modality!.Term, int.MaxValue)) <= MaxJudgmentWords)
                .OrderBy(c => facts.Documents.GetValueOrDefault(c.Doc)?.Kind == "brief" ? 0 : 1)
                .ThenBy(c => facts.Grade(c.Doc), StringComparer.Ordinal)
                .ThenByDescending(c => c.Modality!.Band is "very_likely" or "almost_certain" or "very_unlikely" or "almost_no_chance" ? 1 : 0)
                .ThenBy(c => c.Start)
                .DistinctBy(c => BriefFacts.JudgmentClause(c.Text, c.Modality!.Term), StringComparer.OrdinalIgnoreCase)
                .Select((c, i) => (Claim: c, Order: i))
                // Several sources' judgments before a second one of the same source: the first of each source in turn.
                .GroupBy(x => facts.Outlet(x.Claim.Doc), StringComparer.Ordinal)
                .SelectMany(g => g.Select((x, rank) => (x.Claim, x.Order, Rank: rank)))
                .OrderBy(x => x.Rank)
                .ThenBy(x => x.Order)
                .Select(x => x.Claim)
                .Take(MaxSourceJudgments)
                .Select(c => new BriefSourceJudgment(
                    facts.GradedHolder(c),
                    c.Modality!.Term,
                    c.Modality.Band,
                    $"{facts.GradedHolder(c)}, in its own words: {BriefFacts.JudgmentClause(c.Text, c.Modality!.Term)}.",
                    c.Id,
                    [new BriefSpan(c.Doc, c.Start, c.End)])),
        ];
    }

    private static List<BriefStatusItem> Disputed(BriefFacts facts, List<PropositionView> ranked)
    {
        var items = new List<BriefStatusItem>();
        foreach (var row in FigureRows([.. facts.Report.Figures.Where(f => f.Verdict == "dispute")]).Take(MaxFigures))
        {
            var figure = RowFigure(row, facts.IsThread);
            var groups = ValueGroups(facts, figure);
            var text = $"{figure.Label}: " + string.Join(" against ", groups.Select(g => $"{g.Value} ({g.Who})"));
            var label = groups.Count > 1 && groups[0].Credible >= 2 && groups.Skip(1).All(g => g.Credible == 0) ? "outliers from ungraded or low-graded sources only" : null;
            items.Add(new BriefStatusItem(text, row[0].Reason, [.. groups.Select(g => g.Values[0].Cite)]) { Figure = row[0].Id, Figures = [.. row.Select(f => f.Id)], Label = label });
        }

        // A matter whose readings cannot be put in order (a fact such as who knew in advance, or undated reports of a
        // case's status) and that sources read opposite ways.
        foreach (var state in facts.Report.States.Where(s => s.Disputed && s.Steps.Count == 0 && s.Disputing.Count > 1 && !facts.IsUnorderedStatus(s)))
        {
            var readings = state.Disputing.GroupBy(d => d.Status, StringComparer.Ordinal)
                .Select(g => $"{g.Key} ({string.Join("; ", g.Select(d => facts.StepSource(d) + (d.ReportTime is null ? ", undated" : ", " + BriefFacts.Day(d.ReportTime))).Distinct(StringComparer.Ordinal))})");
            var text = $"{FrontPartText.Capital(state.Topic)}: {string.Join(" against ", readings)}.";
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

    private static List<BriefStatusItem> Open(BriefFacts facts, List<PropositionView> ranked, bool whyStated)
    {
        var items = new List<BriefStatusItem>();
        foreach (var state in facts.Report.States.Where(s => s.Disputed && s.Steps.Count > 0))
        {
            items.Add(new BriefStatusItem($"Where the {state.Topic} stands is still disputed: {state.Summary}.", "a source gives another status after the latest change", [.. state.AllReadings.Select(s => s.Cite)]) { Topic = state.Topic });
        }

        // Undated readings of a status that moves: not a dispute (one may be an update of the other), but where the
        // matter stands is unknown, and the reader sees each reading with its source.
        foreach (var state in facts.Report.States.Where(facts.IsUnorderedStatus))
        {
            var readings = state.Disputing.GroupBy(d => d.Status, StringComparer.Ordinal)
                .Select(g => $"{g.Key} ({string.Join("; ", g.Select(facts.StepSource).Distinct(StringComparer.Ordinal))})");
            items.Add(new BriefStatusItem(
                $"Where the {state.Topic} stands is unknown: {string.Join(" and ", readings)}; no report is dated, so either may have overtaken the other.",
                "undated readings of a status",
                [.. state.Disputing.Select(d => d.Cite)])
            { Topic = state.Topic });
        }

        if (facts.Report.Ach is { } ach && facts.Report.Hypotheses.Count >= 2 && ach.BayesRanking.Count >= 2)
        {
            var byId = facts.Report.Hypotheses.DistinctBy(h => h.Id).ToDictionary(h => h.Id, StringComparer.Ordinal);
            var top = byId.GetValueOrDefault(ach.BayesRanking[0]);
            var second = byId.GetValueOrDefault(ach.BayesRanking[1]);
            var gap = (top?.Scores.GetValueOrDefault("bayesPosterior") ?? 0) - (second?.Scores.GetValueOrDefault("bayesPosterior") ?? 0);
            var cites = ach.BayesRanking.Select(id => byId.GetValueOrDefault(id)).OfType<BriefHypothesis>().Where(h => h.Sources.Count > 0).Select(h => h.Sources[0]).Take(4).ToList();
            if (top is not null && gap < 0.15 && cites.Count > 0 && !whyStated)
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

    private static List<BriefStatusItem> Changed(BriefFacts facts, DateTimeOffset? since, IReadOnlyList<BriefStatement> bottomLine)
    {
        var items = new List<BriefStatusItem>();
        foreach (var state in facts.Report.States.Where(s => InChanged(s, since)))
        {
            // "The criminal case: to be dropped (…) → open (…) → closed (…)": the topic, then its readings in order. A
            // verb before the path ("went to be dropped") does not read as English whatever the first status is.
            var path = string.Join(" → ", state.Steps.Select(s => $"{s.Status} ({facts.StepSource(s)}, {BriefFacts.Day(s.ReportTime)})"));
            items.Add(new BriefStatusItem($"The {state.Topic}: {path}; it stands {state.Now}{(state.Disputed ? ", still disputed" : string.Empty)}.", "story state", [.. state.Steps.Select(s => s.Cite)]) { Topic = state.Topic, When = state.Steps[^1].ReportTime });
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

        // The latest report is said once: when the bottom line already quotes it, Changed does not repeat it.
        if (LatestDevelopment(facts, since) is { } latest && !bottomLine.Any(b => b.Cites.Intersect(latest.Cites).Any()))
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

    /// <summary>True when an excerpt quotes its clause to the end (not cut at the word limit with "…").</summary>
    private static bool Whole(Excerpt excerpt) => !excerpt.Text.EndsWith('…');

    /// <summary>True when Changed tells the steps of a story state: it has steps, and one of them is reported after <paramref name="since"/>.</summary>
    private static bool InChanged(BriefStoryState state, DateTimeOffset? since) =>
        state.Steps.Count > 0 && (since is null || state.Steps.Any(s => BriefFacts.Time(s.ReportTime) >= since));

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
        var excerpt = facts.ExcerptOf(lede);
        return new BriefStatusItem(
            $"Latest report, {facts.Outlet(latest.Id)} ({facts.Grade(latest.Id)}) on {BriefFacts.Day(latest.Source.Published)}: {excerpt.Quoted}{note}.",
            others ? "latest report, corroborated" : "latest report, single source",
            [excerpt.Span])
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
            // The first linchpin whose evidence reads as a whole statement (its claim's main clause, with its subject);
            // a row that is a clause without its subject ("Insists this is not a coup") is never quoted as one.
            foreach (var l in ach.Linchpins.DistinctBy(l => l.Evidence))
            {
                if (rows.GetValueOrDefault(l.Evidence) is not { Cites.Count: > 0 } row)
                {
                    continue;
                }

                var cite = row.Cites[0];
                var claim = facts.ClaimsByDocument[cite.Doc].FirstOrDefault(c => c.Start <= cite.Start && c.End >= cite.End);
                var excerpt = claim is null ? null : facts.ExcerptOf(claim);
                if (claim is not null && BriefFacts.IsFragment(claim, excerpt!))
                {
                    continue;
                }

                var quoted = excerpt is null ? BriefFacts.Quote(row.Label) : excerpt.Quoted;
                items.Add(new BriefWatchItem($"Whether {quoted} holds: its {l.Change} would move the leading explanation from {hypotheses.GetValueOrDefault(l.Before, l.Before)} to {hypotheses.GetValueOrDefault(l.After, l.After)}.", "ACH linchpin", [excerpt?.Span ?? cite]) { Proposition = row.Id });
                break;
            }
        }

        // What is watched is quoted as a whole clause (its main clause, citing exactly those characters): a claim whose
        // clause runs past the quote's word limit would be cut mid-sentence, so the next one is watched instead. Read
        // alone, it must say who or what it is about ("He was seen at the airport" names nobody).
        var awaiting = ranked
            .Where(v => v.Proposition.IndependentSources <= 1 && v.CredibleSources == 1 && v.BestGrade is "A" or "B" && v.Display!.Kind == "event" && v.Denials == 0 && !BriefFacts.IsFragment(v.Display, v.Excerpt!) && Whole(v.Excerpt!) && !BriefFacts.LeansOnContext(v.Excerpt!.Text))
            .OrderByDescending(v => v.FirstReported)
            .ThenBy(v => v.Proposition.Credibility);
        foreach (var v in Distinct(awaiting, used).Take(1))
        {
            items.Add(new BriefWatchItem($"Awaiting a second source: {facts.GradedHolder(v.Display!)} reports {v.Excerpt!.Quoted}.", "single source", [v.Cite]) { Proposition = v.Proposition.Id });
        }

        var rumours = ranked.Where(v => v.IsRumour && v.Proposition.IndependentSources >= 2 && v.Display!.Kind == "event" && !BriefFacts.IsFragment(v.Display, v.Excerpt!) && Whole(v.Excerpt!) && !BriefFacts.LeansOnContext(v.Excerpt!.Text));
        foreach (var v in Distinct(rumours, used).Take(1))
        {
            items.Add(new BriefWatchItem($"Unconfirmed, carried only by low-graded sources ({string.Join(", ", v.Grades)}): {facts.GradedHolder(v.Display!)} says {v.Excerpt!.Quoted}.", "rumour until a graded outlet confirms it", [v.Cite]) { Proposition = v.Proposition.Id });
        }

        return [.. items.Take(MaxWatch)];
    }

    /// <summary>
    /// Three to five sentences: what happened (the most important corroborated events, in the order they happened),
    /// where it stands now (the latest development, the story states' current status), and what matters most of what
    /// is still open. Every sentence quotes cited characters; a status the story has moved past is never quoted as
    /// current.
    /// </summary>
    private static List<BriefStatement> BottomLine(BriefFacts facts, List<PropositionView> confirmedPool, IReadOnlyDictionary<string, string> texts, DateTimeOffset? since)
    {
        bool Opening(BriefClaim c) => texts.TryGetValue(c.Doc, out var text) && Standfirst.InOpening(text, c.Start);

        var latest = LatestDevelopment(facts, null);
        var moved = facts.Report.States.Where(s => s.Steps.Count > 1).ToList();
        var room = 5 - (latest is null ? 0 : 1) - Math.Min(1, moved.Count) - 1;

        // What happened: the most important corroborated event, then how it ended (a deal, a resignation, an arrest, a
        // death) before further detail; one per kind of event, told in the order they were first reported. A matter a
        // story state follows is told by the state's own sentence below.
        // A party's own words (a defendant's, a suspect's, one side's lawyer's) are theirs: they never say what happened;
        // a source's estimate ("he will likely die in prison") is its own judgment, listed as such, not what happened.
        var pool = confirmedPool
            .Where(v => !v.IsSpeech)

            // A clause that leans on what its report said before it ("Several hours later, …") or carries the writer's
            // colour ("miraculously") is shown by another claim of its proposition that says the same plainly, when one
            // does: the proposition is corroborated, only its wording was the writer's.
            .Select(v => Opening(v.Display!) || BriefFacts.LeansOnContext(v.Excerpt!.Text)
                ? OtherClaim(facts, v, c => !Opening(c) && !BriefFacts.LeansOnContext(facts.ExcerptOf(c).Text)) ?? (Opening(v.Display!) ? OtherClaim(facts, v, c => !Opening(c)) : v)
                : v)
            .OfType<PropositionView>()

            // A writer's framing ("One crucial development involved negotiations between …") tells no act: another claim
            // of its proposition that tells it stands for it, even one that leans on its report (it then follows a line
            // that says what happened); with none, the proposition is left out.
            .Select(v => BriefFacts.IsFraming(v.Excerpt!.Text) ? OtherClaim(facts, v, c => !Opening(c) && !BriefFacts.IsFraming(facts.ExcerptOf(c).Text)) : v)
            .OfType<PropositionView>()
            // Where a place lies is background a reader may need, never what happened; nor is a named speaker's saying
            // ("X said Thursday that the changes target …"): the act it tells is the speaker's word.
            .Where(v => !BriefFacts.OpensWithSaying(v.Excerpt!.Text))
            .Where(v => v.Display!.Kind is "event" or "judgment" && !BriefFacts.IsUnsettled(v.Display, v.Excerpt!.Text) && !BriefFacts.IsGeography(v.Excerpt!.Text) && !BriefFacts.IsFragment(v.Display, v.Excerpt!) && v.EventClass is not null && Consequence.Weight(v.EventClass) >= 1 && v.SupersededBy is null && v.StateTopic is null)
            .ToList();

        // The main event leads: the story's central act, the one most reports tell in their headline and first sentences
        // (a seizure of rifles told in every report's fifth paragraph is a detail of the foiled attack their leads tell).
        var main = pool.Where(v => v.LeadDocuments >= 2).OrderByDescending(v => v.LeadDocuments).ThenByDescending(v => v.Importance).FirstOrDefault()
            ?? pool.FirstOrDefault();
        var seen = new List<HashSet<string>>();
        var families = new HashSet<string>(StringComparer.Ordinal);
        var events = new List<PropositionView>();
        var slots = Math.Clamp(room, 2, 3);
        var eventSlots = slots;

        // When no corroborated proposition is what the reports' leads tell (each report words the central act its own
        // way, so no proposition joins them), the act most leads tell is said first, quoted from one lead. So too when
        // another act is told in more reports' leads than the main proposition is: a game's result, worded differently
        // in every report, against a player's return that two reports' leads tell in the same words.
        var lines = new List<BriefStatement>();
        if (StoryLead(facts, opening: Opening) is { } lead
            && (main is null || main.LeadDocuments < 2 || (lead.Documents > main.LeadDocuments && Family(main.EventClass!) != lead.Family)))
        {
            lines.Add(lead.Statement);
            families.Add(lead.Family);
            seen.Add(BriefFacts.ContentWords(lead.Text));
            slots = Math.Max(1, slots - 1);
            if (main is not null && Family(main.EventClass!) == lead.Family)
            {
                main = null;
            }
        }
        IEnumerable<PropositionView> first = main is null ? [] : [main];
        foreach (var v in first.Concat(pool.Where(v => Consequence.IsOutcome(v.EventClass))).Concat(pool))
        {
            var words = BriefFacts.ContentWords(v.Excerpt!.Text);
            if (events.Count >= slots || events.Contains(v) || families.Contains(Family(v.EventClass!)) || seen.Any(u => BriefFacts.SaysTheSame(u, words)))
            {
                continue;
            }

            // A line that still leans on what its report said before it once told plainly ("After she was disciplined,
            // she went …", "Then …": a pronoun for its subject, a connective) is no line of the bottom line at any place:
            // the lines around it are other reports' and other events', so its "she" and its "then" point at nothing.
            // Only an opening time counted from an unnamed event ("Several hours later, ") is dropped by the plain telling.
            if (BriefFacts.LeansOnContext(v.Excerpt.Plain().Text))
            {
                continue;
            }

            // The main event takes the families of what its own words tell ("thwarted a multi-boat pirate attack" is
            // the attack, whatever class its frame read from "deployed"), so no later line retells it.
            var told = v == main ? Consequence.ClassesIn(v.Excerpt!.Text).Select(Family).ToList() : [];
            families.UnionWith(told.Count > 0 ? told : [Family(v.EventClass!)]);
            seen.Add(words);
            events.Add(v);
        }

        // The bottom line is read with nothing before it: its first line never leans on what its source said before
        // ("Several hours later, …", "Then …") nor carries the writer's colour ("miraculously"). Such a line may follow
        // one that says what happened; when no corroborated line can open, single reports' accounts of what happened
        // open it, attributed, and when none can either, the leaning lines are left out.
        // What happened is told in the order it happened (the column passing Voronezh at midday before the turnaround
        // that evening), whatever order it was reported in; the main event leads among events of one time.
        var ordered = events.OrderBy(v => EventStart(facts, v) ?? DateTime.MaxValue).ThenBy(v => v == main ? 0 : 1).ThenBy(v => v.FirstReported ?? DateTimeOffset.MaxValue).ThenByDescending(v => v.Importance).ToList();
        if (lines.Count == 0 && ordered.Count > 0)
        {
            if (ordered.FirstOrDefault(v => !BriefFacts.LeansOnContext(v.Excerpt!.Text)) is { } opener)
            {
                ordered.Remove(opener);
                ordered.Insert(0, opener);
            }
            else
            {
                var told = ordered.Select(v => BriefFacts.ContentWords(v.Excerpt!.Text)).ToList();
                var accounts = SingleSourceAccounts(facts, Math.Max(1, slots - ordered.Count), Opening, told).ToList();
                if (accounts.Count == 0)
                {
                    ordered.Clear();
                }

                lines.AddRange(accounts);
            }
        }

        // A line after the first states its fact plainly: the writer's "Several hours later, " and "miraculously" are left
        // out of the quote (the proposition is corroborated; only the wording was the writer's).
        foreach (var v in ordered)
        {
            var plain = lines.Count > 0 || ordered[0] != v ? v.Excerpt!.Plain() : v.Excerpt!;
            lines.Add(new BriefStatement($"{plain.Quoted} ({Agreement(v, facts)}).", [plain.Span]) { Proposition = v.Proposition.Id });
        }

        lines = InEventOrder(facts, lines);

        // A deal is told with what it settles (its terms as the reports word them): the outcome, not only that there was
        // one. Added once the accounts are in order, so the terms' own reports do not move the deal in time.
        foreach (var v in ordered.Where(v => DealTerms.IsDeal(v.Display!, v.EventClass)))
        {
            var at = lines.FindIndex(l => l.Proposition == v.Proposition.Id);
            if (at >= 0 && DealTerms.Of(facts, v.Display!, [.. v.Proposition.Claims.Select(id => facts.Claims.GetValueOrDefault(id)).OfType<BriefClaim>()]) is { } terms)
            {
                lines[at] = lines[at] with { Text = lines[at].Text + " " + terms.Text, Cites = [.. lines[at].Cites, .. terms.Cites] };
            }
        }

        // An ungraded corpus (commentary, where nothing can be confirmed and two reports that agree are only "reported")
        // with fewer corroborated events than the bottom line has room for: single reports' accounts of what happened
        // follow, each attributed and labelled, so the reader still learns what the sources say took place, not only the
        // one event two of them share. With graded outlets a single source's claim waits for a second (What to watch).
        if (facts.Ungraded && lines.Count > 0 && ordered.Count > 0 && lines.Count < eventSlots)
        {
            // Only what a report tells in its lead (its writer's account of the news), never a detail from further down
            // (a game's play-by-play, a quote in the tenth paragraph): beside the corroborated act, such a line reads as
            // what happened next.
            var told = lines.Select(l => BriefFacts.ContentWords(l.Text)).ToList();
            lines.AddRange(SingleSourceAccounts(facts, eventSlots - lines.Count, Opening, told, leadsOnly: true));
        }

        // Nothing corroborated: the most important statements of single reports stand in, attributed and labelled, so
        // the reader still learns what the corpus says happened without any of it being stated as fact.
        if (lines.Count == 0)
        {
            var accounts = SingleSourceAccounts(facts, 3, Opening).ToList();
            if (accounts.Count > 0)
            {
                // Said first, so no account below reads as established: each is one report's word. "No event is told by two
                // sources" is said only when nothing is: a statement two reports share that tells no act the bottom line
                // leads with ("the administration is changing the rules", listed under Key judgments) would belie it.
                var shared = confirmedPool.Any(v => v.Proposition.IndependentSources >= 2);
                lines.Add(new BriefStatement(
                    shared
                        ? "The accounts below are each a single report's word: no second independent source tells them."
                        : string.Create(CultureInfo.InvariantCulture, $"No event in these {BriefFacts.Plural(facts.Report.Documents.Count, "report")} is told by two independent sources; the main accounts below are each a single report's word."),
                    [.. accounts.SelectMany(a => a.Cites)]));
                lines.AddRange(accounts);
            }
        }

        // Where it stands now: each matter's current status and the latest development (attributed), in the order they
        // were reported, so a later development is never told before an earlier settlement (a case closed on 27 June, then
        // the leader's death in August); the latest development says "Since then" only when it comes last.
        var now = new List<(BriefStatement Line, DateTimeOffset? When, bool Latest)>();
        foreach (var state in moved.Take(1))
        {
            // Where it stands now; the steps that led there are Changed's to tell, once. Only when Changed leaves the
            // matter out (a --since after its last step) does the bottom line name the superseded readings itself.
            var last = state.Steps[^1];
            var disputed = state.Disputed ? "; a source still disputes it" : string.Empty;
            var earlier = InChanged(state, since)
                ? "earlier reports of it are superseded (see Changed)"
                : "earlier reports that it was " + string.Join(" and ", state.Steps.Take(state.Steps.Count - 1).Select(s => $"{s.Status} ({BriefFacts.Day(s.ReportTime)})")) + " are superseded";
            now.Add((new BriefStatement(
                $"The {state.Topic} is now {state.Now}, per {facts.StepSource(last)} ({facts.Grade(last.Cite.Doc)}) on {BriefFacts.Day(last.ReportTime)}{disputed}; {earlier}.",
                [last.Cite]), BriefFacts.Time(last.ReportTime), false));
        }

        if (latest is not null && facts.Report.Claims.FirstOrDefault(c => c.Doc == latest.Cites[0].Doc && c.Start <= latest.Cites[0].Start && c.End >= latest.Cites[0].End) is { } lede)
        {
            var excerpt = facts.ExcerptOf(lede);
            var note = latest.Label is null ? "reported by other sources too" : "a single source so far";
            var citing = lede.Attribution.Kind == "named" && lede.Attribution.Text is { Length: > 0 } named ? $", citing {named}," : string.Empty;
            now.Add((new BriefStatement($"on {BriefFacts.Day(latest.When)}, {facts.Outlet(lede.Doc)} ({facts.Grade(lede.Doc)}) reported{citing} {excerpt.Quoted} ({note}).", [excerpt.Span]), BriefFacts.Time(latest.When), true));
        }

        var inOrder = now.Select((x, i) => (x.Line, x.When, x.Latest, Index: i)).OrderBy(x => x.When ?? DateTimeOffset.MaxValue).ThenBy(x => x.Index).ToList();
        for (var i = 0; i < inOrder.Count; i++)
        {
            var line = inOrder[i].Line;
            if (inOrder[i].Latest)
            {
                // "Since then" points back to what was told before it; a development followed by an older status is only "Latest,".
                var opening = i == inOrder.Count - 1 ? "Since then, " : "Latest, ";
                line = line with { Text = opening + line.Text };
            }

            lines.Add(line);
        }

        // What matters most of what is open: a matter the sources read opposite ways, the explanation the evidence
        // cannot settle, or the figure graded outlets disagree on.
        if (lines.Count < 5 && WhatMattersMost(facts) is { } open)
        {
            lines.Add(open);
        }

        return [.. lines.Where(l => l.Cites.Count > 0).Take(5)];
    }

    /// <summary>
    /// The accounts of what happened in the order it happened (the column passing Voronezh at midday before the
    /// turnaround that evening), by the event times of the claims each cites; an account whose claims give no time at a
    /// day or finer is placed by the day it was reported. The order is kept as it was when the account that would open
    /// leans on what its report said before it ("Several hours later, …").
    /// </summary>
    private static List<BriefStatement> InEventOrder(BriefFacts facts, List<BriefStatement> lines)
    {
        if (lines.Count < 2)
        {
            return lines;
        }

        // Two accounts whose events the texts date only to the same day are ordered by when each was first reported.
        var sorted = lines.Select((line, i) => (Line: line, Index: i, Time: EventStart(facts, line)))
            .OrderBy(x => x.Time.When ?? DateTime.MaxValue)
            .ThenBy(x => x.Time.FirstReported ?? DateTimeOffset.MaxValue)
            .ThenBy(x => x.Index)
            .Select(x => x.Line)
            .ToList();
        return BriefFacts.LeansOnContext(sorted[0].Text) ? lines : sorted;
    }

    /// <summary>
    /// When the event an account tells happened: the claims it cites and every claim of the propositions they belong to
    /// give event times; the most precise kind present (clock times, else parts of a day, else days) is read, and the
    /// middle one taken, so a dateline's day in one report does not outweigh the clock times of the others. With no
    /// event time, the earliest day it was reported. The earliest report time comes with it.
    /// </summary>
    private static (DateTime? When, DateTimeOffset? FirstReported) EventStart(BriefFacts facts, BriefStatement line)
    {
        var cited = facts.Report.Claims.Where(c => line.Cites.Any(s => s.Doc == c.Doc && c.Start <= s.Start && s.End <= c.End)).ToList();
        var ids = cited.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var claims = cited.ToList();
        foreach (var p in facts.Report.Propositions.Where(p => p.Id == line.Proposition || p.Claims.Any(ids.Contains)))
        {
            claims.AddRange(p.Claims.Where(id => !ids.Contains(id)).Select(id => facts.Claims.GetValueOrDefault(id)).OfType<BriefClaim>());
            ids.UnionWith(p.Claims);
        }

        var times = claims
            .Select(c => c.EventTime)
            .Where(t => t is { Length: >= 10 } && char.IsAsciiDigit(t[0]))
            .Select(t => (Precision: t!.Length > 12 && char.IsAsciiDigit(t[11]) ? 2 : t.Length > 10 ? 1 : 0, Start: TimexInterval.Of(t)?.Start))
            .Where(x => x.Start is not null)
            .ToList();
        var reported = claims.Select(c => BriefFacts.Time(c.ReportTime)).OfType<DateTimeOffset>().Select(t => (DateTimeOffset?)t).Min();
        if (times.Count > 0)
        {
            var best = times.Max(x => x.Precision);
            var starts = times.Where(x => x.Precision == best).Select(x => x.Start!.Value).Order().ToList();
            return (starts[(starts.Count - 1) / 2], reported);
        }

        return (reported?.Date, reported);
    }

    /// <summary>
    /// When a proposition's event happened, in UTC: the middle of the starts its claims' event times give at a day or
    /// finer (a clock time with its zone, a part of day, a day; a month or a year mentioned in passing says too little),
    /// else the day it was first reported; null when neither is known.
    /// </summary>
    private static DateTime? EventStart(BriefFacts facts, PropositionView v)
    {
        var starts = v.Proposition.Claims
            .Select(id => facts.Claims.GetValueOrDefault(id)?.EventTime)
            .Where(t => t is { Length: >= 10 } && char.IsAsciiDigit(t[0]))
            .Select(t => TimexInterval.Of(t)?.Start)
            .OfType<DateTime>()
            .Order()
            .ToList();
        return starts.Count > 0 ? starts[(starts.Count - 1) / 2] : v.FirstReported?.UtcDateTime.Date;
    }

    /// <summary>
    /// The central act as the reports' leads tell it: among the claims that open each credible report (headline and
    /// lede), narrated statements of what happened (not speech, hedges or fragments) are grouped by family of event
    /// class; the family told in the most reports' leads, at least two, is the story's act. It is quoted from the lead
    /// whose own predicate names the act (a statement outside a headline block first, then the shortest), and says in
    /// how many reports' leads it stands, citing each. Null when no act is told in two leads.
    /// </summary>
    private static (BriefStatement Statement, string Family, string Text, int Documents)? StoryLead(BriefFacts facts, Func<BriefClaim, bool> opening)
    {
        var told = facts.Report.Claims
            .Where(c => facts.LeadIds.Contains(c.Id) && c.Kind is "event" or "judgment" && c.DerivedFrom is null && facts.IsCredible(c.Doc) && !facts.IsFurniture(c) && !BriefFacts.IsSpeech(c))
            .Select(c => (Claim: c, Excerpt: facts.ExcerptOf(c)))
            .Where(x => !BriefFacts.IsUnsettled(x.Claim, x.Excerpt.Text) && !BriefFacts.IsFragment(x.Claim, x.Excerpt))
            .Select(x => (x.Claim, x.Excerpt, Class: Consequence.ClassOf(x.Claim, x.Excerpt.Text)))
            .Where(x => x.Class is not null && Consequence.Weight(x.Class) >= 1)
            .ToList();
        var best = told.GroupBy(x => Family(x.Class!), StringComparer.Ordinal)
            .Select(g => (Family: g.Key, Items: g.ToList(), Documents: g.Select(x => x.Claim.Doc).Distinct(StringComparer.Ordinal).Count()))
            .Where(g => g.Documents >= 2)
            .OrderByDescending(g => g.Documents)
            .ThenByDescending(g => g.Items.Max(x => Consequence.Weight(x.Class)))
            .ThenBy(g => g.Family, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best.Items is null)
        {
            return null;
        }

        // The lead that tells what the others tell: the one whose words most other reports' leads share (the victim, the
        // act), not a detail that happens to be of the same family.
        var words = best.Items.Select(x => (x.Claim.Doc, Words: BriefFacts.ContentWords(x.Excerpt.Text))).ToList();
        int Shared((BriefClaim Claim, Excerpt Excerpt, string? Class) x)
        {
            var own = BriefFacts.ContentWords(x.Excerpt.Text);
            return words.Where(w => w.Doc != x.Claim.Doc && w.Words.Count(own.Contains) >= 2).Select(w => w.Doc).Distinct(StringComparer.Ordinal).Count();
        }

        // Of leads that tell as much, one the quote would not cut at its word limit; never one that leans on what its
        // report said before it or carries the writer's colour (it still counts as a report that tells the act).
        var quotable = best.Items.Where(x => !BriefFacts.LeansOnContext(x.Excerpt.Text) && !BriefFacts.IsFraming(x.Excerpt.Text)).ToList();
        if (quotable.Count == 0)
        {
            return null;
        }

        var quoted = quotable
            .OrderByDescending(Shared)
            .ThenBy(x => Whole(x.Excerpt) ? 0 : 1)
            .ThenByDescending(x => x.Claim.Frame?.EventClass is { } own && Family(own) == best.Family ? 1 : 0)
            .ThenBy(x => opening(x.Claim) ? 1 : 0)
            .ThenBy(x => BriefFacts.WordCount(x.Excerpt.Text) is >= 8 and <= 40 ? 0 : 1)
            .ThenBy(x => x.Excerpt.Text.Length)
            .ThenBy(x => x.Claim.Doc, StringComparer.Ordinal)
            .First();
        // A lead of the same family tells the same act only when it shares words of the act with the quoted lead, not
        // only names: "…, whose mercenaries marched on Moscow in June, was on the passenger list of a jet that crashed" is
        // of the movement family by its relative clause, and shares with "fighters … took over the headquarters in
        // Rostov" nothing but the names of the story's people. Words of the act are the ones written in lower case; one
        // in common is enough ("held the headquarters" and "took over the headquarters").
        var act = ActWords(quoted.Excerpt.Text);
        var same = best.Items.Where(x => x.Claim.Doc == quoted.Claim.Doc || ActWords(x.Excerpt.Text).Overlaps(act)).ToList();
        var documents = same.Select(x => x.Claim.Doc).Distinct(StringComparer.Ordinal).Count();

        // Copies of one report tell the act once: a syndication group, or another outlet's lead in the very same words (a
        // wire story and its syndicated copy, a group's statement republished). An act only one source tells is no
        // corroborated opening, however many outlets carry it.
        var origins = LeadSources(facts, same.Select(x => (x.Claim.Doc, x.Excerpt.Text)));
        var independent = origins.Count;
        if (documents < 2 || independent < 2)
        {
            return null;
        }

        var cites = same.GroupBy(x => x.Claim.Doc, StringComparer.Ordinal).Select(g => g.OrderBy(x => x.Claim.Start).First())
            .OrderBy(x => x.Claim == quoted.Claim ? 0 : 1).Take(4).Select(x => x.Excerpt.Span).ToList();
        var reports = facts.Report.Documents.Count(d => facts.IsCredible(d.Id));

        // Dated and graded as every other line of the bottom line: when it was first reported, how many independent
        // sources tell it and how many graded outlets (syndicated copies once).
        var first = same.Select(x => BriefFacts.Time(x.Claim.ReportTime)).OfType<DateTimeOffset>().Order().Select(t => t.ToString("d MMM yyyy", CultureInfo.InvariantCulture) + "; ").FirstOrDefault() ?? string.Empty;
        var outlets = origins.Where(facts.IsCredible).Select(d => facts.Documents.GetValueOrDefault(d)?.SyndicationGroup ?? facts.Outlet(d)).Distinct(StringComparer.Ordinal).Count();
        var sources = facts.Ungraded
            ? string.Create(CultureInfo.InvariantCulture, $"reported by {BriefFacts.Plural(independent, "independent source")}, none graded")
            : string.Create(CultureInfo.InvariantCulture, $"{BriefFacts.Plural(independent, "independent source")}, {BriefFacts.Plural(outlets, facts.OutletWord)}");
        var text = string.Create(CultureInfo.InvariantCulture, $"{quoted.Excerpt.Quoted} ({first}the act told in the leads of {documents} of {BriefFacts.Plural(reports, "report")}; {sources}).");
        return (new BriefStatement(text, cites), best.Family, quoted.Excerpt.Text, documents);
    }

    /// <summary>
    /// The independent sources among the documents whose leads are <paramref name="leads"/>, one document standing for
    /// each (the first): documents of one syndication group are one source, and so are documents whose lead is written in
    /// the very same words (a copy the syndication check missed: a wire story pasted under another outlet's name, a
    /// statement republished whole).
    /// </summary>
    internal static List<string> LeadSources(BriefFacts facts, IEnumerable<(string Doc, string Text)> leads)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        var byWords = new Dictionary<string, string>(StringComparer.Ordinal);
        var byGroup = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string doc)
        {
            while (parent[doc] != doc)
            {
                doc = parent[doc];
            }

            return doc;
        }

        void Join(string doc, string other)
        {
            var (a, b) = (Find(doc), Find(other));
            if (a != b)
            {
                parent[a] = b;
            }
        }

        foreach (var (doc, text) in leads)
        {
            parent.TryAdd(doc, doc);
            if (facts.Documents.GetValueOrDefault(doc)?.SyndicationGroup is { } group && !byGroup.TryAdd(group, doc))
            {
                Join(doc, byGroup[group]);
            }

            var words = string.Join(' ', Letters().Matches(text).Select(m => m.Value.ToLowerInvariant()));
            if (!byWords.TryAdd(words, doc))
            {
                Join(doc, byWords[words]);
            }
        }

        return [.. parent.Keys.Select(Find).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The proposition shown by another of its claims that <paramref name="acceptable"/> admits: when its best one stands
    /// in a document's opening block (a headline is written to draw the reader in and is never quoted as the bottom line)
    /// or leans on what its report said before it, a narrated statement of a credible report that does neither, or null
    /// when it has none.
    /// </summary>
    private static PropositionView? OtherClaim(BriefFacts facts, PropositionView v, Func<BriefClaim, bool> acceptable)
    {
        var other = v.Proposition.Claims
            .Select(id => facts.Claims.GetValueOrDefault(id))
            .OfType<BriefClaim>()
            .Where(c => c.Kind is "event" or "judgment" && acceptable(c) && !BriefFacts.IsSpeech(c) && !facts.IsFurniture(c) && facts.IsCredible(c.Doc))
            .OrderByDescending(c => c.Text.Length is >= 40 and <= 240)
            .ThenBy(c => c.Start)
            .FirstOrDefault();
        return other is null ? null : v with { Display = other, Excerpt = facts.ExcerptOf(other) };
    }

    /// <summary>"It was a trap." → "a trap": a hypothesis as a short noun phrase.</summary>
    private static string Explanation(string hypothesis)
    {
        var text = BriefFacts.Display(hypothesis, 10).TrimEnd('.');
        foreach (var opening in new[] { "It was ", "It is ", "It's ", "This was ", "This is " })
        {
            if (text.StartsWith(opening, StringComparison.OrdinalIgnoreCase) && text.Length > opening.Length + 2)
            {
                return text[opening.Length..];
            }
        }

        return text;
    }

    /// <summary>Event classes that tell one story step (an attack that kills is one thing that happened).</summary>
    /// <summary>Words of four letters or more that tell nothing of an act.</summary>
    private static readonly HashSet<string> PlainWords = new(StringComparer.Ordinal)
    {
        "after", "with", "from", "that", "this", "were", "have", "been", "said", "their", "they", "which", "when", "while",
        "into", "over", "than", "then", "there", "would", "will", "also", "about", "before", "where", "whose",
    };

    /// <summary>
    /// The words of a text written in lower case (a sentence's first word only when it is), four letters or more and not
    /// a plain function word: the words of what it tells, not of whom (names are written with a capital).
    /// </summary>
    private static HashSet<string> ActWords(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Letters().Matches(text))
        {
            var w = m.Value;
            if (w.Length >= 4 && char.IsLower(w[0]) && !PlainWords.Contains(w))
            {
                words.Add(w);
            }
        }

        return words;
    }

    [GeneratedRegex(@"\p{L}[\p{L}'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Letters();

    private static string Family(string eventClass) => eventClass switch
    {
        "kill" or "attack" or "injure" => "violence",
        "charge" or "drop-charges" or "arrest" or "sentence" => "legal",
        "seize" or "move" or "escape" => "movement",
        _ => eventClass,
    };

    /// <summary>"24 Jun 2023; 4 independent sources, 3 graded outlets" or, ungraded, "reported by 3 independent sources, none graded".</summary>
    private static string Agreement(PropositionView v, BriefFacts facts)
    {
        var when = v.FirstReported is { } t ? t.ToString("d MMM yyyy", CultureInfo.InvariantCulture) + "; " : string.Empty;
        return facts.Ungraded
            ? string.Create(CultureInfo.InvariantCulture, $"{when}reported by {BriefFacts.Plural(v.Proposition.IndependentSources, "independent source")}, none graded")
            : string.Create(CultureInfo.InvariantCulture, $"{when}{BriefFacts.Plural(v.Proposition.IndependentSources, "independent source")}, {BriefFacts.Plural(v.CredibleSources, facts.OutletWord)}");
    }

    /// <summary>
    /// When nothing is corroborated: the most important event statements of different reports (not comment threads),
    /// each attributed to its report and labelled a single source.
    /// </summary>
    private static IEnumerable<BriefStatement> SingleSourceAccounts(BriefFacts facts, int count, Func<BriefClaim, bool> opening, List<HashSet<string>>? told = null, bool leadsOnly = false)
    {
        var seen = told?.ToList() ?? [];
        var docs = new HashSet<string>(StringComparer.Ordinal);
        var candidates = facts.Views
            .Where(v => v.Display is { Kind: "event" } d && !v.IsFurniture && !v.IsSpeech && v.SupersededBy is null && facts.IsCredible(d.Doc) && v.Denials == 0 && d.Modality is null)
            .Where(v => v.Excerpt is { } e && BriefFacts.WordCount(e.Text) >= 6 && v.EventClass is not null && !opening(v.Display!))
            .Where(v => !BriefFacts.IsUnsettled(v.Display!, v.Excerpt!.Text) && !BriefFacts.IsFragment(v.Display!, v.Excerpt!) && !BriefFacts.LeansOnContext(v.Excerpt!.Text) && !BriefFacts.IsFraming(v.Excerpt!.Text))
            .Where(v => v.Proposition.IndependentSources <= 1 && TellsWhatHappened(v.Display!) && (!leadsOnly || facts.LeadIds.Contains(v.Display!.Id)))
            .OrderByDescending(v => v.Importance)
            .ThenBy(v => v.Display!.Start);
        foreach (var v in candidates)
        {
            var words = BriefFacts.ContentWords(v.Excerpt!.Text);
            if (docs.Contains(v.Display!.Doc) || seen.Any(u => BriefFacts.SaysTheSame(u, words)))
            {
                continue;
            }

            docs.Add(v.Display.Doc);
            seen.Add(words);
            yield return new BriefStatement($"{FrontPartText.Capital(facts.GradedHolder(v.Display))}, a single source, says {v.Excerpt.Quoted}.", [v.Cite]) { Proposition = v.Proposition.Id };
            if (docs.Count == count)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// True when a single report's claim can stand as its account of what happened: the report narrates it itself (not
    /// what it says someone announced or reported: that is the speaker's word, and quoting it under the speaker's name
    /// names the holder twice), and, when the claim was parsed, its own predicate is an event of consequence done by or
    /// to a named participant ("X marched on Y"). A trigger word elsewhere in the clause is not what happened: a demand
    /// for a resignation is no resignation, "signs of a potential peace deal" no deal.
    /// </summary>
    internal static bool TellsWhatHappened(BriefClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.Attribution.Kind != "author" || claim.DerivedFrom is not null)
        {
            return false;
        }

        return claim.Frame is not { } frame
            || (Consequence.Weight(frame.EventClass) >= 1 && frame.Participants.Any(p => p.EntityId is not null && p.Role is "agent" or "patient" or "location"));
    }

    private static BriefStatement? WhatMattersMost(BriefFacts facts)
    {
        if (facts.Report.States.FirstOrDefault(s => s.Disputed && s.Steps.Count == 0 && s.Disputing.Count > 1 && !facts.IsUnorderedStatus(s)) is { } matter)
        {
            var sides = matter.Disputing.GroupBy(d => d.Status, StringComparer.Ordinal).Select(g => $"{g.Key} ({string.Join("; ", g.Select(facts.StepSource).Distinct(StringComparer.Ordinal))})");
            return new BriefStatement($"Still disputed: {matter.Topic}: {string.Join(" against ", sides)}.", [.. matter.Disputing.Select(d => d.Cite)]);
        }

        if (facts.Report.Ach is { } ach && ach.BayesRanking.Count >= 2 && facts.Report.Hypotheses.Count >= 2)
        {
            var byId = facts.Report.Hypotheses.DistinctBy(h => h.Id).ToDictionary(h => h.Id, StringComparer.Ordinal);
            var ranked = ach.BayesRanking.Select(id => byId.GetValueOrDefault(id)).OfType<BriefHypothesis>().ToList();
            var top = ranked[0].Scores.GetValueOrDefault("bayesPosterior");
            var close = ranked.TakeWhile(h => top - h.Scores.GetValueOrDefault("bayesPosterior") < 0.15).Where(h => h.Sources.Count > 0).Take(3).ToList();
            if (close.Count >= 2)
            {
                // Hypotheses are Sitrep's wording of the sources' explanations, not quotations: no quotation marks.
                return new BriefStatement(
                    $"{WhyUnresolved}: the evidence does not separate the explanations the sources offer ({string.Join("; ", close.Select(h => Explanation(h.Text)))}).",
                    [.. close.Select(h => h.Sources[0])]);
            }
        }

        var figure = facts.Report.Figures.Where(f => f.Verdict == "dispute").Select(f => (Figure: f, Groups: ValueGroups(facts, f))).Where(x => x.Groups.Count > 1).OrderByDescending(x => x.Groups.Sum(g => g.Credible)).FirstOrDefault();
        return figure.Figure is null ? null
            : new BriefStatement($"Sources disagree on {figure.Figure.Label}: " + string.Join(" against ", figure.Groups.Take(3).Select(g => $"{g.Value} ({g.Who})")) + ".", [.. figure.Groups.Take(3).Select(g => g.Values[0].Cite)]);
    }
}
