using System.Globalization;
using Sitrep.Claims.Text;

namespace Sitrep.Claims.Worthiness;

/// <summary>Settings of <see cref="CheckWorthinessTrainer"/>; the defaults are the shipped model's, chosen on the development debates.</summary>
public sealed record CheckWorthinessTrainingOptions
{
    /// <summary>Passes of stochastic gradient descent over the training sentences.</summary>
    public int Epochs { get; init; } = 8;

    /// <summary>Initial learning rate (decays as 1/(1 + epoch)).</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>L2 penalty per update.</summary>
    public double L2 { get; init; } = 1e-2;

    /// <summary>A feature is kept when at least this many training sentences have it.</summary>
    public int MinCount { get; init; } = 3;

    /// <summary>Word pairs as features besides single words.</summary>
    public bool Pairs { get; init; } = true;

    /// <summary>
    /// Weight of a check-worthy sentence relative to another, as the square root of the class ratio times this factor
    /// (the classes are about 1 to 36).
    /// </summary>
    public double PositiveWeightFactor { get; init; } = 1.0;

    /// <summary>Share of the development part's check-worthy sentences the chatter threshold must keep.</summary>
    public double ChatterRecall { get; init; } = 0.95;

    /// <summary>Seed of the shuffles (the model is the same for the same data and options).</summary>
    public int Seed { get; init; } = 13;
}

/// <summary>Scores of a model on labelled sentences.</summary>
/// <param name="Sentences">Sentences scored.</param>
/// <param name="Positives">Check-worthy ones among them.</param>
/// <param name="MeanAveragePrecision">Average precision of each debate's ranking, averaged over the debates (the lab's measure).</param>
/// <param name="AveragePrecision">Average precision of all sentences ranked together.</param>
/// <param name="F1">F1 of "check-worthy" at score 0.5.</param>
/// <param name="BestF1">Best F1 over all thresholds (for reference; not used to choose anything).</param>
/// <param name="BestF1Threshold">The threshold of <paramref name="BestF1"/>.</param>
/// <param name="ChatterRecall">Share of check-worthy sentences at or above the model's chatter threshold.</param>
/// <param name="ChatterCut">Share of the other sentences below the chatter threshold.</param>
public sealed record CheckWorthinessReport(
    int Sentences,
    int Positives,
    double MeanAveragePrecision,
    double AveragePrecision,
    double F1,
    double BestF1,
    double BestF1Threshold,
    double ChatterRecall,
    double ChatterCut);

/// <summary>
/// Trains <see cref="CheckWorthinessModel"/>: weighted logistic regression by stochastic gradient descent with a
/// seeded shuffle, so the same data and options give the same file. The chatter threshold is then set on the
/// development debates (never on a test part).
/// </summary>
public static class CheckWorthinessTrainer
{
    /// <summary>Trains on <paramref name="train"/> and sets the chatter threshold on <paramref name="dev"/>.</summary>
    public static CheckWorthinessModel Train(IReadOnlyList<CheckThatSentence> train, IReadOnlyList<CheckThatSentence> dev, CheckWorthinessTrainingOptions? options = null, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(dev);
        options ??= new CheckWorthinessTrainingOptions();
        var featureSets = train.Select(s => Featurize(s.Text, options.Pairs)).ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in featureSets)
        {
            foreach (var f in set)
            {
                counts[f] = counts.GetValueOrDefault(f) + 1;
            }
        }

        var names = counts.Where(kv => kv.Value >= options.MinCount || kv.Key.StartsWith('$')).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            index[names[i]] = i;
        }

        var rows = featureSets.Select(set => set.Where(index.ContainsKey).Select(f => index[f]).Order().ToArray()).ToArray();
        var labels = train.Select(s => s.CheckWorthy).ToArray();
        var positives = labels.Count(l => l);
        var positiveWeight = positives == 0 ? 1 : Math.Sqrt((labels.Length - positives) / (double)positives) * options.PositiveWeightFactor;
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{train.Count} training sentences ({positives} check-worthy), {names.Length} features, positive weight {positiveWeight:0.00}"));

        var weights = new double[names.Length];
        var order = Enumerable.Range(0, rows.Length).ToArray();
        var random = new Random(options.Seed);
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = options.LearningRate / (1 + epoch);
            var loss = 0.0;
            foreach (var r in order)
            {
                var z = 0.0;
                foreach (var f in rows[r])
                {
                    z += weights[f];
                }

                var p = 1 / (1 + Math.Exp(-z));
                var y = labels[r] ? 1.0 : 0.0;
                var weight = labels[r] ? positiveWeight : 1.0;
                loss -= weight * (labels[r] ? Math.Log(Math.Max(p, 1e-12)) : Math.Log(Math.Max(1 - p, 1e-12)));
                var gradient = weight * (p - y);
                foreach (var f in rows[r])
                {
                    weights[f] -= rate * (gradient + options.L2 * weights[f]);
                }
            }

            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch + 1}: weighted loss {loss / rows.Length:0.0000}"));
        }

        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            // Rounded as the file keeps them, so that the threshold below is the saved model's.
            var weight = Math.Round(weights[i], 5);
            if (weight != 0)
            {
                map[names[i]] = weight;
            }
        }

        var unthresholded = new CheckWorthinessModel(map, options.Pairs, 0);
        var threshold = ChatterThreshold([.. dev.Where(s => s.CheckWorthy).Select(s => unthresholded.Score(s.Text))], options.ChatterRecall);
        return new CheckWorthinessModel(map, options.Pairs, threshold);
    }

    /// <summary>Scores a model on labelled sentences; <paramref name="scores"/> receives each sentence's score in order.</summary>
    public static CheckWorthinessReport Evaluate(CheckWorthinessModel model, IReadOnlyList<CheckThatSentence> sentences, List<double>? scores = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sentences);
        var scored = sentences.Select(s => (s.Debate, s.CheckWorthy, Score: model.Score(s.Text))).ToList();
        scores?.AddRange(scored.Select(s => s.Score));
        var positives = scored.Count(s => s.CheckWorthy);
        var perDebate = scored.GroupBy(s => s.Debate, StringComparer.Ordinal)
            .Where(g => g.Any(s => s.CheckWorthy))
            .Select(g => AveragePrecision([.. g.Select(s => (s.Score, s.CheckWorthy))]))
            .ToList();
        var pooled = scored.Select(s => (s.Score, s.CheckWorthy)).ToList();
        var (bestF1, bestThreshold) = BestF1(pooled);
        var negatives = scored.Count - positives;
        return new CheckWorthinessReport(
            scored.Count,
            positives,
            perDebate.Count == 0 ? 0 : perDebate.Average(),
            AveragePrecision(pooled),
            F1At(pooled, 0.5),
            bestF1,
            bestThreshold,
            positives == 0 ? 0 : scored.Count(s => s.CheckWorthy && s.Score >= model.ChatterThreshold) / (double)positives,
            negatives == 0 ? 0 : scored.Count(s => !s.CheckWorthy && s.Score < model.ChatterThreshold) / (double)negatives);
    }

    private static HashSet<string> Featurize(string text, bool pairs)
    {
        var words = SentenceWords.Of(text);
        return words.Count == 0 ? ["$bias"] : WorthinessFeatures.Of(words, 0, words.Count - 1, pairs);
    }

    /// <summary>The highest score that keeps at least <paramref name="recall"/> of the check-worthy scores at or above it.</summary>
    private static double ChatterThreshold(List<double> positiveScores, double recall)
    {
        if (positiveScores.Count == 0)
        {
            return 0;
        }

        positiveScores.Sort();
        var drop = (int)Math.Floor(positiveScores.Count * (1 - recall));
        return positiveScores[Math.Clamp(drop, 0, positiveScores.Count - 1)];
    }

    private static double AveragePrecision(List<(double Score, bool Positive)> items)
    {
        var ranked = items.OrderByDescending(i => i.Score).ToList();
        var positives = ranked.Count(i => i.Positive);
        if (positives == 0)
        {
            return 0;
        }

        var hits = 0;
        var sum = 0.0;
        for (var k = 0; k < ranked.Count; k++)
        {
            if (ranked[k].Positive)
            {
                hits++;
                sum += hits / (double)(k + 1);
            }
        }

        return sum / positives;
    }

    private static double F1At(List<(double Score, bool Positive)> items, double threshold)
    {
        var tp = items.Count(i => i.Positive && i.Score >= threshold);
        var predicted = items.Count(i => i.Score >= threshold);
        var gold = items.Count(i => i.Positive);
        return tp == 0 ? 0 : 2.0 * tp / (predicted + gold);
    }

    private static (double F1, double Threshold) BestF1(List<(double Score, bool Positive)> items)
    {
        var ranked = items.OrderByDescending(i => i.Score).ToList();
        var gold = ranked.Count(i => i.Positive);
        var tp = 0;
        var best = (F1: 0.0, Threshold: 1.0);
        for (var k = 0; k < ranked.Count; k++)
        {
            tp += ranked[k].Positive ? 1 : 0;
            var f1 = tp == 0 ? 0 : 2.0 * tp / (k + 1 + gold);
            if (f1 > best.F1)
            {
                best = (f1, ranked[k].Score);
            }
        }

        return best;
    }
}
