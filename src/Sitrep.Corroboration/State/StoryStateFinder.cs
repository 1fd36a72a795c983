using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Claims;
using Sitrep.Corroboration.Propositions;
using Sitrep.Pipeline;

namespace Sitrep.Corroboration.State;

/// <summary>
/// Follows the status of the matters a story's reports keep returning to and that change as it moves — today a
/// criminal case (to be dropped, open, closed) — through the claims that state it, in report-time order. A status is
/// read only from a claim that names the matter and says its status plainly; questions, speculation and claims
/// their own sentence rejects say nothing.
/// </summary>
internal static partial class StoryStateFinder
{
    private const int MaxSteps = 12;

    /// <summary>The story states of the corpus.</summary>
    public static IReadOnlyList<StoryState> Find(Corpus corpus, Func<Corpus, string, string> origin)
    {
        var observations = new List<(StatusStep Step, DateTimeOffset When, int Order)>();
        var order = 0;
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
                if (CaseStatus(text) is not { } status || Retracted(doc.Document.Text, claim.Span.Start))
                {
                    continue;
                }

                var claimRef = new ClaimRef(doc.Document.Id, claim);
                var source = ClaimSource.Of(corpus, claimRef, origin);
                if (source.ReportTime is not { } reported)
                {
                    continue;
                }

                // A status dated in the text ("closed the case on 27 June") took effect then, not when it was retold.
                var when = EventDay(claim.EventTime) is { } day && day <= reported ? day : reported;
                observations.Add((new StatusStep(status, claimRef.Key, source.Label, reported, claim.Span), when, order));
            }
        }

        var dated = observations.OrderBy(o => o.When).ThenBy(o => o.Order).ToList();
        var steps = new List<StatusStep>();
        var disputed = false;
        foreach (var (step, _, _) in dated)
        {
            var current = steps.Count == 0 ? null : steps[^1].Status;
            if (current == step.Status)
            {
                continue;
            }

            if (current == "closed")
            {
                // After the case is closed a promise to drop it is a recap; a report that it is open disputes the close.
                disputed |= step.Status == "open";
                continue;
            }

            steps.Add(step);
        }

        if (steps.Count < 2)
        {
            return [];
        }

        if (steps.Count > MaxSteps)
        {
            steps = [.. steps.Take(MaxSteps - 1), steps[^1]];
        }

        var now = steps[^1];
        var summary = "criminal case: " + string.Join(" → ", steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Status} ({s.Source}, {s.ReportTime:d MMM yyyy})")));
        return [new StoryState("criminal case", steps, now.Status, summary, disputed)];
    }

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

    /// <summary>The status of a criminal case a claim states, or null when it states none plainly.</summary>
    internal static string? CaseStatus(string text)
    {
        if (!CaseNoun().IsMatch(text))
        {
            return null;
        }

        if (StillOpen().IsMatch(text))
        {
            return "open";
        }

        if (Promised().IsMatch(text))
        {
            return "to be dropped";
        }

        return Closed().IsMatch(text) ? "closed" : null;
    }

    [GeneratedRegex(@"\b(criminal case|the case|charges|investigation|prosecution)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaseNoun();

    [GeneratedRegex(@"\b(remains? open|still open|still (being )?investigat\w*|(has|have|had) not been (dropped|closed)|not (been )?(dropped|closed)|will not be (dropped|closed)|won't be (dropped|closed)|still under way)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StillOpen();

    [GeneratedRegex(@"\b(will|would|to) be (dropped|closed)\b|\bwould go away\b|\bto drop (the|all) (case|charges)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Promised();

    [GeneratedRegex(@"\b((had|has|have|was|were) (been )?(dropped|closed)|closed (the|its|their) (criminal )?(case|investigation)|(charges|case) (were |was )?dropped|dropped (the|all) (charges|case))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Closed();
}
