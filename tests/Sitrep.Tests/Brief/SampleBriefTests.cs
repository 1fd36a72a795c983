using System.Text.Json;
using System.Text.RegularExpressions;
using Shouldly;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Brief;

/// <summary>The sample corpus analysed once for the tests of the sample brief.</summary>
public sealed class SampleBriefFixture
{
    public SampleBriefFixture()
    {
        Directory = Some.TempDirectory();
        var samples = Path.Combine(SharedData.RepositoryRoot, "samples", "wagner-2023");
        var run = SitrepProcess.Run(Directory, "analyze", samples, "--out", "out", "--db", "s.db", "--quiet");
        ExitCode = run.ExitCode;
        Output = run.Stdout + run.Stderr;
    }

    public string Directory { get; }

    public int ExitCode { get; }

    public string Output { get; }

    public string Read(string file) => File.ReadAllText(Path.Combine(Directory, "out", file));
}

/// <summary>
/// Golden test on the STRUCTURE of the sample brief's front part (issue 19), not on its wording: the sections in
/// order, the word cap, a citation on every statement, no headline, byline or link as an item, no Markdown showing
/// through. The same checks hold for the example kept in docs/example-brief.md.
/// </summary>
public sealed partial class SampleBriefTests(SampleBriefFixture sample) : IClassFixture<SampleBriefFixture>
{
    private const int MaxWords = 900;

    private static readonly string[] Sections =
        ["## Bottom line", "## Key judgments", "## Confirmed", "## Disputed", "## Unresolved", "## Changed", "## Actors that matter", "## What to watch"];

    [Fact]
    public void TheSampleBriefsFrontPartHasTheSectionsAReaderNeedsWithinTheWordCap()
    {
        sample.ExitCode.ShouldBe(0, sample.Output);
        CheckFrontPart(FrontPart(sample.Read("brief.md")), "brief.md");
    }

    [Fact]
    public void TheExampleInTheDocsHasTheSameStructure()
    {
        var example = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "example-brief.md"));
        CheckFrontPart(FrontPart(example[example.IndexOf("# Situation brief", StringComparison.Ordinal)..]), "docs/example-brief.md");
    }

    [Fact]
    public void EveryQuotationInTheBottomLineAndTheJudgmentsIsInTheCharactersItCites()
    {
        sample.ExitCode.ShouldBe(0, sample.Output);
        var md = sample.Read("brief.md");
        var notes = Footnote().Matches(md).ToDictionary(m => m.Groups["n"].Value, m => Letters(m.Groups["quote"].Value), StringComparer.Ordinal);
        var front = FrontPart(md);
        var lines = Between(front, "## Bottom line", "## Confirmed").Where(l => l.Contains('“', StringComparison.Ordinal) && Citation().IsMatch(l)).ToList();
        lines.ShouldNotBeEmpty();
        foreach (var line in lines)
        {
            var cited = string.Join(" ", Citation().Matches(line).Select(m => notes.GetValueOrDefault(m.Value[2..^1], string.Empty)));
            foreach (Match quote in Quoted().Matches(line))
            {
                foreach (var piece in quote.Groups[1].Value.Split('…').Select(Letters).Where(p => p.Length > 0))
                {
                    cited.ShouldContain(piece, Case.Sensitive, "a quotation must be the cited characters: " + line);
                }
            }
        }
    }

    [Fact]
    public void TheSampleBriefJsonCarriesTheFrontPartFields()
    {
        sample.ExitCode.ShouldBe(0, sample.Output);
        using var json = JsonDocument.Parse(sample.Read("brief.json"));
        var root = json.RootElement;
        root.GetProperty("schema").GetString().ShouldBe("sitrep.brief/1");
        var bottomLine = root.GetProperty("bottomLine");
        bottomLine.GetArrayLength().ShouldBeInRange(3, 5);
        foreach (var line in bottomLine.EnumerateArray())
        {
            line.GetProperty("cites").GetArrayLength().ShouldBeGreaterThan(0);
        }

        var judgments = root.GetProperty("keyJudgments");
        judgments.GetArrayLength().ShouldBeGreaterThan(0);
        foreach (var j in judgments.EnumerateArray())
        {
            j.GetProperty("likelihood").GetString().ShouldBeOneOf("almost no chance", "very unlikely", "unlikely", "roughly even chance", "likely", "very likely", "almost certain");
            j.GetProperty("confidence").GetString().ShouldBeOneOf("high", "moderate", "low");
            j.GetProperty("basis").GetString().ShouldNotBeNullOrWhiteSpace();
            j.GetProperty("cites").GetArrayLength().ShouldBeGreaterThan(0);
        }

        var status = root.GetProperty("status");
        foreach (var list in new[] { "confirmed", "disputed", "open", "changed" })
        {
            status.GetProperty(list).ValueKind.ShouldBe(JsonValueKind.Array);
        }

        root.GetProperty("actorsThatMatter").GetArrayLength().ShouldBeInRange(5, 12);
        root.GetProperty("watch").ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Fact]
    public void TheBriefCommandRendersTheStoredBriefAgainWithoutReanalysing()
    {
        sample.ExitCode.ShouldBe(0, sample.Output);

        var md = SitrepProcess.Run(sample.Directory, "brief", "--db", "s.db", "--out", "again", "--format", "md", "--since", "2023-06-26");

        md.ExitCode.ShouldBe(0, md.Stdout + md.Stderr);
        md.Stdout.ShouldContain("Changed since");
        var again = Path.Combine(sample.Directory, "again");
        File.Exists(Path.Combine(again, "brief.md")).ShouldBeTrue();
        File.Exists(Path.Combine(again, "brief.html")).ShouldBeFalse();
        var text = File.ReadAllText(Path.Combine(again, "brief.md"));
        text.ShouldContain("## Changed since 2023-06-26");
        FrontPart(text).ShouldContain("## Bottom line");
    }

    [Fact]
    public void WithFull_TheBriefCarriesEveryClaimAndTheSameFrontPartAsTheBoundedBrief()
    {
        sample.ExitCode.ShouldBe(0, sample.Output);

        var full = SitrepProcess.Run(sample.Directory, "brief", "--db", "s.db", "--out", "full", "--full");

        full.ExitCode.ShouldBe(0, full.Stdout + full.Stderr);
        using var bounded = JsonDocument.Parse(sample.Read("brief.json"));
        using var whole = JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Directory, "full", "brief.json")));
        bounded.RootElement.GetProperty("omitted").ValueKind.ShouldBe(JsonValueKind.Object);
        whole.RootElement.GetProperty("omitted").ValueKind.ShouldBe(JsonValueKind.Null);
        var left = bounded.RootElement.GetProperty("omitted").GetProperty("claims").GetInt32();
        bounded.RootElement.GetProperty("claims").GetArrayLength().ShouldBe(whole.RootElement.GetProperty("claims").GetArrayLength() - left);
        FrontPart(File.ReadAllText(Path.Combine(sample.Directory, "full", "brief.md"))).ShouldBe(FrontPart(sample.Read("brief.md")));
    }

    [Theory]
    [InlineData("--format", "pdf")]
    [InlineData("--since", "last tuesday")]
    public void TheBriefCommandRefusesAnInvalidOption(string option, string value)
    {
        var run = SitrepProcess.Run(sample.Directory, "brief", "--db", "s.db", "--out", "bad", option, value);

        run.ExitCode.ShouldBe(64);
        run.Stderr.ShouldContain("SR5001");
    }

    [Fact]
    public void TheBriefCommandSaysSoWhenTheStoreHoldsNoBrief()
    {
        var dir = Some.TempDirectory();

        var run = SitrepProcess.Run(dir, "brief", "--db", "empty.db", "--out", "out");

        run.ExitCode.ShouldBe(1);
        run.Stderr.ShouldContain("run 'sitrep analyze' first");
    }

    private static string FrontPart(string markdown)
    {
        var end = markdown.IndexOf("\n# Evidence appendix", StringComparison.Ordinal);
        end.ShouldBeGreaterThan(0, "the front part ends where the evidence appendix starts");
        return markdown[..end];
    }

    private static void CheckFrontPart(string front, string what)
    {
        var at = -1;
        foreach (var section in Sections)
        {
            var found = front.IndexOf("\n" + section, StringComparison.Ordinal);
            found.ShouldBeGreaterThan(at, $"{what}: '{section}' in its place");
            at = found;
        }

        var words = Regex.Replace(front, @"\[\^\d+\]", " ").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));
        words.ShouldBeLessThanOrEqualTo(MaxWords, what);

        var bottom = Between(front, "## Bottom line", "## Key judgments").Where(l => l.Length > 0).ToList();
        bottom.Count.ShouldBeInRange(3, 5, what + ": the bottom line is three to five sentences");
        bottom.ShouldAllBe(l => Citation().IsMatch(l), what + ": every bottom-line sentence cites its source");

        var items = front.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        items.ShouldNotBeEmpty();
        items.ShouldAllBe(l => Citation().IsMatch(l), what + ": every item cites its source");
        foreach (var item in items.Concat(bottom))
        {
            item.ShouldNotContain("http", Case.Insensitive, what);
            item.ShouldNotContain("www.", Case.Insensitive, what);
            Regex.IsMatch(item, @"“(By|From) \p{Lu}\w+ \p{Lu}\w+”").ShouldBeFalse(what + ": a byline is no item: " + item);
            item.ShouldNotContain("\\*\\*", Case.Sensitive, what + ": Markdown emphasis from a source shows through: " + item);
            item.ShouldNotContain("\\#\\#", Case.Sensitive, what + ": a Markdown heading from a source shows through: " + item);
        }

        var judgments = Between(front, "## Key judgments", "## Confirmed").Where(l => l.StartsWith("- **", StringComparison.Ordinal)).ToList();
        judgments.ShouldNotBeEmpty();
        judgments.ShouldAllBe(l => Judgment().IsMatch(l), what + ": a judgment gives a likelihood word and a separate confidence");
    }

    private static IEnumerable<string> Between(string text, string from, string to)
    {
        var start = text.IndexOf(from, StringComparison.Ordinal) + from.Length;
        var end = text.IndexOf(to, start, StringComparison.Ordinal);
        return text[start..end].Split('\n').Select(l => l.Trim());
    }

    [GeneratedRegex(@"\[\^\d+\]")]
    private static partial Regex Citation();

    [GeneratedRegex(@"^\[\^(?<n>\d+)\]: .*?: “(?<quote>.*)”\s*$", RegexOptions.Multiline)]
    private static partial Regex Footnote();

    [GeneratedRegex(@"“([^”]*)”")]
    private static partial Regex Quoted();

    /// <summary>Letters and digits only, single-spaced: Markdown escapes and emphasis marks do not count.</summary>
    private static string Letters(string text) =>
        string.Join(' ', Regex.Replace(text, @"[^\p{L}\p{N}]+", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^- \*\*(Almost no chance|Very unlikely|Unlikely|Roughly even chance|Likely|Very likely|Almost certain)\*\* \((high|moderate|low) confidence\): ")]
    private static partial Regex Judgment();
}
