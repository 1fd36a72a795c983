using Shouldly;
using Sitrep.Corroboration;
using Sitrep.Corroboration.Propositions;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Corroboration;

public sealed class PropositionTests
{
    [Fact]
    public void WhenOneSourceSaysTheChargesWereDroppedAndAnotherThatTheyWereNot_TheyAreOneContestedPropositionWithAContradiction()
    {
        var corpus = Analyze(
            Doc("a.txt", "All criminal charges against the militia leader were dropped on Tuesday.", "Harbour Times", Reliability.B),
            Doc("b.txt", "The criminal charges against the militia leader were not dropped, prosecutors insisted.", "Valley Post", Reliability.C));

        var layer = corpus.Layers.Get<PropositionLayer>();
        var proposition = layer.Propositions.Single(p => p.Claims.Count == 2);
        proposition.Status.ShouldBe(CorroborationStatus.Contested);
        proposition.Stances.Select(s => s.Stance).ShouldBe([StanceKind.Support, StanceKind.Deny], ignoreOrder: true);
        var contradiction = layer.Contradictions.Single();
        contradiction.IsUpdate.ShouldBeFalse();
        contradiction.Reason.ShouldStartWith("negation:");
    }

    [Fact]
    public void NumbersForTheSameThingThatCannotBothHoldAreAContradiction()
    {
        var corpus = Analyze(
            new PropositionStage(withFigures: true),
            Doc("a.txt", "About 5,000 fighters took part in the march on the capital.", "Harbour Times", Reliability.B),
            Doc("b.txt", "Some 25,000 fighters took part in the march on the capital.", "Valley Post", Reliability.C));

        var contradiction = corpus.Layers.Get<PropositionLayer>().Contradictions.Single();
        contradiction.Reason.ShouldStartWith("force size:");
        contradiction.Reason.ShouldContain("5,000");
        contradiction.Reason.ShouldContain("25,000");
    }

    [Fact]
    public void NumbersThatOverlapAreNotAContradiction()
    {
        var corpus = Analyze(
            Doc("a.txt", "At least 13 airmen were killed when the helicopters were shot down.", "Harbour Times", Reliability.B),
            Doc("b.txt", "At least 15 airmen were killed when the helicopters were shot down.", "Valley Post", Reliability.C));

        var layer = corpus.Layers.Get<PropositionLayer>();
        layer.Propositions.ShouldContain(p => p.Claims.Count == 2 && p.Status == CorroborationStatus.Corroborated);
        layer.Contradictions.ShouldBeEmpty();
    }

    [Fact]
    public void AntonymousPredicatesAreAContradiction()
    {
        var corpus = Analyze(
            Doc("a.txt", "The president fled the capital on the first night of the mutiny.", "Harbour Times", Reliability.B),
            Doc("b.txt", "The president stayed in the capital on the first night of the mutiny.", "Valley Post", Reliability.C));

        corpus.Layers.Get<PropositionLayer>().Contradictions.Single().Reason.ShouldStartWith("antonyms:");
    }

    [Fact]
    public void ALaterReportFromTheSameOutletIsAnUpdateNotAContradiction()
    {
        var corpus = Analyze(
            Doc("a.txt", "The criminal case against the militia leader remains open, officials said.", "Harbour Times", Reliability.B, new DateTimeOffset(2023, 6, 26, 9, 0, 0, TimeSpan.Zero)),
            Doc("b.txt", "The criminal case against the militia leader was dropped, officials said.", "Harbour Times", Reliability.B, new DateTimeOffset(2023, 6, 27, 18, 0, 0, TimeSpan.Zero)));

        var contradiction = corpus.Layers.Get<PropositionLayer>().Contradictions.Single();
        contradiction.IsUpdate.ShouldBeTrue();
        contradiction.Reason.ShouldStartWith("later report revises the earlier one");
    }

    [Fact]
    public void ALaterReportFromAnotherOutletThatSaysItCorrectsTheRecordIsAnUpdate()
    {
        var corpus = Analyze(
            Doc("a.txt", "The president fled the capital on the first night of the mutiny.", "Harbour Times", Reliability.C, new DateTimeOffset(2023, 6, 24, 9, 0, 0, TimeSpan.Zero)),
            Doc("b.txt", "Correction: an earlier version of this story was wrong. The president stayed in the capital on the first night of the mutiny.", "Valley Post", Reliability.B, new DateTimeOffset(2023, 6, 25, 9, 0, 0, TimeSpan.Zero)));

        corpus.Layers.Get<PropositionLayer>().Contradictions.Single().IsUpdate.ShouldBeTrue();
    }

    [Fact]
    public void SyndicatedCopiesCountAsOneIndependentSource()
    {
        var text = "Armoured vehicles surrounded the regional army headquarters before dawn on Saturday.";
        var wire = Doc("wire.txt", text, "Wire Service", Reliability.B);
        var copy = Doc("copy.txt", "Republished. " + text, "Local Paper", Reliability.C);
        var other = Doc("other.txt", "Armoured vehicles surrounded the regional army headquarters before dawn, residents said.", "Radio North", Reliability.C);
        var groups = new Dictionary<string, string> { [wire.Id] = "syn:1", [copy.Id] = "syn:1" };

        var corpus = Analyze(new PropositionStage((_, id) => groups.GetValueOrDefault(id)), wire, copy, other);

        var proposition = corpus.Layers.Get<PropositionLayer>().Propositions.Single(p => p.Claims.Count == 3);
        proposition.IndependentSources.ShouldBe(2);
        proposition.Status.ShouldBe(CorroborationStatus.Corroborated);
    }

    [Fact]
    public void OneSpokesmanQuotedByThreeOutletsIsOneSource()
    {
        var corpus = Analyze(
            Doc("a.txt", "Peskov said the president was working in the Kremlin all day.", "Harbour Times", Reliability.B),
            Doc("b.txt", "Peskov said the president was working in the Kremlin all day on Saturday.", "Valley Post", Reliability.B),
            Doc("c.txt", "Peskov said that the president was working in the Kremlin all day long.", "Radio North", Reliability.C));

        var proposition = corpus.Layers.Get<PropositionLayer>().Propositions.Single(p => p.Claims.Count == 3);
        proposition.IndependentSources.ShouldBe(1);
        proposition.Status.ShouldBe(CorroborationStatus.SingleSource);
    }

    [Fact]
    public void AClaimOnlyOneSourceMakesIsSingleSourceAndAQuestionIsAQuery()
    {
        var corpus = Analyze(
            Doc("a.txt", "The convoy stopped two hundred kilometres short of the capital.", "Harbour Times", Reliability.B),
            Doc("b.txt", "Did the convoy really stop two hundred kilometres short of the capital?", "Forum", Reliability.F));

        var proposition = corpus.Layers.Get<PropositionLayer>().Propositions.Single(p => p.Claims.Count == 2);
        proposition.Status.ShouldBe(CorroborationStatus.SingleSource);
        proposition.Stances.Single(s => s.Stance == StanceKind.Query).DocumentId.ShouldNotBeNull();
    }

    [Fact]
    public void GroupingScalesByBlockingNotAllPairs()
    {
        // Ten thousand claims about a thousand distinct topics: each topic's ten paraphrases group together.
        var words = new List<IReadOnlyList<string>>();
        for (var topic = 0; topic < 1000; topic++)
        {
            for (var copy = 0; copy < 10; copy++)
            {
                words.Add([$"actor{topic}", $"place{topic}", $"event{topic}", "said", $"extra{(topic * 10) + copy}"]);
            }
        }

        var groups = new PropositionGrouper().Cluster(words);

        groups.Count.ShouldBe(1000);
        groups.ShouldAllBe(g => g.Members.Count == 10);
    }

    private static Document Doc(string path, string text, string outlet, Reliability reliability, DateTimeOffset? published = null) =>
        Document.Create(text, path).WithKind(DocumentKind.Article).WithSource(new Source(outlet, null, null, published, reliability)).Build();

    private static Corpus Analyze(params Document[] documents) => Analyze(new PropositionStage(), documents);

    private static Corpus Analyze(PropositionStage stage, params Document[] documents) => PropositionPipeline.Analyze(stage, documents);
}
