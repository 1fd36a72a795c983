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
        var observations = new List<(StatusStep Step, int Order)>();
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
                if (CaseStatus(text) is not { } status)
                {
                    continue;
                }

                var claimRef = new ClaimRef(doc.Document.Id, claim);
                var source = ClaimSource.Of(corpus, claimRef, origin);
                observations.Add((new StatusStep(status, claimRef.Key, source.Label, source.ReportTime, claim.Span), order));
            }
        }

        var dated = observations.Where(o => o.Step.ReportTime is not null).OrderBy(o => o.Step.ReportTime).ThenBy(o => o.Order).Select(o => o.Step).ToList();
        if (dated.Select(s => s.Status).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return [];
        }

        var steps = new List<StatusStep>();
        foreach (var step in dated)
        {
            if (steps.Count == 0 || !string.Equals(steps[^1].Status, step.Status, StringComparison.Ordinal))
            {
                steps.Add(step);
            }
        }

        if (steps.Count > MaxSteps)
        {
            steps = [.. steps.Take(MaxSteps - 1), steps[^1]];
        }

        var now = steps[^1];
        var lastChange = now.ReportTime;
        // A source that, after the latest change, still reports another final status disputes it.
        var disputed = dated.Exists(s => s.ReportTime > lastChange && !string.Equals(s.Status, now.Status, StringComparison.Ordinal));
        var summary = "criminal case: " + string.Join(" → ", steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Status} ({s.Source}, {s.ReportTime:d MMM yyyy})")));
        return [new StoryState("criminal case", steps, now.Status, summary, disputed)];
    }

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
