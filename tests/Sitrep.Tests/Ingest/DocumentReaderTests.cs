using Shouldly;
using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Ingest.Readers.Email;
using Sitrep.Ingest.Readers.Markdown;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Ingest;

/// <summary>The PDF, Word, e-mail and Markdown readers on fixtures written for these tests.</summary>
public sealed class DocumentReaderTests
{
    private static readonly DateTimeOffset Noon = new(2024, 3, 14, 12, 0, 0, TimeSpan.FromHours(2));

    internal static byte[] ThreePagePdf() => DocumentFactory.Pdf(
        "Bridge damage assessment",
        "Field Team North",
        Noon,
        [
            ["Bridge damage assessment", string.Empty, "The Kalvik bridge was struck shortly after midnight on 13 March."],
            ["Engineers counted two damaged spans.", "Traffic has been diverted to the ferry."],
            ["No casualties were reported by the governor."],
        ]);

    internal static IReadOnlyList<DocumentFactory.Mail> Thread() =>
    [
        new("a1@desk.example", "Lena Ortiz", "lena@desk.example", Noon, "Bridge closure", "The governor closed the Kalvik bridge this morning."),
        new("a2@desk.example", "Marek Lind", "marek@desk.example", Noon.AddHours(1), "Re: Bridge closure", "The ministry says two spans are damaged.\n\nOn Thursday Lena Ortiz wrote:\n> The governor closed the Kalvik bridge this morning.", "a1@desk.example", [("assessment.pdf", "application/pdf", ThreePagePdf())]),
        new("a3@desk.example", "Lena Ortiz", "lena@desk.example", Noon.AddHours(2), "Re: Bridge closure", "Repairs will take at least three weeks.\n-- \nLena Ortiz, regional desk", "a2@desk.example"),
        new("b1@desk.example", "Ana Sousa", "ana@desk.example", Noon.AddHours(3), "Port traffic", "Port traffic is normal today."),
    ];

    [Fact]
    public void APdfIsReadPageByPageWithItsPageNumbersAndInformation()
    {
        var result = Fixture.ReadBytes("assessment.pdf", ThreePagePdf());

        result.Errors.ShouldBeEmpty();
        var doc = result.Documents.ShouldHaveSingleItem();
        doc.Title.ShouldBe("Bridge damage assessment");
        doc.Source.Author.ShouldBe("Field Team North");
        doc.Source.Published.ShouldBe(Noon);
        var pages = doc.Regions.Where(r => r.Kind == RegionKind.Page).ToList();
        pages.Select(p => p.Number).ShouldBe([1, 2, 3]);
        doc.PageAt(doc.Text.IndexOf("two damaged spans", StringComparison.Ordinal)).ShouldBe(2);
        doc.PageAt(doc.Text.IndexOf("No casualties", StringComparison.Ordinal)).ShouldBe(3);
        doc.Slice(pages[2].Range).ShouldBe("No casualties were reported by the governor.");
    }

    [Fact]
    public void APdfWithSomePagesWithoutTextSaysWhichPagesAreMissing()
    {
        var pdf = DocumentFactory.Pdf(null, null, null, [["Only the first page has a text layer."], []]);

        var result = Fixture.ReadBytes("mixed.pdf", pdf);

        result.Documents.ShouldHaveSingleItem();
        var warning = result.Errors.ShouldHaveSingleItem();
        warning.Code.ShouldBe("SR9103");
        warning.Message.ShouldContain("pages 2");
    }

    [Fact]
    public void AWordDocumentKeepsHeadingsParagraphsTablesCommentsAndProperties()
    {
        var created = new DateTime(2024, 3, 15, 8, 0, 0, DateTimeKind.Utc);
        var docx = DocumentFactory.Docx("Kalvik situation note", "Lena Ortiz", created,
        [
            new("Kalvik situation note", Heading: 1),
            new("Damage", Heading: 2),
            new("The bridge lost two spans in the strike.", Comment: ("Marek Lind", created.AddHours(2), "The ministry has not confirmed the second span.")),
            new("Source | Claim\nGovernor | bridge closed\nMinistry | two spans damaged", Table: true),
            new("Repairs will take three weeks."),
        ]);

        var result = Fixture.ReadBytes("note.docx", docx);

        result.Errors.ShouldBeEmpty();
        var doc = result.Documents.ShouldHaveSingleItem();
        doc.Title.ShouldBe("Kalvik situation note");
        doc.Source.Author.ShouldBe("Lena Ortiz");
        doc.Source.Published.ShouldBe(new DateTimeOffset(created));
        doc.Regions.Where(r => r.Kind == RegionKind.Heading).Select(r => (doc.Slice(r.Range), r.Number)).ShouldBe([("Kalvik situation note", 1), ("Damage", 2)]);
        doc.Slice(doc.Regions.Single(r => r.Kind == RegionKind.Table).Range).ShouldBe("Source | Claim\nGovernor | bridge closed\nMinistry | two spans damaged");
        var comment = doc.Posts.ShouldHaveSingleItem();
        comment.Author.ShouldBe("Marek Lind");
        doc.Slice(comment.Range).ShouldEndWith("The ministry has not confirmed the second span.");
        comment.Time!.Value.ShouldBe("2024-03-15T10:00");
        doc.Text.ShouldContain("Repairs will take three weeks.");
    }

    [Fact]
    public void AnMboxBecomesOneDocumentPerThreadWithRepliesAsPostsAndAttachmentsAsLinkedDocuments()
    {
        var result = Fixture.ReadBytes("desk.mbox", DocumentFactory.Mbox(Thread()));

        result.Errors.ShouldBeEmpty();
        result.Documents.Count.ShouldBe(3);
        var thread = result.Documents.Single(d => d.Kind == DocumentKind.Thread);
        thread.Title.ShouldBe("Bridge closure");
        thread.Source.Author.ShouldBe("Lena Ortiz");
        thread.Source.Url.ShouldBe("mid:a1%40desk.example");
        thread.Posts.Select(p => (p.Id, p.ParentId, p.Depth, p.Author)).ShouldBe([("p1", null, 0, "Lena Ortiz"), ("p2", "p1", 1, "Marek Lind"), ("p3", "p2", 2, "Lena Ortiz")]);
        thread.Slice(thread.Posts[1].Header!.Value).ShouldContain("Attachments: assessment.pdf");
        thread.Posts[0].Time!.Value.ShouldBe("2024-03-14T12:00+02:00");
        thread.Text.ShouldNotContain("> The governor");
        thread.Text.ShouldNotContain("regional desk");
        var port = result.Documents.Single(d => d.Title == "Port traffic");
        port.Kind.ShouldBe(DocumentKind.Article);
        var attachment = result.Documents.Single(d => d.Path.EndsWith("assessment.pdf", StringComparison.Ordinal));
        attachment.Path.ShouldBe("desk.mbox#m2/assessment.pdf");
        attachment.Source.Url.ShouldBe("mid:a2%40desk.example");
        attachment.PageAt(attachment.Text.IndexOf("two damaged spans", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public void AnEmlWithOnlyAnHtmlBodyIsReadThroughTheHtmlExtractor()
    {
        var mail = new DocumentFactory.Mail("h1@desk.example", "Lena Ortiz", "lena@desk.example", Noon, "Fwd: Ferry schedule", null, Html: "<html><body><nav>Home | About</nav><article><p>The ferry now runs every hour between the two banks of the river at Kalvik.</p></article></body></html>");

        var doc = Fixture.ReadBytes("ferry.eml", DocumentFactory.Eml(mail)).Documents.ShouldHaveSingleItem();

        doc.Title.ShouldBe("Ferry schedule");
        doc.Text.ShouldContain("The ferry now runs every hour");
        doc.Text.ShouldNotContain("<p>");
    }

    [Fact]
    public void AReplyKeepsItsOwnWordsWithoutQuotesOrSignature()
    {
        EmailReader.WithoutQuotes("Agreed.\n\nOn Mon, A wrote:\n> old text\n> more\n\nThanks\n-- \nsig").ShouldBe("Agreed.\n\nThanks");
        EmailReader.Subject("Re: FWD: re: Bridge").ShouldBe("Bridge");
    }

    [Fact]
    public void MarkdownLosesItsMarkupButEveryPieceOfTextPointsAtItsOriginalCharacters()
    {
        var markdown = Fixture.Text("desk-notes.md");

        var doc = Fixture.Single("desk-notes.md");

        doc.Title.ShouldBe("Bridge closed after overnight strike");
        doc.Source.Author.ShouldBe("Regional desk");
        doc.Source.Published.ShouldBe(new DateTimeOffset(2024, 3, 14, 9, 30, 0, TimeSpan.Zero));
        doc.Text.ShouldNotContain("#");
        doc.Text.ShouldNotContain("**");
        doc.Text.ShouldNotContain("](");
        doc.Text.ShouldNotContain("title:");
        doc.Text.ShouldContain("The river bridge at Kalvik was closed to traffic on Thursday, the regional governor said in a statement.");
        doc.Text.ShouldContain("Engineers expect repairs to take *at least* three weeks.");
        doc.Text.ShouldContain("no casualty figure & no timetable");
        doc.Text.ShouldContain("Governor | bridge closed");
        doc.Regions.Where(r => r.Kind == RegionKind.Heading).Select(r => (doc.Slice(r.Range), r.Number)).ShouldBe([("Bridge closed after overnight strike", 1), ("What we know", 2)]);
        doc.IsBoilerplate(doc.Text.IndexOf("raw log line", StringComparison.Ordinal)).ShouldBeTrue();
        doc.SourceMap.ShouldNotBeEmpty();
        foreach (var segment in doc.SourceMap)
        {
            markdown.Length.ShouldBeGreaterThanOrEqualTo(segment.Original.End);
            if (segment.Text.Length == segment.Original.Length)
            {
                doc.Slice(segment.Text).ShouldBe(markdown.Substring(segment.Original.Start, segment.Original.Length));
            }
        }

        var phrase = doc.Text.IndexOf("river bridge", StringComparison.Ordinal);
        var original = doc.OriginalRange(new TextRange(phrase, phrase + "river bridge".Length)).ShouldNotBeNull();
        markdown.Substring(original.Start, original.Length).ShouldBe("river bridge");
        var across = doc.Text.IndexOf("The river bridge at", StringComparison.Ordinal);
        var wide = doc.OriginalRange(new TextRange(across, across + "The river bridge at".Length)).ShouldNotBeNull();
        markdown.Substring(wide.Start, wide.Length).ShouldBe("The **river bridge** at");
    }

    [Fact]
    public void MarkdownKeepsLiveBlogUpdatesAsPosts()
    {
        var cleaned = MarkdownReader.Clean("## Saturday\n\nUPDATE 06:40 CEST: The column **reached** the city.\n\nUPDATE 07:10 CEST: It moved on.\n");

        cleaned.Text.ShouldBe("Saturday\n\nUPDATE 06:40 CEST: The column reached the city.\n\nUPDATE 07:10 CEST: It moved on.");
    }

    [Fact]
    public void ReadersAreChosenBySniffingNotOnlyByName()
    {
        Fixture.ReadBytes("scan-001", ThreePagePdf()).Documents.ShouldHaveSingleItem().Regions.ShouldNotBeEmpty();
        var eml = DocumentFactory.Eml(Thread()[0]);
        Fixture.ReadBytes("message.txt", eml).Documents.ShouldHaveSingleItem().Posts.ShouldHaveSingleItem().Author.ShouldBe("Lena Ortiz");
        DocumentIngestor.CreateBinaryReaders(IngestOptions.Default).Select(r => r.Name).ShouldBe(["read.pdf.v1", "read.docx.v1", "read.email.v1"]);
    }
}
