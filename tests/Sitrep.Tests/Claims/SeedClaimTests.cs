using Shouldly;
using Sitrep.Claims;
using Sitrep.Claims.Modality;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;
using Sitrep.Text;

namespace Sitrep.Tests.Claims;

/// <summary>The acceptance criteria of issue 6 on the real seed documents (skipped when ../shared is absent).</summary>
public sealed class SeedClaimTests
{
    private static (AnalyzedDocument Document, IReadOnlyList<Claim> Claims) Analyze(string seed)
    {
        var path = SharedData.Require("seeds/" + seed);
        var analyzed = new AnalyzedDocument(Document.Create(File.ReadAllText(path), path).Build());
        new SentenceStage().Process(analyzed, TestContext.Current.CancellationToken);
        return (analyzed, new ClaimAnalyzer().Analyze(analyzed, TestContext.Current.CancellationToken));
    }

    private static string TextOf(AnalyzedDocument document, Claim claim) => document.Document.Slice(claim.Span);

    [Fact]
    public void EveryEstimativePhraseOfSeed000sKeyTakeawaysLandsInItsBand()
    {
        var (doc, claims) = Analyze("000_43a7dc2aba266ed3.txt");

        // The key takeaways run from the top of the document to the first forum post (a line of stars).
        var end = doc.Text.IndexOf('☆', StringComparison.Ordinal);
        end.ShouldBeGreaterThan(0);
        var takeaways = claims.Where(c => c.Span.End <= end).ToList();
        var estimated = takeaways.Where(c => c.Likelihood is not null).ToList();
        estimated.Count.ShouldBeGreaterThanOrEqualTo(5);
        foreach (var claim in estimated)
        {
            var likelihood = claim.Likelihood!;
            var expected = likelihood.Term.ToLowerInvariant() switch
            {
                "very likely" => LikelihoodBand.VeryLikely,
                "likely" => LikelihoodBand.Likely,
                "may" => LikelihoodBand.RoughlyEvenChance,
                var other => throw new ShouldAssertException($"unexpected estimative phrase '{other}' in: {TextOf(doc, claim)}"),
            };
            likelihood.Band.ShouldBe(expected, TextOf(doc, claim));
        }

        var veryLikely = estimated.Single(c => c.Likelihood!.Term == "very likely").Likelihood!;
        (veryLikely.Low, veryLikely.High).ShouldBe((0.80, 0.95));
        var likely = estimated.Where(c => c.Likelihood!.Term == "likely").ToList();
        likely.Count.ShouldBeGreaterThanOrEqualTo(2);
        likely.ShouldAllBe(c => c.Likelihood!.Low == 0.55 && c.Likelihood.High == 0.80);

        // Every "likely" written in the takeaways lies in a claim whose band is likely or higher.
        var offset = 0;
        while ((offset = doc.Text.IndexOf("likely", offset, end - offset, StringComparison.Ordinal)) >= 0)
        {
            var holder = takeaways.Single(c => c.Span.Range.Contains(offset));
            ((int)holder.Likelihood.ShouldNotBeNull().Band).ShouldBeGreaterThanOrEqualTo((int)LikelihoodBand.Likely);
            offset += 6;
        }
    }

    [Fact]
    public void Seed003sHundredPercentCertaintyIsAlmostCertainAndTheAuthors()
    {
        var (doc, claims) = Analyze("003_27c4866d4cc4f188.txt");
        var claim = claims.Single(c => TextOf(doc, c).Contains("100% certain", StringComparison.Ordinal));
        claim.Likelihood.ShouldNotBeNull().Band.ShouldBe(LikelihoodBand.AlmostCertain);
        claim.Attribution.Kind.ShouldBe(HolderKind.Author);
    }

    [Fact]
    public void Seed003sArtilleryClaimIsHeldByPrigozhin()
    {
        var (doc, claims) = Analyze("003_27c4866d4cc4f188.txt");
        var claim = claims.Single(c => TextOf(doc, c).Contains("artillery", StringComparison.Ordinal));
        claim.Attribution.Kind.ShouldBe(HolderKind.Named);
        claim.Attribution.Text.ShouldNotBeNull().ShouldContain("Prigozhin");
        claim.Attribution.Cue.ShouldBe("claimed");
    }

    [Fact]
    public void Seed001sChargesWillNotBeDroppedIsNegative()
    {
        var (doc, claims) = Analyze("001_909ecda0f6c7cfe6.txt");
        var claim = claims.Single(c => TextOf(doc, c).Contains("NOT be dropped", StringComparison.Ordinal));
        claim.Polarity.ShouldBe(ClaimPolarity.Negative);
    }

    [Fact]
    public void Seed004sFourRhetoricalQuestionsAreSpeculationWithTheirAnswer()
    {
        var (doc, claims) = Analyze("004_4be53318063fa4d0.txt");
        var answer = doc.Text.IndexOf("Could be.", StringComparison.Ordinal);
        answer.ShouldBeGreaterThan(0);
        var questions = claims.Where(c => c.Span.End <= answer && c.Span.Start > answer - 600 && TextOf(doc, c).TrimEnd().EndsWith('?')).ToList();

        // "So what was it?" opens the run as an open question; the four hypotheses after it are rhetorical.
        var rhetorical = questions.Where(c => !TextOf(doc, c).StartsWith("So what", StringComparison.Ordinal)).ToList();
        rhetorical.Count.ShouldBe(4);
        rhetorical.ShouldAllBe(c => c.Kind == ClaimKind.Speculation);
        rhetorical.ShouldAllBe(c => c.Answer != null && c.Answer.Value.Start == answer);
    }
}
