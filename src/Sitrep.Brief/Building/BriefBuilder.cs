using System.Globalization;
using Sitrep.Brief.Model;
using Sitrep.Claims;
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
        var links = HolderLinks.Of(corpus);
        var takeaways = Takeaways(corpus, links);
        var claims = ClaimSection.Claims(corpus, links);
        var report = new BriefReport
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
            Figures = FigureSection.Figures(corpus),
            States = FigureSection.States(corpus),
            Hypotheses = HypothesisSection.Hypotheses(corpus),
            Ach = HypothesisSection.Ach(corpus),
            KeyClaims = ClaimSection.KeyClaims(claims),
            Takeaways = takeaways,
            Timeline = Timeline(corpus),
            Errors = [.. allErrors.Select(e => new BriefError(e.Path, e.Code, e.Message, e.Severity == ErrorSeverity.Error ? "error" : "warning"))],
        };
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in corpus.Documents)
        {
            texts.TryAdd(d.Document.Id, d.Text);
        }

        return FrontPartBuilder.Build(report, texts);
    }

    /// <summary>
    /// The takeaways, each with the person an opening "He" or "She" of its quoted text stands for named in brackets
    /// after the pronoun ("He [Vladimir Putin] speaks of …"): a takeaway is read out of its context.
    /// </summary>
    private static List<BriefTakeaway> Takeaways(Corpus corpus, HolderLinks links)
    {
        var items = corpus.Layers.Find<TakeawayLayer>()?.Items ?? [];
        var entities = corpus.Layers.Find<EntityLayer>()?.Entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        return [.. items.Select(t => new BriefTakeaway(Named(t), [.. t.Cites.Select(ToBrief)]))];

        string Named(Takeaway takeaway)
        {
            if (entities is null || takeaway.Cites.Count == 0 || !corpus.ById.TryGetValue(takeaway.Cites[0].DocumentId, out var doc))
            {
                return takeaway.Text;
            }

            var cite = takeaway.Cites[0];
            var opening = doc.Text.AsSpan(cite.Start, Math.Min(4, cite.End - cite.Start));
            var pronoun = opening.StartsWith("He ", StringComparison.Ordinal) ? "He" : opening.StartsWith("She ", StringComparison.Ordinal) ? "She" : null;
            if (pronoun is null || links.PersonBefore(cite.DocumentId, cite.Start) is not { } id || !entities.TryGetValue(id, out var name))
            {
                return takeaway.Text;
            }

            var quoted = takeaway.Text.IndexOf("“" + pronoun + " ", StringComparison.Ordinal);
            var at = quoted >= 0 ? quoted + 1 + pronoun.Length : takeaway.Text.StartsWith(pronoun + " ", StringComparison.Ordinal) ? pronoun.Length : -1;
            return at < 0 ? takeaway.Text : takeaway.Text.Insert(at, " [" + name + "]");
        }
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
            e.AnchorNote,
            e.Role == TimelineRole.Background ? "background" : "story",
            e.Relation)).ToList() ?? [];

    /// <summary>The brief's view of a span.</summary>
    public static BriefSpan ToBrief(Span span) => new(span.DocumentId, span.Start, span.End);

    private static BriefEntity ToBrief(Entity entity) =>
        new(entity.Id, entity.Name, EntityTypes.ToName(entity.Type), entity.Aliases, [.. entity.Mentions.Select(ToBrief)]) { MentionCount = entity.Mentions.Count };

    private static BriefDocument ToBrief(AnalyzedDocument analyzed, SyndicationLayer? syndication)
    {
        var doc = analyzed.Document;
        var group = syndication?.GroupOf(doc.Id);
        return new BriefDocument
        {
            Id = doc.Id,
            Path = doc.Path,
            Title = doc.Title,
            Headline = Headlines.Of(analyzed),
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
            Pages = [.. doc.Regions.Where(r => r.Kind == RegionKind.Page).Select(r => new[] { r.Number, r.Range.Start, r.Range.End })],
            SyndicationGroup = group?.Id,
            SyndicatedWith = group is null ? [] : [.. group.DocumentIds.Where(d => !string.Equals(d, doc.Id, StringComparison.Ordinal))],
        };
    }
}
