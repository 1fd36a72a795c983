using Shouldly;
using Sitrep.Brief.Building;
using Sitrep.Brief.Rendering;
using Sitrep.Engine;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Claims;

/// <summary>Claims reach brief.json, and the key claims section of brief.md and brief.html, escaped and cited.</summary>
public sealed class ClaimBriefTests
{
    private const string Text = "Petrov claimed that <script>alert(1)</script> fighters had seized the depot. The deal will very likely collapse.";

    private static (Sitrep.Brief.Model.BriefReport Report, BriefContext Context) Brief()
    {
        var pipeline = DefaultPipeline.Build(1);
        var document = new AnalyzedDocument(Some.Document(Text));
        pipeline.Analyze(document, TestContext.Current.CancellationToken).ShouldBeNull();
        var corpus = new Corpus([document]);
        pipeline.AnalyzeCorpus(corpus, TestContext.Current.CancellationToken);
        var report = BriefBuilder.Build(corpus, pipeline.StageNames, [], "test");
        return (report, new BriefContext(report, new Dictionary<string, string>(StringComparer.Ordinal) { [document.Document.Id] = Text }));
    }

    [Fact]
    public void TheDefaultPipelineAssignsClaimsAndTheBriefCarriesThemWithExactSpans()
    {
        var (report, _) = Brief();
        report.Generator.Stages.ShouldContain("claims.rules.v4");
        report.Claims.Count.ShouldBe(2);
        foreach (var claim in report.Claims)
        {
            Text[claim.Start..claim.End].ShouldBe(claim.Text);
        }

        var held = report.Claims[0];
        held.Attribution.Kind.ShouldBe("named");
        held.Attribution.Holder.ShouldBe(report.Entities.Single(e => e.Name == "Petrov").Id);
        held.Attribution.Text.ShouldBe("Petrov");
        held.Attribution.Cue.ShouldBe("claimed");
        var judged = report.Claims[1];
        judged.Kind.ShouldBe("judgment");
        judged.Modality.ShouldNotBeNull().Band.ShouldBe("very_likely");
        (judged.Modality.Low, judged.Modality.High).ShouldBe((0.80, 0.95));
        report.KeyClaims.ShouldBe([held.Id, judged.Id], ignoreOrder: true);
    }

    [Fact]
    public void KeyClaimsAreRenderedWithHolderLikelihoodKindAndACitationAndSourceTextIsEscaped()
    {
        var (_, context) = Brief();
        var html = new StringWriter();
        new HtmlBriefRenderer().Render(context, html);
        var page = html.ToString();
        page.ShouldContain("<h2>Key claims</h2>");
        page.ShouldNotContain("<script>alert(1)</script>");
        page.ShouldContain("&lt;script&gt;");
        page.ShouldContain("Petrov (named, “claimed”)");
        page.ShouldContain("very likely (80–95 %)");
        page.ShouldContain("href=\"#cite-");

        var markdown = new StringWriter();
        new MarkdownBriefRenderer().Render(context, markdown);
        var md = markdown.ToString();
        md.ShouldContain("## Key claims");
        md.ShouldNotContain("<script>");
        md.ShouldContain("holder: Petrov (named, “claimed”)");
        md.ShouldContain("kind: judgment");
        md.ShouldContain("[^");
    }
}
