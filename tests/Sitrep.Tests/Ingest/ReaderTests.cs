using System.Text;
using Shouldly;
using Sitrep.Documents;
using Sitrep.Errors;

namespace Sitrep.Tests.Ingest;

public sealed class ReaderTests
{
    private const string Page = """
        <!doctype html>
        <html><head>
        <title>Harbour barrier approved | Riverside Gazette</title>
        <link rel="canonical" href="https://gazette.example.org/2024/barrier">
        <meta property="og:site_name" content="Riverside Gazette">
        <meta name="author" content="Meta Author">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council approves harbour barrier","datePublished":"2024-03-05T10:30:00+01:00","author":{"@type":"Person","name":"Ines Varga"},"publisher":{"@type":"Organization","name":"Riverside Gazette"}}</script>
        </head><body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li><li><a href="/sport">Sport</a></li></ul></nav>
        <div class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Ferry timetable changes</a></li><li><a href="/b">Lighthouse fails inspection</a></li></ul></div>
        <article class="story-body">
          <h1>Council approves harbour barrier</h1>
          <p>The council voted on Tuesday to fund a movable barrier at the mouth of the harbour, ending a dispute that has run for two years.</p>
          <p>Engineers expect construction to take eighteen months, and the barrier will close automatically when the tide gauge passes a set level.</p>
          <p>Opponents argued that the money should go to drainage inland, but the vote passed by nine votes to four.</p>
          <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
        </article>
        <footer><p>Copyright 2024 Riverside Gazette. All rights reserved.</p></footer>
        </body></html>
        """;

    [Fact]
    public void WhenAPageIsRead_TheMainTextIsKeptAndNavigationIsDropped()
    {
        var result = Fixture.ReadBytes("barrier.html", Encoding.UTF8.GetBytes(Page));

        var doc = result.Documents.ShouldHaveSingleItem();
        doc.Text.ShouldContain("movable barrier at the mouth of the harbour");
        doc.Text.ShouldContain("nine votes to four");
        doc.Text.ShouldNotContain("Lighthouse fails inspection");
        doc.Text.ShouldNotContain("All rights reserved");
        doc.Text.ShouldNotContain("Sport");
        doc.Kind.ShouldBe(DocumentKind.Article);
    }

    [Fact]
    public void WhenAPageHasJsonLdAndMetaTags_TitleBylineDateAndCanonicalUrlAreRead()
    {
        var doc = Fixture.ReadBytes("barrier.html", Encoding.UTF8.GetBytes(Page)).Documents.Single();

        doc.Title.ShouldBe("Council approves harbour barrier");
        doc.Source.Author.ShouldBe("Ines Varga");
        doc.Source.Outlet.ShouldBe("Riverside Gazette");
        doc.Source.Url.ShouldBe("https://gazette.example.org/2024/barrier");
        doc.Source.Published.ShouldBe(new DateTimeOffset(2024, 3, 5, 10, 30, 0, TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData("<title>Dam spillway opened after rain | Valley Courier</title>", "<h1>Valley Courier</h1><h1>Dam spillway opened after rain</h1>", "Dam spillway opened after rain")]
    [InlineData("<title>Valley Courier - Dam spillway opened after heavy overnight rain</title>", "<h1>Valley Courier</h1>", "Dam spillway opened after heavy overnight rain")]
    [InlineData("", "<h1>Dam spillway opened</h1>", "Dam spillway opened")]
    public void WhenAPageHasNoTitleMetadata_TheTitleIsTheHeadingTheDocumentTitleRepeatsNotTheMasthead(string head, string headings, string expected)
    {
        var page = $"<html><head>{head}</head><body>{headings}<article><p>The spillway gates opened at dawn after two days of heavy rain upstream, and the river rose by a metre within the hour.</p><p>Residents of the lower town were told to move cars away from the embankment before the evening.</p></article></body></html>";

        var doc = Fixture.ReadBytes("dam.html", Encoding.UTF8.GetBytes(page)).Documents.Single();

        doc.Title.ShouldBe(expected);
    }

    [Fact]
    public void WhenAPageIsSavedWithATextExtension_ContentSniffingStillReadsItAsHtml()
    {
        var doc = Fixture.ReadBytes("saved-page.txt", Encoding.UTF8.GetBytes(Page)).Documents.Single();

        doc.Text.ShouldNotContain("<p>");
        doc.Source.Author.ShouldBe("Ines Varga");
    }

    [Fact]
    public void WhenAnRssFeedIsRead_EachItemIsAFeedItemWithTheFeedAsOutlet()
    {
        var result = Fixture.Read("feed.xml");

        result.Errors.ShouldBeEmpty();
        result.Documents.Count.ShouldBe(2);
        var first = result.Documents[0];
        first.Kind.ShouldBe(DocumentKind.FeedItem);
        first.Title.ShouldBe("Grain ship runs aground outside northern port");
        first.Source.Outlet.ShouldBe("Coastline Wire: Maritime");
        first.Source.Author.ShouldBe("Lena Ortmann");
        first.Source.Url.ShouldBe("https://coastline.example.com/2024/03/03/grain-ship-aground");
        first.Source.Published.ShouldBe(new DateTimeOffset(2024, 3, 3, 9, 30, 0, TimeSpan.Zero));
        first.Text.ShouldContain("All nineteen crew members were reported safe.");
        first.Text.ShouldNotContain("<p>");
        result.Documents[1].Text.ShouldContain("High winds are expected");
    }

    [Fact]
    public void WhenAnAtomFeedIsRead_EntriesCarryTheirAuthorLinkAndDate()
    {
        var doc = Fixture.Read("atom.xml").Documents.ShouldHaveSingleItem();

        doc.Source.Outlet.ShouldBe("Harbour Notes");
        doc.Source.Author.ShouldBe("Mara Lind");
        doc.Source.Url.ShouldBe("https://notes.example.org/tides-april");
        doc.Source.Published.ShouldBe(new DateTimeOffset(2024, 3, 28, 12, 0, 0, TimeSpan.FromHours(1)));
        doc.Text.ShouldContain("Spring tides peak on the tenth");
    }

    [Fact]
    public void WhenJsonLinesAreRead_GoodLinesAreDocumentsAndEachBadLineIsOneErrorEntry()
    {
        var result = Fixture.Read("scraped.jsonl");

        result.Documents.Count.ShouldBe(2);
        var first = result.Documents[0];
        first.Title.ShouldBe("Ferries resume");
        first.Source.ShouldBe(new Source("Island Post", "Ola Berg", "https://islands.example.net/ferries", new DateTimeOffset(2024, 3, 6, 8, 0, 0, TimeSpan.Zero)));
        result.Errors.Count.ShouldBe(2);
        result.Errors.ShouldAllBe(e => e.Code == SitrepErrors.JsonLineInvalid.Code);
        result.Errors.Select(e => e.Message).ShouldContain(m => m.StartsWith("Line 2 ", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenATelegramExportIsRead_EachMessageIsAPostWithDateAndAuthorAndUnknownFieldsAreIgnored()
    {
        var result = Fixture.Read("result.json");

        result.Errors.ShouldBeEmpty();
        var doc = result.Documents.ShouldHaveSingleItem();
        doc.Source.Outlet.ShouldBe("Harbour Watch");
        doc.Posts.Count.ShouldBe(2);
        doc.Posts[0].Author.ShouldBe("Harbour Watch");
        doc.Posts[0].Time!.Value.ShouldBe("2024-03-03T06:12");
        doc.Slice(doc.Posts[1].Range).ShouldContain("Coast guard: no leak so far. Photos: https://t.example.net/p/3");
        doc.Slice(doc.Posts[1].Header!.Value).ShouldBe("Harbour Watch · 2024-03-03T07:45:00");
        doc.Slice(doc.Posts[1].Time!.Range!.Value).ShouldBe("2024-03-03T07:45:00");
    }

    [Fact]
    public void WhenAFileIsGzipped_ItIsReadAsTheFileInside()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Page));
        }

        var doc = Fixture.ReadBytes("barrier.html.gz", buffer.ToArray()).Documents.ShouldHaveSingleItem();

        doc.Source.Author.ShouldBe("Ines Varga");
    }

    [Fact]
    public void WhenATextIsNotEnglish_ItIsStoredUnchangedAndFlagged()
    {
        const string german = "Der Stadtrat hat am Dienstag beschlossen, eine bewegliche Sperre an der Hafeneinfahrt zu bauen. Die Arbeiten sollen achtzehn Monate dauern, und die Sperre wird sich automatisch schließen, wenn der Pegel steigt.";
        var result = Fixture.ReadBytes("sperre.txt", Encoding.UTF8.GetBytes(german));

        var doc = result.Documents.ShouldHaveSingleItem();
        doc.Text.ShouldBe(german);
        doc.Language.ShouldBe("de");
        result.Errors.ShouldContain(e => e.Code == SitrepErrors.NotEnglish.Code && e.Severity == ErrorSeverity.Warning);
    }

    [Theory]
    [InlineData("The council voted on Tuesday to fund a movable barrier, and the vote passed by nine votes to four after a long debate.", "en")]
    [InlineData("Le conseil a voté mardi pour financer une barrière mobile à l'entrée du port, et le vote a été acquis par neuf voix contre quatre.", "fr")]
    [InlineData("Городской совет во вторник проголосовал за строительство подвижного барьера в гавани, и это решение было принято большинством.", "ru")]
    [InlineData("Міська рада у вівторок проголосувала за будівництво рухомого бар'єра в гавані, і це рішення було ухвалене більшістю.", "uk")]
    public void LanguageIsIdentifiedFromScriptAndFunctionWords(string text, string code) =>
        Sitrep.Ingest.Language.LanguageIdentifier.Identify(text).ShouldBe(code);
}
