using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Sitrep.Claims;
using Sitrep.Claims.Timeline;
using Sitrep.Corroboration;
using Sitrep.Corroboration.Figures;
using Sitrep.Documents;
using Sitrep.Entities.Aliases;
using Sitrep.Entities.Resolution;
using Sitrep.Hypotheses;
using Sitrep.Ingest.Syndication;
using Sitrep.Meaning.Encoding;
using Sitrep.Meaning.Pairs;
using Sitrep.Pipeline;
using Sitrep.Syntax;
using Sitrep.Takeaways;
using Sitrep.Text;
using Sitrep.Time;
using Sitrep.Time.Timeline;

namespace Sitrep.Engine;

/// <summary>The stages Sitrep runs by default, in order. Capabilities register here as they land.</summary>
public static class DefaultPipeline
{
    /// <summary>A builder holding the default stages, for callers that add or replace some.</summary>
    /// <param name="aliases">The analyst's entity alias decisions, or null for none.</param>
    /// <param name="ach">The analyst's hypotheses and rating overrides, or null for none.</param>
    public static AnalysisPipelineBuilder CreateBuilder(AliasDecisions? aliases = null, AchOptions? ach = null) =>
        new AnalysisPipelineBuilder { MinDocumentsToWarm = MinDocumentsToWarm }
            .Use(new SentenceStage())
            .Use(new TimexStage())
            .Use(new EntityMentionStage())
            .Use(new SyndicationStage())
            .Use(new EntityResolutionStage(aliases))
            .Use(new TimelineStage(meaning: TimelineMeaning.Instance, protagonistOf: FirstPersonIn))
            .Use(new SyntaxStage(SyntaxOptions.OnDemandDefault))
            .Use(new ClaimStage())
            .Use(new ClaimTimelineStage(EntitiesIn))
            .Use(new FigureStage(SyndicationGroupOf, EntitiesOf, sameEvent: SameEvent, peopleOf: PeopleOf))
            .Use(new PropositionStage(SyndicationGroupOf, entitiesOf: EntitiesOf, withFigures: true, judge: Judge, meaning: TimelineMeaning.Instance, entitiesIn: EntitiesIn))
            .Use(new CentralSentenceTakeawayStage())
            .Use(new CorroboratedTakeawayStage())
            .Use(new AchStage(ach, NliAchMeaning.Default))
            .WarmCorpus(WarmWordNet)
            .WarmCorpus(WarmSentenceModels);

    /// <summary>
    /// Below this many documents the models are loaded on first use, if at all, not warmed: a handful of reports may
    /// never set two claims side by side, and the warm-up would hold the sentence models (about 70 MB) for nothing (a
    /// folder of one good report among bad files peaked at 673 MB with them, against a 600 MB bound).
    /// </summary>
    internal const int MinDocumentsToWarm = 4;

    /// <summary>
    /// WordNet (about a second of CPU to read), which the pair classifier reads for its word features: loaded beside
    /// the first corpus stages and the sentence models, not when the figures' first pair asks for it.
    /// </summary>
    private static void WarmWordNet() => _ = Sitrep.Meaning.Lexicon.WordNet.Shared;

    /// <summary>
    /// The pair classifier, its MiniLM encoder and the same-event model, loaded (not run: nothing is encoded, so no
    /// vector and no cache entry differs) while entity resolution runs, instead of on the critical path when the
    /// figures or the timeline first judge a pair.
    /// </summary>
    private static void WarmSentenceModels()
    {
        _ = CachedClassifier.Value;
        _ = TimelineMeaning.Instance.Model;
    }

    /// <summary>
    /// The syndication source of a document from the ingest's <see cref="SyndicationLayer"/> (wire copies republished by
    /// several outlets share one), so that propositions and figures count such copies as one independent source. Named by
    /// the smallest id among the document and those it is a direct copy of (<see cref="SyndicationLayer.FirstCopyOf"/>),
    /// not by its group's number (<c>s1</c>, …): that counts groups in the order of the corpus, and a group is joined
    /// through copies of copies, so over part of the story (an incremental update's) the same document had another number
    /// or another group, and a figure, which keeps one value per source, kept other values there than over the whole story.
    /// </summary>
    private static string? SyndicationGroupOf(Corpus corpus, string documentId) =>
        corpus.Layers.Find<SyndicationLayer>()?.FirstCopyOf(documentId) is { } first ? "syndication:" + first : null;

    /// <summary>
    /// Loads the models the corpus stages otherwise load on first use (the MiniLM pair classifier and its sentence
    /// encoder, the same-event model) and runs each once. A long-lived process that updates the picture report by report
    /// (watch, serve) calls it at start: otherwise the first report that touches a timeline entry or a figure pays for
    /// loading them (seconds), and those additions are the slowest of a session. It also runs two short reports through the
    /// document stages, which load their own models and compile their code on first use, and through the picture update's
    /// code (<see cref="Story.StoryPicture.WarmUp"/>), which the first update of a session would otherwise compile.
    /// </summary>
    public static void WarmUp()
    {
        CachedClassifier.Value.Judge("The convoy reached the city at noon.", "The convoy did not reach the city.");
        TimelineMeaning.Instance.Model.Judge("The bridge was closed on Monday.", "On Monday the bridge closed.");

        // The document stages' models and code paths too: one short report through them, or the first report of a
        // session pays for them (29-31 s of wall time on a loaded machine in the engine2 section of docs/BENCHMARKS.md).
        var pipeline = Build(1);
        var analysed = pipeline.AnalyzeBatch([
            Document.Create(WarmUpText, "warm-up.txt").WithKind(DocumentKind.Article).Build(),
            Document.Create(WarmUpReply, "warm-up-2.txt").WithKind(DocumentKind.Article).Build(),
        ]);

        // And the picture update's: two reports of one event read back from their layers and set side by side by the
        // picture's corpus stages, exported and imported, or the first update of a session compiles them (3.5 s of CPU
        // after the document stages were warmed, engine2 section).
        Story.StoryPicture.WarmUp(pipeline, analysed.Documents);
    }

    private const string WarmUpText =
        "On Monday the regional governor said at least 12 people were killed when a dam failed near the river port of Selby Ford. "
        + "Local officials denied that claim on Tuesday, according to a statement published by the Interior Ministry.";

    private const string WarmUpReply =
        "Rescue workers said on Tuesday that 15 people were killed after the dam near Selby Ford gave way on Monday. "
        + "The regional governor said the river port would stay closed until Friday.";

    /// <summary>
    /// The MiniLM pair model's probabilities that <paramref name="premise"/> entails and contradicts
    /// <paramref name="hypothesis"/>: a negation or antonym the rules found stands only when the model reads a clash.
    /// Loaded on first use, so a run with no candidate contradiction never loads it.
    /// </summary>
    private static (double Entails, double Contradicts) Judge(string premise, string hypothesis)
    {
        // Copies of one report repeat the same sentence pairs: each pair is judged once, and each sentence encoded once.
        var key = (premise, hypothesis);
        if (PairCache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var judgment = CachedClassifier.Value.Judge(premise, hypothesis);
        var result = (judgment.Entails, judgment.Contradicts);
        if (PairCache.Count < MaxCachedPairs)
        {
            PairCache.TryAdd(key, result);
        }

        return result;
    }

    /// <summary>
    /// The same-event model's P(same) for two figures' sentences, over the encoder the pair classifier caches: copies of
    /// one report give the same sentences to many pairs of values, and each is encoded once instead of once a pair.
    /// </summary>
    private static float SameEvent(string a, string b) => TimelineMeaning.Instance.Model.Judge(a, b);

    /// <summary>
    /// Sentences the default stages' shared encoder has encoded in this process so far, and those whose vectors it read
    /// from a run's store instead (<see cref="EmbeddingScope"/>): what a benchmark reports.
    /// </summary>
    public static (long Encoded, long FromStore) SentenceVectors =>
        (CachedClassifier.IsValueCreated && CachedClassifier.Value.Encoder is CachingSentenceEncoder encoder ? encoder.Misses : 0, SharedVectors.StoreHits);

    /// <summary>The pair classifier the default stages share, over a memory cache of sentence vectors and the run's store.</summary>
    internal static NliPairClassifier Classifier => CachedClassifier.Value;

    private const int MaxCachedPairs = 200_000;

    private static readonly ConcurrentDictionary<(string, string), (double Entails, double Contradicts)> PairCache = new();

    // The vectors are looked up in memory, then in the store of the run in progress (EmbeddingScope), then encoded.
    private static readonly ScopedEmbeddingCache SharedVectors = new(new MemoryEmbeddingCache(100_000));

    private static readonly Lazy<NliPairClassifier> CachedClassifier = new(
        () => NliPairClassifier.Default.WithEncoder(new CachingSentenceEncoder(NliPairClassifier.Default.Encoder, SharedVectors)),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly ConditionalWeakTable<Corpus, Dictionary<string, List<string>>> EntityIndex = [];

    private static readonly ConditionalWeakTable<Corpus, Dictionary<string, List<(int Start, string Id)>>> PersonIndex = [];

    private static readonly ConditionalWeakTable<Corpus, Dictionary<string, List<(int Start, string Id, string Name)>>> MentionIndex = [];

    /// <summary>The resolved entities (id and name) named inside a span, from the entity layer: a claim's participants for alignment by meaning.</summary>
    private static IReadOnlyList<(string Id, string Name)> EntitiesIn(Corpus corpus, Span span)
    {
        var index = MentionIndex.GetValue(corpus, static c =>
        {
            var byDocument = new Dictionary<string, List<(int Start, string Id, string Name)>>(StringComparer.Ordinal);
            foreach (var entity in c.Layers.Find<EntityLayer>()?.Entities ?? [])
            {
                foreach (var mention in entity.Mentions)
                {
                    if (!byDocument.TryGetValue(mention.DocumentId, out var list))
                    {
                        byDocument[mention.DocumentId] = list = [];
                    }

                    list.Add((mention.Start, entity.Id, entity.Name));
                }
            }

            foreach (var list in byDocument.Values)
            {
                list.Sort((x, y) => x.Start.CompareTo(y.Start));
            }

            return byDocument;
        });
        if (!index.TryGetValue(span.DocumentId, out var mentions))
        {
            return [];
        }

        var at = mentions.BinarySearch((span.Start, string.Empty, string.Empty), Comparer<(int Start, string Id, string Name)>.Create((x, y) => x.Start.CompareTo(y.Start)));
        at = at < 0 ? ~at : at;
        while (at > 0 && mentions[at - 1].Start >= span.Start)
        {
            at--;
        }

        var found = new List<(string Id, string Name)>();
        for (; at < mentions.Count && mentions[at].Start < span.End; at++)
        {
            if (!found.Exists(f => f.Id == mentions[at].Id))
            {
                found.Add((mentions[at].Id, mentions[at].Name));
            }
        }

        return found;
    }

    /// <summary>The first person named in a span, as a resolved entity id, from the entity layer; null when it names none.</summary>
    private static string? FirstPersonIn(Corpus corpus, Span span)
    {
        var index = PersonIndex.GetValue(corpus, static c =>
        {
            var byDocument = new Dictionary<string, List<(int Start, string Id)>>(StringComparer.Ordinal);
            foreach (var entity in (c.Layers.Find<EntityLayer>()?.Entities ?? []).Where(e => e.Type == Sitrep.Entities.EntityType.Person))
            {
                foreach (var mention in entity.Mentions)
                {
                    if (!byDocument.TryGetValue(mention.DocumentId, out var list))
                    {
                        byDocument[mention.DocumentId] = list = [];
                    }

                    list.Add((mention.Start, entity.Id));
                }
            }

            foreach (var list in byDocument.Values)
            {
                list.Sort((x, y) => x.Start.CompareTo(y.Start));
            }

            return byDocument;
        });
        if (!index.TryGetValue(span.DocumentId, out var people))
        {
            return null;
        }

        var at = people.BinarySearch((span.Start, string.Empty), Comparer<(int Start, string Id)>.Create((x, y) => x.Start.CompareTo(y.Start)));
        at = at < 0 ? ~at : at;
        while (at > 0 && people[at - 1].Start >= span.Start)
        {
            at--;
        }

        return at < people.Count && people[at].Start < span.End ? people[at].Id : null;
    }

    /// <summary>
    /// The timeline's sentence meaning: the same-event model over the encoder the pair classifier caches, so that the
    /// timeline's sentences are encoded once for both. Loaded on first use.
    /// </summary>
    private sealed class TimelineMeaning : IEventMeaning
    {
        public static readonly TimelineMeaning Instance = new();

        private readonly Lazy<Sitrep.Meaning.Events.SameEventClassifier> _model = new(
            () => Sitrep.Meaning.Events.SameEventClassifier.Default.WithEncoder(CachedClassifier.Value.Encoder),
            LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>The same-event model over the cached encoder.</summary>
        public Sitrep.Meaning.Events.SameEventClassifier Model => _model.Value;

        public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken) => _model.Value.Encoder.Encode(texts, cancellationToken);

        public float SameEvent(string a, float[] aVector, string b, float[] bVector) => _model.Value.Judge(a, aVector, b, bVector);
    }

    /// <summary>
    /// The resolved entities a document mentions, one id per mention, from the entity layer: what tells the story of one
    /// document from another's when their claims are aligned.
    /// </summary>
    private static IReadOnlyList<string> EntitiesOf(Corpus corpus, string documentId)
    {
        var index = EntityIndex.GetValue(corpus, static c =>
        {
            var byDocument = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var entity in c.Layers.Find<EntityLayer>()?.Entities ?? [])
            {
                foreach (var mention in entity.Mentions)
                {
                    if (!byDocument.TryGetValue(mention.DocumentId, out var list))
                    {
                        byDocument[mention.DocumentId] = list = [];
                    }

                    list.Add(entity.Id);
                }
            }

            return byDocument;
        });
        return index.TryGetValue(documentId, out var ids) ? ids : [];
    }

    private static readonly ConditionalWeakTable<Corpus, Dictionary<string, List<string>>> PeopleIndex = [];

    /// <summary>
    /// The resolved people with a full name (two words or more) a document mentions, one id each: named participants two
    /// reports of one story share ("Jose Luis Orozco" and "Jerry Ortiz"), which a surname alone is too loose to be.
    /// </summary>
    private static IReadOnlyList<string> PeopleOf(Corpus corpus, string documentId)
    {
        var index = PeopleIndex.GetValue(corpus, static c =>
        {
            var byDocument = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var entity in c.Layers.Find<EntityLayer>()?.Entities ?? [])
            {
                if (entity.Type != Sitrep.Entities.EntityType.Person || !entity.Name.Trim().Contains(' ', StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var document in entity.Mentions.Select(m => m.DocumentId).Distinct(StringComparer.Ordinal))
                {
                    if (!byDocument.TryGetValue(document, out var list))
                    {
                        byDocument[document] = list = [];
                    }

                    list.Add(entity.Id);
                }
            }

            return byDocument;
        });
        return index.TryGetValue(documentId, out var ids) ? ids : [];
    }

    /// <summary>The default pipeline, frozen.</summary>
    public static AnalysisPipeline Build(int? maxDegreeOfParallelism = null, AliasDecisions? aliases = null, AchOptions? ach = null)
    {
        var builder = CreateBuilder(aliases, ach);
        if (maxDegreeOfParallelism is { } degree)
        {
            builder.MaxDegreeOfParallelism = degree;
        }

        return builder.Build();
    }
}
