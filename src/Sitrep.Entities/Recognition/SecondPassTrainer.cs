using System.Globalization;
using Sitrep.Entities.Gazetteers;

namespace Sitrep.Entities.Recognition;

/// <summary>
/// Trains a two-pass tagger: the first pass as <see cref="NerTrainer"/> trains any tagger, then the second pass over
/// the first pass's labels. The labels the second pass learns from are jackknifed, as the parser's training tags are:
/// each fold of the training documents is tagged by a first-pass model trained on the other folds (with the names
/// seen in those folds only), so they are as wrong as the first pass is on unseen text.
/// </summary>
internal static class SecondPassTrainer
{
    public static PerceptronTagger Train(IReadOnlyList<TaggedDocument> training, IReadOnlyList<TaggedDocument>? dev, NerLexicon lexicon, NerTrainingOptions options, string description, Action<string>? log)
    {
        var folds = options.SecondPassFolds;
        var oneFold = options with { SecondPassFolds = 0 };
        log?.Invoke("first pass, on all training documents:");
        var first = NerTrainer.Train(training, dev, lexicon, oneFold, description, log, firstPass: null, firstModel: null);

        var tags = new int[training.Count][][];
        var lowercaseTags = new int[training.Count][][];
        for (var f = 0; f < folds; f++)
        {
            var rest = training.Where((_, d) => d % folds != f).ToList();
            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"first pass for fold {f + 1} of {folds}, trained on {rest.Count} documents:"));
            var model = NerTrainer.Train(rest, null, lexicon, oneFold, description, log, firstPass: null, firstModel: null);
            for (var d = f; d < training.Count; d += folds)
            {
                tags[d] = model.TagFirstPass([.. training[d].Sentences.Select(s => s.Words)]);
                lowercaseTags[d] = model.TagFirstPass([.. NerTrainer.Lowercased(training[d]).Sentences.Select(s => s.Words)]);
            }
        }

        var seconds = new List<PerceptronModel>();
        for (var seed = 0; seed < Math.Max(1, options.SecondPassSeeds); seed++)
        {
            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"second pass, on the jackknifed first-pass labels, seed {options.Seed + seed}:"));
            var second = NerTrainer.Train(training, dev, lexicon, oneFold with { Seed = options.Seed + seed, Epochs = options.SecondPassEpochs > 0 ? options.SecondPassEpochs : options.Epochs }, description, log, (d, lowercase) => lowercase ? lowercaseTags[d] : tags[d], first.Model);
            seconds.Add(second.SecondPass!);
        }

        var result = new PerceptronTagger(first.Model, first.Lexicon, seconds.Count == 1 ? seconds[0] : PerceptronModel.Mean(seconds, description));
        if (dev is not null && seconds.Count > 1)
        {
            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"mean of {seconds.Count} second passes: dev F1 {NerTrainer.Evaluate(result, dev).F1:0.0000}"));
        }

        return result;
    }
}
