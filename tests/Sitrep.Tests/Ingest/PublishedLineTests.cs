using System.Text;
using Shouldly;
using Sitrep.Ingest.Structure;

namespace Sitrep.Tests.Ingest;

/// <summary>
/// A plain text copied from a news page keeps its own publication line ("Published: March 13, 2013"); read as the
/// report's date, so that two reports of different days are not taken for one (brief14 round; lines written for these
/// tests in the forms such pages use).
/// </summary>
public sealed class PublishedLineTests
{
    [Theory]
    [InlineData("Published: March 13, 2013", "2013-03-13T00:00:00+00:00")]
    [InlineData("PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 22:19 GMT, 12 March 2013", "2013-03-12T02:31:00+00:00")]
    [InlineData("PUBLISHED FRIDAY, MARCH 8, 2013 AT 12:46 PM/UPDATED AT 12:48 PM", "2013-03-08T00:00:00+00:00")]
    [InlineData("Posted on March 09, 2013", "2013-03-09T00:00:00+00:00")]
    [InlineData("Posted Oct 26, 2011 8:57 AM CDT", "2011-10-26T08:57:00-05:00")]
    [InlineData("Published time: March 12, 2013 02:03", "2013-03-12T00:00:00+00:00")]
    public void APublicationLineNearTheTop_GivesTheReportsDate(string line, string expected)
    {
        var text = "Harbour strike spreads to second port\n\n" + line + "\n\nDockers walked out at the northern terminal on Monday.\n";

        PublishedLine.Find(text).ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Posted to a harbour forum on March 3, 2013, the video shows dockers at the gate of the northern terminal before the strike began.")]
    [InlineData("Published by the harbour office")]
    [InlineData("Updated")]
    public void ASentenceThatOpensWithTheWord_OrALabelWithoutADate_GivesNoDate(string line) =>
        PublishedLine.Find("Harbour strike spreads\n\n" + line + "\n").ShouldBeNull();

    [Fact]
    public void AnUpdatedLineIsReadOnlyWhenNoPublicationLineIsThere()
    {
        PublishedLine.Find("Strike\nUpdated: 14 March 2013\nPublished: 13 March 2013\n").ShouldBe(new DateTimeOffset(2013, 3, 13, 0, 0, 0, TimeSpan.Zero));
        PublishedLine.Find("Strike\nUpdated: 14 March 2013\n").ShouldBe(new DateTimeOffset(2013, 3, 14, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void APlainTextsPublicationLineIsItsSourcesPublicationTime()
    {
        var text = "Harbour strike spreads to second port\nPublished: March 13, 2013\n\nDockers walked out at the northern terminal on Monday.\n";

        var doc = Fixture.ReadBytes("strike.txt", Encoding.UTF8.GetBytes(text)).Documents.ShouldHaveSingleItem();

        doc.Source.Published.ShouldBe(new DateTimeOffset(2013, 3, 13, 0, 0, 0, TimeSpan.Zero));
    }
}
