using Shouldly;
using Sitrep.Documents;
using Sitrep.Ingest.Syndication;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Ingest;

/// <summary>The real seed texts in ../shared (skipped without them) and the bundled sample corpus.</summary>
public sealed class SeedTests
{
    [Theory]
    [InlineData("seeds/000_43a7dc2aba266ed3.txt")]
    [InlineData("seeds/001_909ecda0f6c7cfe6.txt")]
    public void SeedThreadsComeOutAsThreadsWhoseDepthFollowsIndentation(string seed)
    {
        var doc = Fixture.Single(SharedData.Require(seed));

        doc.Kind.ShouldBe(DocumentKind.Thread);
        doc.Posts.Count.ShouldBeGreaterThanOrEqualTo(4);
        var byId = doc.Posts.ToDictionary(p => p.Id);
        foreach (var post in doc.Posts)
        {
            if (post.ParentId is null)
            {
                post.Depth.ShouldBe(0);
                continue;
            }

            var parent = byId[post.ParentId];
            post.Depth.ShouldBe(parent.Depth + 1);
            if (parent.Depth > 0)
            {
                IndentOf(doc, post).ShouldBeGreaterThan(IndentOf(doc, parent), $"{post.Id} replies to {parent.Id}");
            }
        }

        doc.Posts.Max(p => p.Depth).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void TheRepeatedDecoratedAuthorOfSeed000IsRecognisedOnSeveralPosts()
    {
        var doc = Fixture.Single(SharedData.Require("seeds/000_43a7dc2aba266ed3.txt"));

        var named = doc.Posts.Where(p => p.Author is not null).ToList();
        named.Count.ShouldBeGreaterThanOrEqualTo(3);
        named.Select(p => p.Author!).Distinct().ShouldHaveSingleItem().ShouldNotContain('☆');
        named.ShouldAllBe(p => p.Time!.Value == "-P1Y");
        named.ShouldAllBe(p => doc.Slice(p.Header!.Value).Contains('☆'));
    }

    [Fact]
    public void Seed003IsALiveBlogWithAnUpdateAt0537Cet()
    {
        var doc = Fixture.Single(SharedData.Require("seeds/003_27c4866d4cc4f188.txt"));

        doc.Kind.ShouldBe(DocumentKind.Liveblog);
        var update = doc.Posts.ShouldHaveSingleItem();
        update.Time!.Value.ShouldBe("XXXX-XX-XXT05:37+01:00");
        doc.Slice(update.Header!.Value).ShouldBe("UPDATE 05:37 CET:");
    }

    [Fact]
    public void Seed004ClosingWidgetAndNavigationAreBoilerplate()
    {
        var doc = Fixture.Single(SharedData.Require("seeds/004_4be53318063fa4d0.txt"));

        var furniture = string.Join("\n", doc.Boilerplate.Select(doc.Slice));
        foreach (var piece in (string[])["More by the Author", "Disclaimer", "Previous Article", "Next Article", "How useful was this article?", "Click on a star to rate it!", "Vote count", "Latest News"])
        {
            furniture.ShouldContain(piece);
        }

        var lastSentence = doc.Text.IndexOf("Putin will take in the public discussion", StringComparison.Ordinal);
        lastSentence.ShouldBeGreaterThan(0);
        doc.IsBoilerplate(lastSentence).ShouldBeFalse();
    }

    [Fact]
    public void TheSampleCorpusKeepsItsStructure()
    {
        var docs = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "samples", "wagner-2023"))
            .Where(f => !f.EndsWith(".csv", StringComparison.Ordinal))
            // A mailbox yields its thread first, then the documents attached to its messages.
            .ToDictionary(f => Path.GetFileName(f)[..2], f => Fixture.ReadFile(f).Documents[0]);

        docs["06"].Kind.ShouldBe(DocumentKind.Thread);
        docs["06"].Posts.Count(p => p.Author == "RedStar_Watcher").ShouldBe(4);
        docs["11"].Kind.ShouldBe(DocumentKind.Thread);
        docs["11"].Posts.Count.ShouldBe(10);
        docs["04"].Kind.ShouldBe(DocumentKind.Liveblog);
        docs["04"].Posts.Count.ShouldBeGreaterThanOrEqualTo(14);
        docs["04"].Text.ShouldNotContain("##");
        docs["09"].Text.ShouldNotContain("**");
        docs["20"].Regions.Count(r => r.Kind == RegionKind.Page).ShouldBe(3);
        docs["21"].Regions.ShouldContain(r => r.Kind == RegionKind.Table);
        docs["22"].Kind.ShouldBe(DocumentKind.Thread);
        docs["22"].Posts.Count.ShouldBe(4);
        var furniture = string.Join("\n", docs["10"].Boilerplate.Select(docs["10"].Slice));
        furniture.ShouldContain("Share this article");
        furniture.ShouldContain("Average rating 4.2 / 5");
        furniture.ShouldContain("Latest News");

        var layer = new SyndicationStage().Find([.. docs.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Value)], TestContext.Current.CancellationToken);
        var group = layer.Groups.ShouldHaveSingleItem();
        group.DocumentIds.ShouldBe([docs["01"].Id, docs["02"].Id]);
    }

    private static int IndentOf(Document doc, Post post)
    {
        // The indentation of the post's first body line (after its header, if any).
        var from = post.Header?.End ?? post.Range.Start;
        var text = doc.Text;
        var lineStart = from;
        if (post.Header is not null)
        {
            lineStart = text.IndexOf('\n', from) + 1;
        }
        else
        {
            lineStart = text.LastIndexOf('\n', Math.Max(0, from - 1)) + 1;
        }

        while (lineStart < text.Length && text[lineStart] == '\n')
        {
            lineStart++;
        }

        var indent = 0;
        while (lineStart + indent < text.Length && text[lineStart + indent] == ' ')
        {
            indent++;
        }

        return indent;
    }
}
