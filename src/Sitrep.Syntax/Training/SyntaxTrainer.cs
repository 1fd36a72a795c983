using System.Diagnostics;
using System.Globalization;
using Sitrep.Syntax.Features;
using Sitrep.Syntax.Lemmas;
using Sitrep.Syntax.Parsing;
using Sitrep.Syntax.Tagging;

namespace Sitrep.Syntax.Training;

/// <summary>
/// Trains a <see cref="SyntaxModel"/> from CoNLL-U: the tagger on gold tags, then the parser on tags predicted by
/// taggers trained on the other folds (jackknifing, so that it learns from tags as wrong as they will be at run time),
/// with the dynamic oracle. Deterministic for a given seed.
/// </summary>
public static class SyntaxTrainer
{
    /// <summary>Trains a model; <paramref name="dev"/>, when given, is scored as training goes (never trained on).</summary>
    public static SyntaxModel Train(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, SyntaxTrainingOptions options, string description, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        log ??= _ => { };
        var clock = Stopwatch.StartNew();
        var tags = new TagSet();
        var labelNames = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in train)
        {
            for (var i = 0; i < s.Words.Count; i++)
            {
                tags.Add(s.Upos[i], s.Xpos[i]);
                labelNames.Add(s.Relations[i]);
            }
        }

        labelNames.Add("root");
        labelNames.Add("parataxis");
        var labels = labelNames.ToArray();
        var labelIds = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var clusters = options.WordClusters ? WordClusters.Default : WordClusters.None;
        var examples = train.Select(s => Example.From(s, tags, labelIds, clusters)).ToList();
        var devExamples = dev?.Select(s => Example.From(s, tags, labelIds, clusters)).ToList();
        log(string.Create(CultureInfo.InvariantCulture, $"{examples.Count} sentences, {examples.Sum(e => e.Words.Length)} words, {tags.Count} tags, {labels.Length} relations, {examples.Count(e => e.Lifted)} trees made projective"));

        var lemmatizer = Lemmatizer.Learn(examples.SelectMany(e => e.Source.Words.Select((w, i) => (w, e.GoldTags[i], e.Source.Lemmas[i]))));
        log(string.Create(CultureInfo.InvariantCulture, $"lemmatiser: {lemmatizer.LexiconSize} lexicon entries, {lemmatizer.RuleCount} suffix rules"));

        var (tagger, ambiguity) = TrainTagger(examples, devExamples, tags, options, options.Seed, log);
        log(string.Create(CultureInfo.InvariantCulture, $"tagger: {tagger.Count} feature rows ({clock.Elapsed.TotalSeconds:0} s)"));

        if (options.JackknifeFolds > 1)
        {
            // Training a fold's tagger overwrites the working tags of the sentences it trains on, so the held-out
            // guesses are kept aside until every fold is done.
            var jackknifed = examples.Select(e => new int[e.Words.Length]).ToList();
            for (var fold = 0; fold < options.JackknifeFolds; fold++)
            {
                var f = fold;
                var rest = examples.Where((_, i) => i % options.JackknifeFolds != f).ToList();
                var (foldWeights, foldAmbiguity) = TrainTagger(rest, null, tags, options, options.Seed + fold + 1, _ => { });
                var foldTagger = new PosTagger(tags, foldWeights, foldAmbiguity);
                for (var i = fold; i < examples.Count; i += options.JackknifeFolds)
                {
                    foldTagger.Tag(examples[i].Words, jackknifed[i]);
                }
            }

            for (var i = 0; i < examples.Count; i++)
            {
                jackknifed[i].CopyTo(examples[i].Tags, 0);
            }

            var right = examples.Sum(e => e.Tags.Where((t, i) => t == e.GoldTags[i]).Count());
            log(string.Create(CultureInfo.InvariantCulture, $"jackknifed tags: {(double)right / examples.Sum(e => e.Words.Length):0.0000} right ({clock.Elapsed.TotalSeconds:0} s)"));
        }
        else
        {
            foreach (var e in examples)
            {
                e.GoldTags.CopyTo(e.Tags, 0);
            }
        }

        var finalTagger = new PosTagger(tags, tagger, ambiguity);
        if (devExamples is not null)
        {
            foreach (var e in devExamples)
            {
                finalTagger.Tag(e.Words, e.Tags);
            }
        }

        var parserWeights = TrainParser(examples, devExamples, labels, options, log, clock);
        log(string.Create(CultureInfo.InvariantCulture, $"parser: {parserWeights.Count} feature rows ({clock.Elapsed.TotalSeconds:0} s)"));
        var taggerTable = SparseWeights.From(tagger);
        var parserTable = SparseWeights.From(parserWeights);
        if (options.PruneSteps > 0)
        {
            taggerTable = taggerTable.Prune(options.PruneSteps);
            parserTable = parserTable.Prune(options.PruneSteps);
            log(string.Create(CultureInfo.InvariantCulture, $"pruned below {options.PruneSteps} steps: tagger {taggerTable.Rows} rows, parser {parserTable.Rows} rows"));
        }

        return new SyntaxModel(tags, labels, taggerTable, ambiguity, parserTable, lemmatizer, description, clusters);
    }

    /// <summary>Parses every sentence of <paramref name="gold"/> from its own words and scores the result.</summary>
    public static SyntaxEvaluation Evaluate(SyntaxModel model, IEnumerable<ConlluSentence> gold, Action<ConlluSentence, ParsedSentence>? each = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gold);
        var evaluation = new SyntaxEvaluation();
        foreach (var sentence in gold)
        {
            var parse = model.Parse(sentence.Words);
            evaluation.Add(sentence, parse);
            each?.Invoke(sentence, parse);
        }

        return evaluation;
    }

    private static (WeightTable Weights, Dictionary<ulong, ulong> Ambiguity) TrainTagger(List<Example> examples, List<Example>? dev, TagSet tags, SyntaxTrainingOptions options, int seed, Action<string> log)
    {
        var ambiguity = PosTagger.LearnAmbiguity(examples.SelectMany(e => e.Words.Select((w, i) => (w.Lower, tags.UposId(e.GoldTags[i])))));
        // Each training sentence reads the classes learned from the other folds, as an unseen sentence would; with its
        // own words counted, every word of a sentence looks known and the tagger learns to trust the classes too much.
        const int Folds = 5;
        var classes = examples.Select(e => new ulong[e.Words.Length]).ToList();
        for (var fold = 0; fold < Folds; fold++)
        {
            var f = fold;
            var other = PosTagger.LearnAmbiguity(examples.Where((_, i) => i % Folds != f).SelectMany(e => e.Words.Select((w, i) => (w.Lower, tags.UposId(e.GoldTags[i])))));
            var shell = new PosTagger(tags, new WeightTable(tags.Count, 16), other);
            for (var i = fold; i < examples.Count; i += Folds)
            {
                shell.Classes(examples[i].Words, classes[i]);
            }
        }

        var perceptron = new AveragedPerceptron(tags.Count, 1 << 18);
        var random = new Random(seed);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        Span<ulong> features = stackalloc ulong[PosTagger.MaxFeatures];
        var scores = new float[perceptron.Table.Stride];
        for (var epoch = 1; epoch <= options.TaggerEpochs; epoch++)
        {
            random.Shuffle(order);
            long right = 0, total = 0;
            foreach (var index in order)
            {
                var e = examples[index];
                for (var i = 0; i < e.Words.Length; i++)
                {
                    var n = PosTagger.Extract(e.Words, classes[index], e.Tags, i, features);
                    perceptron.Table.Score(features[..n], scores);
                    var guess = PosTagger.Best(scores, tags.Count);
                    var gold = e.GoldTags[i];
                    perceptron.Update(features[..n], gold, guess);
                    perceptron.Tick();

                    // Tags of earlier words are the model's own guesses, as at run time.
                    e.Tags[i] = guess;
                    right += guess == gold ? 1 : 0;
                    total++;
                }
            }

            if (dev is not null && (epoch % 2 == 0 || epoch == options.TaggerEpochs))
            {
                var tagger = new PosTagger(tags, perceptron.Average(options.TaggerPrune), ambiguity);
                long devRight = 0, devTotal = 0;
                foreach (var e in dev)
                {
                    tagger.Tag(e.Words, e.Tags);
                    devRight += e.Tags.Where((t, i) => t == e.GoldTags[i]).Count();
                    devTotal += e.Words.Length;
                }

                log(string.Create(CultureInfo.InvariantCulture, $"tagger epoch {epoch}: train {(double)right / total:0.0000}, dev tags {(double)devRight / devTotal:0.0000}"));
            }
        }

        return (perceptron.Average(options.TaggerPrune), ambiguity);
    }

    private static WeightTable TrainParser(List<Example> examples, List<Example>? dev, string[] labels, SyntaxTrainingOptions options, Action<string> log, Stopwatch clock)
    {
        var perceptron = new AveragedPerceptron(2 + (2 * labels.Length), 1 << 20);
        var parser = new ArcEagerParser(labels, perceptron.Table);
        var state = new ParserState();
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        Span<ulong> features = stackalloc ulong[ArcEagerParser.MaxFeatures];
        var scores = new float[perceptron.Table.Stride];
        var costs = new int[parser.Classes];
        for (var epoch = 1; epoch <= options.ParserEpochs; epoch++)
        {
            random.Shuffle(order);
            long right = 0, total = 0;
            var explore = epoch >= options.ExploreFromEpoch;
            foreach (var index in order)
            {
                var e = examples[index];
                state.Reset(e.Words.Length);
                while (!state.BufferEmpty)
                {
                    var n = ArcEagerParser.Extract(e.Words, e.Tags, state, features);
                    perceptron.Table.Score(features[..n], scores);
                    var guess = parser.BestValid(state, scores);
                    var best = -1;
                    var bestCost = int.MaxValue;
                    var bestScore = float.NegativeInfinity;
                    for (var c = 0; c < parser.Classes; c++)
                    {
                        costs[c] = int.MaxValue;
                        if (!parser.IsValid(state, c))
                        {
                            continue;
                        }

                        costs[c] = parser.Cost(state, c, e.Heads, e.Labels);
                        if (costs[c] < bestCost || (costs[c] == bestCost && scores[c] > bestScore))
                        {
                            best = c;
                            bestCost = costs[c];
                            bestScore = scores[c];
                        }
                    }

                    var guessRight = costs[guess] == bestCost;
                    if (!guessRight)
                    {
                        perceptron.Update(features[..n], best, guess);
                    }

                    perceptron.Tick();
                    right += guessRight ? 1 : 0;
                    total++;
                    parser.Apply(state, guessRight || (explore && random.NextDouble() < options.ExploreProbability) ? guess : best);
                }
            }

            var line = string.Create(CultureInfo.InvariantCulture, $"parser epoch {epoch}: {(double)right / total:0.0000} of moves right, {perceptron.Table.Count} rows");
            if (dev is not null && (epoch % 3 == 0 || epoch == options.ParserEpochs))
            {
                var (uas, las) = ScoreParser(new ArcEagerParser(labels, perceptron.Average(options.ParserPrune)), dev);
                line += string.Create(CultureInfo.InvariantCulture, $"; dev UAS {uas:0.0000}, LAS {las:0.0000}");
            }

            log(line + string.Create(CultureInfo.InvariantCulture, $" ({clock.Elapsed.TotalSeconds:0} s)"));
        }

        return perceptron.Average(options.ParserPrune);
    }

    private static (double Uas, double Las) ScoreParser(ArcEagerParser parser, List<Example> dev)
    {
        var state = new ParserState();
        long heads = 0, labelled = 0, total = 0;
        foreach (var e in dev)
        {
            var predictedHeads = new int[e.Words.Length];
            var predictedLabels = new int[e.Words.Length];
            parser.Parse(e.Words, e.Tags, state, predictedHeads, predictedLabels);
            for (var i = 0; i < e.Words.Length; i++)
            {
                total++;
                if (predictedHeads[i] == e.Source.Heads[i])
                {
                    heads++;
                    labelled += parser.Labels[predictedLabels[i]] == e.Source.Relations[i] ? 1 : 0;
                }
            }
        }

        return ((double)heads / total, (double)labelled / total);
    }

    /// <summary>A training sentence in the form the learners read: word features, gold and working tags, a projective gold tree.</summary>
    private sealed class Example
    {
        public required ConlluSentence Source { get; init; }

        public required WordInfo[] Words { get; init; }

        public required int[] GoldTags { get; init; }

        public required int[] Tags { get; init; }

        /// <summary>Gold heads of words 1..n (0 is the root), lifted to a projective tree.</summary>
        public required int[] Heads { get; init; }

        /// <summary>Gold relation ids of words 1..n (-1 when unknown).</summary>
        public required int[] Labels { get; init; }

        public bool Lifted { get; init; }

        public static Example From(ConlluSentence s, TagSet tags, Dictionary<string, int> labels, WordClusters clusters)
        {
            var n = s.Words.Count;
            var heads = new int[n + 2];
            var rels = new int[n + 2];
            heads[0] = -1;
            rels[0] = -1;
            heads[n + 1] = -1;
            rels[n + 1] = -1;
            for (var i = 0; i < n; i++)
            {
                heads[i + 1] = s.Heads[i] + 1;
                rels[i + 1] = labels.GetValueOrDefault(s.Relations[i], -1);
            }

            var lifted = Projectivise(heads, n);
            return new Example
            {
                Source = s,
                Words = s.Words.Select(w => WordInfo.From(w, clusters)).ToArray(),
                GoldTags = Enumerable.Range(0, n).Select(i => Math.Max(0, tags.Find(s.Upos[i], s.Xpos[i]))).ToArray(),
                Tags = new int[n],
                Heads = heads,
                Labels = rels,
                Lifted = lifted,
            };
        }

        /// <summary>Lifts the shortest non-projective arc to the grandparent until none is left.</summary>
        private static bool Projectivise(int[] heads, int n)
        {
            var lifted = false;
            while (true)
            {
                var worst = -1;
                var worstLength = int.MaxValue;
                for (var d = 1; d <= n; d++)
                {
                    var h = heads[d];
                    if (h <= 0 && h != 0)
                    {
                        continue;
                    }

                    var (lo, hi) = h < d ? (h, d) : (d, h);
                    for (var k = lo + 1; k < hi; k++)
                    {
                        if (!Dominates(heads, h, k, n))
                        {
                            if (hi - lo < worstLength)
                            {
                                worst = d;
                                worstLength = hi - lo;
                            }

                            break;
                        }
                    }
                }

                if (worst < 0)
                {
                    return lifted;
                }

                heads[worst] = heads[heads[worst]] is var g && g >= 0 ? g : 0;
                lifted = true;
            }
        }

        private static bool Dominates(int[] heads, int h, int k, int n)
        {
            var steps = 0;
            while (k > 0 && steps++ <= n)
            {
                k = heads[k];
                if (k == h)
                {
                    return true;
                }
            }

            return h == 0;
        }
    }
}
