using Shouldly;
using Sitrep.Brief.Model;
using Sitrep.Brief.Rendering;
using static Sitrep.Tests.Brief.BriefFixtures;

namespace Sitrep.Tests.Brief;

/// <summary>How the evidence appendix renders a timeline's report times and a figures section without figures.</summary>
public sealed class BriefRenderTimelineTests
{
    private const string Text = "Someone in the thread says the ferry left on a Friday night.";

    [Fact]
    public void WhenAReportTimeIsRelative_ItIsWrittenAsAReaderWouldSayIt_NeverAsAnIsoDuration()
    {
        var claim = Claim("f-c1", "f", Text);
        var entry = new BriefTimelineEntry("XXXX-WXX-5TNI", "-P1Y", Text, [claim.Id], ["f"], [new BriefSpan("f", 0, Text.Length)], "Friday night", "document", false);
        var report = Report(FourOutlets, [claim], []) with { Timeline = [entry] };

        var (markdown, html) = Render(report);

        markdown.ShouldNotContain("-P1Y");
        markdown.ShouldContain("report time: 1 year ago (relative)");
        html.ShouldNotContain("-P1Y");
        html.ShouldContain("1 year ago (relative)");
    }

    [Fact]
    public void WhenThereAreStoryStatesButNoFigures_NoEmptyFiguresTableIsWritten()
    {
        var claim = Claim("a-c1", "a", Text);
        var state = new BriefStoryState("ferry service", "suspended", "ferry service: suspended", false, []);
        var report = Report(FourOutlets, [claim], []) with { States = [state] };

        var (markdown, html) = Render(report);

        markdown.ShouldContain("## Figures side by side");
        markdown.ShouldNotContain("| Figure | Verdict |");
        html.ShouldNotContain("<table class=\"figures\"><thead><tr><th>Figure</th><th>Verdict</th>");
    }

    private static (string Markdown, string Html) Render(BriefReport report)
    {
        var context = new BriefContext(report, new Dictionary<string, string> { ["a"] = Text, ["f"] = Text });
        var md = new StringWriter();
        new MarkdownBriefRenderer().Render(context, md);
        var html = new StringWriter();
        new HtmlBriefRenderer().Render(context, html);
        return (md.ToString(), html.ToString());
    }
}
