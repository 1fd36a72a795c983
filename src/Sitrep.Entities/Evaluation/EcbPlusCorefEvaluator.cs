using System.Globalization;
using System.Text;
using Sitrep.Documents;
using Sitrep.Entities.Recognition;
using Sitrep.Entities.Resolution;
using Sitrep.Pipeline;
using Sitrep.Syntax;
using Sitrep.Text;

namespace Sitrep.Entities.Evaluation;

/// <summary>A scored gold mention and the system mention matched to it, if any.</summary>
/// <param name="Topic">The ECB+ topic.</param>
/// <param name="SubEvent">The sub-event (<c>ecb</c> or <c>ecbplus</c>): each is resolved as one corpus.</param>
/// <param name="Document">The ECB+ document name.</param>
/// <param name="Gold">The gold mention.</param>
/// <param name="Named">Whether the gold mention carries a name (a capitalised word other than a sentence-opening function word).</param>
/// <param name="System">The system's mention span text, or null when none overlaps.</param>
/// <param name="EntityId">The resolved entity of the system mention, or null.</param>
/// <param name="EntityName">That entity's canonical name, or null.</param>
/// <param name="EntityType">That entity's type, or null.</param>
public sealed record CorefMatch(int Topic, string SubEvent, string Document, GoldEntityMention Gold, bool Named, string? System, string? EntityId, string? EntityName, EntityType? EntityType)
{
    /// <summary>Whether a system mention was matched.</summary>
    public bool Matched => EntityId is not null;
}

/// <summary>
/// Scores cross-document entity resolution on ECB+: each sub-event's documents are analysed as one corpus by the given
/// pipeline; each resolved entity mention is matched to at most one gold entity mention by span overlap (largest
/// overlap over union first); the matched gold mentions are then clustered three ways (by resolved entity, as
/// singletons, by the last word of the system mention) and scored against their gold chains.
/// </summary>
public sealed class EcbPlusCorefEvaluator
{
    private static readonly HashSet<string> FunctionWords = new(
        ["the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "this", "that", "these", "those", "some", "one", "two", "three", "both", "all", "another", "other", "many", "several", "police", "authorities", "officials"],
        StringComparer.Ordinal);

    private readonly AnalysisPipeline _pipeline;

    /// <summary>Creates the evaluator over a pipeline that assigns <see cref="Capabilities.Entities"/>.</summary>
    public EcbPlusCorefEvaluator(AnalysisPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _pipeline = pipeline;
    }

    /// <summary>
    /// A pipeline of the entity stages alone: sentences, mentions (the shipped tagger), the parse on demand (as the
    /// default pipeline runs it: only the sentences the pronoun rules ask for are parsed), resolution.
    /// </summary>
    public static AnalysisPipeline EntityPipeline() => EntityPipeline(PerceptronTagger.Default);

    /// <summary>
    /// A pipeline of the entity stages alone with another tagger (a model trained by <c>sitrep train ner</c>);
    /// resolution keeps the shipped lexicon's gazetteers.
    /// </summary>
    public static AnalysisPipeline EntityPipeline(PerceptronTagger tagger)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        return new AnalysisPipelineBuilder().Use(new SentenceStage()).Use(new EntityMentionStage(tagger)).Use(new SyntaxStage(SyntaxOptions.OnDemandDefault)).Use(new EntityResolutionStage()).Build();
    }

    /// <summary>Analyses every sub-event of <paramref name="documents"/> and matches its entities to the gold mentions.</summary>
    /// <returns>One entry per scored gold mention (its sentence is fully annotated), matched or not.</returns>
    public IReadOnlyList<CorefMatch> Evaluate(IReadOnlyList<EcbPlusEntityDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var result = new List<CorefMatch>();
        foreach (var group in documents.GroupBy(d => (d.Topic, d.SubEvent)).OrderBy(g => g.Key.Topic).ThenBy(g => g.Key.SubEvent, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Document ids come from the text: a text repeated in one sub-event is analysed (and scored) once.
            var unique = group.GroupBy(d => Document.HashOf(d.Text), StringComparer.Ordinal).Select(g => g.First()).ToList();
            var batch = unique.Select(d => Document.Create(d.Text, "ecbplus/" + d.Name + ".txt").WithKind(DocumentKind.Article).Build()).ToList();
            var analyzed = _pipeline.AnalyzeBatch(batch, cancellationToken);
            var corpus = new Corpus(analyzed.Documents);
            _pipeline.AnalyzeCorpus(corpus, cancellationToken);
            var entities = corpus.Layers.Find<EntityLayer>()?.Entities ?? [];
            var byDocument = entities
                .SelectMany(e => e.Mentions.Concat(e.References).Select(s => (Entity: e, Span: s)))
                .ToLookup(p => p.Span.DocumentId, StringComparer.Ordinal);
            for (var i = 0; i < unique.Count; i++)
            {
                var doc = unique[i];
                var system = byDocument[batch[i].Id].ToList();
                var gold = doc.Mentions.Where(m => m.Scored).ToList();
                var assigned = Match(gold, system);
                for (var g = 0; g < gold.Count; g++)
                {
                    var named = IsNamed(gold[g]);
                    if (assigned[g] is { } s)
                    {
                        var (entity, span) = system[s];
                        result.Add(new CorefMatch(doc.Topic, doc.SubEvent, doc.Name, gold[g], named, doc.Text[span.Start..span.End], entity.Id, entity.Name, entity.Type));
                    }
                    else
                    {
                        result.Add(new CorefMatch(doc.Topic, doc.SubEvent, doc.Name, gold[g], named, null, null, null, null));
                    }
                }
            }
        }

        return result;
    }

    /// <summary>
    /// One-to-one matching of gold to system mentions by span overlap: pairs with the largest overlap over union first,
    /// so a system "Jacob Howell" goes to the gold "Jacob Howell" rather than to an enclosing "Jacob Howell's office".
    /// </summary>
    private static int?[] Match(List<GoldEntityMention> gold, List<(Entity Entity, Span Span)> system)
    {
        var pairs = new List<(double Score, int Gold, int System)>();
        for (var g = 0; g < gold.Count; g++)
        {
            for (var s = 0; s < system.Count; s++)
            {
                var span = system[s].Span;
                var overlap = Math.Min(gold[g].End, span.End) - Math.Max(gold[g].Start, span.Start);
                if (overlap > 0)
                {
                    var union = Math.Max(gold[g].End, span.End) - Math.Min(gold[g].Start, span.Start);
                    pairs.Add(((double)overlap / union, g, s));
                }
            }
        }

        var result = new int?[gold.Count];
        var taken = new HashSet<int>();
        foreach (var (_, g, s) in pairs.OrderByDescending(p => p.Score).ThenBy(p => p.Gold).ThenBy(p => p.System))
        {
            if (result[g] is null && taken.Add(s))
            {
                result[g] = s;
            }
        }

        return result;
    }

    /// <summary>A gold mention carries a name when a word other than an opening function word ("The", "He") is capitalised.</summary>
    private static bool IsNamed(GoldEntityMention mention)
    {
        var words = Tokenizer.Tokenize(mention.Text).Select(t => mention.Text[t.Start..t.End]).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            if (char.IsUpper(words[i][0]) && !(i == 0 && FunctionWords.Contains(words[i].ToLowerInvariant())))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The figures of one ECB+ coreference run on a subset of its topics.</summary>
/// <param name="Gold">Scored gold entity mentions.</param>
/// <param name="NamedGold">Those that carry a name.</param>
/// <param name="Matched">Gold mentions a system mention was matched to.</param>
/// <param name="NamedMatched">Named gold mentions a system mention was matched to.</param>
/// <param name="System">Resolution by the pipeline.</param>
/// <param name="Singletons">Baseline: every mention alone.</param>
/// <param name="SameLastWord">Baseline: mentions whose system text ends in the same word are one entity.</param>
/// <param name="Typing">Per gold class (person, organisation, place): matched mentions and those whose entity type is right.</param>
public sealed record CorefSummary(int Gold, int NamedGold, int Matched, int NamedMatched, CorefScores System, CorefScores Singletons, CorefScores SameLastWord, IReadOnlyDictionary<string, (int Total, int Right)> Typing)
{
    /// <summary>Share of scored gold mentions that were matched.</summary>
    public double MentionRecall => Gold == 0 ? 0 : (double)Matched / Gold;

    /// <summary>Share of named gold mentions that were matched.</summary>
    public double NamedRecall => NamedGold == 0 ? 0 : (double)NamedMatched / NamedGold;

    /// <summary>Share of typed matched mentions (persons, organisations, places) whose entity has the right type.</summary>
    public double TypingAccuracy
    {
        get
        {
            var total = Typing.Values.Sum(v => v.Total);
            return total == 0 ? 0 : (double)Typing.Values.Sum(v => v.Right) / total;
        }
    }

    /// <summary>Scores the matches of the topics <paramref name="include"/> accepts.</summary>
    public static CorefSummary Of(IEnumerable<CorefMatch> matches, Func<int, bool> include)
    {
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(include);
        var chosen = matches.Where(m => include(m.Topic)).ToList();
        var matched = chosen.Where(m => m.Matched).ToList();
        string Key(CorefMatch m) => m.Topic.ToString(CultureInfo.InvariantCulture) + "/" + m.SubEvent + "/" + m.Document + "/" + m.Gold.Id;
        string Corpus(CorefMatch m) => m.Topic.ToString(CultureInfo.InvariantCulture) + "/" + m.SubEvent + "/";
        var key = matched.ToDictionary(Key, m => Corpus(m) + m.Gold.Chain, StringComparer.Ordinal);
        var system = matched.ToDictionary(Key, m => Corpus(m) + m.EntityId, StringComparer.Ordinal);
        var singletons = matched.ToDictionary(Key, Key, StringComparer.Ordinal);
        var lastWord = matched.ToDictionary(Key, m => Corpus(m) + LastWord(m.System!), StringComparer.Ordinal);
        var typing = new SortedDictionary<string, (int Total, int Right)>(StringComparer.Ordinal);
        foreach (var m in matched)
        {
            var gold = GoldClass(m.Gold.Tag);
            if (gold is null)
            {
                continue;
            }

            var (total, right) = typing.GetValueOrDefault(gold.Value.Name);
            typing[gold.Value.Name] = (total + 1, right + (gold.Value.Accepts(m.EntityType!.Value) ? 1 : 0));
        }

        return new CorefSummary(
            chosen.Count,
            chosen.Count(m => m.Named),
            matched.Count,
            matched.Count(m => m.Named),
            CorefMetrics.Score(key, system),
            CorefMetrics.Score(key, singletons),
            CorefMetrics.Score(key, lastWord),
            typing);
    }

    /// <summary>The lowercase last word of a mention, without a possessive.</summary>
    public static string LastWord(string mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var words = Tokenizer.Tokenize(mention).Select(t => mention[t.Start..t.End]).Where(w => w.Any(char.IsLetterOrDigit) && w is not ("'s" or "’s")).ToList();
        var last = words.Count == 0 ? mention : words[^1];
        if (last.EndsWith("'s", StringComparison.Ordinal) || last.EndsWith("’s", StringComparison.Ordinal))
        {
            last = last[..^2];
        }

        return last.ToLowerInvariant();
    }

    /// <summary>
    /// The class a gold tag is typed against: <c>HUMAN_PART_PER</c> a person; <c>HUMAN_PART_ORG</c> an organisation;
    /// <c>LOC_GEO</c> and <c>LOC_OTHER</c> a place; a country or city acting (<c>HUMAN_PART_GPE</c>) and a facility
    /// (<c>LOC_FAC</c>: a clinic, a prison) a place or an organisation. Other tags (generic, vehicles, things) are not typed.
    /// </summary>
    public static (string Name, Func<EntityType, bool> Accepts)? GoldClass(string tag) => tag switch
    {
        "HUMAN_PART_PER" => ("person", t => t == EntityType.Person),
        "HUMAN_PART_ORG" => ("organisation", t => t == EntityType.Organization),
        "LOC_GEO" or "LOC_OTHER" => ("place", t => t == EntityType.Location),
        "HUMAN_PART_GPE" => ("place (GPE)", t => t is EntityType.Location or EntityType.Organization),
        "LOC_FAC" => ("place (facility)", t => t is EntityType.Location or EntityType.Organization),
        _ => null,
    };

    /// <summary>The figures as text, one line each.</summary>
    public string Report(string label)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{label}: {Gold} gold entity mentions, {Matched} matched (mention recall {MentionRecall:0.000}); named {NamedGold}, matched {NamedMatched} (recall {NamedRecall:0.000})\n");
        text.Append("  clustering              MUC P/R/F1            B3 P/R/F1             CEAF-e P/R/F1         CoNLL F1\n");
        foreach (var (name, scores) in new[] { ("sitrep", System), ("baseline singletons", Singletons), ("baseline same last word", SameLastWord) })
        {
            text.Append(CultureInfo.InvariantCulture, $"  {name,-23} {Format(scores.Muc)}   {Format(scores.BCubed)}   {Format(scores.CeafE)}   {scores.ConllF1 * 100:0.00}\n");
        }

        text.Append("  typing on matched mentions:");
        foreach (var (name, (total, right)) in Typing)
        {
            text.Append(CultureInfo.InvariantCulture, $" {name} {right}/{total} ({(total == 0 ? 0 : (double)right / total) * 100:0.0}%);");
        }

        text.Append(CultureInfo.InvariantCulture, $" all {TypingAccuracy * 100:0.0}%\n");
        return text.ToString();

        static string Format(CorefScore s) => string.Create(CultureInfo.InvariantCulture, $"{s.Precision * 100,5:0.0} {s.Recall * 100,5:0.0} {s.F1 * 100,5:0.0}");
    }
}
