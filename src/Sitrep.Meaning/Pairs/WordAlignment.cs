using System.Numerics.Tensors;

namespace Sitrep.Meaning.Pairs;

/// <summary>
/// How well the content words of each sentence find a counterpart in the other, judged by the cosine of single-word
/// vectors from the sentence encoder ("kids" finds "children"; "woman" finds nothing close in "a man is cooking").
/// </summary>
/// <remarks>Word vectors come from the classifier's encoder run on each word alone, kept in a bounded cache.</remarks>
internal static class WordAlignment
{
    public static readonly string[] Names =
    [
        "align.hypothesis.min", "align.hypothesis.mean", "align.hypothesis.weak",
        "align.premise.min", "align.premise.mean", "align.premise.weak",
    ];

    /// <summary>Words weaker than this find no counterpart.</summary>
    private const float Weak = 0.6f;

    /// <summary>At most this many content words per sentence are aligned (the rest count as aligned, not as missing).</summary>
    public const int MaxWords = 40;

    /// <summary>The distinct content words of <paramref name="text"/> that alignment looks at.</summary>
    public static List<string> ContentWords(string text) =>
        LexicalFeatures.Words(text ?? string.Empty).Where(LexicalFeatures.IsContent).Distinct(StringComparer.Ordinal).Take(MaxWords).ToList();

    public static void Compute(List<string> premiseWords, List<string> hypothesisWords, Func<string, float[]> vector, Span<float> output)
    {
        var p = premiseWords.Select(vector).ToArray();
        var h = hypothesisWords.Select(vector).ToArray();
        Side(h, p, output);
        Side(p, h, output[3..]);
    }

    private static void Side(float[][] from, float[][] to, Span<float> output)
    {
        if (from.Length == 0)
        {
            output[0] = 1f;
            output[1] = 1f;
            output[2] = 0f;
            return;
        }

        var min = 1f;
        var sum = 0f;
        var weak = 0;
        foreach (var word in from)
        {
            var best = 0f;
            foreach (var other in to)
            {
                best = Math.Max(best, TensorPrimitives.Dot(word, other));
            }

            min = Math.Min(min, best);
            sum += best;
            weak += best < Weak ? 1 : 0;
        }

        output[0] = min;
        output[1] = sum / from.Length;
        output[2] = Math.Min(weak, 5) / 5f;
    }
}
