using System.Globalization;
using Sitrep.Claims;
using Sitrep.Corroboration.Propositions;
using Sitrep.Pipeline;

namespace Sitrep.Corroboration.State;

/// <summary>
/// Follows the matters a story's reports keep returning to, through the claims that state them. Two kinds:
/// a status that moves as the story does (a criminal case to be dropped, then open, then closed: <see cref="CriminalCase"/>),
/// read in report-time order, and a fact that does not (whether a party knew in advance: <see cref="Foreknowledge"/>),
/// where two sources that say opposite things dispute it whatever their order. A reading comes only from a claim that
/// names the matter and says it plainly; questions, speculation and claims a correction withdraws say nothing.
/// </summary>
internal static class StoryStateFinder
{
    private const int MaxSteps = 12;

    /// <summary>The story states of the corpus.</summary>
    public static IReadOnlyList<StoryState> Find(Corpus corpus, Func<Corpus, string, string> origin)
    {
        var observations = new List<Observation>();
        var order = 0;
        var holders = Alignment.Offices.Holders(corpus.Documents.Select(d => d.Document.Text));
        foreach (var doc in corpus.Documents)
        {
            foreach (var claim in doc.Layers.Find<ClaimLayer>()?.Items ?? [])
            {
                order++;
                if (claim.Kind is ClaimKind.Question or ClaimKind.Speculation)
                {
                    continue;
                }

                var text = doc.Document.Slice(claim.Span);
                var readings = Read(text, holders);
                if (readings.Count == 0 || Retracted(doc.Document.Text, claim.Span.Start))
                {
                    continue;
                }

                var claimRef = new ClaimRef(doc.Document.Id, claim);
                var source = ClaimSource.Of(corpus, claimRef, origin);

                // A status dated in the text ("closed the case on 27 June") took effect then, not when it was retold.
                DateTimeOffset? when = source.ReportTime is { } reported && EventDay(claim.EventTime) is { } day && day <= reported ? day : source.ReportTime;
                foreach (var (topic, party, status, moves, office) in readings)
                {
                    // "The Kremlin was caught by surprise" is read as its holder's surprise, and says so.
                    var label = office is null ? source.Label : $"{source.Label}, of {office} as {party}'s office";
                    observations.Add(new(topic, party, moves, new StatusStep(status, claimRef.Key, label, source.ReportTime, claim.Span), source.Key, when, order));
                }
            }
        }

        var states = new List<StoryState>();
        foreach (var matter in observations.GroupBy(o => o.Topic, StringComparer.Ordinal))
        {
            var items = matter.ToList();
            var state = items[0].Topic.StartsWith(Offers.Topic(string.Empty), StringComparison.Ordinal) ? Offer(matter.Key, items)
                : items[0].Moves ? Moving(matter.Key, items) : Fact(items);
            if (state is not null)
            {
                states.Add(state);
            }
        }

        return states;
    }

    /// <summary>What a claim's text says of the matters followed: (topic, party, status, whether the status moves).</summary>
    /// <remarks>
    /// An institution that is a person's office ("the Kremlin") is read as its holder when the corpus names one
    /// (<see cref="Alignment.Offices"/>); the last item then names the institution as written.
    /// </remarks>
    private static List<(string Topic, string? Party, string Status, bool Moves, string? Office)> Read(string text, IReadOnlyDictionary<string, string> holders)
    {
        var readings = new List<(string, string?, string, bool, string?)>();
        if (CriminalCase.Status(text) is { } status)
        {
            readings.Add((CriminalCase.Topic, null, status, true, null));
        }

        if (Foreknowledge.Read(text) is { } knew)
        {
            var party = text[knew.PartyStart..knew.PartyEnd];
            var holder = Alignment.Offices.HolderOf(party, holders);
            var office = holder is null ? null : (party.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? party : "the " + party);
            readings.Add((Foreknowledge.Topic(Foreknowledge.PartyKey(holder ?? party)), holder ?? party, knew.Status, false, office));
        }

        if (Offers.Read(text) is { } offer)
        {
            readings.Add((Offers.Topic(offer.Party), offer.Party, offer.Status, true, null));
        }

        return readings;
    }

    /// <summary>
    /// An offer made, then withdrawn: a withdrawal can only follow the offer, so the two readings are in order whatever
    /// their report times (and with none). An offer only made, or only withdrawn, is no story that moved.
    /// </summary>
    private static StoryState? Offer(string topic, List<Observation> items)
    {
        var ordered = items.OrderBy(o => o.When ?? DateTimeOffset.MaxValue).ThenBy(o => o.Order).ToList();
        var made = ordered.Where(o => o.Step.Status == Offers.Made).ToList();
        var withdrawn = ordered.Where(o => o.Step.Status == Offers.Withdrawn).ToList();
        if (made.Count == 0 || withdrawn.Count == 0)
        {
            return null;
        }

        List<StatusStep> steps = [made[0].Step, withdrawn[0].Step];
        var summary = topic + ": " + string.Join(" → ", steps.Select(s => s.ReportTime is null ? $"{s.Status} ({s.Source})" : Dated(s)))
            + "; a withdrawal follows the offer whatever the reports' times";
        return new StoryState(topic, steps, Offers.Withdrawn, summary, false)
        {
            Readings = [.. made.Take(MaxSteps).Select(o => o.Step), .. withdrawn.Take(MaxSteps).Select(o => o.Step)],
        };
    }

    /// <summary>
    /// A status that moves: the dated readings in order, each change one step. A reading with no report time cannot be
    /// placed: when it clashes with where the dated steps end, or the readings cannot be ordered at all and clash among
    /// themselves, the matter is disputed and the clashing readings are listed apart.
    /// </summary>
    private static StoryState? Moving(string topic, List<Observation> items)
    {
        var steps = new List<StatusStep>();
        var disputed = false;
        foreach (var o in items.Where(o => o.When is not null).OrderBy(o => o.When).ThenBy(o => o.Order))
        {
            var current = steps.Count == 0 ? null : steps[^1].Status;
            if (current == o.Step.Status)
            {
                continue;
            }

            if (current == "closed")
            {
                // After the case is closed a promise to drop it is a recap; a report that it is open disputes the close.
                disputed |= o.Step.Status == "open";
                continue;
            }

            steps.Add(o.Step);
        }

        if (steps.Count > MaxSteps)
        {
            steps = [.. steps.Take(MaxSteps - 1), steps[^1]];
        }

        var undated = items.Where(o => o.When is null).ToList();
        if (steps.Count >= 2)
        {
            var now = steps[^1];
            var against = FirstPerStatus(undated.Where(o => CriminalCase.Clash(o.Step.Status, now.Status)));
            disputed |= against.Count > 0;
            var summary = topic + ": " + string.Join(" → ", steps.Select(Dated));
            if (against.Count > 0)
            {
                summary += "; undated, " + string.Join("; ", against.Select(s => $"{s.Status} ({s.Source})"));
            }

            return new StoryState(topic, steps, now.Status, summary, disputed) { Disputing = against };
        }

        // Too few dated steps to tell a story: readings whose order is unknown dispute the matter only when they clash.
        var sides = FirstPerStatus(items.OrderBy(o => o.When ?? DateTimeOffset.MaxValue).ThenBy(o => o.Order));
        var clash = sides.Any(a => sides.Any(b => CriminalCase.Clash(a.Status, b.Status)));
        if (!clash || undated.Count == 0)
        {
            return null;
        }

        var unordered = topic + ": " + string.Join(" vs ", sides.Select(s => s.ReportTime is null ? $"{s.Status} ({s.Source}, undated)" : Dated(s)))
            + "; the reports' order is unknown";
        return new StoryState(topic, [], "disputed", unordered, true) { Disputing = sides };
    }

    /// <summary>A fact: disputed when two sources read it opposite ways; nothing to say when all agree.</summary>
    private static StoryState? Fact(List<Observation> items)
    {
        var bySide = items.GroupBy(o => o.Step.Status, StringComparer.Ordinal).ToList();
        if (bySide.Count < 2)
        {
            return null;
        }

        // Sides held only by the same source are one source wavering, not two sources disagreeing.
        var sources = items.Select(o => o.SourceKey).Distinct(StringComparer.Ordinal).Count();
        if (sources < 2)
        {
            return null;
        }

        var party = items.Select(o => o.Party!).MaxBy(p => p.Length)!;
        var topic = Foreknowledge.Topic(party);
        var sides = bySide
            .OrderBy(g => g.Min(o => o.Order))
            .Select(g => (g.Key, Steps: g.GroupBy(o => o.SourceKey, StringComparer.Ordinal).Select(s => s.First().Step).Take(MaxSteps / 2).ToList()))
            .ToList();
        var summary = topic + ": " + string.Join(" vs ", sides.Select(s => $"{s.Key} ({string.Join("; ", s.Steps.Select(step => step.Source))})"));
        return new StoryState(topic, [], "disputed", summary, true) { Disputing = [.. sides.SelectMany(s => s.Steps)] };
    }

    private static List<StatusStep> FirstPerStatus(IEnumerable<Observation> observations) =>
        [.. observations.GroupBy(o => o.Step.Status, StringComparer.Ordinal).Select(g => g.First().Step)];

    private static string Dated(StatusStep s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Status} ({s.Source}, {s.ReportTime:d MMM yyyy})");

    /// <summary>True when the claim sits in a correction that withdraws it ("an earlier version of this report said …").</summary>
    private static bool Retracted(string text, int start)
    {
        var from = Math.Max(0, start - 120);
        var before = text.AsSpan(from, start - from);
        return before.Contains("earlier version", StringComparison.OrdinalIgnoreCase) || before.Contains("incorrectly", StringComparison.OrdinalIgnoreCase)
            || before.Contains("wrongly", StringComparison.OrdinalIgnoreCase);
    }

    private static DateTimeOffset? EventDay(string? timex) =>
        timex is { Length: >= 10 } && DateTimeOffset.TryParseExact(timex[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var day) ? day : null;

    private sealed record Observation(string Topic, string? Party, bool Moves, StatusStep Step, string SourceKey, DateTimeOffset? When, int Order);
}
