using System.Text.RegularExpressions;
using Shouldly;
using Sitrep.Claims;
using Sitrep.Corroboration;
using Sitrep.Documents;
using Sitrep.Hypotheses;
using Sitrep.Hypotheses.Files;
using Sitrep.Hypotheses.Matrix;
using Sitrep.Hypotheses.Suggestion;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Tests.Hypotheses;

public sealed class AchTests
{
    // A scenario with a known answer. Weights: E1 1.0 (A1), E2 and E3 0.7225 (B2), E4 0.42 (C3).
    // Heuer inconsistency: H1 0.42, H3 1.0, H2 1.7225. Bayes (log LR 0.405 per C, tempered by weight): H1 0.53, H3 0.18, H2 -0.23.
    private static AchMatrix Scenario()
    {
        Hypothesis[] hypotheses = [H("H1", "the march was a genuine gamble on defections"), H("H2", "the march was staged by regime factions"), H("H3", "the march was an intelligence trap")];
        Evidence[] evidence = [E("E1", 1, "A"), E("E2", 2, "B"), E("E3", 2, "B"), E("E4", 3, "C")];
        var ratings = new Dictionary<(string, string), Cell>
        {
            [("E1", "H1")] = C(Rating.Consistent),
            [("E1", "H2")] = C(Rating.Inconsistent),
            [("E1", "H3")] = C(Rating.Inconsistent),
            [("E2", "H1")] = C(Rating.Consistent),
            [("E2", "H2")] = C(Rating.Consistent),
            [("E2", "H3")] = C(Rating.Consistent),
            [("E3", "H1")] = C(Rating.Neutral),
            [("E3", "H2")] = C(Rating.Inconsistent),
            [("E3", "H3")] = C(Rating.Consistent),
            [("E4", "H1")] = C(Rating.Inconsistent),
            [("E4", "H2")] = C(Rating.Consistent),
            [("E4", "H3")] = C(Rating.Neutral),
        };
        return new AchMatrix(hypotheses, evidence, ratings);
    }

    [Fact]
    public void TheHeuerScoreRanksTheLeastInconsistentHypothesisFirst()
    {
        var scores = AchScorer.Score(Scenario());
        scores.HeuerRanking.ShouldBe(["H1", "H3", "H2"]);
        scores.Inconsistency["H1"].ShouldBe(0.42, 1e-9);
        scores.Inconsistency["H2"].ShouldBe(1.7225, 1e-9);
    }

    [Fact]
    public void TheBayesianScoreAgreesAndPosteriorsSumToOne()
    {
        var scores = AchScorer.Score(Scenario());
        scores.BayesRanking.ShouldBe(["H1", "H3", "H2"]);
        scores.Posterior.Values.Sum().ShouldBe(1.0, 1e-3);
        scores.Posterior["H1"].ShouldBeGreaterThan(scores.Posterior["H3"]);
    }

    [Fact]
    public void TheMostDiagnosticEvidenceIsTheRowThatSeparatesTheHypotheses()
    {
        var scores = AchScorer.Score(Scenario());
        scores.MostDiagnostic.ShouldBe("E1");
        scores.Diagnosticity["E2"].ShouldBe(0, "a row consistent with every hypothesis has no diagnostic value");
    }

    [Fact]
    public void TheLinchpinIsTheRowWhoseRemovalOrReversalChangesTheLeaderUnderBothScores()
    {
        var linchpins = AchScorer.Score(Scenario()).Linchpins;
        linchpins.Select(l => l.Evidence).Distinct().ShouldBe(["E1"]);
        linchpins.ShouldContain(l => l.Method == "heuer" && l.Change == "removal" && l.After == "H3");
        linchpins.ShouldContain(l => l.Method == "bayes" && l.Change == "removal" && l.After == "H3");
        linchpins.ShouldContain(l => l.Method == "heuer" && l.Change == "reversal");
        linchpins.ShouldContain(l => l.Method == "bayes" && l.Change == "reversal");
    }

    [Fact]
    public void EvidenceFromSingleContestedOrLowGradeSourcesIsFlagged()
    {
        var row = new Evidence("p1", "x", 4, "contested", ["B", "E"], null, null, [], [], []);
        row.Flags.ShouldBe(["contested", "source graded E/F: possible deception"]);
        new Evidence("p2", "x", 3, "single-source", ["A"], null, null, [], [], []).Flags.ShouldBe(["single-source"]);
    }

    [Fact]
    public void HypothesesFilesInMarkdownAndYamlAreRead()
    {
        var markdown = AchFiles.ReadHypotheses("# Hypotheses\n\n- The march was a gamble\n* It was staged\n1. It was a trap\n");
        markdown.Select(h => h.Text).ShouldBe(["The march was a gamble", "It was staged", "It was a trap"]);
        markdown.ShouldAllBe(h => h.Origin == HypothesisOrigin.User);

        var yaml = AchFiles.ReadHypotheses("hypotheses:\n  - id: G\n    text: \"The march was a gamble\"\n  - 'Plain incompetence'\n");
        yaml.Select(h => (h.Id, h.Text)).ShouldBe([("G", "The march was a gamble"), ("U2", "Plain incompetence")]);
    }

    [Fact]
    public void RatingOverridesWinOverSuggestionsAndABadCodeIsNamed()
    {
        var ratings = AchFiles.ReadRatingsText("evidence,hypothesis,rating,reason\np1,H1,II,contradicted by the flight logs\n");
        ratings[("p1", "H1")].ShouldBe(new Cell(Rating.VeryInconsistent, "contradicted by the flight logs", true));
        Should.Throw<Sitrep.Errors.SitrepException>(() => AchFiles.ReadRatingsText("evidence,hypothesis,rating\np1,H1,XX\n")).Message.ShouldContain("'XX'");
    }

    [Fact]
    public void RhetoricalAlternativesAndExplicitTheoriesAreSuggestedWithTheirSources()
    {
        var text = "So what was the march? A desperate bet that the army would switch sides? A piece of theatre staged for foreign viewers? Perhaps.\n\n" +
                   "One possibility is that it was a trap to flush out foreign agents.";
        var corpus = Analyze(Document.Create(text, "op.txt").WithSource(new Source("Op-ed", null, null, null, Reliability.D)).Build());

        var suggested = HypothesisSuggester.Suggest(corpus);

        suggested.Select(h => h.Text).ShouldBe(["It was a desperate bet that the army would switch sides", "It was a piece of theatre staged for foreign viewers", "It was a trap to flush out foreign agents"]);
        suggested.ShouldAllBe(h => h.Sources.Count == 1 && h.Origin == HypothesisOrigin.Suggested);
        text[suggested[0].Sources[0].Start..suggested[0].Sources[0].End].ShouldStartWith("A desperate bet");
    }

    [Fact]
    public void HeadingsQuestionsUrlsBylinesAndHedgedJudgmentsAreNeverSuggested()
    {
        var text = "# Theatre on the M4: the mutiny was a performance\n\nTheatre in Rostov: the mutiny was a performance\n\nBy Jane Roe\n\n" +
                   "Was the march really staged by the Kremlin, I wonder?\n\nRead more at https://example.org/the-march-was-a-performance today.\n\n" +
                   "It is unlikely that the march was staged by the Kremlin.\n\nOne possibility is that the march was staged by the Kremlin to purge the army.";
        var corpus = Analyze(Document.Create(text, "op.md").Build());

        var suggested = HypothesisSuggester.Suggest(corpus);

        suggested.ShouldHaveSingleItem().Text.ShouldBe("The march was staged by the Kremlin to purge the army");
        suggested[0].Sources.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("My read: it was a real gamble and it failed.", "It was a real gamble and it failed")]
    [InlineData("So, I think it was incompetence on every side, This was obvious.", "It was incompetence on every side")]
    [InlineData("Staged, start to finish.", null)]
    [InlineData("Was it staged?", null)]
    [InlineData("Posted by RedStar at https://example.net/x", null)]
    public void ASuggestionIsACleanProposition(string sentence, string? proposition) =>
        HypothesisSuggester.Proposition(sentence).ShouldBe(proposition);

    [Fact]
    public void SuggestionsArguingTheSameExplanationAreMerged()
    {
        var text = "The gamble was that the army would defect to him. It did not.\n\nMy theory is that he gambled the generals would support them and fall in behind him.";
        var suggested = HypothesisSuggester.Suggest(Analyze(Document.Create(text, "t.txt").Build()));

        suggested.ShouldHaveSingleItem().Sources.Count.ShouldBe(2);
    }

    [Fact]
    public void TheSeedsSuggestTheFourCompetingExplanationsEachCited()
    {
        var seeds = SharedData.Require("seeds");
        var documents = Directory.GetFiles(seeds).Order(StringComparer.Ordinal).Select(f => Document.Create(File.ReadAllText(f), Path.GetFileName(f)).Build()).ToArray();
        var corpus = Analyze(documents);

        var suggested = corpus.Layers.Get<AchLayer>().Matrix.Hypotheses;

        suggested.Count.ShouldBeGreaterThanOrEqualTo(4);
        suggested.ShouldContain(h => Regex.IsMatch(h.Text, "gambl|defect|military would support|falling in behind", RegexOptions.IgnoreCase), "a genuine gamble on defections");
        suggested.ShouldContain(h => Regex.IsMatch(h.Text, "choreograph|staged|performance|kabuki|theat", RegexOptions.IgnoreCase), "a staged or choreographed conflict");
        suggested.ShouldContain(h => Regex.IsMatch(h.Text, "intelligence trap|ferret", RegexOptions.IgnoreCase), "an intelligence trap");
        suggested.ShouldContain(h => Regex.IsMatch(h.Text, "incompeten", RegexOptions.IgnoreCase), "incompetence");
        foreach (var h in suggested)
        {
            h.Sources.ShouldNotBeEmpty();
            var doc = corpus.ById[h.Sources[0].DocumentId].Document;
            doc.Slice(h.Sources[0]).ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void TheAnalysisIsDeterministic()
    {
        var seedsLike = "The gamble was that the army would defect. It did not.\n\nOne possibility is that it was a trap for foreign agents. Officials denied any trap.";
        var a = Analyze(Document.Create(seedsLike, "a.txt").Build()).Layers.Get<AchLayer>();
        var b = Analyze(Document.Create(seedsLike, "a.txt").Build()).Layers.Get<AchLayer>();
        a.Snapshot.ToJson().ShouldBe(b.Snapshot.ToJson());
        a.Scores.BayesRanking.ShouldBe(b.Scores.BayesRanking);
    }

    private static Corpus Analyze(params Document[] documents)
    {
        var pipeline = new AnalysisPipelineBuilder().Use(new SentenceStage()).Use(new TimexStage()).Use(new ClaimStage(new ClaimOptions { UseSyntax = false })).Use(new PropositionStage()).Use(new AchStage()).Build();
        var batch = pipeline.AnalyzeBatch(documents);
        var corpus = new Corpus(batch.Documents);
        pipeline.AnalyzeCorpus(corpus);
        corpus.Errors.ShouldBeEmpty();
        return corpus;
    }

    private static Hypothesis H(string id, string text) => new(id, text, HypothesisOrigin.User, []);

    private static Evidence E(string id, int credibility, string reliability) => new(id, id, credibility, "corroborated", [reliability], null, null, [], [], []);

    private static Cell C(Rating rating) => new(rating, "scenario");
}
