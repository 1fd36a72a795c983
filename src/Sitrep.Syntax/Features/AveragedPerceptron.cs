namespace Sitrep.Syntax.Features;

/// <summary>
/// Trains a <see cref="WeightTable"/> as an averaged perceptron (Collins 2002) with the lazy trick of Daumé: beside the
/// weights w it keeps u, the sum of every update times the step at which it was made, so that the average is
/// w - u / steps without touching every weight at every step.
/// </summary>
internal sealed class AveragedPerceptron
{
    private float[] _sums = [];

    public AveragedPerceptron(int classes, int capacity = 1 << 16)
    {
        Table = new WeightTable(classes, capacity);
    }

    public WeightTable Table { get; }

    /// <summary>Steps taken (one per decision, right or wrong).</summary>
    public long Steps { get; private set; } = 1;

    public void Tick() => Steps++;

    /// <summary>Moves the weights of <paramref name="features"/> towards <paramref name="gold"/> and away from <paramref name="guess"/>.</summary>
    public void Update(ReadOnlySpan<ulong> features, int gold, int guess)
    {
        if (gold == guess)
        {
            return;
        }

        var stride = Table.Stride;
        foreach (var f in features)
        {
            var row = Table.FindOrAdd(f);
            var weights = Table.Weights;
            if (_sums.Length < weights.Length)
            {
                var bigger = new float[weights.Length];
                _sums.AsSpan().CopyTo(bigger);
                _sums = bigger;
            }

            var at = row * stride;
            weights[at + gold] += 1f;
            weights[at + guess] -= 1f;
            _sums[at + gold] += Steps;
            _sums[at + guess] -= Steps;
        }
    }

    /// <summary>Replaces the weights by their average and drops rows whose largest weight is below <paramref name="prune"/>.</summary>
    public WeightTable Average(float prune)
    {
        var source = Table;
        var stride = source.Stride;
        var result = new WeightTable(source.Classes, Math.Max(16, source.Count / 2));
        var steps = (double)Steps;
        foreach (var (key, row) in source.Entries())
        {
            var at = row * stride;
            var keep = false;
            for (var c = 0; c < source.Classes; c++)
            {
                var avg = source.Weights[at + c] - (at + c < _sums.Length ? _sums[at + c] / steps : 0);
                if (Math.Abs(avg) >= prune)
                {
                    keep = true;
                    break;
                }
            }

            if (!keep)
            {
                continue;
            }

            var target = result.FindOrAdd(key) * stride;
            for (var c = 0; c < source.Classes; c++)
            {
                var avg = source.Weights[at + c] - (at + c < _sums.Length ? _sums[at + c] / steps : 0);
                result.Weights[target + c] = Math.Abs(avg) < prune ? 0f : (float)avg;
            }
        }

        return result;
    }
}
