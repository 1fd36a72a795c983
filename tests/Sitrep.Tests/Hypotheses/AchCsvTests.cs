using Shouldly;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Hypotheses;

public sealed class AchCsvTests
{
    [Fact]
    public void TheAchCsvOpensCleanly_EveryRowHasTheHeadersColumnCount()
    {
        var dir = Some.TempDirectory();
        var samples = Path.Combine(SharedData.RepositoryRoot, "samples", "wagner-2023");
        SitrepProcess.Run(dir, "analyze", samples, "--out", "out", "--db", "s.db").ExitCode.ShouldBe(0);

        var path = Path.Combine(dir, "out", "ach.csv");
        using var csv = CsvHelper.CsvReader.FromFile(path, new CsvHelper.CsvReaderOptions { Separator = ',' });
        var rows = 0;
        var columns = 0;
        while (csv.Read())
        {
            columns = csv.Headers.Count;
            csv.FieldCount.ShouldBe(columns);
            for (var i = 0; i < csv.FieldCount; i++)
            {
                csv.GetString(i).ShouldNotStartWith("=");
            }

            rows++;
        }

        columns.ShouldBeGreaterThan(8, "eight fixed columns and one per hypothesis");
        rows.ShouldBeGreaterThan(2, "evidence rows and the two score rows");
    }

    [Fact]
    public void AchRescoresFromTheStoreWithTheAnalystsHypothesesWithoutReanalysing()
    {
        var dir = Some.TempDirectory();
        var samples = Path.Combine(SharedData.RepositoryRoot, "samples", "wagner-2023");
        SitrepProcess.Run(dir, "analyze", samples, "--out", "out", "--db", "s.db").ExitCode.ShouldBe(0);
        File.WriteAllText(Path.Combine(dir, "h.md"), "- The mutiny was a genuine gamble that the army would defect\n- The mutiny was staged theatre between regime factions\n");

        var result = SitrepProcess.Run(dir, "ach", "--db", "s.db", "--hypotheses", "h.md", "--out", "ach", "--no-suggest");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("2 hypotheses");
        File.ReadAllText(Path.Combine(dir, "ach", "ach.md")).ShouldContain("genuine gamble");
        var again = SitrepProcess.Run(dir, "ach", "--db", "s.db", "--out", "ach2", "--no-suggest");
        again.Stdout.ShouldContain("2 hypotheses", customMessage: "the hypotheses file is remembered in the store");
    }
}
