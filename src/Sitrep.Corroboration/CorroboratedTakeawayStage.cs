using System.Globalization;
using Sitrep.Corroboration.Propositions;
using Sitrep.Pipeline;
using Sitrep.Takeaways;

namespace Sitrep.Corroboration;

/// <summary>
/// Rewrites the takeaways so that they say how well each point is supported: contested points first, then the best
/// corroborated ones in ICD 203 estimative language ("Very likely (3 independent sources): …"), then the most central
/// sentences. Every takeaway quotes its proposition's label verbatim and cites each claim that supports or denies it.
/// </summary>
public sealed class CorroboratedTakeawayStage : ICorpusStage
{
    private const int Contested = 3;
    private const int Corroborated = 5;
    private const int Total = 10;
    private const int MaxCites = 6;

    /// <inheritdoc />
    public string Name => "takeaways.corroborated.v1";

    /// <inheritdoc />
    public IReadOnlyList<string> Requires { get; } = [Capabilities.Propositions, Capabilities.Takeaways];

    /// <inheritdoc />
    public IReadOnlyList<string> Assigns { get; } = [Capabilities.Takeaways];

    /// <inheritdoc />
    public void Process(Corpus corpus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var layer = corpus.Layers.Find<PropositionLayer>();
        if (layer is null)
        {
            return;
        }

        var takeaways = new List<Takeaway>();
        foreach (var p in layer.Propositions.Where(p => p.Status == CorroborationStatus.Contested && IsReadable(p)).Take(Contested))
        {
            var supporting = p.Stances.Count(s => s.Stance == StanceKind.Support);
            var denying = p.Stances.Count(s => s.Stance == StanceKind.Deny);
            var text = string.Create(CultureInfo.InvariantCulture, $"Contested ({supporting} for, {denying} against; credibility {p.Credibility}, {Grading.SourceGrading.CredibilityName(p.Credibility)}): “{p.Label}”");
            takeaways.Add(new Takeaway(text, Cites(corpus, p), p.Support + p.Denial));
        }

        foreach (var p in layer.Propositions.Where(p => p.Status == CorroborationStatus.Corroborated && p.Credibility <= 2 && IsReadable(p)).Take(Corroborated))
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"{Estimative(p)} ({p.IndependentSources} independent sources, credibility {p.Credibility}): “{p.Label}”");
            takeaways.Add(new Takeaway(text, Cites(corpus, p), p.Support));
        }

        var cited = new HashSet<Documents.Span>(takeaways.SelectMany(t => t.Cites));
        foreach (var central in corpus.Layers.Find<TakeawayLayer>()?.Items ?? [])
        {
            if (takeaways.Count >= Total)
            {
                break;
            }

            if (!central.Cites.Any(c => cited.Any(x => x.DocumentId == c.DocumentId && x.Range.Overlaps(c.Range))))
            {
                takeaways.Add(central);
            }
        }

        corpus.Layers.Set(new TakeawayLayer(takeaways));
    }

    /// <summary>ICD 203 wording for a corroborated proposition's credibility.</summary>
    internal static string Estimative(Proposition p) => p.Credibility switch
    {
        1 => "Almost certainly",
        2 => "Very likely",
        3 => "Likely",
        4 => "Unlikely",
        5 => "Very unlikely",
        _ => "Cannot be judged",
    };

    private static bool IsReadable(Proposition p) => p.Label.Length is >= 20 and <= 300;

    private static List<Documents.Span> Cites(Corpus corpus, Proposition p)
    {
        var cites = new List<Documents.Span> { p.Cite };
        foreach (var claim in p.Claims)
        {
            if (cites.Count >= MaxCites)
            {
                break;
            }

            var span = corpus.ById[claim.DocumentId].SpanOf(claim.Claim.Span.Range);
            if (!cites.Contains(span))
            {
                cites.Add(span);
            }
        }

        return cites;
    }
}
