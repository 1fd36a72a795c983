using Shouldly;
using Sitrep.Documents;
using Sitrep.Ingest.Structure;

namespace Sitrep.Tests.Ingest;

public sealed class StructureRecoveryTests
{
    [Fact]
    public void WhenAForumThreadIsPasted_RepliesNestByIndentationUnderTheOpeningPost()
    {
        var doc = Fixture.Single("forum-thread.txt");

        doc.Kind.ShouldBe(DocumentKind.Thread);
        doc.Posts.Select(p => (p.Author, p.Depth)).ShouldBe(
        [
            (null, 0),
            ("Quay_Master", 1),
            ("ferryman_k", 2),
            ("Quay_Master", 3),
            ("saltwater_sam", 2),
            ("Quay_Master", 1),
        ]);
        var byId = doc.Posts.ToDictionary(p => p.Id);
        byId[doc.Posts[2].Id].ParentId.ShouldBe(doc.Posts[1].Id);
        doc.Posts[3].ParentId.ShouldBe(doc.Posts[2].Id);
        doc.Posts[4].ParentId.ShouldBe(doc.Posts[1].Id);
        doc.Posts[5].ParentId.ShouldBe(doc.Posts[0].Id);
    }

    [Fact]
    public void WhenAnAuthorNameIsDecorated_TheNameIsCleanAndTheDecorationStaysInTheHeader()
    {
        var doc = Fixture.Single("forum-thread.txt");

        var post = doc.Posts[1];
        post.Author.ShouldBe("Quay_Master");
        var header = Fixture.HeaderText(doc, post);
        header.ShouldStartWith("• ✦ Quay_Master ✦");
        header.ShouldEndWith("2 years ago");
        doc.Text.ShouldContain("• ✦ Quay_Master ✦");
        doc.Posts.Count(p => p.Author == "Quay_Master").ShouldBe(3);
    }

    [Theory]
    [InlineData("2 years ago", "-P2Y")]
    [InlineData("5 months ago", "-P5M")]
    [InlineData("3 days ago", "-P3D")]
    [InlineData("an hour ago", "-PT1H")]
    [InlineData("3h", "-PT3H")]
    [InlineData("45m", "-PT45M")]
    [InlineData("1d", "-P1D")]
    [InlineData("just now", "PAST_REF")]
    public void WhenAnAgeIsRelative_ItIsKeptRelativeAsADurationBeforeCapture(string text, string value)
    {
        var time = RelativeAge.Parse(text);

        time.ShouldNotBeNull();
        time.Text.ShouldBe(text);
        time.Value.ShouldBe(value);
    }

    [Theory]
    [InlineData("The report came out 2 years ago")]
    [InlineData("3 hours")]
    [InlineData("ago")]
    public void WhenALineIsNotAnAge_ItIsNotReadAsOne(string text) => RelativeAge.Parse(text).ShouldBeNull();

    [Fact]
    public void WhenAThreadHasInlineHeaders_EachCommentIsAPostWithItsAgeAndFootersAreBoilerplate()
    {
        var doc = Fixture.Single("inline-comments.txt");

        doc.Kind.ShouldBe(DocumentKind.Thread);
        doc.Posts.Select(p => (p.Author, p.Depth, p.Time?.Value)).ShouldBe(
        [
            ("marlin_reader", 0, "-PT3H"),
            ("budget_owl", 1, "-PT2H"),
            ("marlin_reader", 2, "-PT45M"),
            ("quiet_harbour", 0, "-P1D"),
        ]);
        doc.Posts[2].ParentId.ShouldBe(doc.Posts[1].Id);
        doc.Posts[3].ParentId.ShouldBeNull();
        var furniture = doc.Boilerplate.Select(doc.Slice).ToList();
        furniture.ShouldContain(f => f.StartsWith("Comments (4)", StringComparison.Ordinal));
        furniture.ShouldContain("5 likes · Reply");
        foreach (var post in doc.Posts)
        {
            Fixture.HeaderText(doc, post).ShouldContain(post.Author!);
        }
    }

    [Fact]
    public void WhenRepliesAreShownOnlyByIndentation_ParagraphRunsBecomePostsNestedByIndent()
    {
        var doc = Fixture.Single("headless-thread.txt");

        doc.Kind.ShouldBe(DocumentKind.Thread);
        doc.Posts.Select(p => p.Depth).ShouldBe([0, 1, 2, 3, 2]);
        doc.Slice(doc.Posts[1].Range).ShouldContain("transformer in the summer");
        doc.Posts[4].ParentId.ShouldBe(doc.Posts[1].Id);
    }

    [Fact]
    public void WhenAChannelIsPastedWithADateAndTimeAboveEachPost_EachStampStartsAPostWithItsFullTime()
    {
        const string text = """
            Harbour Watch | channel mirror
            4 100 subscribers

            02.03.2024 06:15
            Fog over the outer harbour, the pilot boats are staying in.
            👁 3.1K

            02.03.2024 09:40 MSK
            The first tanker is moving again. Pilots say visibility is above a mile.
            👁 4.7K

            2024-03-02 13:05
            Port authority: all berths open by the evening shift.
            """;

        var structure = StructureRecovery.Recover(text);

        structure.Posts.Select(p => p.Time?.Value).ShouldBe(["2024-03-02T06:15", "2024-03-02T09:40+03:00", "2024-03-02T13:05"]);
        text[structure.Posts[1].Range.Start..structure.Posts[1].Range.End].ShouldContain("The first tanker is moving again.");
        text[structure.Posts[1].Range.Start..structure.Posts[1].Range.End].ShouldNotContain("Port authority");
    }

    [Theory]
    [InlineData("Rotterdam\n02.03.2024 06:15\nFog over the outer harbour kept the pilot boats in until noon, the port said.")]
    [InlineData("Filed 31.02.2024 06:15\nA date that does not exist.\n31.02.2024 07:15\nNor does this one.")]
    public void OneDatelineOrAnImpossibleDateIsNoLiveBlog(string text)
    {
        var structure = StructureRecovery.Recover(text);

        structure.Posts.ShouldBeEmpty();
    }

    [Fact]
    public void WhenALiveBlogHasUpdateMarkers_EachUpdateIsAPostWithItsClockTime()
    {
        var doc = Fixture.Single("liveblog.md");

        doc.Kind.ShouldBe(DocumentKind.Liveblog);
        doc.Posts.Select(p => p.Time?.Value).ShouldBe(
        [
            "XXXX-XX-XXT06:15+01:00",
            "XXXX-XX-XXT07:40+01:00",
            "XXXX-XX-XXT09:00",
            null,
            "XXXX-XX-XXT11:05+02:00",
        ]);
        doc.Posts[3].Time!.Text.ShouldBe("Twenty minutes later");
        Fixture.HeaderText(doc, doc.Posts[0]).ShouldBe("UPDATE 06:15 CET:");
        Fixture.HeaderText(doc, doc.Posts[1]).ShouldBe("07:40 CET —");
        doc.Slice(doc.Posts[0].Range).ShouldEndWith("first time this year.");
        doc.Slice(doc.Posts[0].Time!.Range!.Value).ShouldBe("06:15 CET");
    }

    [Fact]
    public void WhenAnArticleEndsInPageFurniture_EveryWidgetAndListIsBoilerplateAndTheArticleIsNot()
    {
        var doc = Fixture.Single("article-furniture.md");

        doc.Kind.ShouldBe(DocumentKind.Article);
        var furniture = string.Join("\n", doc.Boilerplate.Select(doc.Slice));
        foreach (var piece in (string[])["Share this article", "WhatsApp", "More by the Author", "Why the old lighthouse", "Disclaimer", "Previous Article", "Next Article", "How useful", "Click on a star", "★ ★ ★", "Vote count: 12", "Latest News", "Bridge inspection finds minor cracks"])
        {
            furniture.ShouldContain(piece);
        }

        furniture.ShouldNotContain("nine votes to four");
        doc.IsBoilerplate(doc.Text.IndexOf("The barrier will close", StringComparison.Ordinal)).ShouldBeFalse();
        doc.Text.ShouldContain("Click on a star to rate it!");
    }

    [Fact]
    public void WhenBoilerplateAndHeadersAreMarked_SentencesAreOnlyFoundInTheAnalysableText()
    {
        var analyzed = new Sitrep.Pipeline.AnalyzedDocument(Fixture.Single("article-furniture.md"));
        new Sitrep.Text.SentenceStage().Process(analyzed, CancellationToken.None);

        analyzed.Sentences.ShouldNotBeEmpty();
        analyzed.Sentences.Select(analyzed.TextOf).ShouldNotContain(s => s.Contains("rate it", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenTextIsPlainProse_ItIsAnArticleWithoutPosts()
    {
        var structure = StructureRecovery.Recover(Fixture.Text("wire-original.txt"));

        structure.Kind.ShouldBe(DocumentKind.Article);
        structure.Posts.ShouldBeEmpty();
    }

    [Fact]
    public void EveryRecoveredRangeLiesInsideTheTextAndPostsDoNotOverlap()
    {
        foreach (var name in (string[])["forum-thread.txt", "inline-comments.txt", "headless-thread.txt", "liveblog.md", "article-furniture.md"])
        {
            var text = Fixture.Text(name);
            var structure = StructureRecovery.Recover(text);
            var previousEnd = 0;
            foreach (var post in structure.Posts)
            {
                post.Range.End.ShouldBeLessThanOrEqualTo(text.Length);
                post.Range.Start.ShouldBeGreaterThanOrEqualTo(previousEnd, name);
                if (post.Header is { } header)
                {
                    post.Range.Contains(header).ShouldBeTrue(name);
                }

                previousEnd = post.Range.End;
            }
        }
    }
}
