using System.Text.Json;
using Shouldly;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Corroboration;

/// <summary><c>sitrep eval fnc1</c> and <c>sitrep eval rumoureval</c> on small files written here.</summary>
public sealed class StanceCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-stance-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void EvalFnc1PrintsTheMatrixEndsWithTheScoreAndWritesScorerRows()
    {
        File.WriteAllText(Path.Combine(_dir, "b.csv"),
            "Body ID,articleBody\n1,\"The Eastham council approved a new bridge over the river Lune on Tuesday, officials said.\nWork starts in spring.\"\n");
        File.WriteAllText(Path.Combine(_dir, "s.csv"),
            "Headline,Body ID,Stance\n\"Council approves bridge over the Lune, officials say\",1,agree\nRare tiger cub born at zoo,1,unrelated\n");

        var result = SitrepProcess.Run(_dir, "eval", "fnc1", "--bodies", "b.csv", "--stances", "s.csv", "--predictions", "p.csv");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("|     agree  |");
        result.Stdout.TrimEnd().Split('\n')[^1].ShouldMatch(@"^score: \d{1,3}\.\d\d$");
        var rows = File.ReadAllLines(Path.Combine(_dir, "p.csv"));
        rows[0].ShouldBe("Headline,Body ID,Stance");
        rows[1].ShouldStartWith("\"Council approves bridge over the Lune, officials say\",1,");
        rows[2].ShouldBe("Rare tiger cub born at zoo,1,unrelated");
    }

    [Fact]
    public void EvalRumourEvalEndsWithAccuracyAndWritesAnIdToLabelObject()
    {
        var thread = Path.Combine(_dir, "threads", "ev", "10");
        Directory.CreateDirectory(Path.Combine(thread, "source-tweet"));
        Directory.CreateDirectory(Path.Combine(thread, "replies"));
        File.WriteAllText(Path.Combine(thread, "source-tweet", "10.json"), """{"id_str": "10", "text": "Fire at the Dunmore power plant, police say"}""");
        File.WriteAllText(Path.Combine(thread, "replies", "11.json"), """{"id_str": "11", "text": "@news is this confirmed? source?"}""");
        File.WriteAllText(Path.Combine(thread, "structure.json"), """{"10": {"11": []}}""");
        File.WriteAllText(Path.Combine(_dir, "labels.json"), """{"10": "support", "11": "query"}""");

        var result = SitrepProcess.Run(_dir, "eval", "rumoureval", "--threads", "threads", "--labels", "labels.json", "--predictions", "p.json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("macro-F1: ");
        result.Stdout.ShouldContain("F1 deny: ");
        result.Stdout.TrimEnd().Split('\n')[^1].ShouldMatch(@"^accuracy: [01]\.\d{4}$");
        var predictions = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(_dir, "p.json")))!;
        predictions.Keys.Order(StringComparer.Ordinal).ShouldBe(["10", "11"]);
        predictions.Values.ShouldAllBe(v => v == "support" || v == "deny" || v == "query" || v == "comment");
    }

    [Fact]
    public void EvalFnc1WithAMissingFileFailsWithACodedError()
    {
        var result = SitrepProcess.Run(_dir, "eval", "fnc1", "--bodies", "nope.csv", "--stances", "nope.csv");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("SR1001");
        result.Stderr.ShouldContain("nope.csv");
    }

    [Fact]
    public void TrainStanceWithoutAnyDatasetIsAUsageError()
    {
        var result = SitrepProcess.Run(_dir, "train", "stance", "--out", "models");

        result.ExitCode.ShouldBe(64);
        result.Stderr.ShouldContain("SR5001");
        result.Stderr.ShouldContain("at least one dataset");
    }

    [Theory]
    [InlineData("fnc1")]
    [InlineData("rumoureval")]
    public void EitherEvalWithAModelFileThatIsNotAModelFailsWithOneClearLine(string scheme)
    {
        using (var gzip = new System.IO.Compression.GZipStream(File.Create(Path.Combine(_dir, "bad.bin.gz")), System.IO.Compression.CompressionLevel.Fastest))
        using (var writer = new BinaryWriter(gzip))
        {
            writer.Write("not-a-model");
            writer.Write(1);
        }

        File.WriteAllText(Path.Combine(_dir, "b.csv"), "Body ID,articleBody\n1,Some body text.\n");
        File.WriteAllText(Path.Combine(_dir, "s.csv"), "Headline,Body ID,Stance\nA headline,1,discuss\n");
        var thread = Path.Combine(_dir, "threads", "ev", "10");
        Directory.CreateDirectory(Path.Combine(thread, "source-tweet"));
        File.WriteAllText(Path.Combine(thread, "source-tweet", "10.json"), """{"id_str": "10", "text": "Fire at the plant"}""");
        File.WriteAllText(Path.Combine(thread, "structure.json"), """{"10": []}""");
        File.WriteAllText(Path.Combine(_dir, "labels.json"), """{"10": "support"}""");
        string[] args = scheme == "fnc1"
            ? ["eval", "fnc1", "--bodies", "b.csv", "--stances", "s.csv", "--model", "bad.bin.gz"]
            : ["eval", "rumoureval", "--threads", "threads", "--labels", "labels.json", "--model", "bad.bin.gz"];

        var result = SitrepProcess.Run(_dir, args);

        result.ExitCode.ShouldBe(1);
        result.Stderr.Trim().ShouldStartWith("sitrep: the model cannot be read: Not a Sitrep stance model");
        result.Stderr.Trim().Split('\n').Length.ShouldBe(1);
    }
}
