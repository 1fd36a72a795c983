using System.Text.Json;
using System.Text.Json.Nodes;
using Shouldly;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Cli;

/// <summary>The store is the story: reports added run by run give the picture one run over all of them gives.</summary>
public sealed class StoryCommandTests
{
    // What a run reports about itself, not about the story: its errors and warnings are those of the files it read.
    private static readonly string[] PerRun = ["errors"];

    [Fact]
    public void HalfTheSampleThenTheOtherHalfGivesTheBriefOfOneRunOverAll()
    {
        var dir = Some.TempDirectory();
        var samples = Path.Combine(SharedData.RepositoryRoot, "samples", "wagner-2023");
        var manifest = Path.Combine(samples, "manifest.csv");
        var files = Directory.GetFiles(samples).Where(f => !f.EndsWith(".csv", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var first = files.Take(files.Count / 2).ToArray();
        var second = files.Skip(files.Count / 2).ToArray();

        var one = SitrepProcess.Run(dir, "analyze", samples, "--db", "one.db", "--out", "one", "--quiet");
        var half = SitrepProcess.Run(dir, ["analyze", .. first, "--manifest", manifest, "--db", "two.db", "--out", "half", "--quiet"]);
        var rest = SitrepProcess.Run(dir, ["analyze", .. second, "--manifest", manifest, "--db", "two.db", "--out", "two", "--quiet"]);

        one.ExitCode.ShouldBe(0, one.Stderr);
        half.ExitCode.ShouldBe(0, half.Stderr);
        rest.ExitCode.ShouldBe(0, rest.Stderr);
        var whole = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "one", "brief.json")))!.AsObject();
        var grown = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "two", "brief.json")))!.AsObject();
        grown["documents"]!.AsArray().Count.ShouldBe(18);
        foreach (var (key, value) in whole)
        {
            if (PerRun.Contains(key))
            {
                continue;
            }

            // Propositions, figures, states, the timeline, entities, hypotheses and the front part (bottom line, key
            // judgments, status, actors, watch) are the same, down to ids and cited offsets.
            JsonNode.DeepEquals(value, grown[key]).ShouldBeTrue($"brief.json '{key}' differs between one run over all and two runs into one store");
        }

        rest.Stdout.ShouldContain("The story holds 18 documents");
    }

    [Fact]
    public void AchRescoresAStoreThatGrewRunByRunWithAndWithoutSuggestions()
    {
        var dir = Some.TempDirectory();
        var samples = Path.Combine(SharedData.RepositoryRoot, "samples", "wagner-2023");
        var extra = Path.Combine(dir, "new.txt");
        File.WriteAllText(extra, "The regional governor said on 26 June 2023 that the checkpoints on the M4 motorway had been reopened.\n");

        SitrepProcess.Run(dir, "analyze", samples, "--db", "s.db", "--out", "out", "--quiet").ExitCode.ShouldBe(0);
        var added = SitrepProcess.Run(dir, "analyze", extra, "--db", "s.db", "--out", "out", "--quiet");
        var ach = SitrepProcess.Run(dir, "ach", "--db", "s.db", "--out", "ach");
        var bare = SitrepProcess.Run(dir, "ach", "--db", "s.db", "--out", "bare", "--no-suggest");

        added.ExitCode.ShouldBe(0, added.Stderr);
        using (var brief = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "brief.json"))))
        {
            brief.RootElement.GetProperty("documents").GetArrayLength().ShouldBe(19, "one new report is added to the 18 of the story, not a brief of itself");
        }

        ach.ExitCode.ShouldBe(0, ach.Stderr);
        ach.Stdout.ShouldNotContain("0 rated evidence rows");
        bare.ExitCode.ShouldBe(0, bare.Stderr);
        File.Exists(Path.Combine(dir, "bare", "ach.json")).ShouldBeTrue();
    }
}
