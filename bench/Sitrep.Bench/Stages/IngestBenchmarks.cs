using System.Text;
using BenchmarkDotNet.Attributes;
using Sitrep.Documents;
using Sitrep.Ingest.Readers.Html;
using Sitrep.Ingest.Structure;
using Sitrep.Ingest.Syndication;

namespace Sitrep.Bench.Stages;

/// <summary>Ingest throughput: structure recovery on 1 MB of text, main-content extraction on a 1 MB page, syndication.</summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private string _article = null!;
    private string _thread = null!;
    private string _page = null!;
    private List<Document> _corpus = null!;

    [GlobalSetup]
    public void Setup()
    {
        _article = BenchText.English(1_000_000) + "\n\nMore by the Author\n- One\n- Two\n\nLatest News\n- Three\n";
        var thread = new StringBuilder();
        var i = 0;
        while (thread.Length < 1_000_000)
        {
            var indent = new string(' ', 4 * (i % 5));
            thread.Append(indent).Append("• ☆ poster_").Append(i % 17).Append(" ☆\n")
                .Append(indent).Append("  ").Append(1 + (i % 11)).Append(" months ago\n\n")
                .Append(indent).Append("  ").Append(BenchText.English(300).Replace("\n\n", " ", StringComparison.Ordinal)).Append("\n\n")
                .Append(indent).Append("  ↑ ").Append(i % 300).Append(" · reply\n\n");
            i++;
        }

        _thread = thread.ToString();
        var page = new StringBuilder("<!doctype html><html><head><title>Bench</title></head><body><nav><ul>");
        for (var k = 0; k < 50; k++)
        {
            page.Append("<li><a href=\"/s").Append(k).Append("\">Section ").Append(k).Append("</a></li>");
        }

        page.Append("</ul></nav><div class=\"layout\"><article class=\"story\">");
        foreach (var paragraph in BenchText.English(1_000_000).Split("\n\n"))
        {
            page.Append("<p>").Append(paragraph).Append("</p>\n");
        }

        page.Append("</article><aside class=\"sidebar\"><ul><li><a href=\"/x\">Most read</a></li></ul></aside></div></body></html>");
        _page = page.ToString();
        _corpus = [.. Enumerable.Range(0, 200).Select(k => Document.Create(BenchText.English(5_000 + (k * 37)) + " doc" + k, $"{k}.txt").Build())];
    }

    [Benchmark(Description = "structure recovery, 1 MB article")]
    public int ArticleStructure() => StructureRecovery.Recover(_article).Boilerplate.Count;

    [Benchmark(Description = "structure recovery, 1 MB thread")]
    public int ThreadStructure() => StructureRecovery.Recover(_thread).Posts.Count;

    [Benchmark(Description = "HTML main text, 1 MB page")]
    public int Html() => HtmlReader.ExtractMainText(_page).Length;

    [Benchmark(Description = "syndication, 200 documents (1.5 MB)")]
    public int Syndication() => new SyndicationStage().Find(_corpus).Groups.Count;
}
