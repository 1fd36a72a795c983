using Shouldly;
using Sitrep.Corroboration.Stance;

namespace Sitrep.Tests.Corroboration;

/// <summary>The shipped stance models on short texts written for these tests.</summary>
public sealed class StanceClassifierTests
{
    private const string BridgeBody =
        "Members of the Eastham town council voted on Tuesday evening to approve a new road bridge over the river Lune. " +
        "The bridge will replace the old ferry crossing and should open in two years, the council said. " +
        "Work on the foundations starts next spring, and the budget was set at twelve million pounds.";

    [Fact]
    public void WhenABodyIsAboutSomethingElse_ItsStanceIsUnrelated()
    {
        var prediction = Fnc1StanceClassifier.Default.Classify("Rare white tiger cub born at city zoo", BridgeBody);

        prediction.Label.ShouldBe("unrelated");
    }

    [Fact]
    public void WhenABodyReportsTheHeadlinesEvent_ItIsRelated()
    {
        var prediction = Fnc1StanceClassifier.Default.Classify("Eastham council approves new bridge over the Lune", BridgeBody);

        prediction.Label.ShouldNotBe("unrelated");
        prediction.ProbabilityOf("unrelated").ShouldBeLessThan(0.5f);
    }

    [Fact]
    public void WhenABodyCallsTheHeadlineAHoax_DisagreeIsMoreLikelyThanForAConfirmingBody()
    {
        const string headline = "Famous chef killed in car crash on motorway";
        const string denying =
            "Reports that the famous chef was killed in a car crash on the motorway are a hoax. His agent denied the claim " +
            "on Monday and said the chef is alive and well at home. The fake story spread on social media from a satirical site.";
        const string confirming =
            "The famous chef was killed in a car crash on the motorway on Sunday night, police confirmed. His agent said the " +
            "family is devastated. The crash happened near junction nine when his car left the road.";

        var classifier = Fnc1StanceClassifier.Default;
        var denied = classifier.Classify(headline, denying);
        var confirmed = classifier.Classify(headline, confirming);

        // Only the disagree side is asserted: on such short bodies the model also leans to agree for the denial
        // (FNC-1's disagree class is 2% of pairs; see docs/models.md).
        denied.ProbabilityOf("disagree").ShouldBeGreaterThan(confirmed.ProbabilityOf("disagree"));
        denied.Label.ShouldNotBe("unrelated");
    }

    [Fact]
    public void ProbabilitiesFollowTheSchemesLabelsAndSumToOne()
    {
        IStanceClassifier[] classifiers = [Fnc1StanceClassifier.Default, SdqcStanceClassifier.Default];
        foreach (var classifier in classifiers)
        {
            var prediction = classifier.Classify("Bridge approved over the river", "Is that really true? Who said so?");

            prediction.Labels.ShouldBe(classifier.Labels);
            prediction.Probabilities.Count.ShouldBe(classifier.Labels.Count);
            prediction.Probabilities.Sum().ShouldBe(1f, 1e-3f);
            prediction.Confidence.ShouldBe(prediction.Probabilities.Max());
        }
    }

    [Fact]
    public void WhenAReplyAsksForASource_ItsStanceIsQuery()
    {
        var prediction = SdqcStanceClassifier.Default.Classify(
            "Power plant on fire after explosion, say witnesses",
            "@newsdesk is this confirmed? what is your source?");

        prediction.Label.ShouldBe("query");
    }

    [Fact]
    public void WhenAReplyCallsTheClaimFake_DenyIsMoreLikelyThanForASympatheticReply()
    {
        const string claim = "Power plant on fire after explosion, say witnesses";
        var classifier = SdqcStanceClassifier.Default;

        var denying = classifier.Classify(claim, "@newsdesk this is fake, a hoax. Not true at all, the plant is fine");
        var sympathetic = classifier.Classify(claim, "@newsdesk so sad, thoughts with the workers and their families");

        denying.ProbabilityOf("deny").ShouldBeGreaterThan(sympathetic.ProbabilityOf("deny"));
    }

    [Fact]
    public void TheSourcePostOfAThreadIsMostlyTakenToSupportItsOwnClaim()
    {
        var prediction = SdqcStanceClassifier.Default.Classify(
            new SdqcContext("BREAKING: power plant on fire after explosion near Dunmore, police say http://example.org/x", null, null, 0));

        prediction.Label.ShouldBe("support");
    }

    [Fact]
    public void ClassifyingRejectsNullTexts()
    {
        Should.Throw<ArgumentNullException>(() => Fnc1StanceClassifier.Default.Classify(null!, "body"));
        Should.Throw<ArgumentNullException>(() => SdqcStanceClassifier.Default.Classify("claim", null!));
    }
}
