using Shouldly;
using Sitrep.Hypotheses;
using Sitrep.Hypotheses.Evaluation;
using Sitrep.Hypotheses.Matrix;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Hypotheses;

public sealed class MeaningRaterTests
{
    private static readonly Hypothesis Staged = new("H1", "The mutiny was staged by factions within the regime", HypothesisOrigin.User, []);
    private static readonly Hypothesis Gamble = new("H2", "The march was a genuine gamble that the army would defect", HypothesisOrigin.User, []);

    [Fact]
    public void ItIsUnlikelyThatTheEpisodeWasStaged_IsInconsistentWithStaged_NeverConsistent()
    {
        var row = Row("p1", "It is unlikely that the episode was staged by rival factions.", likelihood: "unlikely");
        row.Frame.Statement.ShouldBe("The episode was staged by rival factions.");
        var meaning = new FakeMeaning().Says(row.Frame.Statement!, Staged.Text, 0.9, 0.02);

        var (cells, _) = MeaningRater.Rate([Staged, Gamble], [row], meaning);

        var cell = cells[("p1", "H1")];
        cell.Rating.ShouldBe(Rating.Inconsistent);
        cell.Reason.ShouldContain("entails, P=0.90");
        cell.Reason.ShouldContain("unlikely (20–45%)");
        cells.ShouldNotContainKey(("p1", "H2"));
    }

    [Fact]
    public void AVeryUnlikelyJudgmentIsVeryInconsistentAndAVeryLikelyOneVeryConsistent()
    {
        var against = Row("p1", "We judge it very unlikely that the mutiny was staged by regime factions.", likelihood: "very_unlikely");
        var for_ = Row("p2", "We assess the march was very likely a genuine gamble that the army would defect.", likelihood: "very_likely");
        var meaning = new FakeMeaning().Says(against.Frame.Statement!, Staged.Text, 0.85, 0).Says(for_.Frame.Statement!, Gamble.Text, 0.7, 0);

        var (cells, _) = MeaningRater.Rate([Staged, Gamble], [against, for_], meaning);

        cells[("p1", "H1")].Rating.ShouldBe(Rating.VeryInconsistent);
        cells[("p2", "H2")].Rating.ShouldBe(Rating.VeryConsistent);
    }

    [Fact]
    public void AJudgmentThatRestatesOneHypothesisInOtherWordsIsRatedByItsLikelihoodWhenThePairModelIsUnsure()
    {
        var row = Row("p1", "It is unlikely that the mutiny was staged by factions within the regime, start to finish.", likelihood: "unlikely");
        var meaning = new FakeMeaning().Says(row.Frame.Statement!, Staged.Text, 0.2, 0.01);

        var (cells, _) = MeaningRater.Rate([Staged, Gamble], [row], meaning);

        var cell = cells[("p1", "H1")];
        cell.Rating.ShouldBe(Rating.Inconsistent);
        cell.Reason.ShouldContain("states it in other words");
        cells.ShouldNotContainKey(("p1", "H2"));
    }

    [Fact]
    public void ARestatementThePairModelReadsAsAContradictionIsNotRatedAsOne()
    {
        var row = Row("p1", "The mutiny was staged by factions within the regime, start to finish.");
        var meaning = new FakeMeaning().Says(row.Frame.Statement!, Staged.Text, 0.2, 0.3);

        var (cells, _) = MeaningRater.Rate([Staged, Gamble], [row], meaning);

        cells.ShouldBeEmpty();
    }

    [Fact]
    public void WhenThePairModelIsUnsure_TheCellStaysUnratedAndIsOfferedAsACandidate()
    {
        var row = Row("p1", "Staged or not, the mutiny exposed regime factions.");
        var meaning = new FakeMeaning().Says(row.Frame.Statement!, Staged.Text, 0.45, 0.1);

        var (cells, candidates) = MeaningRater.Rate([Staged, Gamble], [row], meaning);

        cells.ShouldBeEmpty("sharing the word 'staged' is not enough");
        candidates.ShouldHaveSingleItem().Hypothesis.ShouldBe("H1");
        candidates[0].Reason.ShouldContain("unsure");
    }

    [Fact]
    public void AnEntailmentThatDoesNotNameWhatSetsTheHypothesisApartIsNotRated()
    {
        var row = Row("p1", "The mutiny happened in June.");
        var meaning = new FakeMeaning().Says(row.Frame.Statement!, Staged.Text, 0.95, 0);

        var (cells, candidates) = MeaningRater.Rate([Staged, Gamble], [row], meaning);

        cells.ShouldBeEmpty();
        candidates.ShouldHaveSingleItem().Reason.ShouldContain("does not name what sets the hypothesis apart");
    }

    [Fact]
    public void SharingOnlyTheHypothesisSubjectsNameOrAPronounIsNotBeingAboutIt()
    {
        var walkIn = new Hypothesis("H1", "Sokolov thought he could walk into the capital and take power, with the army behind him", HypothesisOrigin.User, []);
        var outburst = new Hypothesis("H2", "It was an outburst by the militia chief against generals he despised", HypothesisOrigin.User, []);
        var name = Row("p1", "Commander Sokolov was let go so that the militia would stand down.");
        var pronoun = Row("p2", "They let him go so that the militia would stand down.");
        var meaning = new FakeMeaning().Says(name.Frame.Statement!, walkIn.Text, 0.7, 0).Says(pronoun.Frame.Statement!, walkIn.Text, 0.7, 0);

        var (cells, candidates) = MeaningRater.Rate([walkIn, outburst], [name, pronoun], meaning);

        cells.ShouldNotContainKey(("p1", "H1"));
        cells.ShouldNotContainKey(("p2", "H1"));
        candidates.ShouldContain(c => c.Evidence.Id == "p1" && c.Reason.Contains("does not name what sets the hypothesis apart"));
    }

    [Fact]
    public void ARestatementThatNamesOnlyOneWordThatSetsTheHypothesisApartIsNotRated()
    {
        var walkIn = new Hypothesis("H1", "The march was a bet that the regular military would fall in behind the rebels", HypothesisOrigin.User, []);
        var other = new Hypothesis("H2", "The march was a scripted show for foreign audiences", HypothesisOrigin.User, []);
        var near = Row("p1", "The fighters were let go so that their troops would stand down.");
        var meaning = new NearWords(new FakeMeaning().Says(near.Frame.Statement!, walkIn.Text, 0.3, 0), walkIn.Text, ("troops", "military"));

        var (cells, candidates) = MeaningRater.Rate([walkIn, other], [near], meaning);

        cells.ShouldNotContainKey(("p1", "H1"));
        candidates.ShouldContain(c => c.Evidence.Id == "p1" && c.Reason.Contains("names only one of the words"));
    }

    [Fact]
    public void ARestatementInOtherWordsThatNamesTwoOfThemIsRated()
    {
        var walkIn = new Hypothesis("H1", "The march was a bet that the regular military would fall in behind the rebels", HypothesisOrigin.User, []);
        var other = new Hypothesis("H2", "The march was a scripted show for foreign audiences", HypothesisOrigin.User, []);
        var row = Row("p1", "The fighters gambled that the army would come over to them.");
        var meaning = new NearWords(new FakeMeaning().Says(row.Frame.Statement!, walkIn.Text, 0.3, 0), walkIn.Text, ("army", "military"), ("gambled", "bet"));

        var (cells, _) = MeaningRater.Rate([walkIn, other], [row], meaning);

        cells[("p1", "H1")].Rating.ShouldBe(Rating.Consistent);
        cells[("p1", "H1")].Reason.ShouldContain("states it in other words");
    }

    [Fact]
    public void AnEntailmentAcrossANegationOnlyOneSideHasIsNotRated()
    {
        var row = Row("p1", "Regime factions did not stage the mutiny.", negated: true);
        var meaning = new FakeMeaning().Says(row.Frame.Statement!, Staged.Text, 0.9, 0.05);

        MeaningRater.Rate([Staged, Gamble], [row], meaning).Cells.ShouldBeEmpty();
    }

    [Fact]
    public void ADenialThePairModelReadsAsEntailmentIsReadByTheFrameAsADenial()
    {
        var row = Row("p1", "The mutiny was not staged by regime factions.", negated: true);
        var meaning = new FakeMeaning().Says(row.Frame.Statement!, Staged.Text, 0.9, 0.05);

        var cell = MeaningRater.Rate([Staged, Gamble], [row], meaning).Cells.ShouldHaveSingleItem();

        cell.Key.ShouldBe(("p1", "H1"));
        cell.Value.Rating.ShouldBe(Rating.Inconsistent);
        cell.Value.Reason.ShouldStartWith("frame rule: the source says the event was not staged");
    }

    [Fact]
    public void EvidenceOfAnotherEventClassIsNotRated()
    {
        var killed = new Hypothesis("H1", "Dozens of soldiers were killed in the fighting", HypothesisOrigin.User, []);
        var row = Row("p1", "A deal was agreed with the soldiers in the evening.", eventClass: "negotiate");
        var meaning = new FakeMeaning().Says(row.Frame.Statement!, killed.Text, 0.9, 0);

        var (cells, candidates) = MeaningRater.Rate([killed], [row], meaning);

        cells.ShouldBeEmpty();
        candidates.ShouldHaveSingleItem().Reason.ShouldContain("the events differ");
    }

    [Fact]
    public void AircrewKilledWeighsAgainstAStagedFightWithoutAnyModel()
    {
        var row = Row("p1", "At least 13 airmen were killed when their aircraft were shot down.", eventClass: "kill", harmed: 13);

        var (cells, _) = MeaningRater.Rate([Staged, Gamble], [row], meaning: null);

        cells[("p1", "H1")].Rating.ShouldBe(Rating.Inconsistent);
        cells[("p1", "H1")].Reason.ShouldContain("real harm");
        cells.ShouldNotContainKey(("p1", "H2"));
    }

    [Fact]
    public void AHypothesisThatDeniesStagingIsNotHitByTheHarmRule()
    {
        var notStaged = new Hypothesis("H1", "The fighting was not staged", HypothesisOrigin.User, []);
        var row = Row("p1", "At least 13 airmen were killed.", eventClass: "kill", harmed: 13);

        MeaningRater.Rate([notStaged], [row], meaning: null).Cells.ShouldBeEmpty();
    }

    [Fact]
    public void WhenNothingIsRated_TheScoresSayPlainlyThatNoEvidenceDiscriminates()
    {
        var snapshot = new AchSnapshot([Staged, Gamble], [Row("p1", "The FSB closed the case.")]);

        var (matrix, scores) = snapshot.Analyse(AchOptions.Default, new FakeMeaning());

        matrix.Evidence.ShouldBeEmpty();
        scores.Discriminates.ShouldBeFalse();
        scores.Discrimination.ShouldStartWith("No evidence discriminates between the hypotheses");
    }

    [Fact]
    public void WhenEveryRatedRowBearsOnAllHypothesesAlike_NoEvidenceDiscriminates()
    {
        var e = new Evidence("E1", "x", 2, "corroborated", ["B"], null, null, [], [], []);
        var matrix = new AchMatrix([Staged, Gamble], [e], new Dictionary<(string, string), Cell> { [("E1", "H1")] = new(Rating.Consistent, "r"), [("E1", "H2")] = new(Rating.Consistent, "r") });

        var scores = AchScorer.Score(matrix);

        scores.Discrimination.ShouldBe("No evidence discriminates between the hypotheses: the 1 rated rows bear on them all alike.");
    }

    [Fact]
    public void RatedRowsFormTheMatrixAndTheReasonTravelsWithTheCell()
    {
        var row = Row("p1", "It is unlikely that the episode was staged by rival factions.", likelihood: "unlikely");
        var meaning = new FakeMeaning().Says(row.Frame.Statement!, Staged.Text, 0.9, 0);

        var (matrix, scores) = new AchSnapshot([Staged, Gamble], [row, Row("p2", "The FSB closed the case.")]).Analyse(AchOptions.Default, meaning);

        matrix.Evidence.Select(e => e.Id).ShouldBe(["p1"]);
        matrix.CellAt("p1", "H1").Reason.ShouldContain("fake.pairs");
        scores.Discriminates.ShouldBeTrue();
        scores.HeuerRanking[0].ShouldBe("H2");
    }

    [Fact]
    public void TheSnapshotKeepsEachRowsFrameSoAchCanReScoreFromTheStore()
    {
        var row = Row("p1", "It is unlikely that the episode was staged.", likelihood: "unlikely", eventClass: "kill", harmed: 2);

        var back = AchSnapshot.FromJson(new AchSnapshot([Staged], [row]).ToJson());

        back.Evidence[0].Frame.ShouldBe(row.Frame);
    }

    [Theory]
    [InlineData("We assess that the mutiny was very likely a genuine gamble.", "very likely", "The mutiny was a genuine gamble.")]
    [InlineData("It is unlikely that the episode was staged. (Moderate confidence.)", "unlikely", "The episode was staged.")]
    [InlineData("We judge it very unlikely that it was a trap.", "very unlikely", "It was a trap.")]
    [InlineData("There is a roughly even chance that they waited on purpose.", "roughly even chance", "They waited on purpose.")]
    [InlineData("It was a performance.", null, "It was a performance.")]
    [InlineData("That isn't theatre.", null, "That isn't theatre.")]
    public void TheStatementDropsTheEstimativeFrameButKeepsTheProposition(string text, string? hedge, string statement) =>
        EvidenceFrames.Statement(text, hedge).ShouldBe(statement);

    [Fact]
    public void TheGoldEvaluatorCountsRatingsMadeAndPairsLeftUnrated()
    {
        var gold = AchGold.Parse("""
            { "hypotheses": [ { "id": "S", "text": "The mutiny was staged by factions within the regime." } ],
              "evidence": [
                { "id": "a", "split": "dev", "text": "At least 13 airmen were killed when their aircraft was shot down.", "gold": { "S": "I|II" } },
                { "id": "b", "split": "dev", "text": "The FSB closed the case on 27 June.", "gold": {} },
                { "id": "c", "split": "test", "text": "Nobody was hurt.", "gold": {} } ] }
            """);

        var score = AchGoldEvaluator.Score(gold, meaning: null, split: "dev");

        score.Pairs.ShouldBe(2);
        score.Rated.ShouldBe(1);
        score.Correct.ShouldBe(1);
        score.Unrated.ShouldBe(1);
        AchGoldEvaluator.Report(score, "dev").ShouldEndWith("ach: precision 1.0000 over 1 ratings, 1 of 2 unrated");
    }

    [Fact]
    public void ASourceThatSaysTheEventWasNotWhatTheHypothesisCallsItIsInconsistentWithoutAnyModel()
    {
        var trap = new Hypothesis("H1", "It was a trap", HypothesisOrigin.Suggested, []);
        var theatre = new Hypothesis("H2", "It was a piece of political theatre, scripted between factions of the same regime", HypothesisOrigin.Suggested, []);
        var notTrap = Row("p1", "It was not a trap.");
        var notTheatre = Row("p2", "That isn't theatre, it's a system where nobody is in charge of anything.");

        var (cells, _) = MeaningRater.Rate([trap, theatre], [notTrap, notTheatre], meaning: null);

        cells[("p1", "H1")].Rating.ShouldBe(Rating.Inconsistent);
        cells[("p1", "H1")].Reason.ShouldBe("frame rule: the source says the event was not a 'trap' ('It was not a trap')");
        cells[("p2", "H2")].Rating.ShouldBe(Rating.Inconsistent);
        cells.ShouldNotContainKey(("p1", "H2"));
        cells.ShouldNotContainKey(("p2", "H1"));
    }

    [Fact]
    public void AnAssessmentThatCallsTheEventWhatTheHypothesisCallsItIsRatedWithItsLikelihood()
    {
        var gamble = new Hypothesis("H1", "It was a desperate gamble that the army would switch sides", HypothesisOrigin.Suggested, []);
        var staged = new Hypothesis("H2", "It was a piece of political theatre, scripted between factions of the same regime", HypothesisOrigin.Suggested, []);
        var assessed = Row("p1", "We assess that the mutiny was very likely a genuine gamble by Prigozhin, launched in the hope that the army would defect.", likelihood: "very_likely");
        var performance = Row("p2", "It was staged, start to finish.");

        var (cells, _) = MeaningRater.Rate([gamble, staged], [assessed, performance], meaning: null);

        cells[("p1", "H1")].Rating.ShouldBe(Rating.VeryConsistent);
        cells[("p1", "H1")].Reason.ShouldContain("both call the event a 'gamble' ('The mutiny was a genuine gamble')");
        cells[("p2", "H2")].Rating.ShouldBe(Rating.Consistent);
        cells.ShouldNotContainKey(("p1", "H2"));
        cells.ShouldNotContainKey(("p2", "H1"));
    }

    [Theory]
    [InlineData("It was a trap for Prigozhin.")]
    [InlineData("It could be a trap.")]
    [InlineData("Whether it was a trap nobody knows.")]
    [InlineData("The deal was a trap set by Western intelligence sources.")]
    [InlineData("Prigozhin walked into a trap.")]
    public void ATrapOfAnotherKindOrOnlyPossibleOrOfAnotherThingIsNotRated(string text)
    {
        var trap = new Hypothesis("H1", "It was an intelligence trap for Western intelligence sources", HypothesisOrigin.Suggested, []);

        var (cells, _) = MeaningRater.Rate([trap], [Row("p1", text)], meaning: null);

        cells.ShouldBeEmpty();
    }

    [Fact]
    public void WhenThePairModelAndTheFramePointOppositeWays_TheCellIsLeftToTheAnalyst()
    {
        var coup = new Hypothesis("H1", "It was a coup", HypothesisOrigin.Suggested, []);
        var row = Row("p1", "This is a coup, whatever the Kremlin says.");
        var meaning = new FakeMeaning().Says(row.Frame.Statement!, coup.Text, 0.01, 0.97);

        var (cells, candidates) = MeaningRater.Rate([coup], [row], meaning);

        cells.ShouldBeEmpty();
        candidates.ShouldHaveSingleItem().Reason.ShouldContain("point opposite ways");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void WithTheRealPairModel_TheDevGoldIsRatedWithoutAWrongRating()
    {
        var path = Path.Combine(SharedData.RepositoryRoot, "tests", "gold", "ach", "wagner-ach.json");
        var score = AchGoldEvaluator.Score(AchGold.Parse(File.ReadAllText(path)), Sitrep.Engine.NliAchMeaning.Default, "dev");

        score.Precision.ShouldBe(1.0, string.Join("\n", score.Lines));
        score.Found.ShouldBeGreaterThanOrEqualTo(3);
    }

    private static Evidence Row(string id, string text, string? likelihood = null, bool negated = false, string? eventClass = null, double? harmed = null)
    {
        var hedge = likelihood switch
        {
            "unlikely" => "unlikely",
            "very_unlikely" => "very unlikely",
            "very_likely" => "very likely",
            _ => null,
        };
        var frame = new EvidenceFrame(EvidenceFrames.Statement(text, hedge), likelihood, false, negated, eventClass, eventClass is null ? null : "killed", harmed);
        return new Evidence(id, text, 2, "corroborated", ["B"], null, null, [], [], []) { Frame = frame };
    }

    // Single words get the fake's vectors, except that each given pair of words reads as one word; a sentence opening
    // "The fighters" sits at cosine 0.70 from the first hypothesis and 0 from the other, so it restates the first by
    // closeness alone.
    private sealed class NearWords(FakeMeaning inner, string first, params (string A, string B)[] near) : Sitrep.Hypotheses.Meaning.IAchMeaning
    {
        public string Name => inner.Name;

        public IReadOnlyList<Sitrep.Hypotheses.Meaning.PairProbabilities> Judge(IReadOnlyList<(string Premise, string Hypothesis)> pairs, CancellationToken cancellationToken = default) =>
            inner.Judge(pairs, cancellationToken);

        public IReadOnlyList<float[]> Encode(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default) =>
            [.. sentences.Select(Vector)];

        private float[] Vector(string s)
        {
            var v = new float[67 + near.Length];
            var pair = Array.FindIndex(near, n => n.A == s || n.B == s);
            if (pair >= 0)
            {
                v[67 + pair] = 1;
            }
            else if (s == first)
            {
                v[65] = 1;
            }
            else if (s.StartsWith("The fighters", StringComparison.Ordinal))
            {
                v[65] = 0.7f;
                v[66] = (float)Math.Sqrt(1 - (0.7 * 0.7));
            }
            else if (s.Contains(' ', StringComparison.Ordinal))
            {
                v[0] = 1;
            }
            else
            {
                inner.Encode([s])[0].AsSpan(0, 64).CopyTo(v);
            }

            return v;
        }
    }
}
