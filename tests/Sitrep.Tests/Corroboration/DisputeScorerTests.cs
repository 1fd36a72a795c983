using Shouldly;
using Sitrep.Claims;
using Sitrep.Corroboration.Evaluation;
using Sitrep.Corroboration.Propositions;
using Sitrep.Documents;

namespace Sitrep.Tests.Corroboration;

/// <summary>The disputes scorer on hand-built gold and predictions.</summary>
public sealed class DisputeScorerTests
{
    private const string First = "A quake struck 10 km east of the town, killing 10 people. It measured 5.9.";
    private const string Second = "Officials said three people were killed. The quake hit 6 miles east of the town.";
    private const string Third = "The USGS said it was 6.1. The toll rose to 10.";

    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal) { ["1_1ecb"] = First, ["1_2ecb"] = Second, ["1_3ecb"] = Third, ["1_1ecbplus"] = "Another quake killed 40 people." };

    private static readonly DisputeGoldTopic Gold = new(
        1,
        "written for the test",
        [
            new GoldSubEvent(
                "1-ecb",
                "ecb",
                "a quake",
                ["1_1ecb", "1_2ecb", "1_3ecb"],
                [
                    new GoldDispute("1-killed", "figure", "quake", "killed", "people", null, [Side("10", ("1_1ecb", "killing 10 people")), Side("3", ("1_2ecb", "three people were killed"))]),
                    new GoldDispute("1-magnitude", "figure", "quake", "magnitude", null, null, [Side("5.9", ("1_1ecb", "It measured 5.9")), Side("6.1", ("1_3ecb", "it was 6.1"))]),
                ],
                [new GoldDispute("1-toll", "figure", "quake", "killed", "people", null, [Side("3", ("1_2ecb", "three people were killed")), Side("10", ("1_3ecb", "The toll rose to 10"))])],
                [new GoldAgreement("1-east", "east of the town", [new DisputeMention("1_1ecb", "east of the town"), new DisputeMention("1_2ecb", "east of the town")])],
                [new GoldFalsePair("1-units", "same-value-other-unit", [new DisputeMention("1_1ecb", "10 km east")], [new DisputeMention("1_2ecb", "6 miles east")], "10 km is 6 miles")]),
            new GoldSubEvent("1-ecbplus", "ecbplus", "another quake", ["1_1ecbplus"], [], [], [], []),
        ],
        "test");

    [Fact]
    public void APairOverlappingTwoSidesOfADisputeIsCorrectInEitherOrder()
    {
        var scorer = new DisputeScorer(Gold, Texts);

        var verdict = scorer.Judge(Pair(ReportedKind.Contradiction, Span("1_2ecb", Second, "Officials said three people were killed."), Span("1_1ecb", First, "killing 10 people")));

        verdict.Correct.ShouldBeTrue();
        verdict.Category.ShouldBe("dispute");
        verdict.GoldId.ShouldBe("1-killed");
        scorer.Missing.ShouldBeEmpty();
    }

    [Fact]
    public void AFalsePairAnAgreementAnUpdateAndAnotherSubEventAreEachNamed()
    {
        var scorer = new DisputeScorer(Gold, Texts);

        scorer.Judge(Pair(ReportedKind.Contradiction, Span("1_1ecb", First, "10 km east"), Span("1_2ecb", Second, "6 miles east"))).Category.ShouldBe("false pair: same-value-other-unit");
        scorer.Judge(Pair(ReportedKind.Contradiction, Span("1_2ecb", Second, "Officials said three people were killed."), Span("1_3ecb", Third, "The toll rose to 10."))).Category.ShouldBe("gold update");
        scorer.Judge(Pair(ReportedKind.Update, Span("1_2ecb", Second, "Officials said three people were killed."), Span("1_3ecb", Third, "The toll rose to 10."))).Correct.ShouldBeTrue();
        scorer.Judge(Pair(ReportedKind.Contradiction, Span("1_1ecb", First, "killing 10 people"), Span("1_1ecbplus", Texts["1_1ecbplus"], "killed 40 people"))).Category.ShouldBe("different sub-events");
        scorer.Judge(Pair(ReportedKind.Contradiction, Span("1_1ecb", First, "It measured 5.9."), Span("1_3ecb", Third, "The USGS"))).Category.ShouldBe("unannotated");
    }

    [Fact]
    public void ACorrectPairAFalsePairAndAMissedDisputeGiveHalfPrecisionAndHalfRecall()
    {
        var scorer = new DisputeScorer(Gold, Texts);
        var tally = new DisputeTally();
        tally.AddGold(Gold.Disputes.Count());

        tally.Add(scorer.Judge(Pair(ReportedKind.Contradiction, Span("1_1ecb", First, "killing 10 people"), Span("1_2ecb", Second, "three people were killed"))));
        tally.Add(scorer.Judge(Pair(ReportedKind.Contradiction, Span("1_1ecb", First, "10 km east"), Span("1_2ecb", Second, "6 miles east"))));

        tally.Reported.ShouldBe(2);
        tally.Correct.ShouldBe(1);
        tally.Precision.ShouldBe(0.5);
        tally.Recall.ShouldBe(0.5);
        tally.FoundIds.ShouldBe(["1-killed"]);
    }

    [Fact]
    public void AContestedPropositionIsCorrectOnlyWhenASupportingAndADenyingClaimTakeDifferentSides()
    {
        var scorer = new DisputeScorer(Gold, Texts);
        var ten = Span("1_1ecb", First, "killing 10 people");
        var three = Span("1_2ecb", Second, "three people were killed");

        scorer.Judge(new ReportedItem(1, ReportedKind.Contested, [[ten], [three]], "contested")).Correct.ShouldBeTrue();
        scorer.Judge(new ReportedItem(1, ReportedKind.Contested, [[ten, three], []], "contested")).Correct.ShouldBeFalse();
    }

    [Fact]
    public void NothingReportedIsPrecisionOneByConventionAndSaysSo()
    {
        var tally = new DisputeTally();
        tally.AddGold(2);

        tally.Precision.ShouldBe(1.0);
        tally.NothingReported.ShouldBeTrue();
        tally.Recall.ShouldBe(0.0);
    }

    [Fact]
    public void TheLayerBecomesOnePairPerContradictionAndSupportAgainstDenialPerContestedProposition()
    {
        var ten = ClaimAt("d1", "c1", First, "killing 10 people");
        var three = ClaimAt("d2", "c1", Second, "three people were killed");
        var proposition = new Proposition(
            "p1", "toll", [ten, three], [new SourceStance("d1", null, StanceKind.Support, [ten.Key]), new SourceStance("d2", null, StanceKind.Deny, [three.Key])],
            2, CorroborationStatus.Contested, 3, 1, 1, ten.Claim.Span);
        var layer = new PropositionLayer([proposition], [new Contradiction(ten.Key, three.Key, false, "numbers", "p1"), new Contradiction(ten.Key, "d9-c9", true, "lost", "p1")]);
        var notes = new List<string>();

        var items = DisputeReports.From(layer, new Dictionary<string, string> { ["d1"] = First, ["d2"] = Second }, new Dictionary<string, string> { ["d1"] = "1_1ecb", ["d2"] = "1_2ecb" }, 1, notes);

        items.Count.ShouldBe(2);
        items[0].Kind.ShouldBe(ReportedKind.Contradiction);
        items[0].Groups.Select(g => g.Single().Doc).ShouldBe(["1_1ecb", "1_2ecb"]);
        items[0].Groups[0][0].Text.ShouldBe("killing 10 people");
        items[1].Kind.ShouldBe(ReportedKind.Contested);
        items[1].Groups[1].Single().Text.ShouldBe("three people were killed");
        notes.Single().ShouldContain("d9-c9");
        new DisputeScorer(Gold, Texts).Judge(items[1]).Correct.ShouldBeTrue();
    }

    private static ClaimRef ClaimAt(string doc, string id, string text, string part)
    {
        var start = text.IndexOf(part, StringComparison.Ordinal);
        var claim = new Claim(id, new Span(doc, start, start + part.Length), null, ClaimAttribution.Author(null), ClaimPolarity.Positive, null, null, ClaimKind.Event, [], null, 0);
        return new ClaimRef(doc, claim);
    }

    private static DisputeSide Side(string value, (string Doc, string Snippet) mention) => new(value, [new DisputeMention(mention.Doc, mention.Snippet)]);

    private static ReportedItem Pair(ReportedKind kind, EvidenceSpan a, EvidenceSpan b) => new(1, kind, [[a], [b]], "test");

    private static EvidenceSpan Span(string doc, string text, string part)
    {
        var start = text.IndexOf(part, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, part);
        return new EvidenceSpan(doc, start, start + part.Length, part);
    }
}
