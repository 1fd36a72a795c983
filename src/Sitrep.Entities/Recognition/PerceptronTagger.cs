using System.Reflection;
using Sitrep.Entities.Gazetteers;

namespace Sitrep.Entities.Recognition;

/// <summary>
/// A greedy left-to-right BIO tagger scored by an averaged perceptron over hashed features, in the manner of
/// Ratinov and Roth (2009): word, shape, affixes, neighbours, word clusters, gazetteer matches and, across the
/// document, the casing of each word elsewhere and the types earlier predicted for it. Thread-safe.
/// </summary>
public sealed class PerceptronTagger
{
    /// <summary>Versioned name stored with results.</summary>
    public const string ComponentName = "ner.perceptron.v2";

    internal const string ModelResource = "Sitrep.Entities.Models.ner-model.bin.br";
    internal const string LexiconResource = "Sitrep.Entities.Models.ner-lexicon.bin.br";

    private static readonly ulong TPrev = FeatureHash.Of("t-1");
    private static readonly ulong TPrev2 = FeatureHash.Of("t-2|t-1");
    private static readonly ulong TPrevLower = FeatureHash.Of("t-1|lw");
    private static readonly ulong THistory = FeatureHash.Of("hist");
    private static readonly ulong THistoryPrev = FeatureHash.Of("hist|t-1");
    private static readonly ulong TAggregate = FeatureHash.Of("p1-doc");
    private static readonly ulong TAggregatePrev = FeatureHash.Of("p1-doc|t-1");
    private static readonly ulong TFirstPassNext = FeatureHash.Of("p1-t+1");
    private static readonly ulong TFirstPassNext2 = FeatureHash.Of("p1-t+1|t+2");
    private static readonly ulong TFirstPassSelf = FeatureHash.Of("p1-t");

    // A second pass with document-wide votes from the first was measured on testa (+0.1 F1) and costs twice the time;
    // one pass is kept. The second-pass features stay in the code so the experiment can be repeated.
    private const int Passes = 1;

    private static readonly Lazy<PerceptronTagger> Shipped = new(LoadShipped);

    private readonly FeatureExtractor _extractor;

    internal PerceptronTagger(PerceptronModel model, NerLexicon lexicon)
    {
        Model = model;
        Lexicon = lexicon;
        _extractor = new FeatureExtractor(lexicon);
    }

    /// <summary>The shipped model and lexicon, loaded once from the assembly's embedded resources.</summary>
    public static PerceptronTagger Default => Shipped.Value;

    /// <summary>The weights.</summary>
    public PerceptronModel Model { get; }

    /// <summary>Gazetteers and word clusters.</summary>
    public NerLexicon Lexicon { get; }

    /// <summary>Loads the shipped lexicon alone (no model), for alias resolution.</summary>
    public static NerLexicon LoadShippedLexicon() => Default.Lexicon;

    /// <summary>Creates a tagger from files.</summary>
    public static PerceptronTagger Load(string modelPath, string lexiconPath)
    {
        using var model = File.OpenRead(modelPath);
        using var lexicon = File.OpenRead(lexiconPath);
        return new PerceptronTagger(PerceptronModel.Load(model), NerLexicon.Load(lexicon));
    }

    /// <summary>Tags the sentences of one document; returns one BIO tag index per word.</summary>
    public int[][] Tag(IReadOnlyList<string[]> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new int[sentences.Count][];
        Decode(sentences, Model.Add, result, gold: null, update: null, batched: Model);
        for (var s = 0; s < result.Length; s++)
        {
            result[s] = Bilou.ToBio(result[s]);
        }

        return result;
    }

    /// <summary>
    /// Decodes a document greedily, in BILOU tags (<paramref name="gold"/> too). With <paramref name="gold"/> and <paramref name="update"/> set, every wrong
    /// decision calls <paramref name="update"/>(features, gold tag, guessed tag), as the perceptron trainer needs.
    /// </summary>
    internal void Decode(IReadOnlyList<string[]> sentences, ScoreFunction score, int[][] output, int[][]? gold, Action<ReadOnlySpan<ulong>, int, int>? update, EntityGazetteer? entities = null, PerceptronModel? batched = null)
    {
        var casing = FeatureExtractor.Casing(sentences);
        var history = new Dictionary<ulong, int[]>();
        var maxLength = sentences.Count == 0 ? 0 : sentences.Max(s => s.Length);
        var features = new ulong[Math.Max(1, maxLength) * FeatureExtractor.MaxStatic];
        var counts = new int[Math.Max(1, maxLength)];
        var lower = new ulong[Math.Max(1, maxLength)];
        Span<ulong> all = stackalloc ulong[FeatureExtractor.MaxStatic + 16];
        Span<float> scores = stackalloc float[Bilou.Count];
        int[][]? firstPass = null;
        Dictionary<ulong, int[]>? aggregate = null;
        for (var pass = 0; pass < Passes; pass++)
        {
            history.Clear();
            var tagsOut = pass == Passes - 1 ? output : new int[sentences.Count][];
            for (var s = 0; s < sentences.Count; s++)
            {
                var words = sentences[s];
                var tags = new int[words.Length];
                tagsOut[s] = tags;
                if (words.Length == 0)
                {
                    continue;
                }

                _extractor.Extract(words, casing, features, counts, lower, entities);
                int prev = -1, prev2 = -1;
                for (var i = 0; i < words.Length; i++)
                {
                    var n = counts[i];
                    features.AsSpan(i * FeatureExtractor.MaxStatic, n).CopyTo(all);
                    all[n++] = FeatureHash.Mix(TPrev, (ulong)(prev + 1));
                    all[n++] = FeatureHash.Mix(TPrev2, (ulong)(prev2 + 1), (ulong)(prev + 1));
                    all[n++] = FeatureHash.Mix(TPrevLower, (ulong)(prev + 1), lower[i]);
                    var capital = words[i].Length > 0 && char.IsUpper(words[i][0]);
                    if (capital && history.TryGetValue(lower[i], out var seen))
                    {
                        var best = ArgMax(seen);
                        all[n++] = FeatureHash.Mix(THistory, (ulong)best + 1);
                        all[n++] = FeatureHash.Mix(THistoryPrev, (ulong)best + 1, (ulong)(prev + 1));
                    }

                    if (firstPass is not null)
                    {
                        var p1 = firstPass[s];
                        var next = i + 1 < p1.Length ? p1[i + 1] + 1 : 0;
                        var next2 = i + 2 < p1.Length ? p1[i + 2] + 1 : 0;
                        all[n++] = FeatureHash.Mix(TFirstPassNext, (ulong)next, (ulong)(prev + 1));
                        all[n++] = FeatureHash.Mix(TFirstPassNext2, (ulong)next, (ulong)next2);
                        all[n++] = FeatureHash.Mix(TFirstPassSelf, (ulong)p1[i] + 1);
                        if (aggregate!.TryGetValue(lower[i], out var votes))
                        {
                            var best = ArgMax(votes);
                            var share = votes[best] * 4 / Math.Max(1, votes.Sum());
                            all[n++] = FeatureHash.Mix(TAggregate, (ulong)best + 1, (ulong)share);
                            all[n++] = FeatureHash.Mix(TAggregatePrev, (ulong)best + 1, (ulong)(prev + 1));
                        }
                    }

                    var f = all[..n];
                    scores.Clear();
                    if (batched is not null)
                    {
                        batched.AddAll(f, scores);
                    }
                    else
                    {
                        foreach (var feature in f)
                        {
                            score(feature, scores);
                        }
                    }

                    var guess = Best(scores, prev);
                    if (gold is not null && update is not null && gold[s][i] != guess)
                    {
                        update(f, gold[s][i], guess);
                    }

                    tags[i] = guess;
                    if (capital && guess != Bilou.Outside)
                    {
                        if (!history.TryGetValue(lower[i], out var counter))
                        {
                            counter = new int[EntityTypes.Count];
                            history[lower[i]] = counter;
                        }

                        counter[(int)Bilou.TypeOf(guess)]++;
                    }

                    prev2 = prev;
                    prev = guess;
                }
            }

            if (pass == 0)
            {
                firstPass = tagsOut;
                aggregate = Aggregate(sentences, firstPass);
            }
        }
    }

    private static int ArgMax(int[] values)
    {
        var best = 0;
        for (var t = 1; t < values.Length; t++)
        {
            if (values[t] > values[best])
            {
                best = t;
            }
        }

        return best;
    }

    /// <summary>For each capitalised word of the document, how often the first pass tagged it O or each type.</summary>
    private static Dictionary<ulong, int[]> Aggregate(IReadOnlyList<string[]> sentences, int[][] tags)
    {
        var votes = new Dictionary<ulong, int[]>();
        for (var s = 0; s < sentences.Count; s++)
        {
            var words = sentences[s];
            for (var i = 0; i < words.Length; i++)
            {
                if (words[i].Length == 0 || !char.IsUpper(words[i][0]))
                {
                    continue;
                }

                var key = FeatureHash.OfLower(words[i]);
                if (!votes.TryGetValue(key, out var counts))
                {
                    votes[key] = counts = new int[EntityTypes.Count + 1];
                }

                counts[tags[s][i] == Bilou.Outside ? EntityTypes.Count : (int)Bilou.TypeOf(tags[s][i])]++;
            }
        }

        return votes;
    }

    private static int Best(ReadOnlySpan<float> scores, int prev)
    {
        var best = Bilou.Outside;
        var bestScore = float.NegativeInfinity;
        for (var t = 0; t < Bilou.Count; t++)
        {
            if (scores[t] > bestScore && Bilou.Allowed(prev, t))
            {
                best = t;
                bestScore = scores[t];
            }
        }

        return best;
    }

    private static PerceptronTagger LoadShipped()
    {
        var assembly = typeof(PerceptronTagger).Assembly;
        using var model = Open(assembly, ModelResource);
        using var lexicon = Open(assembly, LexiconResource);
        return new PerceptronTagger(PerceptronModel.Load(model), NerLexicon.Load(lexicon));
    }

    private static Stream Open(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"The embedded resource '{name}' is missing; rebuild Sitrep.Entities after `sitrep train ner`.");
}

/// <summary>Adds a feature's weights to the scores.</summary>
internal delegate void ScoreFunction(ulong feature, Span<float> scores);
