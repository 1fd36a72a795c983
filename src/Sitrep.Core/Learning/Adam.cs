namespace Sitrep.Learning;

/// <summary>The Adam update both of the project's small networks train with (Kingma &amp; Ba, 2015).</summary>
public static class Adam
{
    /// <summary>
    /// One Adam step over a block of weights: the gradient (summed over the batch, scaled by <paramref name="inverseBatch"/>,
    /// plus <paramref name="l2"/> weight decay) updates the moment estimates and then the weights.
    /// </summary>
    /// <param name="weights">The weights to update.</param>
    /// <param name="gradients">Their gradients summed over the batch.</param>
    /// <param name="firstMoments">First-moment estimates, updated in place.</param>
    /// <param name="secondMoments">Second-moment estimates, updated in place.</param>
    /// <param name="inverseBatch">One over the batch size.</param>
    /// <param name="l2">Weight decay added to the gradient (0 for biases).</param>
    /// <param name="stepSize">The bias-corrected step size.</param>
    /// <param name="beta1">First-moment decay.</param>
    /// <param name="beta2">Second-moment decay.</param>
    public static void Update(Span<float> weights, ReadOnlySpan<float> gradients, Span<float> firstMoments, Span<float> secondMoments, float inverseBatch, float l2, float stepSize, float beta1, float beta2)
    {
        for (var i = 0; i < weights.Length; i++)
        {
            var grad = (gradients[i] * inverseBatch) + (l2 * weights[i]);
            firstMoments[i] = (beta1 * firstMoments[i]) + ((1 - beta1) * grad);
            secondMoments[i] = (beta2 * secondMoments[i]) + ((1 - beta2) * grad * grad);
            weights[i] -= stepSize * firstMoments[i] / (MathF.Sqrt(secondMoments[i]) + 1e-8f);
        }
    }
}
