using System.Numerics.Tensors;
using Sitrep.Meaning.Lexicon;

namespace Sitrep.Meaning.Pairs;

/// <summary>
/// The classifier's input for one pair: the sentence vectors u (premise) and v (hypothesis) as [u, v, |u−v|, u∘v]
/// (the InferSent recipe), their cosine, the <see cref="LexicalFeatures"/>, the <see cref="WordAlignment"/>, then the <see cref="WordNetFeatures"/>.
/// </summary>
internal static class PairFeaturizer
{
    /// <summary>Bumped whenever the layout changes, so a model trained on another layout is refused.</summary>
    public const int LayoutVersion = 3;

    public static int Length(int dimensions) => (4 * dimensions) + 1 + LexicalFeatures.Names.Length + WordAlignment.Names.Length + WordNetFeatures.Names.Length;

    public static float[] Features(string premise, ReadOnlySpan<float> u, string hypothesis, ReadOnlySpan<float> v, Func<string, float[]> wordVector, WordNet? wordNet)
    {
        var d = u.Length;
        if (v.Length != d)
        {
            throw new ArgumentException($"The premise vector has {d} dimensions, the hypothesis vector {v.Length}.", nameof(v));
        }

        var x = new float[Length(d)];
        var span = x.AsSpan();
        u.CopyTo(span[..d]);
        v.CopyTo(span.Slice(d, d));
        TensorPrimitives.Subtract(u, v, span.Slice(2 * d, d));
        TensorPrimitives.Abs(span.Slice(2 * d, d), span.Slice(2 * d, d));
        TensorPrimitives.Multiply(u, v, span.Slice(3 * d, d));
        span[4 * d] = TensorPrimitives.Dot(u, v);
        var lexical = (4 * d) + 1;
        LexicalFeatures.Compute(premise ?? string.Empty, hypothesis ?? string.Empty, span.Slice(lexical, LexicalFeatures.Names.Length));
        var alignment = lexical + LexicalFeatures.Names.Length;
        WordAlignment.Compute(WordAlignment.ContentWords(premise ?? string.Empty), WordAlignment.ContentWords(hypothesis ?? string.Empty), wordVector, span.Slice(alignment, WordAlignment.Names.Length));
        WordNetFeatures.Compute(wordNet, premise ?? string.Empty, hypothesis ?? string.Empty, span[(alignment + WordAlignment.Names.Length)..]);
        return x;
    }
}
