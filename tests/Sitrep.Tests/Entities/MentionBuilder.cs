using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;
using Sitrep.Text;

namespace Sitrep.Tests.Entities;

/// <summary>Builds documents whose mentions are given by hand, so alias rules are tested without the tagger.</summary>
internal static class MentionBuilder
{
    public static readonly IReadOnlyDictionary<string, string> Demonyms = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["russian"] = "russia",
        ["belarusian"] = "belarus",
        ["british"] = "united kingdom",
        ["ukrainian"] = "ukraine",
    };

    /// <summary>A document with the given mentions, found left to right in its text.</summary>
    public static AnalyzedDocument Document(string text, string path, params (string Text, EntityType Type)[] mentions)
    {
        var analyzed = Some.Analyzed(text, path);
        var found = new List<EntityMention>();
        var from = 0;
        foreach (var (surface, type) in mentions)
        {
            var start = text.IndexOf(surface, from, StringComparison.Ordinal);
            if (start < 0)
            {
                throw new ArgumentException($"'{surface}' not found after offset {from}.");
            }

            var end = start + surface.Length;
            var first = analyzed.Tokens.FindIndex(t => t.Start >= start);
            var count = analyzed.Tokens.Skip(first).TakeWhile(t => t.End <= end).Count();
            var sentence = analyzed.Sentences.FindIndex(s => s.Range.Contains(start));
            found.Add(new EntityMention(new Span(analyzed.Document.Id, start, end), type, surface, sentence, first, count));
            from = end;
        }

        analyzed.Layers.Set(new EntityMentionLayer(found, "test"));
        return analyzed;
    }

    /// <summary>The same document and mentions, published by <paramref name="outlet"/>.</summary>
    public static AnalyzedDocument FromOutlet(this AnalyzedDocument document, string outlet)
    {
        var published = new AnalyzedDocument(document.Document.WithMetadata(null, DocumentKind.Article, new Source(Outlet: outlet)));
        new SentenceStage().Process(published, CancellationToken.None);
        published.Layers.Set(document.Layers.Find<EntityMentionLayer>()!);
        return published;
    }

    public static IReadOnlyList<Entity> Resolve(params AnalyzedDocument[] documents) =>
        new EntityResolver(Demonyms, Sitrep.Entities.Aliases.AliasDecisions.None).Resolve(documents);

    public static Entity Holding(this IReadOnlyList<Entity> entities, AnalyzedDocument document, string surface)
    {
        var start = document.Text.IndexOf(surface, StringComparison.Ordinal);
        return entities.Single(e => e.Mentions.Any(m => m.DocumentId == document.Document.Id && m.Start == start));
    }
}
