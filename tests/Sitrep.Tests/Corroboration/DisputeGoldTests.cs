using Shouldly;
using Sitrep.Corroboration.Evaluation;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Corroboration;

/// <summary>The hand-written disputes gold in tests/gold/disputes and the ECB+ text it points into.</summary>
public sealed class DisputeGoldTests
{
    private static readonly string GoldFolder = Path.Combine(SharedData.RepositoryRoot, "tests", "gold", "disputes");

    private static readonly string HeldOutFolder = Path.Combine(SharedData.RepositoryRoot, "tests", "gold", "disputes-heldout");

    private static readonly string BlindFolder = Path.Combine(SharedData.RepositoryRoot, "tests", "gold", "disputes-blind");

    public static TheoryData<string> GoldFiles => [.. DisputeGold.Files(GoldFolder).Select(Path.GetFileName).OfType<string>()];

    public static TheoryData<string> HeldOutFiles => [.. DisputeGold.Files(HeldOutFolder).Select(Path.GetFileName).OfType<string>()];

    public static TheoryData<string> BlindFiles => [.. DisputeGold.Files(BlindFolder).Select(Path.GetFileName).OfType<string>()];

    [Fact]
    public void TheGoldCoversAtLeastTwelveSubEventsWithDisputesAndFalsePairs()
    {
        var topics = DisputeGold.Files(GoldFolder).Select(DisputeGold.Read).ToList();

        topics.Sum(t => t.SubEvents.Count).ShouldBeGreaterThanOrEqualTo(12);
        topics.Sum(t => t.Disputes.Count()).ShouldBeGreaterThan(0);
        topics.SelectMany(t => t.SubEvents).SelectMany(s => s.FalsePairs).ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(GoldFiles))]
    public void EachGoldFileParsesWithUniqueIdsAndSidesThatDiffer(string file)
    {
        var gold = DisputeGold.Read(Path.Combine(GoldFolder, file));

        file.ShouldBe($"topic{gold.Topic}.json");
        foreach (var dispute in gold.Disputes.Concat(gold.Updates))
        {
            dispute.Sides.Count.ShouldBeGreaterThanOrEqualTo(2, dispute.Id);
            dispute.Sides.Select(s => s.Value).Distinct(StringComparer.Ordinal).Count().ShouldBe(dispute.Sides.Count, dispute.Id);
        }
    }

    [Theory]
    [MemberData(nameof(GoldFiles))]
    public void EverySnippetOfAGoldFileIsFoundInItsDocument(string file)
    {
        var root = SharedData.Require(Path.Combine("datasets", "ecbplus", "ECB+"));
        var gold = DisputeGold.Read(Path.Combine(GoldFolder, file));
        var folder = EcbPlusTopic.FolderOf(root, gold.Topic).ShouldNotBeNull();
        var texts = EcbPlusTopic.Read(folder).ToDictionary(d => d.Name, d => d.Text, StringComparer.Ordinal);

        gold.SubEvents.SelectMany(s => s.Docs).Where(d => !texts.ContainsKey(d)).ShouldBeEmpty("documents listed in docs[] but missing from the topic");
        var missing = new DisputeScorer(gold, texts).Missing.Select(m => $"{m.ItemId}: {m.Mention.Doc}: {m.Mention.Snippet}");
        missing.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(HeldOutFiles))]
    public void EveryHeldOutGoldFileParsesAndItsSnippetsAreFoundInItsDocuments(string file)
    {
        GoldFileParsesAndItsSnippetsAreFound(HeldOutFolder, file);
    }

    [Theory]
    [MemberData(nameof(BlindFiles))]
    public void EveryBlindGoldFileParsesAndItsSnippetsAreFoundInItsDocuments(string file)
    {
        GoldFileParsesAndItsSnippetsAreFound(BlindFolder, file);
    }

    /// <summary>A held-out or blind gold file parses, its sides differ, and every snippet is found in its documents.</summary>
    private static void GoldFileParsesAndItsSnippetsAreFound(string folder, string file)
    {
        var root = SharedData.Require(Path.Combine("datasets", "ecbplus", "ECB+"));
        var gold = DisputeGold.Read(Path.Combine(folder, file));
        file.ShouldBe($"topic{gold.Topic}.json");
        foreach (var dispute in gold.Disputes.Concat(gold.Updates))
        {
            dispute.Sides.Select(s => s.Value).Distinct(StringComparer.Ordinal).Count().ShouldBe(dispute.Sides.Count, dispute.Id);
        }

        var texts = EcbPlusTopic.Read(EcbPlusTopic.FolderOf(root, gold.Topic).ShouldNotBeNull()).ToDictionary(d => d.Name, d => d.Text, StringComparer.Ordinal);
        gold.SubEvents.SelectMany(s => s.Docs).Where(d => !texts.ContainsKey(d)).ShouldBeEmpty();
        new DisputeScorer(gold, texts).Missing.Select(m => $"{m.ItemId}: {m.Mention.Doc}: {m.Mention.Snippet}").ShouldBeEmpty();
    }

    [Fact]
    public void TheBlindTopicsAreNeitherDevelopmentNorHeldOutTopics()
    {
        var used = DisputeGold.Files(GoldFolder).Concat(DisputeGold.Files(HeldOutFolder)).Select(DisputeGold.Read).Select(g => g.Topic).ToHashSet();
        var blind = DisputeGold.Files(BlindFolder).Select(DisputeGold.Read).Select(g => g.Topic).ToList();

        blind.ShouldNotBeEmpty();
        blind.ShouldAllBe(t => !used.Contains(t));
    }

    [Fact]
    public void TheHeldOutTopicsAreNoneOfTheDevelopmentTopics()
    {
        var dev = DisputeGold.Files(GoldFolder).Select(DisputeGold.Read).Select(g => g.Topic).ToHashSet();
        var heldOut = DisputeGold.Files(HeldOutFolder).Select(DisputeGold.Read).Select(g => g.Topic).ToList();

        heldOut.ShouldNotBeEmpty();
        heldOut.ShouldAllBe(t => !dev.Contains(t));
    }

    [Fact]
    public void EcbPlusTokensAreJoinedAsTheOriginalTextWasSpaced()
    {
        string[] tokens = ["The", "6", ".", "1", "-", "magnitude", "quake", "(", "USGS", ")", "struck", "at", "1", ":", "53", ",", "home", "to", "120", ",", "000", "people", "'s", "homes", "."];

        EcbPlusTopic.Join(tokens).ShouldBe("The 6.1-magnitude quake (USGS) struck at 1:53, home to 120,000 people's homes.");
    }

    [Fact]
    public void ContractionsAndQuotesTheTokensSplitAreWrittenWhole()
    {
        string[] tokens = ["The", "clerk", "’", "s", "office", "said", "it", "hadn", "’", "t", "been", "filed", ";", "he", "had", "n't", "“", "heard", "”", "."];

        EcbPlusTopic.Join(tokens).ShouldBe("The clerk’s office said it hadn’t been filed; he hadn't “heard”.");
    }

    [Fact]
    public void AQuoteMarkBeforeAWordThatIsNoCliticIsNotJoinedToIt()
    {
        string[] tokens = ["the", "players", "'", "union", "said", "no"];

        EcbPlusTopic.Join(tokens).ShouldBe("the players' union said no");
    }

    [Fact]
    public void ASnippetIsFoundWhateverTheWhiteSpaceAndItsOffsetsPointIntoTheOriginalText()
    {
        const string text = "A quake of magnitude 6. 1 struck.\nIt killed 10 people.";

        var found = SnippetLocator.FindAll(text, "magnitude 6.1 struck");

        found.Count.ShouldBe(1);
        text[found[0].Start..found[0].End].ShouldBe("magnitude 6. 1 struck");
        SnippetLocator.FindAll(text, "killed 11").ShouldBeEmpty();
    }
}
