using System.Text.Json;
using Shouldly;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Cli;

/// <summary><c>sitrep eval disputes</c> end to end on one ECB+ topic (skipped without ../shared).</summary>
public sealed class EvalDisputesCommandTests
{
    [Fact]
    public void OneTopicIsScoredEndingWithTheSummaryLineAndEveryReportedPairIsWritten()
    {
        var ecbplus = SharedData.Require(Path.Combine("datasets", "ecbplus"));
        var dir = Some.TempDirectory();
        var gold = Path.Combine(SharedData.RepositoryRoot, "tests", "gold", "disputes");

        var result = SitrepProcess.Run(dir, "eval", "disputes", "--gold", gold, "--ecbplus", ecbplus, "--topics", "20", "--predictions", "pred.jsonl");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("== topic 20:");
        result.Stdout.ShouldNotContain("warning: gold snippet");
        result.Stdout.TrimEnd().Split('\n')[^1].ShouldMatch(@"^disputes: precision [01]\.\d{4} recall [01]\.\d{4}( \(nothing reported\))?$");
        foreach (var line in File.ReadAllLines(Path.Combine(dir, "pred.jsonl")))
        {
            using var row = JsonDocument.Parse(line);
            row.RootElement.GetProperty("topic").GetInt32().ShouldBe(20);
            row.RootElement.GetProperty("verdict").GetString().ShouldBeOneOf("correct", "wrong");
        }
    }

    [Fact]
    public void ABadTopicListIsAUsageError()
    {
        var result = SitrepProcess.Run(Some.TempDirectory(), "eval", "disputes", "--topics", "twenty");

        result.ExitCode.ShouldBe(64);
        result.Stderr.ShouldContain("--topics");
    }
}
