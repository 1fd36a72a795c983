using System.Globalization;
using Sitrep.Brief.Model;
using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;
using Sitrep.Errors;
using Sitrep.Ingest.Syndication;
using Sitrep.Pipeline;
using Sitrep.Takeaways;
using Sitrep.Time.Timeline;

namespace Sitrep.Brief.Building;

/// <summary>
/// Assembles the brief model from what the stages left on the corpus. It reads layers and copies spans; it never
/// analyses and never renders. Each capability's section is filled from that capability's layer when present.
/// </summary>
public static class BriefBuilder
{
    /// <summary>Builds the brief.</summary>
    public static BriefReport Build(Corpus corpus, IEnumerable<string> stageNames, IEnumerable<SitrepError> errors, string version)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(stageNames);
        ArgumentNullException.ThrowIfNull(errors);
        var allErrors = errors.Concat(corpus.Errors).ToList();
        var syndication = corpus.Layers.Find<SyndicationLayer>();
        var documents = corpus.Documents.Select(d => ToBrief(d, syndication)).ToList();
        var takeaways = corpus.Layers.Find<TakeawayLayer>()?.Items.Select(t => new BriefTakeaway(t.Text, [.. t.Cites.Select(ToBrief)])).ToList() ?? [];
        var claims = ClaimSection.Claims(corpus);
        return new BriefReport
        {
            Generator = new BriefGenerator("sitrep", version, [.. stageNames]),
            Corpus = new BriefCorpus(
                documents.Count,
                corpus.Documents.Sum(d => (long)d.Text.Length),
                corpus.Documents.Sum(d => (long)d.Sentences.Count),
                allErrors.Count(e => e.Severity == ErrorSeverity.Error)),
            Documents = documents,
            Entities = corpus.Layers.Find<EntityLayer>()?.Entities.Select(ToBrief).ToList() ?? [],
            Claims = claims,
            Propositions = PropositionSection.Propositions(corpus),
            Contradictions = PropositionSection.Contradictions(corpus),
            Hypotheses = HypothesisSection.Hypotheses(corpus),
            Ach = HypothesisSection.Ach(corpus),
            KeyClaims = ClaimSection.KeyClaims(claims),
            Takeaways = takeaways,
            Timeline = Timeline(corpus),
            Errors = [.. allErrors.Select(e => new BriefError(e.Path, e.Code, e.Message, e.Severity == ErrorSeverity.Error ? "error" : "warning"))],
        };
    }

    private static List<BriefTimelineEntry> Timeline(Corpus corpus) =>
        corpus.Layers.Find<TimelineLayer>()?.Entries.Select(e => new BriefTimelineEntry(
            e.When,
            e.Reported,
            e.Label,
            [.. e.Claims],
            [.. e.Docs],
            [.. e.Cites.Select(ToBrief)],
            e.Expression,
            e.Anchor.ToString().ToLowerInvariant(),
            e.Interval is not null,
            e.AnchorNote)).ToList() ?? [];

    /// <summary>The brief's view of a span.</summary>
    public static BriefSpan ToBrief(Span span) => new(span.DocumentId, span.Start, span.End);

    private static BriefEntity ToBrief(Entity entity) =>
        new(entity.Id, entity.Name, EntityTypes.ToName(entity.Type), entity.Aliases, [.. entity.Mentions.Select(ToBrief)]);

    private static BriefDocument ToBrief(AnalyzedDocument analyzed, SyndicationLayer? syndication)
    {
        var doc = analyzed.Document;
        var group = syndication?.GroupOf(doc.Id);
        return new BriefDocument
        {
            Id = doc.Id,
            Path = doc.Path,
            Title = doc.Title,
            Kind = DocumentKinds.ToName(doc.Kind),
            Source = new BriefSource(
                doc.Source.Outlet,
                doc.Source.Author,
                doc.Source.Url,
                doc.Source.Published?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                doc.Source.Reliability?.ToString()),
            Language = doc.Language,
            Length = doc.Text.Length,
            ContentHash = doc.ContentHash,
            Sentences = analyzed.Sentences.Count,
            Posts = [.. doc.Posts.Select(p => new BriefPost(p.Id, p.ParentId, p.Depth, p.Author, p.Time?.Value, p.Time?.Text, p.Range.Start, p.Range.End))],
            Boilerplate = [.. doc.Boilerplate.Select(b => new[] { b.Start, b.End })],
            SyndicationGroup = group?.Id,
            SyndicatedWith = group is null ? [] : [.. group.DocumentIds.Where(d => !string.Equals(d, doc.Id, StringComparison.Ordinal))],
        };
    }
}
