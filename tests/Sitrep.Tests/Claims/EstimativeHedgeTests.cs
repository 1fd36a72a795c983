using Shouldly;
using Sitrep.Claims;
using Sitrep.Claims.Modality;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Tests.Claims;

/// <summary>
/// Only analytic hedges map to ICD 203 bands: "seems" in a comment or "seemed to" in narration softens a statement
/// but is no likelihood judgment (issue 19, item 5).
/// </summary>
public sealed class EstimativeHedgeTests
{
    private static IReadOnlyList<Claim> ClaimsOf(Document document)
    {
        var analyzed = new AnalyzedDocument(document);
        new SentenceStage().Process(analyzed, CancellationToken.None);
        return new ClaimAnalyzer().Analyze(analyzed, TestContext.Current.CancellationToken);
    }

    private static Claim InArticle(string text) =>
        ClaimsOf(Document.Create(text, "article.txt").WithKind(DocumentKind.Article).Build()).ShouldHaveSingleItem();

    private static Claim InComment(string text) =>
        ClaimsOf(Document.Create(text, "thread.txt")
            .WithKind(DocumentKind.Thread)
            .AddPost(new Post("p1", null, 0, "watcher", null, new TextRange(0, text.Length)))
            .Build()).ShouldHaveSingleItem();

    [Theory]
    [InlineData("The convoy seemed to slow down near the city.")]
    [InlineData("The commander appeared to hesitate at the checkpoint.")]
    public void WhenNarrationSaysSeemedTo_ItIsAHedgeNotAnIcd203Likelihood(string text)
    {
        var likelihood = InArticle(text).Likelihood.ShouldNotBeNull();
        likelihood.Style.ShouldBe(EstimativeStyle.Hedge);
        likelihood.IsEstimative.ShouldBeFalse();
    }

    [Theory]
    [InlineData("It seems the government has lost control of the north.")]
    [InlineData("Honestly the whole thing seems staged to me.")]
    [InlineData("Apparently the column turned around at dawn.")]
    public void WhenACommentSaysSeems_ItIsAHedgeNotAnIcd203Likelihood(string text)
    {
        var likelihood = InComment(text).Likelihood.ShouldNotBeNull();
        likelihood.Style.ShouldBe(EstimativeStyle.Hedge);
        likelihood.IsEstimative.ShouldBeFalse();
    }

    [Fact]
    public void WhenACommentSaysSeems_TheClaimIsNoAnalyticJudgment() =>
        InComment("The column seems to have turned around at dawn.").Kind.ShouldNotBe(ClaimKind.Judgment);

    [Theory]
    [InlineData("It seems the government has lost control of the north.", LikelihoodBand.Likely)]
    [InlineData("The militia appears to have withdrawn from the outskirts.", LikelihoodBand.Likely)]
    public void WhenAnAuthorAssessesInThePresentTense_SeemsStaysAnAnalyticLikelihood(string text, LikelihoodBand band)
    {
        var claim = InArticle(text);
        var likelihood = claim.Likelihood.ShouldNotBeNull();
        likelihood.Style.ShouldBe(EstimativeStyle.Analytic);
        likelihood.Band.ShouldBe(band);
        claim.Kind.ShouldBe(ClaimKind.Judgment);
    }

    [Theory]
    [InlineData("The deal will very likely end the militia's independence.", LikelihoodBand.VeryLikely)]
    [InlineData("The junta will almost certainly postpone the vote.", LikelihoodBand.AlmostCertain)]
    public void WhenACommentUsesAStandardEstimativeWord_ItKeepsItsBand(string text, LikelihoodBand band)
    {
        var likelihood = InComment(text).Likelihood.ShouldNotBeNull();
        likelihood.IsEstimative.ShouldBeTrue();
        likelihood.Band.ShouldBe(band);
    }

    [Theory]
    [InlineData("The court sentenced the gunman to three life terms with no chance of parole.")]
    [InlineData("He will serve the rest of his life with almost no chance of release.")]
    public void WhenAChanceWordDescribesAThing_ItIsNoLikelihood(string text) =>
        InArticle(text).Likelihood.ShouldBeNull();

    [Fact]
    public void WhenTheWriterSaysThereIsNoChance_ItStaysAnEstimate() =>
        InArticle("There is almost no chance the talks resume this week.").Likelihood.ShouldNotBeNull().Band.ShouldBe(LikelihoodBand.AlmostNoChance);
}
