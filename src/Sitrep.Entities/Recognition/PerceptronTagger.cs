using System.Reflection;
using Sitrep.Entities.Gazetteers;

namespace Sitrep.Entities.Recognition;

/// <summary>
/// A greedy left-to-right BIO tagger scored by an averaged perceptron over hashed features, in the manner of
/// Ratinov and Roth (2009): word, shape, affixes, neighbours, word clusters, gazetteer matches and, across the
/// document, the casing of each word elsewhere and the types earlier predicted for it. With a second-pass model, the
/// document is tagged twice: the second model also reads what the first said about the same words elsewhere in the
/// document (<see cref="DocumentVotes"/>). Thread-safe.
/// </summary>
public sealed class PerceptronTagger
{
    /// <summary>Versioned name stored with results.</summary>
    public const string ComponentName = "ner.perceptron.v2";

    internal const string ModelResource = "Sitrep.Entities.Models.ner-model.bin.br";
    internal const string LexiconResource = "Sitrep.Entities.Models.ner-lexicon.bin.br";
    internal const string SecondPassResource = "Sitrep.Entities.Models.ner-model-pass2.bin.br";

    /// <summary>File name of the second-pass weights beside <c>ner-model.bin.br</c>.</summary>
    public const string SecondPassFile = "ner-model-pass2.bin.br";

    private static readonly ulong TPrev = FeatureHash.Of("t-1");
    private static readonly ulong TPrev2 = FeatureHash.Of("t-2|t-1");
    private static readonly ulong TPrevLower = FeatureHash.Of("t-1|lw");
    private static readonly ulong THistory = FeatureHash.Of("hist");
    private static readonly ulong THistoryPrev = FeatureHash.Of("hist|t-1");

    private static readonly Lazy<PerceptronTagger> Shipped = new(LoadShipped);

    private readonly FeatureExtractor _extractor;

    internal PerceptronTagger(PerceptronModel model, NerLexicon lexicon, PerceptronModel? secondPass = null)
    {
        Model = model;
        Lexicon = lexicon;
        SecondPass = secondPass;
        _extractor = new FeatureExtractor(lexicon);
    }

    /// <summary>The shipped model and lexicon, loaded once from the assembly's embedded resources.</summary>
    public static PerceptronTagger Default => Shipped.Value;

    /// <summary>The weights.</summary>
    public PerceptronModel Model { get; }

    /// <summary>
    /// The weights of the second pass, which also reads the first pass's labels of the same words across the document;
    /// null for a one-pass tagger.
    /// </summary>
    public PerceptronModel? SecondPass { get; }

    /// <summary>Gazetteers and word clusters.</summary>
    public NerLexicon Lexicon { get; }

    /// <summary>Loads the shipped lexicon alone (no model), for alias resolution.</summary>
    public static NerLexicon LoadShippedLexicon() => Default.Lexicon;

    /// <summary>
    /// Creates a tagger from files; a <see cref="SecondPassFile"/> beside <paramref name="modelPath"/> makes it a
    /// two-pass tagger.
    /// </summary>
    public static PerceptronTagger Load(string modelPath, string lexiconPath)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        using var model = File.OpenRead(modelPath);
        using var lexicon = File.OpenRead(lexiconPath);
        var secondPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, SecondPassFile);
        PerceptronModel? second = null;
        if (File.Exists(secondPath))
        {
            using var stream = File.OpenRead(secondPath);
            second = PerceptronModel.Load(stream);
        }

        return new PerceptronTagger(PerceptronModel.Load(model), NerLexicon.Load(lexicon), second);
    }

    /// <summary>Tags the sentences of one document; returns one BIO tag index per word.</summary>
    public int[][] Tag(IReadOnlyList<string[]> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new int[sentences.Count][];
        Decode(sentences, Model.Add, result, gold: null, update: null, batched: Model);
        if (SecondPass is not null)
        {
            var firstPass = result;
            result = new int[sentences.Count][];
            Decode(sentences, SecondPass.Add, result, gold: null, update: null, batched: SecondPass, firstPass: firstPass);
        }

        for (var s = 0; s < result.Length; s++)
        {
            result[s] = Bilou.ToBio(result[s]);
        }

        return result;
    }

    /// <summary>The first pass alone, in BILOU tags: what the second pass is trained and run on.</summary>
    internal int[][] TagFirstPass(IReadOnlyList<string[]> sentences)
    {
        var result = new int[sentences.Count][];
        Decode(sentences, Model.Add, result, gold: null, update: null, batched: Model);
        return result;
    }

    /// <summary>
    /// Decodes a document greedily, in BILOU tags (<paramref name="gold"/> too). With <paramref name="gold"/> and <paramref name="update"/> set, every wrong
    /// decision calls <paramref name="update"/>(features, gold tag, guessed tag), as the perceptron trainer needs. With
    /// <paramref name="firstPass"/> (BILOU tags of an earlier pass), every token also gets the document's votes.
    /// </summary>
    internal void Decode(IReadOnlyList<string[]> sentences, ScoreFunction score, int[][] output, int[][]? gold, Action<ReadOnlySpan<ulong>, int, int>? update, EntityGazetteer? entities = null, PerceptronModel? batched = null, int[][]? firstPass = null, Random? dropout = null, double dropoutRate = 0)
    {
        var casing = FeatureExtractor.Casing(sentences);
        var history = new Dictionary<ulong, int[]>();
        var maxLength = sentences.Count == 0 ? 0 : sentences.Max(s => s.Length);
        var features = new ulong[Math.Max(1, maxLength) * FeatureExtractor.MaxStatic];
        var counts = new int[Math.Max(1, maxLength)];
        var lower = new ulong[Math.Max(1, maxLength)];
        Span<ulong> all = stackalloc ulong[FeatureExtractor.MaxStatic + 8 + DocumentVotes.MaxFeatures];
        Span<float> scores = stackalloc float[Bilou.Count];
        var votes = firstPass is null ? null : new DocumentVotes(sentences, firstPass);
        for (var s = 0; s < sentences.Count; s++)
        {
            var words = sentences[s];
            var tags = new int[words.Length];
            output[s] = tags;
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

                if (votes is not null)
                {
                    var nonLocal = votes.Of(s, i);
                    nonLocal.CopyTo(all[n..]);
                    n += nonLocal.Length;
                }

                if (dropout is not null)
                {
                    // Feature dropout while training: each feature but the bias (the first) is left out of this
                    // decision, its score and its update with the given rate, so no single feature carries a decision.
                    var kept = 1;
                    for (var k = 1; k < n; k++)
                    {
                        if (dropout.NextDouble() >= dropoutRate)
                        {
                            all[kept++] = all[k];
                        }
                    }

                    n = kept;
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
        using var second = assembly.GetManifestResourceStream(SecondPassResource);
        return new PerceptronTagger(PerceptronModel.Load(model), NerLexicon.Load(lexicon), second is null ? null : PerceptronModel.Load(second));
    }

    private static Stream Open(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"The embedded resource '{name}' is missing; rebuild Sitrep.Entities after `sitrep train ner`.");
}

/// <summary>Adds a feature's weights to the scores.</summary>
internal delegate void ScoreFunction(ulong feature, Span<float> scores);
