using Shouldly;
using Sitrep.Corroboration.Stance;
using Sitrep.Corroboration.Training;
using Sitrep.Errors;

namespace Sitrep.Tests.Corroboration;

/// <summary>Readers of the two datasets, on small files written here.</summary>
public sealed class StanceDataTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-stance-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Fnc1BodiesWithQuotedLineBreaksAndCommasAreReadWhole()
    {
        var (bodies, stances) = WriteFnc1();

        var data = Fnc1Dataset.Read(bodies, stances);

        data.Bodies.Count.ShouldBe(3);
        data.Bodies[7].ShouldBe("First line, with a comma.\nSecond line \"quoted\".");
        data.BodyOrder.ShouldBe([7, 3, 12]);
        data.Pairs.Count.ShouldBe(4);
        data.Pairs[1].ShouldBe(new Fnc1Pair("Dam, bridge and road closed", 3, "unrelated"));
    }

    [Fact]
    public void AStanceNamingAMissingBodyIsAClearError()
    {
        var (bodies, _) = WriteFnc1();
        var stances = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(stances, "Headline,Body ID,Stance\nSomething,99,agree\n");

        var error = Should.Throw<SitrepException>(() => Fnc1Dataset.Read(bodies, stances));

        error.ErrorCode.ShouldBe(SitrepErrors.Malformed);
        error.Message.ShouldContain("body 99");
    }

    [Fact]
    public void TheHoldOutTakesTheLastTenthOfTheShuffledBodyIds()
    {
        var (bodies, stances) = WriteFnc1();
        var data = Fnc1Dataset.Read(bodies, stances);

        var (training, holdOut) = data.SplitHoldOut();

        holdOut.Bodies.Count.ShouldBe(1); // 3 - int(0.9 * 3)
        training.Bodies.Count.ShouldBe(2);
        training.Pairs.Select(p => p.BodyId).Intersect(holdOut.Pairs.Select(p => p.BodyId)).ShouldBeEmpty();
        (training.Pairs.Count + holdOut.Pairs.Count).ShouldBe(data.Pairs.Count);
    }

    [Fact]
    public void ThreadsAreFoundRecursivelyWithDepthsAndParentsFromTheStructure()
    {
        var threads = Path.Combine(_dir, "events", "quarry-blast");
        WriteThread(threads, "100", ("100", "Blast reported at the quarry near Alston"), [("101", "is that confirmed?"), ("102", "my cousin works there, it is true"), ("103", "no it is not, it was a drill")],
            """{"100": {"101": {"103": []}, "102": []}}""");
        var labels = Path.Combine(_dir, "labels.json");
        File.WriteAllText(labels, """{"100": "support", "101": "query", "103": "deny", "999": "comment"}""");

        var data = RumourEvalDataset.Read(_dir, labels);

        data.Threads.Count.ShouldBe(1);
        var thread = data.Threads[0];
        thread.SourceId.ShouldBe("100");
        thread.Tweets["103"].ShouldBe(new ThreadTweet("103", "no it is not, it was a drill", "101", 2));
        thread.Tweets["102"].Depth.ShouldBe(1);
        data.Labelled.Select(l => (l.Tweet.Id, l.Label)).ShouldBe([("100", "support"), ("101", "query"), ("103", "deny")]);
        var context = thread.ContextOf(thread.Tweets["103"]);
        context.ParentText.ShouldBe("is that confirmed?");
        context.SourceText.ShouldBe("Blast reported at the quarry near Alston");
        context.IsSource.ShouldBeFalse();
    }

    [Fact]
    public void AnUnknownStanceLabelIsAClearError()
    {
        var labels = Path.Combine(_dir, "labels.json");
        File.WriteAllText(labels, """{"1": "agree"}""");

        var error = Should.Throw<SitrepException>(() => RumourEvalDataset.ReadLabels(labels));

        error.Message.ShouldContain("'agree'");
        error.Message.ShouldContain("support, deny, query, comment");
    }

    [Fact]
    public void ABrokenTweetFileIsAClearError()
    {
        var threads = Path.Combine(_dir, "t");
        WriteThread(threads, "5", ("5", "claim"), [], """{"5": []}""");
        File.WriteAllText(Path.Combine(threads, "5", "replies", "6.json"), "{ not json");
        var labels = Path.Combine(_dir, "labels.json");
        File.WriteAllText(labels, "{}");

        Should.Throw<SitrepException>(() => RumourEvalDataset.Read(threads, labels)).ErrorCode.ShouldBe(SitrepErrors.Malformed);
    }

    [Fact]
    public void AClassifierTrainedOnATinySetLearnsItAndSurvivesASaveAndLoad()
    {
        var (bodies, stances) = WriteFnc1();
        var data = Fnc1Dataset.Read(bodies, stances);
        var options = new Fnc1TrainingOptions { VocabularySize = 100, Network = new SparseMlpOptions { Hidden = 8, Epochs = 60, BatchSize = 2, LearningRate = 0.01f, Keep = 1f } };

        var model = Fnc1Trainer.Train(data, options);
        var path = Path.Combine(_dir, "m.bin.gz");
        model.Save(path);
        var loaded = Fnc1StanceClassifier.Load(path);

        Fnc1Trainer.Predict(model, data).ShouldBe(data.Pairs.Select(p => p.Stance!));
        Fnc1Trainer.Predict(loaded, data).ShouldBe(Fnc1Trainer.Predict(model, data));
    }

    [Fact]
    public void AModelFileOfTheOtherSchemeIsRefused()
    {
        var path = Path.Combine(_dir, "sdqc.bin.gz");
        SdqcStanceClassifier.Default.Save(path);

        Should.Throw<InvalidDataException>(() => Fnc1StanceClassifier.Load(path)).Message.ShouldContain("stance.sdqc");
    }

    private (string Bodies, string Stances) WriteFnc1()
    {
        var bodies = Path.Combine(_dir, "bodies.csv");
        File.WriteAllText(bodies,
            "Body ID,articleBody\n" +
            "7,\"First line, with a comma.\nSecond line \"\"quoted\"\".\"\n" +
            "3,The river rose overnight and the old dam held; engineers say the road stays shut.\n" +
            "12,A hoax claimed the mayor resigned. The mayor denied it and is still in office.\n");
        var stances = Path.Combine(_dir, "stances.csv");
        File.WriteAllText(stances,
            "Headline,Body ID,Stance\n" +
            "Second line quoted first line,7,discuss\n" +
            "\"Dam, bridge and road closed\",3,unrelated\n" +
            "Mayor resigns,12,disagree\n" +
            "River rose overnight and the dam held,3,agree\n");
        return (bodies, stances);
    }

    private static void WriteThread(string root, string id, (string Id, string Text) source, (string Id, string Text)[] replies, string structure)
    {
        var folder = Path.Combine(root, id);
        Directory.CreateDirectory(Path.Combine(folder, "source-tweet"));
        Directory.CreateDirectory(Path.Combine(folder, "replies"));
        File.WriteAllText(Path.Combine(folder, "source-tweet", source.Id + ".json"), Tweet(source.Id, source.Text));
        foreach (var reply in replies)
        {
            File.WriteAllText(Path.Combine(folder, "replies", reply.Id + ".json"), Tweet(reply.Id, reply.Text));
        }

        File.WriteAllText(Path.Combine(folder, "structure.json"), structure);
    }

    private static string Tweet(string id, string text) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["id_str"] = id, ["text"] = text });
}
