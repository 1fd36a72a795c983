using System.IO.Compression;
using System.Text;
using Shouldly;
using Sitrep.Syntax.Features;
using Sitrep.Syntax.Parsing;
using Sitrep.Syntax.Training;

namespace Sitrep.Tests.Syntax;

/// <summary>
/// What the model reads and does at run time: word clusters, the huge-page weight arrays, the parser's cache of the
/// buffer front's scores and batches of sentences.
/// </summary>
public class RunTimeTests
{
    private static WordClusters Clusters(string lines)
    {
        var stream = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(lines));
        }

        stream.Position = 0;
        return WordClusters.Load(stream);
    }

    [Fact]
    public void WhenAWordIsClustered_ItsLevelsReadCoarsestFirstWhateverItsCase()
    {
        var clusters = Clusters("storm\t0\t7\t300\t4000\n");
        var word = WordInfo.From("Storm", clusters);
        Enumerable.Range(0, WordClusters.Levels).Select(word.Cluster).ShouldBe([1UL, 8UL, 301UL, 4001UL]);
    }

    [Fact]
    public void WhenAHyphenatedWordHasNoClustersOfItsOwn_ItTakesThoseOfItsLastPart()
    {
        var clusters = Clusters("term\t1\t2\t3\t4\nwell-known\t5\t6\t7\t8\n");
        WordInfo.From("long-term", clusters).Cluster(3).ShouldBe(5UL);
        WordInfo.From("well-known", clusters).Cluster(3).ShouldBe(9UL);
    }

    [Fact]
    public void WhenAWordHasNoCluster_EveryLevelIsZero()
    {
        var clusters = Clusters("storm\t0\t7\t300\t4000\n");
        WordInfo.From("cyclone", clusters).Clusters.ShouldBe(0UL);
        WordInfo.From("storm", WordClusters.None).Clusters.ShouldBe(0UL);
    }

    [Fact]
    public void WhenAClusterLineHasTooFewIds_LoadingFailsWithTheLine()
    {
        var error = Should.Throw<InvalidDataException>(() => Clusters("storm\t0\t7\n"));
        error.Message.ShouldContain("storm");
    }

    [Fact]
    public void WhenAHugePageArrayIsMade_ItStartsZeroedAndKeepsWhatIsWritten()
    {
        var array = new HugePageArray<long>(100_000);
        array.Span.ToArray().ShouldAllBe(x => x == 0);
        array[99_999] = 42;
        array.Span[^1].ShouldBe(42);
        array.Length.ShouldBe(100_000);
    }

    [Fact]
    public void WhenTheFrontOfTheBufferIsScoredOncePerWord_TheParseIsTheSameAsScoringEveryFeatureEachMove()
    {
        var sentences = Conllu.Read(ConlluTests.Fixture);
        var options = new SyntaxTrainingOptions { TaggerEpochs = 4, ParserEpochs = 4, JackknifeFolds = 0, PruneSteps = 0, WordClusters = false };
        var model = SyntaxTrainer.Train(sentences, null, options, "toy");
        var parser = model.Parser;
        foreach (var sentence in sentences)
        {
            var words = sentence.Words.Select(w => WordInfo.From(w, WordClusters.None)).ToArray();
            var tags = new int[words.Length];
            model.Tagger.Tag(words, tags);
            var heads = new int[words.Length];
            var labels = new int[words.Length];
            parser.Parse(words, tags, new ParserState(), heads, labels);

            var state = new ParserState();
            state.Reset(words.Length);
            var features = new ulong[ArcEagerParser.MaxFeatures];
            var scores = new float[parser.Weights.Stride];
            while (!state.BufferEmpty)
            {
                var n = ArcEagerParser.Extract(words, tags, state, features);
                parser.Weights.Score(features.AsSpan(0, n), scores);
                parser.Apply(state, parser.BestValid(state, scores));
            }

            var expectedHeads = new int[words.Length];
            var expectedLabels = new int[words.Length];
            parser.Finish(state, expectedHeads, expectedLabels);
            heads.ShouldBe(expectedHeads);
            labels.ShouldBe(expectedLabels);
        }
    }

    [Fact]
    public void WhenSentencesAreParsedAsOneBatch_EachParseIsTheSameAsAlone()
    {
        var sentences = Conllu.Read(ConlluTests.Fixture);
        var options = new SyntaxTrainingOptions { TaggerEpochs = 4, ParserEpochs = 4, JackknifeFolds = 0, PruneSteps = 0, WordClusters = false };
        var model = SyntaxTrainer.Train(sentences, null, options, "toy");
        var input = new List<IReadOnlyList<string>>(sentences.Select(s => s.Words)) { Array.Empty<string>(), new[] { "Alone", "." } };
        var batch = model.Parse(input);
        batch.Count.ShouldBe(sentences.Count + 2);
        for (var s = 0; s < sentences.Count; s++)
        {
            batch[s].ToList().ShouldBe(model.Parse(sentences[s].Words).ToList());
        }

        batch[^2].Count.ShouldBe(0);
        batch[^1].ToList().ShouldBe(model.Parse(input[^1]).ToList());
    }
}
