using Shouldly;
using Sitrep.Corroboration.Stance;
using Sitrep.Corroboration.Training;

namespace Sitrep.Tests.Corroboration;

/// <summary>The GloVe table the SDQC model keeps, read from a small file in the wink-embeddings layout written here.</summary>
public sealed class WordVectorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-vectors-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void OnlyTheMostFrequentWordsAndTheWordsAskedForAreKept()
    {
        var vectors = WordVectors.ReadWink(WriteWink(), mostFrequent: 2, alsoKeep: w => w == "hoax");

        vectors.Words.ShouldBe(["the", "fire", "hoax"]);
        vectors.Dimension.ShouldBe(3);
        vectors.Contains("confirmed").ShouldBeFalse();
    }

    [Fact]
    public void StoredVectorsHaveLengthOneAndSurviveAWriteAndReadUnchanged()
    {
        var vectors = WordVectors.ReadWink(WriteWink(), mostFrequent: 10, alsoKeep: _ => false);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            vectors.Write(writer);
        }

        buffer.Position = 0;
        using var reader = new BinaryReader(buffer);
        var read = WordVectors.Read(reader);

        read.Words.ShouldBe(vectors.Words);
        foreach (var word in vectors.Words)
        {
            read.Of(word).ToArray().ShouldBe(vectors.Of(word).ToArray());
            var length = MathF.Sqrt(vectors.Of(word).ToArray().Sum(v => v * v));
            length.ShouldBe(1f, 0.02f);
        }
    }

    [Fact]
    public void AReplyInTheWordsOfItsSourceIsCloserToItThanAnUnrelatedOne()
    {
        var vectors = WordVectors.ReadWink(WriteWink(), mostFrequent: 10, alsoKeep: _ => false);
        var featurizer = new SdqcFeaturizer(Vocabulary.Build([], 10, 1), vectors, SdqcOptionalFeatures.ReplyMean | SdqcOptionalFeatures.Cosines, 1f);
        featurizer.Dimension.ShouldBe(33 + 3 + 3);
        var cosine = 33 + 3; // after the 33 cues and the 3 components of the reply's mean

        float SourceCosine(string reply)
        {
            var x = featurizer.Featurize(new SdqcContext(reply, "fire confirmed downtown", "fire confirmed downtown", 1));
            var k = Array.IndexOf(x.Indices, cosine);
            return k < 0 ? 0f : x.Values[k];
        }

        SourceCosine("the fire").ShouldBeGreaterThan(0.9f);
        SourceCosine("a hoax").ShouldBeLessThan(0.1f);
    }

    [Fact]
    public void AModelWithWordVectorsClassifiesTheSameAfterSavingAndLoading()
    {
        var vectors = WordVectors.ReadWink(WriteWink(), mostFrequent: 10, alsoKeep: _ => false);
        var tweets = new Dictionary<string, ThreadTweet>
        {
            ["1"] = new("1", "fire confirmed downtown", null, 0) { Author = "news" },
            ["2"] = new("2", "the fire is confirmed", "1", 1) { Author = "a" },
            ["3"] = new("3", "hoax", "1", 1) { Author = "b" },
            ["4"] = new("4", "is the fire confirmed?", "1", 1) { Author = "news" },
        };
        var thread = new RumourThread("1", tweets);
        var data = new RumourEvalDataset([thread], [(tweets["2"], thread, "support"), (tweets["3"], thread, "deny"), (tweets["4"], thread, "query")]);
        var options = new SdqcTrainingOptions
        {
            MinCount = 1,
            EnsembleSize = 2,
            Vectors = vectors,
            Embedding = SdqcOptionalFeatures.ReplyMean | SdqcOptionalFeatures.ReplyMax | SdqcOptionalFeatures.Cosines | SdqcOptionalFeatures.Authors,
            DenyThresholds = [],
        };

        var model = SdqcTrainer.Train(data, options);
        var path = Path.Combine(_dir, "sdqc.bin.gz");
        model.Save(path);
        var loaded = SdqcStanceClassifier.Load(path);

        loaded.Featurizer.Dimension.ShouldBe(model.Featurizer.Dimension);
        loaded.Featurizer.Embedding.ShouldBe(options.Embedding);
        foreach (var (tweet, t, _) in data.Labelled)
        {
            var context = t.ContextOf(tweet);
            loaded.Classify(context).Probabilities.ShouldBe(model.Classify(context).Probabilities, tolerance: 1e-3);
        }

        thread.ContextOf(tweets["4"]).BySourceAuthor.ShouldBeTrue();
        thread.ContextOf(tweets["2"]).BySourceAuthor.ShouldBeFalse();
    }

    private string WriteWink()
    {
        // Vectors as the package stores them: the components, then the L2 norm, then the frequency rank.
        var path = Path.Combine(_dir, "vectors.json");
        File.WriteAllText(path, """
            {"precision":8,"l2NormIndex":3,"wordIndex":4,"size":5,"dimensions":3,
             "words":["the","fire","confirmed","downtown","hoax"],
             "vectors":{
               "the":[0.6,0.8,0,1,0],
               "fire":[1.2,1.6,0.1,2.0025,1],
               "confirmed":[0.4,0.6,0,0.7211,2],
               "downtown":[0.6,0.7,0.1,0.9274,3],
               "hoax":[0,0.1,-2,2.0025,4]}}
            """);
        return path;
    }
}
